//! A kept page: its bytes, its gzip and brotli copies made on first demand, its headers
//! (ETag, the policy naming its inline scripts by hash), and the answer to one request.

use crate::etag;
use axum::body::{to_bytes, Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use std::io::Write;
use std::sync::atomic::AtomicU64;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    /// The best encoding the client accepts (brotli, then gzip).
    pub(super) fn preferred(headers: &HeaderMap) -> Encoding {
        let mut gzip = false;
        let mut brotli = false;
        for value in headers.get_all(header::ACCEPT_ENCODING) {
            let Ok(list) = value.to_str() else { continue };
            for item in list.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                if refused {
                    continue;
                }
                match name.as_str() {
                    "br" => brotli = true,
                    "gzip" | "x-gzip" => gzip = true,
                    _ => {}
                }
            }
        }
        if brotli {
            Encoding::Brotli
        } else if gzip {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }
}

/// One kept page.
pub struct Kept {
    pub(super) status: StatusCode,
    /// The rendered response's headers, with its ETag, policy and cache rule, without
    /// length or encoding.
    pub(super) headers: HeaderMap,
    pub(super) etag: HeaderValue,
    pub(super) identity: Bytes,
    pub(super) gzip: OnceLock<Bytes>,
    pub(super) brotli: OnceLock<Bytes>,
    pub(super) used: AtomicU64,
    pub(super) made: std::time::Instant,
}

impl Kept {
    /// Keeps a rendered response if it is the same for everyone; else gives it back.
    pub(super) async fn of(
        response: Response,
        tile_origin: Option<&str>,
    ) -> Result<Kept, Response> {
        let headers = response.headers();
        let is_html = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        let only_language_cookie = headers
            .get_all(header::SET_COOKIE)
            .iter()
            .all(|c| c.as_bytes().starts_with(b"lang="));
        let status = response.status();
        if !matches!(status, StatusCode::OK | StatusCode::NOT_FOUND)
            || !is_html
            || !only_language_cookie
            || headers.contains_key(header::CONTENT_ENCODING)
        {
            return Err(response);
        }
        let (parts, body) = response.into_parts();
        let identity = match to_bytes(body, usize::MAX).await {
            Ok(bytes) => bytes,
            Err(error) => {
                tracing::warn!(%error, "a page's body failed");
                let mut failed = Response::new(Body::empty());
                *failed.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                return Err(failed);
            }
        };
        let mut headers = parts.headers;
        headers.remove(header::CONTENT_LENGTH);
        let etag = HeaderValue::from_str(&etag::tag_of(&identity))
            .unwrap_or(HeaderValue::from_static("\"\""));
        headers.insert(header::ETAG, etag.clone());
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        if let Ok(policy) =
            HeaderValue::from_str(&crate::csp::policy_for_page(&identity, tile_origin))
        {
            headers.insert(header::CONTENT_SECURITY_POLICY, policy);
        }
        Ok(Kept {
            status,
            headers,
            etag,
            identity,
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
            used: AtomicU64::new(0),
            made: std::time::Instant::now(),
        })
    }

    /// The body in an encoding, compressed on its first demand.
    fn body(&self, encoding: Encoding) -> Bytes {
        match encoding {
            Encoding::Identity => self.identity.clone(),
            Encoding::Gzip => self.gzip.get_or_init(|| gzip(&self.identity)).clone(),
            Encoding::Brotli => self.brotli.get_or_init(|| brotli(&self.identity)).clone(),
        }
    }

    /// The answer to one request: 304 when the client holds these bytes.
    pub(super) fn answer(
        &self,
        encoding: Encoding,
        if_none_match: Option<&HeaderValue>,
    ) -> Response {
        let mut headers = self.headers.clone();
        let tag = self.etag.to_str().unwrap_or("");
        if self.status == StatusCode::OK && if_none_match.is_some_and(|v| etag::matches(v, tag)) {
            let mut response = Response::new(Body::empty());
            *response.status_mut() = StatusCode::NOT_MODIFIED;
            for name in [header::CONTENT_TYPE, header::SET_COOKIE] {
                headers.remove(name);
            }
            *response.headers_mut() = headers;
            return response;
        }
        let body = self.body(encoding);
        let name = match encoding {
            Encoding::Identity => None,
            Encoding::Gzip => Some("gzip"),
            Encoding::Brotli => Some("br"),
        };
        if let Some(name) = name {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
        }
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = self.status;
        *response.headers_mut() = headers;
        response
    }
}

fn gzip(bytes: &[u8]) -> Bytes {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 4),
        flate2::Compression::default(),
    );
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default().into()
}

fn brotli(bytes: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(bytes.len() / 5);
    {
        // Quality 6 of 11: most of the gain at a few ms for the largest page.
        let mut encoder = brotli::CompressorWriter::new(&mut out, 16 * 1024, 6, 22);
        let _ = encoder.write_all(bytes);
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_gets_the_best_encoding_it_accepts() {
        let headers = |v: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(v));
            h
        };
        assert_eq!(Encoding::preferred(&HeaderMap::new()), Encoding::Identity);
        assert_eq!(
            Encoding::preferred(&headers("gzip, deflate")),
            Encoding::Gzip
        );
        assert_eq!(
            Encoding::preferred(&headers("gzip, deflate, br, zstd")),
            Encoding::Brotli
        );
        assert_eq!(
            Encoding::preferred(&headers("br;q=0, gzip;q=0.5")),
            Encoding::Gzip
        );
        assert_eq!(
            Encoding::preferred(&headers("identity")),
            Encoding::Identity
        );
    }

    #[test]
    fn compressed_copies_read_back_to_the_page() {
        use std::io::Read;
        let text = "<p>Gemeentehuis / Mairie</p>".repeat(200);
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gzip(text.as_bytes())[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
        let mut back = String::new();
        brotli::Decompressor::new(&brotli(text.as_bytes())[..], 4096)
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
    }
}

//! Conditional GET for the open data API and the map's GeoJSON: a strong ETag from the
//! body, and `304 Not Modified` when the client already holds it. Answers can depend on
//! the time (open now), so the tag comes from the bytes, never from a data version.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::hash::{Hash, Hasher};

/// Bodies larger than this (a full export) are sent without a tag.
const MAX_TAGGED_BYTES: usize = 16 * 1024 * 1024;

pub async fn conditional_get(request: Request, next: Next) -> Response {
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::ETAG) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, MAX_TAGGED_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let tag = tag_of(&bytes);
    if let Ok(value) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, value);
    }
    parts
        .headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-cache"));
    if if_none_match.is_some_and(|v| matches(&v, &tag)) {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

pub fn tag_of(bytes: &[u8]) -> String {
    // SipHash with fixed keys: the same bytes give the same tag in every process.
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("\"{:016x}-{:x}\"", hasher.finish(), bytes.len())
}

/// `If-None-Match`: a list of tags (weak ones compare equal too) or `*`.
pub fn matches(header: &HeaderValue, tag: &str) -> bool {
    header.to_str().is_ok_and(|list| {
        list.split(',')
            .map(|t| t.trim().trim_start_matches("W/"))
            .any(|t| t == tag || t == "*")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_stable_and_lists_match() {
        assert_eq!(tag_of(b"abc"), tag_of(b"abc"));
        assert_ne!(tag_of(b"abc"), tag_of(b"abd"));
        let tag = tag_of(b"abc");
        let list = HeaderValue::from_str(&format!("\"x\", W/{tag}")).unwrap();
        assert!(matches(&list, &tag));
        assert!(!matches(&HeaderValue::from_static("\"x\""), &tag));
    }
}

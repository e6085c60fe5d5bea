//! The Content-Security-Policy of every HTML response, with a nonce per response.
//!
//! The middleware makes the nonce and puts it in the request's extensions; the Leptos
//! context hands the same value to `leptos::nonce` (which writes it on the hydration
//! and streaming scripts), and the header names it. Nothing inline runs without it.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use leptos::nonce::Nonce;

/// The nonce of the request being answered.
#[derive(Clone, Debug)]
pub struct CspNonce(pub Nonce);

/// The policy, given the nonce and the optional tile host of the map.
pub fn policy(nonce: &str, tile_origin: Option<&str>) -> String {
    policy_allowing(&format!("'nonce-{nonce}'"), tile_origin)
}

/// The policy of a page the page cache keeps and sends again (`page_cache`): a nonce
/// must not be sent twice, so its inline scripts are allowed by their SHA-256 hashes.
pub fn policy_for_page(html: &[u8], tile_origin: Option<&str>) -> String {
    let hashes: Vec<String> = inline_scripts(html)
        .map(|script| {
            use base64::Engine;
            use sha2::Digest;
            let digest = sha2::Sha256::digest(script);
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    policy_allowing(&hashes.join(" "), tile_origin)
}

fn policy_allowing(inline: &str, tile_origin: Option<&str>) -> String {
    let tiles = tile_origin.map(|o| format!(" {o}")).unwrap_or_default();
    let inline = if inline.is_empty() {
        String::new()
    } else {
        format!(" {inline}")
    };
    format!(
        "default-src 'self'; script-src 'self'{inline} 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:{tiles}; connect-src 'self'; \
         font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// The text of every inline `<script>` (one without `src`) of a page we rendered,
/// exactly as the browser hashes it.
fn inline_scripts(html: &[u8]) -> impl Iterator<Item = &[u8]> {
    const OPEN: &[u8] = b"<script";
    const CLOSE: &[u8] = b"</script>";
    let find = |hay: &[u8], needle: &[u8], from: usize| {
        hay.get(from..)?
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
            .map(|at| at + from)
    };
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let start = find(html, OPEN, from)?;
        let tag_end = find(html, b">", start)?;
        let end = find(html, CLOSE, tag_end)?;
        from = end + CLOSE.len();
        let tag = String::from_utf8_lossy(&html[start..tag_end]).to_ascii_lowercase();
        let external = tag
            .split(|c: char| c.is_ascii_whitespace())
            .any(|attribute| attribute.starts_with("src="));
        if !external {
            return Some(&html[tag_end + 1..end]);
        }
    })
}

/// The scheme and host of a tile URL template (`https://tiles.example/{z}/…`).
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split('/').next().filter(|h| !h.is_empty())?;
    // Leaflet's `{s}` subdomains: any subdomain of that host.
    let host = host.replacen("{s}.", "*.", 1);
    matches!(scheme, "http" | "https")
        .then(|| format!("{scheme}://{host}"))
        .filter(|o| !o.contains(['{', ' ', ';', '\'']))
}

pub async fn add_policy(tile_origin: Option<String>, mut request: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        if let Ok(value) = HeaderValue::from_str(&policy(&nonce, tile_origin.as_deref())) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    response
}

/// For the Leptos context: the nonce the header of this response names.
pub fn provide_request_nonce() {
    use leptos::prelude::{provide_context, use_context};
    if let Some(nonce) = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned())
    {
        provide_context(nonce.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_page_names_its_inline_scripts_by_hash_and_no_nonce() {
        let html = br#"<html><script type="module" nonce="n1">import('/pkg/a.js')</script>
            <script src="/js/map.js" nonce="n1"></script><SCRIPT>x()</SCRIPT></html>"#;
        let scripts: Vec<&[u8]> = inline_scripts(html).collect();
        assert_eq!(scripts, vec![&b"import('/pkg/a.js')"[..], &b"x()"[..]]);
        let p = policy_for_page(html, None);
        assert!(!p.contains("nonce"), "{p}");
        // echo -n "x()" | openssl dgst -sha256 -binary | base64
        assert!(
            p.contains("'sha256-D6IGS8VMvCoyaR/l0h9tERrBTATY01CoPS7l6xDv0kI='"),
            "{p}"
        );
        assert_eq!(p.matches("'sha256-").count(), 2);
        let none = policy_for_page(b"<p>no script</p>", None);
        assert!(
            none.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{none}"
        );
    }

    #[test]
    fn the_policy_is_strict() {
        let p = policy("abc", Some("https://tiles.example"));
        assert!(p.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(!p.contains("unsafe-inline"));
        for part in [
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "img-src 'self' data: https://tiles.example;",
        ] {
            assert!(p.contains(part), "{part}");
        }
    }

    #[test]
    fn only_a_plain_origin_is_taken_from_the_tile_url() {
        assert_eq!(
            origin_of("https://tile.example.org/{z}/{x}/{y}.png").as_deref(),
            Some("https://tile.example.org")
        );
        assert_eq!(origin_of("javascript:alert(1)"), None);
        assert_eq!(
            origin_of("https://{s}.tile.example/{z}").as_deref(),
            Some("https://*.tile.example")
        );
        assert_eq!(origin_of("https://{x}/{z}"), None);
        assert_eq!(origin_of("https://a.example;script-src *"), None);
    }
}

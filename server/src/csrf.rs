//! Cross-site request forgery, first line: a state-changing request (anything but GET,
//! HEAD, OPTIONS) that a browser says comes from another site is refused before it
//! reaches a handler. Browsers send `Sec-Fetch-Site` (and `Origin`) on such requests;
//! clients that send neither (curl, scripts) are no CSRF vector. The second line is the
//! per-session form token that every staff action checks (`app::auth::guard`).

use axum::extract::Request;
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Whether the browser's own headers say this request comes from another origin.
pub fn cross_origin(method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let value = |name| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = value(header::HeaderName::from_static("sec-fetch-site")) {
        // "none": typed or bookmarked by the user; "same-origin": our own page.
        return !matches!(site, "same-origin" | "none");
    }
    match (value(header::ORIGIN), value(header::HOST)) {
        (Some("null"), _) => true,
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .map(|(_, authority)| authority != host)
            .unwrap_or(true),
        (Some(_), None) => true,
        (None, _) => false,
    }
}

pub async fn refuse_cross_site(request: Request, next: Next) -> Response {
    if cross_origin(request.method(), request.headers()) {
        tracing::warn!(path = %request.uri().path(), "cross-site request refused");
        let body = serde_json::to_vec(&app::error::AppError::Forbidden).unwrap_or_default();
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn only_state_changes_from_elsewhere_are_refused() {
        let post = Method::POST;
        assert!(cross_origin(
            &post,
            &headers(&[("sec-fetch-site", "cross-site")])
        ));
        assert!(cross_origin(
            &post,
            &headers(&[("sec-fetch-site", "same-site")])
        ));
        assert!(!cross_origin(
            &post,
            &headers(&[("sec-fetch-site", "same-origin")])
        ));
        assert!(!cross_origin(
            &Method::GET,
            &headers(&[("sec-fetch-site", "cross-site")])
        ));
        assert!(cross_origin(
            &post,
            &headers(&[("origin", "https://evil.example"), ("host", "gd.example")])
        ));
        assert!(!cross_origin(
            &post,
            &headers(&[("origin", "https://gd.example"), ("host", "gd.example")])
        ));
        assert!(cross_origin(
            &post,
            &headers(&[("origin", "null"), ("host", "gd.example")])
        ));
        assert!(!cross_origin(&post, &headers(&[("host", "gd.example")])));
    }
}

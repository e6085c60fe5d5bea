//! Requests as a browser sends them, through the router without a network: GET, a form's
//! POST, where a redirect goes, a server function's path.

use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use leptos::server_fn::ServerFn;
use tower::ServiceExt;

pub use super::common::encode;

/// A GET with these headers: the status, the headers and the body.
pub async fn get(
    router: &axum::Router,
    uri: &str,
    headers: &[(header::HeaderName, &str)],
) -> (StatusCode, HeaderMap, String) {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

/// A form's POST (`application/x-www-form-urlencoded`) with these headers; the body as
/// given, well-formed or not.
pub async fn post(
    router: &axum::Router,
    uri: &str,
    body: impl AsRef<[u8]>,
    headers: &[(&str, &str)],
) -> (StatusCode, HeaderMap, String) {
    let mut request =
        Request::post(uri).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::from(body.as_ref().to_vec())).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

/// Posts a public form's fields as a browser without JavaScript: the answer must be a
/// redirect; its status and where it goes.
pub async fn post_form(
    router: &axum::Router,
    fn_path: &str,
    fields: &[(String, String)],
) -> (StatusCode, String) {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (status, headers, body) =
        post(router, fn_path, &encode(&pairs), &[("accept", "text/html")]).await;
    assert!(status.is_redirection(), "{status}: {body}");
    (status, location(&headers))
}

/// Where a redirect goes (empty when the answer is none).
pub fn location(headers: &HeaderMap) -> String {
    headers
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// The path a server function is posted to.
pub fn path<T: ServerFn>() -> &'static str {
    T::PATH
}

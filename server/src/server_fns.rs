//! A guard in front of the server functions: their bodies are small forms, so a larger
//! one is refused before it is read whole, with the same error body as any other
//! server-function error (`AppError`'s JSON, with its message in both languages).

use app::error::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Larger than any form of the app (a report is at most 2 000 characters).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The paths of the registered server functions (registered before `main` runs).
static PATHS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect()
});

/// Whether a path is one of the server functions'.
pub fn is_server_fn(path: &str) -> bool {
    PATHS.contains(path)
}

pub async fn limit_body(request: Request, next: Next) -> Response {
    if !PATHS.contains(request.uri().path()) {
        return next.run(request).await;
    }
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > MAX_BODY_BYTES) {
        return too_large();
    }
    let (parts, body) = request.into_parts();
    match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(_) => too_large(),
    }
}

fn too_large() -> Response {
    let body = serde_json::to_vec(&AppError::BadRequest("too-large".into())).unwrap_or_default();
    (
        StatusCode::BAD_REQUEST,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response()
}

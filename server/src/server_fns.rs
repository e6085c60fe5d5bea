//! A guard in front of the server functions: their bodies are small forms, so a larger
//! one is refused before it is read whole, with the same error body as any other
//! server-function error (`AppError`'s JSON, with its message in both languages). The
//! import's upload is the one exception: a file of up to `MAX_UPLOAD_BYTES`.

use app::error::AppError;
use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::server_fn::ServerFn;
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

/// The largest body a server function at `path` takes.
fn limit_of(path: &str) -> usize {
    if path == <app::transfer::ImportUpload as ServerFn>::PATH {
        // The file, and the form's few small fields around it.
        app::transfer::MAX_UPLOAD_BYTES + MAX_BODY_BYTES
    } else {
        MAX_BODY_BYTES
    }
}

pub async fn limit_body(request: Request, next: Next) -> Response {
    if !PATHS.contains(request.uri().path()) {
        return next.run(request).await;
    }
    let limit = limit_of(request.uri().path());
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > limit) {
        return too_large();
    }
    let (parts, body) = request.into_parts();
    let request = match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => Request::from_parts(parts, Body::from(bytes)),
        Err(_) => return too_large(),
    };
    if limit == MAX_BODY_BYTES {
        return next.run(request).await;
    }
    // Extractors (the upload's multipart reader) have their own default limit of 2 MB:
    // this body is already read and bounded, so they are told the same bound.
    use tower::{Layer, ServiceExt};
    let service = DefaultBodyLimit::max(limit).layer(next);
    service
        .oneshot(request)
        .await
        .unwrap_or_else(|e| match e {})
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

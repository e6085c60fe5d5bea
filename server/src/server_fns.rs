//! A guard in front of the server functions: their bodies are small forms, so a larger
//! one is refused before it is read whole, with the same error body as any other
//! server-function error (`AppError`'s JSON, with its message in both languages). The
//! import's upload is the one exception: a file of up to `MAX_UPLOAD_BYTES`, read only
//! for a signed-in admin (checked from the headers before any of the body is read), and
//! only `UPLOADS_AT_ONCE` at a time.

use app::db::Db;
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
use std::time::Duration;
use tokio::sync::Semaphore;

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

/// The largest body of the upload: the file, and the form's few small fields around it.
const UPLOAD_LIMIT: usize = app::transfer::MAX_UPLOAD_BYTES + MAX_BODY_BYTES;

/// Uploads read and checked at once: each holds its file (up to 20 MB) in memory.
pub const UPLOADS_AT_ONCE: usize = 2;
/// How long an upload waits for its turn before it is answered 503 (busy).
const UPLOAD_WAIT: Duration = Duration::from_secs(60);

/// The turns of the uploads of one router (one app server).
#[derive(Clone)]
pub struct Uploads(std::sync::Arc<Semaphore>);

impl Default for Uploads {
    fn default() -> Self {
        Uploads(std::sync::Arc::new(Semaphore::new(UPLOADS_AT_ONCE)))
    }
}

pub async fn limit_body(db: Db, uploads: Uploads, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !PATHS.contains(path) {
        return next.run(request).await;
    }
    if path == <app::transfer::ImportUpload as ServerFn>::PATH {
        return upload(&db, &uploads, request, next).await;
    }
    match read_within(request, MAX_BODY_BYTES).await {
        Ok(request) => next.run(request).await,
        Err(response) => response,
    }
}

/// Whether the request says its body is longer than `limit` bytes.
fn declared_over(request: &Request, limit: usize) -> bool {
    request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .is_some_and(|len| len > limit)
}

/// The request with its body read, if it is within `limit` bytes.
async fn read_within(request: Request, limit: usize) -> Result<Request, Response> {
    if declared_over(&request, limit) {
        return Err(refuse(request, AppError::BadRequest("too-large".into())));
    }
    let (parts, body) = request.into_parts();
    match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => Ok(Request::from_parts(parts, Body::from(bytes))),
        Err(_) => Err(error_response(&AppError::BadRequest("too-large".into()))),
    }
}

/// The import's upload: who is asking first (from the session cookie, before a byte of
/// the body is read), then a turn among `UPLOADS_AT_ONCE`, then the body.
async fn upload(db: &Db, uploads: &Uploads, request: Request, next: Next) -> Response {
    let session = match app::auth::guard::from_headers(db, request.headers()).await {
        Ok(session) => session,
        Err(error) => return refuse(request, error),
    };
    match session {
        Some(session) if session.staff.is_admin() => {}
        Some(_) => return refuse(request, AppError::Forbidden),
        None if app::kernel::request::accepts_html(request.headers()) => {
            // A browser whose session ended: to the sign-in form, and back to the page.
            let lang = referring_lang(&request);
            let page = app::routes::Page::StaffData.path(lang);
            let to = format!(
                "{}{}",
                app::routes::Page::StaffSignIn.path(lang),
                app::kernel::query::query_string([("next", page.as_str())])
            );
            drain(request);
            return (StatusCode::FOUND, [(header::LOCATION, to)]).into_response();
        }
        None => return refuse(request, AppError::Unauthorized),
    }
    let limit = UPLOAD_LIMIT;
    if declared_over(&request, limit) {
        return refuse(request, AppError::BadRequest("too-large".into()));
    }
    let Ok(Ok(_turn)) = tokio::time::timeout(UPLOAD_WAIT, uploads.0.acquire()).await else {
        tracing::warn!("upload refused: {UPLOADS_AT_ONCE} uploads already under way");
        return refuse(request, AppError::Busy);
    };
    // The multipart reader streams the body (one copy of the file in memory, not two),
    // within the same bound (its own default is 2 MB).
    use tower::{Layer, ServiceExt};
    let service = DefaultBodyLimit::max(limit).layer(next);
    service
        .oneshot(request)
        .await
        .unwrap_or_else(|e| match e {})
}

/// The language of the page the form was posted from (the upload form's own page).
fn referring_lang(request: &Request) -> app::i18n::Lang {
    request
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.parse::<axum::http::Uri>().ok())
        .and_then(|uri| app::i18n::Lang::from_path(uri.path()))
        .unwrap_or(app::i18n::Lang::Nl)
}

/// Answers with `error` without reading the body.
fn refuse(request: Request, error: AppError) -> Response {
    drain(request);
    error_response(&error)
}

/// Bodies of refused requests being discarded at once, at most.
static DRAINS: Semaphore = Semaphore::const_new(64);

/// Discards what the client still sends of a refused request, without keeping it, so
/// that the client reads the answer instead of a reset connection. A bounded number at
/// a time, each for a bounded time and size; past that the connection is simply closed.
fn drain(request: Request) {
    let Ok(turn) = DRAINS.try_acquire() else {
        return;
    };
    turn.forget();
    let mut body = request.into_body();
    let limit = UPLOAD_LIMIT;
    tokio::spawn(async move {
        use http_body_util::BodyExt;
        let mut seen = 0usize;
        let _ = tokio::time::timeout(Duration::from_secs(30), async {
            while let Some(Ok(frame)) = body.frame().await {
                seen += frame.data_ref().map_or(0, |d| d.len());
                if seen > limit {
                    break;
                }
            }
        })
        .await;
        DRAINS.add_permits(1);
    });
}

fn error_response(error: &AppError) -> Response {
    let body = serde_json::to_vec(error).unwrap_or_default();
    let mut response = (
        error.status(),
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response();
    if *error == AppError::Busy {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
    }
    response
}

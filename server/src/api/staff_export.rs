//! The export's downloads (`/api/v1/staff/export/{file}`): admins only, checked from the
//! session cookie like every staff request; never cached.

use super::ApiError;
use crate::state::AppState;
use app::error::AppError;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};

pub async fn download(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let session = app::auth::guard::from_headers(&state.db, &headers)
        .await?
        .ok_or(AppError::Unauthorized)?;
    app::auth::guard::admin(&session)?;
    let (content_type, body) = app::transfer::export::file(&state.db, &name)
        .await?
        .ok_or(AppError::NotFound)?;
    tracing::info!(user = %session.staff.id, file = %name, "export downloaded");
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response())
}

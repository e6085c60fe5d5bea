//! The personal downloads: a meeting's list as CSV for its staff (checked from the
//! session cookie like every staff request), and a person's own registration or idea as
//! JSON through their link. Never cached, never sent on as a referrer.

use super::ApiError;
use crate::state::AppState;
use app::error::AppError;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};

fn private(content_type: &'static str, file_name: &str, body: String) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ),
        ],
        body,
    )
        .into_response()
}

/// `/api/v1/staff/registrations/{event}.csv`: admins, and editors of the meeting's
/// municipality.
pub async fn staff_csv(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let session = app::auth::guard::from_headers(&state.db, &headers)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let event = file.strip_suffix(".csv").ok_or(AppError::NotFound)?;
    let csv = app::registrations::repo::staff_csv(&state.db, &session.staff, event).await?;
    tracing::info!(user = %session.staff.id, %event, "registrations downloaded");
    Ok(private(
        "text/csv; charset=utf-8",
        &format!("registrations-{event}.csv"),
        csv,
    ))
}

/// `/api/v1/registration/{token}/data.json`: what is kept of a person, for them.
pub async fn own_data(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    let data = app::registrations::repo::export_data(&state.db, &token).await?;
    Ok(private(
        "application/json",
        "registration.json",
        serde_json::to_string_pretty(&data).map_err(AppError::from)?,
    ))
}

/// `/api/v1/idea/{token}/data.json`: an idea and its submitter's data, for them.
pub async fn idea_data(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, ApiError> {
    let data = app::ideas::repo::export_data(&state.db, &token).await?;
    Ok(private(
        "application/json",
        "idea.json",
        serde_json::to_string_pretty(&data).map_err(AppError::from)?,
    ))
}

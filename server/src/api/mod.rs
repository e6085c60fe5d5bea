//! The open data API (`/api/v1`, described by `/api/openapi.json`) and the map's
//! GeoJSON. Errors answer with their status and a JSON body, never a bare 500 page.

pub mod clusters;
pub mod events;
pub mod municipalities;
pub mod observatory;
pub mod openapi;
pub mod partner_candidates;
pub mod practices;
pub mod projects;
pub mod registrations;
pub mod service_exports;
pub mod services;
pub mod staff_export;

use crate::state::AppState;
use app::error::AppError;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use serde_json::Value;

/// An `AppError` as an HTTP response.
pub struct ApiError(pub AppError);

/// The body of every error answer.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// The HTTP status, repeated.
    pub status: u16,
    /// A stable code (`error-bad-request`, `error-not-found`, ...).
    pub code: String,
    /// What went wrong; for a bad parameter, its name.
    pub message: String,
    /// For a failure on our side: the reference to quote (the request's id, which the
    /// server's log lines of the request carry).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        // Internal details stay in the log; the message carries only their reference.
        let message = self.0.to_string();
        let body = ErrorBody {
            error: ErrorDetail {
                status: status.as_u16(),
                code: self.0.message_id().to_owned(),
                message,
                reference: match &self.0 {
                    AppError::Internal(reference) => Some(reference.clone()),
                    _ => None,
                },
            },
        };
        (status, Json(body)).into_response()
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        ApiError(error)
    }
}

/// Every API route with its OpenAPI entry, registered together: a route is in the
/// document because it is in the router (`utoipa_axum::routes!` reads the handler's
/// `#[utoipa::path]`, whose path is the route's).
pub fn router() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    use utoipa::OpenApi;
    use utoipa_axum::{router::OpenApiRouter, routes};
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(map_layers))
        .routes(routes!(map_boundaries))
        .routes(routes!(services::map_points))
        .routes(routes!(municipality_points))
        .routes(routes!(municipalities::list))
        .routes(routes!(municipalities::list_csv))
        .routes(routes!(municipalities::one))
        .routes(routes!(services::list))
        .routes(routes!(service_exports::list_csv))
        .routes(routes!(service_exports::list_geojson))
        .routes(routes!(services::one))
        .routes(routes!(projects::list))
        .routes(routes!(projects::one))
        .routes(routes!(practices::list))
        .routes(routes!(practices::one))
        .routes(routes!(partner_candidates::neighbours))
        .routes(routes!(partner_candidates::list))
        .routes(routes!(clusters::list))
        .routes(routes!(clusters::one))
        .routes(routes!(observatory::table))
        .routes(routes!(observatory::table_csv))
        .routes(routes!(events::list))
        .routes(routes!(events::list_ics))
        .routes(routes!(events::one))
        .routes(routes!(events::one_ics))
        .split_for_parts()
}

/// Parameters as pairs, refusing the ones we do not know (a typo should not silently
/// return everything).
pub fn query_pairs(raw: Option<&str>, known: &[&str]) -> Result<Vec<(String, String)>, ApiError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .into_owned()
        .collect();
    if let Some((key, _)) = pairs.iter().find(|(k, _)| !known.contains(&k.as_str())) {
        return Err(ApiError(AppError::BadRequest(key.clone())));
    }
    Ok(pairs)
}

/// A CSV download: a header row, then one row per record, each cell neutralised against
/// formula injection (`app::kernel::csv`).
pub fn csv_response<const N: usize>(
    name: &str,
    header_row: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> Result<Response, ApiError> {
    // Every cell through the one rule against formula injection (`kernel::csv`).
    let body = app::kernel::csv::write(&header_row, rows)
        .map_err(|e| ApiError(AppError::internal(format_args!("CSV: {e}"))))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
                    .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
            ),
        ],
        body,
    )
        .into_response())
}

/// A GeoJSON document that follows the query (not cached by time).
pub fn geojson_response(value: &impl serde::Serialize) -> Result<Response, ApiError> {
    let body = serde_json::to_string(value).map_err(AppError::from)?;
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/geo+json"),
        )],
        body,
    )
        .into_response())
}

/// GeoJSON that changes only with the data: cacheable for a while.
fn geojson(value: Value) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/geo+json"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=300"),
            ),
        ],
        value.to_string(),
    )
        .into_response()
}

/// The map's layers: the border, the countries, provinces and départements.
#[utoipa::path(
    get,
    path = "/api/v1/map/layers",
    tag = "map",
    responses((status = 200, description = "A FeatureCollection of lines and areas", content_type = "application/geo+json", body = Object))
)]
async fn map_layers(State(state): State<AppState>) -> Result<Response, ApiError> {
    Ok(geojson(app::map::repo::layers(&state.db).await?))
}

/// The French border communes' boundaries.
#[utoipa::path(
    get,
    path = "/api/v1/map/boundaries",
    tag = "map",
    responses((status = 200, description = "A FeatureCollection of polygons", content_type = "application/geo+json", body = Object))
)]
async fn map_boundaries(State(state): State<AppState>) -> Result<Response, ApiError> {
    Ok(geojson(app::map::repo::boundaries(&state.db).await?))
}

/// Every border municipality as a point (the map's markers).
#[utoipa::path(
    get,
    path = "/api/v1/municipalities.geojson",
    tag = "municipalities",
    responses((status = 200, description = "A FeatureCollection of points", content_type = "application/geo+json", body = Object))
)]
async fn municipality_points(State(state): State<AppState>) -> Result<Response, ApiError> {
    Ok(geojson(app::map::repo::points(&state.db).await?))
}

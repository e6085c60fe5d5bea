//! JSON endpoints: health and the map's GeoJSON. Errors answer with their status and
//! a JSON body, never a bare 500 page.

use crate::web::AppState;
use app::error::AppError;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

/// An `AppError` as an HTTP response.
pub struct ApiError(pub AppError);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let body = json!({ "error": { "status": status.as_u16(), "code": self.0.message_id(), "message": self.0.to_string() } });
        (status, Json(body)).into_response()
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        ApiError(error)
    }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/map/layers", get(map_layers))
        .route("/map/boundaries", get(map_boundaries))
        .route("/municipalities.geojson", get(municipality_points))
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

async fn map_layers(State(state): State<AppState>) -> Result<Response, ApiError> {
    Ok(geojson(app::map::repo::layers(&state.db).await?))
}

async fn map_boundaries(State(state): State<AppState>) -> Result<Response, ApiError> {
    Ok(geojson(app::map::repo::boundaries(&state.db).await?))
}

async fn municipality_points(State(state): State<AppState>) -> Result<Response, ApiError> {
    Ok(geojson(app::map::repo::points(&state.db).await?))
}

pub async fn healthz(State(state): State<AppState>) -> Response {
    match app::db::ping(&state.db).await {
        Ok(()) => (
            StatusCode::OK,
            Json(json!({ "status": "ok", "database": "ok" })),
        )
            .into_response(),
        Err(error) => {
            tracing::error!(?error, "health check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "error", "database": "unreachable" })),
            )
                .into_response()
        }
    }
}

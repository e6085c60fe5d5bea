//! The OpenAPI 3.1 description of `/api/v1`, generated from the handlers and types:
//! the document's head here, its paths from the routes themselves (`api::router`).

use axum::response::{IntoResponse, Response};
use axum::Json;
use std::sync::LazyLock;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Grensdiensten / Services frontaliers — open data API",
        description = "Services and municipalities of the French–Belgian border region. Texts are bilingual {nl, fr}. Data licences: see /nl/over-de-gegevens.",
        version = "1.0.0",
        license(name = "Data: Licence Ouverte 2.0, CC BY 4.0, ODbL (per record: source, licence)")
    ),
    tags(
        (name = "services", description = "Search services on both sides of the border"),
        (name = "municipalities", description = "Border municipalities, their neighbours and services"),
        (name = "projects", description = "Cooperation projects and pilot projects"),
        (name = "practices", description = "Good practices: what municipalities did together"),
        (name = "cooperation", description = "Clusters of municipalities and the observatory of cross-border service coverage"),
        (name = "events", description = "The agenda: meetings and events, as JSON and iCalendar"),
        (name = "map", description = "The map's layers and the points of a search"),
    )
)]
pub struct ApiDoc;

/// The whole document: the head and every route's entry.
static DOCUMENT: LazyLock<utoipa::openapi::OpenApi> = LazyLock::new(|| super::router().1);

pub async fn document() -> Response {
    Json(&*DOCUMENT).into_response()
}

//! The OpenAPI 3.1 description of `/api/v1`, generated from the handlers and types.

use axum::response::{IntoResponse, Response};
use axum::Json;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Grensdiensten / Services frontaliers — open data API",
        description = "Services and municipalities of the French–Belgian border region. Texts are bilingual {nl, fr}. Data licences: see /nl/over-de-gegevens.",
        version = "1.0.0",
        license(name = "Data: Licence Ouverte 2.0, CC BY 4.0, ODbL (per record: source, licence)")
    ),
    paths(
        super::services::list,
        super::service_exports::list_csv,
        super::service_exports::list_geojson,
        super::services::one,
        super::municipalities::list,
        super::municipalities::list_csv,
        super::municipalities::one,
        super::projects::list,
        super::projects::one,
        super::partner_candidates::neighbours,
        super::partner_candidates::list,
        super::clusters::list,
        super::clusters::one,
        super::observatory::table,
        super::observatory::table_csv,
        super::events::list,
        super::events::list_ics,
        super::events::one,
        super::events::one_ics,
    ),
    tags(
        (name = "services", description = "Search services on both sides of the border"),
        (name = "municipalities", description = "Border municipalities, their neighbours and services"),
        (name = "projects", description = "Cooperation projects and pilot projects"),
        (name = "cooperation", description = "Clusters of municipalities and the observatory of cross-border service coverage"),
        (name = "events", description = "The agenda: meetings and events, as JSON and iCalendar"),
    )
)]
pub struct ApiDoc;

pub async fn document() -> Response {
    Json(ApiDoc::openapi()).into_response()
}

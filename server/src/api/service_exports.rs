//! A search's every result as CSV (one flat row per service) and as GeoJSON (a point
//! per service, whose properties are the JSON API's own `Service`, typed).

use super::services::{results, Service, ServicesParams};
use super::{csv_response, geojson_response, ApiError};
use crate::state::AppState;
use app::services::ServiceHit;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use serde::Serialize;

const CSV_HEADER: [&str; 20] = [
    "id",
    "name_nl",
    "name_fr",
    "category",
    "category_nl",
    "category_fr",
    "country",
    "municipality_code",
    "municipality_nl",
    "municipality_fr",
    "address",
    "latitude",
    "longitude",
    "phone",
    "email",
    "url",
    "languages",
    "cross_border_access",
    "opening_hours",
    "distance_km",
];

fn csv_row(h: &ServiceHit) -> [String; 20] {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let num = |v: Option<f64>| v.map(|n| n.to_string()).unwrap_or_default();
    [
        h.core.id.clone(),
        opt(&h.core.name.nl),
        opt(&h.core.name.fr),
        h.core.category.clone(),
        h.category_label.nl.clone(),
        h.category_label.fr.clone(),
        h.core.country.code().to_owned(),
        h.core.municipality_code.clone(),
        h.municipality_name.nl.clone(),
        h.municipality_name.fr.clone(),
        opt(&h.core.address),
        num(h.core.lat),
        num(h.core.lon),
        h.core.phones.join("; "),
        opt(&h.core.email),
        opt(&h.core.website),
        h.core.languages.join("|"),
        h.cross_border.to_string(),
        opt(&h.core.opening_hours),
        num(h.distance_km),
    ]
}

/// Every result of a search as CSV (UTF-8, comma-separated, with a header row).
#[utoipa::path(
    get,
    path = "/api/v1/services.csv",
    tag = "services",
    params(ServicesParams),
    responses(
        (status = 200, description = "Every result, one row each", content_type = "text/csv", body = String),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn list_csv(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (hits, _) = results(&state, raw, true).await?;
    csv_response("services.csv", CSV_HEADER, hits.iter().map(csv_row))
}

/// Every result of a search as a GeoJSON FeatureCollection (points; `null` geometry for
/// the few services without coordinates).
#[utoipa::path(
    get,
    path = "/api/v1/services.geojson",
    tag = "services",
    params(ServicesParams),
    responses(
        (status = 200, description = "A FeatureCollection", content_type = "application/geo+json", body = Object),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn list_geojson(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (hits, _) = results(&state, raw, true).await?;
    let collection = FeatureCollection {
        kind: "FeatureCollection",
        features: hits.into_iter().map(Feature::from).collect(),
    };
    geojson_response(&collection)
}

/// RFC 7946 FeatureCollection.
#[derive(Serialize)]
struct FeatureCollection {
    #[serde(rename = "type")]
    kind: &'static str,
    features: Vec<Feature>,
}

#[derive(Serialize)]
struct Feature {
    #[serde(rename = "type")]
    kind: &'static str,
    id: String,
    geometry: Option<Point>,
    properties: Service,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    /// Longitude, latitude (RFC 7946 order).
    coordinates: [f64; 2],
}

impl From<ServiceHit> for Feature {
    fn from(hit: ServiceHit) -> Self {
        let geometry = hit.core.lat.zip(hit.core.lon).map(|(lat, lon)| Point {
            kind: "Point",
            coordinates: [lon, lat],
        });
        Feature {
            kind: "Feature",
            id: hit.core.id.clone(),
            geometry,
            properties: Service::from(hit),
        }
    }
}

//! `/api/v1/observatory` and `.csv`: per municipality, the nearest service of a
//! category on each side of the border (issue 9).

use super::services::Text;
use super::{csv_response, query_pairs, ApiError};
use crate::state::AppState;
use app::error::AppError;
use app::i18n::Lang;
use app::kernel::geo::Country;
use app::observatory::{self, ObservatoryQuery, ObservatoryRow};
use app::services::coverage::Side;
use axum::extract::RawQuery;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ObservatoryParams {
    /// A service category code (default `town_hall`).
    category: Option<String>,
    /// `gain` (default), `nearest`, `own`, `other` or `name`.
    sort: Option<String>,
    /// Only municipalities with no such service within this many km.
    beyond: Option<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiNearest {
    pub service_id: String,
    pub name: Text,
    pub municipality_code: String,
    #[schema(value_type = String, example = "BE")]
    pub country: Country,
    pub distance_km: f64,
}

#[derive(Serialize, ToSchema)]
pub struct ApiObservatoryRow {
    pub code: String,
    #[schema(value_type = String, example = "BE")]
    pub country: Country,
    pub name: Text,
    pub population: Option<i64>,
    /// Services of the category certainly in the municipality.
    pub here: usize,
    /// Filed here, but the municipality is uncertain (not counted in `here`).
    pub here_uncertain: usize,
    pub own_side: Option<ApiNearest>,
    pub other_side: Option<ApiNearest>,
    /// km saved by crossing the border, when the other side's is nearer.
    pub gain_km: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct ObservatoryTable {
    pub category: String,
    /// Services of the category in the inventory, per side.
    pub in_inventory_be: usize,
    pub in_inventory_fr: usize,
    pub data: Vec<ApiObservatoryRow>,
}

fn nearest(side: &Side) -> Option<ApiNearest> {
    side.nearest.as_ref().map(|n| ApiNearest {
        service_id: n.id.clone(),
        name: n.name.clone().into(),
        municipality_code: n.municipality_code.clone(),
        country: n.country,
        distance_km: n.distance_km,
    })
}

impl From<ObservatoryRow> for ApiObservatoryRow {
    fn from(r: ObservatoryRow) -> Self {
        ApiObservatoryRow {
            gain_km: r.coverage.gain_km(),
            own_side: nearest(&r.coverage.own_side),
            other_side: nearest(&r.coverage.other_side),
            here: r.coverage.here,
            here_uncertain: r.coverage.here_uncertain,
            code: r.code,
            country: r.country,
            name: r.name.into(),
            population: r.population,
        }
    }
}

async fn observatory_for(
    state: &AppState,
    raw: Option<&str>,
    extra: &[&str],
) -> Result<(observatory::Observatory, Vec<(String, String)>), ApiError> {
    let known: Vec<&str> = ObservatoryQuery::KEYS
        .iter()
        .chain(extra)
        .copied()
        .collect();
    let pairs = query_pairs(raw, &known)?;
    let query = ObservatoryQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    Ok((
        observatory::repo::observatory(&state.db, &query).await?,
        pairs,
    ))
}

/// Every municipality's distance to the nearest service of a category, per side.
#[utoipa::path(
    get,
    path = "/api/v1/observatory",
    tag = "cooperation",
    params(ObservatoryParams),
    responses(
        (status = 200, description = "The table", body = ObservatoryTable),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn table(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (data, _) = observatory_for(&state, raw.as_deref(), &[]).await?;
    Ok(Json(ObservatoryTable {
        category: data.category.code.clone(),
        in_inventory_be: data.category.be,
        in_inventory_fr: data.category.fr,
        data: data.rows.into_iter().map(Into::into).collect(),
    })
    .into_response())
}

const CSV_HEADER: [&str; 14] = [
    "code",
    "country",
    "name",
    "population",
    "category",
    "here",
    "here_uncertain",
    "own_side_km",
    "own_side_service",
    "own_side_service_id",
    "other_side_km",
    "other_side_service",
    "other_side_service_id",
    "gain_km",
];

/// The observatory table as CSV (names in `lang`, `nl` by default).
#[utoipa::path(
    get,
    path = "/api/v1/observatory.csv",
    tag = "cooperation",
    params(ObservatoryParams, ("lang" = Option<String>, Query, description = "`nl` or `fr`: the language of the names")),
    responses(
        (status = 200, description = "One row per municipality", content_type = "text/csv", body = String),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn table_csv(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (data, pairs) = observatory_for(&state, raw.as_deref(), &["lang"]).await?;
    let lang = match pairs
        .iter()
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.as_str())
    {
        None | Some("nl") => Lang::Nl,
        Some("fr") => Lang::Fr,
        Some(_) => return Err(AppError::BadRequest("language".into()).into()),
    };
    let km = |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_default();
    let name = |side: &Side| {
        side.nearest
            .as_ref()
            .and_then(|n| n.name.get(lang).map(|(_, t)| t.to_owned()))
            .unwrap_or_default()
    };
    let id = |side: &Side| {
        side.nearest
            .as_ref()
            .map(|n| n.id.clone())
            .unwrap_or_default()
    };
    let category = data.category.code.clone();
    let rows = data.rows.iter().map(|r| {
        let c = &r.coverage;
        [
            r.code.clone(),
            r.country.code().to_owned(),
            r.name.get(lang).to_owned(),
            r.population.map(|p| p.to_string()).unwrap_or_default(),
            category.clone(),
            c.here.to_string(),
            c.here_uncertain.to_string(),
            km(r.own_km()),
            name(&c.own_side),
            id(&c.own_side),
            km(r.other_km()),
            name(&c.other_side),
            id(&c.other_side),
            km(c.gain_km()),
        ]
    });
    csv_response(&format!("observatory-{category}.csv"), CSV_HEADER, rows)
}

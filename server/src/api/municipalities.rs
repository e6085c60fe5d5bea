//! `/api/v1/municipalities`: the directory (same parameters as the page) and profiles.

use super::services::Text;
use super::{csv_response, query_pairs, ApiError};
use crate::state::AppState;
use app::error::AppError;
use app::i18n::Lang;
use app::kernel::geo::Country;
use app::municipalities::{repo, MunicipalityProfile, MunicipalityQuery, MunicipalitySummary};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct MunicipalitiesParams {
    /// Name in Dutch or French (accents and case ignored, prefixes match), or code.
    q: Option<String>,
    /// `BE` or `FR`.
    country: Option<String>,
    /// `name` (default), `population` or `distance` (to the border).
    sort: Option<String>,
    /// Language of names used for sorting by name: `nl` (default) or `fr`.
    lang: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Municipality {
    /// NIS (Belgium) or INSEE (France) code.
    pub code: String,
    #[schema(value_type = String, example = "BE")]
    pub country: Country,
    pub name: Text,
    pub province: Text,
    pub population: Option<i64>,
    pub distance_to_border_km: f64,
}

impl From<MunicipalitySummary> for Municipality {
    fn from(m: MunicipalitySummary) -> Self {
        Municipality {
            code: m.code,
            country: m.country,
            name: m.name.into(),
            province: m.province.into(),
            population: m.population,
            distance_to_border_km: m.distance_to_border_km,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MunicipalityList {
    pub data: Vec<Municipality>,
}

#[derive(Serialize, ToSchema)]
pub struct Neighbour {
    pub code: String,
    #[schema(value_type = String, example = "BE")]
    pub country: Country,
    pub name: Text,
    pub distance_km: f64,
    pub cross_border: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ServiceRef {
    pub id: String,
    pub name: Text,
    pub category: String,
}

/// Whom a partner calls: the town hall or an office (professional contacts only).
#[derive(Serialize, ToSchema)]
pub struct Contact {
    /// `town_hall`, `mayor_office`, `cooperation`, `european_affairs`, `climate` or
    /// `social_services`.
    pub office: String,
    pub name: Text,
    /// The town hall's service (`/api/v1/services/{id}`: its opening hours).
    pub service_id: Option<String>,
    pub address: Option<String>,
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    pub hours: Option<Text>,
    /// Absent: entered by the municipality.
    pub source: Option<String>,
    /// ISO date.
    pub verified_on: Option<String>,
}

/// A municipality's profile.
#[derive(Serialize, ToSchema)]
pub struct MunicipalityFull {
    pub code: String,
    pub code_type: String,
    #[schema(value_type = String, example = "BE")]
    pub country: Country,
    pub name: Text,
    pub name_official: String,
    pub province: Text,
    pub region: Text,
    pub population: Option<i64>,
    pub population_source: Option<String>,
    pub postal_codes: Vec<String>,
    pub latitude: f64,
    pub longitude: f64,
    pub distance_to_border_km: f64,
    pub neighbours: Vec<Neighbour>,
    pub services: Vec<ServiceRef>,
    /// Published contacts, the town hall first.
    pub contacts: Vec<Contact>,
    /// Published good practices naming it (`/api/v1/practices/{id}`).
    pub practices: Vec<super::projects::ApiLink>,
    pub source: String,
}

impl From<MunicipalityProfile> for MunicipalityFull {
    fn from(p: MunicipalityProfile) -> Self {
        let d = p.detail;
        MunicipalityFull {
            code: d.code,
            code_type: d.code_type,
            country: d.country,
            name: d.name.into(),
            name_official: d.name_official,
            province: d.province.into(),
            region: d.region.into(),
            population: d.population,
            population_source: d.population_source,
            postal_codes: d.postal_codes,
            latitude: d.lat,
            longitude: d.lon,
            distance_to_border_km: d.distance_to_border_km,
            neighbours: p
                .neighbours
                .into_iter()
                .map(|n| Neighbour {
                    code: n.code,
                    country: n.country,
                    name: n.name.into(),
                    distance_km: n.distance_km,
                    cross_border: n.cross_border,
                })
                .collect(),
            services: p
                .services
                .into_iter()
                .map(|s| ServiceRef {
                    id: s.id,
                    name: s.name.into(),
                    category: s.category,
                })
                .collect(),
            contacts: p
                .contacts
                .into_iter()
                .map(|c| Contact {
                    office: c.office,
                    name: c.name.into(),
                    service_id: c.service_id,
                    address: c.address,
                    phones: c.phones,
                    email: c.email,
                    url: c.website,
                    hours: c.hours.map(Into::into),
                    source: c.source,
                    verified_on: c.verified_on,
                })
                .collect(),
            practices: p
                .practices
                .into_iter()
                .map(|i| super::projects::ApiLink {
                    id: i.id,
                    name: i.name.into(),
                })
                .collect(),
            source: d.source,
        }
    }
}

async fn search(
    state: &AppState,
    raw: Option<String>,
) -> Result<Vec<MunicipalitySummary>, ApiError> {
    let pairs = query_pairs(raw.as_deref(), &["q", "country", "sort", "lang"])?;
    let mut query = MunicipalityQuery::default();
    let mut lang = Lang::Nl;
    for (key, value) in pairs {
        match key.as_str() {
            "q" => query.q = value,
            "country" => query.country = value,
            "sort" => query.sort = value,
            _ => {
                lang = Lang::from_code(&value)
                    .ok_or_else(|| ApiError(AppError::BadRequest("lang".into())))?
            }
        }
    }
    Ok(repo::search(&state.db, lang, &query.validate()?).await?)
}

/// List or search municipalities.
#[utoipa::path(
    get,
    path = "/api/v1/municipalities",
    tag = "municipalities",
    params(MunicipalitiesParams),
    responses(
        (status = 200, description = "Matching municipalities", body = MunicipalityList),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let data = search(&state, raw).await?;
    Ok(Json(MunicipalityList {
        data: data.into_iter().map(Municipality::from).collect(),
    })
    .into_response())
}

/// The same list as CSV.
#[utoipa::path(
    get,
    path = "/api/v1/municipalities.csv",
    tag = "municipalities",
    params(MunicipalitiesParams),
    responses(
        (status = 200, description = "Matching municipalities, one row each", content_type = "text/csv", body = String),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn list_csv(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let data = search(&state, raw).await?;
    let header_row = [
        "code",
        "country",
        "name_nl",
        "name_fr",
        "province_nl",
        "province_fr",
        "population",
        "distance_to_border_km",
    ];
    let rows = data.into_iter().map(|m| {
        [
            m.code,
            m.country.code().to_owned(),
            m.name.nl,
            m.name.fr,
            m.province.nl,
            m.province.fr,
            m.population.map(|p| p.to_string()).unwrap_or_default(),
            m.distance_to_border_km.to_string(),
        ]
    });
    csv_response("municipalities.csv", header_row, rows)
}

/// One municipality, with its neighbours (both sides of the border) and services.
#[utoipa::path(
    get,
    path = "/api/v1/municipalities/{code}",
    tag = "municipalities",
    params(("code" = String, Path, description = "NIS or INSEE code")),
    responses(
        (status = 200, description = "The profile", body = MunicipalityFull),
        (status = 404, description = "No municipality has this code", body = super::ErrorBody),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, ApiError> {
    let profile = repo::profile(&state.db, &code).await?;
    Ok(Json(MunicipalityFull::from(profile)).into_response())
}

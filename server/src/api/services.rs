//! `/api/v1/services`: the same search as the services page (same parameters, same
//! results), as JSON pages, CSV or GeoJSON. Field names follow Open Referral HSDS where
//! they fit; every text is bilingual `{nl, fr}`.

use super::{query_pairs, ApiError};
use crate::state::AppState;
use app::error::AppError;
use app::i18n::{Lang, Localized, MaybeLocalized};
use app::kernel::geo::Country;
use app::services::{search, Key, ServiceCore, ServiceDetail, ServiceHit, ServiceQuery};
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

pub const MAX_PER_PAGE: usize = 100;

/// Search parameters (all optional; they combine with AND).
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct ServicesParams {
    /// Free text in Dutch or French (names, categories and their synonyms, providers,
    /// municipalities); accents and case are ignored, word prefixes match.
    q: Option<String>,
    /// Category code or parent category code (`town_hall`, `justice`, ...).
    category: Option<String>,
    /// `BE` or `FR`.
    country: Option<String>,
    /// Municipality code (NIS or INSEE) where the service is.
    municipality: Option<String>,
    /// Language spoken: `nl`, `fr`, `de` or `en`.
    language: Option<String>,
    /// `1`: open now (Europe/Brussels time).
    open: Option<String>,
    /// `1`: residents of both countries may use it.
    cross: Option<String>,
    /// A municipality (name in either language, or code) to measure distances from.
    near: Option<String>,
    /// Latitude of the point to measure distances from (with `lon`).
    lat: Option<f64>,
    /// Longitude of the point to measure distances from (with `lat`).
    lon: Option<f64>,
    /// Radius in km around `near` or `lat`/`lon` (default 10, at most 100).
    radius: Option<f64>,
    /// `west,south,east,north` in degrees.
    bbox: Option<String>,
    /// `relevance`, `distance` (needs a place) or `name`.
    sort: Option<String>,
    /// Page number, from 1.
    page: Option<usize>,
    /// Results per page (1 to 100, default 20). Not used by the CSV and GeoJSON exports,
    /// which return every result.
    per_page: Option<usize>,
    /// Language of names used for sorting by name: `nl` (default) or `fr`.
    lang: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Text {
    pub nl: Option<String>,
    pub fr: Option<String>,
}

impl From<MaybeLocalized> for Text {
    fn from(m: MaybeLocalized) -> Self {
        Text { nl: m.nl, fr: m.fr }
    }
}

impl From<Localized> for Text {
    fn from(l: Localized) -> Self {
        Text {
            nl: Some(l.nl),
            fr: Some(l.fr),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Taxonomy {
    pub code: String,
    pub label: Text,
}

#[derive(Serialize, ToSchema)]
pub struct Phone {
    pub number: String,
}

#[derive(Serialize, ToSchema)]
pub struct Location {
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub address: Option<String>,
    pub municipality_code: String,
    pub municipality: Text,
    /// `BE` or `FR`.
    #[schema(value_type = String, example = "BE")]
    pub country: Country,
}

/// What every view of a service in the API shares (from `ServiceCore`).
#[derive(Serialize, ToSchema)]
pub struct ServiceBase {
    pub id: String,
    pub name: Text,
    pub category: Taxonomy,
    pub url: Option<String>,
    pub email: Option<String>,
    pub phones: Vec<Phone>,
    /// Languages spoken (ISO 639-1).
    pub languages: Vec<String>,
    pub location: Location,
    /// OpenStreetMap `opening_hours` syntax.
    pub opening_hours: Option<String>,
    /// Unverified sample data.
    pub is_sample: bool,
}

impl ServiceBase {
    fn new(core: ServiceCore, category_label: Localized, municipality: Localized) -> Self {
        ServiceBase {
            id: core.id,
            name: core.name.into(),
            category: Taxonomy {
                code: core.category,
                label: category_label.into(),
            },
            url: core.website,
            email: core.email,
            phones: core
                .phones
                .into_iter()
                .map(|number| Phone { number })
                .collect(),
            languages: core.languages,
            location: Location {
                latitude: core.lat,
                longitude: core.lon,
                address: core.address,
                municipality_code: core.municipality_code,
                municipality: municipality.into(),
                country: core.country,
            },
            opening_hours: core.opening_hours,
            is_sample: core.is_sample,
        }
    }
}

/// A service in a result list.
#[derive(Serialize, ToSchema)]
pub struct Service {
    #[serde(flatten)]
    pub base: ServiceBase,
    /// Residents of both countries may use it.
    pub cross_border_access: bool,
    /// Open at the time of the request (absent: hours unknown).
    pub open_now: Option<bool>,
    /// Distance from the place searched near, in km.
    pub distance_km: Option<f64>,
}

impl From<ServiceHit> for Service {
    fn from(h: ServiceHit) -> Self {
        Service {
            base: ServiceBase::new(h.core, h.category_label, h.municipality_name),
            cross_border_access: h.cross_border,
            open_now: h.open_now,
            distance_km: h.distance_km,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PageInfo {
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    pub per_page: usize,
}

#[derive(Serialize, ToSchema)]
pub struct ServiceList {
    pub data: Vec<Service>,
    pub meta: PageInfo,
}

#[derive(Serialize, ToSchema)]
pub struct Access {
    /// `BE`, `FR` or `both`.
    pub who: String,
    pub note: Option<Text>,
}

#[derive(Serialize, ToSchema)]
pub struct ScheduleDay {
    pub date: String,
    /// 0 = Monday.
    pub weekday: u8,
    /// Open periods, `HH:MM` pairs.
    pub periods: Vec<(String, String)>,
    pub public_holiday: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Schedule {
    /// OpenStreetMap `opening_hours` syntax.
    pub opening_hours: String,
    pub open_now: bool,
    /// The next seven days, from today (Europe/Brussels).
    pub week: Vec<ScheduleDay>,
}

/// Everything about one service.
#[derive(Serialize, ToSchema)]
pub struct ServiceFull {
    #[serde(flatten)]
    pub base: ServiceBase,
    pub description: Text,
    pub organization: Option<Text>,
    pub cross_border_access: Option<Access>,
    pub accessibility: Text,
    pub eligibility: Text,
    pub schedule: Option<Schedule>,
    /// Last verified by a person.
    pub assured_date: Option<String>,
    pub updated_at: String,
    pub source: String,
    pub licence: String,
}

impl From<ServiceDetail> for ServiceFull {
    fn from(d: ServiceDetail) -> Self {
        let r = d.record;
        ServiceFull {
            base: ServiceBase::new(r.core, r.category_label, r.municipality_name),
            description: r.description.into(),
            organization: r.provider.map(Into::into),
            cross_border_access: r.access.map(|a| Access {
                who: a.who,
                note: a.note.map(Into::into),
            }),
            accessibility: r.accessibility.into(),
            eligibility: r.eligibility.into(),
            schedule: d.hours.map(|h| Schedule {
                opening_hours: h.osm,
                open_now: h.now.open,
                week: h
                    .week
                    .into_iter()
                    .map(|day| ScheduleDay {
                        date: day.date,
                        weekday: day.weekday,
                        periods: day.periods,
                        public_holiday: day.public_holiday,
                    })
                    .collect(),
            }),
            assured_date: r.assured_date,
            updated_at: r.updated_at,
            source: r.source,
            licence: r.licence,
        }
    }
}

/// The API's parameters besides the query's own (`Key`).
pub const API_ONLY_PARAMS: [&str; 2] = ["per_page", "lang"];

struct Request {
    query: ServiceQuery,
    lang: Lang,
    per_page: usize,
}

fn parse(raw: Option<String>) -> Result<Request, ApiError> {
    let mut known: Vec<&str> = Key::ALL.map(Key::name).to_vec();
    known.extend(API_ONLY_PARAMS);
    let pairs = query_pairs(raw.as_deref(), &known)?;
    let bad = |field: &str| ApiError(AppError::BadRequest(field.to_owned()));
    let mut lang = Lang::Nl;
    let mut per_page = app::services::PER_PAGE;
    for (key, value) in &pairs {
        match key.as_str() {
            "lang" => lang = Lang::from_code(value).ok_or_else(|| bad("lang"))?,
            "per_page" => {
                per_page = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=MAX_PER_PAGE).contains(n))
                    .ok_or_else(|| bad("per_page"))?
            }
            _ => {}
        }
    }
    let query = ServiceQuery::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    Ok(Request {
        query,
        lang,
        per_page,
    })
}

pub(super) async fn results(
    state: &AppState,
    raw: Option<String>,
    all: bool,
) -> Result<(Vec<ServiceHit>, PageInfo), ApiError> {
    let request = parse(raw)?;
    let filter = request.query.validate()?;
    let wanted = if all {
        search::Wanted::All
    } else {
        search::Wanted::Page(request.per_page)
    };
    let found = search::run_for(
        &state.db,
        request.lang,
        &filter,
        app::kernel::clock::now(),
        wanted,
    )
    .await?;
    let info = PageInfo {
        total: found.total,
        page: found.page,
        pages: found.pages,
        per_page: if all { found.total } else { request.per_page },
    };
    Ok((found.hits, info))
}

/// The map of a search: its first results with coordinates (at most
/// `search::MAX_MAP_POINTS`, in the list's order) as compact points. The services page's
/// map reads them here rather than from the page.
#[utoipa::path(
    get,
    path = "/api/v1/map/services",
    tag = "map",
    params(ServicesParams),
    responses(
        (status = 200, description = "The points of the search's first results: id, name, lat, lon", body = Object),
        (status = 400, description = "A parameter is invalid", body = super::ErrorBody),
    )
)]
pub async fn map_points(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let request = parse(raw)?;
    let filter = request.query.validate()?;
    let wanted = search::Wanted::MapPoints;
    let found = search::run_for(
        &state.db,
        request.lang,
        &filter,
        app::kernel::clock::now(),
        wanted,
    )
    .await?;
    Ok(Json(found.points).into_response())
}

/// Search services.
#[utoipa::path(
    get,
    path = "/api/v1/services",
    tag = "services",
    params(ServicesParams),
    responses(
        (status = 200, description = "One page of results", body = ServiceList),
        (status = 400, description = "A parameter is invalid (its name is in the message)", body = super::ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (hits, meta) = results(&state, raw, false).await?;
    Ok(Json(ServiceList {
        data: hits.into_iter().map(Service::from).collect(),
        meta,
    })
    .into_response())
}

/// One service, with its opening hours for the coming week.
#[utoipa::path(
    get,
    path = "/api/v1/services/{id}",
    tag = "services",
    params(("id" = String, Path, description = "Service id")),
    responses(
        (status = 200, description = "The service", body = ServiceFull),
        (status = 404, description = "No published service has this id", body = super::ErrorBody),
    )
)]
pub async fn one(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let detail = app::services::details::detail(&state.db, &id, app::kernel::clock::now()).await?;
    Ok(Json(ServiceFull::from(detail)).into_response())
}

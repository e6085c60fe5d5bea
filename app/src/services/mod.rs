//! Services residents can use on either side of the border: search with filters and
//! distance, the detail page with opening hours, and the types of the open data API.

pub mod coverage;
mod detail_page;
#[cfg(feature = "ssr")]
pub mod details;
pub mod edit;
#[cfg(feature = "ssr")]
pub mod hours;
mod list_page;
mod query;
mod query_key;
#[cfg(feature = "ssr")]
pub mod repo;
mod results;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod snapshot;

pub use detail_page::ServicePage;
pub use list_page::ServicesPage;
pub use query::{
    Key, Near, ServiceFilter, ServiceQuery, ServiceSort, MAX_RADIUS_KM, PER_PAGE, SORT_MESSAGES,
};
pub use query_key::{DROP_MESSAGES, NAMED_MESSAGES};

use crate::error::AppError;
use crate::i18n::{Lang, Localized, MaybeLocalized};
use crate::kernel::geo::Country;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What every view of a published service shares (the search's copy, a result, the
/// detail page): what and where it is, how to reach it. The others flatten it in, so
/// their JSON keeps one level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceCore {
    pub id: String,
    pub name: MaybeLocalized,
    pub category: String,
    pub country: Country,
    pub municipality_code: String,
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// OpenStreetMap `opening_hours` syntax.
    pub opening_hours: Option<String>,
    #[serde(default)]
    pub is_sample: bool,
}

/// One result row: enough for the list, the map and the exports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceHit {
    #[serde(flatten)]
    pub core: ServiceCore,
    pub category_label: Localized,
    pub municipality_name: Localized,
    /// Residents of both countries may use it.
    pub cross_border: bool,
    /// Set when the search is near a place.
    pub distance_km: Option<f64>,
    /// Whether it is open at the time of the search (None: hours unknown).
    pub open_now: Option<bool>,
}

/// How many results share one value of a filter, given the other filters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacetValue {
    pub value: String,
    pub label: Localized,
    pub count: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    pub category: Vec<FacetValue>,
    pub country: Vec<FacetValue>,
    pub municipality: Vec<FacetValue>,
    pub language: Vec<FacetValue>,
    /// Results that residents of both countries may use.
    pub cross_border: usize,
    /// Results open at the time of the search.
    pub open_now: usize,
}

/// The place a "near" search measures from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NearPlace {
    /// The municipality that was typed, when it was one.
    pub municipality: Option<(String, Localized)>,
    pub lat: f64,
    pub lon: f64,
    pub radius_km: f64,
}

/// Where the exports and the API live: the page's query string works there unchanged.
pub const API_SERVICES: &str = "/api/v1/services";

/// The points of a search's map (same parameters as `/api/v1/services`).
pub const MAP_POINTS_URL: &str = "/api/v1/map/services";

/// The map's URL for a query of the services page.
pub fn map_points_url(query: &ServiceQuery, lang: Lang) -> String {
    let search = query.with(Key::Page, "").to_query_string();
    let separator = if search.is_empty() { '?' } else { '&' };
    format!("{MAP_POINTS_URL}{search}{separator}lang={}", lang.code())
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapPoint {
    pub id: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The requested page of results.
    pub hits: Vec<ServiceHit>,
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    pub facets: Facets,
    pub near: Option<NearPlace>,
    /// The first results with coordinates (not only this page), for the map; filled only
    /// when asked for (`search::Wanted::MapPoints`). Not sent with the page: its map
    /// fetches them from `MAP_POINTS_URL` (they were two thirds of the page's bytes and
    /// of its rendering time).
    #[serde(skip)]
    pub points: Vec<MapPoint>,
}

/// Cross-border access: who may use the service, and what the rule is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Access {
    /// `BE`, `FR` or `both`.
    pub who: String,
    pub note: Option<Localized>,
}

/// One day of the coming week, with its opening periods.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DayHours {
    /// ISO date.
    pub date: String,
    /// 0 = Monday.
    pub weekday: u8,
    /// Periods as "HH:MM" pairs.
    pub periods: Vec<(String, String)>,
    pub public_holiday: bool,
}

/// "Open now, closes at 12:00" / "Closed, opens on Monday at 08:00".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenState {
    pub open: bool,
    /// The next change, as ISO date and "HH:MM", when it is within a week.
    pub change: Option<(String, String)>,
    /// The next change is today.
    pub change_today: bool,
    pub change_weekday: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpeningHours {
    /// As stored, in OpenStreetMap `opening_hours` syntax.
    pub osm: String,
    pub week: Vec<DayHours>,
    pub now: OpenState,
}

/// A published service as stored, with its category's and municipality's names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceRecord {
    #[serde(flatten)]
    pub core: ServiceCore,
    #[serde(default)]
    pub description: MaybeLocalized,
    pub category_label: Localized,
    pub provider: Option<Localized>,
    pub municipality_name: Localized,
    pub access: Option<Access>,
    #[serde(default)]
    pub accessibility: MaybeLocalized,
    #[serde(default)]
    pub eligibility: MaybeLocalized,
    pub hours_source: Option<String>,
    pub source: String,
    pub licence: String,
    pub assured_date: Option<String>,
    pub updated_at: String,
}

/// The detail page: the record, its opening hours evaluated for the coming week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceDetail {
    #[serde(flatten)]
    pub record: ServiceRecord,
    pub hours: Option<OpeningHours>,
}

/// A category of the taxonomy, for the filter and the home page shortcuts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub code: String,
    pub parent: Option<String>,
    pub label: Localized,
}

#[server]
pub async fn search_services(lang: Lang, query: ServiceQuery) -> Result<SearchResults, AppError> {
    let filter = query.validate()?;
    let db = crate::db::use_db()?;
    search::run(&db, lang, &filter, crate::kernel::clock::now()).await
}

#[server]
pub async fn load_service(id: String) -> Result<ServiceDetail, AppError> {
    crate::components::with_status(
        details::detail(&crate::db::use_db()?, &id, crate::kernel::clock::now()).await,
    )
}

#[server]
pub async fn load_categories() -> Result<Vec<Category>, AppError> {
    let (_, snapshot) = snapshot::current(&crate::db::use_db()?).await?;
    Ok(snapshot.reference.categories.clone())
}

/// Fluent id of a language name ("nl" → "language-nl").
/// Monday (0) to Sunday (6).
pub const WEEKDAYS: [&str; 7] = ["0", "1", "2", "3", "4", "5", "6"];
pub const WEEKDAY_MESSAGES: crate::i18n::MessageSet =
    crate::i18n::MessageSet::new("weekday-", || WEEKDAYS.to_vec());

/// The name of a weekday, Monday being 0.
pub fn weekday_message_id(day: u8) -> String {
    WEEKDAY_MESSAGES.id(WEEKDAYS[usize::from(day.min(6))])
}

pub fn language_message_id(code: &str) -> String {
    let known = crate::i18n::SPOKEN.contains(&code);
    crate::i18n::LANGUAGE_MESSAGES.id(if known { code } else { "en" })
}

/// The label of a service's name in the page language, or in the other language when
/// it has no translation (then the caller marks it with `lang`).
pub fn display_name(name: &MaybeLocalized, lang: Lang) -> (Lang, String) {
    name.get(lang)
        .map(|(l, text)| (l, text.to_owned()))
        .unwrap_or((lang, String::new()))
}

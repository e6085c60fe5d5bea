//! Border municipalities: the directory, the profile, and their neighbours.

mod compare_page;
mod contacts_view;
#[cfg(feature = "ssr")]
pub mod directory;
mod list_page;
mod profile_page;
#[cfg(feature = "ssr")]
pub mod repo;

pub use compare_page::ComparePage;
pub use contacts_view::CONTACTS_ANCHOR;
pub use list_page::MunicipalitiesPage;
pub use profile_page::MunicipalityPage;

use crate::error::AppError;
use crate::i18n::{Lang, Localized, MaybeLocalized};
use crate::kernel::geo::Country;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::kernel::validate::Length;

crate::closed_set! {
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub enum Sort {
        #[default]
        Name = "name",
        Population = "population",
        Distance = "distance",
    }
}

/// "Name", "Population", "Distance to the border".
pub const SORT_MESSAGES: crate::i18n::MessageSet =
    crate::i18n::MessageSet::new("sort-", || Sort::ALL.map(Sort::code).to_vec());

/// The list's query string, as typed by the user (strings, so that the form can show
/// exactly what was asked even when it is invalid).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MunicipalityQuery {
    pub q: String,
    pub country: String,
    pub sort: String,
}

/// A checked query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MunicipalityFilter {
    pub text: Option<String>,
    pub country: Option<Country>,
    pub sort: Sort,
}

impl MunicipalityQuery {
    pub fn validate(&self) -> Result<MunicipalityFilter, AppError> {
        let text = self.q.trim();
        if Length::Query.exceeded_by(text) {
            return Err(AppError::BadRequest("q".into()));
        }
        let country = match self.country.as_str() {
            "" => None,
            code => Some(
                Country::from_code(code).ok_or_else(|| AppError::BadRequest("country".into()))?,
            ),
        };
        let sort = match self.sort.as_str() {
            "" => Sort::default(),
            code => Sort::from_code(code).ok_or_else(|| AppError::BadRequest("sort".into()))?,
        };
        Ok(MunicipalityFilter {
            text: (!text.is_empty()).then(|| text.to_owned()),
            country,
            sort,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MunicipalitySummary {
    pub code: String,
    pub country: Country,
    pub name: Localized,
    pub province: Localized,
    pub population: Option<i64>,
    pub distance_to_border_km: f64,
}

/// The directory's answer to a query.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MunicipalityList {
    pub rows: Vec<MunicipalitySummary>,
    /// Determines `rows` (the directory's data, the query and what the text matched):
    /// the page keeps the rendered table under it instead of hashing 258 rows.
    pub fingerprint: Option<u128>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Arrondissement {
    pub code: String,
    pub nl: String,
    pub fr: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MunicipalityDetail {
    pub code: String,
    pub code_type: String,
    pub country: Country,
    pub name: Localized,
    pub name_official: String,
    pub province: Localized,
    pub region: Localized,
    pub arrondissement: Arrondissement,
    pub epci_code: Option<String>,
    pub epci_name: Option<String>,
    pub population: Option<i64>,
    pub population_source: Option<String>,
    pub postal_codes: Vec<String>,
    pub lat: f64,
    pub lon: f64,
    pub point_kind: String,
    pub distance_to_border_km: f64,
    pub has_boundary: bool,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Neighbour {
    pub code: String,
    pub country: Country,
    pub name: Localized,
    pub distance_km: f64,
    pub cross_border: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalService {
    pub id: String,
    pub name: MaybeLocalized,
    pub category: String,
    pub category_label: Localized,
    pub address: Option<String>,
    /// Doubt about its filing or position (see `services::coverage`).
    pub location_check: Option<String>,
}

/// A cluster a municipality belongs to (EPCI, conference of mayors…).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterRef {
    pub id: String,
    pub name: Localized,
    pub kind: String,
}

/// A project or event a municipality takes part in (events: held there).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Involvement {
    pub id: String,
    pub name: Localized,
    /// Events: the start day in Europe/Brussels, ISO, when dated.
    pub date: Option<String>,
}

/// Whom a partner calls at a municipality: its town hall (a published service of that
/// category, from open data or staff) or an office its staff entered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MunicipalityContact {
    /// One of `kinds::CONTACT_OFFICES`.
    pub office: String,
    pub name: MaybeLocalized,
    /// The town hall's service page (its opening hours are there).
    pub service_id: Option<String>,
    pub address: Option<String>,
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub hours: Option<MaybeLocalized>,
    /// None: entered by the municipality.
    pub source: Option<String>,
    /// ISO day.
    pub verified_on: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MunicipalityProfile {
    pub detail: MunicipalityDetail,
    pub neighbours: Vec<Neighbour>,
    pub services: Vec<LocalService>,
    pub clusters: Vec<ClusterRef>,
    pub projects: Vec<Involvement>,
    pub events: Vec<Involvement>,
    /// Published good practices it took part in, and their themes (each once).
    pub practices: Vec<Involvement>,
    pub practice_themes: Vec<Localized>,
    /// The town hall first, then the offices in `CONTACT_OFFICES` order.
    pub contacts: Vec<MunicipalityContact>,
    /// Per category with services: counted here, and the nearest on each side.
    pub coverage: Vec<crate::services::coverage::CategoryCoverage>,
    /// Determines the rendered profile (the data version and the code).
    pub cache_key: Option<u128>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteCounts {
    pub municipalities: i64,
    pub belgian: i64,
    pub french: i64,
    pub services: i64,
    pub cross_border_links: i64,
    /// Published services per category, most first.
    pub categories: Vec<CategoryCount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryCount {
    pub code: String,
    pub label: Localized,
    pub count: usize,
}

#[server]
pub async fn search_municipalities(
    lang: Lang,
    query: MunicipalityQuery,
) -> Result<MunicipalityList, AppError> {
    let filter = query.validate()?;
    repo::search_list(&crate::db::use_db()?, lang, &filter).await
}

#[server]
pub async fn load_municipality_profile(code: String) -> Result<MunicipalityProfile, AppError> {
    crate::components::with_status(repo::profile(&crate::db::use_db()?, &code).await)
}

/// Municipalities side by side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Every municipality, to choose from.
    pub choices: Vec<Choice>,
    /// The compared ones, in the order asked.
    pub municipalities: Vec<MunicipalityProfile>,
    /// Each pair's distance in km (between reference points).
    pub distances: Vec<(String, String, f64)>,
    /// Projects that at least two of them take part in.
    pub shared_projects: Vec<Involvement>,
    /// Determines the rendered comparison (the data version and the codes).
    pub cache_key: Option<u128>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub code: String,
    pub name: Localized,
}

/// Splits and checks `codes` (comma-separated): empty, or 2 to 4 distinct codes.
pub fn parse_codes(codes: &str) -> Result<Vec<String>, AppError> {
    let mut list: Vec<String> = vec![];
    for code in codes.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        if !crate::kernel::validate::is_municipality_code(code) {
            return Err(AppError::BadRequest("codes".into()));
        }
        if !list.iter().any(|c| c == code) {
            list.push(code.to_owned());
        }
    }
    if list.len() == 1 || list.len() > compare_page::MAX_COMPARED {
        return Err(AppError::BadRequest("codes".into()));
    }
    Ok(list)
}

#[server]
pub async fn compare_municipalities(codes: String) -> Result<Comparison, AppError> {
    crate::components::with_status(repo::compare(&crate::db::use_db()?, &codes).await)
}

#[server]
pub async fn load_site_counts() -> Result<SiteCounts, AppError> {
    repo::counts(&crate::db::use_db()?).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(q: &str, country: &str, sort: &str) -> MunicipalityQuery {
        MunicipalityQuery {
            q: q.into(),
            country: country.into(),
            sort: sort.into(),
        }
    }

    #[test]
    fn valid_queries_are_normalised() {
        let filter = query("  Ieper ", "BE", "population").validate().unwrap();
        assert_eq!(filter.text.as_deref(), Some("Ieper"));
        assert_eq!(filter.country, Some(Country::Be));
        assert_eq!(filter.sort, Sort::Population);
        assert_eq!(query("", "", "").validate().unwrap().text, None);
    }

    #[test]
    fn compared_codes_are_checked() {
        assert_eq!(parse_codes("").unwrap(), Vec::<String>::new());
        assert_eq!(
            parse_codes("33029, 59656,33029").unwrap(),
            ["33029", "59656"]
        );
        for bad in ["33029", "1,2", "33029,<b>", "11111,22222,33333,44444,55555"] {
            assert_eq!(
                parse_codes(bad),
                Err(AppError::BadRequest("codes".into())),
                "{bad}"
            );
        }
    }

    #[test]
    fn invalid_queries_are_rejected() {
        assert_eq!(
            query("", "NL", "").validate(),
            Err(AppError::BadRequest("country".into()))
        );
        assert_eq!(
            query("", "", "size").validate(),
            Err(AppError::BadRequest("sort".into()))
        );
        assert!(query(&"x".repeat(101), "", "").validate().is_err());
    }
}

//! SurrealDB queries for services (server only). The database does what its indexes are
//! good at (full text, the latitude range of a bounding box); `search` does the rest.

use super::*;
use crate::db::{rows, Db};
use crate::search_text::{folded_name, query_variants};
use chrono::DateTime;
use chrono_tz::Tz;
use std::collections::HashMap;

/// A published service as the search needs it (one row per candidate).
#[derive(Clone, Debug, Deserialize)]
pub struct Candidate {
    #[serde(flatten)]
    pub core: ServiceCore,
    /// Who may use it: `BE`, `FR` or `both`.
    pub access: Option<String>,
    /// Doubt about its filing or position (migration 0009): see `services::coverage`.
    pub location_check: Option<String>,
    /// Position in name order (nl, fr), filled in by the snapshot: sorting compares
    /// integers instead of strings.
    #[serde(skip)]
    pub name_rank: [u32; 2],
    /// Index of its opening hours in the snapshot's distinct schedules.
    #[serde(skip)]
    pub schedule: Option<usize>,
    /// The search texts the database computes (see migration 0002); moved into the
    /// text index when the snapshot is built.
    #[serde(default)]
    pub search_nl: String,
    #[serde(default)]
    pub search_fr: String,
}

impl Candidate {
    pub fn name_rank(&self, lang: Lang) -> u32 {
        self.name_rank[if lang == Lang::Nl { 0 } else { 1 }]
    }
}

const CANDIDATE_FIELDS: &str = "record::id(id) AS id, name, category, country,
    record::id(municipality) AS municipality_code, address, lat, lon, languages,
    cross_border_access.who AS access, location_check, phones ?? [] AS phones, email, website, opening_hours, is_sample,
    search_nl, search_fr";

/// Every published service, as the search needs it (see `snapshot`).
pub async fn candidates(db: &Db) -> Result<Vec<Candidate>, AppError> {
    let sql = format!("SELECT {CANDIDATE_FIELDS} FROM service WHERE status = 'published'");
    let mut response = db.query(sql).await?;
    rows(&mut response, 0)
}

/// The published services among these ids.
pub async fn candidates_with_ids(db: &Db, ids: &[String]) -> Result<Vec<Candidate>, AppError> {
    let sql = format!(
        "SELECT {CANDIDATE_FIELDS} FROM $ids.map(|$id| type::record('service', $id))
         WHERE status = 'published'"
    );
    let mut response = db.query(sql).bind(("ids", ids.to_vec())).await?;
    rows(&mut response, 0)
}

#[derive(Clone, Debug, Deserialize)]
pub struct CategoryRow {
    pub code: String,
    pub parent: Option<String>,
    pub label: Localized,
}

pub async fn categories(db: &Db) -> Result<Vec<Category>, AppError> {
    let mut response = db
        .query("SELECT code, parent.code AS parent, label FROM category ORDER BY code")
        .await?;
    let list: Vec<CategoryRow> = rows(&mut response, 0)?;
    Ok(list
        .into_iter()
        .map(|c| Category {
            code: c.code,
            parent: c.parent,
            label: c.label,
        })
        .collect())
}

#[derive(Clone, Debug, Deserialize)]
pub struct MunicipalityRef {
    pub code: String,
    pub name: Localized,
    /// The name in the municipality's own official language(s), e.g. "Comines-Warneton".
    pub official: Option<String>,
    pub population: Option<i64>,
    pub lat: f64,
    pub lon: f64,
}

/// Names and centres of all municipalities, by code (a few hundred rows).
pub async fn municipality_refs(db: &Db) -> Result<HashMap<String, MunicipalityRef>, AppError> {
    let mut response = db
        .query(
            "SELECT code, name.{nl, fr} AS name, name.official AS official, population, lat, lon
             FROM municipality",
        )
        .await?;
    let list: Vec<MunicipalityRef> = rows(&mut response, 0)?;
    Ok(list.into_iter().map(|m| (m.code.clone(), m)).collect())
}

/// The municipality a resident typed: its code, a name in any language written as it
/// is (accents, case, hyphens and apostrophes aside; the most populous when two share
/// it), or else the best full-text match of its words (prefixes accepted).
pub async fn find_municipality(
    db: &Db,
    text: &str,
    municipalities: &HashMap<String, MunicipalityRef>,
) -> Result<Option<String>, AppError> {
    let text = text.trim();
    if municipalities.contains_key(text) {
        return Ok(Some(text.to_owned()));
    }
    let folded = folded_name(text);
    let exact = municipalities
        .values()
        .filter(|m| {
            [Some(&m.name.nl), Some(&m.name.fr), m.official.as_ref()]
                .into_iter()
                .flatten()
                .any(|name| folded_name(name) == folded)
        })
        .max_by_key(|m| (m.population.unwrap_or(0), std::cmp::Reverse(m.code.clone())));
    if let Some(m) = exact {
        return Ok(Some(m.code.clone()));
    }
    #[derive(Deserialize)]
    struct Hit {
        code: String,
        #[serde(default)]
        score: f64,
        population: Option<i64>,
    }
    let mut best: Option<Hit> = None;
    for variant in query_variants(text) {
        let mut response = db
            .query(
                "SELECT code, search::score(0) AS score, population FROM municipality
                 WHERE search_names @0@ $text ORDER BY score DESC, population DESC LIMIT 1",
            )
            .bind(("text", variant))
            .await?;
        if let Some(hit) = rows::<Hit>(&mut response, 0)?.pop() {
            let better = best
                .as_ref()
                .is_none_or(|b| (hit.score, hit.population) > (b.score, b.population));
            if better {
                best = Some(hit);
            }
        }
    }
    Ok(best.map(|h| h.code))
}

/// Ids are our own keys (`town-hall-0123abcd…`): anything else cannot exist.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The published service with this id (see `details` for the cached way in).
pub async fn record(db: &Db, id: &str) -> Result<Option<ServiceRecord>, AppError> {
    if !valid_id(id) {
        return Ok(None);
    }
    let mut response = db
        .query(
            "SELECT record::id(id) AS id, name, description ?? {} AS description, category,
                type::record('category', category).label ?? {nl: category, fr: category} AS category_label,
                provider, country, record::id(municipality) AS municipality_code,
                municipality.name.{nl, fr} AS municipality_name, address, lat, lon, phones ?? [] AS phones, email, website,
                languages, cross_border_access AS access, accessibility ?? {} AS accessibility,
                eligibility ?? {} AS eligibility, opening_hours,
                hours_source, source, licence, assured_date, updated_at, is_sample
             FROM type::record('service', $id) WHERE status = 'published'",
        )
        .bind(("id", id.to_owned()))
        .await?;
    Ok(rows::<ServiceRecord>(&mut response, 0)?.pop())
}

impl ServiceRecord {
    /// The detail, with its opening hours evaluated at `now`.
    pub fn at(&self, now: DateTime<Tz>) -> ServiceDetail {
        let core = &self.core;
        let hours = core
            .opening_hours
            .as_deref()
            .and_then(|osm| hours::view(osm, core.country, now));
        ServiceDetail {
            record: self.clone(),
            hours,
        }
    }
}

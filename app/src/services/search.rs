//! The services search (server only), on the in-memory copy of the published services
//! (`snapshot`): its full-text index (`text_index`, with typo tolerance) finds the rows
//! that match the words; "near" keeps the rows inside the circle's bounding box, then
//! the exact great-circle distance decides; the other filters, the facet counts, the
//! sort and the page are computed here on the rows left. SurrealDB is read only when the
//! data version changes.

use super::query::{Near, ServiceFilter, ServiceSort, PER_PAGE};
use super::repo::{self, Candidate};
use super::snapshot::{self, Reference};
use super::*;
use crate::db::Db;
use crate::kernel::geo::haversine_km;
use chrono::DateTime;
use chrono_tz::Tz;
use std::collections::HashMap;
use std::sync::Arc;

/// A box that contains the circle (slightly larger: a pre-filter, never a cut).
pub fn bounding_box(lat: f64, lon: f64, radius_km: f64) -> [f64; 4] {
    let dlat = radius_km / 110.574 * 1.01;
    let dlon = radius_km / (111.320 * lat.to_radians().cos().max(0.01)) * 1.01;
    [lon - dlon, lat - dlat, lon + dlon, lat + dlat]
}

fn intersect(a: [f64; 4], b: [f64; 4]) -> [f64; 4] {
    [
        a[0].max(b[0]),
        a[1].max(b[1]),
        a[2].min(b[2]),
        a[3].min(b[3]),
    ]
}

/// More markers than this make the page heavy and the map unreadable even clustered.
pub const MAX_MAP_POINTS: usize = 2_000;

/// The filters a row may fail, one bit each, so that a facet can count the rows that
/// pass every filter but its own.
const CATEGORY: u8 = 1;
const COUNTRY: u8 = 2;
const MUNICIPALITY: u8 = 4;
const LANGUAGE: u8 = 8;
const OPEN: u8 = 16;
const CROSS: u8 = 32;

struct Row {
    candidate: Arc<Candidate>,
    score: f64,
    distance_km: Option<f64>,
    open_now: Option<bool>,
    failed: u8,
}

pub async fn run(
    db: &Db,
    lang: Lang,
    filter: &ServiceFilter,
    at: DateTime<Tz>,
) -> Result<SearchResults, AppError> {
    run_for(db, lang, filter, at, Wanted::Page(PER_PAGE)).await
}

/// What a search returns besides its counts and facets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wanted {
    /// One page of hits of this size (the page and the API).
    Page(usize),
    /// Every hit on one page (exports).
    All,
    /// No hits: the map's points (the first `MAX_MAP_POINTS` with coordinates).
    MapPoints,
}

pub async fn run_for(
    db: &Db,
    lang: Lang,
    filter: &ServiceFilter,
    at: DateTime<Tz>,
    wanted: Wanted,
) -> Result<SearchResults, AppError> {
    let (_, snapshot) = snapshot::current(db).await?;
    let reference = &snapshot.reference;
    let near = match &filter.near {
        None => None,
        Some(Near::Point { lat, lon, radius }) => Some(NearPlace {
            municipality: None,
            lat: *lat,
            lon: *lon,
            radius_km: *radius,
        }),
        Some(Near::Place { text, radius }) => {
            let m = repo::find_municipality(db, text, &reference.municipalities)
                .await?
                .and_then(|code| reference.municipalities.get(&code))
                .ok_or_else(|| AppError::BadRequest("near".into()))?;
            Some(NearPlace {
                municipality: Some((m.code.clone(), m.name.clone())),
                lat: m.lat,
                lon: m.lon,
                radius_km: *radius,
            })
        }
    };
    // The circle's bounding box (and the map's box): a cheap pre-filter before the
    // exact distance.
    let bbox = match (&near, filter.bbox) {
        (Some(n), Some(b)) => Some(intersect(bounding_box(n.lat, n.lon, n.radius_km), b)),
        (Some(n), None) => Some(bounding_box(n.lat, n.lon, n.radius_km)),
        (None, b) => b,
    };
    let matches = filter.text.as_ref().map(|text| snapshot.text.search(text));
    let found: Vec<(Arc<Candidate>, f64)> = snapshot
        .rows
        .iter()
        .enumerate()
        .filter_map(|(row, c)| {
            let score = match &matches {
                Some(m) => *m.get(&(row as u32))?,
                None => 0.0,
            };
            if let Some([west, south, east, north]) = bbox {
                let (lat, lon) = (c.core.lat?, c.core.lon?);
                if lat < south || lat > north || lon < west || lon > east {
                    return None;
                }
            }
            Some((c.clone(), score))
        })
        .collect();
    Ok(assemble(found, filter, near, reference, lang, at, wanted))
}

/// Everything after the database: exact distance, filters, facets, sort and page.
pub fn assemble(
    found: Vec<(Arc<Candidate>, f64)>,
    filter: &ServiceFilter,
    near: Option<NearPlace>,
    reference: &Reference,
    lang: Lang,
    at: DateTime<Tz>,
    wanted: Wanted,
) -> SearchResults {
    let (municipalities, categories) = (&reference.municipalities, &reference.categories);
    let parent_of: HashMap<&str, &str> = categories
        .iter()
        .filter_map(|c| c.parent.as_deref().map(|p| (c.code.as_str(), p)))
        .collect();
    // Most services share one of a few schedules: each is evaluated once a minute.
    let open_by_schedule = reference.open_by_schedule(at);
    let mut rows: Vec<Row> = found
        .into_iter()
        .filter_map(|(candidate, score)| {
            let distance_km = match &near {
                Some(n) => {
                    let (lat, lon) = (candidate.core.lat?, candidate.core.lon?);
                    let d = haversine_km(n.lat, n.lon, lat, lon);
                    if d > n.radius_km {
                        return None;
                    }
                    Some(d)
                }
                None => None,
            };
            let open_now = candidate.schedule.and_then(|i| open_by_schedule[i]);
            let mut failed = 0;
            if let Some(c) = &filter.category {
                let parent = parent_of.get(candidate.core.category.as_str()).copied();
                if candidate.core.category != *c && parent != Some(c.as_str()) {
                    failed |= CATEGORY;
                }
            }
            if filter.country.is_some_and(|c| c != candidate.core.country) {
                failed |= COUNTRY;
            }
            if filter
                .municipality
                .as_ref()
                .is_some_and(|m| *m != candidate.core.municipality_code)
            {
                failed |= MUNICIPALITY;
            }
            if filter
                .language
                .as_ref()
                .is_some_and(|l| !candidate.core.languages.contains(l))
            {
                failed |= LANGUAGE;
            }
            if filter.open_now && open_now != Some(true) {
                failed |= OPEN;
            }
            if filter.cross_border && candidate.access.as_deref() != Some("both") {
                failed |= CROSS;
            }
            if let Some([west, south, east, north]) = filter.bbox {
                let inside = match (candidate.core.lat, candidate.core.lon) {
                    (Some(lat), Some(lon)) => {
                        lat >= south && lat <= north && lon >= west && lon <= east
                    }
                    _ => false,
                };
                if !inside {
                    return None;
                }
            }
            Some(Row {
                candidate,
                score,
                distance_km,
                open_now,
                failed,
            })
        })
        .collect();

    let category_label = |code: &str| reference.category_label(code);
    let municipality_name = |code: &str| {
        municipalities
            .get(code)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| Localized {
                nl: code.to_owned(),
                fr: code.to_owned(),
            })
    };

    let facets = {
        let passes_except = |row: &Row, own: u8| row.failed & !own == 0;
        let mut category: HashMap<&str, usize> = HashMap::new();
        let mut country: HashMap<&str, usize> = HashMap::new();
        let mut municipality: HashMap<&str, usize> = HashMap::new();
        let mut language: HashMap<&str, usize> = HashMap::new();
        let (mut cross_border, mut open_now) = (0, 0);
        for row in &rows {
            let c = &row.candidate;
            if passes_except(row, CATEGORY) {
                *category.entry(&c.core.category).or_default() += 1;
            }
            if passes_except(row, COUNTRY) {
                *country.entry(c.core.country.code()).or_default() += 1;
            }
            if passes_except(row, MUNICIPALITY) {
                *municipality.entry(&c.core.municipality_code).or_default() += 1;
            }
            if passes_except(row, LANGUAGE) {
                for l in &c.core.languages {
                    *language.entry(l).or_default() += 1;
                }
            }
            if passes_except(row, CROSS) && c.access.as_deref() == Some("both") {
                cross_border += 1;
            }
            if passes_except(row, OPEN) && row.open_now == Some(true) {
                open_now += 1;
            }
        }
        let sorted = |map: HashMap<&str, usize>, label: &dyn Fn(&str) -> Localized| {
            let mut values: Vec<FacetValue> = map
                .into_iter()
                .map(|(value, count)| FacetValue {
                    label: label(value),
                    value: value.to_owned(),
                    count,
                })
                .collect();
            values.sort_by(|a, b| {
                b.count
                    .cmp(&a.count)
                    .then_with(|| a.label.get(lang).cmp(b.label.get(lang)))
            });
            values
        };
        let country_label = |code: &str| Localized {
            nl: code.to_owned(),
            fr: code.to_owned(),
        };
        Facets {
            category: sorted(category, &category_label),
            country: sorted(country, &country_label),
            municipality: sorted(municipality, &municipality_name),
            language: sorted(language, &country_label),
            cross_border,
            open_now,
        }
    };

    rows.retain(|row| row.failed == 0);
    let name_key = |row: &Row| row.candidate.name_rank(lang);
    match filter.sort {
        ServiceSort::Distance => rows.sort_by(|a, b| {
            a.distance_km
                .unwrap_or(f64::MAX)
                .total_cmp(&b.distance_km.unwrap_or(f64::MAX))
                .then_with(|| a.candidate.core.id.cmp(&b.candidate.core.id))
        }),
        ServiceSort::Relevance => rows.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| name_key(a).cmp(&name_key(b)))
        }),
        ServiceSort::Name => rows.sort_unstable_by_key(name_key),
    }

    let total = rows.len();
    let per_page = match wanted {
        Wanted::Page(size) => size,
        Wanted::All => total.max(1),
        Wanted::MapPoints => 0,
    };
    let pages = total.div_ceil(per_page.max(1)).max(1);
    let page = match wanted {
        Wanted::Page(_) => filter.page.min(pages),
        _ => 1,
    };
    // The map shows the first results (in the list's order) when there are very many.
    let map_points = if wanted == Wanted::MapPoints {
        MAX_MAP_POINTS
    } else {
        0
    };
    let points = rows
        .iter()
        .take(map_points)
        .filter_map(|row| {
            let c = &row.candidate;
            Some(MapPoint {
                id: c.core.id.clone(),
                name: display_name(&c.core.name, lang).1,
                lat: c.core.lat?,
                lon: c.core.lon?,
            })
        })
        .collect();
    let hits = rows
        .into_iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .map(|row| {
            let c = &row.candidate;
            ServiceHit {
                category_label: category_label(&c.core.category),
                municipality_name: municipality_name(&c.core.municipality_code),
                cross_border: c.access.as_deref() == Some("both"),
                core: c.core.clone(),
                distance_km: row.distance_km.map(|d| (d * 100.0).round() / 100.0),
                open_now: row.open_now,
            }
        })
        .collect();
    SearchResults {
        hits,
        total,
        page,
        pages,
        facets,
        near,
        points,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_contains_the_circle() {
        let (lat, lon) = (50.78, 3.04);
        let [w, s, e, n] = bounding_box(lat, lon, 10.0);
        assert!(haversine_km(lat, lon, n, lon) > 10.0);
        assert!(haversine_km(lat, lon, s, lon) > 10.0);
        assert!(haversine_km(lat, lon, lat, e) > 10.0);
        assert!(haversine_km(lat, lon, lat, w) > 10.0);
        assert!(haversine_km(lat, lon, n, lon) < 10.5);
    }
}

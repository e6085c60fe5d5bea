//! Nearest service per category and side, from each municipality's reference point
//! (server only). 258 municipalities × a few hundred services: a direct scan per data
//! version is a few milliseconds, cheaper than keeping a spatial index current.
//!
//! Known defects of the inventory are not used as if they were right (DATA.md,
//! "Location checks"): a service without coordinates or with a point outside its own
//! municipality is left out of distances; a station whose municipality is uncertain keeps
//! its (right) coordinates for distances but is not counted as the municipality's own.

use super::{
    CategoryCoverage, CategoryOption, NearestService, Side, MUNICIPALITY_UNCERTAIN,
    POINT_OUTSIDE_MUNICIPALITY,
};
use crate::kernel::geo::{haversine_km, Country};
use crate::services::repo::Candidate;
use crate::services::snapshot::Reference;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// A municipality's reference point.
pub struct Place<'a> {
    pub code: &'a str,
    pub country: Country,
    pub lat: f64,
    pub lon: f64,
}

/// A service's position, when it can be trusted.
fn position(service: &Candidate) -> Option<(f64, f64)> {
    if service.location_check.as_deref() == Some(POINT_OUTSIDE_MUNICIPALITY) {
        return None;
    }
    Some((service.core.lat?, service.core.lon?))
}

/// Whether it is certainly its municipality's own.
fn filed_with_certainty(service: &Candidate) -> bool {
    service.location_check.as_deref() != Some(MUNICIPALITY_UNCERTAIN)
}

/// The categories that have services, in taxonomy order, with their count per side.
pub fn categories(services: &[Arc<Candidate>], reference: &Reference) -> Vec<CategoryOption> {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for s in services {
        let entry = counts.entry(&s.core.category).or_default();
        if s.core.country == Country::Be {
            entry.0 += 1;
        } else {
            entry.1 += 1;
        }
    }
    reference
        .categories
        .iter()
        .filter_map(|c| {
            let (be, fr) = counts.get(c.code.as_str())?;
            Some(CategoryOption {
                code: c.code.clone(),
                label: c.label.clone(),
                be: *be,
                fr: *fr,
            })
        })
        .collect()
}

/// Per municipality code, its coverage of every category that has services.
pub fn compute(
    places: &[Place],
    services: &[Arc<Candidate>],
    reference: &Reference,
) -> HashMap<String, Vec<CategoryCoverage>> {
    let categories = categories(services, reference);
    let mut by_category: HashMap<&str, Vec<&Candidate>> = HashMap::new();
    for s in services {
        by_category.entry(&s.core.category).or_default().push(s);
    }
    places
        .iter()
        .map(|place| {
            let list = categories
                .iter()
                .map(|category| {
                    let members = by_category
                        .get(category.code.as_str())
                        .map(Vec::as_slice)
                        .unwrap_or_default();
                    of_category(place, category, members)
                })
                .collect();
            (place.code.to_owned(), list)
        })
        .collect()
}

fn of_category(
    place: &Place,
    category: &CategoryOption,
    services: &[&Candidate],
) -> CategoryCoverage {
    let mut coverage = CategoryCoverage {
        category: category.code.clone(),
        label: category.label.clone(),
        here: 0,
        here_uncertain: 0,
        own_side: Side::default(),
        other_side: Side::default(),
    };
    for service in services {
        if service.core.municipality_code == place.code {
            if filed_with_certainty(service) {
                coverage.here += 1;
            } else {
                coverage.here_uncertain += 1;
            }
        }
        let side = if service.core.country == place.country {
            &mut coverage.own_side
        } else {
            &mut coverage.other_side
        };
        side.in_inventory += 1;
        let Some((lat, lon)) = position(service) else {
            side.unplaced += 1;
            continue;
        };
        let distance_km = haversine_km(place.lat, place.lon, lat, lon);
        // Ties go to the lower id, so the answer does not depend on load order.
        let nearer = side.nearest.as_ref().is_none_or(|n| {
            (distance_km, service.core.id.as_str()) < (n.distance_km, n.id.as_str())
        });
        if nearer {
            side.nearest = Some(NearestService {
                id: service.core.id.clone(),
                name: service.core.name.clone(),
                municipality_code: service.core.municipality_code.clone(),
                country: service.core.country,
                distance_km,
            });
        }
    }
    coverage
}

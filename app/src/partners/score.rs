//! The partner score: one function, named weights (server only).
//!
//! A candidate's score is a sum of independent terms, each shown to the user as a
//! reason: nearness, being across the border, a similar population, complementary
//! services, clusters, projects and themes already shared, and a common language.
//! The user's choices (similar size, complementarity) scale their terms; "across the
//! border only" and "within N km" filter instead of weighing.

use super::{PartnerCandidate, PartnerCriteria, Reason};
use crate::kernel::geo::{haversine_km, Country};
use std::collections::BTreeSet;

/// Nearness counts fully at 0 km and nothing from this distance on.
pub const NEARNESS_RANGE_KM: f64 = 30.0;
pub const WEIGHT_NEARNESS: f64 = 4.0;
pub const WEIGHT_CROSS_BORDER: f64 = 1.0;
/// Populations within this factor of each other are "similar".
pub const SIZE_BAND: f64 = 2.0;
/// Per step of the user's "similar size" level (0–3).
pub const WEIGHT_SIMILAR_SIZE: f64 = 1.0;
/// Per step of the user's "complementarity" level (0–3), for full complementarity.
pub const WEIGHT_COMPLEMENTARITY: f64 = 1.0;
pub const WEIGHT_SHARED_CLUSTER: f64 = 0.5;
pub const WEIGHT_SHARED_PROJECT: f64 = 0.75;
pub const WEIGHT_SHARED_THEME: f64 = 0.25;
pub const WEIGHT_COMMON_LANGUAGE: f64 = 0.5;

/// What the score knows of a municipality.
#[derive(Clone, Debug)]
pub struct Facts {
    pub code: String,
    pub country: Country,
    pub lat: f64,
    pub lon: f64,
    pub population: Option<i64>,
    /// Languages the administration works in (the region's, plus language facilities).
    pub languages: BTreeSet<String>,
    /// Categories with a service certainly filed here.
    pub categories: BTreeSet<String>,
    pub clusters: BTreeSet<String>,
    pub projects: BTreeSet<String>,
    pub themes: BTreeSet<String>,
}

impl Facts {
    /// A municipality that nothing else is known of yet.
    pub fn new(code: &str, country: Country) -> Facts {
        Facts {
            code: code.to_owned(),
            country,
            lat: 0.0,
            lon: 0.0,
            population: None,
            languages: BTreeSet::new(),
            categories: BTreeSet::new(),
            clusters: BTreeSet::new(),
            projects: BTreeSet::new(),
            themes: BTreeSet::new(),
        }
    }
}

/// How much two populations are alike: 1 when equal, 0 at or beyond `SIZE_BAND`.
fn size_likeness(a: i64, b: i64) -> Option<f64> {
    if a <= 0 || b <= 0 {
        return None;
    }
    let ratio = a.max(b) as f64 / a.min(b) as f64;
    (ratio < SIZE_BAND).then(|| 1.0 - (ratio - 1.0) / (SIZE_BAND - 1.0))
}

/// Scores one candidate for `of`, or None when the criteria exclude it.
pub fn score(
    of: &Facts,
    candidate: &Facts,
    criteria: &PartnerCriteria,
) -> Option<PartnerCandidate> {
    if candidate.code == of.code {
        return None;
    }
    let distance_km = haversine_km(of.lat, of.lon, candidate.lat, candidate.lon);
    let cross_border = candidate.country != of.country;
    if criteria.across_only && !cross_border {
        return None;
    }
    if criteria
        .within_km
        .is_some_and(|km| distance_km > f64::from(km))
    {
        return None;
    }
    let mut reasons = vec![];
    let mut total = 0.0;
    let mut add = |points: f64, reason: Reason| {
        if points > 0.0 {
            total += points;
            reasons.push(reason);
        }
    };
    let nearness = (1.0 - distance_km / NEARNESS_RANGE_KM).max(0.0);
    add(WEIGHT_NEARNESS * nearness, Reason::Near { km: distance_km });
    if cross_border {
        add(WEIGHT_CROSS_BORDER, Reason::AcrossTheBorder);
    }
    if let (Some(a), Some(b)) = (of.population, candidate.population) {
        if let Some(likeness) = size_likeness(a, b) {
            let points = WEIGHT_SIMILAR_SIZE * f64::from(criteria.similar_size) * likeness;
            add(points, Reason::SimilarSize { population: b });
        }
    }
    let offers: Vec<String> = candidate
        .categories
        .difference(&of.categories)
        .cloned()
        .collect();
    let lacks: Vec<String> = of
        .categories
        .difference(&candidate.categories)
        .cloned()
        .collect();
    let all: BTreeSet<&String> = of.categories.union(&candidate.categories).collect();
    if !all.is_empty() && (!offers.is_empty() || !lacks.is_empty()) {
        let share = (offers.len() + lacks.len()) as f64 / all.len() as f64;
        let points = WEIGHT_COMPLEMENTARITY * f64::from(criteria.complementarity) * share;
        add(points, Reason::Complementary { offers, lacks });
    }
    let shared = |a: &BTreeSet<String>, b: &BTreeSet<String>| -> Vec<String> {
        a.intersection(b).cloned().collect()
    };
    let clusters = shared(&of.clusters, &candidate.clusters);
    add(
        WEIGHT_SHARED_CLUSTER * clusters.len() as f64,
        Reason::SharedClusters { ids: clusters },
    );
    let projects = shared(&of.projects, &candidate.projects);
    add(
        WEIGHT_SHARED_PROJECT * projects.len() as f64,
        Reason::SharedProjects { ids: projects },
    );
    let themes = shared(&of.themes, &candidate.themes);
    add(
        WEIGHT_SHARED_THEME * themes.len() as f64,
        Reason::SharedThemes { themes },
    );
    let languages = shared(&of.languages, &candidate.languages);
    add(
        if languages.is_empty() {
            0.0
        } else {
            WEIGHT_COMMON_LANGUAGE
        },
        Reason::CommonLanguage { languages },
    );
    Some(PartnerCandidate {
        code: candidate.code.clone(),
        country: candidate.country,
        name: Default::default(),
        population: candidate.population,
        distance_km,
        cross_border,
        score: total,
        reasons,
    })
}

/// Every candidate that passes the criteria, best first (ties: nearer, then code).
pub fn rank(of: &Facts, all: &[Facts], criteria: &PartnerCriteria) -> Vec<PartnerCandidate> {
    let mut ranked: Vec<PartnerCandidate> =
        all.iter().filter_map(|c| score(of, c, criteria)).collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.distance_km.total_cmp(&b.distance_km))
            .then_with(|| a.code.cmp(&b.code))
    });
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 258 municipalities of the bundled data (position, population, language).
    fn region() -> Vec<Facts> {
        let mut reader =
            csv::Reader::from_reader(include_str!("../../data/municipalities.csv").as_bytes());
        reader
            .deserialize::<std::collections::HashMap<String, String>>()
            .map(|row| {
                let row = row.unwrap();
                let language = if row["region_nl"] == "Vlaams Gewest" {
                    "nl"
                } else {
                    "fr"
                };
                Facts {
                    lat: row["lat"].parse().unwrap(),
                    lon: row["lon"].parse().unwrap(),
                    population: row["population"].parse().ok(),
                    languages: [language.to_owned()].into(),
                    ..Facts::new(&row["code"], Country::from_code(&row["country"]).unwrap())
                }
            })
            .collect()
    }

    fn of<'a>(all: &'a [Facts], code: &str) -> &'a Facts {
        all.iter().find(|f| f.code == code).unwrap()
    }

    const WERVIK: &str = "33029";
    const WERVICQ_SUD: &str = "59656";
    const COMINES: &str = "59152";

    #[test]
    fn wervik_finds_wervicq_sud_and_comines_across_the_border() {
        let all = region();
        let criteria = PartnerCriteria {
            across_only: true,
            ..PartnerCriteria::default()
        };
        let ranked = rank(of(&all, WERVIK), &all, &criteria);
        let top: Vec<&str> = ranked.iter().take(5).map(|c| c.code.as_str()).collect();
        assert!(top.contains(&WERVICQ_SUD), "{top:?}");
        assert!(top.contains(&COMINES), "{top:?}");
        assert!(ranked
            .iter()
            .all(|c| c.cross_border && c.country == Country::Fr));
    }

    #[test]
    fn a_municipality_never_proposes_itself() {
        let all = region();
        for criteria in [
            PartnerCriteria::default(),
            PartnerCriteria {
                across_only: true,
                ..Default::default()
            },
        ] {
            for m in &all {
                assert!(rank(m, &all, &criteria).iter().all(|c| c.code != m.code));
            }
        }
    }

    #[test]
    fn similar_size_prefers_municipalities_within_the_band() {
        let all = region();
        let wervik = of(&all, WERVIK);
        let population = wervik.population.unwrap();
        let criteria = PartnerCriteria {
            similar_size: 3,
            within_km: Some(30),
            ..PartnerCriteria::default()
        };
        let with_size = rank(wervik, &all, &criteria);
        let without = rank(
            wervik,
            &all,
            &PartnerCriteria {
                similar_size: 0,
                ..criteria
            },
        );
        let in_band = |c: &PartnerCandidate| {
            c.population.is_some_and(|p| {
                let ratio = p.max(population) as f64 / p.min(population) as f64;
                ratio < SIZE_BAND
            })
        };
        let share = |list: &[PartnerCandidate]| list.iter().take(10).filter(|c| in_band(c)).count();
        assert!(
            share(&with_size) > share(&without),
            "{} vs {}",
            share(&with_size),
            share(&without)
        );
        // Same candidates, only the order changes; a candidate's size reason says why.
        assert_eq!(with_size.len(), without.len());
        assert!(with_size.iter().filter(|c| in_band(c)).all(|c| c
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::SimilarSize { .. }))));
    }

    #[test]
    fn within_limits_the_distance() {
        let all = region();
        let criteria = PartnerCriteria {
            within_km: Some(10),
            ..PartnerCriteria::default()
        };
        let ranked = rank(of(&all, WERVIK), &all, &criteria);
        assert!(!ranked.is_empty());
        assert!(ranked.iter().all(|c| c.distance_km <= 10.0));
    }

    #[test]
    fn complementary_services_are_reasons_both_ways() {
        let base = Facts {
            categories: ["railway_station".to_owned()].into(),
            ..Facts::new("A", Country::Be)
        };
        let other = Facts {
            categories: ["town_hall".to_owned()].into(),
            ..Facts::new("B", Country::Fr)
        };
        let criteria = PartnerCriteria {
            complementarity: 2,
            ..Default::default()
        };
        let found = score(&base, &other, &criteria).unwrap();
        let reason = found
            .reasons
            .iter()
            .find_map(|r| match r {
                Reason::Complementary { offers, lacks } => Some((offers.clone(), lacks.clone())),
                _ => None,
            })
            .unwrap();
        assert_eq!(
            reason,
            (
                vec!["town_hall".to_owned()],
                vec!["railway_station".to_owned()]
            )
        );
        let none = score(
            &base,
            &other,
            &PartnerCriteria {
                complementarity: 0,
                ..criteria
            },
        )
        .unwrap();
        assert!(found.score > none.score);
    }
}

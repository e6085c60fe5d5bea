//! The partner finder's facts, from the municipality directory (server only).

use super::score::{self, Facts};
use super::*;
use crate::db::Db;
use crate::municipalities::directory::{self, Directory};
use crate::municipalities::MunicipalityProfile;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

/// Municipalities with language facilities (Belgian law of 18 July 1966): their
/// administration also serves residents in these languages.
static FACILITIES: LazyLock<HashMap<String, Vec<String>>> = LazyLock::new(|| {
    let mut reader =
        csv::Reader::from_reader(include_str!("../../data/language_facilities.csv").as_bytes());
    reader
        .deserialize::<HashMap<String, String>>()
        .filter_map(Result::ok)
        .map(|row| {
            let languages = row["languages"].split('|').map(str::to_owned).collect();
            (row["code"].clone(), languages)
        })
        .collect()
});

/// The languages a municipality's administration works in.
pub fn languages(profile: &MunicipalityProfile) -> BTreeSet<String> {
    let own = if profile.detail.region.nl == "Vlaams Gewest" {
        "nl"
    } else {
        "fr"
    };
    let mut languages: BTreeSet<String> = [own.to_owned()].into();
    if let Some(extra) = FACILITIES.get(&profile.detail.code) {
        languages.extend(extra.iter().cloned());
    }
    languages
}

pub fn facts(profile: &MunicipalityProfile) -> Facts {
    let d = &profile.detail;
    Facts {
        code: d.code.clone(),
        country: d.country,
        lat: d.lat,
        lon: d.lon,
        population: d.population,
        languages: languages(profile),
        categories: profile
            .coverage
            .iter()
            .filter(|c| c.here > 0)
            .map(|c| c.category.clone())
            .collect(),
        clusters: profile.clusters.iter().map(|c| c.id.clone()).collect(),
        projects: profile.projects.iter().map(|p| p.id.clone()).collect(),
        themes: profile.practice_themes.iter().map(theme_key).collect(),
    }
}

/// The label key of a practice's theme (the Dutch name: stable across languages).
fn theme_key(theme: &Localized) -> String {
    format!("theme:{}", theme.nl)
}

fn choice(profile: &MunicipalityProfile) -> Choice {
    Choice {
        code: profile.detail.code.clone(),
        country: profile.detail.country,
        name: profile.detail.name.clone(),
    }
}

pub async fn find(db: &Db, query: &PartnerQuery) -> Result<PartnerResults, AppError> {
    let (code, criteria) = query.validate()?;
    let directory = directory::current(db).await?;
    let choices: Vec<Choice> = directory.profiles().map(|p| choice(&p)).collect();
    let Some(code) = code else {
        return Ok(PartnerResults {
            choices,
            chosen: None,
            criteria,
            candidates: vec![],
            total: 0,
            labels: vec![],
            weights: weights(),
            cache_key: directory.key_for(&criteria),
        });
    };
    let profile = directory.profile(&code).ok_or(AppError::NotFound)?;
    let (candidates, total) = ranked(&directory, &profile, &criteria, SHOWN);
    Ok(PartnerResults {
        choices,
        chosen: Some(choice(&profile)),
        criteria,
        candidates,
        total,
        labels: labels(&directory),
        weights: weights(),
        cache_key: directory.key_for(&(&code, &criteria)),
    })
}

pub fn weights() -> Weights {
    Weights {
        nearness: score::WEIGHT_NEARNESS,
        nearness_range_km: score::NEARNESS_RANGE_KM,
        cross_border: score::WEIGHT_CROSS_BORDER,
        similar_size: score::WEIGHT_SIMILAR_SIZE,
        complementarity: score::WEIGHT_COMPLEMENTARITY,
        shared_cluster: score::WEIGHT_SHARED_CLUSTER,
        shared_project: score::WEIGHT_SHARED_PROJECT,
        shared_theme: score::WEIGHT_SHARED_THEME,
        common_language: score::WEIGHT_COMMON_LANGUAGE,
    }
}

/// The best `limit` candidates with their names, and how many passed the criteria.
pub fn ranked(
    directory: &Directory,
    of: &MunicipalityProfile,
    criteria: &PartnerCriteria,
    limit: usize,
) -> (Vec<PartnerCandidate>, usize) {
    let all: Vec<Facts> = directory.profiles().map(|p| facts(&p)).collect();
    let mut ranked = score::rank(&facts(of), &all, criteria);
    let total = ranked.len();
    ranked.truncate(limit);
    for candidate in &mut ranked {
        if let Some(p) = directory.profile(&candidate.code) {
            candidate.name = p.detail.name.clone();
        }
    }
    (ranked, total)
}

/// Names of the categories, clusters and projects a reason may mention.
fn labels(directory: &Directory) -> Vec<(String, Localized)> {
    let mut labels: HashMap<String, Localized> = directory
        .categories
        .iter()
        .map(|c| (c.code.clone(), c.label.clone()))
        .collect();
    for p in directory.profiles() {
        for c in &p.clusters {
            labels.insert(c.id.clone(), c.name.clone());
        }
        for project in &p.projects {
            labels.insert(project.id.clone(), project.name.clone());
        }
        for theme in &p.practice_themes {
            labels.insert(theme_key(theme), theme.clone());
        }
    }
    let mut list: Vec<(String, Localized)> = labels.into_iter().collect();
    list.sort_by(|a, b| a.0.cmp(&b.0));
    list
}

//! SurrealDB queries for municipalities (server only).

use super::directory;
use super::*;
use crate::db::{rows, Db};
use crate::search_text::query_variants;

pub async fn search(
    db: &Db,
    lang: Lang,
    filter: &MunicipalityFilter,
) -> Result<Vec<MunicipalitySummary>, AppError> {
    Ok(search_list(db, lang, filter).await?.rows)
}

/// The list with its fingerprint: the directory's and the text's matches, the language
/// and the filter (the rows are a function of these).
pub async fn search_list(
    db: &Db,
    lang: Lang,
    filter: &MunicipalityFilter,
) -> Result<MunicipalityList, AppError> {
    let directory = directory::current(db).await?;
    let codes = match &filter.text {
        None => None,
        Some(text) => {
            // Any variant of the typed words (see `search_text`) may match.
            let mut codes: Vec<String> = vec![];
            for variant in query_variants(text) {
                let mut response = db
                    .query("SELECT VALUE code FROM municipality WHERE search_names @@ $text")
                    .bind(("text", variant))
                    .await?;
                codes.extend(rows::<String>(&mut response, 0)?);
            }
            Some(codes)
        }
    };
    let fingerprint = directory.fingerprint.and_then(|data| {
        let filter = (filter.country.map(|c| c.code()), filter.sort.code());
        crate::fingerprint::of(&(data, lang, filter, &codes))
    });
    Ok(MunicipalityList {
        rows: directory.list(lang, filter, codes.as_deref()),
        fingerprint,
    })
}

pub async fn profile(db: &Db, code: &str) -> Result<MunicipalityProfile, AppError> {
    // Anything that is not a code cannot name a municipality (and is not a record id).
    if !crate::kernel::validate::is_municipality_code(code) {
        return Err(AppError::NotFound);
    }
    let directory = directory::current(db).await?;
    let profile = directory.profile(code).ok_or(AppError::NotFound)?;
    Ok(MunicipalityProfile {
        cache_key: directory.key_for(&code),
        ..MunicipalityProfile::clone(&profile)
    })
}

pub async fn counts(db: &Db) -> Result<SiteCounts, AppError> {
    Ok(directory::current(db).await?.counts.clone())
}

pub async fn compare(db: &Db, codes: &str) -> Result<Comparison, AppError> {
    let codes = parse_codes(codes)?;
    let directory = directory::current(db).await?;
    let municipalities = codes
        .iter()
        .map(|code| {
            directory
                .profile(code)
                .map(|p| MunicipalityProfile::clone(&p))
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| AppError::BadRequest("codes".into()))?;
    let mut distances = vec![];
    for (i, a) in municipalities.iter().enumerate() {
        for b in &municipalities[i + 1..] {
            let (a, b) = (&a.detail, &b.detail);
            let km = crate::kernel::geo::haversine_km(a.lat, a.lon, b.lat, b.lon);
            distances.push((a.code.clone(), b.code.clone(), km));
        }
    }
    let mut shared_projects: Vec<Involvement> = vec![];
    for project in municipalities.iter().flat_map(|m| &m.projects) {
        let taking_part = municipalities
            .iter()
            .filter(|m| m.projects.iter().any(|p| p.id == project.id))
            .count();
        if taking_part >= 2 && !shared_projects.iter().any(|p| p.id == project.id) {
            shared_projects.push(project.clone());
        }
    }
    Ok(Comparison {
        choices: directory
            .profiles()
            .map(|p| Choice {
                code: p.detail.code.clone(),
                name: p.detail.name.clone(),
            })
            .collect(),
        cache_key: directory.key_for(&codes),
        municipalities,
        distances,
        shared_projects,
    })
}

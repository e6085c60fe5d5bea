//! The search's in-memory copy of the published services (server only).
//!
//! Measured here, SurrealDB needs about 17 µs per row to scan and return services, so
//! a search that reads thousands of candidates per request cannot meet SPEC §6. The
//! database stays the source of truth: a `meta:search` version, bumped by events on every
//! write to services, categories, municipalities and neighbours, says when the copy is
//! stale; the copy, with its full-text index (`text_index`), is rebuilt from it then.

use super::repo::{self, Candidate, MunicipalityRef};
use super::text_index::TextIndex;
use super::{Category, Localized};
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::services::display_name;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

pub struct Snapshot {
    pub rows: Vec<Arc<Candidate>>,
    pub reference: Reference,
    /// The rows' search texts, indexed (row numbers are positions in `rows`).
    pub text: TextIndex,
    /// Row number by service id.
    by_id: HashMap<String, u32>,
}

impl Snapshot {
    /// Whether a published service has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }
}

/// Names and the taxonomy, for labels and parent categories.
pub struct Reference {
    pub municipalities: HashMap<String, MunicipalityRef>,
    pub categories: Vec<Category>,
    /// Distinct (opening hours, country) pairs of the services.
    pub schedules: Vec<(String, String)>,
}

impl Reference {
    /// The taxonomy's label of a category (its code when the taxonomy lacks it).
    pub fn category_label(&self, code: &str) -> Localized {
        self.categories
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.label.clone())
            .unwrap_or_else(|| Localized {
                nl: code.to_owned(),
                fr: code.to_owned(),
            })
    }
}

type Key = (String, i64);

/// One copy per database (tests run many), with the version it was made from.
type Versions = HashMap<String, (i64, Arc<Snapshot>)>;
static SNAPSHOTS: LazyLock<Mutex<Versions>> = LazyLock::new(Default::default);

fn snapshots() -> std::sync::MutexGuard<'static, Versions> {
    SNAPSHOTS.lock().unwrap_or_else(|e| e.into_inner())
}

/// The current copy, reloaded when the data changed since it was made.
pub async fn current(db: &Db) -> Result<(Key, Arc<Snapshot>), AppError> {
    let key = repo::search_version(db).await?;
    if let Some((version, snapshot)) = snapshots().get(&key.0) {
        if *version == key.1 {
            return Ok((key, snapshot.clone()));
        }
    }
    let mut rows = repo::candidates(db).await?;
    for (slot, lang) in [Lang::Nl, Lang::Fr].into_iter().enumerate() {
        let mut order: Vec<(String, usize)> = rows
            .iter()
            .enumerate()
            .map(|(i, c)| (display_name(&c.name, lang).1.to_lowercase(), i))
            .collect();
        order.sort();
        for (rank, (_, i)) in order.into_iter().enumerate() {
            rows[i].name_rank[slot] = rank as u32;
        }
    }
    let mut schedules: Vec<(String, String)> = vec![];
    let mut schedule_index: HashMap<(String, String), usize> = HashMap::new();
    for row in &mut rows {
        if let Some(osm) = &row.opening_hours {
            let key = (osm.clone(), row.country.clone());
            let next = schedules.len();
            let index = *schedule_index.entry(key.clone()).or_insert(next);
            if index == next {
                schedules.push(key);
            }
            row.schedule = Some(index);
        }
    }
    let texts: Vec<(String, String)> = rows
        .iter_mut()
        .map(|row| {
            (
                std::mem::take(&mut row.search_nl),
                std::mem::take(&mut row.search_fr),
            )
        })
        .collect();
    let text = TextIndex::build(
        &texts
            .iter()
            .map(|(nl, fr)| (nl.as_str(), fr.as_str()))
            .collect::<Vec<_>>(),
    );
    drop(texts);
    let by_id = rows
        .iter()
        .enumerate()
        .map(|(i, row)| (row.id.clone(), i as u32))
        .collect();
    let snapshot = Arc::new(Snapshot {
        text,
        by_id,
        rows: rows.into_iter().map(Arc::new).collect(),
        reference: Reference {
            municipalities: repo::municipality_refs(db).await?,
            categories: repo::categories(db).await?,
            schedules,
        },
    });
    snapshots().insert(key.0.clone(), (key.1, snapshot.clone()));
    Ok((key, snapshot))
}

//! The search's in-memory copy of the published services (server only).
//!
//! Measured here, SurrealDB needs about 17 µs per row to scan and return services, so
//! a search that reads thousands of candidates per request cannot meet SPEC §6. The
//! database stays the source of truth: a `meta:search` version, bumped by events on every
//! write to services, categories and municipalities, says when the copy is stale. Full
//! text matching stays in SurrealDB's indexes; its answer (ids and scores) is cached per
//! text and version.

use super::repo::{self, Candidate};
use super::search::Reference;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::services::display_name;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

pub struct Snapshot {
    pub rows: Vec<Arc<Candidate>>,
    pub reference: Reference,
}

type Key = (String, i64);
type TextKey = (String, i64, String);

type Matches = Arc<HashMap<String, f64>>;

#[derive(Default)]
struct Caches {
    snapshots: HashMap<String, (i64, Arc<Snapshot>)>,
    texts: HashMap<TextKey, Matches>,
    /// Ids held by all cached text results together.
    text_ids: usize,
}

static CACHES: LazyLock<Mutex<Caches>> = LazyLock::new(Default::default);

/// Cached text results kept at most, and ids in them all together (each id costs about
/// 60 bytes: a broad word at 100 000 services matches half of them). Past either bound
/// the cache starts again empty: every text costs one index query again, nothing grows.
const MAX_TEXTS: usize = 2_000;
const MAX_TEXT_IDS: usize = 1_000_000;

impl Caches {
    fn insert_text(&mut self, key: TextKey, matches: Matches) {
        if self.texts.len() >= MAX_TEXTS || self.text_ids + matches.len() > MAX_TEXT_IDS {
            self.texts.clear();
            self.text_ids = 0;
        }
        self.text_ids += matches.len();
        if let Some(old) = self.texts.insert(key, matches) {
            self.text_ids -= old.len();
        }
    }

    fn retain_texts(&mut self, keep: impl Fn(&TextKey) -> bool) {
        self.texts.retain(|key, _| keep(key));
        self.text_ids = self.texts.values().map(|m| m.len()).sum();
    }
}

fn caches() -> std::sync::MutexGuard<'static, Caches> {
    CACHES.lock().unwrap_or_else(|e| e.into_inner())
}

/// The current copy, reloaded when the data changed since it was made.
pub async fn current(db: &Db) -> Result<(Key, Arc<Snapshot>), AppError> {
    let key = repo::search_version(db).await?;
    if let Some((version, snapshot)) = caches().snapshots.get(&key.0) {
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
    let snapshot = Arc::new(Snapshot {
        rows: rows.into_iter().map(Arc::new).collect(),
        reference: Reference {
            municipalities: repo::municipality_refs(db).await?,
            categories: repo::categories(db).await?,
            schedules,
        },
    });
    let mut caches = caches();
    // Another database (tests run many) keeps its own entry; stale texts go.
    caches
        .snapshots
        .insert(key.0.clone(), (key.1, snapshot.clone()));
    caches.retain_texts(|(instance, version, _)| *instance != key.0 || *version == key.1);
    Ok((key, snapshot))
}

/// Ids and scores of the services whose text matches, from SurrealDB's full-text indexes.
pub async fn text_matches(
    db: &Db,
    key: &Key,
    text: &str,
) -> Result<Arc<HashMap<String, f64>>, AppError> {
    let text_key = (key.0.clone(), key.1, text.to_lowercase());
    if let Some(hit) = caches().texts.get(&text_key) {
        return Ok(hit.clone());
    }
    let matches = Arc::new(repo::text_matches(db, text).await?);
    caches().insert_text(text_key, matches.clone());
    Ok(matches)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(n: usize) -> Matches {
        Arc::new((0..n).map(|i| (format!("s{i}"), 1.0)).collect())
    }

    #[test]
    fn a_flood_of_distinct_texts_stays_bounded() {
        let mut caches = Caches::default();
        for i in 0..(MAX_TEXTS * 3) {
            caches.insert_text(("db".into(), 1, format!("text {i}")), matches(3));
            assert!(caches.texts.len() <= MAX_TEXTS);
        }
        for i in 0..200 {
            caches.insert_text(("db".into(), 1, format!("broad {i}")), matches(20_000));
            assert!(caches.text_ids <= MAX_TEXT_IDS, "{}", caches.text_ids);
            assert_eq!(
                caches.text_ids,
                caches.texts.values().map(|m| m.len()).sum::<usize>()
            );
        }
        caches.retain_texts(|_| false);
        assert_eq!((caches.texts.len(), caches.text_ids), (0, 0));
    }
}

//! The search's in-memory copy of the published services (server only).
//!
//! Measured here, SurrealDB needs about 17 µs per row to scan and return services, so
//! a search that reads thousands of candidates per request cannot meet SPEC §6. The
//! database stays the source of truth: a `meta:search` version, bumped by events on every
//! write to services, categories, municipalities and neighbours (`db::version`), says
//! when the copy is stale. When only services changed, the change log (migration 0007) names them and
//! only those are loaded (`changes`); otherwise the copy is loaded whole.

mod changes;
mod row_ids;

use super::hours;
use super::repo::{self, Candidate, MunicipalityRef};
use super::{Category, Localized};
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::kernel::cache::{lock, DataVersion, VersionedCache};
use crate::kernel::text_index::TextIndex;
use crate::services::display_name;
use chrono::{DateTime, Timelike};
use chrono_tz::Tz;
use row_ids::RowIds;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

/// Name ranks are spaced so that a changed row's name can fall between two others.
const RANK_STEP: u32 = 64;

pub struct Snapshot {
    pub rows: Vec<Arc<Candidate>>,
    pub reference: Reference,
    /// The rows' search texts, indexed (row numbers are positions in `rows`).
    pub text: TextIndex,
    /// Row number by service id.
    by_id: RowIds,
    /// Per language, the folded display names in name order as of the full load: where a
    /// changed row's name falls (see `name_rank`).
    names: Arc<[Vec<String>; 2]>,
}

impl Snapshot {
    /// Whether a published service has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.by_id.get(id).is_some()
    }
}

/// Names and the taxonomy, for labels and parent categories.
#[derive(Clone)]
pub struct Reference {
    pub municipalities: HashMap<String, MunicipalityRef>,
    pub categories: Vec<Category>,
    /// Distinct (opening hours, country) pairs of the services.
    pub schedules: Vec<(String, crate::kernel::geo::Country)>,
    open: OpenStates,
}

/// Per schedule: open (None: its hours could not be read), for the last minute asked.
/// Opening hours change on minute boundaries, so every search of a minute shares them.
#[derive(Default)]
struct OpenStates(Mutex<Option<(i64, OpenBySchedule)>>);

pub type OpenBySchedule = Arc<[Option<bool>]>;

impl Clone for OpenStates {
    /// A copy may have other schedules: it starts empty.
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl Reference {
    /// Per schedule (as in `schedules`): open at the minute of `at`.
    pub fn open_by_schedule(&self, at: DateTime<Tz>) -> OpenBySchedule {
        let minute = at.timestamp().div_euclid(60);
        let mut open = lock(&self.open.0);
        if let Some((m, states)) = &*open {
            if *m == minute {
                return states.clone();
            }
        }
        let start = at
            .with_second(0)
            .and_then(|t| t.with_nanosecond(0))
            .unwrap_or(at);
        let states: OpenBySchedule = self
            .schedules
            .iter()
            .map(|(osm, country)| hours::cached(osm, *country).map(|h| hours::is_open(&h, start)))
            .collect();
        *open = Some((minute, states.clone()));
        states
    }

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

    /// The index of a row's schedule in `schedules`, added when new.
    fn schedule_of(&mut self, row: &Candidate) -> Option<usize> {
        let osm = row.core.opening_hours.as_ref()?;
        let found = self
            .schedules
            .iter()
            .position(|(o, c)| o == osm && *c == row.core.country);
        Some(found.unwrap_or_else(|| {
            self.schedules.push((osm.clone(), row.core.country));
            self.schedules.len() - 1
        }))
    }
}

/// One copy per database (tests run many), with the version it was made from.
static SNAPSHOTS: LazyLock<VersionedCache<(), Arc<Snapshot>>> =
    LazyLock::new(|| VersionedCache::new("search-copy", 16));

/// The current copy: the cached one, the cached one with the changed services applied,
/// or a full load (made once for all the requests that want it meanwhile).
pub async fn current(db: &Db) -> Result<(DataVersion, Arc<Snapshot>), AppError> {
    let at = crate::db::version::current(db).await?;
    let snapshot = SNAPSHOTS
        .get_or_make(&at, (), make(db.clone(), at.clone()))
        .await?;
    Ok((at, snapshot))
}

/// The copy at `at`, from the newest one kept when only services changed since.
async fn make(db: Db, at: DataVersion) -> Result<Arc<Snapshot>, AppError> {
    let snapshot = match SNAPSHOTS.latest(&at.instance, &()) {
        Some((version, old)) if version < at.version => {
            match changes::apply(&db, &old, version, at.version).await? {
                Some(updated) => updated,
                None => load(&db).await?,
            }
        }
        _ => load(&db).await?,
    };
    Ok(Arc::new(snapshot))
}

/// The folded name a row is ordered by in a language.
fn name_key(row: &Candidate, lang: Lang) -> String {
    display_name(&row.core.name, lang).1.to_lowercase()
}

/// Loads every published service and indexes it.
async fn load(db: &Db) -> Result<Snapshot, AppError> {
    let mut rows = repo::candidates(db).await?;
    let mut names: [Vec<String>; 2] = Default::default();
    for (slot, lang) in Lang::ALL.into_iter().enumerate() {
        let mut order: Vec<(String, usize)> = rows
            .iter()
            .enumerate()
            .map(|(i, c)| (name_key(c, lang), i))
            .collect();
        order.sort();
        for (rank, (name, i)) in order.into_iter().enumerate() {
            rows[i].name_rank[slot] = (rank as u32 + 1) * RANK_STEP;
            names[slot].push(name);
        }
    }
    let mut reference = Reference {
        municipalities: repo::municipality_refs(db).await?,
        categories: repo::categories(db).await?,
        schedules: vec![],
        open: OpenStates::default(),
    };
    for row in &mut rows {
        row.schedule = reference.schedule_of(row);
    }
    let texts: Vec<(String, String)> = rows.iter_mut().map(take_texts).collect();
    let text = TextIndex::build(
        &texts
            .iter()
            .map(|(nl, fr)| (nl.as_str(), fr.as_str()))
            .collect::<Vec<_>>(),
    );
    drop(texts);
    let by_id = RowIds::new(
        rows.iter()
            .enumerate()
            .map(|(i, row)| (row.core.id.clone(), i as u32))
            .collect(),
    );
    Ok(Snapshot {
        text,
        by_id,
        rows: rows.into_iter().map(Arc::new).collect(),
        reference,
        names: Arc::new(names),
    })
}

/// The search texts move into the index; the row keeps no copy.
fn take_texts(row: &mut Candidate) -> (String, String) {
    (
        std::mem::take(&mut row.search_nl),
        std::mem::take(&mut row.search_fr),
    )
}

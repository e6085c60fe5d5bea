//! Applying the services changed since a copy was made, without loading the rest.

use super::{name_key, take_texts, Snapshot, RANK_STEP};
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::services::repo::{self, Candidate};
use std::collections::HashMap;
use std::sync::Arc;

/// Past this many changed rows since the full load, a new full load is cheaper than
/// searching the changed rows' layer apart. Migration 0007 keeps as many log entries.
const MAX_CHANGED_ROWS: usize = 5_000;

/// The copy with the changes between versions `from` and `to` applied, or `None` when
/// they cannot be applied one by one (something else than a service changed, or too
/// many services did).
pub(super) async fn apply(
    db: &Db,
    old: &Snapshot,
    from: i64,
    to: i64,
) -> Result<Option<Snapshot>, AppError> {
    if to - from > MAX_CHANGED_ROWS as i64 {
        return Ok(None);
    }
    let Some(ids) = crate::db::version::changed_services(db, from, to).await? else {
        return Ok(None);
    };
    if ids.len() + old.text.changed_rows() > MAX_CHANGED_ROWS {
        return Ok(None);
    }
    let mut fresh: HashMap<String, Candidate> = by_id(repo::candidates_with_ids(db, &ids).await?);
    let mut rows = old.rows.clone();
    let mut row_of = old.by_id.clone();
    let mut texts: Vec<(u32, Option<(String, String)>)> = vec![];

    // Deleted or no longer published: the last row takes its place.
    let mut moved = vec![];
    for id in ids.iter().filter(|id| !fresh.contains_key(*id)) {
        let Some(row) = row_of.remove(id) else {
            continue;
        };
        let last = rows.len() as u32 - 1;
        rows.swap_remove(row as usize);
        texts.push((last, None));
        if row != last {
            let id = rows[row as usize].core.id.clone();
            row_of.insert(id.clone(), row);
            moved.push(id);
        }
    }
    // A moved row's text is indexed under its old number: index it under the new one.
    let unloaded: Vec<String> = moved
        .into_iter()
        .filter(|id| !fresh.contains_key(id) && row_of.get(id).is_some())
        .collect();
    if !unloaded.is_empty() {
        fresh.extend(by_id(repo::candidates_with_ids(db, &unloaded).await?));
    }

    let mut reference = old.reference.clone();
    for (id, mut row) in fresh {
        row.schedule = reference.schedule_of(&row);
        for (slot, lang) in Lang::ALL.into_iter().enumerate() {
            row.name_rank[slot] = rank_between(&old.names[slot], &name_key(&row, lang));
        }
        let text = take_texts(&mut row);
        let number = match row_of.get(&id) {
            Some(number) => {
                rows[number as usize] = Arc::new(row);
                number
            }
            None => {
                let number = rows.len() as u32;
                rows.push(Arc::new(row));
                row_of.insert(id, number);
                number
            }
        };
        texts.push((number, Some(text)));
    }
    Ok(Some(Snapshot {
        text: old.text.with_changes(texts),
        rows,
        reference,
        by_id: row_of,
        names: old.names.clone(),
    }))
}

fn by_id(rows: Vec<Candidate>) -> HashMap<String, Candidate> {
    rows.into_iter()
        .map(|row| (row.core.id.clone(), row))
        .collect()
}

/// A rank between the loaded names around `name` (the loaded name at position `i` has
/// rank `(i + 1) * RANK_STEP`), so sorting by name stays right without renumbering.
fn rank_between(sorted: &[String], name: &str) -> u32 {
    let position = sorted.partition_point(|n| n.as_str() < name) as u32;
    position * RANK_STEP + RANK_STEP / 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_name_ranks_between_its_neighbours() {
        let names: Vec<String> = ["bakker", "gare", "stadhuis"].map(String::from).into();
        // Loaded ranks: bakker 1, gare 2, stadhuis 3 (times RANK_STEP).
        let rank = |name| rank_between(&names, name);
        assert!(0 < rank("aa") && rank("aa") < RANK_STEP);
        assert!(RANK_STEP < rank("c") && rank("c") < 2 * RANK_STEP);
        assert!(2 * RANK_STEP < rank("mairie") && rank("mairie") < 3 * RANK_STEP);
        assert!(rank("zwembad") > 3 * RANK_STEP);
    }
}

//! Reading and writing the cooperation records for staff (server only). Every write
//! names the revision it started from and writes its audit entry in the same transaction.

use super::{record, CoopKind, CoopOptions, CoopRecord, CoopRow};
use crate::db::{rows, Db};
use crate::error::AppError;
use crate::i18n::{Localized, MaybeLocalized};
use crate::workflow::store::{self, Table, WriteError};
use crate::workflow::{AuditAction, FieldChange};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeSet;

pub async fn load(db: &Db, kind: CoopKind, id: &str) -> Result<Option<CoopRecord>, AppError> {
    if !crate::kernel::validate::is_record_id(id) {
        return Ok(None);
    }
    let mut response = db
        .query(record::select(kind))
        .bind(("id", id.to_owned()))
        .await?;
    let found: Vec<Value> = rows(&mut response, 0)?;
    Ok(found.first().map(|json| record::from_stored(kind, json)))
}

pub async fn list(db: &Db, kind: CoopKind) -> Result<Vec<CoopRow>, AppError> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        title: MaybeLocalized,
        publication: crate::workflow::Publication,
        municipality: Option<String>,
    }
    let title = kind.title_field();
    let municipality = match kind {
        CoopKind::Contact => "record::id(municipality)",
        _ => "NONE",
    };
    let mut response = db
        .query(format!(
            "SELECT record::id(id) AS id, {title} AS title, {municipality} AS municipality,
                publication ?? 'published' AS publication FROM {}",
            kind.table()
        ))
        .await?;
    let found: Vec<Row> = rows(&mut response, 0)?;
    let mut list: Vec<CoopRow> = found
        .into_iter()
        .map(|r| CoopRow {
            missing_translation: r.title.nl.is_none() || r.title.fr.is_none(),
            id: r.id,
            municipality: r.municipality,
            title: r.title,
            publication: r.publication,
        })
        .collect();
    list.sort_by_cached_key(|r| {
        let name = r.title.nl.as_ref().or(r.title.fr.as_ref());
        (
            crate::search_text::sort_key(name.map(String::as_str).unwrap_or("")),
            r.id.clone(),
        )
    });
    Ok(list)
}

/// The projects and organizations a record may refer to.
pub async fn options(db: &Db) -> Result<CoopOptions, AppError> {
    #[derive(Deserialize)]
    struct Named {
        id: String,
        name: MaybeLocalized,
    }
    let mut response = db
        .query("SELECT record::id(id) AS id, name FROM project ORDER BY id")
        .query("SELECT record::id(id) AS id, name FROM organization ORDER BY name.nl")
        .query("SELECT record::id(id) AS id, title AS name FROM event ORDER BY id")
        .await?;
    let named = |list: Vec<Named>| {
        list.into_iter()
            .map(|p| {
                let nl = p.name.nl.or(p.name.fr.clone()).unwrap_or_default();
                let fr = p.name.fr.unwrap_or_else(|| nl.clone());
                (p.id, Localized { nl, fr })
            })
            .collect()
    };
    let projects: Vec<Named> = rows(&mut response, 0)?;
    let organizations: Vec<Named> = rows(&mut response, 1)?;
    let events: Vec<Named> = rows(&mut response, 2)?;
    let directory = crate::municipalities::directory::current(db).await?;
    let mut municipalities: Vec<(String, Localized)> = directory
        .profiles()
        .map(|p| (p.detail.code.clone(), p.detail.name.clone()))
        .collect();
    municipalities.sort_by_cached_key(|(_, name)| crate::search_text::sort_key(&name.nl));
    Ok(CoopOptions {
        municipalities,
        projects: named(projects),
        events: named(events),
        organizations: named(organizations),
    })
}

/// The municipality codes, project and organization ids a record may refer to.
pub struct Known {
    pub municipalities: BTreeSet<String>,
    pub projects: BTreeSet<String>,
    pub events: BTreeSet<String>,
    pub organizations: BTreeSet<String>,
}

pub async fn known(db: &Db) -> Result<Known, AppError> {
    let mut response = db
        .query("SELECT VALUE record::id(id) FROM municipality")
        .query("SELECT VALUE record::id(id) FROM project")
        .query("SELECT VALUE record::id(id) FROM organization")
        .query("SELECT VALUE record::id(id) FROM event")
        .await?;
    Ok(Known {
        municipalities: rows::<String>(&mut response, 0)?.into_iter().collect(),
        projects: rows::<String>(&mut response, 1)?.into_iter().collect(),
        organizations: rows::<String>(&mut response, 2)?.into_iter().collect(),
        events: rows::<String>(&mut response, 3)?.into_iter().collect(),
    })
}

/// The form values that differ, before → after (absent as None), and the publication.
pub fn changes(before: Option<&CoopRecord>, after: &CoopRecord) -> Vec<FieldChange> {
    let texts = |r: &CoopRecord| {
        let mut texts = r.values.clone();
        texts.insert("publication".into(), r.publication.code().into());
        texts
    };
    crate::workflow::changes(before.map(texts).as_ref(), &texts(after))
}

/// A new id: a slug of the title and a random part (ids appear in public URLs).
fn new_id(kind: CoopKind, record: &CoopRecord) -> String {
    let (_, title) = record.title(kind, crate::i18n::Lang::Nl);
    let slug: String = crate::search_text::sort_key(&title)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let mut slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    slug.truncate(60);
    let token = crate::auth::session::new_token().to_ascii_lowercase();
    let suffix: String = token
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect();
    format!("{}-{suffix}", slug.trim_end_matches('-'))
}

/// Writes a record and its audit entry (a cluster's memberships too); `Stale` when the
/// stored revision is no longer the one `current` was read at. Returns the record's id.
pub async fn save(
    db: &Db,
    actor: &str,
    kind: CoopKind,
    current: Option<&CoopRecord>,
    record: &CoopRecord,
    action: crate::workflow::Action,
) -> Result<String, WriteError> {
    let id = current
        .map(|c| c.id.clone())
        .unwrap_or_else(|| new_id(kind, record));
    let action = if current.is_none() {
        AuditAction::Create
    } else {
        AuditAction::Workflow(action)
    };
    let set = format!(
        "{},
        machine_translated = $r.machine_translated ?? [],
        publication = $r.publication,
        source = {source}",
        record::set(kind),
        // A practice's and a contact's source is a field of their form (a contact without
        // one was entered by the municipality); the others keep theirs.
        source = match kind {
            CoopKind::Practice => "$r.source ?? 'Grensdiensten staff'",
            CoopKind::Contact => "$r.source",
            _ => "source ?? 'Grensdiensten staff'",
        }
    );
    let table = Table {
        name: kind.table(),
        set: &set,
        after: match kind {
            CoopKind::Cluster => {
                "DELETE member_of WHERE out = $rid;
                FOR $c IN $r.members ?? [] {
                    RELATE (type::record('municipality', $c))->member_of->$rid;
                };"
            }
            _ => "",
        },
    };
    let write = store::Write {
        id: id.clone(),
        expected: current.map(|c| c.revision),
        record: record::stored(kind, record),
        action,
        changes: changes(current, record),
    };
    store::write(db, actor, &table, &[write]).await?;
    Ok(id)
}

//! Editing the cooperation records (admins only): projects, events and clusters, with
//! the same bilingual form, validation, workflow (draft → published → archived) and
//! audit trail as services. One generic editor: each kind is a list of field specs, and a
//! record is edited as its form values, which are also what the audit entries compare.

mod fields;
#[cfg(feature = "ssr")]
pub mod form;
mod form_view;
mod pages;
#[cfg(feature = "ssr")]
pub mod record;
#[cfg(feature = "ssr")]
pub mod repo;

pub use crate::kernel::kinds::CoopKind;
pub use fields::{fields, Field, Input, FIELD_MESSAGES, HELP_MESSAGES, MOMENT_ERRORS};
pub use pages::{CoopEditPage, CoopHistoryPage, CoopListPage, CoopNewPage};
pub use pages::{EDIT_TITLES, LIST_TITLES, NEW_TITLES};

use crate::auth::Role;
use crate::error::AppError;
use crate::i18n::Localized;
use crate::workflow::{Action, AuditEntry, Publication};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The public page of a record (a contact's: its municipality's profile).
pub fn public_page(kind: CoopKind, record: &CoopRecord) -> crate::routes::Page {
    use crate::routes::Page;
    let id = record.id.clone();
    match kind {
        CoopKind::Project => Page::Project(id),
        CoopKind::Event => Page::Event(id),
        CoopKind::Cluster => Page::Cluster(id),
        CoopKind::Practice => Page::Practice(id),
        CoopKind::Contact => {
            Page::Municipality(record.values.get("municipality").cloned().unwrap_or(id))
        }
    }
}

/// The actions of the cooperation forms, in the order of their buttons.
pub const ACTIONS: [crate::workflow::Action; 5] = {
    use crate::workflow::Action::*;
    [Save, Publish, Unpublish, Archive, Restore]
};

/// A record as staff edit it: its form values (see `fields`), whatever its publication.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CoopRecord {
    pub id: String,
    pub publication: Publication,
    pub revision: i64,
    pub values: BTreeMap<String, String>,
}

impl CoopRecord {
    /// Its name or title, in the page's language or else the other one.
    pub fn title(&self, kind: CoopKind, lang: crate::i18n::Lang) -> (crate::i18n::Lang, String) {
        let field = kind.title_field();
        let get = |l: crate::i18n::Lang| {
            self.values
                .get(&format!("{field}_{}", l.code()))
                .filter(|v| !v.is_empty())
        };
        get(lang)
            .map(|v| (lang, v.clone()))
            .or_else(|| get(lang.other()).map(|v| (lang.other(), v.clone())))
            .unwrap_or((lang, self.id.clone()))
    }
}

/// The choices of the form: projects (an event's project, a project's parent, a
/// cluster's programme) and organizations (lead partner, organiser).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CoopOptions {
    /// The municipalities a record may name in a one-municipality field (an editor's
    /// contact: their own), in name order.
    pub municipalities: Vec<(String, Localized)>,
    pub projects: Vec<(String, Localized)>,
    pub events: Vec<(String, Localized)>,
    pub organizations: Vec<(String, Localized)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoopEdit {
    pub kind: CoopKind,
    pub record: Option<CoopRecord>,
    pub options: CoopOptions,
}

/// One row of the staff list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoopRow {
    pub id: String,
    /// A contact's municipality (the scope of an editor's list).
    pub municipality: Option<String>,
    pub title: crate::i18n::MaybeLocalized,
    pub publication: Publication,
    pub missing_translation: bool,
}

/// Whether `role` may use the staff pages of `kind`: admins every kind; editors propose
/// good practices and keep the contacts of their municipalities (`out_of_scope` keeps
/// both within them).
pub fn open_to(kind: CoopKind, role: Role) -> bool {
    role == Role::Admin || matches!(kind, CoopKind::Practice | CoopKind::Contact)
}

/// The actions `role` may take on a record of `kind` in `from`, in button order: the
/// workflow's one table, narrowed per kind. An editor saves a practice as a draft (a
/// proposal) and nothing else, so that only admins publish practices; an editor's
/// contacts follow the table (the municipality's scope is checked on the record).
pub fn allowed_actions(kind: CoopKind, role: Role, from: Option<Publication>) -> Vec<Action> {
    let table = crate::workflow::actions(role, from, &ACTIONS);
    match (role, kind) {
        (Role::Admin, _) | (_, CoopKind::Contact) => table,
        (_, CoopKind::Practice) if matches!(from, None | Some(Publication::Draft)) => {
            vec![Action::Save]
        }
        _ => vec![],
    }
}

/// The database and session, for a signed-in account that may use `kind`'s pages (401 /
/// 403 otherwise).
#[cfg(feature = "ssr")]
async fn staff_db(
    kind: CoopKind,
) -> Result<(crate::db::Db, crate::auth::session::Session), AppError> {
    let db = crate::db::use_db()?;
    let session = crate::auth::guard::require(&db).await?;
    if !open_to(kind, session.staff.role) {
        return Err(AppError::Forbidden);
    }
    Ok((db, session))
}

/// An editor sees a contact only within their municipalities.
#[cfg(feature = "ssr")]
fn in_scope(kind: CoopKind, staff: &crate::auth::Staff, record: &CoopRecord) -> bool {
    kind != CoopKind::Contact
        || record
            .values
            .get("municipality")
            .is_some_and(|code| staff.may_edit(code))
}

/// The field that puts a record `staff` would save outside their municipalities, if
/// any: a contact's municipality (see `in_scope`), or a practice's municipalities, at
/// least one of which must be the editor's. A practice is shared across the border by
/// nature (Wervik's editor proposes what Wervik and Comines do together, and Comines'
/// editor may improve it), but an editor of neither can neither propose it nor overwrite
/// it; a practice without any municipality is nobody's (admins only). Admins may save
/// every record.
#[cfg(feature = "ssr")]
fn out_of_scope(
    kind: CoopKind,
    staff: &crate::auth::Staff,
    record: &CoopRecord,
) -> Option<&'static str> {
    match kind {
        CoopKind::Contact => {
            let within = record
                .values
                .get("municipality")
                .is_some_and(|code| staff.may_edit(code));
            (!within).then_some("municipality")
        }
        CoopKind::Practice if !staff.is_admin() => {
            let mut codes = record
                .values
                .get("municipalities")
                .map(|list| list.split(',').map(str::trim).filter(|c| !c.is_empty()))
                .into_iter()
                .flatten();
            let within = codes.any(|code| staff.may_edit(code));
            (!within).then_some("municipalities")
        }
        _ => None,
    }
}

/// What the staff list of a kind shows: a part of the title, a publication state, only
/// records missing a translation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CoopFilter {
    pub q: String,
    pub status: String,
    pub untranslated: bool,
}

impl CoopFilter {
    #[cfg(feature = "ssr")]
    fn keeps(&self, row: &CoopRow) -> bool {
        let q = crate::search_text::sort_key(self.q.trim());
        let has = |t: &Option<String>| {
            t.as_deref()
                .is_some_and(|t| crate::search_text::sort_key(t).contains(&q))
        };
        (self.status.is_empty() || row.publication.code() == self.status)
            && (!self.untranslated || row.missing_translation)
            && (q.is_empty() || has(&row.title.nl) || has(&row.title.fr) || row.id.contains(&q))
    }
}

/// The records of a kind that pass the filter, drafts and archived ones included, in
/// title order.
#[server]
pub async fn coop_list(
    kind: CoopKind,
    #[server(default)] filter: CoopFilter,
) -> Result<Vec<CoopRow>, AppError> {
    let (db, session) = staff_db(kind).await?;
    let list = repo::list(&db, kind).await?;
    Ok(list
        .into_iter()
        .filter(|row| filter.keeps(row))
        .filter(|row| {
            kind != CoopKind::Contact
                || row
                    .municipality
                    .as_deref()
                    .is_some_and(|code| session.staff.may_edit(code))
        })
        .collect())
}

/// A record to edit (None: a new one), with the form's choices.
#[server]
pub async fn load_coop(kind: CoopKind, id: Option<String>) -> Result<CoopEdit, AppError> {
    let (db, session) = staff_db(kind).await?;
    let record = match id {
        Some(id) => Some(
            repo::load(&db, kind, &id)
                .await?
                .filter(|r| in_scope(kind, &session.staff, r))
                .ok_or(AppError::NotFound)?,
        ),
        None => None,
    };
    let mut options = repo::options(&db).await?;
    if kind == CoopKind::Contact {
        options
            .municipalities
            .retain(|(code, _)| session.staff.may_edit(code));
    }
    Ok(CoopEdit {
        kind,
        record,
        options,
    })
}

/// A record and its audit entries, newest first.
#[server]
pub async fn coop_history(
    kind: CoopKind,
    id: String,
) -> Result<(CoopRecord, Vec<AuditEntry>), AppError> {
    let (db, session) = staff_db(kind).await?;
    let record = repo::load(&db, kind, &id)
        .await?
        .filter(|r| in_scope(kind, &session.staff, r))
        .ok_or(AppError::NotFound)?;
    let entries = crate::workflow::store::history(&db, &format!("{}:{id}", kind.table())).await?;
    Ok((record, entries))
}

/// Saves the form (create or edit; `f[table]` says which table) with one of `ACTIONS`.
/// Answers with a redirect: to the record on success, back to the form with the fields
/// at fault otherwise.
#[server]
pub async fn save_coop(f: BTreeMap<String, String>) -> Result<(), AppError> {
    form::submit(&crate::db::use_db()?, f).await
}

#[cfg(all(test, feature = "ssr"))]
mod filter_tests {
    use super::*;

    fn row(id: &str, nl: Option<&str>, fr: Option<&str>, publication: &str) -> CoopRow {
        CoopRow {
            id: id.into(),
            municipality: None,
            title: crate::i18n::MaybeLocalized {
                nl: nl.map(Into::into),
                fr: fr.map(Into::into),
            },
            publication: Publication::from_code(publication).unwrap(),
            missing_translation: nl.is_none() || fr.is_none(),
        }
    }

    #[test]
    fn the_filter_matches_either_title_without_accents_the_state_and_missing_translations() {
        let rows = [
            row(
                "velo",
                Some("Grensfietsroute"),
                Some("Véloroute frontalière"),
                "published",
            ),
            row("kern", Some("Kernenoverleg"), None, "draft"),
            row(
                "oud",
                Some("Oud overleg"),
                Some("Ancienne concertation"),
                "archived",
            ),
        ];
        let kept = |filter: CoopFilter| -> Vec<&str> {
            rows.iter()
                .filter(|r| filter.keeps(r))
                .map(|r| r.id.as_str())
                .collect()
        };
        assert_eq!(kept(CoopFilter::default()), ["velo", "kern", "oud"]);
        let q = |q: &str| CoopFilter {
            q: q.into(),
            ..Default::default()
        };
        assert_eq!(kept(q("VELOROUTE")), ["velo"]);
        assert_eq!(kept(q("overleg")), ["kern", "oud"]);
        let status = CoopFilter {
            status: "draft".into(),
            ..Default::default()
        };
        assert_eq!(kept(status), ["kern"]);
        let untranslated = CoopFilter {
            untranslated: true,
            ..Default::default()
        };
        assert_eq!(kept(untranslated), ["kern"]);
    }
}

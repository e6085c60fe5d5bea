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

use crate::error::AppError;
use crate::i18n::Localized;
use crate::workflow::{AuditEntry, Publication};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The public page of a record.
pub fn public_page(kind: CoopKind, id: String) -> crate::routes::Page {
    use crate::routes::Page;
    match kind {
        CoopKind::Project => Page::Project(id),
        CoopKind::Event => Page::Event(id),
        CoopKind::Cluster => Page::Cluster(id),
    }
}

/// The actions of the cooperation forms (admins only), in the order of their buttons.
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
    pub projects: Vec<(String, Localized)>,
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
    pub title: crate::i18n::MaybeLocalized,
    pub publication: Publication,
    pub missing_translation: bool,
}

/// The database, for a signed-in admin only (401 / 403 otherwise).
#[cfg(feature = "ssr")]
async fn admin_db() -> Result<crate::db::Db, AppError> {
    let db = crate::db::use_db()?;
    let session = crate::auth::guard::require(&db).await?;
    crate::auth::guard::admin(&session)?;
    Ok(db)
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
    let list = repo::list(&admin_db().await?, kind).await?;
    Ok(list.into_iter().filter(|row| filter.keeps(row)).collect())
}

/// A record to edit (None: a new one), with the form's choices.
#[server]
pub async fn load_coop(kind: CoopKind, id: Option<String>) -> Result<CoopEdit, AppError> {
    let db = admin_db().await?;
    let record = match id {
        Some(id) => Some(
            repo::load(&db, kind, &id)
                .await?
                .ok_or(AppError::NotFound)?,
        ),
        None => None,
    };
    Ok(CoopEdit {
        kind,
        record,
        options: repo::options(&db).await?,
    })
}

/// A record and its audit entries, newest first.
#[server]
pub async fn coop_history(
    kind: CoopKind,
    id: String,
) -> Result<(CoopRecord, Vec<AuditEntry>), AppError> {
    let db = admin_db().await?;
    let record = repo::load(&db, kind, &id)
        .await?
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

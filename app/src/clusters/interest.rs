//! "We are interested" (issue 24): on a cluster with a shared price, a municipality's
//! staff say their municipality would join, with a contact and a note; the cluster's
//! organiser (admins, or the organising municipality's staff) confirms members. The
//! public page shows who is interested and the cost share as it would be with them.

use super::{Cluster, Member};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest contact name and note.
pub const MAX_NAME: usize = 200;
pub const MAX_NOTE: usize = 2000;

/// Where an interested municipality stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InterestState {
    Interested,
    Confirmed,
}

/// One municipality's interest, as its own staff and the organiser see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InterestEntry {
    pub municipality: Member,
    pub contact_name: String,
    pub contact_email: String,
    pub note: Option<String>,
    pub state: InterestState,
    /// ISO day.
    pub declared_on: String,
}

/// The staff page of a cluster's interest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InterestPage {
    pub cluster: Cluster,
    /// Every entry for the organiser; otherwise those of the account's municipalities.
    pub entries: Vec<InterestEntry>,
    /// Whether this account confirms members (admin, or staff of the organiser).
    pub may_confirm: bool,
    /// The municipalities this account may declare for (neither members nor declared).
    pub declarable: Vec<(String, crate::i18n::Localized)>,
}

/// The checked fields of a declaration, or the names of the wrong ones.
#[cfg(feature = "ssr")]
pub fn check_declaration(f: &BTreeMap<String, String>) -> Result<Declaration, Vec<String>> {
    let get = |k: &str| f.get(k).map(|v| v.trim()).unwrap_or("").to_owned();
    let (name, email, note) = (get("contact_name"), get("contact_email"), get("note"));
    let mut invalid = vec![];
    if name.is_empty() || name.chars().count() > MAX_NAME {
        invalid.push("contact_name".to_owned());
    }
    if !crate::kernel::validate::valid_email(&email) {
        invalid.push("contact_email".to_owned());
    }
    if note.chars().count() > MAX_NOTE {
        invalid.push("note".to_owned());
    }
    if invalid.is_empty() {
        Ok(Declaration {
            contact_name: name,
            contact_email: email,
            note: (!note.is_empty()).then_some(note),
        })
    } else {
        Err(invalid)
    }
}

#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declaration {
    pub contact_name: String,
    pub contact_email: String,
    pub note: Option<String>,
}

#[server]
pub async fn load_cluster_interest(id: String) -> Result<InterestPage, AppError> {
    let db = crate::db::use_db()?;
    let session = crate::auth::guard::require(&db).await?;
    crate::components::with_status(super::interest_repo::page(&db, &session.staff, &id).await)
}

/// Declares, confirms or withdraws an interest (`f`: `lang`, `csrf`, `cluster`,
/// `municipality`, `action`: declare, confirm or withdraw; a declaration's
/// `contact_name`, `contact_email`, `note`). Answers with a redirect.
#[server]
pub async fn save_cluster_interest(f: BTreeMap<String, String>) -> Result<(), AppError> {
    super::interest_repo::submit(&crate::db::use_db()?, f).await
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn a_declaration_needs_a_name_and_an_address() {
        let good = form(&[
            ("contact_name", " Schepen voor klimaat "),
            ("contact_email", "klimaat@wervik.be"),
            ("note", ""),
        ]);
        let checked = check_declaration(&good).unwrap();
        assert_eq!(checked.contact_name, "Schepen voor klimaat");
        assert_eq!(checked.note, None);
        let bad = form(&[
            ("contact_name", ""),
            ("contact_email", "not an address"),
            ("note", &"x".repeat(MAX_NOTE + 1)),
        ]);
        assert_eq!(
            check_declaration(&bad),
            Err(vec![
                "contact_name".into(),
                "contact_email".into(),
                "note".into()
            ])
        );
    }
}

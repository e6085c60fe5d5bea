//! The publication workflow that services, projects, meetings and clusters share (and
//! the next records with a workflow will):
//!
//! - the states a record can be in (`Publication`), the actions of the staff forms
//!   (`Action`), and the one table of which role may take which action from which state
//!   (`transition`); the server checks every form post and every import against it, the
//!   forms offer only what it allows (`actions`);
//! - the audit trail: what changed (`changes`, `FieldChange`), each write's entry
//!   (`AuditEntry`) and its view (`HistoryEntries`);
//! - on the server, the one revision-checked write of records and their audit entries
//!   (`store`) and the end of a form's post (`form`).

#[cfg(feature = "ssr")]
pub mod form;
mod history;
#[cfg(feature = "ssr")]
pub mod store;

pub use history::{HistoryEntries, RecordMeta};

use crate::auth::Role;
use crate::i18n::MessageSet;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// "Draft", "Published", "Archived".
pub const PUBLICATION_MESSAGES: MessageSet = MessageSet::new("staff-status-", || {
    Publication::ALL.map(Publication::code).to_vec()
});
/// The buttons: "Save", "Publish", …
pub const ACTION_MESSAGES: MessageSet =
    MessageSet::new("staff-action-", || Action::ALL.map(Action::code).to_vec());
/// What an audit entry records, as the history page names it: one message per
/// `AuditAction`, so every action any write records has its label.
pub const AUDIT_MESSAGES: MessageSet = MessageSet::new("staff-audit-", || {
    AuditAction::ALL.map(AuditAction::code).to_vec()
});

/// What an audit entry records: one closed set for every audited write of the app (the
/// workflow's actions, a record's creation, an import, and the staff's other decisions).
/// Each has its history label (`AUDIT_MESSAGES`); the only statement that writes an
/// audit entry is `audit_statement`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditAction {
    /// A record's first write.
    Create,
    /// An import's writes.
    Import,
    /// One of the workflow's actions (save, publish, …).
    Workflow(Action),
    /// A cluster's organiser confirmed an interested municipality.
    ConfirmMember,
    /// A report reviewed; an idea taken into review.
    Review,
    /// More information asked of an idea's submitter.
    AskInformation,
    /// An idea accepted (a draft pilot project made of it).
    Accept,
    /// An idea declined.
    Decline,
    /// A meeting's registration settings saved.
    RegistrationSettings,
    /// A meeting's attendance recorded.
    Attendance,
}

impl AuditAction {
    pub const ALL: [AuditAction; 15] = [
        AuditAction::Create,
        AuditAction::Import,
        AuditAction::Workflow(Action::Save),
        AuditAction::Workflow(Action::Verify),
        AuditAction::Workflow(Action::Publish),
        AuditAction::Workflow(Action::Unpublish),
        AuditAction::Workflow(Action::Archive),
        AuditAction::Workflow(Action::Restore),
        AuditAction::ConfirmMember,
        AuditAction::Review,
        AuditAction::AskInformation,
        AuditAction::Accept,
        AuditAction::Decline,
        AuditAction::RegistrationSettings,
        AuditAction::Attendance,
    ];

    /// The code stored in the audit entry (the history label's id ends with it).
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Import => "import",
            AuditAction::Workflow(action) => action.code(),
            AuditAction::ConfirmMember => "confirm_member",
            AuditAction::Review => "review",
            AuditAction::AskInformation => "info",
            AuditAction::Accept => "accept",
            AuditAction::Decline => "decline",
            AuditAction::RegistrationSettings => "registration-settings",
            AuditAction::Attendance => "attendance",
        }
    }

    pub fn from_code(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.code() == code)
    }
}

impl Serialize for AuditAction {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

#[cfg(feature = "ssr")]
/// The one SurrealQL statement that writes an audit entry, for the transaction of the
/// write it records: `target` and `changes` are SurrealQL expressions (the record's
/// `table:id` as a string, the list of changed fields), the actor is bound as `$actor`.
pub fn audit_statement(target: &str, action: AuditAction, changes: &str) -> String {
    audit_statement_of(target, &format!("'{}'", action.code()), changes)
}

#[cfg(feature = "ssr")]
/// `audit_statement` with the action taken from the transaction's bound data (`store`'s
/// writes, each a typed `AuditAction` serialized as its code).
fn audit_statement_of(target: &str, action: &str, changes: &str) -> String {
    format!(
        "CREATE audit CONTENT {{ actor: $actor, target: {target}, action: {action}, changes: {changes} }};"
    )
}

/// One audit entry of a record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub changes: Vec<FieldChange>,
}

/// One field of a record, before and after a write (absent as None).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The fields whose text differs between two versions of a record (each given as its
/// fields' texts, "" or absent for none), in field order.
pub fn changes(
    before: Option<&BTreeMap<String, String>>,
    after: &BTreeMap<String, String>,
) -> Vec<FieldChange> {
    let empty = BTreeMap::new();
    let before = before.unwrap_or(&empty);
    let present = |v: Option<&String>| v.filter(|v| !v.is_empty()).cloned();
    let fields: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    fields
        .into_iter()
        .filter_map(|field| {
            let (old, new) = (present(before.get(field)), present(after.get(field)));
            (old != new).then(|| FieldChange {
                field: field.clone(),
                before: old,
                after: new,
            })
        })
        .collect()
}

crate::closed_set! {
    /// Whether the public sees a record. A new record is a draft.
    #[derive(
        Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
    )]
    #[serde(rename_all = "lowercase")]
    pub enum Publication {
        #[default]
        Draft = "draft",
        Published = "published",
        Archived = "archived",
    }
}

impl Publication {
    pub fn message_id(self) -> String {
        PUBLICATION_MESSAGES.id(self.code())
    }
}

crate::closed_set! {
    /// A button of a staff form.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Action {
        /// Keep the state, write the changes.
        Save = "save",
        /// Save, and record that the data was checked today (services).
        Verify = "verify",
        Publish = "publish",
        Unpublish = "unpublish",
        Archive = "archive",
        /// Take a record out of the archive, as a draft.
        Restore = "restore",
    }
}

impl Action {
    pub fn message_id(self) -> String {
        ACTION_MESSAGES.id(self.code())
    }
}

/// Why the table refuses an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Another role may take it from this state, this one may not (403).
    Forbidden,
    /// No role takes this action from this state (the form did not offer it).
    NotFromHere,
}

/// The one table: the state `action` leads to from `from` (None: a record not yet
/// stored), for `role`, when it is allowed.
///
/// | from \ action | save, verify | publish | unpublish | archive | restore |
/// |---|---|---|---|---|---|
/// | new | draft | published | | | |
/// | draft | draft | published | | archived | |
/// | published | published | published | draft | archived | |
/// | archived | archived (admin, save only) | | | | draft (admin) |
///
/// Only an admin takes a record out of the archive, and only through "restore", which
/// leads to a draft: nothing goes from the archive to the public in one step.
pub fn transition(role: Role, from: Option<Publication>, action: Action) -> Option<Publication> {
    use Action::*;
    use Publication::*;
    let admin = role == Role::Admin;
    match (from, action) {
        (None | Some(Draft), Save | Verify) => Some(Draft),
        (None | Some(Draft) | Some(Published), Publish) => Some(Published),
        (Some(Published), Save | Verify) => Some(Published),
        (Some(Published), Unpublish) => Some(Draft),
        (Some(Draft | Published), Archive) => Some(Archived),
        (Some(Archived), Save) if admin => Some(Archived),
        (Some(Archived), Restore) if admin => Some(Draft),
        _ => None,
    }
}

/// The state an action leads to, or why it is refused.
pub fn check(
    role: Role,
    from: Option<Publication>,
    action: Action,
) -> Result<Publication, Refusal> {
    transition(role, from, action).ok_or_else(|| {
        if transition(Role::Admin, from, action).is_some() {
            Refusal::Forbidden
        } else {
            Refusal::NotFromHere
        }
    })
}

/// The actions a form offers to `role` on a record in `from`, among `offered` (the
/// actions that kind of record has), in that order. "Publish" on a published record is
/// allowed (it saves) but not offered: "save" does the same.
pub fn actions(role: Role, from: Option<Publication>, offered: &[Action]) -> Vec<Action> {
    offered
        .iter()
        .copied()
        .filter(|a| transition(role, from, *a).is_some())
        .filter(|a| !(*a == Action::Publish && from == Some(Publication::Published)))
        .collect()
}

/// The fewest actions that take a record from `from` to `to` (an import names the state
/// it wants, not the steps): empty when it is there already, None when `role` cannot.
pub fn route(role: Role, from: Option<Publication>, to: Publication) -> Option<Vec<Action>> {
    if from == Some(to) {
        return Some(vec![]);
    }
    let mut paths: Vec<(Option<Publication>, Vec<Action>)> = vec![(from, vec![])];
    let mut seen = vec![from];
    while !paths.is_empty() {
        let mut next = vec![];
        for (state, path) in paths {
            for action in Action::ALL {
                let Some(reached) = transition(role, state, action) else {
                    continue;
                };
                let mut longer = path.clone();
                longer.push(action);
                if reached == to {
                    return Some(longer);
                }
                if !seen.contains(&Some(reached)) {
                    seen.push(Some(reached));
                    next.push((Some(reached), longer));
                }
            }
        }
        paths = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use Publication::*;

    #[test]
    fn every_audit_action_has_one_code_and_its_label() {
        let codes: std::collections::BTreeSet<&str> =
            AuditAction::ALL.iter().map(|a| a.code()).collect();
        assert_eq!(codes.len(), AuditAction::ALL.len(), "codes are unique");
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::from_code(action.code()), Some(action));
            assert!((AUDIT_MESSAGES.values)().contains(&action.code()));
        }
        for action in Action::ALL {
            assert!(AuditAction::ALL.contains(&AuditAction::Workflow(action)));
        }
    }

    /// Every audit entry is written by `audit_statement`: a write that records an action
    /// outside the closed set could not be named on the history page.
    #[test]
    fn no_audit_entry_is_written_by_hand() {
        fn walk(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    if text.contains(concat!("CREATE ", "audit")) {
                        found.push(path.display().to_string());
                    }
                }
            }
        }
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = vec![];
        walk(&src, &mut found);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].ends_with("workflow/mod.rs"), "{found:?}");
    }

    #[test]
    fn codes_read_back() {
        for p in Publication::ALL {
            assert_eq!(Publication::from_code(p.code()), Some(p));
        }
        for a in Action::ALL {
            assert_eq!(Action::from_code(a.code()), Some(a));
        }
        assert_eq!(Action::from_code("delete"), None);
    }

    #[test]
    fn only_an_admin_takes_a_record_out_of_the_archive_and_only_to_a_draft() {
        for action in Action::ALL {
            let editor = transition(Role::Editor, Some(Archived), action);
            assert_eq!(editor, None, "editor: {action:?}");
            let admin = transition(Role::Admin, Some(Archived), action);
            assert!(
                matches!(admin, None | Some(Archived) | Some(Draft)),
                "{action:?}"
            );
        }
        assert_eq!(
            transition(Role::Admin, Some(Archived), Restore),
            Some(Draft)
        );
        assert_eq!(transition(Role::Admin, Some(Archived), Publish), None);
        assert_eq!(
            check(Role::Editor, Some(Archived), Restore),
            Err(Refusal::Forbidden)
        );
        assert_eq!(
            check(Role::Editor, Some(Archived), Unpublish),
            Err(Refusal::NotFromHere)
        );
    }

    #[test]
    fn editors_publish_unpublish_and_archive_what_is_not_archived() {
        assert_eq!(transition(Role::Editor, None, Publish), Some(Published));
        assert_eq!(
            transition(Role::Editor, Some(Draft), Archive),
            Some(Archived)
        );
        assert_eq!(
            transition(Role::Editor, Some(Published), Unpublish),
            Some(Draft)
        );
        assert_eq!(transition(Role::Editor, Some(Draft), Unpublish), None);
        assert_eq!(transition(Role::Editor, None, Archive), None);
    }

    #[test]
    fn forms_offer_what_the_table_allows() {
        let all = Action::ALL;
        assert_eq!(actions(Role::Editor, Some(Archived), &all), vec![]);
        assert_eq!(
            actions(Role::Admin, Some(Archived), &all),
            vec![Save, Restore]
        );
        assert_eq!(
            actions(Role::Editor, Some(Published), &all),
            vec![Save, Verify, Unpublish, Archive]
        );
        assert_eq!(
            actions(Role::Admin, None, &all),
            vec![Save, Verify, Publish]
        );
    }

    #[test]
    fn routes_take_the_fewest_allowed_steps() {
        assert_eq!(route(Role::Admin, Some(Draft), Draft), Some(vec![]));
        assert_eq!(route(Role::Admin, None, Published), Some(vec![Publish]));
        assert_eq!(
            route(Role::Admin, Some(Archived), Published),
            Some(vec![Restore, Publish])
        );
        assert_eq!(route(Role::Editor, Some(Archived), Published), None);
        assert_eq!(
            route(Role::Admin, None, Archived),
            Some(vec![Save, Archive])
        );
    }
}

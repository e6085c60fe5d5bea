//! The audited writes (server only), all or nothing, each in one transaction with the
//! conflict retry:
//!
//! - `write`: records with a workflow, each with its audit entry; a record whose
//!   revision is no longer the one its form (or import) was made from is refused as
//!   `Stale`, writing nothing;
//! - `commit`: every other staff decision (an idea reviewed, a meeting's registration
//!   settings, attendance, a member confirmed, a report reviewed): its statements, its
//!   audit entries and the letters that tell of it, queued in the same transaction, so a
//!   decision is never recorded without its letters nor its letters sent without it.

use super::{AuditEntry, FieldChange};
use crate::db::{rows, Db};
use crate::error::AppError;
use serde::Serialize;
use serde_json::Value;

/// How a table's record is written.
pub struct Table<'a> {
    pub name: &'static str,
    /// SurrealQL assignments that write the record `$r` under `$rid` (its id is `$id`).
    pub set: &'a str,
    /// Statements after the record is written (a cluster's memberships), or "".
    pub after: &'a str,
}

/// One record to write: `expected` is the revision its change was made from (None: the
/// record must not exist yet); `record` is bound as `$r`.
#[derive(Clone, Debug, Serialize)]
pub struct Write {
    pub id: String,
    pub expected: Option<i64>,
    pub record: Value,
    pub action: super::AuditAction,
    pub changes: Vec<FieldChange>,
}

/// Why a write did not happen.
#[derive(Debug)]
pub enum WriteError {
    /// A record changed since its change was made: nothing was written.
    Stale,
    Failed(AppError),
}

impl From<AppError> for WriteError {
    fn from(error: AppError) -> Self {
        WriteError::Failed(error)
    }
}

impl From<WriteError> for AppError {
    fn from(error: WriteError) -> Self {
        match error {
            WriteError::Stale => AppError::Conflict("revision".into()),
            WriteError::Failed(error) => error,
        }
    }
}

/// What the transaction throws when a revision is not the expected one.
const STALE: &str = "stale-revision";

/// Writes every record and its audit entry in one transaction.
pub async fn write(
    db: &Db,
    actor: &str,
    table: &Table<'_>,
    writes: &[Write],
) -> Result<(), WriteError> {
    let sql = format!(
        "BEGIN TRANSACTION;
        FOR $w IN $writes {{
            LET $r = $w.record;
            LET $id = $w.id;
            LET $rid = type::record($table, $id);
            LET $found = (SELECT VALUE revision ?? 0 FROM ONLY $rid);
            IF $w.expected = NONE AND $found != NONE {{ THROW '{STALE}' }};
            IF $w.expected != NONE AND $found != $w.expected {{ THROW '{STALE}' }};
            UPSERT $rid SET {set}, revision = ($found ?? -1) + 1;
            {after}
            {audit}
        }};
        COMMIT TRANSACTION;",
        set = table.set,
        after = table.after,
        audit = super::audit_statement_of("$table + ':' + $id", "$w.action", "$w.changes ?? []"),
    );
    let bound = crate::db::without_nulls(serde_json::json!(writes));
    // Another write that bumps a shared record (the search version) may commit first:
    // then the transaction runs again, and its revision check sees the new state.
    let mut attempts = 0;
    let errors = loop {
        let mut response = db
            .query(sql.as_str())
            .bind(("writes", bound.clone()))
            .bind(("table", table.name))
            .bind(("actor", actor.to_owned()))
            .await
            .map_err(AppError::from)?;
        let errors = response.take_errors();
        attempts += 1;
        let conflict = errors.values().any(crate::db::is_conflict)
            && !errors.values().any(|e| e.to_string().contains(STALE));
        if !conflict || attempts >= crate::db::RETRIES {
            break errors;
        }
        crate::db::pause_before_retry().await;
    };
    if errors.values().any(|e| e.to_string().contains(STALE)) {
        return Err(WriteError::Stale);
    }
    match errors
        .values()
        .find(|e| !e.to_string().contains("failed transaction"))
        .or(errors.values().next())
    {
        Some(error) => Err(WriteError::Failed(AppError::internal(format_args!(
            "writing {} {} record(s): {error}",
            writes.len(),
            table.name
        )))),
        None => Ok(()),
    }
}

/// An audit entry of a `commit`: SurrealQL expressions for the record (`'idea:' +
/// $idea`) and its changed fields (`[]` when the action says it all).
pub struct Entry {
    pub target: &'static str,
    pub action: super::AuditAction,
    pub changes: &'static str,
}

impl Entry {
    /// An entry whose action says it all.
    pub const fn of(target: &'static str, action: super::AuditAction) -> Self {
        Entry {
            target,
            action,
            changes: "[]",
        }
    }
}

/// A staff decision to commit: `sql` writes it from the `binds`; `entries` are its audit
/// entries; `letters` tell of it.
pub struct Audited {
    pub sql: String,
    pub binds: Vec<(&'static str, Value)>,
    pub entries: Vec<Entry>,
    pub letters: Vec<crate::mail::Letter>,
}

/// Commits a decision taken by `actor`: its statements, audit entries and letters (when
/// mail is on in `settings`) in one transaction, tried again on a conflict.
pub async fn commit(
    db: &Db,
    settings: &crate::kernel::settings::ShellSettings,
    actor: &str,
    audited: Audited,
) -> Result<(), AppError> {
    let Audited {
        sql,
        mut binds,
        entries,
        letters,
    } = audited;
    let audits: String = entries
        .iter()
        .map(|e| super::audit_statement(e.target, e.action, e.changes))
        .collect();
    binds.push(("actor", actor.into()));
    with_letters(db, settings, &format!("{sql}\n{audits}"), binds, &letters).await
}

/// Writes what a public form sent (a registration, an idea: nobody's decision, so no
/// audit entry) with the letters that tell of it, in one transaction, tried again on a
/// conflict.
pub async fn with_letters(
    db: &Db,
    settings: &crate::kernel::settings::ShellSettings,
    sql: &str,
    mut binds: Vec<(&'static str, Value)>,
    letters: &[crate::mail::Letter],
) -> Result<(), AppError> {
    let queued = crate::mail::outbox::Queued::of(settings, letters);
    let queue = if queued.is_empty() {
        ""
    } else {
        crate::mail::outbox::Queued::STATEMENT
    };
    binds.push(("letters", queued.bound()?));
    crate::db::transaction(
        db,
        &format!("BEGIN TRANSACTION;\n{sql}\n{queue}\nCOMMIT TRANSACTION;"),
        binds,
    )
    .await?;
    queued.counted();
    Ok(())
}

/// The audit entries of one record (`table:id`), newest first.
pub async fn history(db: &Db, target: &str) -> Result<Vec<AuditEntry>, AppError> {
    let mut response = db
        .query(
            "SELECT <string> at AS at, actor, action, changes FROM audit
             WHERE target = $target ORDER BY at DESC",
        )
        .bind(("target", target.to_owned()))
        .await?;
    rows(&mut response, 0)
}

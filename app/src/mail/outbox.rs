//! The queue of outgoing letters in SurrealDB (server only). A request queues; every app
//! server's mail task (`run`) claims what is due, sends it and records the outcome. A
//! letter the mail server refuses for now is tried again later (30 s, then twice as long
//! each time, at most 6 hours apart, `MAX_ATTEMPTS` times); one it refuses for good, or
//! that ran out of attempts, is marked failed and logged. Two servers never send one
//! letter twice: a letter is claimed for `LEASE` by one conditional update.
//!
//! A letter's body (which may carry a personal link or a password-reset link) is kept
//! only while the letter waits: once it is sent, or has failed for good, the body is
//! dropped, and what stays (recipient, kind, subject, outcome) opens nothing. A backup
//! holds the bodies of the letters still queued at that moment only.

use super::smtp::{Mailer, SendError};
use super::{Letter, Written};
use crate::db::Db;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use std::time::Duration;

pub const MAX_ATTEMPTS: i64 = 12;
/// How long a server may take to send a letter it claimed before another may try.
const LEASE: &str = "2m";
/// Letters sent per round of the mail task.
const BATCH: usize = 20;

/// Queues letters (written out now, in their languages). Only when mail is on in
/// `settings`: without SMTP nothing personal is kept for a letter that could not leave.
/// The settings are passed, never looked up: a background task (the digest) has no
/// request to read them from. A letter that goes with a write is queued in the write's
/// own transaction instead (`workflow::store::commit`, through `Queued`).
pub async fn queue(
    db: &Db,
    settings: &crate::kernel::settings::ShellSettings,
    letters: &[Letter],
) -> Result<usize, AppError> {
    queue_written(db, Queued::of(settings, letters).0).await
}

/// Queues letters already written (and the mail task's own tests).
pub async fn queue_written(db: &Db, letters: Vec<Written>) -> Result<usize, AppError> {
    let queued = Queued(letters);
    if queued.is_empty() {
        return Ok(0);
    }
    crate::db::execute(
        db.query(Queued::STATEMENT)
            .bind(("letters", queued.bound()?)),
    )
    .await?;
    queued.counted();
    Ok(queued.len())
}

/// Letters written out for the queue: the one statement that queues them, for a
/// transaction of its own or the transaction of the write they tell of.
pub struct Queued(Vec<Written>);

impl Queued {
    /// The statement that queues the letters bound as `$letters`.
    pub const STATEMENT: &'static str = "FOR $l IN $letters {
            CREATE mail CONTENT {
                recipient: $l.to, lang: $l.lang, kind: $l.kind, subject: $l.subject,
                text: $l.text, html: $l.html, status: 'queued', next_at: time::now(),
            };
        };";

    /// The letters to queue: none when mail is off in `settings`.
    pub fn of(settings: &crate::kernel::settings::ShellSettings, letters: &[Letter]) -> Self {
        if settings.mail {
            Queued(letters.iter().map(Letter::write).collect())
        } else {
            Queued(vec![])
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The value to bind as `$letters`.
    pub fn bound(&self) -> Result<serde_json::Value, AppError> {
        Ok(serde_json::to_value(&self.0)?)
    }

    /// Counts the letters once their transaction committed.
    pub fn counted(&self) {
        crate::kernel::metrics::mail("queued", self.0.len() as u64);
    }
}

#[derive(Deserialize)]
struct Due {
    id: String,
    recipient: String,
    lang: String,
    kind: super::LetterKind,
    subject: String,
    text: String,
    html: String,
    attempts: i64,
}

/// How long after its `attempts`-th failure a letter is tried again.
pub fn backoff(attempts: i64) -> Duration {
    let seconds = 30u64.saturating_mul(1 << attempts.clamp(0, 16) as u64);
    Duration::from_secs(seconds.min(6 * 3600))
}

/// Sends every letter that is due at `now` (at most `BATCH`), returns how many left.
pub async fn deliver_due(db: &Db, mailer: &Mailer, now: DateTime<Utc>) -> Result<usize, AppError> {
    let at = now.to_rfc3339();
    let mut response = db
        .query(
            "SELECT record::id(id) AS id, recipient, lang, kind, subject, text, html, attempts
             FROM mail WHERE status = 'queued' AND next_at <= <datetime> $at
                AND (lease_until = NONE OR lease_until <= <datetime> $at)
             ORDER BY next_at LIMIT $batch",
        )
        .bind(("at", at.clone()))
        .bind(("batch", BATCH))
        .await?;
    let due: Vec<Due> = crate::db::rows(&mut response, 0)?;
    let mut sent = 0;
    for letter in due {
        if !claim(db, &letter.id, &at).await? {
            continue;
        }
        let written = Written {
            to: letter.recipient,
            lang: letter.lang,
            kind: letter.kind,
            subject: letter.subject,
            text: letter.text,
            html: letter.html,
        };
        let attempts = letter.attempts + 1;
        let outcome = mailer.send(&written).await;
        let (status, error, next) = match &outcome {
            Ok(()) => ("sent", None, now),
            Err(SendError::Permanent(e)) => ("failed", Some(e.clone()), now),
            Err(SendError::Transient(e)) if attempts >= MAX_ATTEMPTS => {
                ("failed", Some(e.clone()), now)
            }
            Err(SendError::Transient(e)) => (
                "queued",
                Some(e.clone()),
                now + chrono::Duration::from_std(backoff(letter.attempts)).unwrap_or_default(),
            ),
        };
        match status {
            "sent" => sent += 1,
            "failed" => tracing::error!(
                mail = %letter.id, kind = written.kind.code(), attempts, error = error.as_deref().unwrap_or(""),
                "a letter could not be sent and will not be tried again"
            ),
            _ => tracing::warn!(
                mail = %letter.id, attempts, error = error.as_deref().unwrap_or(""),
                "the mail server refused a letter for now; trying again later"
            ),
        }
        crate::kernel::metrics::mail(status, 1);
        crate::db::execute(
            db.query(
                "UPDATE type::record('mail', $id) SET status = $status, attempts = $attempts,
                    last_error = $error ?? NONE, next_at = <datetime> $next, lease_until = NONE,
                    sent_at = IF $status = 'sent' THEN time::now() ELSE NONE END,
                    text = IF $status = 'queued' THEN text ELSE NONE END,
                    html = IF $status = 'queued' THEN html ELSE NONE END",
            )
            .bind(("id", letter.id))
            .bind(("status", status))
            .bind(("attempts", attempts))
            .bind(("error", error))
            .bind(("next", next.to_rfc3339())),
        )
        .await?;
    }
    Ok(sent)
}

/// Takes a letter for this server for `LEASE`; false when another server has it.
async fn claim(db: &Db, id: &str, at: &str) -> Result<bool, AppError> {
    let response = db
        .query(format!(
            "UPDATE type::record('mail', $id) SET lease_until = <datetime> $at + {LEASE}
             WHERE status = 'queued' AND (lease_until = NONE OR lease_until <= <datetime> $at)
             RETURN VALUE record::id(id)"
        ))
        .bind(("id", id.to_owned()))
        .bind(("at", at.to_owned()))
        .await;
    let mut response = match response {
        Ok(response) => response,
        Err(error) if crate::db::is_conflict(&error) => return Ok(false),
        Err(error) => return Err(error.into()),
    };
    match response.take::<Vec<String>>(0) {
        Ok(claimed) => Ok(!claimed.is_empty()),
        Err(error) if crate::db::is_conflict(&error) => Ok(false),
        Err(error) => Err(error.into()),
    }
}

/// The mail task of an app server: sends what is due every few seconds, for as long as
/// the process runs. A round that fails (the database away) is logged and tried again.
pub async fn run(db: Db, mailer: Mailer) {
    let mut every = tokio::time::interval(Duration::from_secs(3));
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        if let Err(error) = deliver_due(&db, &mailer, Utc::now()).await {
            tracing::warn!(?error, "mail round failed; trying again");
        }
    }
}

/// Counts of the queue by status (for `/metrics` and the tests).
pub async fn counts(db: &Db) -> Result<Vec<(String, i64)>, AppError> {
    let mut response = db
        .query("SELECT status, count() AS n FROM mail GROUP BY status")
        .await?;
    #[derive(Deserialize)]
    struct Row {
        status: String,
        n: i64,
    }
    let rows: Vec<Row> = crate::db::rows(&mut response, 0)?;
    Ok(rows.into_iter().map(|r| (r.status, r.n)).collect())
}

#[cfg(test)]
mod tests {
    use super::backoff;
    use std::time::Duration;

    #[test]
    fn retries_back_off_to_six_hours() {
        assert_eq!(backoff(0), Duration::from_secs(30));
        assert_eq!(backoff(1), Duration::from_secs(60));
        assert_eq!(backoff(5), Duration::from_secs(960));
        assert_eq!(backoff(11), Duration::from_secs(6 * 3600));
        assert_eq!(backoff(100), Duration::from_secs(6 * 3600));
    }
}

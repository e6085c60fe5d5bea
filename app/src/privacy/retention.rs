//! The retention task (server only): personal data is removed `days` after its purpose
//! ended, as the privacy page says. Run by every app server's housekeeping with the
//! present moment, and by the tests with a moved one.
//!
//! - A registration: its personal fields (name, address, organisation, its links) are
//!   removed after the meeting ended (its end, else its start; for a meeting without a
//!   date, after the registration's last change), or after it was cancelled. Role,
//!   country, municipality and attendance stay for the counts.
//! - A report: the resident's address is removed after the review; an unreviewed report
//!   keeps it (its purpose has not ended).
//! - A letter: deleted once sent (or failed for good).
//! - An idea: its submitter's name, address and links are removed after the decision
//!   (accepted or declined); the idea itself stays (accepted ones are public).

use crate::db::Db;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub registrations: usize,
    pub report_addresses: usize,
    pub letters: usize,
    pub idea_contacts: usize,
}

pub async fn sweep(db: &Db, now: DateTime<Utc>, days: u32) -> Result<Removed, AppError> {
    let mut response = db
        .query(
            "LET $before = <datetime> $now - <duration> $keep;
            LET $registrations = (UPDATE registration SET name = NONE, email = NONE,
                organisation = NONE, person = NONE, anonymised_at = <datetime> $now
            WHERE anonymised_at = NONE AND (
                (standing = 'cancelled' AND updated_at < $before)
                OR (event.ends_at ?? event.starts_at ?? updated_at) < $before
            ) RETURN VALUE id);
            LET $reports = (UPDATE report SET email = NONE, email_removed_at = <datetime> $now
            WHERE email != NONE AND status != 'new' AND reviewed_at != NONE
                AND reviewed_at < $before
            RETURN VALUE id);
            LET $letters = (DELETE mail WHERE status != 'queued' AND (sent_at ?? created_at) < $before
            RETURN BEFORE);
            LET $ideas = (UPDATE idea SET name = NONE, email = NONE,
                anonymised_at = <datetime> $now
            WHERE anonymised_at = NONE AND status IN ['accepted', 'declined']
                AND updated_at < $before
            RETURN VALUE id);
            DELETE personal_link WHERE target IN array::concat($registrations, $ideas);
            RETURN [array::len($registrations), array::len($reports), array::len($letters),
                array::len($ideas)];",
        )
        .bind(("now", now.to_rfc3339()))
        .bind(("keep", format!("{days}d")))
        .await?;
    let counts: Vec<usize> = response.take(6)?;
    let count = |i: usize| counts.get(i).copied().unwrap_or(0);
    let removed = Removed {
        registrations: count(0),
        report_addresses: count(1),
        letters: count(2),
        idea_contacts: count(3),
    };
    if removed != Removed::default() {
        tracing::info!(?removed, days, "retention: personal data removed");
    }
    Ok(removed)
}

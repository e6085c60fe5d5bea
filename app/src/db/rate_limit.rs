//! Rate limits that every app process shares (server only): the events of a key (an
//! account, a client address) are counted in SurrealDB, so two processes behind one
//! proxy count together and a restart forgets nothing within the window.
//!
//! Checking and counting are one transaction: an event is counted only if every key it
//! counts under has room, and concurrent events that would overfill a key conflict in
//! the database, which runs the loser again (`db::RETRIES`). A key is stored as the SHA-256
//! of the database's own random id, the limit's name and the key, never as the address
//! or account itself, and it is deleted when its window has passed.

use super::{is_conflict, Db};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use std::time::Duration;

/// A limit: at most `max` events per key within `window`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    /// Names the limit (part of the stored key): "report", "sign-in-account", …
    pub name: &'static str,
    pub max: usize,
    pub window: Duration,
}

/// How many posts of a public form (a registration, an idea, an answer through a
/// personal link) one client address may make per ten minutes, per form
/// (`FORM_RATE_LIMIT`; provided by the server, ten without it).
#[derive(Clone, Copy, Debug)]
pub struct FormLimit(pub usize);

impl Default for FormLimit {
    fn default() -> Self {
        FormLimit(10)
    }
}

impl FormLimit {
    /// The limit of the form `name` for this request.
    pub fn of(name: &'static str) -> Limit {
        Limit {
            name,
            max: leptos::prelude::use_context::<FormLimit>()
                .unwrap_or_default()
                .0,
            window: Duration::from_secs(600),
        }
    }
}

/// An event that was counted (under each of its keys).
#[derive(Clone, Debug)]
#[must_use = "an event that turns out fine may be given back with `give_back`"]
pub struct Counted {
    ids: Vec<String>,
    at: DateTime<Utc>,
}

/// Conflicting transactions run again at most this many times.
const LIMITED: &str = "rate-limited";

/// The stored key of `key` under `limit` in this database.
async fn id(db: &Db, limit: &Limit, key: &str) -> Result<String, AppError> {
    let salt = super::version::current(db).await?.instance;
    let digest = Sha256::digest(format!("{salt}\u{0}{}\u{0}{key}", limit.name).as_bytes());
    Ok(digest.iter().map(|b| format!("{b:02x}")).collect())
}

/// A moment as SurrealQL casts it to a datetime (to the nanosecond: two events of one
/// key never share one).
fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

fn window(limit: &Limit) -> String {
    format!("{}ms", limit.window.as_millis())
}

/// One key of an event as the query writes it.
#[derive(Clone, serde::Serialize)]
struct Key {
    id: String,
    max: usize,
    /// The window, as SurrealQL reads a duration (`900000ms`).
    window: String,
    #[serde(skip)]
    period: Duration,
}

/// Counts one event under each of `keys` at `now`, or, counting nothing, says how long
/// until every key has room again.
pub async fn take(
    db: &Db,
    keys: &[(Limit, &str)],
    now: DateTime<Utc>,
) -> Result<Result<Counted, Duration>, AppError> {
    let mut stored = vec![];
    for (limit, key) in keys {
        stored.push(Key {
            id: id(db, limit, key).await?,
            max: limit.max,
            window: window(limit),
            period: limit.window,
        });
    }
    let sql = format!(
        "BEGIN TRANSACTION;
        LET $now = <datetime> $at;
        FOR $k IN $keys {{
            LET $rid = type::record('rate_limit', $k.id);
            LET $since = $now - <duration> $k.window;
            LET $recent = ((SELECT VALUE times FROM ONLY $rid) ?? []).filter(|$t| $t > $since);
            IF array::len($recent) >= $k.max {{ THROW '{LIMITED} ' + $k.id }};
            UPSERT $rid SET times = array::push($recent, $now), expires_at = $now + <duration> $k.window;
        }};
        COMMIT TRANSACTION;"
    );
    let bound = serde_json::to_value(&stored)?;
    for _ in 0..crate::db::RETRIES {
        let mut response = db
            .query(sql.as_str())
            .bind(("keys", bound.clone()))
            .bind(("at", stamp(now)))
            .await?;
        let errors = response.take_errors();
        if errors.is_empty() {
            let ids = stored.into_iter().map(|k| k.id).collect();
            return Ok(Ok(Counted { ids, at: now }));
        }
        if let Some(full) = errors.values().find(|e| e.to_string().contains(LIMITED)) {
            let full = full.to_string();
            // The key named in the error is the limit that refused (first full one).
            let refused = keys
                .iter()
                .zip(&stored)
                .find(|(_, key)| full.contains(key.id.as_str()))
                .map_or("unknown", |((limit, _), _)| limit.name);
            crate::kernel::metrics::refused(refused);
            return Ok(Err(wait(db, &stored, now).await?));
        }
        if !errors.values().any(is_conflict) {
            let error = errors
                .values()
                .next()
                .map(ToString::to_string)
                .unwrap_or_default();
            return Err(AppError::internal(format_args!("rate limit: {error}")));
        }
        // Another event on the same key committed first: count again from its result.
        crate::db::pause_before_retry().await;
    }
    Err(AppError::Busy)
}

/// How long until every full key has room: the event that frees a place leaves the
/// window.
async fn wait(db: &Db, keys: &[Key], now: DateTime<Utc>) -> Result<Duration, AppError> {
    let mut longest = Duration::ZERO;
    for key in keys {
        #[derive(serde::Deserialize)]
        struct Row {
            times: Vec<DateTime<Utc>>,
        }
        let mut response = db
            .query("SELECT times FROM type::record('rate_limit', $id)")
            .bind(("id", key.id.clone()))
            .await?;
        let times = super::rows::<Row>(&mut response, 0)?
            .into_iter()
            .next()
            .map(|row| row.times)
            .unwrap_or_default();
        let age = |t: &DateTime<Utc>| now.signed_duration_since(*t).to_std().unwrap_or_default();
        let mut recent: Vec<DateTime<Utc>> =
            times.into_iter().filter(|t| age(t) < key.period).collect();
        if recent.len() < key.max || key.max == 0 {
            continue;
        }
        recent.sort_unstable();
        let freeing = recent[recent.len() - key.max];
        longest = longest.max(key.period.saturating_sub(age(&freeing)));
    }
    Ok(longest.max(Duration::from_secs(1)))
}

/// Gives a counted event back, key by key (in `take`'s order): a key marked to clear
/// starts again from zero (the account whose password was right); the others only
/// lose this event (the client address keeps its other attempts).
pub async fn give_back(db: &Db, counted: Counted, clear: &[bool]) -> Result<(), AppError> {
    for (id, clear) in counted.ids.iter().zip(clear) {
        let sql = if *clear {
            "DELETE type::record('rate_limit', $id)"
        } else {
            "UPDATE type::record('rate_limit', $id) SET times = times.filter(|$t| $t != <datetime> $at)"
        };
        for _ in 0..crate::db::RETRIES {
            let mut response = db
                .query(sql)
                .bind(("id", id.clone()))
                .bind(("at", stamp(counted.at)))
                .await?;
            let errors = response.take_errors();
            match errors.values().next() {
                None => break,
                Some(e) if is_conflict(e) => crate::db::pause_before_retry().await,
                Some(e) => return Err(AppError::internal(format_args!("rate limit: {e}"))),
            }
        }
    }
    Ok(())
}

/// Deletes the keys whose window has passed (called now and then by `take`'s callers).
pub async fn sweep(db: &Db, now: DateTime<Utc>) -> Result<(), AppError> {
    super::execute(
        db.query("DELETE rate_limit WHERE expires_at < <datetime> $now")
            .bind(("now", stamp(now))),
    )
    .await
}

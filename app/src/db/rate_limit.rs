//! Rate limits that every app process shares (server only): the events of a key (an
//! account, a client address, a letter's recipient) are counted in SurrealDB, so two
//! processes behind one proxy count together and a restart forgets nothing within the
//! window.
//!
//! What is counted is a `Subject`, never a raw string: a client is counted by its IPv4
//! address or by the /64 network of its IPv6 address (`Subject::Client`), so that one
//! IPv6 client cannot bypass a limit by changing the low 64 bits it owns.
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
use std::net::IpAddr;
use std::time::Duration;

/// What an event is counted under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject<'a> {
    /// A client address. IPv4 addresses count one by one; an IPv6 address counts by its
    /// /64 network, the smallest block a provider assigns to one subscriber (RFC 6177,
    /// SLAAC needs a whole /64 per link, and mobile networks give each device its own
    /// /64): every address in it belongs to the same client, who can use any of them.
    /// A wider prefix (/56, /48) would lump together the many subscribers of providers
    /// that hand out single /64s. An IPv4-mapped IPv6 address counts as its IPv4 address.
    Client(IpAddr),
    /// An account or a letter's recipient: an e-mail address, compared without case.
    Address(&'a str),
}

impl Subject<'_> {
    /// The key as it is hashed into the stored id.
    pub fn key(&self) -> String {
        match self {
            Subject::Client(IpAddr::V4(v4)) => v4.to_string(),
            Subject::Client(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
                Some(v4) => v4.to_string(),
                None => {
                    let network = u128::from(*v6) & !((1u128 << 64) - 1);
                    format!("{}/64", std::net::Ipv6Addr::from(network))
                }
            },
            Subject::Address(address) => address.trim().to_lowercase(),
        }
    }
}

/// Letters the public forms may send to one recipient address per hour, whoever sends
/// them (a registration, an idea, a forwarded invitation): the forms put a typed address
/// and the sender's text in a letter, and must not be a way to flood someone's mailbox
/// (`LETTER_RATE_LIMIT`; provided by the server, five without it).
#[derive(Clone, Copy, Debug)]
pub struct LetterLimit(pub usize);

impl Default for LetterLimit {
    fn default() -> Self {
        LetterLimit(5)
    }
}

impl LetterLimit {
    /// The limit per recipient for this request.
    pub fn current() -> Limit {
        Limit {
            name: "letters-to-recipient",
            max: leptos::prelude::use_context::<LetterLimit>()
                .unwrap_or_default()
                .0,
            window: Duration::from_secs(3600),
        }
    }
}

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

/// The stored key of `key` under `limit` in this database: a salted hash, never the
/// address or account itself.
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
    keys: &[(Limit, Subject<'_>)],
    now: DateTime<Utc>,
) -> Result<Result<Counted, Duration>, AppError> {
    let mut stored = vec![];
    for (limit, subject) in keys {
        stored.push(Key {
            id: id(db, limit, &subject.key()).await?,
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

#[cfg(test)]
mod tests {
    use super::Subject;

    fn key(address: &str) -> String {
        Subject::Client(address.parse().unwrap()).key()
    }

    #[test]
    fn an_ipv6_client_counts_by_its_64() {
        assert_eq!(key("2001:db8:77:1::1"), "2001:db8:77:1::/64");
        assert_eq!(key("2001:db8:77:1::12"), key("2001:db8:77:1::1"));
        assert_eq!(
            key("2001:db8:77:1:ffff:ffff:ffff:ffff"),
            key("2001:db8:77:1::1")
        );
        assert_ne!(key("2001:db8:77:2::1"), key("2001:db8:77:1::1"));
    }

    #[test]
    fn ipv4_counts_by_address_also_when_mapped() {
        assert_eq!(key("192.0.2.7"), "192.0.2.7");
        assert_ne!(key("192.0.2.7"), key("192.0.2.8"));
        assert_eq!(key("::ffff:192.0.2.7"), "192.0.2.7");
    }

    #[test]
    fn addresses_count_without_case_or_spaces() {
        assert_eq!(
            Subject::Address(" Jan@Example.BE ").key(),
            Subject::Address("jan@example.be").key()
        );
    }
}

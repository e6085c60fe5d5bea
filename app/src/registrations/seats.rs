//! The seats of a meeting (server only): where a new registration would stand, a
//! registration released, and the free seats given to the waiting list, first come
//! first served. Each is one transaction that also writes the meeting's `seats` record,
//! so two changes racing for the same seat conflict in the database and the loser is
//! decided again; a letter written for the seats as counted before is queued only when
//! the transaction counts them the same (else `MOVED`, and it is made again).

use super::letters::letter;
use super::records::{own_record, stamp};
use super::*;
use crate::db::Db;
use crate::kernel::personal_link;
use crate::mail::{Letter, LetterKind};
use crate::workflow::store;
use chrono::{DateTime, Utc};

/// What a transaction throws when the seats it counted on changed before it committed.
pub(super) const MOVED: &str = "seats-moved";

/// Where a new registration for the meeting `event` would stand now, and its place on
/// the waiting list (counted as the registration's transaction counts).
pub(super) async fn expected_standing(db: &Db, event: &str) -> Result<(Standing, u32), AppError> {
    let mut response = db
        .query(
            "LET $e = type::record('event', $event);
            LET $capacity = (SELECT VALUE signup.capacity FROM ONLY $e);
            RETURN {
                capacity: $capacity,
                taken: count(SELECT id FROM registration WHERE event = $e AND standing = 'confirmed'),
                waiting: count(SELECT id FROM registration WHERE event = $e AND standing = 'waiting'),
            };",
        )
        .bind(("event", event.to_owned()))
        .await?;
    #[derive(Deserialize)]
    struct Counts {
        capacity: Option<u32>,
        taken: u32,
        waiting: u32,
    }
    let counts: Option<serde_json::Value> = response.take(2)?;
    let counts: Counts = serde_json::from_value(counts.ok_or(AppError::NotFound)?)?;
    let confirmed = counts
        .capacity
        .is_none_or(|c| counts.taken < c && counts.waiting == 0);
    Ok(if confirmed {
        (Standing::Confirmed, 0)
    } else {
        (Standing::Waiting, counts.waiting + 1)
    })
}

/// Cancels (or deletes, with its links) a registration, with the letters that tell of
/// it in the same transaction, and gives free seats to the waiting list.
pub(super) async fn release(
    db: &Db,
    id: &str,
    event: &str,
    delete: bool,
    letters: &[Letter],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let change = if delete {
        format!(
            "LET $r = type::record('registration', $id); DELETE $r; {}",
            personal_link::forget_statement("$r")
        )
    } else {
        "UPDATE type::record('registration', $id) SET standing = 'cancelled', updated_at = time::now();".to_owned()
    };
    store::with_letters(
        db,
        &crate::kernel::settings::settings(),
        &format!("UPSERT type::record('seats', $event) SET changes += 1;\n{change}"),
        vec![("id", id.into()), ("event", event.into())],
        letters,
    )
    .await?;
    fill(db, event, now).await
}

/// Gives every free seat of a meeting to the waiting list, first come first served, and
/// tells each promoted person by e-mail, with a new link (the database cannot give the
/// first one back): the promotions, their links and their letters in one transaction,
/// made for the waiting list as counted just before, and made again when it moved.
pub async fn fill(db: &Db, event: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let at = stamp(now);
    let settings = crate::kernel::settings::settings();
    let sql = format!(
        "BEGIN TRANSACTION;
        LET $e = type::record('event', $event);
        UPSERT type::record('seats', $event) SET changes += 1;
        {NEXT}
        IF $next != $expected {{ THROW '{MOVED}' }};
        FOR $r IN $next {{
            UPDATE type::record('registration', $r) SET standing = 'confirmed',
                promoted_at = <datetime> $at, updated_at = time::now();
        }};
        FOR $l IN $links {{
            CREATE type::record('personal_link', $l.key) SET purpose = 'registration',
                target = type::record('registration', $l.id), created_at = time::now();
        }};
        {queue}
        COMMIT TRANSACTION;",
        queue = crate::mail::outbox::Queued::STATEMENT,
    );
    for _ in 0..crate::db::RETRIES {
        let mut response = db
            .query(format!(
                "LET $e = type::record('event', $event); {NEXT} RETURN $next;"
            ))
            .bind(("event", event.to_owned()))
            .await?;
        let last = response.num_statements() - 1;
        let expected: Vec<String> = response.take(last)?;
        let mut links = vec![];
        let mut letters = vec![];
        for record in &expected {
            let mut own = own_record(db, record, now).await?;
            own.standing = Standing::Confirmed;
            own.position = None;
            let link = personal_link::mint();
            letters.push(letter(&own, LetterKind::Promoted, &link.token));
            links.push(serde_json::json!({ "key": link.key, "id": record }));
        }
        let queued = crate::mail::outbox::Queued::of(&settings, &letters);
        let mut response = db
            .query(sql.as_str())
            .bind(("event", event.to_owned()))
            .bind(("at", at.clone()))
            .bind(("expected", expected.clone()))
            .bind(("links", links))
            .bind(("letters", queued.bound()?))
            .await?;
        let errors = response.take_errors();
        if errors.is_empty() {
            queued.counted();
            if !expected.is_empty() {
                tracing::info!(%event, seats = expected.len(), "seats went to the first on the waiting list");
            }
            return Ok(());
        }
        let moved = errors.values().any(|e| e.to_string().contains(MOVED));
        if !moved && !errors.values().any(crate::db::is_conflict) {
            let text: Vec<String> = errors.values().map(ToString::to_string).collect();
            return Err(AppError::internal(format_args!(
                "fill: {}",
                text.join("; ")
            )));
        }
        crate::db::pause_before_retry().await;
    }
    Err(AppError::Busy)
}

/// Sets `$next`: the registrations of `$e` the free seats go to now (their ids' keys),
/// the first on its waiting list.
const NEXT: &str = "
    LET $capacity = (SELECT VALUE signup.capacity FROM ONLY $e);
    LET $taken = count(SELECT id FROM registration WHERE event = $e AND standing = 'confirmed');
    LET $free = IF $capacity = NONE THEN 100000 ELSE math::max([0, $capacity - $taken]) END;
    LET $next = (SELECT VALUE record::id(id) FROM (SELECT id, created_at FROM registration
        WHERE event = $e AND standing = 'waiting' ORDER BY created_at LIMIT $free));";

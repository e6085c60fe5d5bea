//! The staff's daily digest (server only, issue 23): once a day, from 07:00 in Brussels,
//! every active account with something new in its scope since the last digest gets one
//! letter: new reports to review (about its municipalities' services; admins: all), new
//! registrations for meetings in its municipalities and new ideas naming them (admins:
//! all), municipalities newly interested in a cluster its municipalities organise (admins:
//! all), and for admins the good practices editors proposed. One app server
//! sends it: the day is claimed by one conditional update.

use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::kernel::settings::ShellSettings;
use crate::mail::{Letter, LetterKind};
use crate::routes::Page;
use chrono::{DateTime, Timelike, Utc};
use chrono_tz::Europe::Brussels;
use serde::Deserialize;

/// The hour (Brussels) from which the day's digest goes out.
pub const HOUR: u32 = 7;

#[derive(Deserialize)]
struct Account {
    email: String,
    role: String,
    municipalities: Vec<String>,
}

/// What one account hears about.
#[derive(Debug, PartialEq, Eq)]
pub struct Digest {
    pub email: String,
    pub reports: i64,
    pub registrations: i64,
    pub ideas: i64,
    pub interest: i64,
    /// Admins: practices proposed (created) by editors, waiting to be published.
    pub practices: i64,
}

/// Sends the day's digest if it is due at `now` and no server has sent it; the letters
/// queued (none when mail is off in `settings`: the day is still marked). The settings
/// come from the server's housekeeping task, which has no request to read them from.
pub async fn run_if_due(
    db: &Db,
    settings: &ShellSettings,
    now: DateTime<Utc>,
) -> Result<Vec<Digest>, AppError> {
    let local = now.with_timezone(&Brussels);
    if local.hour() < HOUR {
        return Ok(vec![]);
    }
    let day = local.format("%Y-%m-%d").to_string();
    // The previous digest's moment (the first digest reports everything so far), unless
    // the day's digest has gone already.
    let mut response = db
        .query("SELECT day, <string> sent_at AS sent_at FROM digest:staff")
        .await?;
    #[derive(Deserialize)]
    struct Last {
        day: Option<String>,
        sent_at: Option<String>,
    }
    let last: Option<Last> = crate::db::rows(&mut response, 0)?.pop();
    if last.as_ref().and_then(|l| l.day.as_deref()) == Some(day.as_str()) {
        return Ok(vec![]);
    }
    let before = last.and_then(|l| l.sent_at).unwrap_or_default();
    let since = if before.is_empty() {
        "1970-01-01T00:00:00Z".to_owned()
    } else {
        before.clone()
    };
    let digests = collect(db, &since).await?;
    let letters: Vec<Letter> = digests
        .iter()
        .map(|d| Letter {
            to: d.email.clone(),
            lang: Lang::Nl,
            kind: LetterKind::StaffDigest,
            args: vec![
                ("reports", d.reports.to_string()),
                ("registrations", d.registrations.to_string()),
                ("ideas", d.ideas.to_string()),
                ("interest", d.interest.to_string()),
                ("practices", d.practices.to_string()),
            ],
            link: Some(format!(
                "{}{}",
                settings.public_url,
                Page::StaffHome.path(Lang::Nl)
            )),
        })
        .collect();
    // Claim the day and queue its letters in one transaction: the claim holds only if
    // no server has sent a digest since the moment read above (one server sends it), and
    // a day is never marked without its letters.
    let queued = crate::mail::outbox::Queued::of(settings, &letters);
    let mut response = db
        .query(format!(
            "BEGIN TRANSACTION;
            LET $claimed = (UPSERT digest:staff SET day = $day, sent_at = <datetime> $now
                WHERE (day != $day OR day = NONE)
                    AND (IF sent_at THEN <string> sent_at ELSE '' END) = $before
                RETURN VALUE id);
            IF array::len($claimed) = 0 {{ THROW '{TAKEN}' }};
            {}
            COMMIT TRANSACTION;",
            crate::mail::outbox::Queued::STATEMENT
        ))
        .bind(("day", day))
        .bind(("now", now.to_rfc3339()))
        .bind(("before", before))
        .bind(("letters", queued.bound()?))
        .await?;
    let errors = response.take_errors();
    if errors.is_empty() {
        queued.counted();
        return Ok(digests);
    }
    // Another server claimed the day first (or its claim and this one met): it sends.
    if errors
        .values()
        .any(|e| e.to_string().contains(TAKEN) || crate::db::is_conflict(e))
    {
        return Ok(vec![]);
    }
    let text: Vec<String> = errors.values().map(ToString::to_string).collect();
    Err(AppError::internal(format_args!(
        "digest: {}",
        text.join("; ")
    )))
}

/// What the claim throws when another server has taken the day.
const TAKEN: &str = "digest-taken";

/// Every active account's news since `since` (RFC 3339), accounts without any left out.
pub async fn collect(db: &Db, since: &str) -> Result<Vec<Digest>, AppError> {
    let mut response = db
        .query("SELECT email, role, municipalities FROM user WHERE active = true ORDER BY email")
        .await?;
    let accounts: Vec<Account> = crate::db::rows(&mut response, 0)?;
    let mut digests = vec![];
    for account in accounts {
        let all = account.role == "admin";
        let mut response = db
            .query(
                "RETURN count(SELECT id FROM report WHERE status = 'new'
                    AND created_at > <datetime> $since
                    AND ($all OR (service != NONE AND record::id(service.municipality) IN $codes)));
                RETURN count(SELECT id FROM registration WHERE created_at > <datetime> $since
                    AND ($all OR event.place.municipality_code IN $codes));
                RETURN count(SELECT id FROM idea WHERE created_at > <datetime> $since
                    AND ($all OR municipalities ANYINSIDE $codes));
                RETURN count(SELECT id FROM cluster_interest WHERE declared_at > <datetime> $since
                    AND state = 'interested'
                    AND ($all OR (cluster.organiser != NONE AND record::id(cluster.organiser) IN $codes)));
                RETURN IF $all { count(SELECT id FROM practice WHERE publication = 'draft'
                    AND (SELECT VALUE at FROM audit WHERE target = 'practice:' + record::id($parent.id)
                        AND action = 'create')[0] > <datetime> $since) } ELSE { 0 };",
            )
            .bind(("since", since.to_owned()))
            .bind(("all", all))
            .bind(("codes", account.municipalities.clone()))
            .await?;
        let reports: Option<i64> = response.take(0)?;
        let registrations: Option<i64> = response.take(1)?;
        let ideas: Option<i64> = response.take(2)?;
        let interest: Option<i64> = response.take(3)?;
        let practices: Option<i64> = response.take(4)?;
        let digest = Digest {
            email: account.email,
            reports: reports.unwrap_or(0),
            registrations: registrations.unwrap_or(0),
            ideas: ideas.unwrap_or(0),
            interest: interest.unwrap_or(0),
            practices: practices.unwrap_or(0),
        };
        let news = [
            digest.reports,
            digest.registrations,
            digest.ideas,
            digest.interest,
            digest.practices,
        ];
        if news.iter().any(|n| *n > 0) {
            digests.push(digest);
        }
    }
    Ok(digests)
}

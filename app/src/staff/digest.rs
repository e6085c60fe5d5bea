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
    // Claim the day: the previous run's moment comes back (the first digest reports
    // everything so far), or nothing if another server has taken the day.
    let mut response = db
        .query(
            "LET $before = (SELECT VALUE sent_at FROM digest:staff)[0];
            LET $claimed = (UPSERT digest:staff SET day = $day, sent_at = <datetime> $now
                WHERE day != $day OR day = NONE RETURN VALUE id);
            RETURN IF array::len($claimed) > 0
                THEN <string> ($before ?? d'1970-01-01T00:00:00Z') ELSE NONE END;",
        )
        .bind(("day", day))
        .bind(("now", now.to_rfc3339()))
        .await?;
    let since: Option<String> = match response.take(2) {
        Ok(since) => since,
        Err(error) if crate::db::is_conflict(&error) => return Ok(vec![]),
        Err(error) => return Err(error.into()),
    };
    let Some(since) = since else {
        return Ok(vec![]);
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
    crate::mail::outbox::queue(db, settings, &letters).await?;
    Ok(digests)
}

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

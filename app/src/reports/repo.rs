//! Storing reports (server only).

use super::limiter::RateLimiter;
use super::*;
use crate::db::Db;
use crate::kernel::personal_link::{self, Purpose};
use std::net::IpAddr;

pub async fn submit(
    db: &Db,
    lang: Lang,
    form: &ReportForm,
    client: IpAddr,
) -> Result<ReportOutcome, AppError> {
    let limiter = use_context::<RateLimiter>()
        .ok_or_else(|| AppError::internal("rate limiter not provided"))?;
    if !limiter.allow(db, client).await? {
        return Ok(ReportOutcome::TooMany);
    }
    let report = match form.validate() {
        Ok(report) => report,
        Err(fields) => return Ok(ReportOutcome::Invalid(fields)),
    };
    // Bots get the same answer as people, and nothing is stored.
    if form.is_bot() {
        tracing::info!("report honeypot filled in: dropped");
        return Ok(ReportOutcome::Sent(None));
    }
    if let Some(id) = &report.service {
        let mut response = db
            .query("RETURN record::exists(type::record('service', $id))")
            .bind(("id", id.clone()))
            .await?;
        let exists: Option<bool> = response.take(0)?;
        if exists != Some(true) {
            return Ok(ReportOutcome::Invalid(vec!["service".into()]));
        }
    }
    // Only a resident who can be answered gets a link to follow the report: a personal
    // link, of which the database keeps the hash only.
    let link = report.email.is_some().then(personal_link::mint);
    let follow = link.as_ref().map_or(String::new(), |_| {
        personal_link::record_statement(Purpose::Report, "$report.id")
    });
    crate::db::transaction(
        db,
        &format!(
            "BEGIN TRANSACTION;
            LET $report = CREATE ONLY report CONTENT {{
                kind: $kind,
                service: IF $service {{ type::record('service', $service) }} ELSE {{ NONE }},
                message: $message,
                email: $email ?? NONE,
                lang: $lang,
            }};
            {follow}
            COMMIT TRANSACTION;"
        ),
        vec![
            ("link_key", link.as_ref().map(|l| l.key.clone()).into()),
            ("kind", report.kind.into()),
            ("service", report.service.into()),
            ("message", report.message.into()),
            ("email", report.email.into()),
            ("lang", lang.code().into()),
        ],
    )
    .await?;
    Ok(ReportOutcome::Sent(link.map(|l| l.token)))
}

/// The report behind a follow link.
pub async fn follow(db: &Db, token: &str) -> Result<FollowedReport, AppError> {
    let id = personal_link::open(db, Purpose::Report, token).await?;
    let mut response = db
        .query(
            "SELECT kind, status, message, <string> created_at AS created_at,
                (IF reviewed_at THEN <string> reviewed_at ELSE NONE END) AS reviewed_at,
                resolution, (IF service THEN record::id(service) ELSE NONE END) AS service
             FROM type::record('report', $id)",
        )
        .bind(("id", id))
        .await?;
    crate::db::rows(&mut response, 0)?
        .pop()
        .ok_or(AppError::NotFound)
}

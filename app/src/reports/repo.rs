//! Storing reports (server only).

use super::limiter::RateLimiter;
use super::*;
use crate::db::Db;
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
    // Only a resident who can be answered gets a link to follow the report; the database
    // keeps the token's hash, like a session's.
    let token = report.email.is_some().then(crate::auth::session::new_token);
    crate::db::execute(
        db.query(
            "CREATE report CONTENT {
                kind: $kind,
                service: IF $service { type::record('service', $service) } ELSE { NONE },
                message: $message,
                email: $email ?? NONE,
                lang: $lang,
                follow_token: $follow ?? NONE,
            }",
        )
        .bind((
            "follow",
            token.as_deref().map(crate::auth::session::token_id),
        ))
        .bind(("kind", report.kind))
        .bind(("service", report.service))
        .bind(("message", report.message))
        .bind(("email", report.email))
        .bind(("lang", lang.code())),
    )
    .await?;
    Ok(ReportOutcome::Sent(token))
}

/// The report behind a follow link.
pub async fn follow(db: &Db, token: &str) -> Result<FollowedReport, AppError> {
    if !is_follow_token(token) {
        return Err(AppError::NotFound);
    }
    let mut response = db
        .query(
            "SELECT kind, status, message, <string> created_at AS created_at,
                (IF reviewed_at THEN <string> reviewed_at ELSE NONE END) AS reviewed_at,
                resolution, (IF service THEN record::id(service) ELSE NONE END) AS service
             FROM report WHERE follow_token = $hash LIMIT 1",
        )
        .bind(("hash", crate::auth::session::token_id(token)))
        .await?;
    crate::db::rows(&mut response, 0)?
        .pop()
        .ok_or(AppError::NotFound)
}

//! Storing reports (server only).

use super::limiter::RateLimiter;
use super::*;
use crate::db::Db;
use std::net::IpAddr;
use std::time::Instant;

pub async fn submit(
    db: &Db,
    lang: Lang,
    form: &ReportForm,
    client: IpAddr,
) -> Result<ReportOutcome, AppError> {
    let limiter = use_context::<RateLimiter>()
        .ok_or_else(|| AppError::internal("rate limiter not provided"))?;
    if !limiter.allow(client, Instant::now()) {
        return Ok(ReportOutcome::TooMany);
    }
    let report = match form.validate() {
        Ok(report) => report,
        Err(fields) => return Ok(ReportOutcome::Invalid(fields)),
    };
    // Bots get the same answer as people, and nothing is stored.
    if form.is_bot() {
        tracing::info!("report honeypot filled in: dropped");
        return Ok(ReportOutcome::Sent);
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
    crate::db::execute(
        db.query(
            "CREATE report CONTENT {
                kind: $kind,
                service: IF $service { type::record('service', $service) } ELSE { NONE },
                message: $message,
                email: $email ?? NONE,
                lang: $lang,
            }",
        )
        .bind(("kind", report.kind))
        .bind(("service", report.service))
        .bind(("message", report.message))
        .bind(("email", report.email))
        .bind(("lang", lang.code())),
    )
    .await?;
    Ok(ReportOutcome::Sent)
}

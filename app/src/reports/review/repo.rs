//! The review queue in the database (server only).

use super::{QueuedReport, ReportQueue, ACTIONS};
use crate::auth::StaffPost;
use crate::auth::{Flash, Staff};
use crate::db::{rows, Db};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::kernel::validate::Length;
use crate::routes::Page;
use crate::workflow::store::{self, Audited, Entry};
use crate::workflow::AuditAction;
use std::collections::BTreeMap;

const FIELDS: &str = "record::id(id) AS id, kind, status, message, email, lang,
    <string> created_at AS created_at,
    (IF service THEN record::id(service) ELSE NONE END) AS service,
    (IF service THEN service.name ELSE NONE END) AS service_name,
    (IF service THEN record::id(service.municipality) ELSE NONE END) AS municipality,
    resolution, (IF duplicate_of THEN record::id(duplicate_of) ELSE NONE END) AS duplicate_of,
    reviewed_by";

/// Reports within the account's scope, newest first.
pub async fn queue(db: &Db, staff: &Staff, status: &str) -> Result<ReportQueue, AppError> {
    let scope = "($all OR (service != NONE AND record::id(service.municipality) IN $codes))";
    let mut response = db
        .query(format!(
            "SELECT {FIELDS} FROM report WHERE {scope} AND ($status = '' OR status = $status)
             ORDER BY created_at DESC LIMIT 500"
        ))
        .query(format!(
            "RETURN count(SELECT id FROM report WHERE {scope} AND status = 'new')"
        ))
        .bind(("all", staff.is_admin()))
        .bind(("codes", staff.municipalities.clone()))
        .bind(("status", status.to_owned()))
        .await?;
    let reports = rows(&mut response, 0)?;
    let new: Option<usize> = response.take(1)?;
    Ok(ReportQueue {
        reports,
        new: new.unwrap_or(0),
    })
}

async fn load(db: &Db, id: &str) -> Result<Option<QueuedReport>, AppError> {
    if id.is_empty() || id.len() > 40 || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Ok(None);
    }
    let mut response = db
        .query(format!("SELECT {FIELDS} FROM type::record('report', $id)"))
        .bind(("id", id.to_owned()))
        .await?;
    Ok(rows(&mut response, 0)?.pop())
}

/// Whether an account may review this report: admins all; editors the reports about
/// services of their municipalities.
pub fn in_scope(staff: &Staff, report: &QueuedReport) -> bool {
    staff.is_admin()
        || report
            .municipality
            .as_deref()
            .is_some_and(|m| staff.may_edit(m))
}

/// Records a review and queues the letter that tells the resident, in one transaction.
async fn mark(
    db: &Db,
    post: &StaffPost,
    report: &QueuedReport,
    status: &str,
    reason: Option<String>,
    duplicate_of: Option<String>,
) -> Result<(), AppError> {
    // The resident who left an address hears the outcome, in the language they wrote in.
    let letters: Vec<crate::mail::Letter> = report
        .email
        .iter()
        .map(|email| {
            let lang = Lang::from_code(&report.lang).unwrap_or(Lang::Nl);
            crate::mail::Letter {
                to: email.clone(),
                lang,
                kind: crate::mail::LetterKind::ReportReviewed,
                args: vec![
                    (
                        "status",
                        crate::i18n::translate(
                            lang,
                            &crate::reports::STATUS_MESSAGES.id(status),
                            None,
                        ),
                    ),
                    ("reason", reason.clone().unwrap_or_default()),
                    (
                        "date",
                        report
                            .created_at
                            .get(..10)
                            .unwrap_or(&report.created_at)
                            .to_owned(),
                    ),
                ],
                link: None,
            }
        })
        .collect();
    store::commit(
        db,
        &crate::kernel::settings::settings(),
        post.actor(),
        Audited {
            sql: "UPDATE type::record('report', $id) SET status = $status,
                resolution = $reason ?? NONE,
                duplicate_of = IF $dup THEN type::record('report', $dup) ELSE NONE END,
                reviewed_by = $actor, reviewed_at = time::now();"
                .into(),
            binds: vec![
                ("id", report.id.clone().into()),
                ("status", status.into()),
                ("before", report.status.clone().into()),
                ("reason", reason.into()),
                ("dup", duplicate_of.into()),
            ],
            entries: vec![Entry {
                target: "'report:' + $id",
                action: AuditAction::Review,
                changes: "[{ field: 'status', before: $before, after: $status }]",
            }],
            letters,
        },
    )
    .await
}

/// Handles a post of a review form: see `review_report`.
pub async fn submit(db: &Db, f: BTreeMap<String, String>) -> Result<(), AppError> {
    let Some(post) = StaffPost::open(db, f, |_, lang| Page::StaffReports.path(lang)).await? else {
        return Ok(());
    };
    let (f, lang, staff) = (&post.fields, post.lang, post.staff());
    let action = f.text("action");
    if !ACTIONS.contains(&action) {
        return Err(AppError::BadRequest("action".into()));
    }
    let report = load(db, f.text("id")).await?.ok_or(AppError::NotFound)?;
    if !in_scope(staff, &report) {
        return Err(AppError::Forbidden);
    }
    let queue = &post.back;
    match action {
        "reject" => {
            let reason = f.text("reason");
            if reason.is_empty() || Length::Text.exceeded_by(reason) {
                return post.refuse(db, "staff-report-reason-required").await;
            }
            mark(
                db,
                &post,
                &report,
                "rejected",
                Some(reason.to_owned()),
                None,
            )
            .await?;
            post.notice(db, "staff-report-rejected", queue).await
        }
        "duplicate" => {
            let of = f.text("duplicate_of").trim_start_matches('#').to_owned();
            // The original must be one this account may see: a report outside its scope
            // is answered as an unknown one (its existence is not revealed either).
            let original = if of.is_empty() {
                None
            } else {
                load(db, &of)
                    .await?
                    .filter(|original| in_scope(staff, original))
            };
            if !of.is_empty() && (original.is_none() || of == report.id) {
                return post.refuse(db, "staff-report-duplicate-unknown").await;
            }
            mark(
                db,
                &post,
                &report,
                "duplicate",
                None,
                original.map(|o| o.id),
            )
            .await?;
            post.notice(db, "staff-report-marked-duplicate", queue)
                .await
        }
        _ => {
            mark(db, &post, &report, "accepted", None, None).await?;
            match &report.service {
                // A correction: to the service's form, to make it.
                Some(service) => {
                    post.notice(
                        db,
                        "staff-report-accepted-edit",
                        &Page::StaffService(service.clone()).path(lang),
                    )
                    .await
                }
                // A missing service: a new draft, prefilled with what the resident wrote.
                None => {
                    let flash = Flash {
                        notice: Some("staff-report-accepted-new".into()),
                        values: BTreeMap::from([(
                            format!("description_{}", report.lang),
                            report.message.clone(),
                        )]),
                        ..Default::default()
                    };
                    post.show(db, &flash, &Page::StaffServiceNew.path(lang))
                        .await
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Role;

    #[test]
    fn editors_review_only_their_municipalities() {
        let editor = Staff {
            id: "u".into(),
            email: "e@x.be".into(),
            role: Role::Editor,
            municipalities: vec!["33011".into()],
        };
        let mut report = QueuedReport {
            id: "r1".into(),
            kind: "wrong".into(),
            status: "new".into(),
            message: "De telefoon is fout".into(),
            email: None,
            lang: "nl".into(),
            created_at: String::new(),
            service: Some("s".into()),
            service_name: None,
            municipality: Some("33011".into()),
            resolution: None,
            duplicate_of: None,
            reviewed_by: None,
        };
        assert!(in_scope(&editor, &report));
        report.municipality = Some("59350".into());
        assert!(!in_scope(&editor, &report));
        report.municipality = None;
        assert!(!in_scope(&editor, &report));
        let admin = Staff {
            role: Role::Admin,
            ..editor
        };
        assert!(in_scope(&admin, &report));
    }
}

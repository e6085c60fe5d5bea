//! The staff's review queue of residents' reports: accept (go to the service, or to a
//! new draft prefilled with the report), reject with a reason, or mark as a duplicate.
//! Editors see the reports about services of their municipalities; admins see all,
//! including suggestions of missing services, which name no service.

mod page;
#[cfg(feature = "ssr")]
pub mod repo;

pub use page::StaffReportsPage;

use crate::error::AppError;
use crate::i18n::MaybeLocalized;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const ACTIONS: [&str; 3] = ["accept", "reject", "duplicate"];

/// A report as staff see it: with the resident's e-mail address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedReport {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub message: String,
    pub email: Option<String>,
    pub lang: String,
    pub created_at: String,
    pub service: Option<String>,
    pub service_name: Option<MaybeLocalized>,
    pub municipality: Option<String>,
    pub resolution: Option<String>,
    pub duplicate_of: Option<String>,
    pub reviewed_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportQueue {
    pub reports: Vec<QueuedReport>,
    /// New reports in scope, whatever the filter.
    pub new: usize,
}

#[server]
pub async fn load_report_queue(status: String) -> Result<ReportQueue, AppError> {
    let db = crate::db::use_db()?;
    let session = crate::auth::guard::require(&db).await?;
    if !status.is_empty() && !super::STATUSES.contains(&status.as_str()) {
        return Err(AppError::BadRequest("status".into()));
    }
    repo::queue(&db, &session.staff, &status).await
}

/// Reviews one report (`f`: `lang`, `csrf`, `id`, `action`, `reason`, `duplicate_of`).
/// Answers with a redirect, like every staff form.
#[server]
pub async fn review_report(f: BTreeMap<String, String>) -> Result<(), AppError> {
    repo::submit(&crate::db::use_db()?, f).await
}

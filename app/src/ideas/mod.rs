//! Calls for project ideas (issue 23): admins publish a call (bilingual title, text and
//! criteria, a theme, a period in Brussels days, the parent project such as PARTONS 2.0);
//! residents, associations and municipalities submit an idea without an account and
//! follow it through an unguessable link and by e-mail (received, under review, more
//! information asked, which they answer through the link, accepted, declined with a
//! reason). Accepting an idea creates a draft pilot project under the call's parent
//! project; accepted ideas are public on the call's page, their municipalities on its
//! map. Every form is a plain HTML form answered with a redirect.

mod pages;
#[cfg(feature = "ssr")]
pub mod repo;
mod staff_page;
#[cfg(feature = "ssr")]
mod staff_repo;

pub use pages::{CallPage, CallsPage, IdeaPage};
pub use staff_page::{StaffCallPage, StaffCallsPage};

use crate::error::AppError;
use crate::i18n::{Localized, MessageSet};
use crate::kernel::link::Link;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

crate::closed_set! {
    /// Where an idea stands.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum IdeaStatus {
        Received = "received",
        Review = "review",
        /// More information asked: the submitter answers through the link.
        Info = "info",
        Accepted = "accepted",
        Declined = "declined",
    }
}

impl IdeaStatus {
    /// What staff may do from here: decided ideas stay decided.
    pub fn open(self) -> bool {
        !matches!(self, IdeaStatus::Accepted | IdeaStatus::Declined)
    }
}

pub const STATUS_MESSAGES: MessageSet = MessageSet::new("idea-status-", || {
    IdeaStatus::ALL.map(IdeaStatus::code).to_vec()
});

/// Who submits an idea.
pub const SUBMITTERS: [&str; 3] = ["resident", "association", "municipality"];
pub const SUBMITTER_MESSAGES: MessageSet =
    MessageSet::new("idea-submitter-", || SUBMITTERS.to_vec());

/// The idea form's fields that can be wrong, in form order.
pub const FIELDS: [&str; 7] = [
    "title",
    "summary",
    "municipalities",
    "submitter",
    "name",
    "email",
    "consent",
];
pub const FIELD_ERRORS: MessageSet = MessageSet::new("idea-error-", || FIELDS.to_vec());
pub const MIN_SUMMARY_CHARS: usize = 30;

/// The fields of the call form (admins).
pub const CALL_FIELDS: [&str; 10] = [
    "title_nl",
    "title_fr",
    "text_nl",
    "text_fr",
    "criteria_nl",
    "criteria_fr",
    "theme",
    "opens_on",
    "closes_on",
    "project",
];
pub const CALL_FIELD_MESSAGES: MessageSet =
    MessageSet::new("staff-call-field-", || CALL_FIELDS.to_vec());

/// The staff's decisions on an idea.
pub const ACTIONS: [&str; 4] = ["review", "info", "accept", "decline"];

/// A call as the public sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Call {
    pub id: String,
    pub title: Localized,
    pub text: Localized,
    pub criteria: Localized,
    pub theme: String,
    pub opens_on: String,
    pub closes_on: String,
    pub project: Option<Link>,
    pub published: bool,
    /// Open today (Brussels).
    pub open: bool,
}

/// An accepted idea, public.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicIdea {
    pub title: String,
    pub summary: String,
    pub lang: String,
    pub municipalities: Vec<Link>,
    pub project: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallView {
    pub call: Call,
    pub accepted: Vec<PublicIdea>,
    /// What the visitor typed before the form was refused (`kernel::form_flash`).
    #[serde(default)]
    pub typed: BTreeMap<String, String>,
}

/// A message between staff and the submitter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// `staff` or `submitter`.
    pub from: String,
    pub text: String,
    pub at: String,
}

/// An idea as its submitter (through the link) and staff see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Idea {
    pub id: String,
    pub call: Link,
    pub title: String,
    pub summary: String,
    pub municipalities: Vec<Link>,
    pub submitter: String,
    pub name: String,
    pub email: String,
    pub lang: String,
    pub status: IdeaStatus,
    pub reason: Option<String>,
    pub messages: Vec<Message>,
    pub project: Option<String>,
    pub created_at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffCall {
    pub call: Call,
    pub ideas: Vec<Idea>,
}

#[server]
pub async fn list_calls() -> Result<Vec<Call>, AppError> {
    repo::calls(&crate::db::use_db()?, false).await
}

#[server]
pub async fn load_call(id: String, form: String) -> Result<CallView, AppError> {
    let db = crate::db::use_db()?;
    let mut view = crate::components::with_status(repo::call_view(&db, &id).await)?;
    view.typed = crate::kernel::form_flash::take(&db, &form, chrono::Utc::now()).await?;
    Ok(view)
}

/// Submits an idea (`f`: `lang`, `call` and the form's fields). Answers with a redirect.
#[server]
pub async fn submit_idea(f: BTreeMap<String, String>) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let client = crate::kernel::request::client_key().await;
    let to = repo::submit(&db, f, client, chrono::Utc::now()).await?;
    crate::components::redirect_to(&to);
    Ok(())
}

#[server]
pub async fn load_idea(token: String) -> Result<Idea, AppError> {
    crate::components::with_status(repo::own(&crate::db::use_db()?, &token).await)
}

/// Answers a request for information, or deletes the idea's contact data and the idea
/// (`f`: `lang`, `token`, `action`: answer or delete, `text`).
#[server]
pub async fn manage_idea(f: BTreeMap<String, String>) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let client = crate::kernel::request::client_key().await;
    let to = repo::manage(&db, f, client, chrono::Utc::now()).await?;
    crate::components::redirect_to(&to);
    Ok(())
}

#[server]
pub async fn load_staff_calls() -> Result<Vec<Call>, AppError> {
    let db = crate::db::use_db()?;
    let session = crate::auth::guard::require(&db).await?;
    crate::auth::guard::admin(&session)?;
    repo::calls(&db, true).await
}

#[server]
pub async fn load_staff_call(id: String) -> Result<StaffCall, AppError> {
    let db = crate::db::use_db()?;
    let session = crate::auth::guard::require(&db).await?;
    crate::auth::guard::admin(&session)?;
    crate::components::with_status(repo::staff_call(&db, &id).await)
}

/// Saves a call (new or existing) or decides on an idea (`f`: `lang`, `csrf`, `action`:
/// save, or one of `ACTIONS` with `idea` and `text`). Admins. Answers with a redirect.
#[server]
pub async fn save_call(f: BTreeMap<String, String>) -> Result<(), AppError> {
    repo::staff_submit(&crate::db::use_db()?, f, chrono::Utc::now()).await
}

/// Where a submitter downloads their idea's data (served by the `server` crate).
pub fn data_url(token: &str) -> String {
    crate::routes::Download::Idea.path(token)
}

//! "Report a problem or suggest a service": residents write without an account; staff
//! review every report before anything is published.

mod follow_page;
#[cfg(feature = "ssr")]
pub mod limiter;
mod page;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod review;

pub use follow_page::ReportFollowPage;
pub use page::ReportPage;

use crate::error::AppError;
use crate::i18n::{Lang, MessageSet};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub const STATUSES: [&str; 4] = ["new", "accepted", "rejected", "duplicate"];
pub const KINDS: [&str; 4] = ["wrong", "closed", "missing", "other"];
/// The form's fields that can be wrong.
pub const FIELDS: [&str; 4] = ["service", "kind", "message", "email"];

pub const STATUS_MESSAGES: MessageSet = MessageSet::new("report-status-", || STATUSES.to_vec());
pub const KIND_MESSAGES: MessageSet = MessageSet::new("report-kind-", || KINDS.to_vec());
/// What to change in a wrong field.
pub const FIELD_ERRORS: MessageSet = MessageSet::new("report-error-", || FIELDS.to_vec());
pub const MIN_MESSAGE_CHARS: usize = 10;

/// The form as submitted (strings: the page shows back exactly what was typed). A field
/// the browser leaves out (an unchecked radio group) is empty, and then invalid.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    pub service: String,
    pub kind: String,
    pub message: String,
    pub email: String,
    /// Honeypot: hidden from people, filled in by bots.
    pub website: String,
}

/// A checked report, ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewReport {
    pub service: Option<String>,
    pub kind: String,
    pub message: String,
    pub email: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportOutcome {
    /// Stored; with the follow link's token when the resident left an e-mail address.
    Sent(Option<String>),
    /// The fields that need attention, in form order.
    Invalid(Vec<String>),
    TooMany,
}

#[cfg(feature = "ssr")]
impl ReportForm {
    /// Checks every field and names all that are wrong (not just the first).
    pub fn validate(&self) -> Result<NewReport, Vec<String>> {
        let mut invalid = vec![];
        let service = self.service.trim();
        if !service.is_empty() && !crate::kernel::validate::is_service_id(service) {
            invalid.push("service".to_owned());
        }
        if !KINDS.contains(&self.kind.as_str()) {
            invalid.push("kind".to_owned());
        }
        let message = self.message.trim();
        let chars = message.chars().count();
        if !(MIN_MESSAGE_CHARS..=crate::kernel::validate::Length::Text.chars()).contains(&chars)
            || crate::kernel::validate::has_hidden_controls_in_lines(message)
        {
            invalid.push("message".to_owned());
        }
        let email = self.email.trim();
        if !email.is_empty() && !crate::kernel::validate::valid_email(email) {
            invalid.push("email".to_owned());
        }
        if !invalid.is_empty() {
            return Err(invalid);
        }
        Ok(NewReport {
            service: (!service.is_empty()).then(|| service.to_owned()),
            kind: self.kind.clone(),
            message: message.to_owned(),
            email: (!email.is_empty()).then(|| email.to_owned()),
        })
    }

    pub fn is_bot(&self) -> bool {
        !self.website.trim().is_empty()
    }
}

/// Stores a report for review. Called by the form with and without JavaScript: a plain
/// form post is answered with a redirect back to the page, with the outcome in the URL.
#[server]
pub async fn submit_report(lang: Lang, form: ReportForm) -> Result<ReportOutcome, AppError> {
    let outcome = repo::submit(
        &crate::db::use_db()?,
        lang,
        &form,
        crate::kernel::request::client_key().await,
    )
    .await?;
    if crate::kernel::request::is_plain_form_post().await {
        leptos_axum::redirect(&page::outcome_url(lang, &form, &outcome));
    }
    Ok(outcome)
}

/// What a resident sees through the follow link: never the e-mail address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowedReport {
    pub kind: String,
    pub status: String,
    pub message: String,
    pub created_at: String,
    pub reviewed_at: Option<String>,
    /// The reason given when it was rejected.
    pub resolution: Option<String>,
    pub service: Option<String>,
}

/// The shape of a follow token (what `new_token` makes): safe to put in a link.
pub fn is_follow_token(token: &str) -> bool {
    crate::kernel::validate::is_token(token)
}

#[server]
pub async fn follow_report(token: String) -> Result<FollowedReport, AppError> {
    crate::components::with_status(repo::follow(&crate::db::use_db()?, &token).await)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn form(kind: &str, message: &str, email: &str) -> ReportForm {
        ReportForm {
            kind: kind.into(),
            message: message.into(),
            email: email.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_report_is_trimmed() {
        let report = form("wrong", "  The phone number is wrong.  ", " a@b.be ")
            .validate()
            .unwrap();
        assert_eq!(report.message, "The phone number is wrong.");
        assert_eq!(report.email.as_deref(), Some("a@b.be"));
        assert_eq!(report.service, None);
    }

    #[test]
    fn every_wrong_field_is_named() {
        assert_eq!(
            form("spam", "short", "not-an-email").validate(),
            Err(vec!["kind".into(), "message".into(), "email".into()])
        );
        assert!(form("other", &"x".repeat(2001), "").validate().is_err());
        let mut f = form("other", "A long enough message", "");
        f.service = "../etc/passwd".into();
        assert_eq!(f.validate(), Err(vec!["service".into()]));
    }

    #[test]
    fn a_message_with_hidden_controls_is_refused_and_lines_kept() {
        for bad in [
            "Het nummer is \u{202E}00 00 75 750",
            "Het nummer klopt niet\u{0}.",
            "Le numéro est faux \u{2066}x\u{2069}.",
        ] {
            assert_eq!(
                form("wrong", bad, "").validate(),
                Err(vec!["message".into()]),
                "{bad:?}"
            );
        }
        let lines = "Le numéro est faux.\r\nIl faut appeler l’accueil.\tMerci";
        assert_eq!(form("wrong", lines, "").validate().unwrap().message, lines);
        let arabic = "رقم الهاتف غير صحيح في هذه الصفحة";
        assert!(form("wrong", arabic, "").validate().is_ok());
    }

    #[test]
    fn the_honeypot_catches_bots() {
        let mut f = form("other", "A long enough message", "");
        assert!(!f.is_bot());
        f.website = "http://spam.example".into();
        assert!(f.is_bot());
    }
}

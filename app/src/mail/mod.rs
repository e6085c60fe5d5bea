//! Outgoing e-mail (issue 23): letters written in the recipient's language from Fluent
//! messages, as plain text and HTML, kept in a queue in SurrealDB (`outbox`) and sent
//! over SMTP (`smtp`) by a task of every app server, with retries. A request only ever
//! queues a letter: a slow or failing mail server never slows or fails it, and a letter
//! queued before a restart is sent after it.
//!
//! Without SMTP settings mail is off: nothing is queued, and every page that would have
//! sent a letter says what to do instead (`mail_is_on`).

#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod smtp;

use crate::i18n::{translate, Lang};
use fluent_bundle::{FluentArgs, FluentValue};
use serde::{Deserialize, Serialize};

crate::closed_set! {
    /// The letters the app sends: each names its Fluent messages, `mail-{code}-subject` and
    /// `mail-{code}-body` (paragraphs separated by blank lines).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum LetterKind {
        /// A registration for a meeting, with a seat.
        Registered = "registered",
        /// A registration on the waiting list.
        Waiting = "waiting",
        /// The registration's answers were changed through its link.
        RegistrationChanged = "registration-changed",
        /// The registration was cancelled through its link.
        RegistrationCancelled = "registration-cancelled",
        /// A seat came free: the first of the waiting list has it now.
        Promoted = "promoted",
        /// Staff reviewed the report the resident left an address with.
        ReportReviewed = "report-reviewed",
        /// A link to set a new staff password.
        PasswordReset = "password-reset",
        /// The staff's daily digest of what is new in their scope.
        StaffDigest = "staff-digest",
        /// Someone registered an address already on a meeting's list: its owner hears of
        /// it, with a link to their registration (the form itself tells nobody).
        AlreadyRegistered = "already-registered",
        /// An idea was received.
        IdeaReceived = "idea-received",
        /// Staff changed an idea's status (review, more information asked, accepted,
        /// declined).
        IdeaStatus = "idea-status",
    }
}

/// The subject and body messages of every letter (for the locale tests).
pub const SUBJECT_MESSAGES: crate::i18n::MessageSet =
    crate::i18n::MessageSet::new("mail-subject-", || {
        LetterKind::ALL.map(LetterKind::code).to_vec()
    });
pub const BODY_MESSAGES: crate::i18n::MessageSet =
    crate::i18n::MessageSet::new("mail-body-", || {
        LetterKind::ALL.map(LetterKind::code).to_vec()
    });

/// A letter to one person, before it is written out.
#[derive(Clone, Debug, PartialEq)]
pub struct Letter {
    pub to: String,
    pub lang: Lang,
    pub kind: LetterKind,
    /// The Fluent arguments of its subject and body (`event`, `name`, `status`, …).
    pub args: Vec<(&'static str, String)>,
    /// An absolute link the letter leads to (the registration's page), if any.
    pub link: Option<String>,
}

/// A letter written out: what the queue keeps and the mail server receives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    pub to: String,
    pub lang: String,
    pub kind: LetterKind,
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl Letter {
    /// Writes the letter in its language: the body's paragraphs, then the link, then the
    /// footer that says why the person receives it; the HTML has the same text, escaped.
    pub fn write(&self) -> Written {
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            args.set(*name, FluentValue::from(value.clone()));
        }
        let subject = translate(
            self.lang,
            &SUBJECT_MESSAGES.id(self.kind.code()),
            Some(&args),
        );
        let body = translate(self.lang, &BODY_MESSAGES.id(self.kind.code()), Some(&args));
        let paragraphs: Vec<String> = body
            .split("\n\n")
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect();
        let footer = translate(self.lang, "mail-footer", None);
        let link_label = translate(self.lang, "mail-link-label", None);
        let mut text = paragraphs.join("\n\n");
        let mut html = String::from("<!DOCTYPE html><html lang=\"");
        html.push_str(self.lang.code());
        html.push_str("\"><head><meta charset=\"utf-8\"><title>");
        html.push_str(&escape(&subject));
        html.push_str("</title></head><body>");
        for paragraph in &paragraphs {
            html.push_str("<p>");
            html.push_str(&escape(paragraph).replace('\n', "<br>"));
            html.push_str("</p>");
        }
        if let Some(link) = &self.link {
            text.push_str(&format!("\n\n{link_label}\n{link}"));
            html.push_str(&format!(
                "<p><a href=\"{}\">{}</a></p>",
                escape(link),
                escape(&link_label)
            ));
        }
        text.push_str(&format!("\n\n-- \n{footer}\n"));
        html.push_str(&format!(
            "<hr><p><small>{}</small></p></body></html>",
            escape(&footer)
        ));
        Written {
            to: self.to.clone(),
            lang: self.lang.code().to_owned(),
            kind: self.kind,
            subject: subject.replace(['\r', '\n'], " "),
            text,
            html,
        }
    }
}

fn escape(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}

/// Whether this site sends e-mail (SMTP is configured). Without it, pages say instead
/// that the person must keep their link.
pub fn mail_is_on() -> bool {
    crate::kernel::settings::settings().mail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_is_written_in_both_languages_with_its_arguments_escaped() {
        for kind in LetterKind::ALL {
            for lang in [Lang::Nl, Lang::Fr] {
                let letter = Letter {
                    to: "a@example.be".into(),
                    lang,
                    kind,
                    args: vec![
                        ("name", "Ann <b>&".into()),
                        ("event", "Overleg \"grens\"".into()),
                        ("status", "accepted".into()),
                        ("reason", String::new()),
                        ("place", "1".into()),
                    ],
                    link: Some("https://x.test/nl/inschrijving/abc?x=1&y=2".into()),
                };
                let written = letter.write();
                assert!(!written.subject.starts_with("mail-"), "{kind:?} {lang:?}");
                assert!(!written.text.contains("mail-body"), "{kind:?} {lang:?}");
                assert!(!written.html.contains("<b>&"), "{}", written.html);
                assert!(written.html.contains("x=1&amp;y=2"));
                assert!(written
                    .text
                    .contains("https://x.test/nl/inschrijving/abc?x=1&y=2"));
                assert!(!written.subject.contains('\n'));
            }
        }
    }
}

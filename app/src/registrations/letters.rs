//! The letters about a registration (server only), in its person's language, each with
//! the link to their own page.

use super::*;
use crate::kernel::personal_link::Purpose;
use crate::mail::{Letter, LetterKind};

fn when_text(lang: Lang, when: &Option<LocalMoment>) -> String {
    when.as_ref()
        .map(|w| format!("{} {}", w.date, w.time))
        .unwrap_or_else(|| crate::i18n::translate(lang, "registration-no-date", None))
}

/// A letter about a registration to its person, in their language.
pub(super) fn letter(own: &OwnRegistration, kind: LetterKind, token: &str) -> Letter {
    Addressee {
        email: &own.email,
        lang: own.lang,
        name: &own.name,
        event: &own.event,
        when: &own.when,
        position: own.position,
    }
    .letter(kind, token)
}

/// Who a letter about a registration goes to, and what it says of it.
pub(super) struct Addressee<'a> {
    pub(super) email: &'a str,
    pub(super) lang: Lang,
    pub(super) name: &'a str,
    pub(super) event: &'a Link,
    pub(super) when: &'a Option<LocalMoment>,
    /// On the waiting list: the place.
    pub(super) position: Option<u32>,
}

impl Addressee<'_> {
    pub(super) fn letter(&self, kind: LetterKind, token: &str) -> Letter {
        Letter {
            to: self.email.to_owned(),
            lang: self.lang,
            kind,
            args: vec![
                ("name", self.name.to_owned()),
                ("event", self.event.name.get(self.lang).to_owned()),
                ("when", when_text(self.lang, self.when)),
                ("place", self.position.unwrap_or(0).to_string()),
            ],
            link: Some(Purpose::Registration.url(self.lang, token)),
        }
    }
}

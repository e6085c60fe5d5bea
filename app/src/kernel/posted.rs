//! The one reader of a posted form (server only): every form post, staff or public,
//! arrives as its fields by name, and is read through `Posted`, so that a value is
//! trimmed, a missing field is empty, a box is ticked and a number is parsed the same
//! way everywhere. A public form's post is opened as a `PublicPost`: its fields, its
//! language, and its client's and recipient's limits (a staff form's post is opened by
//! `auth::StaffPost`).

use crate::db::rate_limit::{self, FormLimit, LetterLimit, Subject};
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::net::IpAddr;
use std::str::FromStr;

/// A form's fields as posted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Posted(BTreeMap<String, String>);

impl Posted {
    pub fn new(fields: BTreeMap<String, String>) -> Self {
        Posted(fields)
    }

    /// A field's value, trimmed; "" when the form did not send it.
    pub fn text(&self, key: &str) -> &str {
        self.0.get(key).map_or("", |v| v.trim())
    }

    /// A field's value, trimmed, when it holds anything.
    pub fn optional(&self, key: &str) -> Option<&str> {
        Some(self.text(key)).filter(|v| !v.is_empty())
    }

    /// Whether a box was ticked (a checkbox sends its field only when ticked).
    pub fn ticked(&self, key: &str) -> bool {
        !self.text(key).is_empty()
    }

    /// A field read as a number (or any type parsed from text): None when it is empty,
    /// `Some(Err(()))` when it holds something that is not one.
    pub fn parsed<T: FromStr>(&self, key: &str) -> Option<Result<T, ()>> {
        self.optional(key).map(|v| v.parse().map_err(|_| ()))
    }

    /// The language the form was shown in (its `lang` field), Dutch when it has none.
    pub fn lang(&self) -> Lang {
        Lang::from_code(self.text("lang")).unwrap_or(Lang::Nl)
    }

    /// The form token the page put in the form (`csrf`).
    pub fn csrf(&self) -> &str {
        self.text("csrf")
    }

    /// The fields as posted (what a refused form shows again).
    pub fn fields(&self) -> &BTreeMap<String, String> {
        &self.0
    }

    pub fn into_fields(self) -> BTreeMap<String, String> {
        self.0
    }
}

#[cfg(test)]
impl Posted {
    /// A form posted with these fields (for tests).
    pub fn of(pairs: &[(&str, &str)]) -> Self {
        Posted(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }
}

impl From<BTreeMap<String, String>> for Posted {
    fn from(fields: BTreeMap<String, String>) -> Self {
        Posted(fields)
    }
}

/// A public form's post (a registration, an idea, a change through a personal link).
pub struct PublicPost {
    pub fields: Posted,
    pub lang: Lang,
    /// The form's name, which names its limit.
    form: &'static str,
    client: IpAddr,
}

impl PublicPost {
    /// Opens the post of the public form `form` from `client`.
    pub fn open(fields: BTreeMap<String, String>, form: &'static str, client: IpAddr) -> Self {
        let fields = Posted::new(fields);
        let lang = fields.lang();
        PublicPost {
            fields,
            lang,
            form,
            client,
        }
    }

    /// A field's value (see `Posted::text`).
    pub fn text(&self, key: &str) -> &str {
        self.fields.text(key)
    }

    /// Counts this post against its client's limit for the form (`FORM_RATE_LIMIT` per
    /// ten minutes): false when the client has used its window.
    pub async fn within_limit(&self, db: &Db, now: DateTime<Utc>) -> Result<bool, AppError> {
        let keys = [(FormLimit::of(self.form), Subject::Client(self.client))];
        Ok(rate_limit::take(db, &keys, now).await?.is_ok())
    }

    /// Counts a letter to `address` that this post sends (`LETTER_RATE_LIMIT` per
    /// recipient and hour, whoever types it): false when the address has had its
    /// letters. Always true when mail is off (nothing is sent).
    pub async fn letter_allowed(
        &self,
        db: &Db,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, AppError> {
        if !crate::kernel::settings::settings().mail {
            return Ok(true);
        }
        let keys = [(LetterLimit::current(), Subject::Address(address))];
        Ok(rate_limit::take(db, &keys, now).await?.is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posted(pairs: &[(&str, &str)]) -> Posted {
        Posted::of(pairs)
    }

    #[test]
    fn fields_are_read_trimmed_and_missing_ones_are_empty() {
        let p = posted(&[
            ("name", "  Ann \n"),
            ("blank", "   "),
            ("lang", "fr"),
            ("capacity", " 12 "),
            ("bad", "twelve"),
            ("open", "on"),
        ]);
        assert_eq!(p.text("name"), "Ann");
        assert_eq!(p.text("missing"), "");
        assert_eq!(p.optional("blank"), None);
        assert_eq!(p.optional("name"), Some("Ann"));
        assert!(p.ticked("open"));
        assert!(!p.ticked("blank"));
        assert_eq!(p.parsed::<u32>("capacity"), Some(Ok(12)));
        assert_eq!(p.parsed::<u32>("bad"), Some(Err(())));
        assert_eq!(p.parsed::<u32>("missing"), None);
        assert_eq!(p.lang(), Lang::Fr);
        assert_eq!(posted(&[("lang", "xx")]).lang(), Lang::Nl);
    }
}

//! The one way through a staff form's post (server only), whatever it writes: it is
//! opened (`StaffPost::open`: the posted fields, their language, the signed-in session
//! whose form token matches, and the page its outcome is shown on), its fields are read
//! through `kernel::posted::Posted`, its write goes through `store` (one transaction
//! with its audit entries and letters), and it ends in one tail: a message kept for the
//! next page (a flash) on the way to it. A form from an older revision is refused
//! before anything is checked.

use super::store::WriteError;
use crate::auth::session::Session;
use crate::auth::{flash_and_redirect, Flash, Staff};
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::kernel::posted::Posted;
use std::collections::BTreeMap;

/// Whether a form was opened at another revision than the stored one.
pub fn is_stale(stored: Option<i64>, posted: &str) -> bool {
    stored.is_some_and(|stored| posted.parse::<i64>().ok() != Some(stored))
}

/// A staff form's post, opened.
pub struct StaffPost {
    pub fields: Posted,
    pub lang: Lang,
    pub session: Session,
    /// The form's own page: where a refusal is shown.
    pub back: String,
}

impl StaffPost {
    /// Opens a post: reads its fields and language, names its page (`back`, from the
    /// fields), and checks its session and form token. `None` when the browser was sent
    /// to sign in (its session ended); 401 for other callers, 403 for a wrong token.
    pub async fn open(
        db: &Db,
        fields: BTreeMap<String, String>,
        back: impl FnOnce(&Posted, Lang) -> String,
    ) -> Result<Option<StaffPost>, AppError> {
        let fields = Posted::new(fields);
        let lang = fields.lang();
        let back = back(&fields, lang);
        let Some(session) = crate::auth::form_session(db, fields.csrf(), lang, &back).await? else {
            return Ok(None);
        };
        Ok(Some(StaffPost {
            fields,
            lang,
            session,
            back,
        }))
    }

    /// Who posts.
    pub fn staff(&self) -> &Staff {
        &self.session.staff
    }

    /// The actor an audit entry names.
    pub fn actor(&self) -> &str {
        &self.session.staff.email
    }

    /// A field's value (see `Posted::text`).
    pub fn text(&self, key: &str) -> &str {
        self.fields.text(key)
    }

    /// Done: `to` with `flash` (a notice with values for the next form).
    pub async fn show(&self, db: &Db, flash: &Flash, to: &str) -> Result<(), AppError> {
        flash_and_redirect(db, &self.session.id, flash, to).await
    }

    /// Done: `to` with the message `notice`.
    pub async fn notice(&self, db: &Db, notice: &str, to: &str) -> Result<(), AppError> {
        flash_and_redirect(db, &self.session.id, &Flash::notice(notice), to).await
    }

    /// Refused as a whole: back to the form with the message `error`; nothing written.
    pub async fn refuse(&self, db: &Db, error: &str) -> Result<(), AppError> {
        flash_and_redirect(db, &self.session.id, &Flash::error(error), &self.back).await
    }

    /// Wrong fields: back to the form with them and what was typed; nothing written.
    pub async fn invalid<S: Into<String>>(
        &self,
        db: &Db,
        fields: impl IntoIterator<Item = S>,
    ) -> Result<(), AppError> {
        let flash = Flash::invalid(
            fields.into_iter().map(Into::into).collect(),
            self.fields.fields().clone(),
        );
        flash_and_redirect(db, &self.session.id, &flash, &self.back).await
    }

    /// After a revision-checked write: the record's page with `done`; the form again
    /// with `stale` when the record changed meanwhile; any other failure as it is.
    pub async fn saved(
        &self,
        db: &Db,
        written: Result<String, WriteError>,
        page_of: impl FnOnce(String) -> String,
        done: &str,
        stale: &str,
    ) -> Result<(), AppError> {
        match written {
            Ok(id) => self.notice(db, done, &page_of(id)).await,
            Err(WriteError::Stale) => self.refuse(db, stale).await,
            Err(WriteError::Failed(error)) => Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_is_stale_when_its_revision_is_not_the_stored_one() {
        assert!(!is_stale(None, ""), "a new record");
        assert!(!is_stale(Some(3), "3"));
        assert!(is_stale(Some(3), "2"));
        assert!(is_stale(Some(3), ""));
        assert!(is_stale(Some(3), "x"));
    }
}

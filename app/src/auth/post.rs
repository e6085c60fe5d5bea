//! The one way in and out of a staff form's post (server only): it is opened
//! (`StaffPost::open`: the posted fields, read through `kernel::posted::Posted`, their
//! language, the signed-in session whose form token matches, and the page its outcome
//! is shown on), and it ends in one tail: a message kept for the next page (a flash) on
//! the way to it. What it writes goes through `workflow::store` (records with their
//! audit entries and letters), which adds the tail of a revision-checked write
//! (`StaffPost::saved`).

use super::session::Session;
use super::{flash_and_redirect, Flash, Staff};
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::kernel::posted::Posted;
use std::collections::BTreeMap;

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
}

//! The end of a workflow form's post (server only), the same for every kind of record:
//! a form from an older revision is refused before anything is checked, and the outcome
//! of the write is kept for the next page (a flash) on the way to it.

use super::store::WriteError;
use crate::auth::{flash_and_redirect, Flash};
use crate::db::Db;
use crate::error::AppError;

/// Whether a form was opened at another revision than the stored one.
pub fn is_stale(stored: Option<i64>, posted: &str) -> bool {
    stored.is_some_and(|stored| posted.parse::<i64>().ok() != Some(stored))
}

/// What to show after a post.
pub struct Outcome<'a> {
    /// The session whose next page shows the message.
    pub session: &'a str,
    /// The form's own page (for a stale form or invalid values).
    pub form: &'a str,
    /// The message of a stale form.
    pub stale: &'a str,
}

impl Outcome<'_> {
    /// A stale form: back to it, saying so; nothing was written.
    pub async fn stale(&self, db: &Db) -> Result<(), AppError> {
        flash_and_redirect(db, self.session, &Flash::error(self.stale), self.form).await
    }

    /// Wrong fields: back to the form with them and what was typed.
    pub async fn invalid(
        &self,
        db: &Db,
        fields: Vec<String>,
        posted: std::collections::BTreeMap<String, String>,
    ) -> Result<(), AppError> {
        flash_and_redirect(db, self.session, &Flash::invalid(fields, posted), self.form).await
    }

    /// After the write: the record's page with `done`, the form again when the record
    /// changed meanwhile, and any other failure as it is.
    pub async fn saved(
        &self,
        db: &Db,
        written: Result<String, WriteError>,
        page_of: impl FnOnce(String) -> String,
        done: &str,
    ) -> Result<(), AppError> {
        match written {
            Ok(id) => {
                flash_and_redirect(db, self.session, &Flash::notice(done), &page_of(id)).await
            }
            Err(WriteError::Stale) => self.stale(db).await,
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

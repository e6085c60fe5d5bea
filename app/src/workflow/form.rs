//! The end of a workflow form's post (server only), the same for every kind of record:
//! a form from an older revision is refused before anything is checked, and the outcome
//! of its write is the record's page, or the form again when the record changed
//! meanwhile. The post itself is opened and ended by `auth::StaffPost`; its write goes
//! through `store` (one transaction with its audit entries and letters).

use super::store::WriteError;
use crate::auth::StaffPost;
use crate::db::Db;
use crate::error::AppError;

/// Whether a form was opened at another revision than the stored one.
pub fn is_stale(stored: Option<i64>, posted: &str) -> bool {
    stored.is_some_and(|stored| posted.parse::<i64>().ok() != Some(stored))
}

impl StaffPost {
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

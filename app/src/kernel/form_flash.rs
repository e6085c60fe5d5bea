//! What a visitor typed into a public form that was refused, kept for the form's next
//! page (server only). A refused post sends the browser back to its form; the typed
//! values must fill it again, but never travel in the URL (logs, history, the Referer of
//! the next click). They are kept in the database under the hash of a random handle, the
//! URL carries only the handle (`?form=…`), the next page takes them once, and what is
//! not taken is deleted after `KEEP_MINUTES`. Staff forms keep theirs in the session
//! (`auth::Flash`).

/// How long typed values wait for their page.
pub const KEEP_MINUTES: i64 = 10;

/// The query parameter that carries the handle.
pub const PARAM: &str = "form";

#[cfg(feature = "ssr")]
pub use repo::*;

#[cfg(feature = "ssr")]
mod repo {
    use super::{KEEP_MINUTES, PARAM};
    use crate::db::Db;
    use crate::error::AppError;
    use crate::kernel::personal_link;
    use chrono::{DateTime, Utc};
    use std::collections::BTreeMap;

    /// Keeps `values` (the fields worth typing again: never a token or the e-mail address)
    /// and returns the handle for the next page's URL.
    pub async fn keep(
        db: &Db,
        values: BTreeMap<String, String>,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let link = personal_link::mint();
        crate::db::execute(
            db.query(
                "CREATE type::record('form_flash', $key) SET typed = $typed,
                expires_at = <datetime> $now + <duration> $keep",
            )
            .bind(("key", link.key))
            .bind(("typed", serde_json::to_string(&values)?))
            .bind(("now", now.to_rfc3339()))
            .bind(("keep", format!("{KEEP_MINUTES}m"))),
        )
        .await?;
        Ok(link.token)
    }

    /// Takes the values behind `handle` (once; none for an unknown, used or expired one).
    pub async fn take(
        db: &Db,
        handle: &str,
        now: DateTime<Utc>,
    ) -> Result<BTreeMap<String, String>, AppError> {
        if !personal_link::well_formed(handle) {
            return Ok(BTreeMap::new());
        }
        let mut response = db
            .query(
                "DELETE type::record('form_flash', $key) WHERE expires_at > <datetime> $now
             RETURN BEFORE",
            )
            .bind(("key", personal_link::key(handle)))
            .bind(("now", now.to_rfc3339()))
            .await?;
        #[derive(serde::Deserialize)]
        struct Row {
            typed: String,
        }
        let rows: Vec<Row> = crate::db::rows(&mut response, 0)?;
        Ok(rows
            .into_iter()
            .next()
            .and_then(|row| serde_json::from_str(&row.typed).ok())
            .unwrap_or_default())
    }

    /// The URL of `page` with `error` and the handle of what was typed.
    pub async fn back_to(
        db: &Db,
        page: &str,
        error: &str,
        values: BTreeMap<String, String>,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let values: BTreeMap<String, String> = values
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .collect();
        let mut query = vec![("error", error.to_owned())];
        if !values.is_empty() {
            query.push((PARAM, keep(db, values, now).await?));
        }
        let (path, fragment) = page.split_once('#').unwrap_or((page, ""));
        let fragment = if fragment.is_empty() {
            String::new()
        } else {
            format!("#{fragment}")
        };
        Ok(format!(
            "{path}{}{fragment}",
            crate::kernel::query::query_string(query.iter().map(|(k, v)| (*k, v.as_str())))
        ))
    }

    /// Deletes what was never taken.
    pub async fn sweep(db: &Db, now: DateTime<Utc>) -> Result<(), AppError> {
        crate::db::execute(
            db.query("DELETE form_flash WHERE expires_at <= <datetime> $now")
                .bind(("now", now.to_rfc3339())),
        )
        .await
    }
}

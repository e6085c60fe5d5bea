//! Personal links (server only): the unguessable token in the link a person follows
//! back to what they sent (a registration, an idea, a report), without an account. One
//! implementation for every purpose: the token (`mint`, `record_statement`), where it leads
//! (`Purpose::page`, `Purpose::url`, declared with the routes), what it opens (`open`), and its end (`forget_statement`);
//! the pages share their frame (`components::personal`). A feature that needs a personal
//! link adds a `Purpose`, not a copy.
//!
//! A token is 256 random bits, made when a letter (or, without mail, a page) must carry
//! a link, and shown only there. The database keeps only the token's SHA-256, as the id
//! of a `personal_link` record that names the purpose and the record it opens: nothing
//! the database holds, and so nothing a backup holds, gives the token back. A record may
//! have several links (the first letter's, a later letter's); each opens it until the
//! record is deleted or anonymised, which removes them all (`forget`).

use crate::db::Db;
use crate::error::AppError;
use base64::Engine;
use sha2::{Digest, Sha256};

/// What a link leads to: stored with the link, so a token never opens another kind of
/// record than the one it was made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Registration,
    Idea,
    /// A resident following a report they sent with an address.
    Report,
}

impl Purpose {
    /// The purpose as stored, and the table of the records it opens.
    pub fn table(self) -> &'static str {
        match self {
            Purpose::Registration => "registration",
            Purpose::Idea => "idea",
            Purpose::Report => "report",
        }
    }
}

/// A link just made: the token for the letter, and its stored key.
#[derive(Clone, Debug)]
pub struct NewLink {
    pub token: String,
    /// The SHA-256 of the token (hex): the id of its `personal_link` record.
    pub key: String,
}

/// A new random token (256 bits) and its key.
pub fn mint() -> NewLink {
    let bytes: [u8; 32] = rand::random();
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    NewLink {
        key: key(&token),
        token,
    }
}

/// The SurrealQL statement that records a link made with `mint`, for use inside a
/// transaction that writes the record: binds `$link_key` (the key) and expects the
/// record's id in `target` (an expression such as `$r.id` or `type::record(...)`).
pub fn record_statement(purpose: Purpose, target: &str) -> String {
    format!(
        "CREATE type::record('personal_link', $link_key) SET purpose = '{}', target = {target}, created_at = time::now();",
        purpose.table()
    )
}

/// The id (key part) of the record a token opens: NotFound for any other token,
/// well-formed or not, of another purpose, or whose record is gone.
pub async fn open(db: &Db, purpose: Purpose, token: &str) -> Result<String, AppError> {
    target(db, purpose, token).await?.ok_or(AppError::NotFound)
}

/// The id (key part) of the record a token opens, if it is a link of `purpose`.
pub async fn target(db: &Db, purpose: Purpose, token: &str) -> Result<Option<String>, AppError> {
    if !well_formed(token) {
        return Ok(None);
    }
    let mut response = db
        .query(
            "SELECT VALUE record::id(target) FROM ONLY type::record('personal_link', $key)
             WHERE purpose = $purpose",
        )
        .bind(("key", key(token)))
        .bind(("purpose", purpose.table()))
        .await?;
    let id: Option<String> = response.take(0)?;
    Ok(id)
}

/// The SurrealQL statement that removes every link of the records in `targets` (an
/// expression giving one record id or an array of them), for use inside the write that
/// deletes or anonymises them.
pub fn forget_statement(targets: &str) -> String {
    format!("DELETE personal_link WHERE target IN array::flatten([{targets}]);")
}

/// The stored lookup key of a token (its SHA-256, hex).
pub fn key(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether a string has the shape of a token (anything else is a 404 without a query).
pub fn well_formed(token: &str) -> bool {
    super::validate::is_token(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let a = mint();
        let b = mint();
        assert_ne!(a.token, b.token);
        assert!(well_formed(&a.token), "{}", a.token);
        assert_eq!(a.key, key(&a.token));
        assert_eq!(a.key.len(), 64);
        assert!(!a.key.contains(&a.token));
    }

    #[test]
    fn statements_name_the_purpose_and_target() {
        let sql = record_statement(Purpose::Idea, "$i.id");
        assert!(sql.contains("purpose = 'idea'") && sql.contains("target = $i.id"));
        assert!(forget_statement("$r").contains("target IN array::flatten([$r])"));
    }
}

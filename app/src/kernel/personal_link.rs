//! Personal links (server only): the unguessable token in the link a person follows
//! back to what they sent (a registration, an idea), without an account.
//!
//! A token is derived from the database's secret instance id, the purpose and a random
//! nonce kept with the record; the database keeps only the token's SHA-256 as the
//! lookup key. So a letter can carry the link again later (a promotion from the waiting
//! list, a status change) while the database never holds the link itself.

use crate::db::Db;
use crate::error::AppError;
use base64::Engine;
use sha2::{Digest, Sha256};

/// What a link leads to: part of the derivation, so one nonce never opens two things.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Registration,
    Idea,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::Registration => "registration-link",
            Purpose::Idea => "idea-link",
        }
    }
}

/// A new random nonce for a record (256 bits).
pub fn nonce() -> String {
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The token of a record's link.
pub async fn token(db: &Db, purpose: Purpose, nonce: &str) -> Result<String, AppError> {
    let salt = crate::db::version::current(db).await?.instance;
    let digest = Sha256::digest(format!("{salt}\0{}\0{nonce}", purpose.code()));
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest))
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
    (20..=64).contains(&token.len())
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

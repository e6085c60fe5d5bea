//! Server-side sessions in SurrealDB (server only). The cookie carries a random token;
//! the database keeps its SHA-256 as the record id, the account, the form token (CSRF),
//! the expiry, and one pending flash message.

use super::{Role, Staff};
use crate::db::{rows, Db};
use crate::error::AppError;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use serde::Deserialize;
use sha2::{Digest, Sha256};

pub const COOKIE: &str = "staff_session";
/// A session ends this long after sign-in, whatever happens.
pub const LIFETIME_HOURS: i64 = 12;
/// ... and earlier when it has not been used for this long.
pub const IDLE_MINUTES: i64 = 120;

/// 32 random bytes, URL-safe.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The record id of a token: a stolen database copy holds no usable cookie.
pub fn token_id(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The session cookie's value from a `Cookie` header.
pub fn token_from_cookie_header(header: &str) -> Option<String> {
    header.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == COOKIE && !value.is_empty() && value.len() <= 64).then(|| value.to_owned())
    })
}

/// The `Set-Cookie` value: HttpOnly, SameSite=Lax, Secure when the site is served over TLS.
pub fn set_cookie(token: &str, secure: bool) -> String {
    format!(
        "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
        LIFETIME_HOURS * 3600,
        if secure { "; Secure" } else { "" }
    )
}

pub fn clear_cookie(secure: bool) -> String {
    format!(
        "{COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
        if secure { "; Secure" } else { "" }
    )
}

/// Compares secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// An open session and its account.
#[derive(Clone, Debug)]
pub struct Session {
    pub id: String,
    pub staff: Staff,
    pub csrf: String,
    pub flash: Option<String>,
}

/// Opens a session for an account; returns the token for the cookie.
pub async fn open(db: &Db, user_id: &str) -> Result<String, AppError> {
    let token = new_token();
    crate::db::execute(
        db.query(
            "CREATE type::record('session', $id) CONTENT {
                user: type::record('user', $user), csrf: $csrf,
                created_at: time::now(), last_seen: time::now(),
                expires_at: time::now() + <duration> $lifetime,
            }",
        )
        .bind(("id", token_id(&token)))
        .bind(("user", user_id.to_owned()))
        .bind(("csrf", new_token()))
        .bind(("lifetime", format!("{LIFETIME_HOURS}h"))),
    )
    .await?;
    Ok(token)
}

#[derive(Deserialize)]
struct Row {
    csrf: String,
    flash: Option<String>,
    user_id: String,
    email: String,
    role: String,
    municipalities: Vec<String>,
    fresh: bool,
}

/// The session of a token, when it is open, not expired nor idle, and its account active.
/// Using it keeps it alive (at most one write a minute).
pub async fn find(db: &Db, token: &str) -> Result<Option<Session>, AppError> {
    let id = token_id(token);
    let mut response = db
        .query(
            "SELECT csrf, flash, record::id(user) AS user_id, user.email AS email,
                    user.role AS role, user.municipalities AS municipalities,
                    last_seen > time::now() - 1m AS fresh
             FROM type::record('session', $id)
             WHERE expires_at > time::now() AND last_seen > time::now() - <duration> $idle
                AND user.active = true",
        )
        .bind(("id", id.clone()))
        .bind(("idle", format!("{IDLE_MINUTES}m")))
        .await?;
    let found: Vec<Row> = rows(&mut response, 0)?;
    let Some(row) = found.into_iter().next() else {
        return Ok(None);
    };
    if !row.fresh {
        crate::db::execute(
            db.query("UPDATE type::record('session', $id) SET last_seen = time::now()")
                .bind(("id", id.clone())),
        )
        .await?;
    }
    let role = Role::from_code(&row.role).ok_or_else(|| AppError::internal("unknown role"))?;
    Ok(Some(Session {
        id,
        staff: Staff {
            id: row.user_id,
            email: row.email,
            role,
            municipalities: row.municipalities,
        },
        csrf: row.csrf,
        flash: row.flash,
    }))
}

pub async fn close(db: &Db, id: &str) -> Result<(), AppError> {
    crate::db::execute(
        db.query("DELETE type::record('session', $id)")
            .bind(("id", id.to_owned())),
    )
    .await
}

/// Ends every session of an account (sign-out everywhere, new password, deactivation).
pub async fn close_all(db: &Db, user_id: &str) -> Result<(), AppError> {
    crate::db::execute(
        db.query("DELETE session WHERE user = type::record('user', $user)")
            .bind(("user", user_id.to_owned())),
    )
    .await
}

/// Keeps one message for the next page of this session (replacing any other).
pub async fn set_flash(db: &Db, id: &str, flash: Option<String>) -> Result<(), AppError> {
    crate::db::execute(
        db.query("UPDATE type::record('session', $id) SET flash = $flash")
            .bind(("id", id.to_owned()))
            .bind(("flash", flash)),
    )
    .await
}

/// Removes expired sessions (called on sign-in, so the table never needs a sweep job).
pub async fn sweep(db: &Db) -> Result<(), AppError> {
    crate::db::execute(db.query(
        "DELETE session WHERE expires_at < time::now() OR last_seen < time::now() - <duration> $idle",
    ).bind(("idle", format!("{IDLE_MINUTES}m"))))
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let a = new_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, new_token());
        assert_eq!(token_id(&a).len(), 64);
        assert_ne!(token_id(&a), a);
    }

    #[test]
    fn the_cookie_is_http_only_and_lax() {
        let cookie = set_cookie("abc", false);
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        assert!(!cookie.contains("Secure"));
        assert!(set_cookie("abc", true).ends_with("; Secure"));
        assert!(clear_cookie(false).contains("Max-Age=0"));
    }

    #[test]
    fn the_cookie_is_read_among_others() {
        let header = format!("lang=fr; {COOKIE}=tok_en-1; other=x");
        assert_eq!(
            token_from_cookie_header(&header).as_deref(),
            Some("tok_en-1")
        );
        assert_eq!(token_from_cookie_header("lang=fr"), None);
        assert_eq!(token_from_cookie_header(&format!("{COOKIE}=")), None);
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
    }
}

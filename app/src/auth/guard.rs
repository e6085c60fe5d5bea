//! Who is asking (server only): the session behind the request's cookie, and the checks
//! every staff server function and API call makes before it reads or changes anything.

use super::session::{self, Session};
use crate::db::Db;
use crate::error::AppError;

/// The session token of a request's cookie, if it carries one.
pub fn token_of(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(session::token_from_cookie_header)
}

/// The session of a request's headers, if one is open.
pub async fn from_headers(db: &Db, headers: &http::HeaderMap) -> Result<Option<Session>, AppError> {
    match token_of(headers) {
        Some(token) => session::find(db, &token).await,
        None => Ok(None),
    }
}

/// Ends the session whose cookie this request carries, whether or not it is still open.
pub async fn close_current(db: &Db) -> Result<(), AppError> {
    let headers: http::HeaderMap = leptos_axum::extract().await.unwrap_or_default();
    match token_of(&headers) {
        Some(token) => session::close(db, &session::token_id(&token)).await,
        None => Ok(()),
    }
}

/// The session of the request being served (server functions and pages).
pub async fn current(db: &Db) -> Result<Option<Session>, AppError> {
    let headers: http::HeaderMap = leptos_axum::extract().await.unwrap_or_default();
    from_headers(db, &headers).await
}

/// The signed-in session, or 401.
pub async fn require(db: &Db) -> Result<Session, AppError> {
    current(db).await?.ok_or(AppError::Unauthorized)
}

/// The signed-in session whose form token matches the one posted, or 401 / 403. Every
/// state-changing staff server function starts here.
pub async fn require_form(db: &Db, csrf: &str) -> Result<Session, AppError> {
    let session = require(db).await?;
    if !session::same_secret(&session.csrf, csrf) {
        return Err(AppError::Forbidden);
    }
    Ok(session)
}

/// Admins only.
pub fn admin(session: &Session) -> Result<(), AppError> {
    if session.staff.is_admin() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Admins, and editors of this municipality.
pub fn municipality(session: &Session, code: &str) -> Result<(), AppError> {
    if session.staff.may_edit(code) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Adds a `Set-Cookie` header to the response being built.
pub fn set_cookie_header(value: &str) {
    if let (Some(response), Ok(value)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(value),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

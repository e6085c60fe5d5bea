//! Staff accounts (server only): creation and changes from the command line and the
//! admin pages, and the lookup that signing in needs.

use super::{password, Role, UserInput};
use crate::db::{rows, Db};
use crate::error::AppError;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Account {
    pub id: String,
    pub email: String,
    pub role: String,
    pub municipalities: Vec<String>,
    pub active: bool,
}

/// What sign-in needs: the hash is never sent anywhere else.
#[derive(Deserialize)]
pub struct Credentials {
    pub id: String,
    pub password_hash: String,
    pub active: bool,
}

pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Checks an account's fields; the names of the wrong ones, in form order.
pub async fn check(db: &Db, input: &UserInput) -> Result<Vec<String>, AppError> {
    let mut invalid = vec![];
    if !crate::kernel::validate::valid_email(&normalize_email(&input.email)) {
        invalid.push("email".to_owned());
    }
    let Some(role) = Role::from_code(&input.role) else {
        invalid.push("role".to_owned());
        return Ok(invalid);
    };
    let known: Vec<String> = {
        let mut response = db
            .query("SELECT VALUE code FROM municipality WHERE code IN $codes")
            .bind(("codes", input.municipalities.clone()))
            .await?;
        response.take(0)?
    };
    let unknown = input.municipalities.iter().any(|c| !known.contains(c));
    if unknown || (role == Role::Editor && input.municipalities.is_empty()) {
        invalid.push("municipalities".to_owned());
    }
    Ok(invalid)
}

pub async fn credentials(db: &Db, email: &str) -> Result<Option<Credentials>, AppError> {
    let mut response = db
        .query("SELECT record::id(id) AS id, password_hash, active FROM user WHERE email = $email")
        .bind(("email", normalize_email(email)))
        .await?;
    Ok(rows(&mut response, 0)?.into_iter().next())
}

pub async fn find(db: &Db, email: &str) -> Result<Option<Account>, AppError> {
    let mut response = db
        .query("SELECT record::id(id) AS id, email, role, municipalities, active FROM user WHERE email = $email")
        .bind(("email", normalize_email(email)))
        .await?;
    Ok(rows(&mut response, 0)?.into_iter().next())
}

pub async fn list(db: &Db) -> Result<Vec<Account>, AppError> {
    let mut response = db
        .query("SELECT record::id(id) AS id, email, role, municipalities, active FROM user ORDER BY email")
        .await?;
    rows(&mut response, 0)
}

/// Creates an account; `Err(BadRequest(field))` names the first wrong field, and an
/// address already in use is `Conflict("email")`.
pub async fn add(db: &Db, input: &UserInput, new_password: &str) -> Result<Account, AppError> {
    if let Some(field) = check(db, input).await?.into_iter().next() {
        return Err(AppError::BadRequest(field));
    }
    if !password::acceptable(new_password) {
        return Err(AppError::BadRequest("password".into()));
    }
    let email = normalize_email(&input.email);
    if find(db, &email).await?.is_some() {
        return Err(AppError::Conflict("email".into()));
    }
    let hash = password::hash(new_password.to_owned()).await?;
    let municipalities = if input.role == "admin" {
        vec![]
    } else {
        input.municipalities.clone()
    };
    crate::db::execute(
        db.query(
            "CREATE user CONTENT { email: $email, password_hash: $hash, role: $role,
                municipalities: $municipalities, active: true }",
        )
        .bind(("email", email.clone()))
        .bind(("hash", hash))
        .bind(("role", input.role.clone()))
        .bind(("municipalities", municipalities)),
    )
    .await?;
    find(db, &email)
        .await?
        .ok_or_else(|| AppError::internal("created account not found"))
}

/// Sets a new password, ends every pending reset link of the account (whoever set it:
/// the person through a link, an admin, `server user passwd`) and its sessions.
pub async fn set_password(db: &Db, email: &str, new_password: &str) -> Result<(), AppError> {
    if !password::acceptable(new_password) {
        return Err(AppError::BadRequest("password".into()));
    }
    let account = find(db, email).await?.ok_or(AppError::NotFound)?;
    let hash = password::hash(new_password.to_owned()).await?;
    crate::db::transaction(
        db,
        "BEGIN TRANSACTION;
        LET $u = type::record('user', $id);
        UPDATE $u SET password_hash = $hash;
        DELETE password_reset WHERE user = $u;
        COMMIT TRANSACTION;",
        vec![("id", account.id.clone().into()), ("hash", hash.into())],
    )
    .await?;
    super::session::close_all(db, &account.id).await
}

/// Changes role, scope and whether the account may sign in (admin pages). Deactivating
/// or narrowing an account ends its sessions.
pub async fn update(db: &Db, id: &str, input: &UserInput, active: bool) -> Result<(), AppError> {
    // The address is not changed here: check the stored one.
    let current = list(db)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(AppError::NotFound)?;
    let input = &UserInput {
        email: current.email,
        ..input.clone()
    };
    if let Some(field) = check(db, input).await?.into_iter().next() {
        return Err(AppError::BadRequest(field));
    }
    let municipalities = if input.role == "admin" {
        vec![]
    } else {
        input.municipalities.clone()
    };
    let mut response = db
        .query(
            "UPDATE type::record('user', $id) SET role = $role, municipalities = $municipalities,
                active = $active RETURN VALUE record::id(id)",
        )
        .bind(("id", id.to_owned()))
        .bind(("role", input.role.clone()))
        .bind(("municipalities", municipalities))
        .bind(("active", active))
        .await?;
    let updated: Vec<String> = response.take(0)?;
    if updated.is_empty() {
        return Err(AppError::NotFound);
    }
    super::session::close_all(db, id).await
}

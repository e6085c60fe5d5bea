//! Staff accounts: roles, sign-in and sign-out, sessions, and the checks that guard every
//! staff action on the server. Residents never need an account.

pub mod accounts;
#[cfg(feature = "ssr")]
pub mod attempts;
mod frame;
#[cfg(feature = "ssr")]
pub mod guard;
mod page;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
mod post;
pub mod reset;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod users;

/// The shortest password an account may have (the forms say so; `password` checks it).
pub const MIN_PASSWORD_CHARS: usize = 12;

pub use accounts::StaffUsersPage;
pub use frame::{ActionFields, CsrfField, FlashNotice, StaffFrame};
pub use page::SignInPage;
#[cfg(feature = "ssr")]
pub use post::StaffPost;
pub use reset::{PasswordForgotPage, PasswordResetPage};

use crate::error::AppError;
use crate::i18n::Lang;
use crate::routes::Page;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Everything, including accounts, imports and the cooperation records.
    Admin,
    /// The services of the municipalities assigned to the account.
    Editor,
}

/// "Admin", "Editor".
pub const ROLE_MESSAGES: crate::i18n::MessageSet =
    crate::i18n::MessageSet::new("staff-role-", || {
        vec![Role::Admin.code(), Role::Editor.code()]
    });

impl Role {
    pub fn message_id(self) -> String {
        ROLE_MESSAGES.id(self.code())
    }

    pub fn from_code(code: &str) -> Option<Role> {
        match code {
            "admin" => Some(Role::Admin),
            "editor" => Some(Role::Editor),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Editor => "editor",
        }
    }
}

/// A signed-in member of staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    pub id: String,
    pub email: String,
    pub role: Role,
    /// Municipality codes an editor may edit (empty for admins, who may edit all).
    pub municipalities: Vec<String>,
}

impl Staff {
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }

    pub fn may_edit(&self, municipality: &str) -> bool {
        self.is_admin() || self.municipalities.iter().any(|m| m == municipality)
    }
}

/// An account as typed in the command line or the admin form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserInput {
    pub email: String,
    pub role: String,
    pub municipalities: Vec<String>,
}

/// The outcome of the last form post, shown once by the next staff page: a message id
/// for success or failure, the fields at fault, and what was typed (to fill the form again).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Flash {
    pub notice: Option<String>,
    pub error: Option<String>,
    pub invalid: Vec<String>,
    pub values: BTreeMap<String, String>,
}

impl Flash {
    pub fn notice(id: &str) -> Self {
        Flash {
            notice: Some(id.to_owned()),
            ..Default::default()
        }
    }

    pub fn error(id: &str) -> Self {
        Flash {
            error: Some(id.to_owned()),
            ..Default::default()
        }
    }

    /// A form with wrong fields: what was typed (never the form token) is kept to show
    /// the form again, with the fields at fault.
    pub fn invalid(fields: Vec<String>, posted: BTreeMap<String, String>) -> Self {
        Flash {
            error: Some("staff-error-invalid".into()),
            invalid: fields,
            values: posted.into_iter().filter(|(k, _)| k != "csrf").collect(),
            ..Default::default()
        }
    }

    /// The typed value of a field, if this flash carries the form.
    pub fn value(&self, field: &str) -> Option<&str> {
        self.values.get(field).map(String::as_str)
    }
}

/// What a staff page knows about the request: who, the form token, and the flash.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffContext {
    pub staff: Staff,
    pub csrf: String,
    pub flash: Option<Flash>,
}

/// Where a sign-in may send the browser back to: a staff page of this site only.
pub fn safe_next(next: &str, lang: Lang) -> String {
    let home = Page::StaffHome.path(lang);
    let local = next.starts_with(&home)
        && !next.contains("//")
        && !next.contains('\\')
        && next.chars().all(|c| c.is_ascii_graphic());
    if local {
        next.to_owned()
    } else {
        home
    }
}

/// The signed-in account of this request, its form token, and the pending flash (taken:
/// it is shown once).
#[server]
pub async fn staff_view() -> Result<StaffContext, AppError> {
    let db = crate::db::use_db()?;
    let session = guard::require(&db).await?;
    if session.flash.is_some() {
        session::set_flash(&db, &session.id, None).await?;
    }
    let flash = session
        .flash
        .as_deref()
        .and_then(|f| serde_json::from_str(f).ok());
    Ok(StaffContext {
        staff: session.staff,
        csrf: session.csrf,
        flash,
    })
}

/// Signs in with e-mail and password. Answers with a redirect either way (the form
/// works without JavaScript): to `next` on success, else back to the form with one
/// message that never says whether the address has an account.
#[server]
pub async fn sign_in(
    lang: Lang,
    email: String,
    password: String,
    next: String,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let limiter = use_context::<attempts::SignInLimiter>()
        .ok_or_else(|| AppError::internal("sign-in limiter not provided"))?;
    let address = crate::kernel::request::client_key().await;
    let account = users::normalize_email(&email);
    let form = Page::StaffSignIn.path(lang);
    // Counted before the password is checked: parallel guesses cannot pass the limit.
    let attempt = match limiter
        .begin(&db, &account, address, chrono::Utc::now())
        .await?
    {
        Ok(attempt) => attempt,
        Err(wait) => {
            tracing::warn!(%address, "sign-in refused: rate limit");
            crate::components::redirect_to(&format!(
                "{form}?error=too-many&minutes={}",
                attempts::minutes(wait)
            ));
            return Ok(());
        }
    };
    let credentials = users::credentials(&db, &account).await?;
    let hash = credentials.as_ref().map(|c| c.password_hash.clone());
    let verified = match password::verify(password, hash).await {
        Ok(verified) => verified,
        Err(AppError::Busy) => {
            // Nothing was checked: the attempt stays counted, the person tries later.
            tracing::warn!(%address, "sign-in refused: password checks busy");
            crate::components::redirect_to(&format!("{form}?error=busy"));
            return Ok(());
        }
        Err(other) => return Err(other),
    };
    match credentials.filter(|c| verified && c.active) {
        Some(user) => {
            limiter.succeeded(&db, attempt).await?;
            // A session this browser still had (of any account) ends here.
            guard::close_current(&db).await?;
            session::sweep(&db).await?;
            let token = session::open(&db, &user.id).await?;
            guard::set_cookie_header(&session::set_cookie(
                &token,
                crate::kernel::settings::secure_site(),
            ));
            tracing::info!(user = %user.id, "signed in");
            crate::components::redirect_to(&safe_next(&next, lang));
        }
        None => {
            tracing::info!(%address, "sign-in failed");
            crate::components::redirect_to(&format!("{form}?error=credentials"));
        }
    }
    Ok(())
}

/// Asks for a link to set a new password (see `reset`). Answers with a redirect.
#[server]
pub async fn request_password_reset(lang: Lang, email: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let client = crate::kernel::request::client_key().await;
    let to = reset::repo::request(&db, lang, &email, client, chrono::Utc::now()).await?;
    crate::components::redirect_to(&to);
    Ok(())
}

/// Sets a new password through a reset link. Answers with a redirect.
#[server]
pub async fn reset_password(
    lang: Lang,
    token: String,
    password: String,
    confirm: String,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let to = reset::repo::reset(&db, lang, &token, &password, &confirm, chrono::Utc::now()).await?;
    crate::components::redirect_to(&to);
    Ok(())
}

/// Signs out this browser, or every browser of the account (`everywhere`).
#[server]
pub async fn sign_out(
    lang: Lang,
    csrf: String,
    everywhere: Option<String>,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let session = guard::require_form(&db, &csrf).await?;
    if everywhere.is_some() {
        session::close_all(&db, &session.staff.id).await?;
    } else {
        session::close(&db, &session.id).await?;
    }
    guard::set_cookie_header(&session::clear_cookie(
        crate::kernel::settings::secure_site(),
    ));
    crate::components::redirect_to(&format!("{}?signed-out=1", Page::StaffSignIn.path(lang)));
    Ok(())
}

/// The session of a staff form's post. A browser whose session has ended is sent to the
/// sign-in form (and back to `back` after it): then `None`. Other callers get 401, and a
/// wrong form token is 403.
#[cfg(feature = "ssr")]
pub async fn form_session(
    db: &crate::db::Db,
    csrf: &str,
    lang: Lang,
    back: &str,
) -> Result<Option<session::Session>, AppError> {
    match guard::require_form(db, csrf).await {
        Err(AppError::Unauthorized) if crate::kernel::request::is_plain_form_post().await => {
            crate::components::redirect_to(&format!(
                "{}{}",
                Page::StaffSignIn.path(lang),
                crate::kernel::query::query_string([("next", back)])
            ));
            Ok(None)
        }
        other => other.map(Some),
    }
}

/// Keeps the outcome of a form post for the next page, then sends the browser there.
#[cfg(feature = "ssr")]
pub async fn flash_and_redirect(
    db: &crate::db::Db,
    session_id: &str,
    flash: &Flash,
    to: &str,
) -> Result<(), AppError> {
    session::set_flash(db, session_id, Some(serde_json::to_string(flash)?)).await?;
    crate::components::redirect_to(to);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editors_are_scoped_admins_are_not() {
        let editor = Staff {
            id: "u1".into(),
            email: "e@x.be".into(),
            role: Role::Editor,
            municipalities: vec!["33011".into()],
        };
        assert!(editor.may_edit("33011"));
        assert!(!editor.may_edit("59350"));
        let admin = Staff {
            role: Role::Admin,
            municipalities: vec![],
            ..editor
        };
        assert!(admin.may_edit("59350"));
    }

    #[test]
    fn sign_in_only_returns_to_staff_pages() {
        assert_eq!(
            safe_next("/nl/beheer/diensten?status=draft", Lang::Nl),
            "/nl/beheer/diensten?status=draft"
        );
        for bad in [
            "https://evil.example/",
            "//evil.example",
            "/nl/beheer//evil",
            "/nl/diensten",
            "/nl/beheer\\x",
            "",
        ] {
            assert_eq!(safe_next(bad, Lang::Nl), "/nl/beheer", "{bad}");
        }
    }
}

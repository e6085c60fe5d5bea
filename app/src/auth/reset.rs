//! A new password for staff who forgot theirs (issue 23): the sign-in page leads to a
//! form that takes an address and always gives the same answer, whether or not an
//! account has it (no enumeration); an active account gets a letter with a link that
//! works once, for an hour. Setting the new password ends every session of the account
//! and every other link. Without mail, the form says to ask an administrator instead
//! (`server user passwd`).

use super::{RequestPasswordReset, ResetPassword};
use crate::components::PageMeta;
use crate::i18n::use_i18n;
use crate::routes::Page;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Meta;
use leptos_router::hooks::use_query_map;

fn request_path() -> &'static str {
    <RequestPasswordReset as ServerFn>::PATH
}

fn reset_path() -> &'static str {
    <ResetPassword as ServerFn>::PATH
}

/// How long a link works.
pub const VALID_MINUTES: i64 = 60;

#[component]
pub fn PasswordForgotPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let params = use_query_map();
    let param = move |key: &str| params.with_untracked(|p| p.get(key)).unwrap_or_default();
    let notice = match param("error").as_str() {
        "too-many" => Some(("notice notice--error", "alert", "staff-reset-too-many")),
        "email" => Some(("notice notice--error", "alert", "staff-reset-email")),
        "expired" => Some(("notice notice--error", "alert", "staff-reset-expired")),
        _ if param("sent") == "1" => Some(("notice notice--success", "status", "staff-reset-sent")),
        _ => None,
    };
    let mail = crate::mail::mail_is_on();
    view! {
        <PageMeta title=i18n.t("staff-reset-title") description=i18n.t("staff-description") />
        <Meta name="robots" content="noindex, nofollow" />
        <h1>{i18n.t("staff-reset-title")}</h1>
        {notice.map(|(class, role, id)| view! { <p class=class role=role data-testid="reset-notice">{i18n.t(id)}</p> })}
        {if mail {
            view! {
                <p class="lead">{i18n.t("staff-reset-intro")}</p>
                <form method="post" action=request_path() class="staff-form staff-form--narrow" data-testid="reset-request">
                    <input type="hidden" name="lang" value=lang.code() />
                    <div class="field">
                        <label for="reset-email">{i18n.t("staff-email-label")}</label>
                        <input id="reset-email" name="email" type="email" autocomplete="username" required maxlength="254" />
                    </div>
                    <button type="submit">{i18n.t("staff-reset-submit")}</button>
                </form>
            }.into_any()
        } else {
            view! { <p class="notice" data-testid="reset-mail-off">{i18n.t("staff-reset-mail-off")}</p> }.into_any()
        }}
        <p><a href=Page::StaffSignIn.path(lang)>{i18n.t("staff-sign-in-title")}</a></p>
    }
}

#[component]
pub fn PasswordResetPage(token: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let error = use_query_map()
        .with_untracked(|p| p.get("error"))
        .unwrap_or_default();
    let message = match error.as_str() {
        "password" => Some("staff-reset-password-rule"),
        "mismatch" => Some("staff-reset-mismatch"),
        "busy" => Some("staff-sign-in-busy"),
        _ => None,
    };
    view! {
        <PageMeta title=i18n.t("staff-reset-new-title") description=i18n.t("staff-description") />
        <Meta name="robots" content="noindex, nofollow" />
        <Meta name="referrer" content="no-referrer" />
        <h1>{i18n.t("staff-reset-new-title")}</h1>
        {message.map(|id| view! { <p class="notice notice--error" role="alert" id="reset-error" data-testid="reset-notice">{i18n.t(id)}</p> })}
        <form method="post" action=reset_path() class="staff-form staff-form--narrow" data-testid="reset-form">
            <input type="hidden" name="lang" value=lang.code() />
            <input type="hidden" name="token" value=token />
            <div class="field">
                <label for="reset-password">{i18n.t("staff-reset-new-label")}</label>
                <input id="reset-password" name="password" type="password" autocomplete="new-password" required
                    minlength=super::MIN_PASSWORD_CHARS.to_string() maxlength="128" aria-describedby="reset-password-help" />
                <p id="reset-password-help" class="help">{i18n.t("staff-reset-password-rule")}</p>
            </div>
            <div class="field">
                <label for="reset-confirm">{i18n.t("staff-reset-confirm-label")}</label>
                <input id="reset-confirm" name="confirm" type="password" autocomplete="new-password" required maxlength="128" />
            </div>
            <button type="submit">{i18n.t("staff-reset-save")}</button>
        </form>
    }
}

/// The server side (server only).
#[cfg(feature = "ssr")]
pub mod repo {
    use super::VALID_MINUTES;
    use crate::auth::{password, session, users};
    use crate::db::rate_limit::{self, Limit, Subject};
    use crate::db::Db;
    use crate::error::AppError;
    use crate::i18n::Lang;
    use crate::mail::{Letter, LetterKind};
    use crate::routes::Page;
    use chrono::{DateTime, Utc};
    use std::net::IpAddr;
    use std::time::Duration;

    const PER_ADDRESS: Limit = Limit {
        name: "password-reset-address",
        max: 5,
        window: Duration::from_secs(15 * 60),
    };
    const PER_ACCOUNT: Limit = Limit {
        name: "password-reset-account",
        max: 3,
        window: Duration::from_secs(3600),
    };

    /// Handles the request form; returns where to send the browser. The answer is the
    /// same for an address without an account, an inactive one and an active one.
    pub async fn request(
        db: &Db,
        lang: Lang,
        email: &str,
        client: IpAddr,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let form = Page::StaffPasswordForgot.path(lang);
        let account = users::normalize_email(email);
        if !crate::kernel::validate::valid_email(&account) {
            return Ok(format!("{form}?error=email"));
        }
        let keys = [
            (PER_ADDRESS, Subject::Client(client)),
            (PER_ACCOUNT, Subject::Address(&account)),
        ];
        if rate_limit::take(db, &keys, now).await?.is_err() {
            return Ok(format!("{form}?error=too-many"));
        }
        // Whether the account exists decides what happens next, so it happens after the
        // answer, in a task of its own: the answer's work and time are the same for an
        // address with an account and one without (a timing difference would tell).
        let settings = crate::kernel::settings::settings();
        let db = db.clone();
        tokio::spawn(async move {
            if let Err(error) = send_link(&db, &settings, lang, account, now).await {
                tracing::warn!(?error, "a password reset link could not be made");
            }
        });
        Ok(format!("{form}?sent=1"))
    }

    /// Makes a reset link for an active account with this address and queues its letter;
    /// nothing for any other address.
    pub async fn send_link(
        db: &Db,
        settings: &crate::kernel::settings::ShellSettings,
        lang: Lang,
        account: String,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let credentials = users::credentials(db, &account).await?;
        let Some(user) = credentials.filter(|c| c.active) else {
            return Ok(());
        };
        let token = session::new_token();
        let link = format!(
            "{}{}",
            settings.public_url,
            Page::StaffPasswordReset(token.clone()).path(lang)
        );
        let letter = Letter {
            to: account,
            lang,
            kind: LetterKind::PasswordReset,
            args: vec![("minutes", VALID_MINUTES.to_string())],
            link: Some(link),
        };
        // The link and its letter in one transaction: never one without the other.
        let queued = crate::mail::outbox::Queued::of(settings, &[letter]);
        crate::db::transaction(
            db,
            &format!(
                "BEGIN TRANSACTION;
                CREATE type::record('password_reset', $id) CONTENT {{
                    user: type::record('user', $user),
                    expires_at: <datetime> $now + <duration> $valid,
                }};
                {}
                COMMIT TRANSACTION;",
                crate::mail::outbox::Queued::STATEMENT
            ),
            vec![
                ("id", session::token_id(&token).into()),
                ("user", user.id.clone().into()),
                ("now", now.to_rfc3339().into()),
                ("valid", format!("{VALID_MINUTES}m").into()),
                ("letters", queued.bound()?),
            ],
        )
        .await?;
        queued.counted();
        tracing::info!(user = %user.id, "password reset link sent");
        Ok(())
    }

    /// Handles the new-password form; returns where to send the browser.
    pub async fn reset(
        db: &Db,
        lang: Lang,
        token: &str,
        new_password: &str,
        confirm: &str,
        now: DateTime<Utc>,
    ) -> Result<String, AppError> {
        let page = Page::StaffPasswordReset(token.to_owned()).path(lang);
        let expired = format!("{}?error=expired", Page::StaffPasswordForgot.path(lang));
        if !crate::kernel::validate::is_token(token) {
            return Ok(expired);
        }
        if !password::acceptable(new_password) {
            return Ok(format!("{page}?error=password"));
        }
        if new_password != confirm {
            return Ok(format!("{page}?error=mismatch"));
        }
        // Used once: the update that marks it used is the check.
        let mut response = db
            .query(
                "UPDATE type::record('password_reset', $id) SET used_at = <datetime> $now
                 WHERE used_at = NONE AND expires_at > <datetime> $now
                 RETURN VALUE record::id(user)",
            )
            .bind(("id", session::token_id(token)))
            .bind(("now", now.to_rfc3339()))
            .await?;
        let user: Vec<String> = response.take(0)?;
        let Some(user) = user.into_iter().next() else {
            return Ok(expired);
        };
        let mut response = db
            .query(
                "RETURN (SELECT VALUE email FROM type::record('user', $id) WHERE active = true)[0]",
            )
            .bind(("id", user.clone()))
            .await?;
        let Some(email) = response.take::<Option<String>>(0)? else {
            return Ok(expired);
        };
        match users::set_password(db, &email, new_password).await {
            Ok(()) => {}
            Err(AppError::Busy) => return Ok(format!("{page}?error=busy")),
            Err(other) => return Err(other),
        }
        crate::db::execute(
            db.query("DELETE password_reset WHERE user = type::record('user', $id)")
                .bind(("id", user.clone())),
        )
        .await?;
        tracing::info!(%user, "password set through a reset link");
        Ok(format!("{}?reset=1", Page::StaffSignIn.path(lang)))
    }

    /// Forgets links past their hour.
    pub async fn sweep(db: &Db, now: DateTime<Utc>) -> Result<(), AppError> {
        crate::db::execute(
            db.query("DELETE password_reset WHERE expires_at < <datetime> $now")
                .bind(("now", now.to_rfc3339())),
        )
        .await
    }
}

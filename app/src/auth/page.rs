//! The sign-in form. It works without JavaScript: the server answers every post with a
//! redirect, back here with a message when signing in failed.

use super::{safe_next, SignIn};
use crate::components::PageMeta;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Meta;
use leptos_router::hooks::use_query_map;

fn sign_in_path() -> &'static str {
    <SignIn as ServerFn>::PATH
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let params = use_query_map();
    let param = move |key: &str| params.with_untracked(|p| p.get(key)).unwrap_or_default();
    let next = safe_next(&param("next"), lang);
    let minutes: u64 = param("minutes").parse().unwrap_or(15).clamp(1, 60);
    let message = match param("error").as_str() {
        "credentials" => Some(i18n.t("staff-sign-in-failed")),
        "too-many" => Some(i18n.t_args("staff-sign-in-too-many", [("minutes", minutes.into())])),
        "busy" => Some(i18n.t("staff-sign-in-busy")),
        _ => None,
    };
    let signed_out = param("signed-out") == "1";
    let reset = param("reset") == "1";
    view! {
        <PageMeta title=i18n.t("staff-sign-in-title") description=i18n.t("staff-description") />
        <Meta name="robots" content="noindex, nofollow" />
        <h1>{i18n.t("staff-sign-in-title")}</h1>
        <p class="lead">{i18n.t("staff-sign-in-intro")}</p>
        {signed_out.then(|| view! {
            <p class="notice notice--success" role="status" data-testid="signed-out">{i18n.t("staff-signed-out")}</p>
        })}
        {reset.then(|| view! {
            <p class="notice notice--success" role="status" data-testid="password-reset-done">{i18n.t("staff-reset-done")}</p>
        })}
        {message.map(|m| view! {
            <p class="notice notice--error" role="alert" id="sign-in-error" data-testid="sign-in-error">{m}</p>
        })}
        <form method="post" action=sign_in_path() class="staff-form staff-form--narrow">
            <input type="hidden" name="lang" value=lang.code() />
            <input type="hidden" name="next" value=next />
            <div class="field">
                <label for="sign-in-email">{i18n.t("staff-email-label")}</label>
                <input id="sign-in-email" name="email" type="email" autocomplete="username" required maxlength="254" />
            </div>
            <div class="field">
                <label for="sign-in-password">{i18n.t("staff-password-label")}</label>
                <input id="sign-in-password" name="password" type="password" autocomplete="current-password" required maxlength="128" />
            </div>
            <button type="submit">{i18n.t("staff-sign-in-submit")}</button>
        </form>
        <p><a href=crate::routes::Page::StaffPasswordForgot.path(lang) data-testid="forgot-password">{i18n.t("staff-reset-link")}</a></p>
    }
}

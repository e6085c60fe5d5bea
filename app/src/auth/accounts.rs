//! Account management for admins: create accounts, change role, scope and whether they
//! may sign in, set a new password. Every change ends the account's sessions, so a
//! narrowed or deactivated account loses its access at once.

#[cfg(feature = "ssr")]
use super::{guard, users, UserInput};
use super::{Role, StaffFrame};
use crate::components::Loaded;
use crate::error::AppError;
use crate::i18n::{use_i18n, MessageSet};
#[cfg(feature = "ssr")]
use crate::routes::Page;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The fields of an account that a post can get wrong.
pub const ACCOUNT_FIELDS: [&str; 5] = ["email", "role", "municipalities", "password", "action"];
/// What is wrong with an account's field, or that its address is taken.
pub const ACCOUNT_ERRORS: MessageSet = MessageSet::new("staff-account-error-", || {
    let mut all = ACCOUNT_FIELDS.to_vec();
    all.push("taken");
    all
});

/// An account as the admin page lists it (never its password hash).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: String,
    pub email: String,
    pub role: String,
    pub municipalities: Vec<String>,
    pub active: bool,
}

/// Municipality codes as typed: separated by commas or spaces.
pub fn codes(text: &str) -> Vec<String> {
    let mut codes: Vec<String> = text
        .split([',', ' ', ';', '\n'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

#[server]
pub async fn load_accounts() -> Result<Vec<AccountRow>, AppError> {
    let db = crate::db::use_db()?;
    let session = guard::require(&db).await?;
    guard::admin(&session)?;
    Ok(users::list(&db)
        .await?
        .into_iter()
        .map(|a| AccountRow {
            id: a.id,
            email: a.email,
            role: a.role,
            municipalities: a.municipalities,
            active: a.active,
        })
        .collect())
}

/// Creates or changes an account (`f`: `lang`, `csrf`, `action` = create | update |
/// password, `id`, `email`, `role`, `municipalities`, `active`, `password`).
#[server]
pub async fn save_account(f: BTreeMap<String, String>) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let Some(post) = super::StaffPost::open(&db, f, |_, lang| Page::StaffUsers.path(lang)).await?
    else {
        return Ok(());
    };
    let (f, session) = (&post.fields, &post.session);
    let value = |k: &str| f.text(k).to_owned();
    guard::admin(session)?;
    let input = UserInput {
        email: value("email"),
        role: value("role"),
        municipalities: codes(&value("municipalities")),
    };
    let id = value("id");
    let outcome = match value("action").as_str() {
        "create" => users::add(
            &db,
            &input,
            &f.fields().get("password").cloned().unwrap_or_default(),
        )
        .await
        .map(|_| "staff-account-created"),
        "update" => {
            let active = !value("active").is_empty();
            // An admin cannot lock themselves out.
            if id == session.staff.id && (!active || input.role != "admin") {
                Err(AppError::BadRequest("role".into()))
            } else {
                users::update(&db, &id, &input, active)
                    .await
                    .map(|_| "staff-account-updated")
            }
        }
        "password" => {
            let account = users::list(&db).await?.into_iter().find(|a| a.id == id);
            match account {
                Some(account) => users::set_password(
                    &db,
                    &account.email,
                    &f.fields().get("password").cloned().unwrap_or_default(),
                )
                .await
                .map(|_| "staff-account-password-set"),
                None => Err(AppError::NotFound),
            }
        }
        _ => Err(AppError::BadRequest("action".into())),
    };
    match outcome {
        Ok(notice) => post.notice(&db, notice, &post.back).await,
        Err(AppError::BadRequest(field)) => {
            let known = ACCOUNT_FIELDS.contains(&field.as_str());
            post.refuse(
                &db,
                &ACCOUNT_ERRORS.id(if known { &field } else { "action" }),
            )
            .await
        }
        Err(AppError::Conflict(_)) => post.refuse(&db, &ACCOUNT_ERRORS.id("taken")).await,
        Err(other) => Err(other),
    }
}

fn save_path() -> &'static str {
    <SaveAccount as ServerFn>::PATH
}

#[component]
pub fn StaffUsersPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <StaffFrame title=i18n.t("staff-users-title") render=move |ctx| {
            let accounts = Resource::new(|| (), |_| load_accounts());
            let csrf = ctx.csrf.clone();
            view! {
                <h1>{i18n.t("staff-users-title")}</h1>
                <Loaded resource=accounts view=move |accounts| view! {
                    <AccountForm csrf=csrf.clone() />
                    <ul class="account-list">
                        {accounts.into_iter().map(|a| view! { <AccountRowView account=a csrf=csrf.clone() /> }).collect_view()}
                    </ul>
                } />
            }
        } />
    }
}

#[component]
fn RoleSelect(id: String, selected: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select id=id name="f[role]">
            {[Role::Editor, Role::Admin].into_iter().map(|r| view! {
                <option value=r.code() selected=selected == r.code()>{i18n.t(&r.message_id())}</option>
            }).collect_view()}
        </select>
    }
}

#[component]
fn AccountForm(csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="post" action=save_path() class="staff-form" data-testid="account-new">
            <h2>{i18n.t("staff-account-new")}</h2>
            <input type="hidden" name="f[lang]" value=i18n.lang.code() />
            <input type="hidden" name="f[csrf]" value=csrf />
            <input type="hidden" name="f[action]" value="create" />
            <div class="field">
                <label for="account-email">{i18n.t("staff-email-label")}</label>
                <input id="account-email" name="f[email]" type="email" autocomplete="off" maxlength="254" required />
            </div>
            <div class="field">
                <label for="account-role">{i18n.t("staff-role-label")}</label>
                <RoleSelect id="account-role".into() selected="editor".into() />
            </div>
            <div class="field">
                <label for="account-municipalities">{i18n.t("staff-account-municipalities")}</label>
                <input id="account-municipalities" name="f[municipalities]" type="text" aria-describedby="account-municipalities-help" />
                <p class="help" id="account-municipalities-help">{i18n.t("staff-account-municipalities-help")}</p>
            </div>
            <div class="field">
                <label for="account-password">{i18n.t("staff-account-password")}</label>
                <input id="account-password" name="f[password]" type="password" autocomplete="new-password" minlength="12" maxlength="128" required aria-describedby="account-password-help" />
                <p class="help" id="account-password-help">{i18n.t("staff-account-password-help")}</p>
            </div>
            <button type="submit">{i18n.t("staff-account-create")}</button>
        </form>
    }
}

#[component]
fn AccountRowView(account: AccountRow, csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let id = account.id.clone();
    let hidden = {
        let (id, csrf, email) = (id.clone(), csrf.clone(), account.email.clone());
        move |action: &'static str| {
            view! {
                <input type="hidden" name="f[lang]" value=i18n.lang.code() />
                <input type="hidden" name="f[csrf]" value=csrf.clone() />
                <input type="hidden" name="f[id]" value=id.clone() />
                <input type="hidden" name="f[email]" value=email.clone() />
                <input type="hidden" name="f[action]" value=action />
            }
        }
    };
    view! {
        <li class="account" data-testid="account">
            <h2>{account.email.clone()} {(!account.active).then(|| view! { " " <span class="tag">{i18n.t("staff-account-inactive")}</span> })}</h2>
            <form method="post" action=save_path() class="staff-form staff-form--inline">
                {hidden("update")}
                <label for=format!("role-{id}")>{i18n.t("staff-role-label")}</label>
                <RoleSelect id=format!("role-{id}") selected=account.role.clone() />
                <label for=format!("codes-{id}")>{i18n.t("staff-account-municipalities")}</label>
                <input id=format!("codes-{id}") name="f[municipalities]" type="text" value=account.municipalities.join(", ") />
                <label class="check"><input type="checkbox" name="f[active]" checked=account.active />{i18n.t("staff-account-active")}</label>
                <button type="submit">{i18n.t("staff-action-save")}</button>
            </form>
            <form method="post" action=save_path() class="staff-form staff-form--inline">
                {hidden("password")}
                <label for=format!("password-{id}")>{i18n.t("staff-account-new-password")}</label>
                <input id=format!("password-{id}") name="f[password]" type="password" autocomplete="new-password" minlength="12" maxlength="128" required />
                <button type="submit">{i18n.t("staff-account-set-password")}</button>
            </form>
        </li>
    }
}

//! The frame of every staff page: it lets only signed-in staff through (anyone else is
//! sent to the sign-in form and back), shows the staff navigation and the outcome of the
//! last form post, and keeps the pages out of search engines.

use super::{staff_view, Flash, SignOut, StaffContext};
use crate::components::{Loaded, Otherwise, PageMeta};
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::kernel::kinds::CoopKind;
use crate::routes::Page;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Meta;

/// The hidden anti-forgery field of every staff form.
#[component]
pub fn CsrfField(#[prop(into)] csrf: String) -> impl IntoView {
    view! { <input type="hidden" name="csrf" value=csrf /> }
}

/// The hidden fields of a staff action form: the page's language, the form token, the
/// records the action is about (`f[key]` = id, in order), and the action.
#[component]
pub fn ActionFields(
    #[prop(into)] csrf: String,
    records: Vec<(&'static str, String)>,
    action: &'static str,
) -> impl IntoView {
    let lang = use_i18n().lang;
    let records = records
        .into_iter()
        .map(|(key, id)| view! { <input type="hidden" name=format!("f[{key}]") value=id /> })
        .collect_view();
    view! {
        <input type="hidden" name="f[lang]" value=lang.code() />
        <input type="hidden" name="f[csrf]" value=csrf />
        {records}
        <input type="hidden" name="f[action]" value=action />
    }
}

/// The outcome of the last form post: success is announced politely, failure at once.
#[component]
pub fn FlashNotice(flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let flash = flash.unwrap_or_default();
    // Only our own message ids are looked up (the flash is ours, but stay strict).
    let ours = |id: &String| id.starts_with("staff-");
    view! {
        {flash.notice.filter(ours).map(|id| view! {
            <p class="notice notice--success" role="status" data-testid="staff-notice">{i18n.t(&id)}</p>
        })}
        {flash.error.filter(ours).map(|id| view! {
            <p class="notice notice--error" role="alert" data-testid="staff-error">{i18n.t(&id)}</p>
        })}
    }
}

#[component]
fn StaffNav(view: StaffContext) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let admin = view.staff.is_admin();
    view! {
        <nav class="staff-nav" aria-label=i18n.t("staff-nav-label")>
            <ul>
                <li><a href=Page::StaffHome.path(lang)>{i18n.t("staff-nav-home")}</a></li>
                <li><a href=Page::StaffServices.path(lang)>{i18n.t("staff-nav-services")}</a></li>
                <li><a href=Page::StaffReports.path(lang)>{i18n.t("staff-nav-reports")}</a></li>
                <li><a href=Page::StaffCoopList(CoopKind::Contact).path(lang)>{i18n.t("staff-coop-nav-contact")}</a></li>
                <li><a href=Page::StaffCoopList(CoopKind::Practice).path(lang)>{i18n.t("staff-coop-nav-practice")}</a></li>
                {admin.then(|| view! {
                    <li><a href=Page::StaffCoopList(CoopKind::Project).path(lang)>{i18n.t("staff-coop-nav-project")}</a></li>
                    <li><a href=Page::StaffCoopList(CoopKind::Event).path(lang)>{i18n.t("staff-coop-nav-event")}</a></li>
                    <li><a href=Page::StaffCoopList(CoopKind::Cluster).path(lang)>{i18n.t("staff-coop-nav-cluster")}</a></li>
                    <li><a href=Page::StaffCalls.path(lang)>{i18n.t("staff-calls-title")}</a></li>
                    <li><a href=Page::StaffData.path(lang)>{i18n.t("staff-nav-data")}</a></li>
                    <li><a href=Page::StaffUsers.path(lang)>{i18n.t("staff-nav-users")}</a></li>
                })}
            </ul>
            <form method="post" action=sign_out_path() class="staff-nav__account">
                <span data-testid="staff-account">{view.staff.email.clone()}</span>
                <input type="hidden" name="lang" value=lang.code() />
                <CsrfField csrf=view.csrf.clone() />
                <button type="submit">{i18n.t("staff-sign-out")}</button>
                <button type="submit" name="everywhere" value="1">{i18n.t("staff-sign-out-everywhere")}</button>
            </form>
        </nav>
    }
}

fn sign_out_path() -> &'static str {
    <SignOut as ServerFn>::PATH
}

/// A staff page: `render` gets the signed-in account, its form token and the flash.
#[component]
pub fn StaffFrame<F, V>(#[prop(into)] title: String, render: F) -> impl IntoView
where
    F: Fn(StaffContext) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let lang = i18n.lang;
    // The page asked for, to come back to after signing in.
    #[cfg(feature = "ssr")]
    let here = use_context::<http::request::Parts>()
        .and_then(|parts| parts.uri.path_and_query().map(|p| p.as_str().to_owned()))
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let here = String::new();
    // Reference-counted (see `components::Loaded`).
    let session = ArcResource::new(|| (), |_| staff_view());
    // A session that ended: to the sign-in form, and back here after it.
    let signed_out = Otherwise::new(move |error| {
        (*error == AppError::Unauthorized).then(|| {
            let to = format!(
                "{}{}",
                Page::StaffSignIn.path(lang),
                crate::kernel::query::query_string([("next", here.as_str())])
            );
            #[cfg(feature = "ssr")]
            crate::components::redirect_to(&to);
            view! { <p><a href=to>{i18n.t("staff-sign-in-title")}</a></p> }.into_any()
        })
    });
    view! {
        <PageMeta title=title.clone() description=i18n.t("staff-description") />
        <Meta name="robots" content="noindex, nofollow" />
        <Loaded resource=session otherwise=signed_out view=move |view| view! {
            <StaffNav view=view.clone() />
            <FlashNotice flash=view.flash.clone() />
            {render(view)}
        } />
    }
}

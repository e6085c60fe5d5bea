use crate::components::{set_status, Chrome, PageMeta};
use crate::i18n::{use_i18n, I18n, Lang};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Any unknown path: status 404, in the language of the path's prefix (Dutch otherwise).
#[component]
pub fn NotFound() -> impl IntoView {
    let lang = Lang::from_path(&use_location().pathname.get_untracked()).unwrap_or(Lang::Nl);
    provide_context(I18n { lang });
    view! {
        <Chrome>
            <NotFoundContent />
        </Chrome>
    }
}

/// The 404 body, also used by pages whose record does not exist.
#[component]
pub fn NotFoundContent() -> impl IntoView {
    set_status(http::StatusCode::NOT_FOUND);
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <PageMeta title=i18n.t("not-found-title") description=i18n.t("not-found-text") />
        <section data-testid="not-found">
            <h1>{i18n.t("not-found-title")}</h1>
            <p>{i18n.t("not-found-text")}</p>
            <ul>
                <li><a href=Page::Home.path(lang)>{i18n.t("nav-home")}</a></li>
                <li><a href=Page::Municipalities.path(lang)>{i18n.t("nav-municipalities")}</a></li>
            </ul>
        </section>
    }
}

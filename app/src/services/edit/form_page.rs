//! The pages that create and edit a service (the form itself is `form_view`).

use super::form_view::ServiceForm;
use super::load_staff_service;
use crate::auth::StaffFrame;
use crate::components::{set_status, ErrorNotice};
use crate::i18n::use_i18n;
use crate::routes::Page;
use crate::services::display_name;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn StaffServiceNewPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <StaffFrame title=i18n.t("staff-service-new") render=move |ctx| {
            let page = Resource::new(|| (), |_| load_staff_service(None));
            view! {
                <h1>{i18n.t("staff-service-new")}</h1>
                <Suspense fallback=|| ()>
                    {move || {
                        let ctx = ctx.clone();
                        Suspend::new(async move {
                            match page.await {
                                Ok(page) => view! { <ServiceForm page ctx /> }.into_any(),
                                Err(error) => {
                                    set_status(error.status());
                                    view! { <ErrorNotice error /> }.into_any()
                                }
                            }
                        })
                    }}
                </Suspense>
            }
        } />
    }
}

#[component]
pub fn StaffServiceEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let id = use_params_map()
        .with_untracked(|p| p.get("id"))
        .unwrap_or_default();
    view! {
        <StaffFrame title=i18n.t("staff-service-edit") render=move |ctx| {
            let id = id.clone();
            let page = Resource::new(move || id.clone(), |id| load_staff_service(Some(id)));
            view! {
                <Suspense fallback=|| ()>
                    {move || {
                        let ctx = ctx.clone();
                        Suspend::new(async move {
                            match page.await {
                                Ok(page) => {
                                    let service = page.service.clone().unwrap_or_default();
                                    let (name_lang, name) = display_name(&service.name, lang);
                                    let public = (service.status == "published").then(|| Page::Service(service.id.clone()).path(lang));
                                    view! {
                                        <h1><span lang=(name_lang != lang).then(|| name_lang.code())>{name}</span></h1>
                                        <p class="staff-meta">
                                            <span class=format!("status status--{}", service.status) data-testid="service-status">
                                                {i18n.t(&format!("staff-status-{}", service.status))}
                                            </span>
                                            " · "
                                            <a href=Page::StaffServiceHistory(service.id.clone()).path(lang) data-testid="history-link">{i18n.t("staff-history-link")}</a>
                                            {public.map(|href| view! { " · " <a href=href>{i18n.t("staff-public-link")}</a> })}
                                        </p>
                                        <ServiceForm page ctx />
                                    }.into_any()
                                }
                                Err(error) => {
                                    set_status(error.status());
                                    view! { <ErrorNotice error /> }.into_any()
                                }
                            }
                        })
                    }}
                </Suspense>
            }
        } />
    }
}

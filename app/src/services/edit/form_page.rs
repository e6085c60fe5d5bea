//! The pages that create and edit a service (the form itself is `form_view`).

use super::form_view::ServiceForm;
use super::load_staff_service;
use crate::auth::StaffFrame;
use crate::components::Loaded;
use crate::i18n::use_i18n;
use crate::routes::Page;
use crate::services::display_name;
use crate::workflow::RecordMeta;
use leptos::prelude::*;

#[component]
pub fn StaffServiceNewPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <StaffFrame title=i18n.t("staff-service-new") render=move |ctx| {
            let page = Resource::new(|| (), |_| load_staff_service(None));
            view! {
                <h1>{i18n.t("staff-service-new")}</h1>
                <Loaded resource=page view=move |page| view! { <ServiceForm page ctx=ctx.clone() /> } />
            }
        } />
    }
}

#[component]
pub fn StaffServiceEditPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <StaffFrame title=i18n.t("staff-service-edit") render=move |ctx| {
            let id = id.clone();
            let page = Resource::new(move || id.clone(), |id| load_staff_service(Some(id)));
            view! {
                <Loaded resource=page view=move |page| {
                    let service = page.service.clone().unwrap_or_default();
                    let (name_lang, name) = display_name(&service.name, lang);
                    view! {
                        <h1><span lang=(name_lang != lang).then(|| name_lang.code())>{name}</span></h1>
                        <RecordMeta publication=service.status status_testid="service-status"
                            history=Page::StaffServiceHistory(service.id.clone()).path(lang)
                            public=Page::Service(service.id.clone()).path(lang) />
                        <ServiceForm page ctx=ctx.clone() />
                    }
                } />
            }
        } />
    }
}

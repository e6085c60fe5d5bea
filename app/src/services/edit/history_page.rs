//! Who changed what in a service, and when: its audit entries, newest first, each with
//! the fields before and after.

use super::service_history;
use crate::auth::StaffFrame;
use crate::components::Loaded;
use crate::i18n::use_i18n;
use crate::routes::Page;
use crate::services::display_name;
use crate::workflow::HistoryEntries;
use leptos::prelude::*;

#[component]
pub fn StaffServiceHistoryPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <StaffFrame title=i18n.t("staff-history-title") render=move |_| {
            let id = id.clone();
            let history = Resource::new(move || id.clone(), service_history);
            view! {
                <Loaded resource=history view=move |(service, entries)| {
                    let (name_lang, name) = display_name(&service.name, lang);
                    view! {
                        <h1>{i18n.t("staff-history-title")} ": " <span lang=(name_lang != lang).then(|| name_lang.code())>{name}</span></h1>
                        <p><a href=Page::StaffService(service.id.clone()).path(lang)>{i18n.t("staff-back-to-form")}</a></p>
                        <HistoryEntries entries />
                    }
                } />
            }
        } />
    }
}

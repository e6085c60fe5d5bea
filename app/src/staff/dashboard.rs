//! The staff home: what needs attention, within the account's scope.

use crate::auth::StaffFrame;
use crate::i18n::use_i18n;
use crate::routes::Page;
use leptos::prelude::*;

#[component]
pub fn StaffHomePage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <StaffFrame title=i18n.t("staff-home-title") render=move |view| {
            let scope = if view.staff.is_admin() {
                i18n.t("staff-scope-all")
            } else {
                i18n.t_args("staff-scope-municipalities", [("codes", view.staff.municipalities.join(", ").into())])
            };
            view! {
                <h1>{i18n.t("staff-home-title")}</h1>
                <p class="lead" data-testid="staff-scope">{scope}</p>
                <ul class="staff-links">
                    <li><a href=Page::StaffServices.path(lang)>{i18n.t("staff-nav-services")}</a></li>
                    <li><a href=Page::StaffServiceNew.path(lang)>{i18n.t("staff-service-new")}</a></li>
                    <li><a href=Page::StaffReports.path(lang)>{i18n.t("staff-nav-reports")}</a></li>
                </ul>
            }
        } />
    }
}

//! The staff list of services: filters in a GET form (the URL carries them), status,
//! verification and translation at a glance.

use super::{staff_services, StaffList, StaffQuery};
use crate::auth::StaffFrame;
use crate::components::Loaded;
use crate::i18n::use_i18n;
use crate::routes::Page;
use crate::services::display_name;
use crate::workflow::Publication;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StaffServicesPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = params.with_untracked(StaffQuery::from_params);
    view! {
        <StaffFrame title=i18n.t("staff-services-title") render=move |_| {
            let query = query.clone();
            let list = Resource::new({ let query = query.clone(); move || query.clone() }, staff_services);
            view! {
                <h1>{i18n.t("staff-services-title")}</h1>
                <p><a class="button" href=Page::StaffServiceNew.path(i18n.lang) data-testid="new-service">{i18n.t("staff-service-new")}</a></p>
                <Loaded resource=list view=move |list| view! {
                    <Filters list=list.clone() query=query.clone() /> <Rows list />
                } />
            }
        } />
    }
}

#[component]
fn Filters(list: StaffList, query: StaffQuery) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let selected = |current: &str, value: &str| current == value;
    view! {
        <form method="get" class="filters staff-filters" role="search" aria-label=i18n.t("staff-filters-label")>
            <div class="field">
                <label for="staff-q">{i18n.t("staff-filter-q")}</label>
                <input id="staff-q" name="q" type="search" value=query.q.clone() maxlength="100" />
            </div>
            <div class="field">
                <label for="staff-status">{i18n.t("staff-status-label")}</label>
                <select id="staff-status" name="status">
                    <option value="">{i18n.t("staff-filter-any")}</option>
                    {Publication::ALL.into_iter().map(|s| view! {
                        <option value=s.code() selected=selected(&query.status, s.code())>{i18n.t(&s.message_id())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="staff-municipality">{i18n.t("staff-municipality-label")}</label>
                <select id="staff-municipality" name="municipality">
                    <option value="">{i18n.t("staff-filter-any")}</option>
                    {list.options.municipalities.iter().map(|m| view! {
                        <option value=m.code.clone() selected=selected(&query.municipality, &m.code)>{m.name.get(lang).to_owned()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="staff-category">{i18n.t("staff-category-label")}</label>
                <select id="staff-category" name="category">
                    <option value="">{i18n.t("staff-filter-any")}</option>
                    {list.options.categories.iter().map(|(code, label)| view! {
                        <option value=code.clone() selected=selected(&query.category, code)>{label.get(lang).to_owned()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="staff-overdue">{i18n.t("staff-filter-overdue")}</label>
                <select id="staff-overdue" name="overdue">
                    <option value="">{i18n.t("staff-filter-any")}</option>
                    {[3u32, 6, 12, 24].into_iter().map(|m| view! {
                        <option value=m.to_string() selected=selected(&query.overdue, &m.to_string())>
                            {i18n.t_args("staff-filter-overdue-months", [("months", m.into())])}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <label class="check">
                <input type="checkbox" name="untranslated" value="1" checked=query.untranslated == "1" />
                {i18n.t("staff-filter-untranslated")}
            </label>
            <button type="submit">{i18n.t("staff-filter-submit")}</button>
        </form>
    }
}

#[component]
fn Rows(list: StaffList) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <p role="status" class="result-count" data-testid="staff-count">
            {i18n.t_args("staff-services-count", [("count", list.total.into())])}
        </p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t("staff-services-title")>
        <table class="staff-table">
            <thead>
                <tr>
                    <th scope="col">{i18n.t("staff-field-name")}</th>
                    <th scope="col">{i18n.t("staff-municipality-label")}</th>
                    <th scope="col">{i18n.t("staff-category-label")}</th>
                    <th scope="col">{i18n.t("staff-status-label")}</th>
                    <th scope="col">{i18n.t("staff-verified-label")}</th>
                </tr>
            </thead>
            <tbody>
                {list.rows.into_iter().map(|row| {
                    let (name_lang, name) = display_name(&row.name, lang);
                    let verified = row.assured_date.as_deref().map(|d| d.get(..10).unwrap_or(d).to_owned());
                    view! {
                        <tr data-testid="staff-row">
                            <td>
                                <a href=Page::StaffService(row.id.clone()).path(lang) lang=(name_lang != lang).then(|| name_lang.code())>{name}</a>
                                {row.missing_translation.then(|| view! { " " <span class="tag tag--warning">{i18n.t("staff-missing-translation")}</span> })}
                                {row.is_sample.then(|| view! { " " <span class="tag">{i18n.t("sample-data")}</span> })}
                            </td>
                            <td>{row.municipality_name.get(lang).to_owned()}</td>
                            <td>{row.category.clone()}</td>
                            <td><span class=format!("status status--{}", row.status.code())>{i18n.t(&row.status.message_id())}</span></td>
                            <td>
                                {verified.unwrap_or_else(|| i18n.t("staff-never-verified"))}
                                {row.overdue.then(|| view! { " " <span class="tag tag--warning">{i18n.t("staff-overdue")}</span> })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
        <Pager page=list.page pages=list.pages />
    }
}

#[component]
fn Pager(page: usize, pages: usize) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let link = move |to: usize| {
        let query = StaffQuery {
            page: to.to_string(),
            ..params.with_untracked(StaffQuery::from_params)
        };
        format!(
            "{}{}",
            Page::StaffServices.path(i18n.lang),
            query.to_query_string()
        )
    };
    (pages > 1).then(|| view! {
        <nav class="pager" aria-label=i18n.t("page-navigation")>
            {(page > 1).then(|| view! { <a rel="prev" href=link(page - 1)>{i18n.t("page-previous")}</a> })}
            <span>{i18n.t_args("page-of", [("page", page.into()), ("pages", pages.into())])}</span>
            {(page < pages).then(|| view! { <a rel="next" href=link(page + 1)>{i18n.t("page-next")}</a> })}
        </nav>
    })
}

//! The staff pages of projects, events and clusters: list, new, edit and history. Which
//! table a page is about comes from its path (`Page::StaffCoop*`).

use super::form_view::CoopForm;
use super::{coop_history, coop_list, load_coop, CoopFilter, CoopKind, CoopRow};
use crate::auth::StaffFrame;
use crate::components::{set_status, ErrorNotice};
use crate::i18n::use_i18n;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

/// The table and record id of the page's path.
fn here() -> (CoopKind, String) {
    let path = use_location().pathname.get_untracked();
    match Page::from_path(&path).map(|(page, _)| page) {
        Some(Page::StaffCoopList(kind) | Page::StaffCoopNew(kind)) => (kind, String::new()),
        Some(Page::StaffCoop(kind, id) | Page::StaffCoopHistory(kind, id)) => (kind, id),
        _ => {
            let id = use_params_map()
                .with_untracked(|p| p.get("id"))
                .unwrap_or_default();
            (CoopKind::Project, id)
        }
    }
}

fn failed(error: crate::error::AppError) -> AnyView {
    set_status(error.status());
    view! { <ErrorNotice error /> }.into_any()
}

#[component]
pub fn CoopListPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let (kind, _) = here();
    let title = i18n.t(&format!("staff-coop-{}-title", kind.table()));
    view! {
        <StaffFrame title=title.clone() render=move |_| {
            let filter = filter_from_query();
            let list = {
                let filter = filter.clone();
                Resource::new(move || filter.clone(), move |filter| coop_list(kind, filter))
            };
            view! {
                <h1>{title.clone()}</h1>
                <p><a class="button" href=Page::StaffCoopNew(kind).path(lang) data-testid="new-record">
                    {i18n.t(&format!("staff-coop-{}-new", kind.table()))}
                </a></p>
                <Filters filter=filter.clone() />
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match list.await {
                            Ok(rows) => view! { <Rows kind rows /> }.into_any(),
                            Err(error) => failed(error),
                        }
                    })}
                </Suspense>
            }
        } />
    }
}

/// The list's filters, from the query string (a plain GET form).
fn filter_from_query() -> CoopFilter {
    use_query_map().with_untracked(|p| CoopFilter {
        q: p.get("q").unwrap_or_default().chars().take(100).collect(),
        status: p
            .get("status")
            .filter(|s| crate::services::edit::STATUSES.contains(&s.as_str()))
            .unwrap_or_default(),
        untranslated: p.get("untranslated").is_some_and(|v| !v.is_empty()),
    })
}

#[component]
fn Filters(filter: CoopFilter) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" class="filters staff-filters" role="search" aria-label=i18n.t("staff-coop-filters-label")>
            <div class="field">
                <label for="coop-q">{i18n.t("staff-filter-q")}</label>
                <input id="coop-q" name="q" type="search" value=filter.q.clone() maxlength="100" />
            </div>
            <div class="field">
                <label for="coop-status">{i18n.t("staff-status-label")}</label>
                <select id="coop-status" name="status">
                    <option value="">{i18n.t("staff-filter-any")}</option>
                    {crate::services::edit::STATUSES.into_iter().map(|s| view! {
                        <option value=s selected=filter.status == s>{i18n.t(&format!("staff-status-{s}"))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label class="check">
                    <input type="checkbox" name="untranslated" value="1" checked=filter.untranslated />
                    {i18n.t("staff-filter-untranslated")}
                </label>
            </div>
            <button type="submit">{i18n.t("staff-filter-submit")}</button>
        </form>
    }
}

#[component]
fn Rows(kind: CoopKind, rows: Vec<CoopRow>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <p role="status" class="result-count" data-testid="staff-count">
            {i18n.t_args("staff-coop-count", [("count", rows.len().into())])}
        </p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t(&format!("staff-coop-{}-title", kind.table()))>
        <table class="staff-table">
            <thead><tr>
                <th scope="col">{i18n.t(&format!("staff-coop-field-{}", kind.title_field()))}</th>
                <th scope="col">{i18n.t("staff-status-label")}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|row| {
                    let (name_lang, name) = crate::services::display_name(&row.title, lang);
                    let name = if name.is_empty() { row.id.clone() } else { name };
                    view! {
                        <tr data-testid="staff-row">
                            <td>
                                <a href=Page::StaffCoop(kind, row.id.clone()).path(lang) lang=(name_lang != lang).then(|| name_lang.code())>{name}</a>
                                {row.missing_translation.then(|| view! { " " <span class="tag tag--warning">{i18n.t("staff-missing-translation")}</span> })}
                            </td>
                            <td><span class=format!("status status--{}", row.publication)>{i18n.t(&format!("staff-status-{}", row.publication))}</span></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

#[component]
pub fn CoopNewPage() -> impl IntoView {
    let i18n = use_i18n();
    let (kind, _) = here();
    let title = i18n.t(&format!("staff-coop-{}-new", kind.table()));
    view! {
        <StaffFrame title=title.clone() render=move |ctx| {
            let page = Resource::new(|| (), move |_| load_coop(kind, None));
            view! {
                <h1>{title.clone()}</h1>
                <Suspense fallback=|| ()>
                    {move || {
                        let ctx = ctx.clone();
                        Suspend::new(async move {
                            match page.await {
                                Ok(page) => view! { <CoopForm page ctx /> }.into_any(),
                                Err(error) => failed(error),
                            }
                        })
                    }}
                </Suspense>
            }
        } />
    }
}

#[component]
pub fn CoopEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let (kind, id) = here();
    view! {
        <StaffFrame title=i18n.t(&format!("staff-coop-{}-edit", kind.table())) render=move |ctx| {
            let id = id.clone();
            let page = Resource::new(move || id.clone(), move |id| load_coop(kind, Some(id)));
            view! {
                <Suspense fallback=|| ()>
                    {move || {
                        let ctx = ctx.clone();
                        Suspend::new(async move {
                            match page.await {
                                Ok(page) => {
                                    let record = page.record.clone().unwrap_or_default();
                                    let (title_lang, title) = record.title(kind, lang);
                                    let public = (record.publication == "published")
                                        .then(|| kind.public_page(record.id.clone()).path(lang));
                                    view! {
                                        <h1><span lang=(title_lang != lang).then(|| title_lang.code())>{title}</span></h1>
                                        <p class="staff-meta">
                                            <span class=format!("status status--{}", record.publication) data-testid="record-status">
                                                {i18n.t(&format!("staff-status-{}", record.publication))}
                                            </span>
                                            " · "
                                            <a href=Page::StaffCoopHistory(kind, record.id.clone()).path(lang) data-testid="history-link">{i18n.t("staff-history-link")}</a>
                                            {public.map(|href| view! { " · " <a href=href>{i18n.t("staff-public-link")}</a> })}
                                        </p>
                                        <CoopForm page ctx />
                                    }.into_any()
                                }
                                Err(error) => failed(error),
                            }
                        })
                    }}
                </Suspense>
            }
        } />
    }
}

#[component]
pub fn CoopHistoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let (kind, id) = here();
    view! {
        <StaffFrame title=i18n.t("staff-history-title") render=move |_| {
            let id = id.clone();
            let history = Resource::new(move || id.clone(), move |id| coop_history(kind, id));
            view! {
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match history.await {
                            Ok((record, entries)) => {
                                let (title_lang, title) = record.title(kind, lang);
                                view! {
                                    <h1>{i18n.t("staff-history-title")} ": " <span lang=(title_lang != lang).then(|| title_lang.code())>{title}</span></h1>
                                    <p><a href=Page::StaffCoop(kind, record.id.clone()).path(lang)>{i18n.t("staff-coop-back-to-form")}</a></p>
                                    <crate::services::edit::HistoryEntries entries />
                                }.into_any()
                            }
                            Err(error) => failed(error),
                        }
                    })}
                </Suspense>
            }
        } />
    }
}

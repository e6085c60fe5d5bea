//! The staff pages of projects, events and clusters: list, new, edit and history. Which
//! table a page is about comes from its path (`Page::StaffCoop*`, given by the router).

use super::form_view::CoopForm;
use super::{coop_history, coop_list, load_coop, CoopFilter, CoopKind, CoopRow};
use crate::auth::StaffFrame;
use crate::components::Loaded;
use crate::i18n::{use_i18n, MessageSet};
use crate::routes::Page;
use crate::workflow::{HistoryEntries, Publication, RecordMeta};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn tables() -> Vec<&'static str> {
    CoopKind::ALL.map(CoopKind::table).to_vec()
}

/// "Projects", "Meetings", "Clusters".
pub const LIST_TITLES: MessageSet = MessageSet::new("staff-coop-", tables).with_suffix("-title");
/// "New project", …
pub const NEW_TITLES: MessageSet = MessageSet::new("staff-coop-", tables).with_suffix("-new");
/// "Edit the project", …
pub const EDIT_TITLES: MessageSet = MessageSet::new("staff-coop-", tables).with_suffix("-edit");

#[component]
pub fn CoopListPage(kind: CoopKind) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let title = i18n.t_of(&LIST_TITLES, kind.table());
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
                    {i18n.t_of(&NEW_TITLES, kind.table())}
                </a></p>
                <Filters filter=filter.clone() />
                <Loaded resource=list view=move |rows| view! { <Rows kind rows /> } />
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
            .filter(|s| Publication::from_code(s).is_some())
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
                    {Publication::ALL.into_iter().map(|s| view! {
                        <option value=s.code() selected=filter.status == s.code()>{i18n.t(&s.message_id())}</option>
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
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t_of(&LIST_TITLES, kind.table())>
        <table class="staff-table">
            <thead><tr>
                <th scope="col">{i18n.t_of(&super::fields::FIELD_MESSAGES, kind.title_field())}</th>
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
                            <td><span class=format!("status status--{}", row.publication.code())>{i18n.t(&row.publication.message_id())}</span></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

#[component]
pub fn CoopNewPage(kind: CoopKind) -> impl IntoView {
    let i18n = use_i18n();
    let title = i18n.t_of(&NEW_TITLES, kind.table());
    // A link may name the first values of the one-municipality fields ("add a contact"
    // on a profile: `?municipality=33029`); the form's own checks still apply.
    let initial: std::collections::BTreeMap<String, String> = use_query_map().with_untracked(|p| {
        super::fields(kind)
            .filter(|f| f.input == super::Input::Municipality)
            .filter_map(|f| {
                let code = p.get(f.key)?;
                crate::kernel::validate::is_municipality_code(&code)
                    .then(|| (f.key.to_owned(), code))
            })
            .collect()
    });
    view! {
        <StaffFrame title=title.clone() render=move |ctx| {
            let page = Resource::new(|| (), move |_| load_coop(kind, None));
            let initial = initial.clone();
            view! {
                <h1>{title.clone()}</h1>
                <Loaded resource=page view=move |page| view! { <CoopForm page ctx=ctx.clone() initial=initial.clone() /> } />
            }
        } />
    }
}

#[component]
pub fn CoopEditPage(kind: CoopKind, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <StaffFrame title=i18n.t_of(&EDIT_TITLES, kind.table()) render=move |ctx| {
            let id = id.clone();
            let page = Resource::new(move || id.clone(), move |id| load_coop(kind, Some(id)));
            view! {
                <Loaded resource=page view=move |page| {
                    let record = page.record.clone().unwrap_or_default();
                    let (title_lang, title) = record.title(kind, lang);
                    view! {
                        <h1><span lang=(title_lang != lang).then(|| title_lang.code())>{title}</span></h1>
                        <RecordMeta publication=record.publication status_testid="record-status"
                            history=Page::StaffCoopHistory(kind, record.id.clone()).path(lang)
                            public=super::public_page(kind, &record).path(lang) />
                        {(kind == CoopKind::Cluster).then(|| view! {
                            <p><a href=Page::StaffClusterInterest(record.id.clone()).path(lang) data-testid="interest-link">{i18n.t("staff-interest-link")}</a></p>
                        })}
                        {(kind == CoopKind::Event).then(|| view! {
                            <p><a href=Page::StaffRegistrations(record.id.clone()).path(lang) data-testid="registrations-link">{i18n.t("staff-registrations-link")}</a></p>
                        })}
                        <CoopForm page ctx=ctx.clone() />
                    }
                } />
            }
        } />
    }
}

#[component]
pub fn CoopHistoryPage(kind: CoopKind, id: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <StaffFrame title=i18n.t("staff-history-title") render=move |_| {
            let id = id.clone();
            let history = Resource::new(move || id.clone(), move |id| coop_history(kind, id));
            view! {
                <Loaded resource=history view=move |(record, entries)| {
                    let (title_lang, title) = record.title(kind, lang);
                    view! {
                        <h1>{i18n.t("staff-history-title")} ": " <span lang=(title_lang != lang).then(|| title_lang.code())>{title}</span></h1>
                        <p><a href=Page::StaffCoop(kind, record.id.clone()).path(lang)>{i18n.t("staff-coop-back-to-form")}</a></p>
                        <HistoryEntries entries />
                    }
                } />
            }
        } />
    }
}

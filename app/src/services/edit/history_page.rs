//! Who changed what in a service, and when: its audit entries, newest first, each with
//! the fields before and after.

use super::{service_history, AuditEntry};
use crate::auth::StaffFrame;
use crate::components::{set_status, ErrorNotice};
use crate::i18n::use_i18n;
use crate::routes::Page;
use crate::services::display_name;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn StaffServiceHistoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let id = use_params_map()
        .with_untracked(|p| p.get("id"))
        .unwrap_or_default();
    view! {
        <StaffFrame title=i18n.t("staff-history-title") render=move |_| {
            let id = id.clone();
            let history = Resource::new(move || id.clone(), service_history);
            view! {
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match history.await {
                            Ok((service, entries)) => {
                                let (name_lang, name) = display_name(&service.name, lang);
                                view! {
                                    <h1>{i18n.t("staff-history-title")} ": " <span lang=(name_lang != lang).then(|| name_lang.code())>{name}</span></h1>
                                    <p><a href=Page::StaffService(service.id.clone()).path(lang)>{i18n.t("staff-back-to-form")}</a></p>
                                    <HistoryEntries entries />
                                }.into_any()
                            }
                            Err(error) => {
                                set_status(error.status());
                                view! { <ErrorNotice error /> }.into_any()
                            }
                        }
                    })}
                </Suspense>
            }
        } />
    }
}

/// The audit entries of a record, newest first, each with its fields before and after.
#[component]
pub fn HistoryEntries(entries: Vec<AuditEntry>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {entries.is_empty().then(|| view! { <p>{i18n.t("staff-history-empty")}</p> })}
        <ol class="history" data-testid="history">
            {entries.into_iter().map(|entry| view! {
                <li data-testid="history-entry">
                    <p class="history__head">
                        <strong>{i18n.t(&format!("staff-audit-{}", entry.action))}</strong>
                        " · " <time datetime=entry.at.clone()>{entry.at.get(..16).unwrap_or(&entry.at).replace('T', " ")}</time>
                        " · " <span>{entry.actor.clone()}</span>
                    </p>
                    <table class="history__changes">
                        <thead><tr>
                            <th scope="col">{i18n.t("staff-history-field")}</th>
                            <th scope="col">{i18n.t("staff-history-before")}</th>
                            <th scope="col">{i18n.t("staff-history-after")}</th>
                        </tr></thead>
                        <tbody>
                            {entry.changes.into_iter().map(|c| view! {
                                <tr>
                                    <th scope="row"><code>{c.field}</code></th>
                                    <td>{c.before.unwrap_or_default()}</td>
                                    <td>{c.after.unwrap_or_default()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </li>
            }).collect_view()}
        </ol>
    }
}

//! What the staff pages show of a record's workflow: its state above its form, and its
//! audit trail on its history page.

use super::{AuditEntry, Publication};
use crate::i18n::use_i18n;
use leptos::prelude::*;

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
                        <strong>{i18n.t_of(&super::AUDIT_MESSAGES, &entry.action)}</strong>
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

/// Above a record's form: its publication, the link to its history and, when it is
/// published, to its public page.
#[component]
pub fn RecordMeta(
    publication: Publication,
    history: String,
    /// The public page (shown only when the record is published).
    public: String,
    /// The test id of the publication's label.
    status_testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let public = (publication == Publication::Published).then_some(public);
    view! {
        <p class="staff-meta">
            <span class=format!("status status--{}", publication.code()) data-testid=status_testid>
                {i18n.t(&publication.message_id())}
            </span>
            " · "
            <a href=history data-testid="history-link">{i18n.t("staff-history-link")}</a>
            {public.map(|href| view! { " · " <a href=href>{i18n.t("staff-public-link")}</a> })}
        </p>
    }
}

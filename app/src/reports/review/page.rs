//! The review queue page: one card per report, its text always shown as text (never as
//! markup), the resident's address for staff only, and the three decisions as forms.

use super::{load_report_queue, QueuedReport, ReviewReport};
use crate::auth::{ActionFields, StaffFrame};
use crate::components::Loaded;
use crate::i18n::use_i18n;
use crate::kernel::validate::Length;
use crate::routes::Page;
use crate::services::display_name;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

fn review_path() -> &'static str {
    <ReviewReport as ServerFn>::PATH
}

#[component]
pub fn StaffReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    let status = use_query_map()
        .with_untracked(|p| p.get("status"))
        .unwrap_or_else(|| "new".into());
    view! {
        <StaffFrame title=i18n.t("staff-reports-title") render=move |ctx| {
            let status = status.clone();
            let queue = Resource::new({ let status = status.clone(); move || status.clone() }, load_report_queue);
            view! {
                <h1>{i18n.t("staff-reports-title")}</h1>
                <form method="get" class="filters">
                    <label for="report-status">{i18n.t("staff-status-label")}</label>
                    <select id="report-status" name="status">
                        <option value="" selected=status.is_empty()>{i18n.t("staff-filter-any")}</option>
                        {crate::reports::STATUSES.into_iter().map(|s| view! {
                            <option value=s selected=status == s>{i18n.t_of(&crate::reports::STATUS_MESSAGES, s)}</option>
                        }).collect_view()}
                    </select>
                    <button type="submit">{i18n.t("staff-filter-submit")}</button>
                </form>
                <Loaded resource=queue view=move |queue| view! {
                    <p role="status" data-testid="reports-new">{i18n.t_args("staff-reports-new", [("count", queue.new.into())])}</p>
                    {queue.reports.is_empty().then(|| view! { <p>{i18n.t("staff-reports-empty")}</p> })}
                    <ul class="report-queue">
                        {queue.reports.into_iter().map(|r| view! { <ReportCard report=r csrf=ctx.csrf.clone() /> }).collect_view()}
                    </ul>
                } />
            }
        } />
    }
}

#[component]
fn ReportCard(report: QueuedReport, csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let id = report.id.clone();
    let hidden = {
        let (id, csrf) = (id.clone(), csrf.clone());
        move |action: &'static str| {
            view! { <ActionFields csrf=csrf.clone() records=vec![("id", id.clone())] action /> }
        }
    };
    let open = report.status == "new";
    let service = report.service.clone().map(|s| {
        let name = report
            .service_name
            .as_ref()
            .map(|n| display_name(n, lang).1)
            .unwrap_or_else(|| s.clone());
        (s, name)
    });
    view! {
        <li class="report-card" data-testid="report-card" id=format!("report-{id}")>
            <h2>
                {i18n.t_of(&crate::reports::KIND_MESSAGES, &report.kind)}
                " · " <span class=format!("status status--{}", report.status)>{i18n.t_of(&crate::reports::STATUS_MESSAGES, &report.status)}</span>
            </h2>
            <dl class="facts">
                <dt>{i18n.t("staff-report-number")}</dt><dd><code>{id.clone()}</code></dd>
                <dt>{i18n.t("staff-report-received")}</dt><dd>{report.created_at.get(..16).unwrap_or(&report.created_at).replace('T', " ")}</dd>
                {service.map(|(s, name)| view! {
                    <dt>{i18n.t("staff-report-service")}</dt>
                    <dd><a href=Page::StaffService(s).path(lang)>{name}</a></dd>
                })}
                <dt>{i18n.t("staff-report-language")}</dt><dd>{i18n.t_of(&crate::i18n::LANGUAGE_MESSAGES, &report.lang)}</dd>
                {report.email.clone().map(|email| view! {
                    <dt>{i18n.t("staff-report-email")}</dt><dd data-testid="report-email">{email}</dd>
                })}
                {report.resolution.clone().map(|reason| view! {
                    <dt>{i18n.t("report-follow-reason")}</dt><dd class="prewrap">{reason}</dd>
                })}
                {report.reviewed_by.clone().map(|who| view! {
                    <dt>{i18n.t("staff-report-reviewed-by")}</dt><dd>{who}</dd>
                })}
            </dl>
            <blockquote class="report-message prewrap" lang=report.lang.clone() data-testid="report-message">{report.message.clone()}</blockquote>
            {open.then(|| view! {
                <div class="report-actions">
                    <form method="post" action=review_path()>
                        {hidden("accept")}
                        <button type="submit" data-testid="report-accept">{i18n.t(if report.service.is_some() { "staff-report-accept-edit" } else { "staff-report-accept-new" })}</button>
                    </form>
                    <form method="post" action=review_path() class="report-actions__reject">
                        {hidden("reject")}
                        <label for=format!("reason-{id}")>{i18n.t("staff-report-reason")}</label>
                        <crate::components::PrefilledTextarea id=format!("reason-{id}") name="f[reason]" rows=2 maxlength=Length::Text.chars()
                            value=String::new() invalid=false described_by=String::new() required=true />
                        <button type="submit" data-testid="report-reject">{i18n.t("staff-report-reject")}</button>
                    </form>
                    <form method="post" action=review_path()>
                        {hidden("duplicate")}
                        <label for=format!("dup-{id}")>{i18n.t("staff-report-duplicate-of")}</label>
                        <input id=format!("dup-{id}") name="f[duplicate_of]" type="text" maxlength="40" />
                        <button type="submit" data-testid="report-duplicate">{i18n.t("staff-report-duplicate")}</button>
                    </form>
                </div>
            })}
        </li>
    }
}

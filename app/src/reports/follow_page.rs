//! Where a resident follows a report through the link shown after sending it: its
//! status and, when it was rejected, why. No account; the link is the key.

use super::follow_report;
use crate::components::PersonalLinkPage;
use crate::i18n::use_i18n;
use crate::routes::Page;
use leptos::prelude::*;

#[component]
pub fn ReportFollowPage(token: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let report = Resource::new(move || token.clone(), follow_report);
    view! {
        <PersonalLinkPage title="report-follow-title" description="report-follow-description"
            resource=report view=move |report| view! {
            <dl class="facts" data-testid="followed-report">
                <dt>{i18n.t("report-follow-status")}</dt>
                <dd data-testid="followed-status">{i18n.t_of(&super::STATUS_MESSAGES, &report.status)}</dd>
                <dt>{i18n.t("report-kind-label")}</dt>
                <dd>{i18n.t_of(&super::KIND_MESSAGES, &report.kind)}</dd>
                <dt>{i18n.t("report-follow-sent-on")}</dt>
                <dd>{report.created_at.get(..10).unwrap_or(&report.created_at).to_owned()}</dd>
                {report.reviewed_at.map(|at| view! {
                    <dt>{i18n.t("report-follow-reviewed-on")}</dt>
                    <dd>{at.get(..10).unwrap_or(&at).to_owned()}</dd>
                })}
                {report.resolution.map(|reason| view! {
                    <dt>{i18n.t("report-follow-reason")}</dt>
                    <dd class="prewrap" data-testid="followed-reason">{reason}</dd>
                })}
                <dt>{i18n.t("report-message-label")}</dt>
                <dd class="prewrap">{report.message}</dd>
            </dl>
            {report.service.map(|id| view! {
                <p><a href=Page::Service(id).path(lang)>{i18n.t("report-about-service-link")}</a></p>
            })}
        } />
    }
}

//! The staff home: what needs attention, within the account's scope, each count a link
//! to the filtered list.

use crate::auth::StaffFrame;
use crate::components::Loaded;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::kernel::query::query_string;
use crate::routes::Page;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub drafts: usize,
    pub overdue: usize,
    pub untranslated: usize,
    pub new_reports: usize,
    /// Meetings in the account's municipalities that take registrations (to their list).
    pub meetings: Vec<crate::kernel::link::Link>,
    /// An editor's municipalities that show no contact yet (each a link to add one).
    pub without_contacts: Vec<(String, crate::i18n::Localized)>,
}

#[server]
pub async fn load_overview() -> Result<Overview, AppError> {
    use crate::services::edit::{repo, StaffQuery};
    let db = crate::db::use_db()?;
    let session = crate::auth::guard::require(&db).await?;
    let count = |query: StaffQuery| {
        let (db, staff) = (db.clone(), session.staff.clone());
        async move { repo::list(&db, &staff, &query).await.map(|l| l.total) }
    };
    Ok(Overview {
        drafts: count(StaffQuery {
            status: "draft".into(),
            ..Default::default()
        })
        .await?,
        overdue: count(StaffQuery {
            overdue: repo::VERIFY_EVERY_MONTHS.to_string(),
            status: "published".into(),
            ..Default::default()
        })
        .await?,
        untranslated: count(StaffQuery {
            untranslated: "1".into(),
            ..Default::default()
        })
        .await?,
        new_reports: crate::reports::review::repo::queue(&db, &session.staff, "new")
            .await?
            .new,
        meetings: crate::registrations::repo::meetings_in_scope(&db, &session.staff).await?,
        without_contacts: {
            let directory = crate::municipalities::directory::current(&db).await?;
            session
                .staff
                .municipalities
                .iter()
                .filter_map(|code| directory.profile(code))
                .filter(|p| !session.staff.is_admin() && p.contacts.is_empty())
                .map(|p| (p.detail.code.clone(), p.detail.name.clone()))
                .collect()
        },
    })
}

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
            let overview = ArcResource::new(|| (), |_| load_overview());
            let services = move |pairs: [(&'static str, &'static str); 1]| format!("{}{}", Page::StaffServices.path(lang), query_string(pairs));
            view! {
                <h1>{i18n.t("staff-home-title")}</h1>
                <p class="lead" data-testid="staff-scope">{scope}</p>
                // A failed load shows its error (with its reference), never zeros.
                <Loaded resource=overview view=move |o: Overview| {
                        view! {
                            <ul class="staff-overview" data-testid="staff-overview">
                                <li><a href=services([("status", "draft")])>{i18n.t_args("staff-overview-drafts", [("count", o.drafts.into())])}</a></li>
                                <li><a href=format!("{}?overdue=12&status=published", Page::StaffServices.path(lang))>{i18n.t_args("staff-overview-overdue", [("count", o.overdue.into())])}</a></li>
                                <li><a href=services([("untranslated", "1")])>{i18n.t_args("staff-overview-untranslated", [("count", o.untranslated.into())])}</a></li>
                                <li><a href=Page::StaffReports.path(lang)>{i18n.t_args("staff-reports-new", [("count", o.new_reports.into())])}</a></li>
                            </ul>
                            {(!o.meetings.is_empty()).then(|| view! {
                                <h2>{i18n.t("staff-home-meetings")}</h2>
                                <ul data-testid="staff-meetings">
                                    {o.meetings.iter().map(|m| view! {
                                        <li><a href=Page::StaffRegistrations(m.id.clone()).path(lang)>{m.name.get(lang).to_owned()}</a></li>
                                    }).collect_view()}
                                </ul>
                            })}
                            {(!o.without_contacts.is_empty()).then(|| view! {
                                <h2>{i18n.t("staff-home-contacts")}</h2>
                                <ul data-testid="staff-without-contacts">
                                    {o.without_contacts.iter().map(|(code, name)| {
                                        let add = format!("{}{}", Page::StaffCoopNew(crate::kernel::kinds::CoopKind::Contact).path(lang), query_string([("municipality", code.as_str())]));
                                        view! {
                                            <li><a href=add>{i18n.t_args("staff-home-contacts-add", [("name", name.get(lang).to_owned().into())])}</a></li>
                                        }
                                    }).collect_view()}
                                </ul>
                            })}
                        }
                } />
                <p><a class="button" href=Page::StaffServiceNew.path(lang)>{i18n.t("staff-service-new")}</a></p>
            }
        } />
    }
}

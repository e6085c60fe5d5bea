use super::{load_project, name_in, Link, Partner, Project, ProjectQuery};
use crate::components::{Loaded, PageMeta};
use crate::i18n::use_i18n;
use crate::kernel::format::{euro_cents, euros, long_date};
use crate::map::RegionMap;
use crate::routes::Page;
use leptos::prelude::*;

/// "From 1 January 2024 to 31 December 2026", "From …", "Until …", or None (ISO dates).
pub fn period_label(start: Option<&str>, end: Option<&str>) -> Option<String> {
    let i18n = use_i18n();
    match (start, end) {
        (Some(start), Some(end)) => Some(i18n.t_args(
            "project-period-from-to",
            [
                ("start", long_date(start).into()),
                ("end", long_date(end).into()),
            ],
        )),
        (Some(start), None) => {
            Some(i18n.t_args("project-period-from", [("start", long_date(start).into())]))
        }
        (None, Some(end)) => {
            Some(i18n.t_args("project-period-until", [("end", long_date(end).into())]))
        }
        (None, None) => None,
    }
}

#[component]
pub fn ProjectPage(id: String) -> impl IntoView {
    let project = Resource::new(move || id.clone(), load_project);
    view! { <Loaded resource=project record=true view=|project| view! { <Detail project /> } /> }
}

#[component]
fn Detail(project: Project) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let name = name_in(&project.name, lang);
    let summary = name_in(&project.summary, lang);
    let description: String = summary.chars().take(160).collect();
    let period = period_label(
        project.period_start.as_deref(),
        project.period_end.as_deref(),
    );
    // Partners grouped by country, the lead partner first within its group.
    let groups: Vec<(String, Vec<Partner>)> = ["BE", "FR", ""]
        .into_iter()
        .map(|country| {
            let members: Vec<Partner> = project
                .partners
                .iter()
                .filter(|p| p.country.as_deref().unwrap_or("") == country)
                .cloned()
                .collect();
            let label = match crate::kernel::geo::Country::from_code(country) {
                Some(c) => i18n.t(c.message_id()),
                None => i18n.t("project-partners-country-unknown"),
            };
            (label, members)
        })
        .filter(|(_, members)| !members.is_empty())
        .collect();
    let theme_link = |theme: &crate::i18n::Localized| {
        let query = ProjectQuery {
            theme: theme.nl.clone(),
            ..Default::default()
        };
        view! { <li><a href=format!("{}{}", Page::Projects.path(lang), query.to_query_string())>{name_in(theme, lang)}</a></li> }
    };
    let project_links = |links: Vec<Link>| {
        links
            .into_iter()
            .map(|l| view! { <li><a href=Page::Project(l.id.clone()).path(lang)>{name_in(&l.name, lang)}</a></li> })
            .collect_view()
    };
    view! {
        <PageMeta title=name.clone() description />
        <nav aria-label=i18n.t("breadcrumb-label") class="breadcrumb">
            <a href=Page::Projects.path(lang)>{i18n.t("nav-projects")}</a>
        </nav>
        <h1>{name}</h1>
        <p class="project-card__meta">
            <span class=format!("phase phase--{}", project.phase.code()) data-testid="phase">{super::phase_label(&project)}</span>
            " · " {i18n.t_of(&crate::kernel::kinds::PROJECT_KIND_MESSAGES, &project.kind)}
        </p>
        <p class="lead" data-testid="summary">{summary}</p>
        <div class="profile">
            <section aria-labelledby="facts-heading">
                <h2 id="facts-heading">{i18n.t("profile-facts")}</h2>
                <dl>
                    {project.programme.as_ref().map(|p| view! { <dt>{i18n.t("project-programme")}</dt><dd data-testid="programme">{name_in(p, lang)}</dd> })}
                    {project.portfolio.clone().map(|p| view! { <dt>{i18n.t("project-portfolio")}</dt><dd>{p}</dd> })}
                    {project.priority.as_ref().map(|p| view! { <dt>{i18n.t("project-priority")}</dt><dd>{name_in(p, lang)}</dd> })}
                    {project.specific_objective.as_ref().map(|p| view! { <dt>{i18n.t("project-objective")}</dt><dd>{name_in(p, lang)}</dd> })}
                    <dt>{i18n.t("project-period")}</dt>
                    <dd data-testid="period">
                        {period.unwrap_or_else(|| i18n.t("project-period-unknown"))}
                        {project.duration_note.as_ref().map(|n| view! { <br /> {name_in(n, lang)} })}
                    </dd>
                    <dt>{i18n.t("project-budget")}</dt>
                    <dd data-testid="budget">
                        {project.budget_eur.map(|b| euros(lang, b)).unwrap_or_else(|| i18n.t("project-budget-unknown"))}
                        {project.budget_note.as_ref().map(|n| view! { <br /> <span class="help">{name_in(n, lang)}</span> })}
                    </dd>
                    {project.eu_cofinancing_eur.map(|b| view! { <dt>{i18n.t("project-eu-cofinancing")}</dt><dd>{euros(lang, b)}</dd> })}
                    {project.website.clone().map(|w| view! { <dt>{i18n.t("project-website")}</dt><dd><a href=w.clone()>{w.clone()}</a></dd> })}
                </dl>
            </section>
            <section aria-labelledby="partners-heading" data-testid="partners">
                <h2 id="partners-heading">{i18n.t("project-partners")}</h2>
                {groups.into_iter().map(|(country, members)| view! {
                    <h3>{country}</h3>
                    <ul>
                        {members.into_iter().map(|p| {
                            let role = i18n.t_of(&crate::kernel::kinds::PARTNER_ROLE_MESSAGES, &p.role);
                            view! { <li>{name_in(&p.name, lang)} " (" {role} ")"</li> }
                        }).collect_view()}
                    </ul>
                }).collect_view()}
                {project.partners.is_empty().then(|| view! { <p>{i18n.t("project-partners-none")}</p> })}
            </section>
        </div>
        {(project.kind == "support_offer").then(|| project.budget_eur.map(|price| view! { <SharedPrice price /> }))}
        <section aria-labelledby="themes-heading">
            <h2 id="themes-heading">{i18n.t("project-themes")}</h2>
            <ul class="shortcuts">{project.themes.iter().map(theme_link).collect_view()}</ul>
        </section>
        <section aria-labelledby="municipalities-heading" data-testid="municipalities">
            <h2 id="municipalities-heading">{i18n.t("project-municipalities")}</h2>
            {if project.municipalities.is_empty() {
                view! { <p>{i18n.t("project-municipalities-none")}</p> }.into_any()
            } else {
                let codes = project.municipalities.iter().map(|m| m.id.clone()).collect::<Vec<_>>().join(" ");
                view! {
                    <ul>
                        {project.municipalities.iter().map(|m| view! {
                            <li><a href=Page::Municipality(m.id.clone()).path(lang)>{name_in(&m.name, lang)}</a></li>
                        }).collect_view()}
                    </ul>
                    <RegionMap focus=None highlight=codes />
                }.into_any()
            }}
        </section>
        {project.parent.clone().map(|parent| view! {
            <section aria-labelledby="parent-heading">
                <h2 id="parent-heading">{i18n.t("project-parent")}</h2>
                <ul>{project_links(vec![parent])}</ul>
            </section>
        })}
        {(!project.pilots.is_empty()).then(|| view! {
            <section aria-labelledby="pilots-heading">
                <h2 id="pilots-heading">{i18n.t("project-pilots")}</h2>
                <ul>{project_links(project.pilots.clone())}</ul>
            </section>
        })}
        <section aria-labelledby="events-heading" data-testid="events">
            <h2 id="events-heading">{i18n.t("project-events")}</h2>
            {if project.events.is_empty() {
                view! { <p>{i18n.t("project-events-none")}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {project.events.iter().map(|e| view! {
                            <li>
                                {name_in(&e.title, lang)}
                                {e.date.as_deref().map(|d| view! { " · " <time datetime=d.to_owned()>{long_date(d)}</time> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="source-heading">
            <h2 id="source-heading">{i18n.t("project-source")}</h2>
            <p>{i18n.t("project-source-note")} " " <code>{project.source.clone()}</code></p>
        </section>
    }
}

/// A support offer's price shared equally by the municipalities that take it up (the
/// Ecolife climate clusters): each share and its VAT, for 2 to 6 municipalities.
#[component]
fn SharedPrice(price: f64) -> impl IntoView {
    use crate::clusters::{CostShare, VAT_PERMILLE};
    let i18n = use_i18n();
    let lang = i18n.lang;
    let cents = (price * 100.0).round() as i64;
    let rows = (2..=6)
        .filter_map(|n| CostShare::of(cents, n))
        .map(|s| {
            view! {
                <tr data-testid="share-row">
                    <th scope="row">{s.members}</th>
                    <td>{euro_cents(lang, s.excl_vat_cents)}</td>
                    <td>{euro_cents(lang, s.vat_cents)}</td>
                    <td>{euro_cents(lang, s.incl_vat_cents)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="shared-price-heading" data-testid="shared-price">
            <h2 id="shared-price-heading">{i18n.t("project-cost-share")}</h2>
            <p class="help">{i18n.t("project-cost-share-help")}</p>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("project-cost-members")}</th>
                        <th scope="col">{i18n.t("cluster-cost-excl")}</th>
                        <th scope="col">{i18n.t_args("cluster-cost-vat", [("rate", (VAT_PERMILLE / 10).into())])}</th>
                        <th scope="col">{i18n.t("cluster-cost-incl")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

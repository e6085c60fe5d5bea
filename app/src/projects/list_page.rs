use super::{list_projects, name_in, Phase, Project, ProjectList, ProjectQuery};
use crate::components::{Loaded, PageMeta};
use crate::i18n::use_i18n;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Projects and pilot projects, filtered by a GET form (no JavaScript needed).
#[component]
pub fn ProjectsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = params.with_untracked(ProjectQuery::from_params);
    let results = Resource::new(
        {
            let query = query.clone();
            move || query.clone()
        },
        list_projects,
    );
    view! {
        <PageMeta title=i18n.t("projects-title") description=i18n.t("projects-description") />
        <h1>{i18n.t("projects-title")}</h1>
        <p class="lead">{i18n.t("projects-intro")}</p>
        <p><a href=crate::routes::Page::Calls.path(i18n.lang) data-testid="calls-link">{i18n.t("calls-title")}</a></p>
        <Loaded resource=results view=move |list| view! {
            <Filters list=list.clone() query=query.clone() /> <Results list />
        } />
    }
}

/// The distinct values of one field over every project, in the page language's order.
fn distinct(
    all: &[Project],
    values: impl Fn(&Project) -> Vec<(String, String)>,
) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = all.iter().flat_map(values).collect();
    found.sort_by_key(|(_, label)| label.to_lowercase());
    found.dedup_by(|a, b| a.0 == b.0);
    found
}

#[component]
fn Filters(list: ProjectList, query: ProjectQuery) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let all = &list.all;
    // Values are the Dutch names (stable across languages); labels in the page language.
    let programmes = distinct(all, |p| {
        p.programme
            .iter()
            .map(|n| (n.nl.clone(), name_in(n, lang)))
            .collect()
    });
    let themes = distinct(all, |p| {
        p.themes
            .iter()
            .map(|n| (n.nl.clone(), name_in(n, lang)))
            .collect()
    });
    let municipalities = distinct(all, |p| {
        p.municipalities
            .iter()
            .map(|m| (m.id.clone(), name_in(&m.name, lang)))
            .collect()
    });
    let years: Vec<String> = {
        let mut years: Vec<i32> = all
            .iter()
            .flat_map(|p| [&p.period_start, &p.period_end])
            .filter_map(|d| d.as_deref()?.get(..4)?.parse().ok())
            .collect();
        years.sort_unstable();
        match (years.first(), years.last()) {
            (Some(&first), Some(&last)) => (first..=last).rev().map(|y| y.to_string()).collect(),
            _ => vec![],
        }
    };
    let options = |values: Vec<(String, String)>, chosen: String, all_label: String| {
        view! {
            <option value="" selected=chosen.is_empty()>{all_label}</option>
            {values.into_iter().map(|(value, label)| {
                let selected = value == chosen;
                view! { <option value=value selected=selected>{label}</option> }
            }).collect_view()}
        }
    };
    let phases: Vec<(String, String)> = Phase::ALL
        .into_iter()
        .map(|p| {
            (
                p.code().to_owned(),
                i18n.t_of(&super::PHASE_MESSAGES, p.code()),
            )
        })
        .collect();
    let countries = vec![
        ("BE".to_owned(), i18n.t("country-be")),
        ("FR".to_owned(), i18n.t("country-fr")),
    ];
    let year_values = years.into_iter().map(|y| (y.clone(), y)).collect();
    view! {
        <form class="filters" method="get" action=Page::Projects.path(lang) data-testid="project-filters">
            <div class="field">
                <label for="programme">{i18n.t("filter-programme")}</label>
                <select id="programme" name="programme">
                    {options(programmes, query.programme.clone(), i18n.t("filter-programme-all"))}
                </select>
            </div>
            <div class="field">
                <label for="theme">{i18n.t("filter-theme")}</label>
                <select id="theme" name="theme">
                    {options(themes, query.theme.clone(), i18n.t("filter-theme-all"))}
                </select>
            </div>
            <div class="field">
                <label for="phase">{i18n.t("filter-phase")}</label>
                <select id="phase" name="phase">
                    {options(phases, query.phase.clone(), i18n.t("filter-phase-all"))}
                </select>
            </div>
            <div class="field">
                <label for="year">{i18n.t("filter-year")}</label>
                <select id="year" name="year">
                    {options(year_values, query.year.clone(), i18n.t("filter-year-all"))}
                </select>
            </div>
            <div class="field">
                <label for="country">{i18n.t("filter-partner-country")}</label>
                <select id="country" name="country">
                    {options(countries, query.country.clone(), i18n.t("filter-country-all"))}
                </select>
            </div>
            {(!municipalities.is_empty()).then(|| view! {
                <div class="field">
                    <label for="municipality">{i18n.t("filter-municipality")}</label>
                    <select id="municipality" name="municipality">
                        {options(municipalities, query.municipality.clone(), i18n.t("filter-municipality-all"))}
                    </select>
                </div>
            })}
            <button type="submit">{i18n.t("search-submit")}</button>
        </form>
        {(query != ProjectQuery::default()).then(|| view! {
            <p><a href=Page::Projects.path(lang)>{i18n.t("filters-clear")}</a></p>
        })}
    }
}

#[component]
fn Results(list: ProjectList) -> impl IntoView {
    let i18n = use_i18n();
    let count = list.matching.len();
    view! {
        <p role="status" class="result-count" data-testid="result-count">
            {i18n.t_args("projects-count", [("count", count.into())])}
        </p>
        {(count == 0).then(|| view! { <p class="notice">{i18n.t("projects-none")}</p> })}
        <ul class="project-list">
            {list.matching.into_iter().map(|project| view! { <ProjectCard project /> }).collect_view()}
        </ul>
    }
}

#[component]
fn ProjectCard(project: Project) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let lead = project
        .partners
        .iter()
        .find(|p| p.role == "lead")
        .map(|p| name_in(&p.name, lang));
    let themes = project
        .themes
        .iter()
        .map(|t| name_in(t, lang))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="project-card" data-testid="project" data-id=project.id.clone()>
            <h2><a href=Page::Project(project.id.clone()).path(lang)>{name_in(&project.name, lang)}</a></h2>
            <p class="project-card__meta">
                <span class=format!("phase phase--{}", project.phase.code())>
                    {super::phase_label(&project)}
                </span>
                " · " {i18n.t_of(&crate::kernel::kinds::PROJECT_KIND_MESSAGES, &project.kind)}
                {project.programme.as_ref().map(|p| view! { " · " {name_in(p, lang)} })}
            </p>
            {lead.map(|lead| view! { <p>{i18n.t("project-lead")} ": " {lead}</p> })}
            {(!themes.is_empty()).then(|| view! { <p class="help">{i18n.t("project-themes")} ": " {themes}</p> })}
        </li>
    }
}

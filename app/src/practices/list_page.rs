use super::{list_practices, Practice, PracticeList, PracticeQuery};
use crate::components::{Loaded, PageMeta};
use crate::i18n::use_i18n;
use crate::kernel::kinds::{PRACTICE_KINDS, PRACTICE_KIND_MESSAGES};
use crate::map::RegionMap;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Good practices: search, filters (a GET form, no JavaScript needed), the map of their
/// municipalities, and the list.
#[component]
pub fn PracticesPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().with_untracked(PracticeQuery::from_params);
    let results = Resource::new(
        {
            let query = query.clone();
            move || query.clone()
        },
        list_practices,
    );
    view! {
        <PageMeta title=i18n.t("practices-title") description=i18n.t("practices-description") />
        <h1>{i18n.t("practices-title")}</h1>
        <p class="lead">{i18n.t("practices-intro")}</p>
        <Loaded resource=results view=move |list| view! {
            <Filters list=list.clone() query=query.clone() /> <Results list />
        } />
    }
}

#[component]
fn Filters(list: PracticeList, query: PracticeQuery) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    // Theme values are the Dutch names (stable across languages); labels in the page's.
    let mut themes: Vec<(String, String)> = list
        .all
        .iter()
        .flat_map(|p| {
            p.themes
                .iter()
                .map(|t| (t.nl.clone(), t.get(lang).to_owned()))
        })
        .collect();
    themes.sort_by_key(|(_, label)| label.to_lowercase());
    themes.dedup_by(|a, b| a.0 == b.0);
    view! {
        <form class="filters" method="get" action=Page::Practices.path(lang) role="search"
            aria-label=i18n.t("practices-search-label") data-testid="practice-filters">
            <div class="field">
                <label for="practice-q">{i18n.t("practices-q")}</label>
                <input id="practice-q" name="q" type="search" value=query.q.clone() maxlength="100" />
            </div>
            <div class="field">
                <label for="practice-theme">{i18n.t("filter-theme")}</label>
                <select id="practice-theme" name="theme">
                    <option value="" selected=query.theme.is_empty()>{i18n.t("filter-theme-all")}</option>
                    {themes.into_iter().map(|(value, label)| {
                        let selected = value == query.theme;
                        view! { <option value=value selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="practice-kind">{i18n.t("practices-kind")}</label>
                <select id="practice-kind" name="kind">
                    <option value="" selected=query.kind.is_empty()>{i18n.t("practices-kind-all")}</option>
                    {PRACTICE_KINDS.into_iter().map(|k| view! {
                        <option value=k selected=query.kind == k>{i18n.t_of(&PRACTICE_KIND_MESSAGES, k)}</option>
                    }).collect_view()}
                </select>
            </div>
            {(!query.municipality.is_empty()).then(|| view! {
                <input type="hidden" name="municipality" value=query.municipality.clone() />
            })}
            <button type="submit">{i18n.t("search-submit")}</button>
        </form>
        {(query != PracticeQuery::default()).then(|| view! {
            <p><a href=Page::Practices.path(lang)>{i18n.t("filters-clear")}</a></p>
        })}
    }
}

#[component]
fn Results(list: PracticeList) -> impl IntoView {
    let i18n = use_i18n();
    let count = list.matching.len();
    let mut codes: Vec<String> = list
        .matching
        .iter()
        .flat_map(|p| p.municipalities.iter().map(|m| m.id.clone()))
        .collect();
    codes.sort();
    codes.dedup();
    view! {
        <p role="status" class="result-count" data-testid="result-count">
            {i18n.t_args("practices-count", [("count", count.into())])}
        </p>
        {(count == 0).then(|| view! { <p class="notice">{i18n.t("practices-none")}</p> })}
        <ul class="project-list">
            {list.matching.into_iter().map(|practice| view! { <PracticeCard practice /> }).collect_view()}
        </ul>
        {(!codes.is_empty()).then(|| view! {
            <section aria-labelledby="practices-map-heading">
                <h2 id="practices-map-heading">{i18n.t("practices-map")}</h2>
                <RegionMap focus=None highlight=codes.join(" ") />
            </section>
        })}
    }
}

#[component]
fn PracticeCard(practice: Practice) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let themes = practice
        .themes
        .iter()
        .map(|t| t.get(lang).to_owned())
        .collect::<Vec<_>>()
        .join(", ");
    let places = practice
        .municipalities
        .iter()
        .map(|m| m.name.get(lang).to_owned())
        .collect::<Vec<_>>()
        .join(", ");
    let who = if places.is_empty() {
        practice
            .participants
            .as_ref()
            .map(|p| p.get(lang).to_owned())
    } else {
        Some(places)
    };
    view! {
        <li class="project-card" data-testid="practice" data-id=practice.id.clone()>
            <h2><a href=Page::Practice(practice.id.clone()).path(lang)>{practice.name.get(lang).to_owned()}</a></h2>
            <p class="project-card__meta">{i18n.t_of(&PRACTICE_KIND_MESSAGES, &practice.kind)}</p>
            <p>{practice.summary.get(lang).chars().take(240).collect::<String>()}</p>
            {who.map(|who| view! { <p>{i18n.t("practice-who")} ": " {who}</p> })}
            {(!themes.is_empty()).then(|| view! { <p class="help">{i18n.t("project-themes")} ": " {themes}</p> })}
        </li>
    }
}

//! 2 to 4 municipalities side by side; the URL (`?codes=a,b`) carries the selection.

use super::{compare_municipalities, Comparison, MunicipalityProfile};
use crate::components::{cached_by_key, Loaded, PageMeta};
use crate::i18n::{format_km, format_number, use_i18n};
use crate::map::RegionMap;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

pub const MAX_COMPARED: usize = 4;

#[component]
pub fn ComparePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    // `codes=a,b` (shared links) and repeated `codes=a&codes=b` (the form) both work.
    let codes = params.with_untracked(|params| {
        params
            .get_all("codes")
            .unwrap_or_default()
            .iter()
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
            .join(",")
    });
    let data = Resource::new(move || codes.clone(), compare_municipalities);
    view! {
        <PageMeta title=i18n.t("compare-title") description=i18n.t("compare-description") />
        <nav aria-label=i18n.t("breadcrumb-label") class="breadcrumb">
            <a href=Page::Municipalities.path(i18n.lang)>{i18n.t("nav-municipalities")}</a>
        </nav>
        <h1>{i18n.t("compare-title")}</h1>
        <Loaded resource=data view=|comparison| {
            cached_by_key("compare", comparison.cache_key, move || {
                view! { <Chooser comparison=comparison.clone() /> <Table comparison /> }
            })
        } />
    }
}

/// Up to four selects named `codes`: works without JavaScript.
#[component]
fn Chooser(comparison: Comparison) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let mut choices = comparison.choices.clone();
    choices.sort_by_key(|c| c.name.get(lang).to_lowercase());
    let selects = (0..MAX_COMPARED)
        .map(|slot| {
            let chosen = comparison
                .municipalities
                .get(slot)
                .map(|m| m.detail.code.clone())
                .unwrap_or_default();
            let id = format!("codes-{slot}");
            let options = choices
                .iter()
                .map(|c| view! { <option value=c.code.clone() selected=c.code == chosen>{c.name.get(lang).to_owned()}</option> })
                .collect_view();
            view! {
                <div class="field">
                    <label for=id.clone()>{i18n.t_args("compare-slot", [("n", (slot + 1).into())])}</label>
                    <select id=id name="codes">
                        <option value="" selected=chosen.is_empty()>{i18n.t("compare-none")}</option>
                        {options}
                    </select>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="filters no-print" method="get" action=Page::Compare.path(lang) data-testid="compare-form">
            {selects}
            <button type="submit">{i18n.t("compare-submit")}</button>
        </form>
    }
}

#[component]
fn Table(comparison: Comparison) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let list = comparison.municipalities;
    if list.len() < 2 {
        return view! { <p data-testid="compare-help">{i18n.t("compare-help")}</p> }.into_any();
    }
    let unit = i18n.t("unit-km");
    let row = |label: String, cell: &dyn Fn(&MunicipalityProfile) -> AnyView| {
        let cells = list
            .iter()
            .map(|m| view! { <td>{cell(m)}</td> })
            .collect_view();
        view! { <tr><th scope="row">{label}</th>{cells}</tr> }
    };
    let headers = list
        .iter()
        .map(|m| {
            view! {
                <th scope="col" data-code=m.detail.code.clone()>
                    <a href=Page::Municipality(m.detail.code.clone()).path(lang)>{m.detail.name.get(lang).to_owned()}</a>
                </th>
            }
        })
        .collect_view();
    let categories: Vec<(String, String)> = list[0]
        .coverage
        .iter()
        .map(|c| (c.category.clone(), c.label.get(lang).to_owned()))
        .collect();
    let category_rows = categories
        .into_iter()
        .map(|(code, label)| {
            let unit = unit.clone();
            row(label, &move |m| {
                let Some(c) = m.coverage.iter().find(|c| c.category == code) else {
                    return ().into_any();
                };
                let nearest = c.nearest().map(|n| {
                    i18n.t_args("compare-nearest", [("km", format!("{} {unit}", format_km(lang, n.distance_km)).into())])
                });
                view! {
                    <span data-testid="count">{c.here}</span>
                    {(c.here_uncertain > 0).then(|| view! { " " <small>{i18n.t_args("compare-uncertain", [("count", c.here_uncertain.into())])}</small> })}
                    {nearest.map(|n| view! { <br /><small>{n}</small> })}
                }
                .into_any()
            })
        })
        .collect_view();
    let pairs = comparison
        .distances
        .iter()
        .map(|(a, b, km)| {
            let name = |code: &str| {
                list.iter()
                    .find(|m| m.detail.code == code)
                    .map(|m| m.detail.name.get(lang).to_owned())
                    .unwrap_or_default()
            };
            view! { <li data-testid="pair-distance">{name(a)} " – " {name(b)} ": " {format!("{} {}", format_km(lang, *km), unit)}</li> }
        })
        .collect_view();
    let shared = if comparison.shared_projects.is_empty() {
        view! { <p>{i18n.t("compare-no-shared-projects")}</p> }.into_any()
    } else {
        let items = comparison
            .shared_projects
            .iter()
            .map(|p| view! { <li><a href=Page::Project(p.id.clone()).path(lang)>{p.name.get(lang).to_owned()}</a></li> })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    let highlight = list
        .iter()
        .map(|m| m.detail.code.clone())
        .collect::<Vec<_>>()
        .join(" ");
    let unit2 = unit.clone();
    view! {
        <div class="table-scroll">
            <table class="compare" data-testid="compare-table">
                <caption>{i18n.t("compare-caption")}</caption>
                <thead><tr><td></td>{headers}</tr></thead>
                <tbody>
                    {row(i18n.t("col-country"), &|m| i18n.t(m.detail.country.message_id()).into_any())}
                    {row(i18n.t("col-population"), &|m| m.detail.population.map(|p| format_number(lang, p)).unwrap_or_else(|| i18n.t("profile-population-unknown")).into_any())}
                    {row(i18n.t("col-distance"), &move |m| format!("{} {}", format_km(lang, m.detail.distance_to_border_km), unit2).into_any())}
                    {row(i18n.t("contacts-title"), &|m| {
                        let href = format!("{}#{}", Page::Municipality(m.detail.code.clone()).path(lang), super::CONTACTS_ANCHOR);
                        let text = if m.contacts.is_empty() {
                            i18n.t("compare-contacts-none")
                        } else {
                            i18n.t_args("compare-contacts", [("count", m.contacts.len().into())])
                        };
                        view! { <a href=href data-testid="compare-contacts">{text}</a> }.into_any()
                    })}
                    {row(i18n.t("compare-clusters"), &|m| {
                        let names: Vec<String> = m.clusters.iter().map(|c| c.name.get(lang).to_owned()).collect();
                        if names.is_empty() { i18n.t("compare-no-clusters").into_any() } else { names.join(", ").into_any() }
                    })}
                    <tr><th scope="rowgroup" colspan=(list.len() + 1).to_string() class="group">{i18n.t("compare-services")}</th></tr>
                    {category_rows}
                </tbody>
            </table>
        </div>
        <p class="help">{i18n.t("compare-services-help")}</p>
        <section aria-labelledby="pairs-heading">
            <h2 id="pairs-heading">{i18n.t("compare-distances")}</h2>
            <ul>{pairs}</ul>
        </section>
        <section aria-labelledby="shared-heading">
            <h2 id="shared-heading">{i18n.t("compare-shared-projects")}</h2>
            {shared}
        </section>
        <section class="no-print" aria-labelledby="compare-map-heading">
            <h2 id="compare-map-heading">{i18n.t("profile-map")}</h2>
            <RegionMap focus=None highlight=highlight />
        </section>
    }
    .into_any()
}

use super::{
    load_municipality_profile, ClusterRef, Involvement, LocalService, MunicipalityProfile,
    Neighbour,
};
use crate::components::{cached_by_key, Loaded, PageMeta};
use crate::i18n::{format_km, format_number, use_i18n};
use crate::kernel::format::long_date;
use crate::kernel::geo::Country;
use crate::map::RegionMap;
use crate::routes::Page;
use crate::services::coverage::{CategoryCoverage, NearestService};
use leptos::prelude::*;

const MAX_LISTED_NEIGHBOURS: usize = 8;

#[component]
pub fn MunicipalityPage(code: String) -> impl IntoView {
    let profile = Resource::new(move || code.clone(), load_municipality_profile);
    view! { <Loaded resource=profile record=true view=|profile| view! { <Profile profile /> } /> }
}

/// The meta tags, then the body, rendered once per data version and municipality.
#[component]
fn Profile(profile: MunicipalityProfile) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let name = profile.detail.name.get(lang).to_owned();
    let country = i18n.t(profile.detail.country.message_id());
    let description = i18n.t_args(
        "profile-description",
        [("name", name.clone().into()), ("other", country.into())],
    );
    let key = profile.cache_key;
    view! {
        <PageMeta title=name description />
        {cached_by_key("profile", key, move || view! { <ProfileBody profile /> })}
    }
}

#[component]
fn ProfileBody(profile: MunicipalityProfile) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let d = profile.detail;
    let name = d.name.get(lang).to_owned();
    let other_name = d.name.get(lang.other()).to_owned();
    let country = i18n.t(d.country.message_id());
    let (mut across, mut same_side): (Vec<Neighbour>, Vec<Neighbour>) =
        profile.neighbours.into_iter().partition(|n| n.cross_border);
    // Edges are symmetric, so a municipality can have many; show the nearest ones.
    across.truncate(MAX_LISTED_NEIGHBOURS);
    same_side.truncate(MAX_LISTED_NEIGHBOURS);
    let code_label = if d.country == Country::Be {
        "profile-code-be"
    } else {
        "profile-code-fr"
    };
    let population = d.population.map(|p| format_number(lang, p));
    let compare_with: Vec<Neighbour> = across.iter().chain(same_side.iter()).cloned().collect();
    view! {
        <nav aria-label=i18n.t("breadcrumb-label") class="breadcrumb">
            <a href=Page::Municipalities.path(lang)>{i18n.t("nav-municipalities")}</a>
        </nav>
        <h1>{name.clone()}</h1>
        {(other_name != name).then(|| view! {
            <p class="other-name">
                {i18n.t("profile-other-name")} " "
                <span lang=lang.other().code()>{other_name.clone()}</span>
            </p>
        })}
        <div class="profile">
            <section class="facts" aria-labelledby="facts-heading">
                <h2 id="facts-heading">{i18n.t("profile-facts")}</h2>
                <dl>
                    <dt>{i18n.t("profile-name-nl")}</dt>
                    <dd data-testid="name-nl" lang="nl">{d.name.nl.clone()}</dd>
                    <dt>{i18n.t("profile-name-fr")}</dt>
                    <dd data-testid="name-fr" lang="fr">{d.name.fr.clone()}</dd>
                    <dt>{i18n.t("profile-name-official")}</dt>
                    <dd>{d.name_official.clone()}</dd>
                    <dt>{i18n.t(code_label)}</dt>
                    <dd data-testid="code">{d.code.clone()}</dd>
                    <dt>{i18n.t("col-country")}</dt>
                    <dd>{country}</dd>
                    <dt>{i18n.t(if d.country == Country::Be { "profile-province" } else { "profile-departement" })}</dt>
                    <dd>{d.province.get(lang).to_owned()}</dd>
                    <dt>{i18n.t("profile-region")}</dt>
                    <dd>{d.region.get(lang).to_owned()}</dd>
                    <dt>{i18n.t("profile-arrondissement")}</dt>
                    <dd>{if lang == crate::i18n::Lang::Nl { d.arrondissement.nl.clone() } else { d.arrondissement.fr.clone() }}</dd>
                    {d.epci_name.clone().map(|epci| view! {
                        <dt>{i18n.t("profile-epci")}</dt>
                        <dd>{epci}</dd>
                    })}
                    <dt>{i18n.t("col-population")}</dt>
                    <dd data-testid="population">
                        {population.unwrap_or_else(|| i18n.t("profile-population-unknown"))}
                        {d.population_source.clone().map(|s| view! { <small class="source">{format!(" ({s})")}</small> })}
                    </dd>
                    <dt>{i18n.t("profile-postal-codes")}</dt>
                    <dd>{d.postal_codes.join(", ")}</dd>
                    <dt>{i18n.t("col-distance")}</dt>
                    <dd data-testid="distance-to-border">{format!("{} {}", format_km(lang, d.distance_to_border_km), i18n.t("unit-km"))}</dd>
                </dl>
            </section>
            <section class="profile-map" aria-labelledby="profile-map-heading">
                <h2 id="profile-map-heading">{i18n.t("profile-map")}</h2>
                <RegionMap focus=Some(d.code.clone()) />
                <p class="help">{i18n.t(if d.has_boundary { "profile-map-polygon" } else { "profile-map-point" })}</p>
            </section>
        </div>
        <section data-testid="cross-border-neighbours" aria-labelledby="across-heading">
            <h2 id="across-heading">{i18n.t("profile-neighbours-across")}</h2>
            <NeighbourList list=across />
        </section>
        <section aria-labelledby="same-side-heading">
            <h2 id="same-side-heading">{i18n.t("profile-neighbours-same-side")}</h2>
            <NeighbourList list=same_side />
        </section>
        <section class="actions" aria-labelledby="actions-heading">
            <h2 id="actions-heading">{i18n.t("profile-actions")}</h2>
            <CompareForm code=d.code.clone() neighbours=compare_with />
            <p>
                <a href=format!("{}{}", Page::Partners.path(lang), crate::kernel::query::query_string([("code", d.code.as_str())])) data-testid="find-partners">
                    {i18n.t("profile-find-partners")}
                </a>
            </p>
        </section>
        <section data-testid="coverage" aria-labelledby="coverage-heading">
            <h2 id="coverage-heading">{i18n.t("profile-coverage")}</h2>
            <p class="help">{i18n.t("profile-coverage-help")}</p>
            <CoverageTable list=profile.coverage country=d.country />
        </section>
        <super::contacts_view::Contacts code=d.code.clone() contacts=profile.contacts />
        <section data-testid="cooperation" aria-labelledby="cooperation-heading">
            <h2 id="cooperation-heading">{i18n.t("profile-cooperation")}</h2>
            <Cooperation clusters=profile.clusters projects=profile.projects events=profile.events practices=profile.practices />
        </section>
        <section data-testid="services" aria-labelledby="services-heading">
            <h2 id="services-heading">{i18n.t("profile-services")}</h2>
            <ServiceList list=profile.services />
        </section>
        <section aria-labelledby="source-heading">
            <h2 id="source-heading">{i18n.t("profile-source")}</h2>
            <p>{d.source.clone()}</p>
            <p><a href=Page::About.path(lang)>{i18n.t("footer-sources")}</a></p>
        </section>
    }
}

#[component]
fn NeighbourList(list: Vec<Neighbour>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    if list.is_empty() {
        return view! { <p>{i18n.t("profile-neighbours-none")}</p> }.into_any();
    }
    let items = list
        .into_iter()
        .map(|n| {
            view! {
                <li data-testid="neighbour" data-code=n.code.clone()>
                    <a href=Page::Municipality(n.code.clone()).path(lang)>{n.name.get(lang).to_owned()}</a>
                    " "
                    <span class="tag">{i18n.t(n.country.message_id())}</span>
                    " "
                    <span class="distance">{format!("{} {}", format_km(lang, n.distance_km), i18n.t("unit-km"))}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="neighbours">{items}</ul> }.into_any()
}

#[component]
fn ServiceList(list: Vec<LocalService>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    if list.is_empty() {
        return view! { <p>{i18n.t("profile-services-none")}</p> }.into_any();
    }
    let items = list
        .into_iter()
        .map(|s| {
            let name = s.name.get(lang).map(|(l, text)| {
                // A name only available in the other language is marked as such.
                let marked = (l != lang).then(|| l.code());
                view! { <span lang=marked>{text.to_owned()}</span> }
            });
            view! {
                <li>
                    <a href=Page::Service(s.id.clone()).path(lang)><strong>{name}</strong></a>
                    " "
                    <span class="tag">{s.category_label.get(lang).to_owned()}</span>
                    {(s.location_check.as_deref() == Some(crate::services::coverage::MUNICIPALITY_UNCERTAIN)).then(|| view! {
                        " " <span class="tag tag--warning" data-testid="uncertain">{i18n.t("profile-municipality-uncertain")}</span>
                    })}
                    {s.address.map(|a| view! { <br /><span class="address">{a}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="services">{items}</ul> }.into_any()
}

/// "Compare with": the municipality plus one chosen neighbour, as a GET form.
#[component]
fn CompareForm(code: String, neighbours: Vec<Neighbour>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    if neighbours.is_empty() {
        return ().into_any();
    }
    let options = neighbours
        .into_iter()
        .map(|n| {
            let label = format!(
                "{} ({}, {} {})",
                n.name.get(lang),
                i18n.t(n.country.message_id()),
                format_km(lang, n.distance_km),
                i18n.t("unit-km")
            );
            view! { <option value=n.code>{label}</option> }
        })
        .collect_view();
    view! {
        <form method="get" action=Page::Compare.path(lang) class="inline-form" data-testid="compare-form">
            <input type="hidden" name="codes" value=code />
            <label for="compare-with">{i18n.t("profile-compare-with")}</label>
            " "
            <select id="compare-with" name="codes">{options}</select>
            " "
            <button type="submit">{i18n.t("profile-compare")}</button>
        </form>
    }
    .into_any()
}

#[component]
fn CoverageTable(list: Vec<CategoryCoverage>, country: Country) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let other_country = country.other();
    let nearest = move |n: Option<&NearestService>, in_inventory: usize| match n {
        Some(n) => {
            let name = n
                .name
                .get(lang)
                .map(|(_, t)| t.to_owned())
                .unwrap_or_default();
            view! {
                <a href=Page::Service(n.id.clone()).path(lang)>{name}</a>
                <br />
                <span class="km">{format!("{} {}", format_km(lang, n.distance_km), i18n.t("unit-km"))}</span>
            }
            .into_any()
        }
        None if in_inventory == 0 => {
            view! { <span class="help">{i18n.t("observatory-not-in-inventory")}</span> }.into_any()
        }
        None => view! { <span class="help">{i18n.t("observatory-none")}</span> }.into_any(),
    };
    let rows = list
        .into_iter()
        .map(|c| {
            let gain = c.gain_km();
            view! {
                <tr data-testid="coverage-row" data-category=c.category.clone()>
                    <th scope="row">{c.label.get(lang).to_owned()}</th>
                    <td data-testid="here">
                        {c.here}
                        {(c.here_uncertain > 0).then(|| view! { " " <small>{i18n.t_args("compare-uncertain", [("count", c.here_uncertain.into())])}</small> })}
                    </td>
                    <td data-testid="own-side">{nearest(c.own_side.nearest.as_ref(), c.own_side.in_inventory)}</td>
                    <td data-testid="other-side">{nearest(c.other_side.nearest.as_ref(), c.other_side.in_inventory)}</td>
                    <td data-testid="gain">{gain.map(|g| format!("{} {}", format_km(lang, g), i18n.t("unit-km")))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="coverage">
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("profile-coverage-category")}</th>
                        <th scope="col">{i18n.t("profile-coverage-here")}</th>
                        <th scope="col">{i18n.t_args("profile-coverage-side", [("country", i18n.t(country.message_id()).into())])}</th>
                        <th scope="col">{i18n.t_args("profile-coverage-side", [("country", i18n.t(other_country.message_id()).into())])}</th>
                        <th scope="col">{i18n.t("observatory-col-gain")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn Cooperation(
    clusters: Vec<ClusterRef>,
    projects: Vec<Involvement>,
    events: Vec<Involvement>,
    practices: Vec<Involvement>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let clusters = if clusters.is_empty() {
        view! { <p>{i18n.t("profile-clusters-none")}</p> }.into_any()
    } else {
        let items = clusters
            .into_iter()
            .map(|c| view! {
                <li data-testid="cluster">
                    <a href=Page::Cluster(c.id.clone()).path(lang)>{c.name.get(lang).to_owned()}</a>
                    " " <span class="tag">{i18n.t_of(&crate::kernel::kinds::CLUSTER_KIND_MESSAGES, &c.kind)}</span>
                </li>
            })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    let projects = if projects.is_empty() {
        view! { <p>{i18n.t("profile-projects-none")}</p> }.into_any()
    } else {
        let items = projects
            .into_iter()
            .map(|p| view! { <li><a href=Page::Project(p.id.clone()).path(lang)>{p.name.get(lang).to_owned()}</a></li> })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    let events = if events.is_empty() {
        view! { <p>{i18n.t("profile-events-none")}</p> }.into_any()
    } else {
        let items = events
            .into_iter()
            .map(|e| {
                view! {
                    <li data-testid="event">
                        <a href=Page::Event(e.id.clone()).path(lang)>{e.name.get(lang).to_owned()}</a>
                        {e.date.map(|d| view! { " (" {long_date(&d)} ")" })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    let practices = if practices.is_empty() {
        view! { <p>{i18n.t("profile-practices-none")}</p> }.into_any()
    } else {
        let items = practices
            .into_iter()
            .map(|p| view! { <li data-testid="practice"><a href=Page::Practice(p.id.clone()).path(lang)>{p.name.get(lang).to_owned()}</a></li> })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    view! {
        <h3>{i18n.t("profile-clusters")}</h3>
        {clusters}
        <h3>{i18n.t("profile-practices")}</h3>
        {practices}
        <h3>{i18n.t("profile-projects")}</h3>
        {projects}
        <h3>{i18n.t("profile-events")}</h3>
        {events}
    }
}

use super::{load_municipality_profile, Country, LocalService, MunicipalityProfile, Neighbour};
use crate::components::{ErrorNotice, PageMeta};
use crate::error::AppError;
use crate::i18n::{format_km, format_number, use_i18n};
use crate::map::RegionMap;
use crate::pages::NotFoundContent;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

const MAX_LISTED_NEIGHBOURS: usize = 8;

#[component]
pub fn MunicipalityPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let profile = Resource::new(code, load_municipality_profile);
    view! {
        <Suspense fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(profile) => view! { <Profile profile /> }.into_any(),
                    Err(AppError::NotFound) => view! { <NotFoundContent /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Profile(profile: MunicipalityProfile) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let d = profile.detail;
    let name = d.name.get(lang).to_owned();
    let other_name = d.name.get(lang.other()).to_owned();
    let country = i18n.t(Country::message_id(&d.country));
    let description = i18n.t_args(
        "profile-description",
        [
            ("name", name.clone().into()),
            ("other", country.clone().into()),
        ],
    );
    let (mut across, mut same_side): (Vec<Neighbour>, Vec<Neighbour>) =
        profile.neighbours.into_iter().partition(|n| n.cross_border);
    // Edges are symmetric, so a municipality can have many; show the nearest ones.
    across.truncate(MAX_LISTED_NEIGHBOURS);
    same_side.truncate(MAX_LISTED_NEIGHBOURS);
    let code_label = if d.country == "BE" {
        "profile-code-be"
    } else {
        "profile-code-fr"
    };
    let population = d.population.map(|p| format_number(lang, p));
    view! {
        <PageMeta title=name.clone() description />
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
                    <dt>{i18n.t(if d.country == "BE" { "profile-province" } else { "profile-departement" })}</dt>
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
                    <span class="tag">{i18n.t(Country::message_id(&n.country))}</span>
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
                    {s.address.map(|a| view! { <br /><span class="address">{a}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="services">{items}</ul> }.into_any()
}

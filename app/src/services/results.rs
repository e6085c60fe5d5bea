//! The results part of the services page: the list, the active filters, the facets,
//! help when nothing matches, and the pages. Server-rendered from the query's results.

use super::query::{Key, RADII_KM};
use super::query_key::{DROP_MESSAGES, NAMED_MESSAGES};
use super::{
    display_name, language_message_id, FacetValue, SearchResults, ServiceHit, ServiceQuery,
    API_SERVICES, MAX_RADIUS_KM,
};
use crate::i18n::{format_km, format_number, use_i18n};
use crate::kernel::geo::Country;
use crate::routes::Page;
use leptos::prelude::*;

/// Municipality facet: the most frequent ones only, the rest is reachable by search.
const MUNICIPALITY_FACET_LIMIT: usize = 12;

#[component]
pub(super) fn Results(found: SearchResults, query: ServiceQuery) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let base = Page::Services.path(lang);
    let link = {
        let base = base.clone();
        move |q: ServiceQuery| format!("{base}{}", q.to_query_string())
    };
    let export = |ext: &str| {
        let mut q = query.clone();
        q.page.clear();
        format!("{API_SERVICES}.{ext}{}", q.to_query_string())
    };
    let near_text = found.near.as_ref().map(|near| {
        let place = near
            .municipality
            .as_ref()
            .map(|(_, name)| name.get(lang).to_owned())
            .unwrap_or_else(|| i18n.t("services-your-location"));
        i18n.t_args(
            "services-near-summary",
            [
                ("place", place.into()),
                ("radius", format_km(lang, near.radius_km).into()),
            ],
        )
    });
    let empty =
        (found.total == 0).then(|| view! { <EmptyHelp found=found.clone() query=query.clone() /> });
    let hits = found
        .hits
        .iter()
        .cloned()
        .map(|hit| view! { <HitCard hit /> })
        .collect_view();
    let pages = (found.pages > 1).then(|| {
        let page_link = link.clone();
        view! { <Pagination page=found.page pages=found.pages query=query.clone() link=page_link /> }
    });
    view! {
        <p role="status" class="result-count" data-testid="result-count" data-total=found.total>
            {i18n.t_args("services-count", [("count", found.total.into())])}
            {near_text.map(|t| view! { " " <span>{t}</span> })}
        </p>
        <ActiveFilters query=query.clone() link=link.clone() />
        {empty}
        <ol class="service-list" data-testid="service-list">{hits}</ol>
        {pages}
        <Facets found=found.clone() query=query.clone() link=link.clone() />
        <p class="exports">
            {i18n.t("services-export")} " "
            <a href=export("csv") data-testid="export-csv" download="">{i18n.t("services-export-csv")}</a>
            " · "
            <a href=export("geojson") data-testid="export-geojson" download="">{i18n.t("services-export-geojson")}</a>
        </p>
    }
    .into_any()
}

#[component]
fn HitCard(hit: ServiceHit) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let (name_lang, name) = display_name(&hit.core.name, lang);
    let marked = (name_lang != lang).then(|| name_lang.code());
    let open = hit.open_now.map(|open| {
        if open {
            view! { <span class="badge badge--open">{i18n.t("hours-open-now")}</span> }.into_any()
        } else {
            view! { <span class="badge badge--closed">{i18n.t("hours-closed-now")}</span> }
                .into_any()
        }
    });
    let languages = hit
        .core
        .languages
        .iter()
        .map(|l| i18n.t(&language_message_id(l)))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="service-card" data-service-id=hit.core.id.clone() data-testid="service-hit" data-country=hit.core.country.code()
            data-category=hit.core.category.clone() data-distance=hit.distance_km.map(|d| d.to_string())>
            <h2 class="service-card__name">
                <a href=Page::Service(hit.core.id.clone()).path(lang) lang=marked>{name}</a>
            </h2>
            <p class="service-card__meta">
                <span>{hit.category_label.get(lang).to_owned()}</span>
                " · "
                <span>{hit.municipality_name.get(lang).to_owned()}</span>
                " ("{i18n.t(hit.core.country.message_id())}")"
                {hit.distance_km.map(|d| view! {
                    " · " <span class="distance" data-testid="distance">
                        {i18n.t_args("services-distance", [("km", format_km(lang, d).into())])}
                    </span>
                })}
            </p>
            <p class="service-card__facts">
                {open}
                {hit.cross_border.then(|| view! { <span class="badge badge--cross">{i18n.t("services-cross-border-badge")}</span> })}
                {(!languages.is_empty()).then(|| view! {
                    <span class="languages">{i18n.t("services-languages")} " " {languages}</span>
                })}
                {hit.core.is_sample.then(|| view! { <span class="badge badge--sample">{i18n.t("sample-data")}</span> })}
            </p>
            {hit.core.address.map(|a| view! { <p class="service-card__address">{a}</p> })}
        </li>
    }
    .into_any()
}

/// What the current query filters on, each with a link that removes it.
#[component]
fn ActiveFilters(
    query: ServiceQuery,
    link: impl Fn(ServiceQuery) -> String + Clone + Send + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let mut chips = vec![];
    for key in Key::FILTERS {
        let value = query.get(key);
        if value.is_empty() {
            continue;
        }
        let label = match key {
            Key::Open => i18n.t("filter-open-now"),
            Key::Cross => i18n.t("filter-cross-border"),
            Key::Bbox => i18n.t("services-area"),
            Key::Language => i18n.t(&language_message_id(value)),
            Key::Country => Country::from_code(value)
                .map_or_else(|| value.to_owned(), |c| i18n.t(c.message_id())),
            _ => format!("{}: {value}", i18n.t_of(&NAMED_MESSAGES, key.name())),
        };
        let mut without = query.with(key, "");
        if key == Key::Near {
            without.radius.clear();
        }
        chips.push(chip(link(without), label));
    }
    if !query.lat.is_empty() && query.near.is_empty() {
        let mut without = query.with(Key::Lat, "");
        without.lon.clear();
        let label = i18n.t("services-your-location");
        chips.push(chip(link(without), label));
    }
    (!chips.is_empty()).then(|| {
        view! {
            <ul class="chips" aria-label=i18n.t("services-active-filters")>{chips}</ul>
        }
    })
}

/// A filter that is on, as a link that removes it.
fn chip(href: String, label: String) -> impl IntoView {
    let i18n = use_i18n();
    let name = i18n.t_args("services-remove-filter", [("filter", label.clone().into())]);
    view! {
        <li>
            <a href=href class="chip" aria-label=name>
                {label}
            </a>
        </li>
    }
}

/// No results: say why, and offer the ways out (wider radius, fewer filters).
#[component]
fn EmptyHelp(found: SearchResults, query: ServiceQuery) -> impl IntoView {
    let i18n = use_i18n();
    let base = Page::Services.path(i18n.lang);
    let mut suggestions = vec![];
    if let Some(near) = &found.near {
        if near.radius_km < MAX_RADIUS_KM {
            let wider = RADII_KM
                .into_iter()
                .map(f64::from)
                .find(|r| *r > near.radius_km)
                .unwrap_or(MAX_RADIUS_KM);
            let href = format!(
                "{base}{}",
                query
                    .with(Key::Radius, &wider.to_string())
                    .to_query_string()
            );
            suggestions.push(view! {
                <li><a href=href data-testid="widen-radius">
                    {i18n.t_args("services-widen-radius", [("km", format_km(i18n.lang, wider).into())])}
                </a></li>
            }.into_any());
        }
    }
    // The place has its own suggestion (a wider radius); the text is dropped last.
    let droppable = Key::FILTERS
        .into_iter()
        .filter(|k| !matches!(k, Key::Near | Key::Q))
        .chain([Key::Q]);
    for key in droppable {
        if !query.get(key).is_empty() {
            let href = format!("{base}{}", query.with(key, "").to_query_string());
            suggestions.push(
                view! {
                    <li><a href=href>{i18n.t_of(&DROP_MESSAGES, key.name())}</a></li>
                }
                .into_any(),
            );
        }
    }
    view! {
        <div class="notice" data-testid="no-results">
            <p>{i18n.t(if found.near.is_some() { "services-none-near" } else { "services-none" })}</p>
            {(!suggestions.is_empty()).then(|| view! { <ul>{suggestions}</ul> })}
        </div>
    }
}

#[component]
fn Facets(
    found: SearchResults,
    query: ServiceQuery,
    link: impl Fn(ServiceQuery) -> String + Clone + Send + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let group = |key: Key,
                 title: String,
                 values: Vec<FacetValue>,
                 label: &dyn Fn(&FacetValue) -> String| {
        let current = query.get(key).to_owned();
        let items = values
            .iter()
            .map(|v| {
                let selected = current == v.value;
                let href = link(query.with(key, if selected { "" } else { &v.value }));
                view! {
                    <li>
                        <a href=href aria-current=selected.then_some("true")>
                            {label(v)} " " <span class="count">{format!("({})", format_number(lang, v.count as i64))}</span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="facet" data-facet=key.name()>
                <h3>{title}</h3>
                <ul>{items}</ul>
            </section>
        }
    };
    let f = found.facets;
    let localized = move |v: &FacetValue| v.label.get(lang).to_owned();
    let country = move |v: &FacetValue| {
        Country::from_code(&v.value).map_or_else(|| v.value.clone(), |c| i18n.t(c.message_id()))
    };
    let language = move |v: &FacetValue| i18n.t(&language_message_id(&v.value));
    let mut municipalities = f.municipality.clone();
    municipalities.truncate(MUNICIPALITY_FACET_LIMIT);
    let toggles = {
        let open_href = link(query.with(Key::Open, if query.open == "1" { "" } else { "1" }));
        let cross_href = link(query.with(Key::Cross, if query.cross == "1" { "" } else { "1" }));
        view! {
            <section class="facet" data-facet="flags">
                <h3>{i18n.t("services-facet-access")}</h3>
                <ul>
                    <li><a href=open_href aria-current=(query.open == "1").then_some("true")>
                        {i18n.t("filter-open-now")} " " <span class="count">{format!("({})", f.open_now)}</span>
                    </a></li>
                    <li><a href=cross_href aria-current=(query.cross == "1").then_some("true")>
                        {i18n.t("filter-cross-border")} " " <span class="count">{format!("({})", f.cross_border)}</span>
                    </a></li>
                </ul>
            </section>
        }
    };
    view! {
        <nav class="facets" aria-label=i18n.t("services-facets")>
            <h2 class="visually-hidden">{i18n.t("services-facets")}</h2>
            {group(Key::Category, i18n.t("filter-category"), f.category.clone(), &localized)}
            {group(Key::Country, i18n.t("filter-country"), f.country.clone(), &country)}
            {group(Key::Language, i18n.t("filter-language"), f.language.clone(), &language)}
            {group(Key::Municipality, i18n.t("filter-municipality"), municipalities, &localized)}
            {toggles}
        </nav>
    }
    .into_any()
}

#[component]
fn Pagination(
    page: usize,
    pages: usize,
    query: ServiceQuery,
    link: impl Fn(ServiceQuery) -> String + Clone + Send + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let to = |p: usize| {
        link(query.with(
            Key::Page,
            &if p == 1 { String::new() } else { p.to_string() },
        ))
    };
    let prev =
        (page > 1).then(|| view! { <a href=to(page - 1) rel="prev">{i18n.t("page-previous")}</a> });
    let next =
        (page < pages).then(|| view! { <a href=to(page + 1) rel="next">{i18n.t("page-next")}</a> });
    view! {
        <nav class="pagination" aria-label=i18n.t("page-navigation")>
            {prev}
            <span>{i18n.t_args("page-of", [("page", page.into()), ("pages", pages.into())])}</span>
            {next}
        </nav>
    }
}

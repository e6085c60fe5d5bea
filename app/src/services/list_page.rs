use super::query::{Key, DEFAULT_RADIUS_KM, RADII_KM};
use super::{
    load_categories, map_points_url, search_services, Category, ServiceQuery, ServiceSort,
};
use crate::components::{cached_fragment, failure, LiveSearch, PageMeta};
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::results::Results;

/// Search and browse services. A GET form and plain links carry the whole query in the
/// URL, so it works without JavaScript; with it, changing a filter searches at once and
/// each search is a history entry (Back restores it), without reloading the map.
#[component]
pub fn ServicesPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let params = use_query_map();
    let query = params.with_untracked(|params| {
        ServiceQuery::from_pairs(
            Key::ALL
                .into_iter()
                .filter_map(|k| params.get_str(k.name()).map(|v| (k.name(), v))),
        )
    });
    // Reference-counted resources (see `components::Loaded`).
    let results = ArcResource::new(
        {
            let query = query.clone();
            move || query.clone()
        },
        move |query| search_services(lang, query),
    );
    let categories = ArcResource::new(|| (), |_| load_categories());
    let form_query = query.clone();

    view! {
        <PageMeta title=i18n.t("services-title") description=i18n.t("services-description") />
        <h1>{i18n.t("services-title")}</h1>
        <p class="lead">{i18n.t("services-intro")}</p>
        <LiveSearch history=true>
            <div class="services-layout">
                <div class="services-search">
                    <SearchForm query=form_query categories />
                </div>
                <Suspense fallback=|| ()>
                    {move || {
                        let query = query.clone();
                        let results = results.clone();
                        Suspend::new(async move {
                            let (found, center) = match results.await {
                                Ok(found) => {
                                    let center = found
                                        .near
                                        .as_ref()
                                        .map(|n| format!("{},{},{}", n.lat, n.lon, n.radius_km))
                                        .unwrap_or_default();
                                    (Ok(found), center)
                                }
                                Err(error) => (Err(error), String::new()),
                            };
                            let points_url = map_points_url(&query, lang);
                            view! {
                                <div id="service-results" class="services-results"
                                    data-live="content" data-live-focus="" tabindex="-1">
                                    {match found {
                                        Ok(found) => cached_fragment("services-results", (found, query), |(found, query)| {
                                            view! { <Results found query /> }
                                        }),
                                        Err(error) => failure(error),
                                    }}
                                </div>
                                <ServicesMap points_url center />
                            }
                        })
                    }}
                </Suspense>
            </div>
        </LiveSearch>
    }
    .into_any()
}

/// The map of a search: services-map.js draws the points of `points_url`; a new search
/// changes only these attributes, so the map keeps its tiles and position.
#[component]
fn ServicesMap(points_url: String, center: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    view! {
        <div class="services-map">
            <div
                id="services-map"
                class="map map--services"
                data-services-map=""
                data-live-attrs="data-points-url data-center"
                data-lang=lang.code()
                data-points-url=points_url
                data-center=center
                data-detail-base=format!("{}/", Page::Services.path(lang))
                data-layers-url=crate::map::LAYERS_URL
                data-label-search-area=i18n.t("services-search-area")
                data-label-zoom-in=i18n.t("map-zoom-in")
                data-label-zoom-out=i18n.t("map-zoom-out")
                data-label-close=i18n.t("map-close-popup")
                data-label-open=i18n.t("services-open-detail")
                role="region"
                aria-label=i18n.t("services-map-label")
            >
                <p class="map-fallback">{i18n.t("services-map-fallback")}</p>
            </div>
        </div>
    }
}

#[component]
fn SearchForm(
    query: ServiceQuery,
    categories: ArcResource<Result<Vec<Category>, AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let radius: f64 = query.radius.parse().unwrap_or(DEFAULT_RADIUS_KM);
    let q = query.clone();
    let category_options = move || {
        let selected = q.category.clone();
        let categories = categories.clone();
        Suspend::new(async move {
            let list = categories.await.unwrap_or_default();
            let mut groups: Vec<&Category> = list.iter().filter(|c| c.parent.is_none()).collect();
            groups.sort_by(|a, b| a.label.get(lang).cmp(b.label.get(lang)));
            groups
                .into_iter()
                .map(|group| {
                    let mut children: Vec<&Category> = list
                        .iter()
                        .filter(|c| c.parent.as_deref() == Some(group.code.as_str()))
                        .collect();
                    children.sort_by(|a, b| a.label.get(lang).cmp(b.label.get(lang)));
                    let children = children
                        .into_iter()
                        .map(|c| {
                            view! {
                                <option value=c.code.clone() selected=selected == c.code>
                                    {format!("\u{a0}\u{a0}{}", c.label.get(lang))}
                                </option>
                            }
                        })
                        .collect_view();
                    view! {
                        <option value=group.code.clone() selected=selected == group.code>
                            {group.label.get(lang).to_owned()}
                        </option>
                        {children}
                    }
                })
                .collect_view()
        })
    };
    let using_point = query.near.trim().is_empty() && !query.lat.is_empty();
    view! {
        <form
            id="service-search"
            class="filters filters--stacked"
            role="search"
            method="get"
            action=Page::Services.path(lang)
            data-live="fields"
        >
            <div class="field">
                <label for="q">{i18n.t("services-search-label")}</label>
                <input id="q" name="q" type="search" autocomplete="off" maxlength="100"
                    value=query.q.clone() aria-describedby="q-help" />
                <p id="q-help" class="help">{i18n.t("services-search-help")}</p>
            </div>
            <fieldset class="field near">
                <legend>{i18n.t("services-near-legend")}</legend>
                <label for="near">{i18n.t("services-near-label")}</label>
                <input id="near" name="near" type="text" autocomplete="off" maxlength="100"
                    value=query.near.clone() aria-describedby="near-help" />
                <p id="near-help" class="help">
                    {if using_point { i18n.t("services-near-using-location") } else { i18n.t("services-near-help") }}
                </p>
                <input type="hidden" name="lat" value=query.lat.clone() />
                <input type="hidden" name="lon" value=query.lon.clone() />
                <button type="button" class="secondary" data-locate="" hidden
                    data-label-error=i18n.t("services-locate-error")>
                    {i18n.t("services-locate")}
                </button>
                <label for="radius">{i18n.t("services-radius-label")}</label>
                <select id="radius" name="radius">
                    {RADII_KM.into_iter().map(|r| view! {
                        <option value=r.to_string() selected=(f64::from(r) - radius).abs() < 0.01>
                            {format!("{r} {}", i18n.t("unit-km"))}
                        </option>
                    }).collect_view()}
                </select>
            </fieldset>
            <div class="field">
                <label for="category">{i18n.t("filter-category")}</label>
                <select id="category" name="category">
                    <option value="" selected=query.category.is_empty()>{i18n.t("filter-category-all")}</option>
                    <Suspense fallback=|| ()>{category_options}</Suspense>
                </select>
            </div>
            <div class="field">
                <label for="country">{i18n.t("filter-country")}</label>
                <select id="country" name="country">
                    <option value="" selected=query.country.is_empty()>{i18n.t("filter-country-all")}</option>
                    <option value="BE" selected=query.country == "BE">{i18n.t("country-be")}</option>
                    <option value="FR" selected=query.country == "FR">{i18n.t("country-fr")}</option>
                </select>
            </div>
            <div class="field">
                <label for="language">{i18n.t("filter-language")}</label>
                <select id="language" name="language">
                    <option value="" selected=query.language.is_empty()>{i18n.t("filter-language-all")}</option>
                    <option value="nl" selected=query.language == "nl">{i18n.t("language-nl")}</option>
                    <option value="fr" selected=query.language == "fr">{i18n.t("language-fr")}</option>
                </select>
            </div>
            <input type="hidden" name="municipality" value=query.municipality.clone() />
            <input type="hidden" name="bbox" value=query.bbox.clone() />
            <div class="field checks">
                <label class="check">
                    <input type="checkbox" name="open" value="1" checked=query.open == "1" />
                    {i18n.t("filter-open-now")}
                </label>
                <label class="check">
                    <input type="checkbox" name="cross" value="1" checked=query.cross == "1" />
                    {i18n.t("filter-cross-border")}
                </label>
            </div>
            <div class="field">
                <label for="sort">{i18n.t("sort-label")}</label>
                <select id="sort" name="sort">
                    <option value="" selected=query.sort.is_empty()>{i18n.t("services-sort-default")}</option>
                    {ServiceSort::ALL.into_iter().map(|s| view! {
                        <option value=s.code() selected=query.sort == s.code()>
                            {i18n.t_of(&super::query::SORT_MESSAGES, s.code())}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit">{i18n.t("search-submit")}</button>
        </form>
    }
    .into_any()
}

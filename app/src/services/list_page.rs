use super::query::{DEFAULT_RADIUS_KM, RADII_KM};
use super::{
    load_categories, map_points_url, search_services, Category, ServiceQuery, ServiceSort,
};
use crate::components::{set_status, ErrorNotice, PageMeta};
use crate::error::AppError;
use crate::i18n::{use_i18n, Lang};
use crate::routes::Page;
use leptos::html::Form;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::results::Results;

/// Search and browse services. A GET form and plain links carry the whole query in the
/// URL, so it works without JavaScript; once hydrated, changing a filter submits at once
/// (client-side navigation, a new history entry, so Back works).
#[component]
pub fn ServicesPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        ServiceQuery::from_pairs(
            ServiceQuery::KEYS
                .iter()
                .filter_map(|k| params.get_str(k).map(|v| (*k, v))),
        )
    });
    let results = Resource::new(
        move || query.get(),
        move |query| search_services(lang, query),
    );
    let categories = Resource::new(|| (), |_| load_categories());
    let form = NodeRef::<Form>::new();
    // Choosing in a list or ticking a box searches at once; text fields wait for Enter
    // or the button, so that typing and tabbing through the form never moves the focus.
    let submit = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let instant = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    el.tag_name() == "SELECT"
                        || el.get_attribute("type").as_deref() == Some("checkbox")
                });
            if let (true, Some(form)) = (instant, form.get()) {
                let _ = form.request_submit();
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    // The map keeps its Leaflet instance across searches: only its data changes.
    let points_url = RwSignal::new(String::new());
    let center = RwSignal::new(String::new());

    view! {
        <PageMeta title=i18n.t("services-title") description=i18n.t("services-description") />
        <h1>{i18n.t("services-title")}</h1>
        <p class="lead">{i18n.t("services-intro")}</p>
        <div class="services-layout">
            <div class="services-search" on:change=submit>
                <SearchForm query categories form />
            </div>
            <div class="services-results">
                <Transition fallback=move || view! { <p>{i18n.t("loading")}</p> }>
                    {move || Suspend::new(async move {
                        let q = query.get();
                        match results.await {
                            Ok(found) => {
                                points_url.set(map_points_url(&q, lang));
                                center.set(
                                    found
                                        .near
                                        .as_ref()
                                        .map(|n| format!("{},{},{}", n.lat, n.lon, n.radius_km))
                                        .unwrap_or_default(),
                                );
                                view! { <Results found query=q /> }.into_any()
                            }
                            Err(error) => {
                                set_status(error.status());
                                view! { <ErrorNotice error /> }.into_any()
                            }
                        }
                    })}
                </Transition>
            </div>
            <div class="services-map">
                <div
                    class="map map--services"
                    data-services-map=""
                    data-lang=lang.code()
                    data-points-url=move || points_url.get()
                    data-center=move || center.get()
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
        </div>
    }
    .into_any()
}

#[component]
fn SearchForm(
    query: Memo<ServiceQuery>,
    categories: Resource<Result<Vec<Category>, AppError>>,
    form: NodeRef<Form>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    // Rendered once: the server-rendered values come from the first query, and the
    // fields follow the URL afterwards (Back, facet links) through their properties.
    let value = move |key: &'static str| move || query.read().get(key).to_owned();
    let checked = move |key: &'static str| move || query.read().get(key) == "1";
    let query = query.get_untracked();
    let radius: f64 = query.radius.parse().unwrap_or(DEFAULT_RADIUS_KM);
    let q = query.clone();
    let category_options = move || {
        let selected = q.category.clone();
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
    let using_point = Memo::new(move |_| {
        let q = value("near")();
        q.trim().is_empty() && !value("lat")().is_empty()
    });
    let navigate = leptos_router::hooks::use_navigate();
    view! {
        <form
            id="service-search"
            class="filters filters--stacked"
            role="search"
            method="get"
            action=Page::Services.path(lang)
            node_ref=form
            on:submit=move |ev| on_submit(ev, lang, &navigate)
        >
            <div class="field">
                <label for="q">{i18n.t("services-search-label")}</label>
                <input id="q" name="q" type="search" autocomplete="off" maxlength="100"
                    value=query.q.clone() prop:value=value("q") aria-describedby="q-help" />
                <p id="q-help" class="help">{i18n.t("services-search-help")}</p>
            </div>
            <fieldset class="field near">
                <legend>{i18n.t("services-near-legend")}</legend>
                <label for="near">{i18n.t("services-near-label")}</label>
                <input id="near" name="near" type="text" autocomplete="off" maxlength="100"
                    value=query.near.clone() prop:value=value("near") aria-describedby="near-help" />
                <p id="near-help" class="help">
                    {move || if using_point.get() { i18n.t("services-near-using-location") } else { i18n.t("services-near-help") }}
                </p>
                <input type="hidden" name="lat" value=query.lat.clone() prop:value=value("lat") />
                <input type="hidden" name="lon" value=query.lon.clone() prop:value=value("lon") />
                <button type="button" class="secondary" data-locate="" hidden
                    data-label-error=i18n.t("services-locate-error")>
                    {i18n.t("services-locate")}
                </button>
                <label for="radius">{i18n.t("services-radius-label")}</label>
                <select id="radius" name="radius" prop:value=move || {
                    let r: f64 = value("radius")().parse().unwrap_or(DEFAULT_RADIUS_KM);
                    RADII_KM.into_iter().find(|k| (f64::from(*k) - r).abs() < 0.01).unwrap_or(10).to_string()
                }>
                    {RADII_KM.into_iter().map(|r| view! {
                        <option value=r.to_string() selected=(f64::from(r) - radius).abs() < 0.01>
                            {format!("{r} {}", i18n.t("unit-km"))}
                        </option>
                    }).collect_view()}
                </select>
            </fieldset>
            <div class="field">
                <label for="category">{i18n.t("filter-category")}</label>
                <select id="category" name="category" prop:value=value("category")>
                    <option value="" selected=query.category.is_empty()>{i18n.t("filter-category-all")}</option>
                    <Suspense fallback=|| ()>{category_options}</Suspense>
                </select>
            </div>
            <div class="field">
                <label for="country">{i18n.t("filter-country")}</label>
                <select id="country" name="country" prop:value=value("country")>
                    <option value="" selected=query.country.is_empty()>{i18n.t("filter-country-all")}</option>
                    <option value="BE" selected=query.country == "BE">{i18n.t("country-be")}</option>
                    <option value="FR" selected=query.country == "FR">{i18n.t("country-fr")}</option>
                </select>
            </div>
            <div class="field">
                <label for="language">{i18n.t("filter-language")}</label>
                <select id="language" name="language" prop:value=value("language")>
                    <option value="" selected=query.language.is_empty()>{i18n.t("filter-language-all")}</option>
                    <option value="nl" selected=query.language == "nl">{i18n.t("language-nl")}</option>
                    <option value="fr" selected=query.language == "fr">{i18n.t("language-fr")}</option>
                </select>
            </div>
            <input type="hidden" name="municipality" value=query.municipality.clone() prop:value=value("municipality") />
            <input type="hidden" name="bbox" value=query.bbox.clone() prop:value=value("bbox") />
            <div class="field checks">
                <label class="check">
                    <input type="checkbox" name="open" value="1" checked=query.open == "1" prop:checked=checked("open") />
                    {i18n.t("filter-open-now")}
                </label>
                <label class="check">
                    <input type="checkbox" name="cross" value="1" checked=query.cross == "1" prop:checked=checked("cross") />
                    {i18n.t("filter-cross-border")}
                </label>
            </div>
            <div class="field">
                <label for="sort">{i18n.t("sort-label")}</label>
                <select id="sort" name="sort" prop:value=value("sort")>
                    <option value="" selected=query.sort.is_empty()>{i18n.t("services-sort-default")}</option>
                    {ServiceSort::ALL.into_iter().map(|s| view! {
                        <option value=s.code() selected=query.sort == s.code()>
                            {i18n.t(&format!("services-sort-{}", s.code()))}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit">{i18n.t("search-submit")}</button>
        </form>
    }
    .into_any()
}

/// Client-side submit: the form's fields become the URL's query (empty ones left out),
/// and the router navigates there.
fn on_submit(
    ev: leptos::ev::SubmitEvent,
    lang: Lang,
    navigate: &dyn Fn(&str, leptos_router::NavigateOptions),
) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        ev.prevent_default();
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else {
            return;
        };
        let mut query = ServiceQuery::default();
        for key in ServiceQuery::KEYS {
            if let Some(value) = data.get(key).as_string() {
                query.set(key, value);
            }
        }
        // A typed place replaces the browser's location.
        if !query.near.trim().is_empty() {
            query.lat.clear();
            query.lon.clear();
        }
        let url = format!("{}{}", Page::Services.path(lang), query.to_query_string());
        navigate(&url, Default::default());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (ev, lang, navigate);
}

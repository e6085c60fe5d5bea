use super::query::DEFAULT_RADIUS_KM;
use super::{
    display_name, language_message_id, load_categories, map_points_url, search_services, Category,
    FacetValue, SearchResults, ServiceHit, ServiceQuery, ServiceSort, MAX_RADIUS_KM,
};
use crate::components::{set_status, ErrorNotice, PageMeta};
use crate::error::AppError;
use crate::i18n::{format_km, format_number, use_i18n, Lang};
use crate::municipalities::Country;
use crate::routes::Page;
use leptos::html::Form;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

pub const RADII_KM: [u32; 6] = [2, 5, 10, 25, 50, 100];
/// Municipality facet: the most frequent ones only, the rest is reachable by search.
const MUNICIPALITY_FACET_LIMIT: usize = 12;

/// Where the exports and the API live: the page's query string works there unchanged.
pub const API_SERVICES: &str = "/api/v1/services";

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

#[component]
fn Results(found: SearchResults, query: ServiceQuery) -> impl IntoView {
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
    let (name_lang, name) = display_name(&hit.name, lang);
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
        .languages
        .iter()
        .map(|l| i18n.t(language_message_id(l)))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="service-card" data-service-id=hit.id.clone() data-testid="service-hit" data-country=hit.country.clone()
            data-category=hit.category.clone() data-distance=hit.distance_km.map(|d| d.to_string())>
            <h2 class="service-card__name">
                <a href=Page::Service(hit.id.clone()).path(lang) lang=marked>{name}</a>
            </h2>
            <p class="service-card__meta">
                <span>{hit.category_label.get(lang).to_owned()}</span>
                " · "
                <span>{hit.municipality_name.get(lang).to_owned()}</span>
                " ("{i18n.t(Country::message_id(&hit.country))}")"
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
                {hit.is_sample.then(|| view! { <span class="badge badge--sample">{i18n.t("sample-data")}</span> })}
            </p>
            {hit.address.map(|a| view! { <p class="service-card__address">{a}</p> })}
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
    for key in [
        "q",
        "category",
        "country",
        "municipality",
        "language",
        "open",
        "cross",
        "near",
        "bbox",
    ] {
        let value = query.get(key);
        if value.is_empty() {
            continue;
        }
        let label = match key {
            "open" => i18n.t("filter-open-now"),
            "cross" => i18n.t("filter-cross-border"),
            "bbox" => i18n.t("services-area"),
            "language" => i18n.t(language_message_id(value)),
            "country" => i18n.t(Country::message_id(value)),
            _ => format!("{}: {value}", i18n.t(&format!("filter-{key}"))),
        };
        let mut without = query.with(key, "");
        if key == "near" {
            without.radius.clear();
        }
        chips.push(chip(link(without), label));
    }
    if !query.lat.is_empty() && query.near.is_empty() {
        let mut without = query.with("lat", "");
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
                query.with("radius", &wider.to_string()).to_query_string()
            );
            suggestions.push(view! {
                <li><a href=href data-testid="widen-radius">
                    {i18n.t_args("services-widen-radius", [("km", format_km(i18n.lang, wider).into())])}
                </a></li>
            }.into_any());
        }
    }
    for key in [
        "category",
        "country",
        "municipality",
        "language",
        "open",
        "cross",
        "bbox",
        "q",
    ] {
        if !query.get(key).is_empty() {
            let href = format!("{base}{}", query.with(key, "").to_query_string());
            suggestions.push(
                view! {
                    <li><a href=href>{i18n.t(&format!("services-drop-{key}"))}</a></li>
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
    let group = |key: &'static str,
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
            <section class="facet" data-facet=key>
                <h3>{title}</h3>
                <ul>{items}</ul>
            </section>
        }
    };
    let f = found.facets;
    let localized = move |v: &FacetValue| v.label.get(lang).to_owned();
    let country = move |v: &FacetValue| i18n.t(Country::message_id(&v.value));
    let language = move |v: &FacetValue| i18n.t(language_message_id(&v.value));
    let mut municipalities = f.municipality.clone();
    municipalities.truncate(MUNICIPALITY_FACET_LIMIT);
    let toggles = {
        let open_href = link(query.with("open", if query.open == "1" { "" } else { "1" }));
        let cross_href = link(query.with("cross", if query.cross == "1" { "" } else { "1" }));
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
            {group("category", i18n.t("filter-category"), f.category.clone(), &localized)}
            {group("country", i18n.t("filter-country"), f.country.clone(), &country)}
            {group("language", i18n.t("filter-language"), f.language.clone(), &language)}
            {group("municipality", i18n.t("filter-municipality"), municipalities, &localized)}
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
    let to =
        |p: usize| link(query.with("page", &if p == 1 { String::new() } else { p.to_string() }));
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

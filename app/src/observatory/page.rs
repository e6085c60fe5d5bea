use super::{load_observatory, Observatory, ObservatoryQuery, ObservatoryRow, ObservatorySort};
use crate::components::{cached_by_key, Loaded, PageMeta};
use crate::i18n::{format_km, format_number, use_i18n, Lang, MessageSet};
use crate::kernel::geo::Country;
use crate::kernel::query::query_string;
use crate::map::{MapValues, RegionMap};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Choropleth classes: nearest service within 5, 10, 20 km, or farther.
const BUCKETS_KM: [u32; 3] = [5, 10, 20];
pub const CSV_URL: &str = "/api/v1/observatory.csv";

#[component]
pub fn ObservatoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = params.with_untracked(ObservatoryQuery::from_params);
    let data = Resource::new(
        {
            let query = query.clone();
            move || query.clone()
        },
        load_observatory,
    );
    view! {
        <PageMeta title=i18n.t("observatory-title") description=i18n.t("observatory-description") />
        <h1>{i18n.t("observatory-title")}</h1>
        <p class="lead">{i18n.t("observatory-intro")}</p>
        <Loaded resource=data view=|data| {
            // Rendered once per data version, query and report counts (258 rows).
            cached_by_key("observatory", data.cache_key, move || view! { <Report data /> })
        } />
    }
}

fn km(lang: Lang, value: f64, unit: &str) -> String {
    format!("{} {unit}", format_km(lang, value))
}

#[component]
fn Report(data: Observatory) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let category = data.category.clone();
    let label = category.label.get(lang).to_owned();
    let base = ObservatoryQuery {
        category: category.code.clone(),
        sort: data.sort.code().to_owned(),
        beyond: data.beyond.map(|b| b.to_string()).unwrap_or_default(),
    };
    let csv_href = format!(
        "{CSV_URL}{}",
        query_string([("category", category.code.as_str()), ("lang", lang.code())])
    );
    let gains = data
        .rows
        .iter()
        .filter(|r| r.coverage.gain_km().is_some())
        .count();
    let missing_sides: Vec<String> = [(Country::Be, category.be), (Country::Fr, category.fr)]
        .into_iter()
        .filter(|(_, n)| *n == 0)
        .map(|(country, _)| {
            i18n.t_args(
                "observatory-side-missing",
                [
                    ("category", label.clone().into()),
                    ("country", i18n.t(country.message_id()).into()),
                ],
            )
        })
        .collect();
    let values = MapValues {
        values: data
            .rows
            .iter()
            .filter_map(|r| Some(format!("{}:{:.1}", r.code, r.nearest_km()?)))
            .collect::<Vec<_>>()
            .join(" "),
        buckets: BUCKETS_KM.map(|b| b.to_string()).join(" "),
        label: i18n.t("observatory-col-nearest"),
        none_label: i18n.t("observatory-none"),
    };
    let unit = i18n.t("unit-km");
    let legend = (0..=BUCKETS_KM.len())
        .map(|b| {
            let text = match b {
                0 => i18n.t_args("observatory-legend-within", [("km", BUCKETS_KM[0].into())]),
                b if b == BUCKETS_KM.len() => {
                    i18n.t_args("observatory-legend-beyond", [("km", BUCKETS_KM[b - 1].into())])
                }
                b => i18n.t_args(
                    "observatory-legend-between",
                    [("from", BUCKETS_KM[b - 1].into()), ("km", BUCKETS_KM[b].into())],
                ),
            };
            view! { <li><span class=format!("swatch map-value--{b}") aria-hidden="true"></span>{text}</li> }
        })
        .collect_view();
    view! {
        <Filters data=data.clone() />
        {missing_sides.into_iter().map(|text| view! { <p class="notice" data-testid="side-missing">{text}</p> }).collect_view()}
        <p data-testid="gain-summary">
            {i18n.t_args("observatory-gain-summary", [("count", gains.into()), ("total", data.rows.len().into()), ("category", label.clone().into())])}
        </p>
        // The table first (in its own scroll box), the map after it: the map, the page's
        // heaviest part, is drawn only when scrolled near (Lighthouse TBT 216-466 ms with
        // the map first).
        <section aria-labelledby="observatory-table-heading">
            <h2 id="observatory-table-heading">{i18n.t_args("observatory-table", [("category", label.into())])}</h2>
            <p><a href=csv_href download="" data-testid="csv-link">{i18n.t("observatory-csv")}</a></p>
            <p class="help">{i18n.t("observatory-method")}</p>
            <Table rows=data.rows sort=data.sort base unit />
        </section>
        <section aria-labelledby="observatory-map-heading">
            <h2 id="observatory-map-heading">{i18n.t("observatory-map")}</h2>
            <RegionMap focus=None values=values />
            <ul class="legend" aria-label=i18n.t("observatory-legend")>
                {legend}
                <li><span class="swatch map-value--none" aria-hidden="true"></span>{i18n.t("observatory-none")}</li>
            </ul>
        </section>
        <ReportSummary reports=data.reports />
    }
}

#[component]
fn Filters(data: Observatory) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let chosen = data.category.code.clone();
    let categories = data
        .categories
        .iter()
        .map(|c| {
            let text = i18n.t_args(
                "observatory-category-option",
                [
                    ("category", c.label.get(lang).to_owned().into()),
                    ("be", c.be.into()),
                    ("fr", c.fr.into()),
                ],
            );
            view! { <option value=c.code.clone() selected=c.code == chosen>{text}</option> }
        })
        .collect_view();
    let sorts = ObservatorySort::ALL
        .into_iter()
        .map(|s| {
            view! {
                <option value=s.code() selected=s == data.sort>
                    {i18n.t_of(&super::SORT_MESSAGES, s.code())}
                </option>
            }
        })
        .collect_view();
    view! {
        <form class="filters" method="get" action=Page::Observatory.path(lang) data-testid="observatory-filters">
            <div class="field">
                <label for="category">{i18n.t("observatory-category")}</label>
                <select id="category" name="category">{categories}</select>
            </div>
            <div class="field">
                <label for="sort">{i18n.t("observatory-sort")}</label>
                <select id="sort" name="sort">{sorts}</select>
            </div>
            <div class="field">
                <label for="beyond">{i18n.t("observatory-beyond")}</label>
                <input id="beyond" name="beyond" type="number" min="1" max=super::MAX_WITHIN_KM.to_string()
                    inputmode="numeric" value=data.beyond.map(|b| b.to_string()) aria-describedby="beyond-help" />
                <p class="help" id="beyond-help">{i18n.t("observatory-beyond-help")}</p>
            </div>
            <button type="submit">{i18n.t("observatory-show")}</button>
        </form>
    }
}

#[component]
fn Table(
    rows: Vec<ObservatoryRow>,
    sort: ObservatorySort,
    base: ObservatoryQuery,
    unit: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    if rows.is_empty() {
        return view! { <p data-testid="observatory-empty">{i18n.t("observatory-empty")}</p> }
            .into_any();
    }
    // Column headers sort by following a link: works without JavaScript, state in the URL.
    let header = |key: ObservatorySort, id: &str| {
        let query = ObservatoryQuery {
            sort: key.code().to_owned(),
            ..base.clone()
        };
        let href = format!(
            "{}{}",
            Page::Observatory.path(lang),
            query.to_query_string()
        );
        let active = key == sort;
        let order = if key == ObservatorySort::Gain {
            "descending"
        } else {
            "ascending"
        };
        view! {
            <th scope="col" aria-sort=active.then_some(order)>
                <a href=href>{i18n.t(id)}</a>
            </th>
        }
    };
    let distance = move |side: &crate::services::coverage::Side| match &side.nearest {
        Some(n) => {
            let name = n
                .name
                .get(lang)
                .map(|(_, text)| text.to_owned())
                .unwrap_or_default();
            view! {
                <span class="km">{km(lang, n.distance_km, &unit)}</span>
                <br />
                <a href=Page::Service(n.id.clone()).path(lang) class="help">{name}</a>
            }
            .into_any()
        }
        None if side.in_inventory == 0 => {
            view! { <span class="help">{i18n.t("observatory-not-in-inventory")}</span> }.into_any()
        }
        None => view! { <span class="help">{i18n.t("observatory-none")}</span> }.into_any(),
    };
    let body = rows
        .iter()
        .map(|row| {
            let c = &row.coverage;
            view! {
                <tr data-testid="observatory-row" data-code=row.code.clone()>
                    <th scope="row">
                        <a href=Page::Municipality(row.code.clone()).path(lang)>{row.name.get(lang).to_owned()}</a>
                        " " <span class="tag">{row.country.code()}</span>
                    </th>
                    <td data-testid="own">{distance(&c.own_side)}</td>
                    <td data-testid="other">{distance(&c.other_side)}</td>
                    <td data-testid="gain">{c.gain_km().map(|g| km(lang, g, &i18n.t("unit-km")))}</td>
                    <td>{row.population.map(|p| format_number(lang, p))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        // A focusable, labelled scroll box: keyboard users can scroll it (WCAG 2.1.1).
        <div class="table-scroll table-scroll--tall" tabindex="0" role="region" aria-labelledby="observatory-table-heading">
            <table class="observatory" data-testid="observatory-table">
                <thead>
                    <tr>
                        {header(ObservatorySort::Name, "observatory-col-municipality")}
                        {header(ObservatorySort::Own, "observatory-col-own")}
                        {header(ObservatorySort::Other, "observatory-col-other")}
                        {header(ObservatorySort::Gain, "observatory-col-gain")}
                        <th scope="col">{i18n.t("col-population")}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn ReportSummary(reports: super::ReportCounts) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let counts = |list: Vec<(String, usize)>, messages: &'static MessageSet| {
        list.into_iter()
            .map(|(key, n)| view! { <li>{i18n.t_of(messages, &key)} ": " {n}</li> })
            .collect_view()
    };
    let places = reports
        .by_municipality
        .into_iter()
        .map(|(code, name, n)| {
            view! { <li><a href=Page::Municipality(code).path(lang)>{name.get(lang).to_owned()}</a> ": " {n}</li> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="reports-heading" data-testid="report-counts">
            <h2 id="reports-heading">{i18n.t("observatory-reports")}</h2>
            <p>{i18n.t_args("observatory-reports-total", [("count", reports.total.into())])}</p>
            <p class="help">{i18n.t("observatory-reports-privacy")}</p>
            <div class="columns">
                <div>
                    <h3>{i18n.t("observatory-reports-kind")}</h3>
                    <ul>{counts(reports.by_kind, &crate::reports::KIND_MESSAGES)}</ul>
                </div>
                <div>
                    <h3>{i18n.t("observatory-reports-status")}</h3>
                    <ul>{counts(reports.by_status, &crate::reports::STATUS_MESSAGES)}</ul>
                </div>
                <div>
                    <h3>{i18n.t("observatory-reports-municipality")}</h3>
                    <ul>{places}</ul>
                </div>
            </div>
        </section>
    }
}

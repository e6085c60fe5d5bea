use super::{
    search_municipalities, MunicipalityList, MunicipalityQuery, MunicipalitySummary, Sort,
};
use crate::components::{cached_fragment, LiveSearch, Loaded, PageMeta};
use crate::i18n::{format_km, format_number, use_i18n, Lang};
use crate::kernel::geo::Country;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The directory: search by either language's name, filter by country, sort. The form
/// works without JavaScript (GET); with it, typing updates the results live.
#[component]
pub fn MunicipalitiesPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let params = use_query_map();
    let query = params.with_untracked(|params| MunicipalityQuery {
        q: params.get("q").unwrap_or_default(),
        country: params.get("country").unwrap_or_default(),
        sort: params.get("sort").unwrap_or_default(),
    });
    let results = Resource::new(
        {
            let query = query.clone();
            move || query.clone()
        },
        move |query| search_municipalities(lang, query),
    );
    let sort_label = move |s: Sort| i18n.t_of(&super::SORT_MESSAGES, s.code());

    view! {
        <PageMeta title=i18n.t("municipalities-title") description=i18n.t("municipalities-description") />
        <h1>{i18n.t("municipalities-title")}</h1>
        <p class="lead">{i18n.t("municipalities-intro")}</p>
        <LiveSearch as_you_type=true>
        <form id="municipality-search" class="filters" method="get" action=Page::Municipalities.path(lang)>
            <div class="field">
                <label for="q">{i18n.t("municipalities-search-label")}</label>
                <input id="q" name="q" type="search" autocomplete="off" maxlength="100"
                    value=query.q.clone()
                    aria-describedby="q-help" />
                <p id="q-help" class="help">{i18n.t("municipalities-search-help")}</p>
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
                <label for="sort">{i18n.t("sort-label")}</label>
                <select id="sort" name="sort">
                    {Sort::ALL.into_iter().map(|s| view! {
                        <option value=s.code() selected=query.sort == s.code() || (query.sort.is_empty() && s == Sort::Name)>
                            {sort_label(s)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit">{i18n.t("search-submit")}</button>
        </form>
        <div id="municipality-results" data-live="content" data-live-focus="" tabindex="-1">
            <Loaded resource=results view=|list: MunicipalityList| match list {
                // Rendered once per data and query (258 rows for the whole directory).
                MunicipalityList { rows, fingerprint: Some(key) } => {
                    cached_fragment("municipality-table", key, move |_| view! { <ResultTable list=rows /> })
                }
                MunicipalityList { rows, fingerprint: None } => view! { <ResultTable list=rows /> }.into_any(),
            } />
        </div>
        </LiveSearch>
    }
}

#[component]
fn ResultTable(list: Vec<MunicipalitySummary>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let count = list.len();
    // Two labels for hundreds of rows: look them up once.
    let (be, fr) = (i18n.t("country-be"), i18n.t("country-fr"));
    let rows = list
        .into_iter()
        .map(|m| {
            let other = m.name.get(lang.other()).to_owned();
            let name = m.name.get(lang).to_owned();
            let other_name =
                (other != name).then(|| view! { <span lang=lang.other().code()>{other}</span> });
            view! {
                <tr data-testid="municipality-row" data-code=m.code.clone()>
                    <th scope="row">
                        <a href=Page::Municipality(m.code.clone()).path(lang)>{name}</a>
                    </th>
                    <td>{other_name}</td>
                    <td>{if m.country == Country::Be { be.clone() } else { fr.clone() }}</td>
                    <td>{m.province.get(lang).to_owned()}</td>
                    <td class="num">{m.population.map(|p| format_number(lang, p))}</td>
                    <td class="num">{format_km(lang, m.distance_to_border_km)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p role="status" class="result-count" data-testid="result-count">
            {i18n.t_args("municipalities-count", [("count", count.into())])}
        </p>
        {(count == 0).then(|| view! { <p class="notice">{i18n.t("municipalities-none")}</p> })}
        <div class="table-scroll">
            <table class="results">
                <caption class="visually-hidden">{i18n.t("municipalities-table-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("col-name")}</th>
                        <th scope="col">{i18n.t(if lang == Lang::Nl { "col-name-fr" } else { "col-name-nl" })}</th>
                        <th scope="col">{i18n.t("col-country")}</th>
                        <th scope="col">{i18n.t("col-province")}</th>
                        <th scope="col" class="num">{i18n.t("col-population")}</th>
                        <th scope="col" class="num">{i18n.t("col-distance")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

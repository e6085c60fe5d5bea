use super::{search_municipalities, Country, MunicipalityQuery, MunicipalitySummary, Sort};
use crate::components::{set_status, ErrorNotice, PageMeta};
use crate::i18n::{format_km, format_number, use_i18n, Lang};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The list's URL query: empty values are left out, so shared links stay short.
fn query_string(query: &MunicipalityQuery) -> String {
    crate::routes::query_string([
        ("q", query.q.as_str()),
        ("country", query.country.as_str()),
        ("sort", query.sort.as_str()),
    ])
}

/// The directory: search by either language's name, filter by country, sort. The form
/// works without JavaScript (GET); once hydrated, typing updates the results live.
#[component]
pub fn MunicipalitiesPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        MunicipalityQuery {
            q: params.get("q").unwrap_or_default(),
            country: params.get("country").unwrap_or_default(),
            sort: params.get("sort").unwrap_or_default(),
        }
    });
    let results = Resource::new(
        move || query.get(),
        move |query| search_municipalities(lang, query),
    );
    let initial = query.get_untracked();
    let (text, set_text) = signal(initial.q.clone());
    let (country, set_country) = signal(initial.country.clone());
    let (sort, set_sort) = signal(initial.sort.clone());
    let navigate = use_navigate();
    let go = move || {
        let query = MunicipalityQuery {
            q: text.get_untracked(),
            country: country.get_untracked(),
            sort: sort.get_untracked(),
        };
        let url = format!(
            "{}{}",
            Page::Municipalities.path(lang),
            query_string(&query)
        );
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let go_input = go.clone();
    let go_change = go.clone();
    let go_sort = go.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        go();
    };
    let sort_label = move |s: Sort| i18n.t(&format!("sort-{}", s.code()));

    view! {
        <PageMeta title=i18n.t("municipalities-title") description=i18n.t("municipalities-description") />
        <h1>{i18n.t("municipalities-title")}</h1>
        <p class="lead">{i18n.t("municipalities-intro")}</p>
        <form id="municipality-search" class="filters" method="get" action=Page::Municipalities.path(lang) on:submit=on_submit>
            <div class="field">
                <label for="q">{i18n.t("municipalities-search-label")}</label>
                <input id="q" name="q" type="search" autocomplete="off" maxlength="100"
                    value=initial.q.clone()
                    aria-describedby="q-help"
                    on:input=move |ev| {
                        set_text.set(event_target_value(&ev));
                        go_input();
                    } />
                <p id="q-help" class="help">{i18n.t("municipalities-search-help")}</p>
            </div>
            <div class="field">
                <label for="country">{i18n.t("filter-country")}</label>
                <select id="country" name="country" on:change=move |ev| {
                    set_country.set(event_target_value(&ev));
                    go_change();
                }>
                    <option value="" selected=initial.country.is_empty()>{i18n.t("filter-country-all")}</option>
                    <option value="BE" selected=initial.country == "BE">{i18n.t("country-be")}</option>
                    <option value="FR" selected=initial.country == "FR">{i18n.t("country-fr")}</option>
                </select>
            </div>
            <div class="field">
                <label for="sort">{i18n.t("sort-label")}</label>
                <select id="sort" name="sort" on:change=move |ev| {
                    set_sort.set(event_target_value(&ev));
                    go_sort();
                }>
                    {Sort::ALL.into_iter().map(|s| view! {
                        <option value=s.code() selected=initial.sort == s.code() || (initial.sort.is_empty() && s == Sort::Name)>
                            {sort_label(s)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <button type="submit">{i18n.t("search-submit")}</button>
        </form>
        <Transition fallback=move || view! { <p>{i18n.t("loading")}</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(list) => view! { <ResultTable list /> }.into_any(),
                    Err(error) => {
                        set_status(error.status());
                        view! { <ErrorNotice error /> }.into_any()
                    }
                }
            })}
        </Transition>
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
                    <td>{if m.country == Country::Be.code() { be.clone() } else { fr.clone() }}</td>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_encode_and_skip_empty_values() {
        let q = MunicipalityQuery {
            q: "Comines Warneton".into(),
            country: "".into(),
            sort: "population".into(),
        };
        assert_eq!(query_string(&q), "?q=Comines+Warneton&sort=population");
        let q = MunicipalityQuery {
            q: "Armentières".into(),
            ..Default::default()
        };
        assert_eq!(query_string(&q), "?q=Armenti%C3%A8res");
        assert_eq!(query_string(&MunicipalityQuery::default()), "");
    }
}

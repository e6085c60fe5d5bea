use super::{find_partners, PartnerCandidate, PartnerQuery, PartnerResults, Reason, MAX_LEVEL};
use crate::components::{cached_by_key, Loaded, PageMeta};
use crate::i18n::{format_km, format_number, use_i18n, Localized};
use crate::kernel::geo::Country;
use crate::map::RegionMap;
use crate::routes::{compare_path, Page};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn PartnersPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = params.with_untracked(PartnerQuery::from_params);
    let results = Resource::new(
        {
            let query = query.clone();
            move || query.clone()
        },
        find_partners,
    );
    view! {
        <PageMeta title=i18n.t("partners-title") description=i18n.t("partners-description") />
        <h1>{i18n.t("partners-title")}</h1>
        <p class="lead">{i18n.t("partners-intro")}</p>
        <Loaded resource=results view=|results| {
            cached_by_key("partners", results.cache_key, move || {
                view! { <Form results=results.clone() /> <Results results /> }
            })
        } />
    }
}

#[component]
fn Form(results: PartnerResults) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let chosen = results
        .chosen
        .as_ref()
        .map(|c| c.code.clone())
        .unwrap_or_default();
    let mut choices = results.choices.clone();
    choices.sort_by_key(|c| c.name.get(lang).to_lowercase());
    let group = |country: Country| {
        let options = choices
            .iter()
            .filter(|c| c.country == country)
            .map(|c| {
                view! { <option value=c.code.clone() selected=c.code == chosen>{c.name.get(lang).to_owned()}</option> }
            })
            .collect_view();
        view! { <optgroup label=i18n.t(country.message_id())>{options}</optgroup> }
    };
    let level = |name: &'static str, value: u8| {
        let options = (0..=MAX_LEVEL)
            .map(|l| view! { <option value=l.to_string() selected=l == value>{i18n.t_of(&super::LEVEL_MESSAGES, super::LEVELS[usize::from(l)])}</option> })
            .collect_view();
        view! { <select id=name name=name>{options}</select> }
    };
    let c = results.criteria;
    view! {
        <form class="filters" method="get" action=Page::Partners.path(lang) data-testid="partner-form">
            <div class="field">
                <label for="code">{i18n.t("partners-municipality")}</label>
                <select id="code" name="code" required>
                    <option value="" selected=chosen.is_empty()>{i18n.t("partners-choose")}</option>
                    {group(Country::Be)}
                    {group(Country::Fr)}
                </select>
            </div>
            <div class="field field--check">
                <input id="across" name="across" type="checkbox" value="1" checked=c.across_only />
                <label for="across">{i18n.t("partners-across")}</label>
            </div>
            <div class="field">
                <label for="within">{i18n.t("partners-within")}</label>
                <input id="within" name="within" type="number" min="1" max=super::MAX_WITHIN_KM.to_string()
                    inputmode="numeric" value=c.within_km.map(|k| k.to_string()) />
            </div>
            <div class="field">
                <label for="size">{i18n.t("partners-size")}</label>
                {level("size", c.similar_size)}
            </div>
            <div class="field">
                <label for="complement">{i18n.t("partners-complement")}</label>
                {level("complement", c.complementarity)}
            </div>
            <button type="submit">{i18n.t("partners-submit")}</button>
        </form>
    }
}

#[component]
fn Results(results: PartnerResults) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let Some(chosen) = results.chosen.clone() else {
        return view! { <p>{i18n.t("partners-none-chosen")}</p> }.into_any();
    };
    let name = chosen.name.get(lang).to_owned();
    if results.candidates.is_empty() {
        return view! { <p data-testid="partners-empty">{i18n.t("partners-empty")}</p> }.into_any();
    }
    let highlight = std::iter::once(chosen.code.clone())
        .chain(results.candidates.iter().map(|c| c.code.clone()))
        .collect::<Vec<_>>()
        .join(" ");
    let labels = results.labels.clone();
    let items = results
        .candidates
        .into_iter()
        .enumerate()
        .map(|(rank, candidate)| view! { <CandidateItem rank=rank + 1 candidate of=chosen.code.clone() labels=labels.clone() /> })
        .collect_view();
    view! {
        <h2>{i18n.t_args("partners-results", [("name", name.into()), ("count", results.total.into())])}</h2>
        <p class="help" data-testid="weights">{
            let w = results.weights;
            // Weights as written in the code (0.75 stays 0,75).
            let n = |v: f64| format!("{v}").replace('.', &lang.decimal_separator().to_string());
            i18n.t_args("partners-method", [
                ("near", n(w.nearness).into()), ("range", n(w.nearness_range_km).into()),
                ("across", n(w.cross_border).into()), ("size", n(w.similar_size).into()),
                ("complement", n(w.complementarity).into()), ("cluster", n(w.shared_cluster).into()),
                ("project", n(w.shared_project).into()), ("theme", n(w.shared_theme).into()),
                ("language", n(w.common_language).into()),
            ])
        }</p>
        <RegionMap focus=Some(chosen.code.clone()) highlight=highlight />
        <ol class="partner-list" data-testid="partner-list">{items}</ol>
    }
    .into_any()
}

fn label(labels: &[(String, Localized)], id: &str, lang: crate::i18n::Lang) -> String {
    labels
        .iter()
        .find(|(key, _)| key == id)
        .map(|(_, l)| l.get(lang).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

#[component]
fn CandidateItem(
    rank: usize,
    candidate: PartnerCandidate,
    of: String,
    labels: Vec<(String, Localized)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let list = |ids: &[String]| {
        ids.iter()
            .map(|id| label(&labels, id, lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let reasons = candidate
        .reasons
        .iter()
        .map(|reason| {
            let text = match reason {
                Reason::Near { km } => i18n.t_args(
                    "partners-reason-near",
                    [("km", format_km(lang, *km).into())],
                ),
                Reason::AcrossTheBorder => i18n.t("partners-reason-across"),
                Reason::SimilarSize { population } => i18n.t_args(
                    "partners-reason-size",
                    [("population", format_number(lang, *population).into())],
                ),
                Reason::Complementary { offers, lacks } => {
                    let mut parts = vec![];
                    if !offers.is_empty() {
                        parts.push(
                            i18n.t_args("partners-reason-offers", [("list", list(offers).into())]),
                        );
                    }
                    if !lacks.is_empty() {
                        parts.push(
                            i18n.t_args("partners-reason-lacks", [("list", list(lacks).into())]),
                        );
                    }
                    parts.join(" ")
                }
                Reason::SharedClusters { ids } => {
                    i18n.t_args("partners-reason-clusters", [("list", list(ids).into())])
                }
                Reason::SharedProjects { ids } => {
                    i18n.t_args("partners-reason-projects", [("list", list(ids).into())])
                }
                Reason::SharedThemes { themes } => {
                    i18n.t_args("partners-reason-themes", [("list", list(themes).into())])
                }
                Reason::CommonLanguage { languages } => {
                    let names = languages
                        .iter()
                        .map(|l| i18n.t_of(&crate::i18n::LANGUAGE_MESSAGES, l))
                        .collect::<Vec<_>>()
                        .join(", ");
                    i18n.t_args("partners-reason-language", [("list", names.into())])
                }
            };
            view! { <li>{text}</li> }
        })
        .collect_view();
    let compare = compare_path(lang, &[of.as_str(), candidate.code.as_str()]);
    view! {
        <li class="partner" data-testid="partner" data-code=candidate.code.clone()>
            <h3>
                <span class="rank">{format!("{rank}. ")}</span>
                <a href=Page::Municipality(candidate.code.clone()).path(lang)>{candidate.name.get(lang).to_owned()}</a>
                " " <span class="tag">{i18n.t(candidate.country.message_id())}</span>
            </h3>
            <p class="help">{i18n.t_args("partners-score", [("score", format_km(lang, candidate.score).into())])}</p>
            <ul class="reasons">{reasons}</ul>
            <p>
                <a href=compare data-testid="compare-link">{i18n.t("partners-compare")}</a>
                " · "
                <a href=format!("{}#{}", Page::Municipality(candidate.code.clone()).path(lang), crate::municipalities::CONTACTS_ANCHOR)
                    data-testid="contacts-link">{i18n.t("partners-contacts")}</a>
            </p>
        </li>
    }
}

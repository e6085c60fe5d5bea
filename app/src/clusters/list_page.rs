use super::{list_clusters, Cluster, ClusterList, ClusterQuery};
use crate::components::{cached_by_key, Loaded, PageMeta};
use crate::i18n::use_i18n;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Clusters, filtered by a GET form (no JavaScript needed).
#[component]
pub fn ClustersPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let query = params.with_untracked(ClusterQuery::from_params);
    let results = Resource::new(
        {
            let query = query.clone();
            move || query.clone()
        },
        list_clusters,
    );
    view! {
        <PageMeta title=i18n.t("clusters-title") description=i18n.t("clusters-description") />
        <h1>{i18n.t("clusters-title")}</h1>
        <p class="lead">{i18n.t("clusters-intro")}</p>
        <Loaded resource=results view=move |list| {
            let query = query.clone();
            cached_by_key("clusters", list.cache_key, move || {
                view! { <Filters list=list.clone() query /> <Results list=list.shown /> }
            })
        } />
    }
}

#[component]
fn Filters(list: ClusterList, query: ClusterQuery) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let mut kinds: Vec<String> = list.all.iter().map(|c| c.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    let kinds = kinds
        .into_iter()
        .map(|k| {
            let selected = k == query.kind;
            view! { <option value=k.clone() selected=selected>{i18n.t_of(&crate::kernel::kinds::CLUSTER_KIND_MESSAGES, &k)}</option> }
        })
        .collect_view();
    let mut members: Vec<(String, String)> = list
        .all
        .iter()
        .flat_map(|c| {
            c.members
                .iter()
                .map(|m| (m.code.clone(), m.name.get(lang).to_owned()))
        })
        .collect();
    members.sort_by_key(|(_, name)| name.to_lowercase());
    members.dedup_by(|a, b| a.0 == b.0);
    let members = members
        .into_iter()
        .map(|(code, name)| {
            let selected = code == query.member;
            view! { <option value=code selected=selected>{name}</option> }
        })
        .collect_view();
    let countries = crate::kernel::geo::Country::ALL
        .into_iter()
        .map(|c| {
            view! { <option value=c.code() selected=query.country == c.code()>{i18n.t(c.message_id())}</option> }
        })
        .collect_view();
    view! {
        <form class="filters" method="get" action=Page::Clusters.path(lang) data-testid="cluster-filters">
            <div class="field">
                <label for="kind">{i18n.t("clusters-filter-kind")}</label>
                <select id="kind" name="kind">
                    <option value="" selected=query.kind.is_empty()>{i18n.t("clusters-filter-all")}</option>
                    {kinds}
                </select>
            </div>
            <div class="field">
                <label for="country">{i18n.t("col-country")}</label>
                <select id="country" name="country">
                    <option value="" selected=query.country.is_empty()>{i18n.t("clusters-filter-all")}</option>
                    {countries}
                </select>
            </div>
            <div class="field">
                <label for="member">{i18n.t("clusters-filter-member")}</label>
                <select id="member" name="member">
                    <option value="" selected=query.member.is_empty()>{i18n.t("clusters-filter-all")}</option>
                    {members}
                </select>
            </div>
            <button type="submit">{i18n.t("clusters-filter-submit")}</button>
        </form>
    }
}

#[component]
fn Results(list: Vec<Cluster>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    if list.is_empty() {
        return view! { <p data-testid="clusters-empty">{i18n.t("clusters-empty")}</p> }.into_any();
    }
    let count = list.len();
    let items = list
        .into_iter()
        .map(|c| {
            view! {
                <li class="project-card" data-testid="cluster" data-id=c.id.clone()>
                    <h2><a href=Page::Cluster(c.id.clone()).path(lang)>{c.name.get(lang).to_owned()}</a></h2>
                    <p>
                        <span class="tag">{i18n.t_of(&crate::kernel::kinds::CLUSTER_KIND_MESSAGES, &c.kind)}</span>
                        " "
                        {i18n.t_args("clusters-members", [("count", c.members.len().into())])}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <p role="status">{i18n.t_args("clusters-count", [("count", count.into())])}</p>
        <ul class="project-list">{items}</ul>
    }
    .into_any()
}

use super::{load_cluster, Cluster, CostShare, VAT_PERMILLE};
use crate::components::{cached_by_key, Loaded, PageMeta};
use crate::i18n::{format_number, use_i18n};
use crate::kernel::format::euro_cents;
use crate::map::RegionMap;
use crate::routes::Page;
use leptos::prelude::*;

#[component]
pub fn ClusterPage(id: String) -> impl IntoView {
    let cluster = Resource::new(move || id.clone(), load_cluster);
    view! { <Loaded resource=cluster record=true view=|cluster| view! { <Detail cluster /> } /> }
}

#[component]
fn Detail(cluster: Cluster) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let name = cluster.name.get(lang).to_owned();
    let description = cluster
        .description
        .as_ref()
        .map(|d| d.get(lang).to_owned())
        .unwrap_or_else(|| i18n.t_of(&crate::kernel::kinds::CLUSTER_KIND_MESSAGES, &cluster.kind));
    let key = cluster.cache_key;
    view! {
        <PageMeta title=name description />
        {cached_by_key("cluster", key, move || view! { <DetailBody cluster /> })}
    }
}

#[component]
fn DetailBody(cluster: Cluster) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let name = cluster.name.get(lang).to_owned();
    let highlight = cluster
        .members
        .iter()
        .map(|m| m.code.clone())
        .collect::<Vec<_>>()
        .join(" ");
    let members = if cluster.members.is_empty() {
        view! { <p data-testid="members-none">{i18n.t("cluster-members-none")}</p> }.into_any()
    } else {
        let items = cluster
            .members
            .iter()
            .map(|m| {
                view! {
                    <li data-testid="member" data-code=m.code.clone()>
                        <a href=Page::Municipality(m.code.clone()).path(lang)>{m.name.get(lang).to_owned()}</a>
                        " " <span class="tag">{i18n.t(m.country.message_id())}</span>
                        {m.population.map(|p| view! { " " <span class="help">{i18n.t_args("cluster-member-population", [("population", format_number(lang, p).into())])}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="members">{items}</ul> }.into_any()
    };
    let share = cluster.cost_share().map(|share| {
        view! { <Share share programme=cluster.programme.clone() heading="cluster-cost-share" testid="cost-share" /> }
    });
    let interest = cluster
        .price_eur
        .is_some()
        .then(|| view! { <Interest cluster=cluster.clone() /> });
    let rule = cluster.rule.clone().map(|rule| {
        view! {
            <section aria-labelledby="rule-heading" data-testid="membership-rule">
                <h2 id="rule-heading">{i18n.t("cluster-rule")}</h2>
                <p>{rule.get(lang).to_owned()}</p>
                {cluster.rule_source.clone().map(|s| view! { <p class="help">{i18n.t("cluster-rule-source")} " " {s}</p> })}
                {cluster.corrected.then(|| view! { <p data-testid="membership-corrected">{i18n.t("cluster-rule-corrected")}</p> })}
            </section>
        }
    });
    view! {
        <nav aria-label=i18n.t("breadcrumb-label") class="breadcrumb">
            <a href=Page::Clusters.path(lang)>{i18n.t("nav-clusters")}</a>
        </nav>
        <h1>{name}</h1>
        <p><span class="tag">{i18n.t_of(&crate::kernel::kinds::CLUSTER_KIND_MESSAGES, &cluster.kind)}</span></p>
        {cluster.description.as_ref().map(|d| view! { <p class="lead">{d.get(lang).to_owned()}</p> })}
        {share}
        <section aria-labelledby="members-heading">
            <h2 id="members-heading">{i18n.t_args("clusters-members", [("count", cluster.members.len().into())])}</h2>
            {members}
        </section>
        {rule}
        {interest}
        {(!cluster.members.is_empty()).then(|| view! {
            <section aria-labelledby="cluster-map-heading">
                <h2 id="cluster-map-heading">{i18n.t("profile-map")}</h2>
                <RegionMap focus=None highlight=highlight />
            </section>
        })}
        <section aria-labelledby="source-heading">
            <h2 id="source-heading">{i18n.t("profile-source")}</h2>
            <p>{cluster.source.clone()}</p>
        </section>
    }
}

/// Who said they would join, the share as it would be with them, and the way in for
/// staff (a cluster with a shared price).
#[component]
fn Interest(cluster: Cluster) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let with_them = cluster.cost_share_with_interested();
    view! {
        <section aria-labelledby="interest-heading" data-testid="interest">
            <h2 id="interest-heading">{i18n.t("cluster-interest")}</h2>
            {if cluster.interested.is_empty() {
                view! { <p data-testid="interested-none">{i18n.t("cluster-interest-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="members">{cluster.interested.iter().map(|m| view! {
                        <li data-testid="interested" data-code=m.code.clone()>
                            <a href=Page::Municipality(m.code.clone()).path(lang)>{m.name.get(lang).to_owned()}</a>
                            " " <span class="tag">{i18n.t(m.country.message_id())}</span>
                        </li>
                    }).collect_view()}</ul>
                }.into_any()
            }}
            {with_them.map(|share| view! {
                <Share share programme=None heading="cluster-cost-share-with-interested" testid="cost-share-with-interested" />
            })}
            <p><a href=Page::StaffClusterInterest(cluster.id.clone()).path(lang) data-testid="interest-staff-link">{i18n.t("cluster-interest-staff")}</a></p>
        </section>
    }
}

#[component]
fn Share(
    share: CostShare,
    programme: Option<crate::kernel::link::Link>,
    heading: &'static str,
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let heading_id = format!("{testid}-heading");
    view! {
        <section aria-labelledby=heading_id.clone() data-testid=testid>
            <h2 id=heading_id.clone()>{i18n.t(heading)}</h2>
            {programme.map(|p| view! {
                <p>{i18n.t("cluster-programme")} " " <a href=Page::Project(p.id.clone()).path(lang)>{p.name.get(lang).to_owned()}</a></p>
            })}
            <dl>
                <dt>{i18n.t("cluster-cost-members")}</dt>
                <dd>{share.members}</dd>
                <dt>{i18n.t("cluster-cost-excl")}</dt>
                <dd data-testid="excl">{euro_cents(lang, share.excl_vat_cents)}</dd>
                <dt>{i18n.t_args("cluster-cost-vat", [("rate", (VAT_PERMILLE / 10).into())])}</dt>
                <dd data-testid="vat">{euro_cents(lang, share.vat_cents)}</dd>
                <dt>{i18n.t("cluster-cost-incl")}</dt>
                <dd data-testid="incl">{euro_cents(lang, share.incl_vat_cents)}</dd>
            </dl>
        </section>
    }
}

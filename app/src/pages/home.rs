use crate::components::{Loaded, Otherwise, PageMeta};
use crate::i18n::{format_number, use_i18n};
use crate::map::RegionMap;
use crate::municipalities::{load_site_counts, SiteCounts};
use crate::routes::Page;
use crate::services::{Key, ServiceQuery};
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    // The figures and the category shortcuts: one small, cached read.
    // Reference-counted (see `components::Loaded`).
    let counts = ArcResource::new(|| (), |_| load_site_counts());
    let shortcut_counts = counts.clone();
    view! {
        <PageMeta title=i18n.t("home-title") description=i18n.t("home-description") />
        <section class="hero">
            <h1>{i18n.t("home-heading")}</h1>
            <p class="lead">{i18n.t("home-intro")}</p>
            <form class="search" role="search" method="get" action=Page::Municipalities.path(lang)>
                <label for="home-q">{i18n.t("home-search-label")}</label>
                <div class="search__row">
                    <input id="home-q" name="q" type="search" autocomplete="off" maxlength="100"
                        placeholder=i18n.t("home-search-placeholder") />
                    <button type="submit">{i18n.t("search-submit")}</button>
                </div>
            </form>
        </section>
        <section aria-labelledby="shortcuts-heading">
            <h2 id="shortcuts-heading">{i18n.t("home-shortcuts-heading")}</h2>
            // A failed read is said once, by the figures below.
            <Loaded resource=shortcut_counts view=|counts| view! { <Shortcuts counts /> }
                otherwise=Otherwise::new(|_| Some(().into_any())) />
            <p><a href=Page::Services.path(lang)>{i18n.t("home-all-services")}</a></p>
        </section>
        <Loaded resource=counts view=|counts| view! { <Counts counts /> } />
        <section class="map-section" aria-labelledby="map-heading">
            <h2 id="map-heading">{i18n.t("home-map-heading")}</h2>
            <p>{i18n.t("home-map-intro")}</p>
            <RegionMap focus=None />
        </section>
    }
}

/// The categories that have services, with their counts (labels from the taxonomy).
#[component]
fn Shortcuts(counts: SiteCounts) -> impl IntoView {
    let lang = use_i18n().lang;
    let mut categories = counts.categories;
    categories.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.label.get(lang).cmp(b.label.get(lang)))
    });
    let links = categories
        .into_iter()
        .map(|c| {
            let href = format!(
                "{}{}",
                Page::Services.path(lang),
                ServiceQuery::default().with(Key::Category, &c.code).to_query_string()
            );
            view! {
                <li>
                    <a href=href data-testid="category-shortcut">
                        {c.label.get(lang).to_owned()} " "
                        <span class="count">{format!("({})", format_number(lang, c.count as i64))}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="shortcuts">{links}</ul> }
}

#[component]
fn Counts(counts: SiteCounts) -> impl IntoView {
    let i18n = use_i18n();
    let n = move |v: i64| format_number(i18n.lang, v);
    view! {
        <section aria-labelledby="counts-heading">
            <h2 id="counts-heading">{i18n.t("home-counts-heading")}</h2>
            <dl class="counts">
                <div>
                    <dt>{i18n.t("count-municipalities")}</dt>
                    <dd data-testid="count-municipalities">{n(counts.municipalities)}</dd>
                </div>
                <div>
                    <dt>{i18n.t("count-be")}</dt>
                    <dd data-testid="count-be">{n(counts.belgian)}</dd>
                </div>
                <div>
                    <dt>{i18n.t("count-fr")}</dt>
                    <dd data-testid="count-fr">{n(counts.french)}</dd>
                </div>
                <div>
                    <dt>{i18n.t("count-services")}</dt>
                    <dd data-testid="count-services">{n(counts.services)}</dd>
                </div>
                <div>
                    <dt>{i18n.t("count-links")}</dt>
                    <dd data-testid="count-links">{n(counts.cross_border_links)}</dd>
                </div>
            </dl>
        </section>
    }
}

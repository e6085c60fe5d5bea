use super::{load_practice, Practice, PracticeQuery};
use crate::components::{Loaded, PageMeta};
use crate::i18n::use_i18n;
use crate::kernel::format::euros;
use crate::kernel::kinds::PRACTICE_KIND_MESSAGES;
use crate::map::RegionMap;
use crate::routes::Page;
use leptos::prelude::*;

#[component]
pub fn PracticePage(id: String) -> impl IntoView {
    let practice = Resource::new(move || id.clone(), load_practice);
    view! { <Loaded resource=practice record=true view=|practice| view! { <Detail practice /> } /> }
}

#[component]
fn Detail(practice: Practice) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let name = practice.name.get(lang).to_owned();
    let summary = practice.summary.get(lang).to_owned();
    let description: String = summary.chars().take(160).collect();
    let period = crate::projects::period_label(
        practice.period_start.as_deref(),
        practice.period_end.as_deref(),
    );
    let theme_link = move |theme: &crate::i18n::Localized| {
        let query = PracticeQuery {
            theme: theme.nl.clone(),
            ..Default::default()
        };
        view! {
            <li><a href=format!("{}{}", Page::Practices.path(lang), query.to_query_string())>{theme.get(lang).to_owned()}</a></li>
        }
    };
    let highlight = practice
        .municipalities
        .iter()
        .map(|m| m.id.clone())
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <PageMeta title=name.clone() description />
        <nav aria-label=i18n.t("breadcrumb-label") class="breadcrumb">
            <a href=Page::Practices.path(lang)>{i18n.t("practices-title")}</a>
        </nav>
        <h1>{name}</h1>
        <p><span class="tag" data-testid="practice-kind">{i18n.t_of(&PRACTICE_KIND_MESSAGES, &practice.kind)}</span></p>
        <p class="lead">{summary}</p>
        <dl class="facts">
            {practice.participants.as_ref().map(|p| view! {
                <dt>{i18n.t("practice-participants")}</dt><dd>{p.get(lang).to_owned()}</dd>
            })}
            {period.map(|p| view! { <dt>{i18n.t("project-period")}</dt><dd>{p}</dd> })}
            {practice.cost_eur.map(|c| view! { <dt>{i18n.t("practice-cost")}</dt><dd>{euros(lang, c)}</dd> })}
            {practice.contact.clone().map(|c| view! { <dt>{i18n.t("practice-contact")}</dt><dd>{c}</dd> })}
            {practice.link.clone().map(|l| view! {
                <dt>{i18n.t("practice-link")}</dt><dd><a href=l.clone() rel="noopener">{l.clone()}</a></dd>
            })}
            {practice.event.clone().map(|e| view! {
                <dt>{i18n.t("practice-presented")}</dt>
                <dd><a href=Page::Event(e.id.clone()).path(lang)>{e.name.get(lang).to_owned()}</a></dd>
            })}
            {practice.project.clone().map(|p| view! {
                <dt>{i18n.t("practice-project")}</dt>
                <dd><a href=Page::Project(p.id.clone()).path(lang)>{p.name.get(lang).to_owned()}</a></dd>
            })}
        </dl>
        <section aria-labelledby="results-heading">
            <h2 id="results-heading">{i18n.t("practice-results")}</h2>
            <p data-testid="practice-results">{match practice.results.as_ref() {
                Some(r) => r.get(lang).to_owned(),
                None => i18n.t("practice-results-unknown"),
            }}</p>
        </section>
        {(!practice.themes.is_empty()).then(|| view! {
            <section aria-labelledby="themes-heading">
                <h2 id="themes-heading">{i18n.t("project-themes")}</h2>
                <ul class="tags">{practice.themes.iter().map(theme_link).collect_view()}</ul>
            </section>
        })}
        <section aria-labelledby="practice-municipalities-heading" data-testid="practice-municipalities">
            <h2 id="practice-municipalities-heading">{i18n.t("practice-municipalities")}</h2>
            {if practice.municipalities.is_empty() {
                view! { <p>{i18n.t("practice-municipalities-none")}</p> }.into_any()
            } else {
                view! {
                    <ul>{practice.municipalities.iter().map(|m| view! {
                        <li><a href=Page::Municipality(m.id.clone()).path(lang)>{m.name.get(lang).to_owned()}</a></li>
                    }).collect_view()}</ul>
                    <RegionMap focus=None highlight=highlight.clone() />
                }.into_any()
            }}
        </section>
        <section aria-labelledby="source-heading">
            <h2 id="source-heading">{i18n.t("profile-source")}</h2>
            <p data-testid="practice-source">{practice.source.clone()}</p>
        </section>
    }
}

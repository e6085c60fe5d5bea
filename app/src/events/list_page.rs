use super::detail_page::{calendar_url, when_text};
use super::{list_events, text_in, Agenda, Event};
use crate::components::{Loaded, PageMeta};
use crate::i18n::use_i18n;
use crate::routes::Page;
use leptos::prelude::*;

/// The agenda: upcoming and past meetings, then the ones without a fixed date.
#[component]
pub fn AgendaPage() -> impl IntoView {
    let i18n = use_i18n();
    let agenda = Resource::new(|| (), |_| list_events());
    // A person deleted their registration for a meeting that is no longer public.
    let deleted = leptos_router::hooks::use_query_map()
        .with_untracked(|p| p.get("deleted"))
        .as_deref()
        == Some("1");
    view! {
        <PageMeta title=i18n.t("agenda-title") description=i18n.t("agenda-description") />
        <h1>{i18n.t("agenda-title")}</h1>
        {deleted.then(|| view! {
            <p class="notice notice--success" role="status" data-testid="registration-deleted">{i18n.t("registration-deleted")}</p>
        })}
        <p class="lead">{i18n.t("agenda-intro")}</p>
        <p class="agenda-download">
            <a href=calendar_url(i18n.lang, None) download="agenda.ics" data-testid="agenda-ics">
                {i18n.t("agenda-download")}
            </a>
            " " <span class="help">{i18n.t("agenda-download-help")}</span>
        </p>
        <Loaded resource=agenda view=|agenda| view! { <Sections agenda /> } />
    }
}

#[component]
fn Sections(agenda: Agenda) -> impl IntoView {
    let i18n = use_i18n();
    let section = |id: &'static str, heading: &str, none: &str, events: Vec<Event>| {
        let labelled_by = format!("{id}-heading");
        let heading_id = labelled_by.clone();
        view! {
            <section aria-labelledby=labelled_by data-testid=id>
                <h2 id=heading_id>{i18n.t(heading)}</h2>
                {if events.is_empty() {
                    view! { <p>{i18n.t(none)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="project-list">
                            {events.into_iter().map(|event| view! { <EventCard event /> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        }
    };
    view! {
        {section("upcoming", "agenda-upcoming", "agenda-upcoming-none", agenda.upcoming)}
        {section("past", "agenda-past", "agenda-past-none", agenda.past)}
        {section("recurring", "agenda-recurring", "agenda-recurring-none", agenda.recurring)}
        <p class="help">{i18n.t("agenda-recurring-note")}</p>
    }
}

#[component]
fn EventCard(event: Event) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let when = when_text(&event).or_else(|| event.recurrence.as_ref().map(|r| text_in(r, lang)));
    view! {
        <li class="project-card" data-testid="event" data-id=event.id.clone()>
            <h3><a href=Page::Event(event.id.clone()).path(lang)>{text_in(&event.title, lang)}</a></h3>
            <p class="project-card__meta">
                {i18n.t_of(&crate::kernel::kinds::EVENT_KIND_MESSAGES, &event.kind)}
                {event.organiser.as_ref().map(|o| view! { " · " {text_in(&o.name, lang)} })}
            </p>
            {when.map(|when| view! {
                <p data-testid="event-when">
                    {match event.starts_at.clone() {
                        Some(at) => view! { <time datetime=at>{when}</time> }.into_any(),
                        None => view! { <span>{when}</span> }.into_any(),
                    }}
                </p>
            })}
            {event.place.as_ref().map(|p| view! { <p>{format!("{}, {}", p.name, p.address)}</p> })}
        </li>
    }
}

use super::{load_event, text_in, Event};
use crate::components::{Loaded, PageMeta};
use crate::i18n::{use_i18n, Lang};
use crate::kernel::format::long_date;
use crate::map::RegionMap;
use crate::routes::Page;
use leptos::prelude::*;

#[component]
pub fn EventPage(id: String) -> impl IntoView {
    let event = Resource::new(move || id.clone(), load_event);
    view! { <Loaded resource=event record=true view=|event| view! { <Detail event /> } /> }
}

/// The iCalendar download: the whole agenda, or one event (served by the `server` crate).
pub fn calendar_url(lang: Lang, id: Option<&str>) -> String {
    match id {
        None => format!("{}.ics", Page::Agenda.path(lang)),
        Some(id) => format!("{}/{CALENDAR_FILE}", Page::Event(id.to_owned()).path(lang)),
    }
}

/// The last segment of an event's calendar URL.
pub const CALENDAR_FILE: &str = "event.ics";

/// "3 december 2015, 14:00–17:00" (Europe/Brussels), or None without a date.
pub fn when_text(event: &Event) -> Option<String> {
    let i18n = use_i18n();
    let start = event.start.as_ref()?;
    let at = |date: &str, time: &str| {
        i18n.t_args(
            "event-date-time",
            [("date", long_date(date).into()), ("time", time.into())],
        )
    };
    Some(match &event.end {
        Some(end) if end.date == start.date => i18n.t_args(
            "event-date-time-range",
            [
                ("date", long_date(&start.date).into()),
                ("start", start.time.clone().into()),
                ("end", end.time.clone().into()),
            ],
        ),
        Some(end) => i18n.t_args(
            "event-date-time-span",
            [
                ("start", at(&start.date, &start.time).into()),
                ("end", at(&end.date, &end.time).into()),
            ],
        ),
        None => at(&start.date, &start.time),
    })
}

#[component]
fn Detail(event: Event) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let title = text_in(&event.title, lang);
    let summary = text_in(&event.summary, lang);
    let description: String = summary.chars().take(160).collect();
    let when = when_text(&event);
    let dated = when.is_some();
    let municipality = event.place.as_ref().and_then(|p| p.municipality.clone());
    view! {
        <PageMeta title=title.clone() description />
        <nav aria-label=i18n.t("breadcrumb-label") class="breadcrumb">
            <a href=Page::Agenda.path(lang)>{i18n.t("nav-agenda")}</a>
        </nav>
        <h1>{title}</h1>
        <p class="project-card__meta">
            <span class=format!("phase phase--{}", event.timing.code()) data-testid="timing">
                {i18n.t_of(&super::TIMING_MESSAGES, event.timing.code())}
            </span>
            " · " {i18n.t_of(&crate::kernel::kinds::EVENT_KIND_MESSAGES, &event.kind)}
        </p>
        <p class="lead" data-testid="summary">{summary}</p>
        <crate::registrations::SignupBox id=event.id.clone() />
        <div class="profile">
            <section aria-labelledby="facts-heading">
                <h2 id="facts-heading">{i18n.t("profile-facts")}</h2>
                <dl>
                    <dt>{i18n.t("event-when")}</dt>
                    <dd data-testid="event-when">
                        {match (when, event.starts_at.clone()) {
                            (Some(when), Some(at)) => view! {
                                <time datetime=at>{when}</time>
                                " " <span class="help">{i18n.t("event-timezone")}</span>
                            }.into_any(),
                            _ => view! {
                                {event.recurrence.as_ref().map(|r| text_in(r, lang)).unwrap_or_else(|| i18n.t("event-no-date"))}
                            }.into_any(),
                        }}
                    </dd>
                    <dt>{i18n.t("event-place")}</dt>
                    <dd data-testid="place">
                        {match event.place.clone() {
                            Some(place) => view! {
                                {place.name} <br /> {place.address}
                                {place.municipality.map(|m| view! {
                                    <br />
                                    <a href=Page::Municipality(m.id.clone()).path(lang)>{text_in(&m.name, lang)}</a>
                                })}
                            }.into_any(),
                            None => view! { {i18n.t("event-place-unknown")} }.into_any(),
                        }}
                    </dd>
                    {event.organiser.as_ref().map(|o| view! {
                        <dt>{i18n.t("event-organiser")}</dt>
                        <dd data-testid="organiser">{text_in(&o.name, lang)}</dd>
                    })}
                    <dt>{i18n.t("event-audience")}</dt>
                    <dd data-testid="audience">{text_in(&event.audience, lang)}</dd>
                    {event.registration.as_ref().map(|r| view! {
                        <dt>{i18n.t("event-registration")}</dt>
                        <dd data-testid="registration">{text_in(r, lang)}</dd>
                    })}
                    {event.project.as_ref().map(|p| view! {
                        <dt>{i18n.t("event-project")}</dt>
                        <dd><a href=Page::Project(p.id.clone()).path(lang)>{text_in(&p.name, lang)}</a></dd>
                    })}
                </dl>
                <p class="agenda-download">
                    {if dated {
                        view! {
                            <a href=calendar_url(lang, Some(&event.id)) download=format!("{}.ics", event.id) data-testid="event-ics">
                                {i18n.t("event-download")}
                            </a>
                        }.into_any()
                    } else {
                        view! { <span class="help">{i18n.t("event-not-in-calendar")}</span> }.into_any()
                    }}
                </p>
            </section>
            {municipality.map(|m| view! {
                <section class="profile-map" aria-labelledby="event-map-heading">
                    <h2 id="event-map-heading">{i18n.t("event-map")}</h2>
                    <RegionMap focus=Some(m.id.clone()) />
                </section>
            })}
        </div>
        <section aria-labelledby="agenda-heading" data-testid="agenda-items">
            <h2 id="agenda-heading">{i18n.t("event-agenda")}</h2>
            {if event.agenda.is_empty() {
                view! { <p>{i18n.t("event-agenda-none")}</p> }.into_any()
            } else {
                view! {
                    <ol>
                        {event.agenda.iter().map(|item| view! {
                            <li data-testid="agenda-item">
                                {text_in(&item.title, lang)}
                                {item.speaker.clone().map(|name| view! {
                                    <br />
                                    <span class="help">{i18n.t_args("event-speaker", [("name", name.into())])}</span>
                                })}
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="source-heading">
            <h2 id="source-heading">{i18n.t("project-source")}</h2>
            <p>{i18n.t("project-source-note")} " " <code>{event.source.clone()}</code></p>
        </section>
    }
}

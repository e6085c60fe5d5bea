//! The agenda (SPEC §3, issue 9): meetings and events of the cooperation records, upcoming,
//! past and recurring, their detail page and their iCalendar export (`ics`, server only).
//! Only the real events of the seeds are loaded (`app/data/cooperation.json`).

mod detail_page;
#[cfg(feature = "ssr")]
pub mod ics;
mod list_page;
#[cfg(feature = "ssr")]
pub mod repo;

pub use detail_page::{calendar_url, EventPage, CALENDAR_FILE};
pub use list_page::AgendaPage;

use crate::error::AppError;
use crate::i18n::{Localized, MessageSet};
pub use crate::kernel::link::Link;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

crate::closed_set! {
    /// Where an event stands against the present moment.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Timing {
        /// Ends (or, without an end, starts) now or later.
        Upcoming = "upcoming",
        /// Ended before now.
        Past = "past",
        /// No date: recurring, or the source gives none.
        Recurring = "recurring",
    }
}

pub const TIMING_MESSAGES: MessageSet =
    MessageSet::new("event-timing-", || Timing::ALL.map(Timing::code).to_vec());

/// A moment in Europe/Brussels local time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalMoment {
    /// ISO day, `2015-12-03`.
    pub date: String,
    /// `14:00`.
    pub time: String,
    /// The iCalendar local form, `20151203T140000`.
    pub ical: String,
}

/// Where it takes place; the municipality is a link when it is one of ours.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    pub address: String,
    pub municipality_code: Option<String>,
    /// The municipality's profile, when the directory holds it.
    pub municipality: Option<Link>,
}

/// One item of the agenda, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub title: Localized,
    pub speaker: Option<String>,
}

/// Everything the pages, the API and the calendar show of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub title: Localized,
    pub summary: Localized,
    /// `consultation`, `knowledge_platform` or `citizen_meeting`.
    pub kind: String,
    /// The stored instants (RFC 3339).
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    /// The same in Europe/Brussels.
    pub start: Option<LocalMoment>,
    pub end: Option<LocalMoment>,
    /// For an event without dates: how often it takes place.
    pub recurrence: Option<Localized>,
    pub place: Option<Place>,
    pub organiser: Option<Link>,
    pub audience: Localized,
    pub agenda: Vec<AgendaItem>,
    pub registration: Option<Localized>,
    pub project: Option<Link>,
    /// The seed page it is summarised from (see `app/data/COOPERATION_SOURCES.md`).
    pub source: String,
    /// Against the moment of the request.
    pub timing: Timing,
}

/// The agenda page's three sections.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Agenda {
    /// Soonest first.
    pub upcoming: Vec<Event>,
    /// Most recent first.
    pub past: Vec<Event>,
    /// In title order.
    pub recurring: Vec<Event>,
}

impl Agenda {
    /// Splits events (in any order) into the three sections, each in its order.
    pub fn from_events(events: Vec<Event>) -> Agenda {
        let mut agenda = Agenda::default();
        for event in events {
            match event.timing {
                Timing::Upcoming => agenda.upcoming.push(event),
                Timing::Past => agenda.past.push(event),
                Timing::Recurring => agenda.recurring.push(event),
            }
        }
        let start = |e: &Event| e.starts_at.clone().unwrap_or_default();
        agenda.upcoming.sort_by_key(start);
        agenda.past.sort_by_key(|e| std::cmp::Reverse(start(e)));
        agenda.recurring.sort_by_key(|e| e.title.nl.to_lowercase());
        agenda
    }
}

#[server]
pub async fn list_events() -> Result<Agenda, AppError> {
    let all = repo::all(&crate::db::use_db()?, crate::kernel::clock::now()).await?;
    Ok(Agenda::from_events(all))
}

#[server]
pub async fn load_event(id: String) -> Result<Event, AppError> {
    let event = repo::one(&crate::db::use_db()?, &id, crate::kernel::clock::now()).await;
    if let Err(error) = &event {
        crate::components::set_status(error.status());
    }
    event
}

pub use crate::kernel::link::text_in;

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str, starts_at: Option<&str>, timing: Timing) -> Event {
        Event {
            id: id.into(),
            title: Localized {
                nl: id.to_uppercase(),
                fr: id.into(),
            },
            summary: Localized::default(),
            kind: "consultation".into(),
            starts_at: starts_at.map(Into::into),
            ends_at: None,
            start: None,
            end: None,
            recurrence: None,
            place: None,
            organiser: None,
            audience: Localized::default(),
            agenda: vec![],
            registration: None,
            project: None,
            source: String::new(),
            timing,
        }
    }

    #[test]
    fn the_agenda_orders_each_section() {
        let agenda = Agenda::from_events(vec![
            event("b", None, Timing::Recurring),
            event("p1", Some("2015-12-03T13:00:00Z"), Timing::Past),
            event("u2", Some("2031-02-01T10:00:00Z"), Timing::Upcoming),
            event("a", None, Timing::Recurring),
            event("p2", Some("2019-01-01T10:00:00Z"), Timing::Past),
            event("u1", Some("2030-01-01T10:00:00Z"), Timing::Upcoming),
        ]);
        let ids = |events: &[Event]| events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&agenda.upcoming), ["u1", "u2"]);
        assert_eq!(ids(&agenda.past), ["p2", "p1"]);
        assert_eq!(ids(&agenda.recurring), ["a", "b"]);
    }
}

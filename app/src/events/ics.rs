//! iCalendar (RFC 5545) for the agenda (server only): one calendar per event or for the
//! whole agenda, local times with `TZID=Europe/Brussels` and that zone's VTIMEZONE (the EU
//! rules since 1996: summer time from the last Sunday of March to the last Sunday of
//! October). Events without a date are left out: a calendar needs a start.

use super::{text_in, Event};
use crate::i18n::{translate, Lang};
use crate::routes::Page;
use chrono::{DateTime, Utc};
use fluent_bundle::FluentArgs;

pub const TZID: &str = "Europe/Brussels";

/// The zone, as calendar programs expect it next to `TZID=Europe/Brussels`.
const VTIMEZONE: [&str; 18] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Brussels",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
    "",
];

/// [`calendar`] stamped with the present moment.
pub fn calendar_now(events: &[Event], lang: Lang, base_url: &str) -> String {
    calendar(events, lang, base_url, Utc::now())
}

/// A calendar of the dated events among `events`, in `lang`. `base_url` (no trailing
/// slash) makes each event's URL and UID; `stamp` is the DTSTAMP.
pub fn calendar(events: &[Event], lang: Lang, base_url: &str, stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    let host = base_url
        .split("://")
        .nth(1)
        .unwrap_or(base_url)
        .split(['/', ':'])
        .next()
        .filter(|host| !host.is_empty())
        .unwrap_or("grensdiensten");
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(
        &mut out,
        &format!(
            "PRODID:-//Grensdiensten//Agenda//{}",
            lang.code().to_uppercase()
        ),
    );
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    property(
        &mut out,
        "X-WR-CALNAME",
        &translate(lang, "event-calendar-name", None),
    );
    line(&mut out, &format!("X-WR-TIMEZONE:{TZID}"));
    for l in VTIMEZONE.iter().filter(|l| !l.is_empty()) {
        line(&mut out, l);
    }
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for event in events {
        let Some(start) = &event.start else { continue };
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}@{host}", event.id));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("DTSTART;TZID={TZID}:{}", start.ical));
        if let Some(end) = &event.end {
            line(&mut out, &format!("DTEND;TZID={TZID}:{}", end.ical));
        }
        property(&mut out, "SUMMARY", &text_in(&event.title, lang));
        property(&mut out, "DESCRIPTION", &description(event, lang));
        if let Some(place) = &event.place {
            property(
                &mut out,
                "LOCATION",
                &format!("{}, {}", place.name, place.address),
            );
        }
        line(
            &mut out,
            &format!("URL:{base_url}{}", Page::Event(event.id.clone()).path(lang)),
        );
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// The summary, audience, organiser, agenda items and registration, in `lang`.
fn description(event: &Event, lang: Lang) -> String {
    let label = |id: &str| translate(lang, id, None);
    let mut parts = vec![text_in(&event.summary, lang)];
    parts.push(format!(
        "{}: {}",
        label("event-audience"),
        text_in(&event.audience, lang)
    ));
    if let Some(organiser) = &event.organiser {
        parts.push(format!(
            "{}: {}",
            label("event-organiser"),
            text_in(&organiser.name, lang)
        ));
    }
    if !event.agenda.is_empty() {
        let items: Vec<String> = event
            .agenda
            .iter()
            .enumerate()
            .map(|(i, item)| match &item.speaker {
                Some(speaker) => {
                    let mut args = FluentArgs::new();
                    args.set("name", speaker.clone());
                    format!(
                        "{}. {} ({})",
                        i + 1,
                        text_in(&item.title, lang),
                        translate(lang, "event-speaker", Some(&args))
                    )
                }
                None => format!("{}. {}", i + 1, text_in(&item.title, lang)),
            })
            .collect();
        parts.push(format!("{}:\n{}", label("event-agenda"), items.join("\n")));
    }
    if let Some(registration) = &event.registration {
        parts.push(format!(
            "{}: {}",
            label("event-registration"),
            text_in(registration, lang)
        ));
    }
    parts.join("\n\n")
}

/// A property whose value is TEXT: escaped, then folded.
fn property(out: &mut String, name: &str, value: &str) {
    line(out, &format!("{name}:{}", escape_text(value)));
}

/// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines.
pub fn escape_text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.replace("\r\n", "\n").chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' | '\r' => escaped.push_str("\\n"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// Appends a content line, folded at 75 octets (never inside a UTF-8 character), each
/// continuation starting with a space, every line ending in CRLF (RFC 5545 §3.1).
fn line(out: &mut String, content: &str) {
    out.push_str(&fold(content));
}

pub fn fold(content: &str) -> String {
    let mut out = String::with_capacity(content.len() + content.len() / 70 * 3 + 2);
    let mut current = String::with_capacity(76);
    for c in content.chars() {
        if current.len() + c.len_utf8() > 75 {
            // A physical line never ends in a space: some readers trim it before unfolding
            // (the `ical` crate does), so the space moves to the continuation.
            let kept = current.trim_end_matches(' ').len();
            let kept = if kept > 1 && current.len() - kept < 32 {
                kept
            } else {
                current.len()
            };
            let moved = current.split_off(kept);
            out.push_str(&current);
            out.push_str("\r\n");
            current = format!(" {moved}");
        }
        current.push(c);
    }
    out.push_str(&current);
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::super::{AgendaItem, Event, LocalMoment, Place, Timing};
    use super::*;
    use crate::i18n::Localized;
    use chrono::TimeZone;

    fn meeting() -> Event {
        let both = |nl: &str, fr: &str| Localized {
            nl: nl.into(),
            fr: fr.into(),
        };
        let moment = |time: &str, ical: &str| LocalMoment {
            date: "2015-12-03".into(),
            time: time.into(),
            ical: ical.into(),
        };
        Event {
            id: "kennisplatform-2015-12-03".into(),
            title: both("Eerste bijeenkomst", "Première réunion; salle, étage"),
            summary: both("Over samenwerking.\nTweede regel.", "Sur la coopération."),
            kind: "knowledge_platform".into(),
            starts_at: Some("2015-12-03T13:00:00Z".into()),
            ends_at: Some("2015-12-03T16:00:00Z".into()),
            start: Some(moment("14:00", "20151203T140000")),
            end: Some(moment("17:00", "20151203T170000")),
            recurrence: None,
            place: Some(Place {
                name: "OC De Kleine Beer".into(),
                address: "C. Marichalstraat 5, 8730 Beernem".into(),
                municipality_code: Some("31004".into()),
                municipality: None,
            }),
            organiser: None,
            audience: both("Raadsleden", "Conseillers"),
            agenda: vec![AgendaItem {
                title: both("Welkom", "Accueil"),
                speaker: Some("Renaat Landuyt".into()),
            }],
            registration: None,
            project: None,
            source: String::new(),
            timing: Timing::Past,
        }
    }

    fn stamp() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 10, 0, 0).unwrap()
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_text("a\\b; c, d\ne\r\nf"),
            "a\\\\b\\; c\\, d\\ne\\nf"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let long = format!("DESCRIPTION:{}", "é".repeat(100));
        let folded = fold(&long);
        assert!(folded.ends_with("\r\n"));
        let lines: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        // Unfolding gives the line back.
        assert_eq!(lines.join("\r\n").replace("\r\n ", ""), long);
        assert_eq!(fold("SHORT:x"), "SHORT:x\r\n");
        // A fold never leaves a space at the end of a physical line.
        let spaced = format!("SUMMARY:{} {}", "a".repeat(66), "b".repeat(20));
        let folded = fold(&spaced);
        assert!(folded.contains("a\r\n  b"), "{folded:?}");
        assert_eq!(folded.replace("\r\n ", "").trim_end(), spaced);
    }

    #[test]
    fn a_calendar_has_crlf_lines_the_zone_and_local_times() {
        let ics = calendar(
            &[meeting()],
            Lang::Fr,
            "https://grensdiensten.example",
            stamp(),
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
        assert!(ics.split("\r\n").all(|l| l.len() <= 75));
        for expected in [
            "BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n",
            "UID:kennisplatform-2015-12-03@grensdiensten.example\r\n",
            "DTSTAMP:20261202T100000Z\r\n",
            "DTSTART;TZID=Europe/Brussels:20151203T140000\r\n",
            "DTEND;TZID=Europe/Brussels:20151203T170000\r\n",
            "SUMMARY:Première réunion\\; salle\\, étage\r\n",
            "LOCATION:OC De Kleine Beer\\, C. Marichalstraat 5\\, 8730 Beernem\r\n",
            "URL:https://grensdiensten.example/fr/agenda/kennisplatform-2015-12-03\r\n",
        ] {
            assert!(ics.contains(expected), "{expected} in {ics}");
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains("Public: Conseillers"), "{unfolded}");
        assert!(
            unfolded.contains("1. Accueil (par Renaat Landuyt)"),
            "{unfolded}"
        );
    }

    #[test]
    fn the_language_follows_the_page_and_undated_events_are_left_out() {
        let mut recurring = meeting();
        recurring.id = "recurring".into();
        recurring.start = None;
        recurring.end = None;
        let ics = calendar(&[meeting(), recurring], Lang::Nl, "http://x", stamp());
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(ics.contains("SUMMARY:Eerste bijeenkomst\r\n"));
        assert!(ics.contains("Over samenwerking.\\nTweede regel."));
        assert!(ics.contains("URL:http://x/nl/agenda/kennisplatform-2015-12-03\r\n"));
    }
}

//! The agenda: the seeded meetings, timed in Brussels, their pages, the API and the
//! iCalendar downloads read back with an RFC 5545 parser.

use crate::support::http::get;
use crate::support::test_app::{app, db, public_app};
use app::events::{repo, Agenda, Timing};
use axum::http::{header, StatusCode};
use chrono::TimeZone;
use chrono_tz::Europe::Brussels;

const PLATFORM: &str = "kennisplatform-intergemeentelijk-samenwerken-2015-12-03";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_seeded_meetings_timed_in_brussels() {
    let db = db().await;
    let now = Brussels.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
    let agenda = Agenda::from_events(repo::all(&db, now).await.unwrap());
    assert!(agenda.upcoming.is_empty());
    assert_eq!(agenda.past.len(), 1);
    assert_eq!(agenda.recurring.len(), 2);
    let platform = &agenda.past[0];
    assert_eq!(platform.id, PLATFORM);
    let start = platform.start.as_ref().unwrap();
    assert_eq!(
        (start.date.as_str(), start.time.as_str()),
        ("2015-12-03", "14:00")
    );
    assert_eq!(platform.end.as_ref().unwrap().time, "17:00");
    assert_eq!(
        platform.starts_at.as_deref(),
        Some("2015-12-03T14:00:00+01:00")
    );
    assert_eq!(platform.agenda.len(), 6);
    assert_eq!(
        platform.agenda[0].speaker.as_deref(),
        Some("Renaat Landuyt")
    );
    assert_eq!(platform.organiser.as_ref().unwrap().id, "wvi");
    assert_eq!(
        platform.project.as_ref().unwrap().id,
        "kennisplatform-intergemeentelijk-samenwerken"
    );
    let place = platform.place.as_ref().unwrap();
    assert_eq!(place.municipality_code.as_deref(), Some("31004"));
    // The same meeting seen the morning before is upcoming.
    let before = Brussels.with_ymd_and_hms(2015, 12, 3, 9, 0, 0).unwrap();
    assert_eq!(
        repo::one(&db, PLATFORM, before).await.unwrap().timing,
        Timing::Upcoming
    );
    assert!(repo::one(&db, "bestaat-niet", now).await.is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agenda_pages_in_both_languages() {
    let router = app(db().await);
    let (status, _, page) = get(&router, "/nl/agenda", &[]).await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "Voorbije bijeenkomsten",
        "Terugkerend of zonder vaste datum",
        "3 december 2015, 14:00–17:00",
        &format!("href=\"/nl/agenda/{PLATFORM}\""),
        "href=\"/nl/agenda/elsene-burgerontmoetingen-per-wijk\"",
        "href=\"/nl/agenda.ics\"",
        "href=\"/nl/agenda\"",
    ] {
        assert!(page.contains(text), "{text}");
    }
    let (status, _, page) = get(&router, "/fr/agenda", &[]).await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "Réunions passées",
        "3 décembre 2015, 14:00–17:00",
        "Concertation locale des communes frontalières",
        "href=\"/fr/agenda.ics\"",
    ] {
        assert!(page.contains(text), "{text}");
    }

    let (status, _, page) = get(&router, &format!("/nl/agenda/{PLATFORM}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "Kennisplatform Intergemeentelijk Samenwerken – eerste bijeenkomst",
        "3 december 2015",
        "14:00",
        "datetime=\"2015-12-03T14:00:00+01:00\"",
        "OC De Kleine Beer",
        "C. Marichalstraat 5, 8730 Beernem",
        "door Renaat Landuyt",
        "Inschrijven kon tot 23 november 2015",
        "href=\"/nl/projecten/kennisplatform-intergemeentelijk-samenwerken\"",
        &format!("href=\"/nl/agenda/{PLATFORM}/event.ics\""),
    ] {
        assert!(page.contains(text), "{text}");
    }
    let (_, _, page) = get(&router, &format!("/fr/agenda/{PLATFORM}"), &[]).await;
    for text in [
        "Plateforme de connaissances sur la coopération intercommunale",
        "3 décembre 2015, 14:00–17:00",
        "par Victor Fijneman",
        "Ordre du jour",
        "href=\"/fr/projets/kennisplatform-intergemeentelijk-samenwerken\"",
    ] {
        assert!(page.contains(text), "{text}");
    }
    // The agenda items in their order.
    let first = page.find("Renaat Landuyt").unwrap();
    let last = page.find("Peter Sellenslagh").unwrap();
    assert!(first < last);
    // A recurring meeting says why it has no calendar download.
    let (_, _, page) = get(
        &router,
        "/fr/agenda/elsene-burgerontmoetingen-per-wijk",
        &[],
    )
    .await;
    assert!(page.contains("Processus continu par quartier"));
    assert!(!page.contains("event.ics"));
    let (status, _, page) = get(&router, "/fr/agenda/nexiste-pas", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("Page introuvable"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_lists_events() {
    let router = app(db().await);
    let (status, _, body) = get(&router, "/api/v1/events", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let list: serde_json::Value = serde_json::from_str(&body).unwrap();
    let data = list["data"].as_array().unwrap();
    assert_eq!(data.len(), 3);
    assert_eq!(data[0]["id"], PLATFORM, "dated events first");
    assert_eq!(data[0]["starts_at"], "2015-12-03T14:00:00+01:00");
    assert_eq!(data[0]["timezone"], "Europe/Brussels");
    assert_eq!(data[0]["timing"], "past");
    assert_eq!(data[0]["agenda"][5]["speaker"], "Peter Sellenslagh (CIPAL)");
    let (_, _, body) = get(&router, "/api/v1/events?timing=recurring", &[]).await;
    let list: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(list["data"].as_array().unwrap().len(), 2);
    let (_, _, body) = get(&router, &format!("/api/v1/events/{PLATFORM}"), &[]).await;
    let one: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(one["place"]["name"], "OC De Kleine Beer");
    assert_eq!(one["organiser"]["id"], "wvi");
    assert_eq!(
        one["title"]["fr"],
        "Plateforme de connaissances sur la coopération intercommunale – première réunion"
    );
    let (status, _, _) = get(&router, "/api/v1/events?when=past", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "unknown parameter");
    let (status, _, _) = get(&router, "/api/v1/events?timing=soon", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = get(&router, "/api/v1/events/nope", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = get(&router, "/api/v1/events.ics?lang=en", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = get(&router, "/api/v1/events/nope/event.ics", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // In the OpenAPI document.
    let (_, _, body) = get(&router, "/api/openapi.json", &[]).await;
    let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
    for path in [
        "/api/v1/events",
        "/api/v1/events.ics",
        "/api/v1/events/{id}",
        "/api/v1/events/{id}/event.ics",
    ] {
        assert!(
            doc["paths"][path]["get"]["responses"]["200"].is_object(),
            "{path}"
        );
    }
}

/// The calendar's events and time zones, parsed by the `ical` crate.
fn parse(body: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(body.as_bytes()));
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("valid iCalendar");
    assert!(calendars.next().is_none());
    calendar
}

fn property<'a>(
    properties: &'a [ical::property::Property],
    name: &str,
) -> &'a ical::property::Property {
    properties
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} missing"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_ics_downloads_parse_back_with_the_brussels_zone() {
    let router = public_app(db().await);
    for (path, summary) in [
        (
            "/nl/agenda.ics",
            "Kennisplatform Intergemeentelijk Samenwerken – eerste bijeenkomst",
        ),
        (
            "/fr/agenda.ics",
            "Plateforme de connaissances sur la coopération intercommunale – première réunion",
        ),
        (
            &format!("/fr/agenda/{PLATFORM}/event.ics"),
            "Plateforme de connaissances sur la coopération intercommunale – première réunion",
        ),
        (
            "/api/v1/events.ics?lang=fr",
            "Plateforme de connaissances sur la coopération intercommunale – première réunion",
        ),
        (
            &format!("/api/v1/events/{PLATFORM}/event.ics"),
            "Kennisplatform Intergemeentelijk Samenwerken – eerste bijeenkomst",
        ),
    ] {
        let (status, headers, body) = get(&router, path, &[]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(
            headers[header::CONTENT_TYPE],
            "text/calendar; charset=utf-8",
            "{path}"
        );
        let disposition = headers[header::CONTENT_DISPOSITION].to_str().unwrap();
        assert!(
            disposition.starts_with("attachment; filename=\"") && disposition.ends_with(".ics\""),
            "{disposition}"
        );
        assert!(body.contains("\r\n") && !body.replace("\r\n", "").contains('\n'));
        let calendar = parse(&body);
        // Only the dated meeting: the recurring ones have no start.
        assert_eq!(calendar.events.len(), 1, "{path}");
        let event = &calendar.events[0].properties;
        let start = property(event, "DTSTART");
        assert_eq!(start.value.as_deref(), Some("20151203T140000"));
        let params = start.params.as_ref().expect("DTSTART has parameters");
        assert!(
            params
                .iter()
                .any(|(k, v)| k == "TZID" && v == &["Europe/Brussels".to_owned()]),
            "{params:?}"
        );
        assert_eq!(
            property(event, "DTEND").value.as_deref(),
            Some("20151203T170000")
        );
        assert_eq!(property(event, "SUMMARY").value.as_deref(), Some(summary));
        assert_eq!(
            property(event, "UID").value.as_deref(),
            Some(format!("{PLATFORM}@grensdiensten.example").as_str())
        );
        assert!(property(event, "LOCATION")
            .value
            .as_deref()
            .unwrap()
            .contains("OC De Kleine Beer"));
        let description = property(event, "DESCRIPTION").value.clone().unwrap();
        assert!(description.contains("Renaat Landuyt"), "{description}");
        assert!(property(event, "URL")
            .value
            .as_deref()
            .unwrap()
            .starts_with("https://grensdiensten.example/"));
        assert_eq!(calendar.timezones.len(), 1);
        let zone = &calendar.timezones[0];
        assert_eq!(
            property(&zone.properties, "TZID").value.as_deref(),
            Some("Europe/Brussels")
        );
        assert_eq!(zone.transitions.len(), 2, "summer and winter time");
    }
    let (status, _, _) = get(&router, "/nl/agenda/bestaat-niet/event.ics", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

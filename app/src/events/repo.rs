//! SurrealDB reads for the agenda (server only). A handful of records: each request
//! reads them with their organisers and projects in one round trip and joins them here.

use super::*;
use crate::db::{rows, Db};
use crate::municipalities::directory;
use chrono::{DateTime, FixedOffset};
use chrono_tz::{Europe::Brussels, Tz};

#[derive(Deserialize)]
struct Row {
    id: String,
    title: Localized,
    summary: Localized,
    kind: String,
    starts_at: Option<String>,
    ends_at: Option<String>,
    recurrence: Option<Localized>,
    place: Option<PlaceRow>,
    organiser: Option<String>,
    audience: Localized,
    #[serde(default)]
    agenda: Vec<AgendaItem>,
    registration: Option<Localized>,
    project: Option<String>,
    source: String,
}

#[derive(Deserialize)]
struct PlaceRow {
    name: String,
    address: String,
    municipality_code: Option<String>,
}

#[derive(Deserialize)]
struct Named {
    id: String,
    name: Localized,
}

const QUERY: &str = "
SELECT record::id(id) AS id, title, summary, kind, starts_at, ends_at, recurrence, place,
    audience, agenda, registration, source,
    IF organiser { record::id(organiser) } ELSE { NONE } AS organiser,
    IF project { record::id(project) } ELSE { NONE } AS project
FROM event WHERE publication = 'published' OR $id != NONE AND id = type::record('event', $id)
ORDER BY id;
SELECT record::id(id) AS id, name FROM organization;
SELECT record::id(id) AS id, name FROM project WHERE publication = 'published';";

/// Every event, timed against `now`, in id order.
pub async fn all(db: &Db, now: DateTime<Tz>) -> Result<Vec<Event>, AppError> {
    read(db, now, None).await
}

/// The published events, and the event `also` whatever its publication.
async fn read(db: &Db, now: DateTime<Tz>, also: Option<&str>) -> Result<Vec<Event>, AppError> {
    let mut response = db
        .query(QUERY)
        .bind(("id", also.map(str::to_owned)))
        .await?;
    let events: Vec<Row> = rows(&mut response, 0)?;
    let organizations: Vec<Named> = rows(&mut response, 1)?;
    let projects: Vec<Named> = rows(&mut response, 2)?;
    let directory = directory::current(db).await?;
    let link = |records: &[Named], id: &str| {
        records.iter().find(|r| r.id == id).map(|r| Link {
            id: r.id.clone(),
            name: r.name.clone(),
        })
    };
    Ok(events
        .into_iter()
        .map(|e| {
            let starts = e.starts_at.as_deref().and_then(instant);
            let ends = e.ends_at.as_deref().and_then(instant);
            Event {
                timing: timing(starts, ends, now),
                start: starts.map(local),
                end: ends.map(local),
                id: e.id,
                title: e.title,
                summary: e.summary,
                kind: e.kind,
                // As offsets of Brussels time: `2015-12-03T14:00:00+01:00`.
                starts_at: starts.map(|at| at.with_timezone(&Brussels).to_rfc3339()),
                ends_at: ends.map(|at| at.with_timezone(&Brussels).to_rfc3339()),
                recurrence: e.recurrence,
                place: e.place.map(|p| Place {
                    municipality: p.municipality_code.as_deref().and_then(|code| {
                        directory.profile(code).map(|m| Link {
                            id: code.to_owned(),
                            name: m.detail.name.clone(),
                        })
                    }),
                    name: p.name,
                    address: p.address,
                    municipality_code: p.municipality_code,
                }),
                organiser: e
                    .organiser
                    .as_deref()
                    .and_then(|id| link(&organizations, id)),
                audience: e.audience,
                agenda: e.agenda,
                registration: e.registration,
                project: e.project.as_deref().and_then(|id| link(&projects, id)),
                source: e.source,
            }
        })
        .collect())
}

/// One event, or NotFound.
pub async fn one(db: &Db, id: &str, now: DateTime<Tz>) -> Result<Event, AppError> {
    all(db, now)
        .await?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(AppError::NotFound)
}

/// One event whatever became of it (a draft again, archived), for what people and
/// staff keep about it (a person's own registration, the staff's list); NotFound only
/// when there is no such event.
pub async fn any(db: &Db, id: &str, now: DateTime<Tz>) -> Result<Event, AppError> {
    read(db, now, Some(id))
        .await?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(AppError::NotFound)
}

fn instant(text: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text).ok()
}

/// The same instant on a Brussels clock.
pub fn local(at: DateTime<FixedOffset>) -> LocalMoment {
    let at = at.with_timezone(&Brussels);
    LocalMoment {
        date: at.format("%Y-%m-%d").to_string(),
        time: at.format("%H:%M").to_string(),
        ical: at.format("%Y%m%dT%H%M%S").to_string(),
    }
}

/// Upcoming until it has ended (or, without an end, until it has started).
pub fn timing(
    starts: Option<DateTime<FixedOffset>>,
    ends: Option<DateTime<FixedOffset>>,
    now: DateTime<Tz>,
) -> Timing {
    match ends.or(starts) {
        None => Timing::Recurring,
        Some(last) if last < now => Timing::Past,
        Some(_) => Timing::Upcoming,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(text: &str) -> Option<DateTime<FixedOffset>> {
        instant(text)
    }

    #[test]
    fn upcoming_until_the_end_in_brussels_time() {
        let start = at("2015-12-03T14:00:00+01:00");
        let end = at("2015-12-03T17:00:00+01:00");
        let brussels = |h, m| Brussels.with_ymd_and_hms(2015, 12, 3, h, m, 0).unwrap();
        assert_eq!(timing(start, end, brussels(13, 59)), Timing::Upcoming);
        assert_eq!(timing(start, end, brussels(16, 59)), Timing::Upcoming);
        assert_eq!(timing(start, end, brussels(17, 1)), Timing::Past);
        assert_eq!(timing(start, None, brussels(14, 1)), Timing::Past);
        assert_eq!(timing(None, None, brussels(12, 0)), Timing::Recurring);
    }

    #[test]
    fn stored_instants_are_shown_on_a_brussels_clock() {
        // Stored in UTC, winter (CET) and summer (CEST).
        let winter = local(at("2015-12-03T13:00:00Z").unwrap());
        assert_eq!(
            (
                winter.date.as_str(),
                winter.time.as_str(),
                winter.ical.as_str()
            ),
            ("2015-12-03", "14:00", "20151203T140000")
        );
        let summer = local(at("2026-07-01T22:30:00Z").unwrap());
        assert_eq!(
            (summer.date.as_str(), summer.time.as_str()),
            ("2026-07-02", "00:30")
        );
    }
}

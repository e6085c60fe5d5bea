//! The region's clock (server only): what "now" and "today" mean on this site, and
//! moments typed or shown on a Brussels wall clock. Every domain reads the time here
//! (search's "open now", the agenda's upcoming and past, a project's phase, a service's
//! checked day, a call's period, a registration's deadline), so that one rule decides,
//! and a test can reason about it in one place.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::{Europe::Brussels, Tz};

/// Now, on the Brussels clock.
pub fn now() -> DateTime<Tz> {
    Utc::now().with_timezone(&Brussels)
}

/// Today in Brussels, as an ISO day (`2026-12-07`).
pub fn today() -> String {
    day_of(now())
}

/// The Brussels day of a moment, ISO.
pub fn day_of<T: TimeZone>(at: DateTime<T>) -> String {
    at.with_timezone(&Brussels).format("%Y-%m-%d").to_string()
}

/// The Brussels day of a stored instant (RFC 3339), ISO.
pub fn day_of_stored(instant: &str) -> Option<String> {
    DateTime::parse_from_rfc3339(instant).ok().map(day_of)
}

/// A stored instant as a `datetime-local` input shows it on the Brussels clock.
pub fn local_input(instant: &str) -> Option<String> {
    let at = DateTime::parse_from_rfc3339(instant).ok()?;
    Some(
        at.with_timezone(&Brussels)
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
    )
}

/// A moment typed on a Brussels clock (`2027-01-10T17:00`, seconds optional) as an
/// instant. A time that does not exist (the hour skipped in spring) is refused; one that
/// happens twice (in autumn) is its first occurrence.
pub fn instant_of_local(text: &str) -> Option<DateTime<Utc>> {
    let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    Brussels
        .from_local_datetime(&naive)
        .earliest()
        .map(|d| d.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_brussels_clock_knows_its_summer_time() {
        // 31 March 2030: clocks go forward at 02:00; 17:00 is 15:00 UTC.
        assert_eq!(
            instant_of_local("2030-03-31T17:00").unwrap().to_rfc3339(),
            "2030-03-31T15:00:00+00:00"
        );
        assert!(instant_of_local("2027-03-28T02:30").is_none(), "skipped");
        // 31 October 2027, 02:30 happens twice: the first (summer time, UTC+2).
        assert_eq!(
            instant_of_local("2027-10-31T02:30").unwrap().to_rfc3339(),
            "2027-10-31T00:30:00+00:00"
        );
        assert!(instant_of_local("31/10/2027").is_none());
    }

    #[test]
    fn days_are_brussels_days() {
        // 23:30 UTC on 6 December is already 7 December in Brussels.
        assert_eq!(
            day_of_stored("2026-12-06T23:30:00Z").as_deref(),
            Some("2026-12-07")
        );
        assert_eq!(
            local_input("2026-07-01T12:00:00Z").as_deref(),
            Some("2026-07-01T14:00")
        );
        assert_eq!(today().len(), 10);
    }
}

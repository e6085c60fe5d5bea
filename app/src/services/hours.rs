//! Opening hours in OpenStreetMap `opening_hours` syntax, evaluated in Europe/Brussels
//! time with the public holidays of the service's country (server only).

use super::{DayHours, OpenState, OpeningHours as HoursView};
use crate::kernel::cache::Cache;
use crate::kernel::geo::Country as GeoCountry;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike};
use chrono_tz::{Europe::Brussels, Tz};
use opening_hours::localization::{Country, TzLocation};
use opening_hours::{Context, OpeningHours};
use std::sync::{Arc, LazyLock};

pub type Hours = OpeningHours<TzLocation<Tz>>;

/// Parses and localizes an expression; the error is the parser's message.
pub fn parse(osm: &str, country: GeoCountry) -> Result<Hours, String> {
    let holidays = match country {
        GeoCountry::Be => Country::BE.holidays(),
        GeoCountry::Fr => Country::FR.holidays(),
    };
    let context = Context::default()
        .with_holidays(holidays)
        .with_locale(TzLocation::new(Brussels));
    osm.parse::<OpeningHours>()
        .map(|oh| oh.with_context(context))
        .map_err(|e| e.to_string())
}

/// Parsed expressions are shared: most town halls have one of a few dozen schedules,
/// and parsing on every search would dominate its cost. Distinct schedules kept parsed
/// at most (the data has a few hundred); past it the least used go, so no input can make
/// it grow without bound.
pub const MAX_CACHED_SCHEDULES: usize = 10_000;

/// A schedule and its country's holidays, parsed (None: it cannot be read).
type Schedules = Cache<(String, GeoCountry), Option<Arc<Hours>>>;
static SCHEDULES: LazyLock<Schedules> =
    LazyLock::new(|| Cache::new("opening-hours", MAX_CACHED_SCHEDULES));

pub fn cached(osm: &str, country: GeoCountry) -> Option<Arc<Hours>> {
    let key = (osm.to_owned(), country);
    if let Some(hours) = SCHEDULES.get(&key) {
        return hours;
    }
    let hours = parse(osm, country).ok().map(Arc::new);
    SCHEDULES.insert(key, hours.clone());
    hours
}

pub fn is_open(hours: &Hours, at: DateTime<Tz>) -> bool {
    hours.is_open(at)
}

fn hhmm(hour: u8, minute: u8) -> String {
    format!("{hour:02}:{minute:02}")
}

/// Open or closed at `at`, and when that changes (within a week).
pub fn state(hours: &Hours, at: DateTime<Tz>) -> OpenState {
    let open = hours.is_open(at);
    let change = hours
        .next_change(at)
        .filter(|next| *next - at <= Duration::days(7));
    OpenState {
        open,
        change: change.map(|c| {
            (
                c.date_naive().to_string(),
                hhmm(c.hour() as u8, c.minute() as u8),
            )
        }),
        change_today: change.is_some_and(|c| c.date_naive() == at.date_naive()),
        change_weekday: change.map(|c| c.weekday().num_days_from_monday() as u8),
    }
}

/// The seven days from `from`, with their open periods and public holidays.
pub fn week(hours: &Hours, from: NaiveDate, country: GeoCountry) -> Vec<DayHours> {
    let holidays = match country {
        GeoCountry::Be => Country::BE.holidays(),
        GeoCountry::Fr => Country::FR.holidays(),
    };
    (0..7)
        .map(|offset| {
            let date = from + Duration::days(offset);
            let periods = hours
                .schedule_at(date)
                .into_iter()
                .filter(|range| range.kind == opening_hours::RuleKind::Open)
                .map(|range| {
                    (
                        hhmm(range.range.start.hour(), range.range.start.minute()),
                        hhmm(range.range.end.hour(), range.range.end.minute()),
                    )
                })
                .collect();
            DayHours {
                date: date.to_string(),
                weekday: date.weekday().num_days_from_monday() as u8,
                periods,
                public_holiday: holidays.get_public().contains(date),
            }
        })
        .collect()
}

pub fn view(osm: &str, country: GeoCountry, at: DateTime<Tz>) -> Option<HoursView> {
    let hours = cached(osm, country)?;
    Some(HoursView {
        osm: osm.to_owned(),
        week: week(&hours, at.date_naive(), country),
        now: state(&hours, at),
    })
}

/// Converts the service-public.fr annuaire's JSON hours
/// (`[["lundi","vendredi",[["08:00:00","12:15:00"]]], …]`) to OpenStreetMap syntax.
/// French town halls close on public holidays, hence `PH off`.
pub fn from_annuaire(json: &str) -> Result<String, String> {
    type Rule = (String, String, Vec<(String, String)>);
    let rules: Vec<Rule> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let day = |name: &str| -> Result<&'static str, String> {
        Ok(match name {
            "lundi" => "Mo",
            "mardi" => "Tu",
            "mercredi" => "We",
            "jeudi" => "Th",
            "vendredi" => "Fr",
            "samedi" => "Sa",
            "dimanche" => "Su",
            other => return Err(format!("unknown day {other:?}")),
        })
    };
    let time = |t: &str| -> Result<String, String> {
        t.get(..5)
            .filter(|hm| hm.as_bytes().get(2) == Some(&b':'))
            .map(str::to_owned)
            .ok_or_else(|| format!("bad time {t:?}"))
    };
    let mut parts = vec![];
    for (from, to, periods) in &rules {
        let days = if from == to {
            day(from)?.to_owned()
        } else {
            format!("{}-{}", day(from)?, day(to)?)
        };
        let periods: Vec<String> = periods
            .iter()
            .map(|(open, close)| Ok(format!("{}-{}", time(open)?, time(close)?)))
            .collect::<Result<_, String>>()?;
        parts.push(format!("{days} {}", periods.join(",")));
    }
    if parts.is_empty() {
        return Err("no opening rules".into());
    }
    parts.push("PH off".into());
    let osm = parts.join("; ");
    parse(&osm, GeoCountry::Fr)?;
    Ok(osm)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_flood_of_distinct_schedules_stays_bounded() {
        for m in 0..(MAX_CACHED_SCHEDULES + 500) {
            // Distinct keys: 6 000 schedules, in each country.
            let osm = format!(
                "Mo 0{}:{:02}-18:00; Tu 0{}:00-18:00",
                m % 10,
                (m / 10) % 60,
                (m / 600) % 10
            );
            let country = if (m / 6000) % 2 == 0 {
                GeoCountry::Be
            } else {
                GeoCountry::Fr
            };
            assert!(cached(&osm, country).is_some());
            let len = SCHEDULES.len();
            assert!(len <= MAX_CACHED_SCHEDULES, "{len}");
        }
    }

    const HALLUIN: &str = "Mo-Fr 08:30-12:00,13:30-17:30; Sa 09:00-12:00; PH off";

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Tz> {
        Brussels.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn annuaire_json_becomes_osm_syntax() {
        let json = r#"[["lundi","vendredi",[["08:00:00","12:15:00"],["13:30:00","18:00:00"]]],["samedi","samedi",[["09:00:00","12:00:00"]]]]"#;
        assert_eq!(
            from_annuaire(json).unwrap(),
            "Mo-Fr 08:00-12:15,13:30-18:00; Sa 09:00-12:00; PH off"
        );
        assert!(from_annuaire(r#"[["lundi","jour",[]]]"#).is_err());
        assert!(from_annuaire("[]").is_err());
    }

    #[test]
    fn open_on_saturday_morning_closed_on_sunday() {
        let hours = parse(HALLUIN, GeoCountry::Fr).unwrap();
        // Saturday 28 November 2026, 10:15 in Brussels.
        let saturday = at(2026, 11, 28, 10, 15);
        let s = state(&hours, saturday);
        assert!(s.open);
        assert_eq!(s.change, Some(("2026-11-28".into(), "12:00".into())));
        assert!(s.change_today);
        // Sunday: closed, opens Monday 08:30.
        let s = state(&hours, at(2026, 11, 29, 11, 0));
        assert!(!s.open);
        assert_eq!(s.change, Some(("2026-11-30".into(), "08:30".into())));
        assert_eq!(s.change_weekday, Some(0));
    }

    #[test]
    fn public_holidays_are_exceptions() {
        let hours = parse(HALLUIN, GeoCountry::Fr).unwrap();
        // Wednesday 11 November 2026 (Armistice) at 10:00: a weekday, yet closed.
        assert!(!is_open(&hours, at(2026, 11, 11, 10, 0)));
        assert!(is_open(&hours, at(2026, 11, 12, 10, 0)));
        // 14 July is a holiday in France only.
        let be = parse("Mo-Fr 09:00-17:00; PH off", GeoCountry::Be).unwrap();
        let fr = parse("Mo-Fr 09:00-17:00; PH off", GeoCountry::Fr).unwrap();
        assert!(is_open(&be, at(2026, 7, 14, 10, 0)));
        assert!(!is_open(&fr, at(2026, 7, 14, 10, 0)));
        // 21 July is a holiday in Belgium only.
        assert!(!is_open(&be, at(2026, 7, 21, 10, 0)));
        assert!(is_open(&fr, at(2026, 7, 21, 10, 0)));
    }

    #[test]
    fn the_week_table_marks_holidays() {
        let hours = parse(HALLUIN, GeoCountry::Fr).unwrap();
        let week = week(
            &hours,
            NaiveDate::from_ymd_opt(2026, 11, 9).unwrap(),
            GeoCountry::Fr,
        );
        assert_eq!(week.len(), 7);
        assert_eq!(week[0].weekday, 0);
        assert_eq!(
            week[0].periods,
            vec![
                ("08:30".into(), "12:00".into()),
                ("13:30".into(), "17:30".into())
            ]
        );
        assert!(week[2].public_holiday && week[2].periods.is_empty());
        assert_eq!(week[5].periods, vec![("09:00".into(), "12:00".into())]);
        assert!(week[6].periods.is_empty());
    }

    #[test]
    fn summer_time_is_respected() {
        // 08:45 local in July is 06:45 UTC: open, though UTC says 06:45.
        let hours = parse("Mo-Fr 08:30-12:00", GeoCountry::Fr).unwrap();
        let utc = chrono::Utc.with_ymd_and_hms(2026, 7, 15, 6, 45, 0).unwrap();
        assert!(is_open(&hours, utc.with_timezone(&Brussels)));
    }
}

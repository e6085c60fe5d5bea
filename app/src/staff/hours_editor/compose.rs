//! From the form to OpenStreetMap `opening_hours`: the form's times are checked here,
//! in plain Rust, because the `opening-hours` crate is on the server only and its errors
//! name no form field.

use super::{WeeklyHours, DAY_KEYS};
use crate::kernel::validate::Length;

/// A period in minutes since midnight, end exclusive; 24:00 is 1440.
pub(super) type Period = (u16, u16);
/// Year, month (1–12), day.
pub(super) type Date = (u16, u8, u8);

pub(super) const OSM_DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
pub(super) const OSM_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// Exceptions are dated; a year outside this range is almost certainly a typing mistake.
pub(super) const YEARS: std::ops::RangeInclusive<u16> = 2000..=2099;
const DAY: u16 = 24 * 60;

/// A typed time: `09:30`, `9:30`, `9.30`, `9h30`, `9u30`, `9h` or `9` (staff type what
/// they are used to, in French or Dutch); the canonical form is written back.
fn parse_time(text: &str) -> Option<u16> {
    let text = text.trim().to_ascii_lowercase();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (hours, rest) = text.split_at(split);
    let minutes = match rest.as_bytes().first() {
        None => "",
        Some(b':' | b'.' | b'h' | b'u') => &rest[1..],
        Some(_) => return None,
    };
    let digits = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u16>().ok())
            .flatten()
    };
    let hours = digits(hours, 2)?;
    let minutes = if minutes.is_empty() {
        0
    } else if minutes.len() == 2 {
        digits(minutes, 2)?
    } else {
        return None;
    };
    (minutes < 60 && hours * 60 + minutes <= DAY).then_some(hours * 60 + minutes)
}

/// The periods of one field, sorted; None when one is malformed, does not end after it
/// starts, or overlaps another (touching is fine: `09:00-12:00,12:00-14:00`).
pub(super) fn parse_periods(text: &str) -> Option<Vec<Period>> {
    if Length::RecordName.exceeded_by(text) {
        return None;
    }
    let mut periods = text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (start, end) = p.split_once(['-', '–', '—'])?;
            let (start, end) = (parse_time(start)?, parse_time(end)?);
            (end > start).then_some((start, end))
        })
        .collect::<Option<Vec<_>>>()?;
    periods.sort_unstable();
    let apart = periods.windows(2).all(|w| w[1].0 >= w[0].1);
    (apart && !periods.is_empty()).then_some(periods)
}

fn is_leap(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

pub(super) fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A real calendar date within `YEARS`, from `YYYY-MM-DD` (what `<input type=date>` sends).
pub(super) fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape {
        return None;
    }
    let year: u16 = text[..4].parse().ok()?;
    let month: u8 = text[5..7].parse().ok()?;
    let day: u8 = text[8..].parse().ok()?;
    let valid = YEARS.contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month);
    valid.then_some((year, month, day))
}

pub(super) fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// `09:00-12:00,13:00-17:00` (`sep` = `","`) or, for the form, with `", "`.
pub(super) fn join_periods(periods: &[Period], sep: &str) -> String {
    periods
        .iter()
        .map(|&(start, end)| format!("{}-{}", hhmm(start), hhmm(end)))
        .collect::<Vec<_>>()
        .join(sep)
}

/// `Mo`, or `Mo-Fr` for a run of days.
fn weekday_run(first: usize, last: usize) -> String {
    if first == last {
        OSM_DAYS[first].to_owned()
    } else {
        format!("{}-{}", OSM_DAYS[first], OSM_DAYS[last])
    }
}

/// The canonical expression of the form's hours, or the names of the invalid fields
/// (`hours-mo`…, `hours-exception-date-N`, `hours-exception-hours-N`). Weekly rules come
/// first, then `PH off`, then the dated exceptions, because in OSM a later rule wins.
/// `Ok("")` means no hours are known (the holidays box alone says nothing).
pub fn to_osm(hours: &WeeklyHours) -> Result<String, Vec<String>> {
    let mut invalid = vec![];
    let mut days: [Vec<Period>; 7] = Default::default();
    for (i, text) in hours.days.iter().enumerate() {
        if text.trim().is_empty() {
            continue;
        }
        match parse_periods(text) {
            Some(periods) => days[i] = periods,
            None => invalid.push(format!("hours-{}", DAY_KEYS[i])),
        }
    }
    let mut exceptions: Vec<(Date, Vec<Period>)> = vec![];
    for (i, exception) in hours.exceptions.iter().enumerate() {
        // The same date twice would silently let the second row win.
        let date = parse_date(&exception.date)
            .filter(|date| !exceptions.iter().any(|(seen, _)| seen == date));
        let periods = match exception.hours.trim() {
            "" => Some(vec![]),
            text => parse_periods(text),
        };
        match (date, periods) {
            (Some(date), Some(periods)) => exceptions.push((date, periods)),
            (date, periods) => {
                if date.is_none() {
                    invalid.push(format!("hours-exception-date-{i}"));
                }
                if periods.is_none() {
                    invalid.push(format!("hours-exception-hours-{i}"));
                }
            }
        }
    }
    if !invalid.is_empty() {
        return Err(invalid);
    }

    let mut rules = vec![];
    if days.iter().all(|periods| periods == &[(0, DAY)]) {
        rules.push("24/7".to_owned());
    } else {
        // A run of days with the same periods is one rule: what the seed stores (and
        // OSM mappers write) comes back unchanged, so an untouched form changes nothing.
        let mut first = 0;
        while first < 7 {
            let mut last = first;
            while last + 1 < 7 && days[last + 1] == days[first] {
                last += 1;
            }
            if !days[first].is_empty() {
                let periods = join_periods(&days[first], ",");
                rules.push(format!("{} {periods}", weekday_run(first, last)));
            }
            first = last + 1;
        }
    }
    if hours.holidays_closed && !rules.is_empty() {
        rules.push("PH off".to_owned());
    }
    exceptions.sort_by_key(|(date, _)| *date);
    for ((year, month, day), periods) in exceptions {
        let state = if periods.is_empty() {
            "off".to_owned()
        } else {
            join_periods(&periods, ",")
        };
        let month = OSM_MONTHS[usize::from(month) - 1];
        rules.push(format!("{year} {month} {day:02} {state}"));
    }
    Ok(rules.join("; "))
}

//! From a stored OpenStreetMap `opening_hours` expression to the form, for the simple
//! subset the form can show without changing its meaning. Anything else gives None, and
//! the edit form then offers the raw expression only.

use super::compose::{
    days_in_month, join_periods, parse_periods, to_osm, Date, Period, OSM_DAYS, OSM_MONTHS, YEARS,
};
use super::{HoursException, WeeklyHours};

const ALL_DAY: Period = (0, 24 * 60);

/// Periods, or closed (None).
type State = Option<Vec<Period>>;

enum Rule {
    Weekly {
        days: [bool; 7],
        holidays: bool,
        state: State,
    },
    Dated {
        date: Date,
        state: State,
    },
}

/// In OSM a later rule wins, and the form writes weekly rules, then `PH off`, then the
/// dates. A stored expression in another order (`PH off; Mo-Fr 09:00-17:00` opens on
/// holidays) would mean something else once written back, so it is not read.
#[derive(PartialEq, PartialOrd)]
enum Stage {
    Weekly,
    Holidays,
    Dates,
}

/// The form's hours for `osm`, or None when the expression is outside the simple subset:
/// rules separated by `;`, weekday lists and ranges (`Mo-Fr`, `Mo,We`, `Sa-Mo`), time
/// ranges separated by commas, `off`/`closed`, `PH off`, dated exceptions
/// (`2026 Dec 25 off`, `2026 Dec 24 09:00-12:00`) and `24/7`. What it returns always
/// composes again (`to_osm` is Ok).
pub fn from_osm(osm: &str) -> Option<WeeklyHours> {
    let mut days: [Vec<Period>; 7] = Default::default();
    let mut holidays_closed = false;
    let mut dates: Vec<(Date, Vec<Period>)> = vec![];
    let mut stage = Stage::Weekly;
    for rule in osm.split(';').map(str::trim).filter(|r| !r.is_empty()) {
        for (i, part) in sub_rules(rule).iter().enumerate() {
            // `Mo-Fr 09:00-12:00, Sa 10:00-12:00`: an additional rule adds to a day
            // instead of replacing it.
            let additional = i > 0;
            match parse_rule(part)? {
                Rule::Weekly {
                    days: selected,
                    holidays,
                    state,
                } => {
                    if selected.contains(&true) && stage > Stage::Weekly {
                        return None;
                    }
                    // Only "closed on public holidays" has a place in the form.
                    if holidays && (state.is_some() || additional || stage == Stage::Dates) {
                        return None;
                    }
                    for day in (0..7).filter(|&d| selected[d]) {
                        match (&state, additional) {
                            (_, false) => days[day] = state.clone().unwrap_or_default(),
                            (Some(periods), true) => days[day].extend(periods),
                            (None, true) => return None,
                        }
                    }
                    if holidays {
                        holidays_closed = true;
                        stage = Stage::Holidays;
                    }
                }
                Rule::Dated { date, state } => {
                    if additional {
                        return None;
                    }
                    stage = Stage::Dates;
                    let periods = state.unwrap_or_default();
                    match dates.iter_mut().find(|(seen, _)| *seen == date) {
                        Some(same) => same.1 = periods,
                        None => dates.push((date, periods)),
                    }
                }
            }
        }
    }
    dates.sort_by_key(|(date, _)| *date);
    let hours = WeeklyHours {
        days: days.map(|mut periods| {
            periods.sort_unstable();
            join_periods(&periods, ", ")
        }),
        holidays_closed,
        exceptions: dates
            .into_iter()
            .map(|((year, month, day), periods)| HoursException {
                date: format!("{year:04}-{month:02}-{day:02}"),
                hours: join_periods(&periods, ", "),
            })
            .collect(),
    };
    // Overlaps made by additional rules, for one, would not survive the form.
    to_osm(&hours).ok()?;
    Some(hours)
}

/// Splits a rule at the commas that start an additional rule: a comma followed by a
/// day, after a part that already has its times (`Mo,We 09:00-12:00, 14:00-17:00` is
/// one rule).
fn sub_rules(rule: &str) -> Vec<String> {
    let mut parts: Vec<String> = vec![];
    for segment in rule.split(',') {
        let starts_rule = segment
            .trim_start()
            .starts_with(|c: char| c.is_ascii_uppercase());
        match parts.last_mut() {
            Some(current) if !(starts_rule && current.trim().contains(' ')) => {
                current.push(',');
                current.push_str(segment);
            }
            _ => parts.push(segment.to_owned()),
        }
    }
    parts.into_iter().map(|p| p.trim().to_owned()).collect()
}

fn parse_rule(text: &str) -> Option<Rule> {
    if text == "24/7" {
        return Some(Rule::Weekly {
            days: [true; 7],
            holidays: false,
            state: Some(vec![ALL_DAY]),
        });
    }
    let (head, rest) = text
        .split_once(' ')
        .map_or((text, ""), |(head, rest)| (head, rest.trim()));
    if head.len() == 4 && head.bytes().all(|b| b.is_ascii_digit()) {
        let (date, rest) = parse_date(head, rest)?;
        return Some(Rule::Dated {
            date,
            state: parse_state(rest)?,
        });
    }
    if head.starts_with(|c: char| c.is_ascii_digit()) {
        // Times without days apply to every day.
        return Some(Rule::Weekly {
            days: [true; 7],
            holidays: false,
            state: parse_state(text)?,
        });
    }
    let (days, holidays) = parse_selector(head)?;
    Some(Rule::Weekly {
        days,
        holidays,
        state: parse_state(rest)?,
    })
}

/// `2026 Dec 25`, optionally followed by `:`; the rest of the rule is returned.
fn parse_date<'a>(year: &str, rest: &'a str) -> Option<(Date, &'a str)> {
    let year: u16 = year.parse().ok().filter(|y| YEARS.contains(y))?;
    let (month, rest) = rest.split_once(' ')?;
    let month = OSM_MONTHS.iter().position(|m| *m == month)? as u8 + 1;
    let rest = rest.trim_start();
    let split = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (day, rest) = rest.split_at(split);
    // `Dec 24-26` and other ranges are not single dates.
    if day.is_empty() || day.len() > 2 || !(rest.is_empty() || rest.starts_with([' ', ':'])) {
        return None;
    }
    let day: u8 = day.parse().ok()?;
    if day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim();
    Some(((year, month, day), rest))
}

/// `Mo-Fr`, `Mo,We`, `Sa-Mo` (round the week end), `Su,PH`: the days, and whether
/// public holidays are named.
fn parse_selector(text: &str) -> Option<([bool; 7], bool)> {
    let day = |name: &str| OSM_DAYS.iter().position(|d| *d == name);
    let mut days = [false; 7];
    let mut holidays = false;
    for item in text.split(',') {
        if item == "PH" {
            holidays = true;
            continue;
        }
        let (first, last) = item.split_once('-').unwrap_or((item, item));
        let (first, last) = (day(first)?, day(last)?);
        let mut current = first;
        loop {
            days[current] = true;
            if current == last {
                break;
            }
            current = (current + 1) % 7;
        }
    }
    Some((days, holidays))
}

/// Strict OSM times: `HH:MM-HH:MM`.
fn is_osm_period(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 11
        && b.iter().enumerate().all(|(i, c)| match i {
            2 | 8 => *c == b':',
            5 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// A rule's times or state; no times means all day (OSM), as does `open`.
fn parse_state(text: &str) -> Option<State> {
    let text = text.trim();
    let text = text.strip_suffix("open").map_or(text, str::trim_end);
    match text {
        "" => Some(Some(vec![ALL_DAY])),
        "off" | "closed" => Some(None),
        times => {
            let strict = times.split(',').map(str::trim).all(is_osm_period);
            strict.then(|| parse_periods(times)).flatten().map(Some)
        }
    }
}

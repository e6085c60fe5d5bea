use super::*;

fn week(days: [&str; 7]) -> WeeklyHours {
    WeeklyHours {
        days: days.map(str::to_owned),
        ..Default::default()
    }
}

fn exception(date: &str, hours: &str) -> HoursException {
    HoursException {
        date: date.into(),
        hours: hours.into(),
    }
}

/// Strings as the seed writes them (`hours::from_annuaire`), and OSM classics.
const CANONICAL: [&str; 6] = [
    "Mo-Fr 08:30-12:00,13:30-17:30; Sa 09:00-12:00; PH off",
    "Mo 09:00-12:00; Tu-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off",
    "Mo-Tu 09:00-12:30,14:00-17:00; We 09:00-12:00; Th-Fr 09:00-12:30,14:00-17:00; PH off",
    "Mo 08:30-12:00; We 08:30-12:00; PH off; 2026 Dec 24 09:00-12:00; 2026 Dec 25 off",
    "24/7",
    "",
];

#[test]
fn canonical_strings_round_trip_exactly() {
    for osm in CANONICAL {
        let hours = from_osm(osm).unwrap_or_else(|| panic!("{osm}"));
        assert_eq!(to_osm(&hours).as_deref(), Ok(osm));
    }
}

#[test]
fn the_form_shows_one_field_per_day() {
    let hours = from_osm(CANONICAL[0]).unwrap();
    assert_eq!(hours.days[0], "08:30-12:00, 13:30-17:30");
    assert_eq!(hours.days[4], "08:30-12:00, 13:30-17:30");
    assert_eq!(hours.days[5], "09:00-12:00");
    assert_eq!(hours.days[6], "");
    assert!(hours.holidays_closed);
    assert!(hours.exceptions.is_empty());
}

#[test]
fn the_subset_reads_lists_ranges_states_and_dates() {
    let hours = from_osm("Sa-Mo 10:00-12:00; Tu,Th 14:00-16:00 open; We closed").unwrap();
    assert_eq!(hours.days[5], "10:00-12:00");
    assert_eq!(hours.days[6], "10:00-12:00");
    assert_eq!(hours.days[0], "10:00-12:00");
    assert_eq!(hours.days[1], "14:00-16:00");
    assert_eq!(hours.days[2], "");
    // No times means all day; times without days mean every day.
    assert_eq!(from_osm("Sa").unwrap().days[5], "00:00-24:00");
    assert_eq!(
        from_osm("10:00-11:00").unwrap().days,
        week(["10:00-11:00"; 7]).days
    );
    let dated = from_osm("Mo-Fr 09:00-17:00; PH off; 2026 Dec 24: 09:00-12:00; 2027 Jan 1 off");
    assert_eq!(
        dated.unwrap().exceptions,
        vec![
            exception("2026-12-24", "09:00-12:00"),
            exception("2027-01-01", "")
        ]
    );
    assert!(from_osm("Su,PH off").unwrap().holidays_closed);
}

#[test]
fn later_rules_override_earlier_ones_for_the_same_day() {
    let hours = from_osm("Mo-Fr 09:00-17:00; We 09:00-12:00; Fr off").unwrap();
    assert_eq!(hours.days[0], "09:00-17:00");
    assert_eq!(hours.days[2], "09:00-12:00");
    assert_eq!(hours.days[4], "");
    // An additional rule (`, Sa`) adds instead.
    let hours = from_osm("Mo 09:00-12:00, Mo 14:00-16:00, Sa 10:00-12:00").unwrap();
    assert_eq!(hours.days[0], "09:00-12:00, 14:00-16:00");
    assert_eq!(hours.days[5], "10:00-12:00");
    // The same date twice: the second one wins.
    let hours = from_osm("2026 Dec 24 off; 2026 Dec 24 10:00-12:00").unwrap();
    assert_eq!(
        hours.exceptions,
        vec![exception("2026-12-24", "10:00-12:00")]
    );
}

#[test]
fn anything_else_is_left_to_the_raw_expression() {
    for osm in [
        "PH off; Mo-Fr 09:00-17:00", // the weekly rule would open on holidays
        "2026 Dec 25 off; PH off",
        "2026 Dec 25 off; Mo 09:00-12:00",
        "PH 10:00-12:00",
        "Mo-Fr 09:00-12:00, We off",
        "Mo-Fr 22:00-02:00",
        "Mo-Fr 09:00-12:00,11:00-13:00",
        "Mo-Fr 9:00-12:00",
        "Mo[1] 09:00-12:00",
        "Jan-Mar Mo-Fr 09:00-12:00",
        "Dec 25 off",
        "2026 Dec 24-26 off",
        "2026 Feb 30 off",
        "1999 Dec 31 off",
        "Mo-Fr 09:00-12:00 \"by appointment\"",
        "Mo-Fr 09:00+",
        "SH off",
        "mo-fr 09:00-12:00",
        "Mo-Fr 09:00-12:00 || \"call\"",
    ] {
        assert_eq!(from_osm(osm), None, "{osm}");
    }
}

#[test]
fn runs_of_identical_days_are_grouped() {
    let hours = week(["9-12", "9-12", "9-12", "", "9-12", "10:00-12:00", ""]);
    assert_eq!(
        to_osm(&hours).as_deref(),
        Ok("Mo-We 09:00-12:00; Fr 09:00-12:00; Sa 10:00-12:00")
    );
    let hours = week(["8-9", "", "8-9", "", "8-9", "8-9", "8-9"]);
    assert_eq!(
        to_osm(&hours).as_deref(),
        Ok("Mo 08:00-09:00; We 08:00-09:00; Fr-Su 08:00-09:00")
    );
    let every_day = from_osm("10:00-11:00").unwrap();
    assert_eq!(to_osm(&every_day).as_deref(), Ok("Mo-Su 10:00-11:00"));
    let listed = from_osm("Mo,We 08:30-12:00").unwrap();
    assert_eq!(
        to_osm(&listed).as_deref(),
        Ok("Mo 08:30-12:00; We 08:30-12:00")
    );
}

#[test]
fn typed_times_are_normalised_and_sorted() {
    let mut hours = week(["14h-17h30; 9.00 – 12u", "", "", "", "", "", ""]);
    hours.holidays_closed = true;
    assert_eq!(
        to_osm(&hours).as_deref(),
        Ok("Mo 09:00-12:00,14:00-17:30; PH off")
    );
    // Touching periods are allowed; so is midnight as an end.
    let hours = week(["09:00-12:00,12:00-24:00", "", "", "", "", "", ""]);
    assert_eq!(to_osm(&hours).as_deref(), Ok("Mo 09:00-12:00,12:00-24:00"));
}

#[test]
fn nothing_known_is_an_empty_expression() {
    assert_eq!(to_osm(&WeeklyHours::default()).as_deref(), Ok(""));
    let only_box = WeeklyHours {
        holidays_closed: true,
        ..Default::default()
    };
    assert_eq!(to_osm(&only_box).as_deref(), Ok(""));
    // Exceptions alone still say when the service opens.
    let only_dates = WeeklyHours {
        exceptions: vec![exception("2026-05-01", "10:00-12:00")],
        ..Default::default()
    };
    assert_eq!(
        to_osm(&only_dates).as_deref(),
        Ok("2026 May 01 10:00-12:00")
    );
}

#[test]
fn each_malformed_day_is_named() {
    for bad in [
        "09:00",                    // no end
        "9-",                       // no end time
        "09:00-25:00",              // no such hour
        "09:60-10:00",              // no such minute
        "12:00-09:00",              // ends before it starts
        "09:00-09:00",              // empty
        "24:00-24:00",              // starts at midnight's end
        "09:00-12:00, 11:00-13:00", // overlap
        "09:00-12:00, 09:00-12:00", // the same twice
        "open",
        "9:5-10",
        "123-130",
    ] {
        let hours = week(["", "", bad, "", "", "", ""]);
        assert_eq!(to_osm(&hours), Err(vec!["hours-we".to_owned()]), "{bad:?}");
    }
    let long = vec!["09:00-09:01"; 30].join(", ");
    assert!(to_osm(&week([&long, "", "", "", "", "", ""])).is_err());
    let two = week(["x", "", "", "", "", "", "y"]);
    assert_eq!(
        to_osm(&two),
        Err(vec!["hours-mo".into(), "hours-su".into()])
    );
}

#[test]
fn each_bad_exception_names_its_row() {
    let hours = WeeklyHours {
        exceptions: vec![
            exception("2026-12-24", "09:00-12:00"),
            exception("2026-02-29", ""),      // not a leap year
            exception("2026-12-24", "off"),   // date twice, hours malformed
            exception("", "10:00-12:00"),     // no date
            exception("24/12/2026", ""),      // not YYYY-MM-DD
            exception("2100-01-01", ""),      // out of range
            exception("2028-02-29", "13-12"), // leap day fine, hours reversed
        ],
        ..Default::default()
    };
    let expected: Vec<String> = [
        "hours-exception-date-1",
        "hours-exception-date-2",
        "hours-exception-hours-2",
        "hours-exception-date-3",
        "hours-exception-date-4",
        "hours-exception-date-5",
        "hours-exception-hours-6",
    ]
    .map(str::to_owned)
    .into();
    assert_eq!(to_osm(&hours), Err(expected));
}

#[test]
fn the_posted_form_becomes_weekly_hours() {
    let fields: HashMap<String, String> = [
        ("hours_mo", " 09:00-12:00 "),
        ("hours_su", ""),
        ("hours_holidays_closed", "on"),
        ("hours_exception_date_0", ""),
        ("hours_exception_hours_0", ""),
        ("hours_exception_date_1", "2026-12-25"),
        ("hours_exception_hours_1", ""),
        ("hours_exception_date_10", "2026-12-31"),
        ("hours_exception_hours_10", "09:00-12:00"),
        ("hours_exception_date_2", "2026-12-24"),
        ("hours_exception_date_x", "2026-01-01"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    let hours = WeeklyHours::from_form(&fields);
    assert_eq!(hours.days[0], "09:00-12:00");
    assert_eq!(hours.days[1], "");
    assert!(hours.holidays_closed);
    assert_eq!(
        hours.exceptions,
        vec![
            exception("2026-12-25", ""),
            exception("2026-12-24", ""),
            exception("2026-12-31", "09:00-12:00"),
        ]
    );
    assert!(!WeeklyHours::from_form(&HashMap::new()).holidays_closed);
    assert_eq!(
        to_osm(&hours).as_deref(),
        Ok("Mo 09:00-12:00; PH off; 2026 Dec 24 off; 2026 Dec 25 off; 2026 Dec 31 09:00-12:00")
    );
}

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::i18n::{translate, I18n, Lang};
    use crate::services::hours;

    fn seed_expressions() -> Vec<String> {
        #[derive(serde::Deserialize)]
        struct Row {
            opening_hours: String,
        }
        let csv = include_str!("../../../data/services_seed.csv");
        csv::Reader::from_reader(csv.as_bytes())
            .deserialize::<Row>()
            .map(|row| row.unwrap().opening_hours)
            .filter(|json| !json.is_empty())
            .map(|json| hours::from_annuaire(&json).unwrap())
            .collect()
    }

    /// Both expressions open and close at the same moments over a fortnight (holidays
    /// and exceptions included).
    fn same_schedule(a: &str, b: &str) -> bool {
        let (a, b) = (
            hours::parse(a, crate::kernel::geo::Country::Fr).unwrap(),
            hours::parse(b, crate::kernel::geo::Country::Fr).unwrap(),
        );
        let from = chrono::NaiveDate::from_ymd_opt(2026, 12, 21).unwrap();
        hours::week(&a, from, crate::kernel::geo::Country::Fr)
            == hours::week(&b, from, crate::kernel::geo::Country::Fr)
            && hours::week(
                &a,
                from + chrono::Duration::days(7),
                crate::kernel::geo::Country::Fr,
            ) == hours::week(
                &b,
                from + chrono::Duration::days(7),
                crate::kernel::geo::Country::Fr,
            )
    }

    #[test]
    fn every_seed_schedule_round_trips_with_the_same_meaning() {
        let all = seed_expressions();
        assert!(all.len() > 100);
        for osm in &all {
            let form = from_osm(osm).unwrap_or_else(|| panic!("not read: {osm}"));
            let again = to_osm(&form).unwrap();
            assert!(same_schedule(osm, &again), "{osm} became {again}");
            assert_eq!(from_osm(&again).as_ref(), Some(&form), "{again}");
            if &again != osm {
                eprintln!("CHANGED {osm}\n     -> {again}");
            }
        }
    }

    #[test]
    fn every_composed_expression_parses() {
        let mut composed: Vec<String> = CANONICAL.iter().map(|s| s.to_string()).collect();
        let mut hours = week(["0-24", "9-12,13-17", "", "7h-8h", "", "12-24", "0-1"]);
        hours.holidays_closed = true;
        hours.exceptions = vec![exception("2028-02-29", ""), exception("2026-01-05", "9-10")];
        composed.push(to_osm(&hours).unwrap());
        let always = WeeklyHours {
            holidays_closed: true,
            ..week(["00:00-24:00"; 7])
        };
        composed.push(to_osm(&always).unwrap());
        assert_eq!(composed.last().unwrap(), "24/7; PH off");
        for osm in composed.iter().filter(|s| !s.is_empty()) {
            assert!(
                hours::parse(osm, crate::kernel::geo::Country::Be).is_ok(),
                "{osm}"
            );
            let form = from_osm(osm).unwrap();
            assert!(same_schedule(osm, &to_osm(&form).unwrap()), "{osm}");
        }
        // An exception wins over the week and over PH off (25 December).
        let christmas = "Mo-Fr 09:00-12:00; PH off; 2026 Dec 25 10:00-11:00; 2026 Dec 24 off";
        let parsed = hours::parse(christmas, crate::kernel::geo::Country::Fr).unwrap();
        let days = hours::week(
            &parsed,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(),
            crate::kernel::geo::Country::Fr,
        );
        assert!(days[0].periods.is_empty());
        assert_eq!(days[1].periods, vec![("10:00".into(), "11:00".into())]);
    }

    #[test]
    fn every_message_of_the_editor_exists_in_both_languages() {
        let ids = DAY_KEYS.map(|key| format!("staff-hours-day-{key}"));
        for lang in Lang::ALL {
            for id in &ids {
                assert_ne!(&translate(lang, id, None), id);
            }
        }
    }

    /// The start tag holding `needle` (attribute order is Leptos' business).
    fn tag<'a>(html: &'a str, needle: &str) -> &'a str {
        let at = html
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} in {html}"));
        let start = html[..at].rfind('<').unwrap();
        &html[start..at + html[at..].find('>').unwrap()]
    }

    fn render(hours: WeeklyHours, invalid: Vec<String>) -> String {
        let owner = Owner::new();
        owner.with(|| {
            provide_context(I18n { lang: Lang::Fr });
            view! { <HoursEditor hours invalid /> }.to_html()
        })
    }

    #[test]
    fn the_editor_renders_fields_errors_and_empty_rows() {
        let hours = WeeklyHours {
            holidays_closed: true,
            exceptions: vec![exception("2026-12-25", "")],
            ..week(["09:00-12:00", "", "", "", "", "", "x"])
        };
        let html = render(hours, vec!["hours-su".into()]);
        assert!(tag(&html, r#"name="f[hours_mo]""#).contains(r#"value="09:00-12:00""#));
        assert!(html.contains("Lundi") && html.contains("Exception 4"));
        assert!(!html.contains("Exception 5"));
        let sunday = tag(&html, r#"name="f[hours_su]""#);
        assert!(sunday.contains(r#"aria-invalid="true""#));
        assert!(sunday.contains(r#"aria-describedby="hours-help hours-su-error""#));
        assert!(tag(&html, r#"id="hours-su-error""#).contains(r#"class="field-error""#));
        assert_eq!(html.matches("aria-invalid").count(), 1);
        let first = tag(&html, r#"name="f[hours_exception_date_0]""#);
        assert!(first.contains(r#"type="date""#) && first.contains(r#"value="2026-12-25""#));
        assert!(tag(&html, r#"name="f[hours_holidays_closed]""#).contains("checked"));
        assert!(!html.contains("<script") && !html.contains("style="));
    }
}

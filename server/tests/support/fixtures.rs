//! What the tests put in the database or read back from it: a meeting open for
//! registration and its form, a call for ideas, the services' search, and small queries.

use super::http::{path, post_form};
use super::mail::{link_path, SmtpSink};
use app::db::Db;
use app::i18n::Lang;
use app::registrations::Register;
use app::services::{search, SearchResults, ServiceQuery};
use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Europe::Brussels;
use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};

// ---- Queries --------------------------------------------------------------------------

/// Runs statements that must succeed.
pub async fn exec(db: &Db, sql: &str) {
    db.query(sql).await.unwrap().check().unwrap();
}

/// The number a counting query returns (0 for none).
pub async fn count(db: &Db, sql: &str) -> i64 {
    let mut r = db.query(sql).await.unwrap();
    r.take::<Option<i64>>(0).unwrap().unwrap_or(0)
}

/// The first value a query returns, as JSON (null for none).
pub async fn value(db: &Db, sql: &str) -> serde_json::Value {
    let mut r = db.query(sql).await.unwrap();
    let values: Vec<serde_json::Value> = r.take(0).unwrap();
    values.into_iter().next().unwrap_or_default()
}

/// `expr` of the record `table:id`, as JSON (null for none).
pub async fn field(db: &Db, table: &str, id: &str, expr: &str) -> serde_json::Value {
    let mut r = db
        .query(format!("SELECT VALUE {expr} FROM type::record($t, $id)"))
        .bind(("t", table.to_owned()))
        .bind(("id", id.to_owned()))
        .await
        .unwrap();
    let values: Vec<serde_json::Value> = r.take(0).unwrap();
    values.into_iter().next().unwrap_or_default()
}

/// The members of a cluster (municipality codes, sorted).
pub async fn members(db: &Db, cluster: &str) -> Vec<String> {
    let mut r = db
        .query("SELECT VALUE record::id(in) FROM member_of WHERE out = type::record('cluster', $c) ORDER BY in")
        .bind(("c", cluster.to_owned()))
        .await
        .unwrap();
    let mut list: Vec<String> = r.take(0).unwrap();
    list.sort();
    list
}

// ---- The services' search -------------------------------------------------------------

/// The services' search for these query pairs, on Tuesday 24 November 2026 at 10:00 in
/// Brussels (town halls are open).
pub async fn find(db: &Db, lang: Lang, pairs: &[(&str, &str)]) -> SearchResults {
    let query = ServiceQuery::from_pairs(pairs.iter().copied());
    let at = Brussels.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
    let mut filter = query.validate().unwrap();
    filter.page = 1;
    search::run_for(db, lang, &filter, at, search::Wanted::All)
        .await
        .unwrap()
}

// ---- Meetings and registrations -------------------------------------------------------

/// The meeting the fixtures create.
pub const MEETING: &str = "grensoverleg-test";

/// A meeting in Ieper (33011) from `starts`, open for registration until `deadline`.
pub async fn meeting(
    db: &Db,
    starts: DateTime<Utc>,
    deadline: DateTime<Utc>,
    capacity: Option<u32>,
) {
    // The log of a failing test says which statement failed.
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    db.query(
        "CREATE type::record('event', $id) CONTENT {
            title: { nl: 'Grensoverleg burgemeesters', fr: 'Concertation des maires frontaliers' },
            summary: { nl: 'Overleg over samenwerking.', fr: 'Concertation sur la coopération.' },
            kind: 'consultation', starts_at: <datetime> $starts,
            ends_at: <datetime> $starts + 3h,
            place: { name: 'Stadhuis', address: 'Grote Markt 1, 8900 Ieper', municipality_code: '33011' },
            audience: { nl: 'Burgemeesters', fr: 'Maires' }, agenda: [], source: 'test',
            signup: { open: true, deadline: <datetime> $deadline, capacity: $capacity ?? NONE,
                questions: ['role', 'municipality', 'organisation'], languages: ['nl', 'fr'] },
        }",
    )
    .bind(("id", MEETING))
    .bind(("starts", starts.to_rfc3339()))
    .bind(("deadline", deadline.to_rfc3339()))
    .bind(("capacity", capacity))
    .await
    .unwrap()
    .check()
    .unwrap();
}

/// A meeting in a month, open for registration for twenty days, without a capacity.
pub async fn open_meeting(db: &Db, now: DateTime<Utc>) {
    meeting(db, now + Duration::days(30), now + Duration::days(20), None).await;
}

/// The registration form's fields for the meeting, as a browser posts them (`f[name]`).
pub fn form(lang: &str, name: &str, email: &str, role: &str) -> Vec<(String, String)> {
    [
        ("lang", lang),
        ("event", MEETING),
        ("name", name),
        ("email", email),
        ("role", role),
        ("municipality", "59350"),
        ("organisation", "Ville de Lille"),
        ("language", lang),
        ("consent", "yes"),
        ("website", ""),
    ]
    .into_iter()
    .map(|(k, v)| (format!("f[{k}]"), v.to_owned()))
    .collect()
}

/// The form's fields as the repository reads them (`name`, not `f[name]`).
pub fn fields_of(form: Vec<(String, String)>) -> BTreeMap<String, String> {
    form.into_iter()
        .map(|(k, v)| {
            (
                k.trim_start_matches("f[").trim_end_matches(']').to_owned(),
                v,
            )
        })
        .collect()
}

/// Registers through the repository with a moved clock; returns where the browser goes.
pub async fn register_at(db: &Db, email: &str, now: DateTime<Utc>) -> String {
    let fields = fields_of(form("nl", "Eva", email, "resident"));
    app::registrations::repo::register_form(
        db,
        &fields,
        IpAddr::V4(Ipv4Addr::new(192, 0, 2, 7)),
        now,
    )
    .await
    .unwrap()
}

/// Registers with mail on: the form answers "a letter is on its way" (the same for a new
/// address and one already registered, and without what was typed); the letter, as the
/// SMTP server received it, carries the person's link. Returns its path.
pub async fn registered(
    router: &axum::Router,
    db: &Db,
    sink: &SmtpSink,
    fields: &[(String, String)],
) -> String {
    let (_, to) = post_form(router, path::<Register>(), fields).await;
    assert!(to.ends_with("?sent=1"), "{to}");
    assert!(
        !to.contains("name=") && !to.contains('@'),
        "nothing typed in URLs: {to}"
    );
    app::mail::outbox::deliver_due(db, &sink.mailer(), Utc::now())
        .await
        .unwrap();
    let email = &fields.iter().find(|(k, _)| k == "f[email]").unwrap().1;
    let letter = sink
        .received()
        .into_iter()
        .rfind(|l| l.to.eq_ignore_ascii_case(email))
        .unwrap_or_else(|| panic!("no letter to {email}"));
    link_path(&letter.text)
}

/// The token of a person's page from the redirect after registering.
pub fn token_of(location: &str) -> String {
    let rest = location
        .strip_prefix("/nl/inschrijving/")
        .or_else(|| location.strip_prefix("/fr/inscription/"))
        .unwrap_or_else(|| panic!("not a registration page: {location}"));
    rest.split('?').next().unwrap().to_owned()
}

/// Every registration's name and standing, in the order they came.
pub async fn standings(db: &Db) -> Vec<(String, String)> {
    let mut r = db
        .query("SELECT VALUE [name ?? '', standing] FROM registration ORDER BY created_at")
        .await
        .unwrap();
    let rows: Vec<Vec<String>> = r.take(0).unwrap();
    rows.into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect()
}

// ---- Calls for ideas ------------------------------------------------------------------

/// A published call `id`, open from yesterday for thirty days (Brussels days).
pub async fn open_call(db: &Db, id: &str) {
    let today = app::kernel::clock::today();
    let today = chrono::NaiveDate::parse_from_str(&today, "%Y-%m-%d").unwrap();
    db.query(
        "CREATE type::record('call', $id) CONTENT {
            title: { nl: 'Oproep voor ideeën', fr: 'Appel à idées' },
            text: { nl: 'Stel een idee voor.', fr: 'Proposez une idée.' },
            criteria: { nl: 'Grensoverschrijdend.', fr: 'Transfrontalier.' },
            theme: 'participation', opens_on: $opens, closes_on: $closes, published: true };",
    )
    .bind(("id", id.to_owned()))
    .bind(("opens", (today - Duration::days(1)).to_string()))
    .bind(("closes", (today + Duration::days(30)).to_string()))
    .await
    .unwrap()
    .check()
    .unwrap();
}

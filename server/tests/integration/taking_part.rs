//! Taking part (issue 23): registering for meetings (deadline and capacity edges on a
//! Brussels clock, the waiting list, the person's link), the staff's list and its
//! authorization, the letters as a real SMTP server receives them (both languages), the
//! mail queue's retries, and retention with a moved clock.

use super::smtp_sink::{free_port, mailer_on, SmtpSink};
use super::staff_support::{
    csrf, encode, location, path, post, signed_in, staff_app, ADMIN, IEPER, LILLE,
};
use super::{db, get};
use app::db::Db;
use app::registrations::{ManageRegistration, Register, SaveRegistrations};
use axum::http::{header, StatusCode};
use chrono::{DateTime, Duration, Utc};
use leptos::prelude::LeptosOptions;
use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};

pub(super) const MEETING: &str = "grensoverleg-test";
pub(super) const BASE: &str = "https://grensdiensten.example";

/// The server's settings with mail on and a public address.
pub(super) fn mail_settings() -> app::kernel::settings::ShellSettings {
    app::kernel::settings::ShellSettings {
        public_url: BASE.into(),
        mail: true,
        ..Default::default()
    }
}

/// A router whose pages and letters say mail is on.
pub(super) fn mail_router(db: Db) -> axum::Router {
    let options = LeptosOptions::builder()
        .output_name("grensdiensten")
        .site_root("target/site")
        .build();
    server::web::router(db, options, mail_settings())
}

/// A meeting in Ieper (33011) from `starts`, open for registration until `deadline`.
pub(super) async fn meeting(
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
pub(super) async fn open_meeting(db: &Db, now: DateTime<Utc>) {
    meeting(db, now + Duration::days(30), now + Duration::days(20), None).await;
}

/// The form's fields as the repository reads them (`name`, not `f[name]`).
pub(super) fn fields_of(form: Vec<(String, String)>) -> BTreeMap<String, String> {
    form.into_iter()
        .map(|(k, v)| {
            (
                k.trim_start_matches("f[").trim_end_matches(']').to_owned(),
                v,
            )
        })
        .collect()
}

pub(super) fn form(lang: &str, name: &str, email: &str, role: &str) -> Vec<(String, String)> {
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

pub(super) async fn post_form(
    router: &axum::Router,
    fn_path: &str,
    fields: &[(String, String)],
) -> (StatusCode, String) {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (status, headers, body) =
        post(router, fn_path, &encode(&pairs), &[("accept", "text/html")]).await;
    assert!(status.is_redirection(), "{status}: {body}");
    (status, location(&headers))
}

/// Registers with mail on: the form answers "a letter is on its way" (the same for a new
/// address and one already registered, and without what was typed); the letter, as the
/// SMTP server received it, carries the person's link. Returns its path.
pub(super) async fn registered(
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

/// The path of the personal link in a letter's text.
pub(super) fn link_path(text: &str) -> String {
    let link = text
        .lines()
        .find(|l| l.starts_with(BASE))
        .unwrap_or_else(|| panic!("no link in {text}"))
        .trim();
    link.strip_prefix(BASE).unwrap().to_owned()
}

/// The token of a person's page from the redirect after registering.
pub(super) fn token_of(location: &str) -> String {
    let rest = location
        .strip_prefix("/nl/inschrijving/")
        .or_else(|| location.strip_prefix("/fr/inscription/"))
        .unwrap_or_else(|| panic!("not a registration page: {location}"));
    rest.split('?').next().unwrap().to_owned()
}

pub(super) async fn standings(db: &Db) -> Vec<(String, String)> {
    let mut r = db
        .query("SELECT VALUE [name ?? '', standing] FROM registration ORDER BY created_at")
        .await
        .unwrap();
    let rows: Vec<Vec<String>> = r.take(0).unwrap();
    rows.into_iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registrations_fill_seats_then_the_waiting_list_and_letters_say_so_in_each_language() {
    let db = db().await;
    let now = Utc::now();
    meeting(
        &db,
        now + Duration::days(30),
        now + Duration::days(20),
        Some(2),
    )
    .await;
    let router = mail_router(db.clone());
    let register = path::<Register>();

    // The agenda page offers the form; the form asks the meeting's questions.
    let (status, _, page) = get(&router, &format!("/nl/agenda/{MEETING}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-testid=\"register-link\""), "{page}");
    assert!(page.contains("Er zijn nog 2 plaatsen vrij."));
    let (status, _, form_page) =
        get(&router, &format!("/fr/agenda/{MEETING}/inscription"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        form_page.contains("name=\"f[role]\"") && form_page.contains("name=\"f[municipality]\"")
    );
    assert!(form_page.contains("Vous recevrez une confirmation par courriel"));

    // Two seats, then the waiting list. Each person reaches their page through the link
    // in their letter.
    let sink = SmtpSink::start();
    let ann = registered(
        &router,
        &db,
        &sink,
        &form("nl", "Ann Peeters", "ann@example.be", "mayor"),
    )
    .await;
    let bea = registered(
        &router,
        &db,
        &sink,
        &form("fr", "Béatrice Dupont", "bea@example.fr", "staff"),
    )
    .await;
    let cas = registered(
        &router,
        &db,
        &sink,
        &form("nl", "Cas De Smet", "cas@example.be", "resident"),
    )
    .await;
    assert!(ann.starts_with("/nl/inschrijving/"), "{ann}");
    assert!(bea.starts_with("/fr/inscription/"), "{bea}");
    assert_eq!(
        standings(&db).await,
        [
            ("Ann Peeters".into(), "confirmed".into()),
            ("Béatrice Dupont".into(), "confirmed".into()),
            ("Cas De Smet".into(), "waiting".into()),
        ]
    );
    // The same person again (another case of the address): the form answers exactly as
    // for a new registration, nothing is added, and the address's owner gets a letter
    // with a link to the registration they have.
    let again = registered(
        &router,
        &db,
        &sink,
        &form("nl", "Ann", "ANN@example.be", "mayor"),
    )
    .await;
    assert_ne!(again, ann, "a new link");
    let already = sink
        .received()
        .into_iter()
        .rfind(|l| l.to == "ann@example.be")
        .unwrap();
    assert!(
        already.subject.starts_with("U bent al ingeschreven"),
        "{}",
        already.subject
    );
    let (status, _, page) = get(&router, &again, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Ann Peeters"),
        "the link opens Ann's registration"
    );
    // Wrong fields are named, what was typed comes back (from the server, not the URL),
    // nothing is stored.
    let mut bad = form("nl", "Dirk", "not-an-address", "king");
    bad.retain(|(k, _)| k != "f[consent]");
    let (_, refused) = post_form(&router, register, &bad).await;
    assert!(
        refused.contains("error=email%2Crole%2Cconsent"),
        "{refused}"
    );
    assert!(
        !refused.contains("Dirk") && !refused.contains("Ville") && !refused.contains("59350"),
        "typed values stay out of URLs: {refused}"
    );
    let (_, _, shown) = get(&router, &refused, &[]).await;
    assert!(
        shown.contains("value=\"Dirk\"") && shown.contains("registration-email-error"),
        "{shown}"
    );
    // Taken once: the same URL again shows an empty form.
    let (_, _, again_shown) = get(&router, &refused, &[]).await;
    assert!(!again_shown.contains("value=\"Dirk\""));
    // The honeypot: the same answer as a person gets, nothing stored.
    let mut bot = form("nl", "Bot", "bot@example.be", "other");
    bot.retain(|(k, _)| k != "f[website]");
    bot.push(("f[website]".into(), "http://spam.example".into()));
    let (_, bot_to) = post_form(&router, register, &bot).await;
    assert!(bot_to.ends_with("?sent=1"), "{bot_to}");
    assert_eq!(standings(&db).await.len(), 3);

    // The person's page: their data and standing; anyone else's guess is a 404.
    let (status, headers, own) = get(&router, &cas, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    assert!(
        own.contains("op de wachtlijst, plaats 1") && own.contains("cas@example.be"),
        "{own}"
    );
    for guess in [
        "/nl/inschrijving/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "/nl/inschrijving/x",
        "/fr/inscription/..%2F..%2Fetc",
    ] {
        let (status, _, body) = get(&router, guess, &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{guess}");
        assert!(!body.contains("@example"));
    }
    // The data download is the person's own, never cached.
    let token = token_of(&bea);
    let (status, headers, json) = get(&router, &app::registrations::data_url(&token), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    let data: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(data["email"], "bea@example.fr");
    assert_eq!(data["standing"], "confirmed");
    let (status, _, _) = get(
        &router,
        &app::registrations::data_url("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Ann cancels: Cas, first on the waiting list, has her seat.
    let manage = path::<ManageRegistration>();
    let cancel = |token: &str, lang: &str| {
        vec![
            ("f[lang]".to_owned(), lang.to_owned()),
            ("f[token]".to_owned(), token.to_owned()),
            ("f[action]".to_owned(), "cancel".to_owned()),
        ]
    };
    let (_, to) = post_form(&router, manage, &cancel(&token_of(&ann), "nl")).await;
    assert!(to.ends_with("?done=cancelled"), "{to}");
    assert_eq!(
        standings(&db).await,
        [
            ("Ann Peeters".into(), "cancelled".into()),
            ("Béatrice Dupont".into(), "confirmed".into()),
            ("Cas De Smet".into(), "confirmed".into()),
        ]
    );
    // Béatrice changes her answers through her link (no address asked again).
    let change = vec![
        ("f[lang]".to_owned(), "fr".to_owned()),
        ("f[token]".to_owned(), token.clone()),
        ("f[action]".to_owned(), "change".to_owned()),
        ("f[name]".to_owned(), "Béatrice Dupont-Martin".to_owned()),
        ("f[role]".to_owned(), "mayor".to_owned()),
        ("f[language]".to_owned(), "nl".to_owned()),
    ];
    let (_, to) = post_form(&router, manage, &change).await;
    assert!(to.ends_with("?done=changed"), "{to}");

    // Every letter reaches a real SMTP server, in its person's language.
    let sent = app::mail::outbox::deliver_due(&db, &sink.mailer(), Utc::now())
        .await
        .unwrap();
    assert_eq!(sent, 3, "cancelled, changed, promoted");
    let letters = sink.received();
    assert_eq!(letters.len(), 7);
    let find = |to: &str, subject: &str| {
        letters
            .iter()
            .find(|l| l.to == to && l.subject.starts_with(subject))
            .unwrap_or_else(|| panic!("no letter {subject} to {to}: {letters:#?}"))
    };
    let confirmed = find(
        "ann@example.be",
        "Inschrijving bevestigd: Grensoverleg burgemeesters",
    );
    assert!(confirmed.text.contains("Beste Ann Peeters"));
    assert!(confirmed
        .text
        .contains(&format!("{BASE}/nl/inschrijving/{}", token_of(&ann))));
    assert!(confirmed
        .html
        .contains("<a href=\"https://grensdiensten.example/nl/inschrijving/"));
    let french = find(
        "bea@example.fr",
        "Inscription confirmée : Concertation des maires frontaliers",
    );
    assert!(
        french.text.contains("Bonjour Béatrice Dupont,"),
        "{}",
        french.text
    );
    assert!(french
        .text
        .contains(&format!("{BASE}/fr/inscription/{token}")));
    find("bea@example.fr", "Inscription modifiée");
    let waiting = find("cas@example.be", "Op de wachtlijst");
    assert!(waiting.text.contains("op plaats 1"), "{}", waiting.text);
    find("ann@example.be", "Inschrijving geannuleerd");
    // The promotion letter carries a new link to Cas's registration (the database
    // cannot give the first one back); both open it.
    let promoted = find("cas@example.be", "Er is een plaats voor u");
    let promoted_link = link_path(&promoted.text);
    assert_ne!(promoted_link, cas);
    for link in [&cas, &promoted_link] {
        let (status, _, page) = get(&router, link, &[]).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("cas@example.be"));
    }
    // Nothing is sent twice.
    assert_eq!(
        app::mail::outbox::deliver_due(&db, &sink.mailer(), Utc::now())
            .await
            .unwrap(),
        0
    );

    // Deleting removes the person entirely; their link is gone.
    let mut delete = cancel(&token_of(&cas), "nl");
    delete[2].1 = "delete".into();
    let (_, to) = post_form(&router, manage, &delete).await;
    assert_eq!(to, format!("/nl/agenda/{MEETING}?deleted=1"));
    for link in [&cas, &promoted_link] {
        let (status, _, _) = get(&router, link, &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    assert_eq!(standings(&db).await.len(), 2);
    let mut left = db
        .query("RETURN count(SELECT id FROM personal_link WHERE purpose = 'registration')")
        .await
        .unwrap();
    assert_eq!(
        left.take::<Option<i64>>(0).unwrap(),
        Some(3),
        "Ann's two links and Béatrice's; Cas's are gone with her"
    );
}

/// Registers through the repository with a moved clock; returns where the browser goes.
async fn register_at(db: &Db, email: &str, now: DateTime<Utc>) -> String {
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_deadline_is_an_instant_on_a_brussels_clock_and_capacity_is_exact() {
    let db = db().await;
    // Registration closes at 17:00 in Brussels on 31 March 2030, the day clocks go
    // forward: 15:00 UTC.
    let deadline = app::registrations::repo::brussels_instant("2030-03-31T17:00").unwrap();
    assert_eq!(deadline.to_rfc3339(), "2030-03-31T15:00:00+00:00");
    meeting(&db, deadline + Duration::days(7), deadline, Some(1)).await;
    let second = chrono::Duration::seconds(1);
    let first = register_at(&db, "a@example.be", deadline - second).await;
    assert!(first.contains("/nl/inschrijving/"), "{first}");
    // The last second before the deadline: the seat is taken, so the waiting list.
    let late = register_at(&db, "b@example.be", deadline - second).await;
    assert!(late.contains("/nl/inschrijving/"), "{late}");
    let both: Vec<String> = standings(&db).await.into_iter().map(|(_, s)| s).collect();
    assert!(
        both.contains(&"confirmed".to_owned()) && both.contains(&"waiting".to_owned()),
        "{both:?}"
    );
    // At the deadline itself: closed.
    let closed = register_at(&db, "c@example.be", deadline).await;
    assert!(closed.contains("error=closed"), "{closed}");
    assert_eq!(standings(&db).await.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn racing_for_the_last_seats_never_overfills_a_meeting() {
    let db = db().await;
    let now = Utc::now();
    meeting(
        &db,
        now + Duration::days(30),
        now + Duration::days(20),
        Some(3),
    )
    .await;
    let mut tasks = vec![];
    for i in 0..12 {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            let fields = fields_of(form("nl", "P", &format!("p{i}@example.be"), "other"));
            // Each from its own address: the rate limit is not what is tested.
            app::registrations::repo::register_form(
                &db,
                &fields,
                IpAddr::V4(Ipv4Addr::new(10, 0, 0, i)),
                Utc::now(),
            )
            .await
            .unwrap()
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let all = standings(&db).await;
    assert_eq!(all.len(), 12);
    assert_eq!(
        all.iter().filter(|(_, s)| s == "confirmed").count(),
        3,
        "{all:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_and_editors_of_the_meetings_municipality_see_its_registrations() {
    let (db, router) = staff_app().await;
    let now = Utc::now();
    meeting(
        &db,
        now + Duration::days(30),
        now + Duration::days(20),
        Some(5),
    )
    .await;
    register_at(&db, "ann@example.be", now).await;
    let page = format!("/nl/beheer/agenda/{MEETING}/inschrijvingen");
    let csv = app::registrations::csv_url(MEETING);
    // Nobody signed in: sent to sign in; the CSV is refused.
    let (status, _, _) = get(&router, &page, &[]).await;
    assert!(status == StatusCode::OK || status.is_redirection());
    let (status, _, body) = get(&router, &csv, &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    for (who, allowed) in [(ADMIN, true), (IEPER, true), (LILLE, false)] {
        let cookie = signed_in(&router, who).await;
        let (status, _, html) = get(&router, &page, &[(header::COOKIE, &cookie)]).await;
        let (csv_status, headers, csv_body) =
            get(&router, &csv, &[(header::COOKIE, &cookie)]).await;
        if allowed {
            assert_eq!(status, StatusCode::OK, "{who}");
            assert!(html.contains("ann@example.be"), "{who}");
            assert_eq!(csv_status, StatusCode::OK, "{who}");
            assert_eq!(headers[header::CACHE_CONTROL], "no-store");
            assert!(csv_body.starts_with("name,email,"), "{csv_body}");
            assert!(
                csv_body.contains("Eva,ann@example.be,nl,Ville de Lille,59350,FR,resident"),
                "{csv_body}"
            );
        } else {
            assert_eq!(status, StatusCode::FORBIDDEN, "{who}");
            assert!(!html.contains("ann@example.be"), "{who}");
            assert_eq!(csv_status, StatusCode::FORBIDDEN, "{who}");
            assert!(!csv_body.contains("ann@example.be"));
        }
        // Settings: a post of a scoped editor from Lille is refused, nothing changes.
        let token = csrf(&router, &cookie).await;
        let body = encode(&[
            ("f[lang]", "nl"),
            ("f[csrf]", &token),
            ("f[event]", MEETING),
            ("f[action]", "settings"),
            ("f[open]", "1"),
            ("f[capacity]", "1"),
            ("f[language_nl]", "1"),
        ]);
        let (status, _, _) = post(
            &router,
            path::<SaveRegistrations>(),
            &body,
            &[("cookie", &cookie)],
        )
        .await;
        let mut r = db
            .query("SELECT VALUE signup.capacity FROM ONLY type::record('event', $id)")
            .bind(("id", MEETING))
            .await
            .unwrap();
        let capacity: Option<i64> = r.take(0).unwrap();
        if allowed {
            assert!(
                status.is_redirection() || status == StatusCode::OK,
                "{who}: {status}"
            );
            assert_eq!(capacity, Some(1), "{who}");
            // Put it back for the next account.
            db.query("UPDATE type::record('event', $id) SET signup.capacity = 5")
                .bind(("id", MEETING))
                .await
                .unwrap();
        } else {
            assert_eq!(status, StatusCode::FORBIDDEN, "{who}");
            assert_eq!(capacity, Some(5), "{who}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_settings_are_checked_and_attendance_is_recorded() {
    let (db, router) = staff_app().await;
    let now = Utc::now();
    meeting(
        &db,
        now + Duration::days(30),
        now + Duration::days(20),
        Some(1),
    )
    .await;
    register_at(&db, "a@example.be", now).await;
    register_at(&db, "b@example.be", now).await;
    let cookie = signed_in(&router, IEPER).await;
    let token = csrf(&router, &cookie).await;
    let save = |fields: Vec<(&'static str, String)>| {
        let mut all = vec![
            ("f[lang]", "fr".to_owned()),
            ("f[csrf]", token.clone()),
            ("f[event]", MEETING.to_owned()),
        ];
        all.extend(fields);
        all
    };
    let send = |fields: Vec<(&'static str, String)>| {
        let router = router.clone();
        let cookie = cookie.clone();
        async move {
            let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post(
                &router,
                path::<SaveRegistrations>(),
                &encode(&pairs),
                &[("cookie", &cookie), ("accept", "text/html")],
            )
            .await
        }
    };
    // A deadline in the hour skipped in spring, a capacity of zero, no language: refused,
    // nothing changes, the page names the fields.
    let (status, headers, _) = send(save(vec![
        ("f[action]", "settings".into()),
        ("f[open]", "1".into()),
        ("f[deadline]", "2030-03-31T02:30".into()),
        ("f[capacity]", "0".into()),
    ]))
    .await;
    assert!(status.is_redirection());
    let (_, _, page) = get(&router, &location(&headers), &[(header::COOKIE, &cookie)]).await;
    assert!(
        page.contains("Ce moment n’existe pas à Bruxelles"),
        "{page}"
    );
    assert!(page.contains("Indiquez un nombre entier de 1 à 100 000."));
    assert!(page.contains("Choisissez au moins une langue."));
    let mut r = db
        .query("SELECT VALUE signup.capacity FROM ONLY type::record('event', $id)")
        .bind(("id", MEETING))
        .await
        .unwrap();
    assert_eq!(r.take::<Option<i64>>(0).unwrap(), Some(1));
    // A larger capacity gives the waiting list its seat.
    let (status, _, _) = send(save(vec![
        ("f[action]", "settings".into()),
        ("f[open]", "1".into()),
        ("f[deadline]", "2030-03-31T03:30".into()),
        ("f[capacity]", "2".into()),
        ("f[language_fr]", "1".into()),
        ("f[question_role]", "1".into()),
    ]))
    .await;
    assert!(status.is_redirection());
    assert!(standings(&db).await.iter().all(|(_, s)| s == "confirmed"));
    let mut r = db
        .query("SELECT VALUE <string> signup.deadline FROM ONLY type::record('event', $id)")
        .bind(("id", MEETING))
        .await
        .unwrap();
    assert_eq!(
        r.take::<Option<String>>(0).unwrap().as_deref(),
        Some("2030-03-31T01:30:00Z")
    );
    // Attendance: the first came, the second did not.
    let mut r = db
        .query("SELECT VALUE record::id(id) FROM registration ORDER BY created_at")
        .await
        .unwrap();
    let ids: Vec<String> = r.take(0).unwrap();
    let (status, _, _) = send(save(vec![
        ("f[action]", "attendance".into()),
        (
            Box::leak(format!("f[attended_{}]", ids[0]).into_boxed_str()),
            "1".into(),
        ),
    ]))
    .await;
    assert!(status.is_redirection());
    let mut r = db
        .query("SELECT VALUE attended FROM registration ORDER BY created_at")
        .await
        .unwrap();
    assert_eq!(
        r.take::<Vec<Option<bool>>>(0).unwrap(),
        [Some(true), Some(false)]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retention_removes_personal_data_after_its_period_and_not_before() {
    let db = db().await;
    let now = Utc::now();
    let starts = now + Duration::days(10);
    meeting(&db, starts, now + Duration::days(5), None).await;
    register_at(&db, "kept@example.be", now).await;
    // A reviewed report with an address, and one not yet reviewed.
    db.query(
        "CREATE report CONTENT { kind: 'wrong', message: 'Het nummer klopt niet meer.', email: 'r1@example.be', lang: 'nl', status: 'accepted', reviewed_at: <datetime> $at };
         CREATE report CONTENT { kind: 'wrong', message: 'Het nummer klopt niet meer.', email: 'r2@example.be', lang: 'nl' };",
    )
    .bind(("at", now.to_rfc3339()))
    .await
    .unwrap()
    .check()
    .unwrap();
    let sink = SmtpSink::start();
    let letter = app::mail::Letter {
        to: "kept@example.be".into(),
        lang: app::i18n::Lang::Nl,
        kind: app::mail::LetterKind::Registered,
        args: vec![
            ("name", "Eva".into()),
            ("event", "x".into()),
            ("when", "x".into()),
            ("place", "0".into()),
        ],
        link: None,
    };
    app::mail::outbox::queue_written(&db, vec![letter.write()])
        .await
        .unwrap();
    assert_eq!(
        app::mail::outbox::deliver_due(&db, &sink.mailer(), Utc::now())
            .await
            .unwrap(),
        1
    );

    let days = 30;
    use app::privacy::retention::{sweep, Removed};
    // Before the meeting ends plus 30 days: nothing goes.
    let early = sweep(&db, starts + Duration::days(days), days as u32)
        .await
        .unwrap();
    assert_eq!(
        early,
        Removed {
            registrations: 0,
            report_addresses: 1,
            letters: 1,
            idea_contacts: 0
        }
    );
    let mut r = db
        .query("SELECT VALUE email FROM report ORDER BY email")
        .await
        .unwrap();
    assert_eq!(
        r.take::<Vec<Option<String>>>(0).unwrap(),
        [None, Some("r2@example.be".into())]
    );
    // The meeting ended 3 hours after it started: a day later, past the period.
    let late = sweep(&db, starts + Duration::days(days + 1), days as u32)
        .await
        .unwrap();
    assert_eq!(
        late,
        Removed {
            registrations: 1,
            report_addresses: 0,
            letters: 0,
            idea_contacts: 0
        }
    );
    let mut r = db
        .query("SELECT name, email, token, person, role, country, anonymised_at != NONE AS anonymised FROM ONLY registration LIMIT 1")
        .await
        .unwrap();
    let row: Option<serde_json::Value> = r.take(0).unwrap();
    let row = row.unwrap();
    assert!(row.get("name").is_none_or(|v| v.is_null()), "{row}");
    assert!(row.get("email").is_none_or(|v| v.is_null()), "{row}");
    assert!(row.get("token").is_none_or(|v| v.is_null()), "{row}");
    assert_eq!(row["role"], "resident");
    assert_eq!(row["country"], "FR");
    assert_eq!(row["anonymised"], true);
    // Run again: nothing more.
    assert_eq!(
        sweep(&db, starts + Duration::days(400), days as u32)
            .await
            .unwrap(),
        Removed::default()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mail_server_that_is_down_delays_letters_and_loses_none() {
    let db = db().await;
    let letters: Vec<_> = ["one@example.be", "two@example.fr"]
        .into_iter()
        .zip([app::i18n::Lang::Nl, app::i18n::Lang::Fr])
        .map(|(to, lang)| {
            app::mail::Letter {
                to: to.into(),
                lang,
                kind: app::mail::LetterKind::Promoted,
                args: vec![
                    ("name", "X".into()),
                    ("event", "Overleg".into()),
                    ("when", "2030-01-01 10:00".into()),
                    ("place", "0".into()),
                ],
                link: Some(format!("{BASE}/nl/inschrijving/abc")),
            }
            .write()
        })
        .collect();
    app::mail::outbox::queue_written(&db, letters)
        .await
        .unwrap();
    // Nobody listens on the port yet.
    let port = free_port();
    let now = Utc::now();
    assert_eq!(
        app::mail::outbox::deliver_due(&db, &mailer_on(port), now)
            .await
            .unwrap(),
        0
    );
    let mut r = db
        .query("SELECT VALUE [status, attempts] FROM mail")
        .await
        .unwrap();
    let rows: Vec<(String, i64)> = r.take(0).unwrap();
    assert!(
        rows.iter().all(|r| r == &("queued".to_owned(), 1)),
        "{rows:?}"
    );
    // Not due again before the back-off has passed.
    let sink = SmtpSink::start_on(port);
    assert_eq!(
        app::mail::outbox::deliver_due(&db, &sink.mailer(), now + Duration::seconds(10))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        app::mail::outbox::deliver_due(&db, &sink.mailer(), now + Duration::seconds(31))
            .await
            .unwrap(),
        2
    );
    let received = sink.received();
    assert_eq!(received.len(), 2);
    assert!(received
        .iter()
        .any(|l| l.subject == "Une place vous attend : Overleg"));
    assert!(received
        .iter()
        .any(|l| l.subject == "Er is een plaats voor u: Overleg"));
    // An address the mail server can never take fails for good, without retries.
    let mut bad = app::mail::Letter {
        to: "not an address".into(),
        lang: app::i18n::Lang::Nl,
        kind: app::mail::LetterKind::Promoted,
        args: vec![],
        link: None,
    }
    .write();
    bad.to = "not an address".into();
    app::mail::outbox::queue_written(&db, vec![bad])
        .await
        .unwrap();
    app::mail::outbox::deliver_due(&db, &sink.mailer(), now + Duration::seconds(40))
        .await
        .unwrap();
    let counts = app::mail::outbox::counts(&db).await.unwrap();
    assert!(
        counts.contains(&("failed".to_owned(), 1)) && counts.contains(&("sent".to_owned(), 2)),
        "{counts:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_resident_who_left_an_address_hears_the_review_in_their_language() {
    let (db, _) = staff_app().await;
    let router = mail_router(db.clone());
    let service = super::staff_support::service_in(&db, "33011").await;
    db.query("CREATE report CONTENT { kind: 'wrong', service: type::record('service', $s), message: 'Le numéro de téléphone est faux.', email: 'resident@example.fr', lang: 'fr' }")
        .bind(("s", service))
        .await
        .unwrap()
        .check()
        .unwrap();
    let mut r = db
        .query("SELECT VALUE record::id(id) FROM report WHERE email = 'resident@example.fr'")
        .await
        .unwrap();
    let id: Vec<String> = r.take(0).unwrap();
    let cookie = signed_in(&router, IEPER).await;
    let token = csrf(&router, &cookie).await;
    let body = encode(&[
        ("f[lang]", "nl"),
        ("f[csrf]", &token),
        ("f[id]", &id[0]),
        ("f[action]", "reject"),
        ("f[reason]", "Het nummer is juist: 057 23 92 20."),
    ]);
    let (status, _, _) = post(
        &router,
        path::<app::reports::review::ReviewReport>(),
        &body,
        &[("cookie", &cookie), ("accept", "text/html")],
    )
    .await;
    assert!(status.is_redirection());
    let sink = SmtpSink::start();
    assert_eq!(
        app::mail::outbox::deliver_due(&db, &sink.mailer(), Utc::now())
            .await
            .unwrap(),
        1
    );
    let letter = &sink.received()[0];
    assert_eq!(letter.to, "resident@example.fr");
    assert_eq!(letter.subject, "Votre signalement a été traité");
    assert!(
        letter.text.contains("Nouveau statut : rejeté") || letter.text.contains("Nouveau statut :"),
        "{}",
        letter.text
    );
    assert!(letter.text.contains("Het nummer is juist: 057 23 92 20."));
    assert!(!letter.html.contains("<script"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_smtp_pages_say_to_keep_the_link_and_nothing_is_queued() {
    let db = db().await;
    let now = Utc::now();
    open_meeting(&db, now).await;
    let router = super::app(db.clone());
    let (_, _, form_page) = get(&router, &format!("/nl/agenda/{MEETING}/inschrijven"), &[]).await;
    assert!(
        form_page.contains("Deze site verstuurt geen e-mail."),
        "{form_page}"
    );
    let (_, to) = post_form(
        &router,
        path::<Register>(),
        &form("nl", "Ann", "ann@example.be", "mayor"),
    )
    .await;
    let (_, _, own) = get(&router, &to, &[]).await;
    assert!(own.contains("bewaar de link van deze pagina"), "{own}");
    assert!(app::mail::outbox::counts(&db).await.unwrap().is_empty());
    let (_, _, report) = get(&router, "/fr/signaler", &[]).await;
    assert!(report.contains("Ce site n’envoie pas de courriel"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_privacy_pages_exist_in_both_languages_and_every_page_links_them() {
    let router = super::app(db().await);
    for (page, expect) in [
        ("/nl/privacy", "90 dagen na de bijeenkomst"),
        ("/fr/confidentialite", "90 jours après la réunion"),
        ("/nl/toegankelijkheid", "WCAG 2.1"),
        ("/fr/accessibilite", "WCAG 2.1"),
        ("/nl/juridische-informatie", "SITE_PUBLISHER"),
        ("/fr/mentions-legales", "EUPL 1.2"),
    ] {
        let (status, _, html) = get(&router, page, &[]).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(html.contains(expect), "{page}: {expect}");
    }
    for page in ["/nl", "/fr/services", "/nl/agenda", "/fr/gestion/connexion"] {
        let (_, _, html) = get(&router, page, &[]).await;
        let fr = page.starts_with("/fr");
        for link in if fr {
            [
                "/fr/confidentialite",
                "/fr/accessibilite",
                "/fr/mentions-legales",
            ]
        } else {
            [
                "/nl/privacy",
                "/nl/toegankelijkheid",
                "/nl/juridische-informatie",
            ]
        } {
            assert!(
                html.contains(&format!("href=\"{link}\"")),
                "{page} links {link}"
            );
        }
    }
}

/// Waits until at least `n` letters are queued (a reset link is made after the answer).
pub(super) async fn queued_letters(db: &Db, n: i64) {
    for _ in 0..400 {
        let counts = app::mail::outbox::counts(db).await.unwrap();
        let queued = counts
            .iter()
            .find(|(status, _)| status == "queued")
            .map_or(0, |(_, n)| *n);
        if queued >= n {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("{n} letters were not queued");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forgotten_password_is_reset_once_through_a_mailed_link_and_never_enumerates() {
    let (db, _) = staff_app().await;
    let router = mail_router(db.clone());
    let request = |email: &'static str| {
        let router = router.clone();
        async move {
            let body = encode(&[("lang", "fr"), ("email", email)]);
            let (status, headers, _) = post(
                &router,
                path::<app::auth::RequestPasswordReset>(),
                &body,
                &[("accept", "text/html")],
            )
            .await;
            assert!(status.is_redirection());
            location(&headers)
        }
    };
    // An account, an unknown address: the same answer.
    let known = request(IEPER).await;
    let unknown = request("nobody@ieper.test").await;
    assert_eq!(known, "/fr/gestion/mot-de-passe-oublie?sent=1");
    assert_eq!(unknown, known);
    let sink = SmtpSink::start();
    // The link is made after the answer (so both answers take the same work).
    queued_letters(&db, 1).await;
    assert_eq!(
        app::mail::outbox::deliver_due(&db, &sink.mailer(), Utc::now())
            .await
            .unwrap(),
        1
    );
    let letter = &sink.received()[0];
    assert_eq!(letter.to, IEPER);
    assert_eq!(
        letter.subject,
        "Un nouveau mot de passe pour Services frontaliers"
    );
    let link = letter
        .text
        .lines()
        .find(|l| l.starts_with(BASE))
        .unwrap()
        .trim()
        .to_owned();
    let page = link.strip_prefix(BASE).unwrap().to_owned();
    let token = page.rsplit('/').next().unwrap().to_owned();
    let (status, headers, html) = get(&router, &page, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    assert!(html.contains("name=\"token\""));

    let reset = |password: &'static str, confirm: &'static str| {
        let (router, token) = (router.clone(), token.clone());
        async move {
            let body = encode(&[
                ("lang", "fr"),
                ("token", &token),
                ("password", password),
                ("confirm", confirm),
            ]);
            let (status, headers, _) = post(
                &router,
                path::<app::auth::ResetPassword>(),
                &body,
                &[("accept", "text/html")],
            )
            .await;
            assert!(status.is_redirection());
            location(&headers)
        }
    };
    // A session open before the reset ends with it.
    let before = signed_in(&router, IEPER).await;
    assert!(reset("short", "short").await.ends_with("?error=password"));
    assert!(reset("a new long password", "another long one")
        .await
        .ends_with("?error=mismatch"));
    assert_eq!(
        reset("a new long password", "a new long password").await,
        "/fr/gestion/connexion?reset=1"
    );
    // Once only.
    assert!(reset("a third long password", "a third long password")
        .await
        .ends_with("?error=expired"));
    let (old, _) =
        super::staff_support::sign_in(&router, IEPER, super::staff_support::PASSWORD).await;
    assert!(old.is_none(), "the old password no longer signs in");
    let (new, _) = super::staff_support::sign_in(&router, IEPER, "a new long password").await;
    assert!(new.is_some());
    let (status, _, _) = get(
        &router,
        "/nl/beheer/meldingen",
        &[(header::COOKIE, &before)],
    )
    .await;
    assert_ne!(
        status,
        StatusCode::OK,
        "the session from before the reset is closed"
    );

    // A link past its hour does not work.
    request(LILLE).await;
    queued_letters(&db, 1).await;
    let mut r = db
        .query("SELECT VALUE record::id(id) FROM password_reset WHERE used_at = NONE")
        .await
        .unwrap();
    assert_eq!(r.take::<Vec<String>>(0).unwrap().len(), 1);
    assert_eq!(
        app::mail::outbox::deliver_due(&db, &sink.mailer(), Utc::now())
            .await
            .unwrap(),
        1
    );
    let lille = sink.received().into_iter().find(|l| l.to == LILLE).unwrap();
    let link = lille
        .text
        .lines()
        .find(|l| l.starts_with(BASE))
        .unwrap()
        .trim()
        .to_owned();
    let lille_token = link.rsplit('/').next().unwrap().to_owned();
    let later = Utc::now() + Duration::minutes(61);
    let to = app::auth::reset::repo::reset(
        &db,
        app::i18n::Lang::Nl,
        &lille_token,
        "a new long password",
        "a new long password",
        later,
    )
    .await
    .unwrap();
    assert!(to.ends_with("?error=expired"), "{to}");
    // Within the hour it would have worked.
    let to = app::auth::reset::repo::reset(
        &db,
        app::i18n::Lang::Nl,
        &lille_token,
        "a new long password",
        "a new long password",
        Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!(to, "/nl/beheer/aanmelden?reset=1");
    request(LILLE).await;
    queued_letters(&db, 1).await;
    app::auth::reset::repo::sweep(&db, later).await.unwrap();
    let mut r = db
        .query("RETURN count(SELECT id FROM password_reset)")
        .await
        .unwrap();
    assert_eq!(r.take::<Option<i64>>(0).unwrap(), Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daily_digest_goes_once_a_day_to_whom_it_concerns() {
    let (db, _) = staff_app().await;
    let now = Utc::now();
    open_meeting(&db, now).await;
    register_at(&db, "ann@example.be", now).await;
    // Before 07:00 in Brussels: not yet.
    let morning = app::registrations::repo::brussels_instant(&format!(
        "{}T06:59",
        (now + Duration::days(1))
            .with_timezone(&chrono_tz::Europe::Brussels)
            .format("%Y-%m-%d")
    ))
    .unwrap();
    assert!(
        app::staff::digest::run_if_due(&db, &mail_settings(), morning)
            .await
            .unwrap()
            .is_empty()
    );
    let seven = morning + Duration::minutes(1);
    let digests = app::staff::digest::run_if_due(&db, &mail_settings(), seven)
        .await
        .unwrap();
    let to: Vec<&str> = digests.iter().map(|d| d.email.as_str()).collect();
    // Ieper's editor and the admin hear of the registration; Lille's editor has nothing.
    assert_eq!(to, [ADMIN, IEPER]);
    assert_eq!(digests[1].registrations, 1);
    assert_eq!(digests[1].ideas, 0);
    // The editor's home lists the meeting, the Lille editor's does not.
    let router = mail_router(db.clone());
    for (who, listed) in [(IEPER, true), (LILLE, false)] {
        let cookie = signed_in(&router, who).await;
        let (_, _, home) = get(&router, "/nl/beheer", &[(header::COOKIE, &cookie)]).await;
        assert_eq!(
            home.contains(&format!(
                "href=\"/nl/beheer/agenda/{MEETING}/inschrijvingen\""
            )),
            listed,
            "{who}"
        );
    }
    // The same day again (another app server): nothing.
    assert!(
        app::staff::digest::run_if_due(&db, &mail_settings(), seven + Duration::hours(3))
            .await
            .unwrap()
            .is_empty()
    );
    // The next day, nothing new: no letters.
    assert!(
        app::staff::digest::run_if_due(&db, &mail_settings(), seven + Duration::days(1))
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registrations_are_rate_limited_per_address_across_app_servers() {
    use axum::extract::connect_info::MockConnectInfo;
    let db = db().await;
    let now = Utc::now();
    open_meeting(&db, now).await;
    let options = LeptosOptions::builder()
        .output_name("grensdiensten")
        .site_root("target/site")
        .build();
    // Two app servers on one database, the same client address.
    let servers: Vec<axum::Router> = (0..2)
        .map(|_| {
            let guards = server::web::Guards {
                forms: app::db::rate_limit::FormLimit(2),
                ..Default::default()
            };
            server::web::router_with(db.clone(), options.clone(), Default::default(), guards).layer(
                MockConnectInfo(std::net::SocketAddr::from(([203, 0, 113, 9], 40000))),
            )
        })
        .collect();
    let (_, a) = post_form(
        &servers[0],
        path::<Register>(),
        &form("nl", "A", "a@example.be", "other"),
    )
    .await;
    let (_, b) = post_form(
        &servers[1],
        path::<Register>(),
        &form("nl", "B", "b@example.be", "other"),
    )
    .await;
    let (_, c) = post_form(
        &servers[0],
        path::<Register>(),
        &form("fr", "C", "c@example.be", "other"),
    )
    .await;
    assert!(
        a.contains("/nl/inschrijving/") && b.contains("/nl/inschrijving/"),
        "{a} {b}"
    );
    assert!(c.contains("error=too-many"), "{c}");
    assert_eq!(standings(&db).await.len(), 2);
}

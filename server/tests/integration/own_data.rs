//! A person can always see, download and delete their own registration or idea, whatever
//! became of the meeting or the call; and the forms' e-mail rule is the database's.

use crate::support::fixtures::{exec, form, open_call, open_meeting, registered, MEETING};
use crate::support::http::{encode, get, location, path, post, post_form};
use crate::support::mail::SmtpSink;
use crate::support::staff::{signed_in, staff_app, ADMIN};
use crate::support::test_app::mail_router;
use axum::http::{header, StatusCode};
use chrono::Utc;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unpublished_meeting_leaves_people_their_registrations() {
    let (db, _) = staff_app().await;
    let router = mail_router(db.clone());
    let now = Utc::now();
    open_meeting(&db, now).await;
    let sink = SmtpSink::start();
    let own = registered(
        &router,
        &db,
        &sink,
        &form("fr", "Béatrice Dupont", "bea@example.fr", "staff"),
    )
    .await;
    let token = own.rsplit('/').next().unwrap().to_owned();
    // The admin takes the meeting off the site.
    exec(
        &db,
        &format!("UPDATE event:`{MEETING}` SET publication = 'draft'"),
    )
    .await;
    let (status, _, _) = get(&router, &format!("/nl/agenda/{MEETING}"), &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no longer public");
    // Nobody can register any more.
    let fields = form("nl", "Cas", "cas@example.be", "resident");
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (status, _, _) = post(
        &router,
        path::<app::registrations::Register>(),
        &encode(&pairs),
        &[("accept", "text/html")],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The person still sees their registration and downloads their data.
    let (status, _, page) = get(&router, &own, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("bea@example.fr"));
    let (status, _, json) = get(&router, &app::registrations::data_url(&token), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(json.contains("bea@example.fr"));
    // The staff still have the list and its CSV.
    let admin = signed_in(&router, ADMIN).await;
    let (status, _, _) = get(
        &router,
        &format!("/nl/beheer/agenda/{MEETING}/inschrijvingen"),
        &[(header::COOKIE, &admin)],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, csv) = get(
        &router,
        &app::registrations::csv_url(MEETING),
        &[(header::COOKIE, &admin)],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.contains("Béatrice Dupont"));
    // And they delete it: back to the agenda, which says so.
    let fields = [
        ("f[lang]", "fr"),
        ("f[token]", token.as_str()),
        ("f[action]", "delete"),
    ];
    let (status, headers, _) = post(
        &router,
        path::<app::registrations::ManageRegistration>(),
        &encode(&fields),
        &[("accept", "text/html")],
    )
    .await;
    assert!(status.is_redirection());
    let back = location(&headers);
    assert_eq!(back, "/fr/agenda?deleted=1");
    let (_, _, agenda) = get(&router, &back, &[]).await;
    assert!(agenda.contains("data-testid=\"registration-deleted\""));
    let (status, _, _) = get(&router, &own, &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let mut r = db
        .query("RETURN count(SELECT id FROM registration)")
        .await
        .unwrap();
    assert_eq!(r.take::<Option<i64>>(0).unwrap(), Some(0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unpublished_call_leaves_people_their_ideas() {
    let (db, _) = staff_app().await;
    let router = mail_router(db.clone());
    open_call(&db, "grensmarkt").await;
    let fields = [
        ("f[lang]", "nl"),
        ("f[call]", "grensmarkt"),
        ("f[title]", "Grensmarkt"),
        (
            "f[summary]",
            "Een wekelijkse markt met producenten van beide kanten.",
        ),
        ("f[municipalities]", "33029"),
        ("f[submitter]", "association"),
        ("f[name]", "Vzw Grensmarkt"),
        ("f[email]", "info@grensmarkt.example"),
        ("f[consent]", "yes"),
        ("f[website]", ""),
    ];
    let (_, headers, _) = post(
        &router,
        path::<app::ideas::SubmitIdea>(),
        &encode(&fields),
        &[("accept", "text/html")],
    )
    .await;
    let own = location(&headers).trim_end_matches("?new=1").to_owned();
    assert!(own.starts_with("/nl/idee/"), "{own}");
    let token = own.rsplit('/').next().unwrap().to_owned();
    exec(&db, "UPDATE call:grensmarkt SET published = false").await;
    let (status, _, page) = get(&router, &own, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Grensmarkt"));
    let (status, _, json) = get(&router, &app::ideas::data_url(&token), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(json.contains("info@grensmarkt.example"));
    let (_, headers, _) = post(
        &router,
        path::<app::ideas::ManageIdea>(),
        &encode(&[
            ("f[lang]", "nl"),
            ("f[token]", &token),
            ("f[action]", "delete"),
        ]),
        &[("accept", "text/html")],
    )
    .await;
    let back = location(&headers);
    assert_eq!(back, "/nl/oproepen?deleted=1");
    let (status, _, list) = get(&router, &back, &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("data-testid=\"idea-deleted\""));
    let (status, _, _) = get(&router, &own, &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_the_forms_accept_the_database_stores() {
    let (db, _) = staff_app().await;
    let router = mail_router(db.clone());
    let now = Utc::now();
    open_meeting(&db, now).await;
    // A local part of 64 characters is an address; of 65 or 66 it is not (RFC 5321): the
    // form names the field, never a 500.
    let long = |n: usize| format!("{}@example.be", "a".repeat(n));
    let (_, to) = post_form(
        &router,
        path::<app::registrations::Register>(),
        &form("nl", "Ann", &long(66), "mayor"),
    )
    .await;
    assert!(to.contains("error=email"), "{to}");
    let (_, to) = post_form(
        &router,
        path::<app::registrations::Register>(),
        &form("nl", "Ann", &long(64), "mayor"),
    )
    .await;
    assert!(to.ends_with("?sent=1"), "{to}");
    // The schema asserts the same rule on every stored address.
    let mut r = db
        .query(
            "CREATE registration CONTENT { event: type::record('event', $m), lang: 'nl',
                standing: 'confirmed', consent_at: time::now(), email: $e }",
        )
        .bind(("m", MEETING))
        .bind(("e", long(65)))
        .await
        .unwrap();
    let errors = r.take_errors();
    assert!(format!("{errors:?}").contains("email"), "{errors:?}");
}

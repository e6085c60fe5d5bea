//! The staff's daily digest: once a day, to whom it concerns; and as the server's
//! housekeeping task sends it, in the background with the server's settings passed in (no
//! request to read them from), read back from a real SMTP server.

use crate::support::fixtures::{fields_of, form, open_meeting, register_at, MEETING};
use crate::support::http::get;
use crate::support::mail::SmtpSink;
use crate::support::staff::{signed_in, staff_app, ADMIN, IEPER, LILLE};
use crate::support::test_app::{mail_router, mail_settings, BASE};
use axum::http::header;
use chrono::{Duration, Utc};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_housekeeping_task_sends_the_digest_with_the_configured_address() {
    // A restored backup without `digest:staff`, started after 07:00 in Brussels.
    let (db, _) = staff_app().await;
    let now = Utc::now();
    open_meeting(&db, now).await;
    let fields = fields_of(form("nl", "Ann", "ann@example.be", "mayor"));
    app::registrations::repo::register_form(&db, &fields, "192.0.2.7".parse().unwrap(), now)
        .await
        .unwrap();
    let eight = app::registrations::repo::brussels_instant(&format!(
        "{}T08:00",
        (now + Duration::days(1))
            .with_timezone(&chrono_tz::Europe::Brussels)
            .format("%Y-%m-%d")
    ))
    .unwrap();
    // Run outside any request, as the server's task does.
    server::web::housekeeping_round(&db, &mail_settings(), eight)
        .await
        .unwrap();
    let sink = SmtpSink::start();
    app::mail::outbox::deliver_due(&db, &sink.mailer(), Utc::now())
        .await
        .unwrap();
    let letters = sink.received();
    let to: Vec<&str> = letters.iter().map(|l| l.to.as_str()).collect();
    assert!(to.contains(&ADMIN) && to.contains(&IEPER), "{to:?}");
    let ieper = letters.iter().find(|l| l.to == IEPER).unwrap();
    assert!(
        ieper.text.contains(&format!("{BASE}/nl/beheer")),
        "the link uses PUBLIC_URL: {}",
        ieper.text
    );
    // Once a day: the next round sends nothing more.
    server::web::housekeeping_round(&db, &mail_settings(), eight + Duration::minutes(10))
        .await
        .unwrap();
    assert_eq!(
        app::mail::outbox::deliver_due(&db, &sink.mailer(), Utc::now())
            .await
            .unwrap(),
        0
    );
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

//! The staff's daily digest as the server's housekeeping task sends it: in the background,
//! with the server's settings passed in (no request to read them from), read back from a
//! real SMTP server.

use super::smtp_sink::SmtpSink;
use super::staff_support::{staff_app, ADMIN, IEPER};
use super::taking_part::{fields_of, form, mail_settings, open_meeting, BASE};
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

//! Retention with a moved clock: registrations, reports' addresses and sent letters lose
//! their personal data after their period, and not before.

use crate::support::fixtures::{meeting, register_at};
use crate::support::mail::SmtpSink;
use crate::support::test_app::db;
use chrono::{Duration, Utc};

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

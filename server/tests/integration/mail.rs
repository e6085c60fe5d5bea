//! The mail queue and its letters as a real SMTP server receives them: a server that is
//! down delays letters and loses none, a report's review reaches the resident in their
//! language, and without SMTP the pages say to keep the link and nothing is queued.

use crate::support::common::free_port;
use crate::support::fixtures::{form, open_meeting, MEETING};
use crate::support::http::{encode, get, path, post, post_form};
use crate::support::mail::{mailer_on, SmtpSink};
use crate::support::staff::{csrf, service_in, signed_in, staff_app, IEPER};
use crate::support::test_app::{app, db, mail_router, BASE};
use app::registrations::Register;
use chrono::{Duration, Utc};

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
    let service = service_in(&db, "33011").await;
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
    let router = app(db.clone());
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

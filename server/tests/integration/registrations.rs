//! Registering for a meeting (issue 23): seats then the waiting list, the letters in each
//! person's language, the person's link (change, cancel, delete, download), deadline and
//! capacity edges on a Brussels clock, and racing for the last seats.

use crate::support::fixtures::{
    fields_of, form, meeting, register_at, registered, standings, token_of, MEETING,
};
use crate::support::http::{get, path, post_form};
use crate::support::mail::{link_path, SmtpSink};
use crate::support::test_app::{db, mail_router, BASE};
use app::registrations::{ManageRegistration, Register};
use axum::http::{header, StatusCode};
use chrono::{Duration, Utc};
use std::net::{IpAddr, Ipv4Addr};

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

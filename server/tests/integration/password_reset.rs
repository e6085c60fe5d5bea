//! The password-reset link: mailed, used once, within its hour, and never telling whether
//! an address has an account (the same answer after the same work); any password change
//! ends it.

use crate::support::http::{encode, get, location, path, post};
use crate::support::mail::{link_path, queued_letters, SmtpSink};
use crate::support::staff::{sign_in, signed_in, staff_app, ADMIN, IEPER, LILLE, PASSWORD};
use crate::support::test_app::{mail_router, BASE};
use axum::http::{header, StatusCode};
use chrono::{Duration, Utc};

/// Asks for a reset link for `email`; where the browser is sent.
async fn ask(router: &axum::Router, email: &str) -> (axum::http::StatusCode, String) {
    let (status, headers, body) = post(
        router,
        path::<app::auth::RequestPasswordReset>(),
        &encode(&[("lang", "nl"), ("email", email)]),
        &[("accept", "text/html")],
    )
    .await;
    assert!(status.is_redirection(), "{status}: {body}");
    (status, location(&headers))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_set_by_an_admin_or_the_command_line_ends_every_pending_link() {
    let (db, _) = staff_app().await;
    let router = mail_router(db.clone());
    let sink = SmtpSink::start();
    ask(&router, IEPER).await;
    ask(&router, IEPER).await;
    queued_letters(&db, 2).await;
    app::mail::outbox::deliver_due(&db, &sink.mailer(), Utc::now())
        .await
        .unwrap();
    let tokens: Vec<String> = sink
        .received()
        .iter()
        .map(|l| link_path(&l.text).rsplit('/').next().unwrap().to_owned())
        .collect();
    assert_eq!(tokens.len(), 2);
    // The admin (or `server user passwd`, the same function) sets a new password.
    app::auth::users::set_password(&db, IEPER, "a password the admin chose")
        .await
        .unwrap();
    for token in tokens {
        let to = app::auth::reset::repo::reset(
            &db,
            app::i18n::Lang::Nl,
            &token,
            "the attacker's password",
            "the attacker's password",
            Utc::now(),
        )
        .await
        .unwrap();
        assert!(to.ends_with("?error=expired"), "{to}");
    }
    let (signed, _) = sign_in(&router, IEPER, "a password the admin chose").await;
    assert!(signed.is_some(), "the admin's password stands");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn asking_answers_the_same_whatever_happens_to_the_account_behind_the_address() {
    let (db, _) = staff_app().await;
    let router = mail_router(db.clone());
    // Make the account's own work fail: a request that did it before answering would
    // answer differently (an error) for an address with an account than for one without.
    db.query(
        "DEFINE EVENT refuse ON password_reset WHEN $event = 'CREATE' THEN {
            THROW 'refused for the test'
        };",
    )
    .await
    .unwrap()
    .check()
    .unwrap();
    let known = ask(&router, ADMIN).await;
    let unknown = ask(&router, "nobody@grensdiensten.test").await;
    assert_eq!(known, unknown);
    assert!(known.1.ends_with("?sent=1"), "{}", known.1);
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
    let (old, _) = sign_in(&router, IEPER, PASSWORD).await;
    assert!(old.is_none(), "the old password no longer signs in");
    let (new, _) = sign_in(&router, IEPER, "a new long password").await;
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

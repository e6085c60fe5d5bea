//! The password-reset link: any password change ends it, and asking for one answers the
//! same, after the same work, whether or not the address has an account.

use super::smtp_sink::SmtpSink;
use super::staff_support::{encode, location, path, post, staff_app, ADMIN, IEPER};
use super::taking_part::{link_path, mail_router, queued_letters};
use chrono::Utc;

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
    let (signed, _) =
        super::staff_support::sign_in(&router, IEPER, "a password the admin chose").await;
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

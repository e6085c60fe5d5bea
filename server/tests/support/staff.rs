//! The staff area's accounts (an admin, an editor of Ieper, one of Lille), signing in,
//! the form token, a service to edit and the cooperation records' form.

use super::http::{encode, get, location, path, post};
use super::test_app::{app, db};
use app::auth::{users, UserInput};
use app::db::Db;
use axum::http::{header, StatusCode};

pub const PASSWORD: &str = "correct horse battery staple";
pub const ADMIN: &str = "admin@grensdiensten.test";
/// Editor of Ieper (33011).
pub const IEPER: &str = "redactie@ieper.test";
/// Editor of Lille (59350).
pub const LILLE: &str = "redaction@lille.test";

/// A database with the three accounts, and the plain router over it.
pub async fn staff_app() -> (Db, axum::Router) {
    let db = db().await;
    for (email, role, municipalities) in [
        (ADMIN, "admin", vec![]),
        (IEPER, "editor", vec!["33011".to_owned()]),
        (LILLE, "editor", vec!["59350".to_owned()]),
    ] {
        let input = UserInput {
            email: email.into(),
            role: role.into(),
            municipalities,
        };
        users::add(&db, &input, PASSWORD).await.unwrap();
    }
    let router = app(db.clone());
    (db, router)
}

/// Signs in; the session cookie (`name=value`), or None when refused.
pub async fn sign_in(
    router: &axum::Router,
    email: &str,
    password: &str,
) -> (Option<String>, String) {
    let body = encode(&[
        ("lang", "nl"),
        ("email", email),
        ("password", password),
        ("next", ""),
    ]);
    let (status, headers, _) = post(
        router,
        path::<app::auth::SignIn>(),
        &body,
        &[("accept", "text/html")],
    )
    .await;
    assert_eq!(status, StatusCode::FOUND);
    let cookie = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|v| v.starts_with("staff_session="))
        .map(|v| v.split(';').next().unwrap().to_owned());
    (cookie, location(&headers))
}

pub async fn signed_in(router: &axum::Router, email: &str) -> String {
    sign_in(router, email, PASSWORD).await.0.expect("signed in")
}

/// The form token of a session, as its pages carry it.
pub async fn csrf(router: &axum::Router, cookie: &str) -> String {
    let (status, _, html) = get(router, "/nl/beheer", &[(header::COOKIE, cookie)]).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("a form token on the page")
        + 19;
    html[at..].split('"').next().unwrap().to_owned()
}

/// A service filed under a municipality.
pub async fn service_in(db: &Db, code: &str) -> String {
    let mut r = db
        .query("SELECT VALUE record::id(id) FROM service WHERE municipality = type::record('municipality', $c) AND status = 'published' LIMIT 1")
        .bind(("c", code.to_owned()))
        .await
        .unwrap();
    let ids: Vec<String> = r.take(0).unwrap();
    ids.into_iter().next().expect("a service there")
}

/// A post of the cooperation records' form (`SaveCoop`) in Dutch.
pub fn coop_form(
    kind: &str,
    csrf: &str,
    id: &str,
    revision: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> String {
    let mut pairs: Vec<(String, &str)> = vec![
        ("f[lang]".into(), "nl"),
        ("f[table]".into(), kind),
        ("f[csrf]".into(), csrf),
        ("f[id]".into(), id),
        ("f[revision]".into(), revision),
        ("f[action]".into(), action),
    ];
    pairs.extend(fields.iter().map(|(k, v)| (format!("f[{k}]"), *v)));
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    encode(&borrowed)
}

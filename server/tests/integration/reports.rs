//! The report form: validation, storage for review, the rate limit.

use crate::support::fixtures::count;
use crate::support::http::{get, post};
use crate::support::test_app::{app, db};
use axum::http::{header, StatusCode};

/// Posts the report form from its page, asking for `accept` (a page or JSON).
async fn submit(
    router: &axum::Router,
    uri: &str,
    body: &str,
    accept: &str,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let headers = [
        ("accept", accept),
        ("referer", "http://localhost/fr/signaler"),
    ];
    post(router, uri, body, &headers).await
}

async fn report_count(db: &app::db::Db) -> i64 {
    count(db, "RETURN count(SELECT VALUE id FROM report)").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_are_validated_stored_for_review_and_rate_limited() {
    let db = db().await;
    let router = app(db.clone());
    let url = "/api/submit_report";
    let (status, _, _) = get(&router, "/nl/melden", &[]).await;
    assert_eq!(status, StatusCode::OK);
    // Find the server function's URL from its registered path.
    let path = <app::reports::SubmitReport as leptos::server_fn::ServerFn>::PATH;
    assert!(path.starts_with("/api/"), "{path} (expected under {url})");
    // Invalid: nothing stored, the fields are named; a plain form post is redirected
    // back to the page with the outcome.
    let (status, headers, _) = submit(
        &router,
        path,
        "lang=fr&form[kind]=spam&form[message]=court&form[email]=x&form[service]=&form[website]=",
        "text/html",
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    let location = headers[header::LOCATION].to_str().unwrap();
    assert!(
        location.starts_with("/fr/signaler?error=kind%2Cmessage%2Cemail"),
        "{location}"
    );
    assert_eq!(report_count(&db).await, 0);
    // Valid (JSON answer for the hydrated page).
    let (status, _, body) = submit(&router, path, "lang=nl&form[kind]=missing&form[message]=Het+postkantoor+van+Menen+ontbreekt.&form[email]=&form[service]=&form[website]=", "application/json").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("Sent"), "{body}");
    assert_eq!(report_count(&db).await, 1);
    let mut r = db
        .query("SELECT status, kind, lang FROM report")
        .await
        .unwrap();
    let row: Option<serde_json::Value> = r.take(0).unwrap();
    assert_eq!(
        row.unwrap()["status"],
        "new",
        "never published without review"
    );
    // Honeypot: the same answer, nothing stored.
    let (_, _, body) = submit(&router, path, "lang=nl&form[kind]=other&form[message]=Buy+cheap+things+here+now&form[email]=&form[service]=&form[website]=http://spam", "application/json").await;
    assert!(body.contains("Sent"));
    assert_eq!(report_count(&db).await, 1);
    // Unknown service: refused.
    let (_, _, body) = submit(&router, path, "lang=nl&form[kind]=wrong&form[message]=Het+nummer+klopt+niet.&form[email]=&form[service]=town-hall-0000000000000000&form[website]=", "application/json").await;
    assert!(body.contains("service"), "{body}");
    // Rate limit: five attempts per address per ten minutes (four used above).
    let (_, _, body) = submit(&router, path, "lang=nl&form[kind]=other&form[message]=Nog+een+melding+hier.&form[email]=&form[service]=&form[website]=", "application/json").await;
    assert!(body.contains("Sent"), "{body}");
    let (_, _, body) = submit(&router, path, "lang=nl&form[kind]=other&form[message]=En+nog+een+melding.&form[email]=&form[service]=&form[website]=", "application/json").await;
    assert!(body.contains("TooMany"), "{body}");
    assert_eq!(report_count(&db).await, 2);
}

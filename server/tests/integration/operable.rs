//! What an operator relies on: liveness and readiness, the request id that an error's
//! reference points to, and the metrics.

use crate::support::http::get;
use crate::support::test_app::{app, db, router_from};
use axum::http::{header, StatusCode};
use server::client_addr::TrustedProxies;
use server::web::Guards;

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap()
}

/// The app as a client at `peer` reaches it, with these proxies trusted.
fn app_from(db: app::db::Db, peer: [u8; 4], trusted: &str) -> axum::Router {
    let guards = Guards {
        trusted_proxies: TrustedProxies::parse(trusted).unwrap(),
        ..Default::default()
    };
    router_from(db, Default::default(), guards, peer)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alive_and_ready_until_a_migration_is_missing() {
    let db = db().await;
    let router = app(db.clone());
    let (status, _, body) = get(&router, "/healthz", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json(&body)["status"], "ok");
    let (status, _, body) = get(&router, "/readyz", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(json(&body)["migrations"], app::db::MIGRATIONS.len());

    // A schema older than the code (its last migration not recorded): not ready, and
    // the answer says which migration is missing.
    let last = app::db::MIGRATIONS.last().unwrap().version;
    db.query("DELETE migration WHERE version = $v")
        .bind(("v", last))
        .await
        .unwrap()
        .check()
        .unwrap();
    let (status, _, body) = get(&router, "/readyz", &[]).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(json(&body)["migrations_pending"], serde_json::json!([last]));
    // Alive all the same: the process is fine, the database is behind.
    assert_eq!(get(&router, "/healthz", &[]).await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_internal_errors_reference_is_the_request_id() {
    let db = db().await;
    let router = app(db.clone());
    let (status, headers, _) = get(&router, "/nl", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let id = headers["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(id.len(), 16);
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    let (_, again, _) = get(&router, "/nl", &[]).await;
    assert_ne!(again["x-request-id"], id, "each request has its own id");

    // Rows the code cannot read: an internal failure, in the API and on a page.
    db.query("DEFINE FIELD OVERWRITE country ON municipality TYPE any; UPDATE municipality SET country = 42;")
        .await
        .unwrap()
        .check()
        .unwrap();
    let (status, headers, body) = get(&router, "/api/v1/municipalities/59350", &[]).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{body}");
    let body = json(&body);
    assert_eq!(body["error"]["code"], "error-internal");
    assert_eq!(
        body["error"]["reference"],
        headers["x-request-id"].to_str().unwrap()
    );

    let (status, headers, body) = get(&router, "/fr/communes/59350", &[]).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    let id = headers["x-request-id"].to_str().unwrap();
    assert!(
        body.contains(&format!("<code>{id}</code>")),
        "the page shows the request id as its reference"
    );
    // The database's message ("… got 42", "Expected …") stays in the log; the random
    // request id (hex) may itself hold "42", so look for the message, not the digits.
    let without_id = body.replace(id, "");
    assert!(
        !without_id.contains("got 42") && !without_id.contains("Expected"),
        "no internal detail reaches the page"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxys_request_id_is_kept_only_from_a_trusted_proxy() {
    let db = db().await;
    let proxy = app_from(db.clone(), [10, 0, 0, 2], "10.0.0.0/8");
    let sent = [(
        header::HeaderName::from_static("x-request-id"),
        "edge-7f3a.1",
    )];
    let (_, headers, _) = get(&proxy, "/healthz", &sent).await;
    assert_eq!(headers["x-request-id"], "edge-7f3a.1");
    // Not plain: replaced.
    let odd = [(header::HeaderName::from_static("x-request-id"), "a b\tc")];
    let (_, headers, _) = get(&proxy, "/healthz", &odd).await;
    assert_ne!(headers["x-request-id"], "a b\tc");

    let public = app_from(db, [203, 0, 113, 5], "10.0.0.0/8");
    let (_, headers, _) = get(&public, "/healthz", &sent).await;
    assert_ne!(headers["x-request-id"], "edge-7f3a.1");
}

/// The value of the sample `name{labels}` in a scrape, if present.
fn sample(scrape: &str, name_and_labels: &str) -> Option<f64> {
    scrape.lines().find_map(|line| {
        let value = line.strip_prefix(name_and_labels)?.strip_prefix(' ')?;
        value.split_whitespace().next()?.parse().ok()
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_requests_by_route_and_are_not_public() {
    let db = db().await;
    let local = app_from(db.clone(), [127, 0, 0, 1], "");
    for path in [
        "/nl/diensten",
        "/fr/services",
        "/nl/diensten/geen-dienst",
        "/wp-admin/x",
    ] {
        get(&local, path, &[]).await;
    }
    let (status, headers, scrape) = get(&local, "/metrics", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/openmetrics-text"));
    let ok = r#"http_requests_total{route="/:lang/diensten",method="GET",status="200"}"#;
    assert!(sample(&scrape, ok).unwrap() >= 2.0, "{scrape}");
    let missing = r#"http_requests_total{route="/:lang/diensten/:id",method="GET",status="404"}"#;
    assert!(sample(&scrape, missing).unwrap() >= 1.0);
    assert!(sample(
        &scrape,
        r#"http_requests_total{route="other",method="GET",status="404"}"#
    )
    .is_some());
    assert!(!scrape.contains("wp-admin"), "paths never become labels");

    // Methods a client makes up (any token, of any length) are counted as one value.
    for method in [
        "ANYTHING1".to_owned(),
        "ANYTHING2".to_owned(),
        "M".repeat(16 * 1024),
    ] {
        let request = axum::http::Request::builder()
            .method(method.as_str())
            .uri("/healthz")
            .body(axum::body::Body::empty())
            .unwrap();
        tower::ServiceExt::oneshot(local.clone(), request)
            .await
            .unwrap();
    }
    let (_, _, scrape) = get(&local, "/metrics", &[]).await;
    assert!(
        !scrape.contains("ANYTHING"),
        "made-up methods never become labels"
    );
    assert!(!scrape.contains("MMMM"));
    let other = r#"http_requests_total{route="/healthz",method="other",status="405"}"#;
    assert!(sample(&scrape, other).unwrap() >= 3.0, "{scrape}");
    assert!(scrape.contains("http_request_duration_seconds_bucket{"));
    assert!(scrape.contains("# TYPE cache_hits counter"));
    assert!(scrape.contains("# TYPE panics counter"));
    assert!(scrape.contains("# TYPE http_request_timeouts counter"));
    assert!(sample(&scrape, "process_resident_memory_bytes").unwrap() > 1e6);

    // From elsewhere, or relayed by a proxy on this machine: nothing to see.
    let public = app_from(db.clone(), [203, 0, 113, 5], "");
    assert_eq!(get(&public, "/metrics", &[]).await.0, StatusCode::NOT_FOUND);
    let relayed = [(
        header::HeaderName::from_static("x-forwarded-for"),
        "203.0.113.5",
    )];
    assert_eq!(
        get(&local, "/metrics", &relayed).await.0,
        StatusCode::NOT_FOUND
    );
}

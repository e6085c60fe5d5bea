//! The client's address behind a reverse proxy: forwarding headers count only from a
//! trusted proxy, and then every client has its own rate limit.

use crate::support::http::{encode, path};
use crate::support::test_app::{db, options, router_from};
use app::reports::limiter::RateLimiter;
use app::reports::SubmitReport;
use axum::body::Body;
use axum::http::{header, Request};
use server::client_addr::TrustedProxies;
use server::web::Guards;
use std::time::Duration;
use tower::ServiceExt;

/// The app as a peer at `peer` reaches it, with these proxies trusted and a report
/// limit of two per address.
async fn reporting_app(peer: [u8; 4], trusted: &str) -> axum::Router {
    let guards = Guards {
        reports: RateLimiter::new(2, Duration::from_secs(600)),
        trusted_proxies: TrustedProxies::parse(trusted).unwrap(),
        ..Default::default()
    };
    router_from(db().await, Default::default(), guards, peer)
}

/// Sends a report with these forwarding headers; whether it was accepted.
async fn forwarded_report(router: &axum::Router, forwarded: &[(&str, &str)]) -> bool {
    let body = encode(&[
        ("lang", "nl"),
        ("form[service]", ""),
        ("form[kind]", "missing"),
        ("form[message]", "Er ontbreekt een bibliotheek in de lijst."),
        ("form[email]", ""),
        ("form[website]", ""),
    ]);
    let mut request = Request::post(path::<SubmitReport>())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html");
    for (name, value) in forwarded {
        request = request.header(*name, *value);
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    let to = response.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(to.contains("sent=1") || to.contains("too-many"), "{to}");
    to.contains("sent=1")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_client_has_its_own_limit() {
    let router = reporting_app([127, 0, 0, 1], "127.0.0.1, 10.0.0.0/8").await;
    let client = |ip: &'static str| vec![("x-forwarded-for", ip)];
    let refused = app::kernel::metrics::refusals("report");
    assert!(forwarded_report(&router, &client("203.0.113.1")).await);
    assert!(forwarded_report(&router, &client("203.0.113.1")).await);
    assert!(
        !forwarded_report(&router, &client("203.0.113.1")).await,
        "the third from one client"
    );
    assert!(
        app::kernel::metrics::refusals("report") > refused,
        "counted in the metrics"
    );
    // Another visitor behind the same proxy is not blocked by the first.
    assert!(forwarded_report(&router, &client("203.0.113.2")).await);
    // RFC 7239's header, and a chain of proxies: the rightmost untrusted hop counts.
    assert!(forwarded_report(&router, &[("forwarded", "for=203.0.113.3")]).await);
    let chain = [("x-forwarded-for", "6.6.6.6, 203.0.113.2, 10.0.0.9")];
    assert!(forwarded_report(&router, &chain).await);
    assert!(
        !forwarded_report(&router, &chain).await,
        "203.0.113.2's third"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ipv6_client_is_one_client_across_its_64() {
    let router = reporting_app([127, 0, 0, 1], "127.0.0.1").await;
    let client = |ip: &'static str| vec![("x-forwarded-for", ip)];
    assert!(forwarded_report(&router, &client("2001:db8:77:1::1")).await);
    assert!(forwarded_report(&router, &client("2001:db8:77:1::2")).await);
    assert!(
        !forwarded_report(&router, &client("2001:db8:77:1::12")).await,
        "the third from one /64, whichever address of it"
    );
    assert!(!forwarded_report(&router, &[("forwarded", "for=\"[2001:db8:77:1:ffff::9]\"")]).await);
    // The next /64 is another client.
    assert!(forwarded_report(&router, &client("2001:db8:77:2::1")).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_untrusted_peer_cannot_choose_its_address() {
    // Not a trusted proxy: its headers are ignored and it keeps its own address.
    let router = reporting_app([198, 51, 100, 7], "127.0.0.1").await;
    assert!(forwarded_report(&router, &[("x-forwarded-for", "203.0.113.1")]).await);
    assert!(forwarded_report(&router, &[("x-forwarded-for", "203.0.113.2")]).await);
    assert!(!forwarded_report(&router, &[("x-forwarded-for", "203.0.113.3")]).await);
    assert!(!forwarded_report(&router, &[("forwarded", "for=203.0.113.4")]).await);
    // No proxies configured: the same, whoever the peer is.
    let router = reporting_app([127, 0, 0, 1], "").await;
    assert!(forwarded_report(&router, &[("x-forwarded-for", "203.0.113.1")]).await);
    assert!(forwarded_report(&router, &[("x-forwarded-for", "203.0.113.2")]).await);
    assert!(!forwarded_report(&router, &[("x-forwarded-for", "203.0.113.3")]).await);
}

/// Two app servers on one database count one client's reports together.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_app_servers_count_one_client_together() {
    let db = db().await;
    let server = |db: app::db::Db| {
        let guards = Guards {
            reports: RateLimiter::new(2, Duration::from_secs(600)),
            ..Default::default()
        };
        router_from(db, Default::default(), guards, [203, 0, 113, 50])
    };
    let (first, second) = (server(db.clone()), server(db));
    assert!(forwarded_report(&first, &[]).await);
    assert!(forwarded_report(&second, &[]).await);
    assert!(
        !forwarded_report(&first, &[]).await,
        "the third, whichever server gets it"
    );
    assert!(!forwarded_report(&second, &[]).await);
}

/// Behind a TLS proxy (`PUBLIC_URL` https): browsers are told to keep to https, and the
/// session cookie is Secure; on plain http neither.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_site_served_over_tls_asks_for_https_only() {
    let seeded = db().await;
    for (public_url, secure) in [
        ("https://grensdiensten.example", true),
        ("http://127.0.0.1:3000", false),
    ] {
        let settings = app::kernel::settings::ShellSettings {
            public_url: public_url.to_owned(),
            ..Default::default()
        };
        let router = server::web::router(seeded.clone(), options(), settings);
        let response = router
            .oneshot(Request::get("/nl").body(Body::empty()).unwrap())
            .await
            .unwrap();
        let hsts = response.headers().get(header::STRICT_TRANSPORT_SECURITY);
        assert_eq!(hsts.is_some(), secure, "{public_url}");
        if secure {
            assert_eq!(hsts.unwrap(), "max-age=31536000");
        }
    }
}

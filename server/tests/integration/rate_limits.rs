//! What the rate limits count: an IPv6 client by its /64 (it owns every address in it),
//! the letters the public forms send by their recipient, whoever sends them, and one
//! client's registrations across app servers.

use crate::support::fixtures::{form, open_meeting, standings};
use crate::support::http::{encode, location, path, post, post_form};
use crate::support::test_app::{db, mail_settings, router_from};
use app::registrations::Register;
use chrono::Utc;
use server::client_addr::TrustedProxies;
use server::web::Guards;

/// The app with mail on, behind a trusted proxy on this machine, with these limits.
fn limited_app(db: app::db::Db, forms: usize, letters: usize) -> axum::Router {
    let guards = Guards {
        forms: app::db::rate_limit::FormLimit(forms),
        letters: app::db::rate_limit::LetterLimit(letters),
        trusted_proxies: TrustedProxies::parse("127.0.0.1").unwrap(),
        ..Default::default()
    };
    router_from(db, mail_settings(), guards, [127, 0, 0, 1])
}

/// Posts a registration as the client `from` (forwarded by the trusted proxy); where
/// the browser is sent.
async fn register_from(router: &axum::Router, from: &str, email: &str) -> String {
    let fields = form("nl", "Jan", email, "resident");
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let (status, headers, body) = post(
        router,
        path::<app::registrations::Register>(),
        &encode(&pairs),
        &[("accept", "text/html"), ("x-forwarded-for", from)],
    )
    .await;
    assert!(status.is_redirection(), "{status}: {body}");
    location(&headers)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ipv6_client_counts_by_its_64_for_every_form() {
    let db = db().await;
    let now = Utc::now();
    open_meeting(&db, now).await;
    let router = limited_app(db.clone(), 10, 1000);
    // Twelve registrations from twelve addresses of one /64: ten pass, then the limit.
    let mut refused = 0;
    for i in 1..=12 {
        let to = register_from(
            &router,
            &format!("2001:db8:77:1::{i:x}"),
            &format!("p{i}@example.be"),
        )
        .await;
        if to.contains("error=too-many") {
            refused += 1;
        } else {
            assert!(to.ends_with("?sent=1"), "{to}");
        }
    }
    assert_eq!(refused, 2, "the 11th and 12th from one /64");
    // The next /64 is another client; an IPv4 client counts by its address.
    assert!(register_from(&router, "2001:db8:77:2::1", "q@example.be")
        .await
        .ends_with("?sent=1"));
    assert!(register_from(&router, "192.0.2.10", "r@example.be")
        .await
        .ends_with("?sent=1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_forms_send_one_address_only_so_many_letters_whoever_types_it() {
    let db = db().await;
    let now = Utc::now();
    open_meeting(&db, now).await;
    let router = limited_app(db.clone(), 1000, 2);
    // Three clients type the same address: the first registers it, the second gets the
    // same answer (its owner gets a letter), the third is refused; two letters in all.
    let victim = "Victim@Example.be";
    let first = register_from(&router, "203.0.113.1", victim).await;
    let second = register_from(&router, "203.0.113.2", "victim@example.be").await;
    assert!(first.ends_with("?sent=1") && second.ends_with("?sent=1"));
    let third = register_from(&router, "203.0.113.3", victim).await;
    assert!(third.contains("error=too-many"), "{third}");
    let mut r = db
        .query("RETURN count(SELECT id FROM mail WHERE string::lowercase(recipient) = 'victim@example.be')")
        .await
        .unwrap();
    assert_eq!(r.take::<Option<i64>>(0).unwrap(), Some(2));
    // The limit's key is a salted hash: the address is not stored with it.
    let mut r = db.query("SELECT * FROM rate_limit").await.unwrap();
    let stored: Vec<serde_json::Value> = r.take(0).unwrap();
    let text = serde_json::to_string(&stored).unwrap().to_lowercase();
    assert!(
        !text.contains("victim") && !text.contains("203.0.113"),
        "{text}"
    );
    // Another address is not held back by it.
    assert!(register_from(&router, "203.0.113.4", "other@example.be")
        .await
        .ends_with("?sent=1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registrations_are_rate_limited_per_address_across_app_servers() {
    let db = db().await;
    let now = Utc::now();
    open_meeting(&db, now).await;
    // Two app servers on one database, the same client address.
    let servers: Vec<axum::Router> = (0..2)
        .map(|_| {
            let guards = Guards {
                forms: app::db::rate_limit::FormLimit(2),
                ..Default::default()
            };
            router_from(db.clone(), Default::default(), guards, [203, 0, 113, 9])
        })
        .collect();
    let (_, a) = post_form(
        &servers[0],
        path::<Register>(),
        &form("nl", "A", "a@example.be", "other"),
    )
    .await;
    let (_, b) = post_form(
        &servers[1],
        path::<Register>(),
        &form("nl", "B", "b@example.be", "other"),
    )
    .await;
    let (_, c) = post_form(
        &servers[0],
        path::<Register>(),
        &form("fr", "C", "c@example.be", "other"),
    )
    .await;
    assert!(
        a.contains("/nl/inschrijving/") && b.contains("/nl/inschrijving/"),
        "{a} {b}"
    );
    assert!(c.contains("error=too-many"), "{c}");
    assert_eq!(standings(&db).await.len(), 2);
}

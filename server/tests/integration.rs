//! The database layer, the server functions' queries and the HTTP surface, against a
//! fresh SurrealDB seeded with the bundled data: in memory, or with `TEST_DATABASE_URL`
//! a database of its own on a SurrealDB server (the test command runs both).
//!
//! The tests run on tokio's multi-thread runtime, as the server does: on the
//! current-thread runtime the longest test (`security::pages_that_echo…`) hung about one
//! run in five, parked with no task runnable.

use app::db::{migrate, Db};
use app::i18n::Lang;
use app::municipalities::{repo, MunicipalityQuery};
use app::seed::{memory_with_seed, seed};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use leptos::prelude::LeptosOptions;
use tower::ServiceExt;

#[path = "integration/api.rs"]
mod api;
#[path = "integration/backups.rs"]
mod backups;
#[path = "integration/changes.rs"]
mod changes;
#[path = "integration/digest.rs"]
mod digest;
#[path = "integration/events.rs"]
mod events;
#[path = "integration/fragments.rs"]
mod fragments;
#[path = "integration/hidden_text.rs"]
mod hidden_text;
#[path = "integration/holes.rs"]
mod holes;
#[path = "integration/ideas.rs"]
mod ideas;
#[path = "integration/mayors.rs"]
mod mayors;
#[path = "integration/names.rs"]
mod names;
#[path = "integration/operable.rs"]
mod operable;
#[path = "integration/own_data.rs"]
mod own_data;
#[path = "integration/password_reset.rs"]
mod password_reset;
#[path = "integration/projects.rs"]
mod projects;
#[path = "integration/proxies.rs"]
mod proxies;
#[path = "integration/rate_limits.rs"]
mod rate_limits;
#[path = "integration/reports.rs"]
mod reports;
#[path = "integration/security.rs"]
mod security;
#[path = "integration/seo.rs"]
mod seo;
#[path = "integration/services.rs"]
mod services;
#[path = "integration/smtp_sink.rs"]
mod smtp_sink;
#[path = "integration/staff.rs"]
mod staff;
#[path = "integration/staff_coop.rs"]
mod staff_coop;
#[path = "integration/staff_reports.rs"]
mod staff_reports;
#[path = "integration/staff_services.rs"]
mod staff_services;
#[path = "integration/staff_support.rs"]
mod staff_support;
#[path = "integration/taking_part.rs"]
mod taking_part;
#[path = "integration/transfer.rs"]
mod transfer;
#[path = "integration/working_together.rs"]
mod working_together;

async fn db() -> Db {
    // A failing test's log says which statement failed.
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    memory_with_seed().await.expect("seeded in-memory database")
}

async fn search(db: &Db, lang: Lang, q: &str, country: &str, sort: &str) -> Vec<String> {
    let query = MunicipalityQuery {
        q: q.into(),
        country: country.into(),
        sort: sort.into(),
    };
    repo::search(db, lang, &query.validate().unwrap())
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.code)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrations_apply_once_and_seed_is_idempotent() {
    let db = db().await;
    assert!(
        migrate(&db).await.unwrap().is_empty(),
        "second migrate applies nothing"
    );
    let first = seed(&db).await.unwrap();
    let second = seed(&db).await.unwrap();
    assert_eq!(first, second);
    assert_eq!(first.municipalities, 258);
    assert_eq!(first.services, 413);
    assert!(first.neighbours > 258 * 6, "{first:?}");
    assert!(first.map_layers >= 10);
    assert!(
        first.projects >= 4 && first.events >= 2 && first.organizations >= 5,
        "{first:?}"
    );
    let counts = repo::counts(&db).await.unwrap();
    assert_eq!((counts.belgian, counts.french), (105, 153));
}

/// Counts of the seeded tables, to compare a database before and after.
async fn seeded_counts(db: &Db) -> Vec<i64> {
    let mut response = db
        .query("RETURN [count(SELECT VALUE id FROM municipality), count(SELECT VALUE id FROM service), count(SELECT VALUE id FROM project), count(SELECT VALUE id FROM event)]")
        .await
        .unwrap();
    response.take(0).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_seed_is_one_transaction_and_a_half_seeded_database_is_repaired() {
    let db = app::db::connect(&app::db::DbConfig::for_tests())
        .await
        .unwrap();
    migrate(&db).await.unwrap();
    // The last part of the seed (events) fails: nothing at all is written.
    db.query("DEFINE EVENT refuse ON event WHEN $event = 'CREATE' THEN { THROW 'no events' }")
        .await
        .unwrap()
        .check()
        .unwrap();
    assert!(seed(&db).await.is_err());
    assert_eq!(seeded_counts(&db).await, vec![0, 0, 0, 0]);

    // A database an older build left with reference data but no cooperation records
    // (a crash between its two transactions) is completed at the next start.
    db.query("REMOVE EVENT refuse ON event")
        .await
        .unwrap()
        .check()
        .unwrap();
    seed(&db).await.unwrap();
    let full = seeded_counts(&db).await;
    db.query("DELETE event; DELETE project;")
        .await
        .unwrap()
        .check()
        .unwrap();
    assert!(app::seed::seed_if_empty(&db).await.unwrap().is_some());
    assert_eq!(seeded_counts(&db).await, full);
    assert!(app::seed::seed_if_empty(&db).await.unwrap().is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lookup_by_code_and_by_name_in_either_language_ignoring_accents_and_case() {
    let db = db().await;
    let profile = repo::profile(&db, "33011").await.unwrap();
    assert_eq!(profile.detail.name.nl, "Ieper");
    assert_eq!(profile.detail.name.fr, "Ypres");
    for q in ["ypres", "Ieper", "IEPER", "iep"] {
        assert!(
            search(&db, Lang::Nl, q, "", "")
                .await
                .contains(&"33011".to_string()),
            "{q}"
        );
    }
    let comines = search(&db, Lang::Fr, "comines", "", "").await;
    assert!(
        comines.contains(&"59152".into()) && comines.contains(&"57097".into()),
        "{comines:?}"
    );
    assert_eq!(
        search(&db, Lang::Fr, "comines", "FR", "").await,
        vec!["59152"]
    );
    assert!(search(&db, Lang::Nl, "armentieres", "", "")
        .await
        .contains(&"59017".into()));
    assert!(search(&db, Lang::Nl, "rijsel", "", "")
        .await
        .contains(&"59350".into()));
    assert!(search(&db, Lang::Fr, "peruwelz", "", "").await.len() == 1);
    assert!(matches!(
        repo::profile(&db, "00000").await,
        Err(app::error::AppError::NotFound)
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_and_sorting() {
    let db = db().await;
    assert_eq!(search(&db, Lang::Nl, "", "BE", "").await.len(), 105);
    assert_eq!(search(&db, Lang::Nl, "", "FR", "").await.len(), 153);
    assert_eq!(
        search(&db, Lang::Fr, "", "FR", "population")
            .await
            .first()
            .map(String::as_str),
        Some("59350")
    );
    let by_distance = repo::search(
        &db,
        Lang::Nl,
        &MunicipalityQuery {
            sort: "distance".into(),
            ..Default::default()
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap();
    assert!(by_distance
        .windows(2)
        .all(|w| w[0].distance_to_border_km <= w[1].distance_to_border_km));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn neighbours_cross_the_border_where_they_should() {
    let db = db().await;
    for (a, b) in [("57097", "59152"), ("33029", "59656"), ("34027", "59279")] {
        for (from, to) in [(a, b), (b, a)] {
            let profile = repo::profile(&db, from).await.unwrap();
            let edge = profile.neighbours.iter().find(|n| n.code == to);
            let edge = edge.unwrap_or_else(|| panic!("{from} should list {to}"));
            assert!(
                edge.cross_border && edge.distance_km < 10.0,
                "{from} -> {to}: {edge:?}"
            );
        }
    }
    let lille = repo::profile(&db, "59350").await.unwrap();
    assert!(lille.detail.has_boundary);
    assert!(lille.services.iter().any(|s| s.category == "town_hall"));
}

// ---- HTTP surface -------------------------------------------------------------------

fn app(db: Db) -> axum::Router {
    let options = LeptosOptions::builder()
        .output_name("grensdiensten")
        .site_root("target/site")
        .build();
    server::web::router(db, options, Default::default())
}

async fn get(
    router: &axum::Router,
    uri: &str,
    headers: &[(header::HeaderName, &str)],
) -> (StatusCode, axum::http::HeaderMap, String) {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let response = router
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn root_redirects_by_cookie_then_accept_language() {
    let router = app(db().await);
    let (status, headers, _) = get(&router, "/", &[]).await;
    assert_eq!(
        (status, headers[header::LOCATION].to_str().unwrap()),
        (StatusCode::FOUND, "/nl")
    );
    let (_, headers, _) = get(&router, "/", &[(header::ACCEPT_LANGUAGE, "fr-BE,fr;q=0.9")]).await;
    assert_eq!(headers[header::LOCATION], "/fr");
    let (_, headers, _) = get(
        &router,
        "/",
        &[(header::ACCEPT_LANGUAGE, "fr"), (header::COOKIE, "lang=nl")],
    )
    .await;
    assert_eq!(headers[header::LOCATION], "/nl");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_on_the_server_in_both_languages() {
    let router = app(db().await);
    let (status, headers, body) = get(&router, "/fr/communes?q=ypres", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("<html lang=\"fr\""),
        "{}",
        &body[..body.len().min(400)]
    );
    assert!(body.contains("Ypres") && body.contains("Communes frontalières"));
    assert!(headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .starts_with("lang=fr"));
    let (status, _, body) = get(&router, "/nl/gemeenten/59350", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Rijsel") && body.contains("hreflang=\"fr\""));
    let (status, _, body) = get(&router, "/nl/gemeenten?country=XX", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("De zoekopdracht is ongeldig"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_pages_and_records_are_404_in_their_language() {
    let router = app(db().await);
    let (status, _, body) = get(&router, "/fr/nexiste-pas", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Page introuvable"));
    let (status, _, body) = get(&router, "/nl/gemeenten/00000", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.contains("Pagina niet gevonden"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_map_data() {
    let router = app(db().await);
    let (status, _, body) = get(&router, "/readyz", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("\"database\":\"ok\""));
    let json = |body: &str| serde_json::from_str::<serde_json::Value>(body).unwrap();
    let (_, headers, body) = get(&router, "/api/v1/municipalities.geojson", &[]).await;
    assert_eq!(headers[header::CONTENT_TYPE], "application/geo+json");
    assert_eq!(json(&body)["features"].as_array().unwrap().len(), 258);
    let (_, _, body) = get(&router, "/api/v1/map/boundaries", &[]).await;
    assert_eq!(json(&body)["features"].as_array().unwrap().len(), 153);
    let (_, _, body) = get(&router, "/api/v1/map/layers", &[]).await;
    let layers = json(&body);
    let kinds: Vec<&str> = layers["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"border") && kinds.contains(&"country") && kinds.contains(&"be_province")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tile_layer_is_offered_only_when_configured() {
    let db = db().await;
    let (_, _, plain) = get(&app(db.clone()), "/nl", &[]).await;
    assert!(!plain.contains("name=\"map-tiles\""));
    let options = LeptosOptions::builder()
        .output_name("grensdiensten")
        .site_root("target/site")
        .build();
    let settings = app::kernel::settings::ShellSettings {
        map_tile_url: Some("https://tiles.example/{z}/{x}/{y}.png".into()),
        map_tile_attribution: Some("© example".into()),
        public_url: "https://grensdiensten.example".into(),
        ..Default::default()
    };
    let router = server::web::router(db, options, settings);
    let (_, _, body) = get(&router, "/fr", &[]).await;
    assert!(
        body.contains("<meta name=\"map-tiles\" content=\"https://tiles.example/{z}/{x}/{y}.png\""),
        "{body}"
    );
}

//! The site's pages over HTTP: the language chosen at the root, pages rendered on the
//! server in both languages, 404s, health and map data, the optional tile layer, and the
//! privacy, accessibility and legal pages every page links.

use crate::support::http::get;
use crate::support::test_app::{app, db, options};
use axum::http::{header, StatusCode};

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
    let settings = app::kernel::settings::ShellSettings {
        map_tile_url: Some("https://tiles.example/{z}/{x}/{y}.png".into()),
        map_tile_attribution: Some("© example".into()),
        public_url: "https://grensdiensten.example".into(),
        ..Default::default()
    };
    let router = server::web::router(db, options(), settings);
    let (_, _, body) = get(&router, "/fr", &[]).await;
    assert!(
        body.contains("<meta name=\"map-tiles\" content=\"https://tiles.example/{z}/{x}/{y}.png\""),
        "{body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_privacy_pages_exist_in_both_languages_and_every_page_links_them() {
    let router = app(db().await);
    for (page, expect) in [
        ("/nl/privacy", "90 dagen na de bijeenkomst"),
        ("/fr/confidentialite", "90 jours après la réunion"),
        ("/nl/toegankelijkheid", "WCAG 2.1"),
        ("/fr/accessibilite", "WCAG 2.1"),
        ("/nl/juridische-informatie", "SITE_PUBLISHER"),
        ("/fr/mentions-legales", "EUPL 1.2"),
    ] {
        let (status, _, html) = get(&router, page, &[]).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(html.contains(expect), "{page}: {expect}");
    }
    for page in ["/nl", "/fr/services", "/nl/agenda", "/fr/gestion/connexion"] {
        let (_, _, html) = get(&router, page, &[]).await;
        let fr = page.starts_with("/fr");
        for link in if fr {
            [
                "/fr/confidentialite",
                "/fr/accessibilite",
                "/fr/mentions-legales",
            ]
        } else {
            [
                "/nl/privacy",
                "/nl/toegankelijkheid",
                "/nl/juridische-informatie",
            ]
        } {
            assert!(
                html.contains(&format!("href=\"{link}\"")),
                "{page} links {link}"
            );
        }
    }
}

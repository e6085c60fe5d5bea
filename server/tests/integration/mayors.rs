//! Issue 9, the mayors' pages: coverage per side (checked against an independent
//! computation), the profile's cooperation, compare, partners, clusters, observatory.

use crate::support::http::get;
use crate::support::test_app::{app, db};
use app::municipalities::repo;
use axum::http::{header, StatusCode};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;

#[derive(Deserialize)]
struct ServiceRow {
    id: String,
    category: String,
    country: String,
    lat: Option<f64>,
    lon: Option<f64>,
    location_check: Option<String>,
    municipality: String,
}

#[derive(Deserialize)]
struct Place {
    code: String,
    country: String,
    lat: f64,
    lon: f64,
}

/// Great-circle distance, written again here so that the test does not trust the app's.
fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let r = 6371.0088_f64;
    let (la1, la2) = (a.0.to_radians(), b.0.to_radians());
    let h = ((b.0 - a.0).to_radians() / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((b.1 - a.1).to_radians() / 2.0).sin().powi(2);
    2.0 * r * h.sqrt().asin()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nearest_service_per_side_matches_an_independent_computation() {
    let db = db().await;
    let mut response = db
        .query(
            "SELECT record::id(id) AS id, category, country, lat, lon, location_check,
                record::id(municipality) AS municipality FROM service WHERE status = 'published';
             SELECT code, country, lat, lon FROM municipality;",
        )
        .await
        .unwrap();
    let services: Vec<ServiceRow> = app::db::rows(&mut response, 0).unwrap();
    let places: Vec<Place> = app::db::rows(&mut response, 1).unwrap();
    assert_eq!(services.len(), 413);
    // The known defects are marked: 52 stations filed by canton, 3 town-hall points.
    let checks: HashMap<&str, usize> = services.iter().fold(HashMap::new(), |mut m, s| {
        *m.entry(s.location_check.as_deref().unwrap_or("-"))
            .or_default() += 1;
        m
    });
    assert_eq!(checks.get("municipality_uncertain"), Some(&52));
    assert_eq!(checks.get("point_outside_municipality"), Some(&3));
    let usable = |s: &ServiceRow| {
        s.location_check.as_deref() != Some("point_outside_municipality")
            && s.lat.is_some()
            && s.lon.is_some()
    };
    let mut compared = 0;
    for place in &places {
        let profile = repo::profile(&db, &place.code).await.unwrap();
        for coverage in &profile.coverage {
            let nearest = |own: bool| {
                services
                    .iter()
                    .filter(|s| s.category == coverage.category && usable(s))
                    .filter(|s| (s.country == place.country) == own)
                    .map(|s| {
                        let km =
                            distance_km((place.lat, place.lon), (s.lat.unwrap(), s.lon.unwrap()));
                        (km, s.id.clone())
                    })
                    .min_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)))
            };
            for (own, side) in [(true, &coverage.own_side), (false, &coverage.other_side)] {
                let expected = nearest(own);
                let got = side.nearest.as_ref().map(|n| (n.distance_km, n.id.clone()));
                match (expected, got) {
                    (Some(e), Some(g)) => {
                        assert!(
                            (e.0 - g.0).abs() < 1e-6,
                            "{} {}: {e:?} vs {g:?}",
                            place.code,
                            coverage.category
                        );
                        assert_eq!(e.1, g.1, "{} {}", place.code, coverage.category);
                    }
                    (None, None) => {}
                    (e, g) => panic!("{} {}: {e:?} vs {g:?}", place.code, coverage.category),
                }
                compared += 1;
            }
            let here = services
                .iter()
                .filter(|s| s.category == coverage.category && s.municipality == place.code)
                .filter(|s| s.location_check.as_deref() != Some("municipality_uncertain"))
                .count();
            assert_eq!(coverage.here, here, "{} {}", place.code, coverage.category);
        }
    }
    assert!(compared > 258 * 2 * 10, "{compared}");

    // Diksmuide's station, filed under Nieuwpoort, is not counted as Nieuwpoort's own.
    let nieuwpoort = repo::profile(&db, "38016").await.unwrap();
    let stations = nieuwpoort
        .coverage
        .iter()
        .find(|c| c.category == "railway_station")
        .unwrap();
    assert!(stations.here_uncertain >= 1);
    // Rocroi's town-hall point lies in a neighbouring commune: it is not used for distances.
    let rocroi = repo::profile(&db, "08367").await.unwrap();
    let town_halls = rocroi
        .coverage
        .iter()
        .find(|c| c.category == "town_hall")
        .unwrap();
    assert_eq!(town_halls.here, 1);
    assert!(town_halls.own_side.unplaced >= 3);
    assert!(!town_halls.own_side.nearest.as_ref().unwrap().id.is_empty());
    assert_ne!(
        town_halls
            .own_side
            .nearest
            .as_ref()
            .unwrap()
            .municipality_code,
        "08367"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn profile_shows_clusters_events_coverage_and_compare() {
    let db = db().await;
    // The seeded meeting is in Beernem, outside the region: a meeting in Wervik shows there.
    db.query(
        "CREATE event:test_meeting CONTENT {
            title: { nl: 'Grensoverleg in Wervik', fr: 'Concertation frontalière à Wervik' },
            summary: { nl: 'Test', fr: 'Test' }, kind: 'consultation', source: 'test',
            audience: { nl: 'Burgemeesters', fr: 'Maires' }, agenda: [],
            starts_at: d'2026-03-28T23:30:00Z',
            place: { name: 'Stadhuis', address: 'Grote Markt 1', municipality_code: '33029' } };",
    )
    .await
    .unwrap()
    .check()
    .unwrap();
    let router = app(db);
    let (status, _, roeselare) = get(&router, "/nl/gemeenten/36015", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        roeselare.contains("Burgemeestersconferentie Midwest"),
        "midwest cluster"
    );
    assert!(roeselare.contains("href=\"/nl/samenwerkingsverbanden/midwest\""));
    assert!(roeselare.contains("data-testid=\"coverage-row\""));
    assert!(roeselare.contains("action=\"/nl/gemeenten/vergelijken\""));
    let (_, _, wervik) = get(&router, "/fr/communes/33029", &[]).await;
    // 23:30 UTC on 28 March is 00:30 on 29 March in Brussels.
    assert!(
        wervik.contains("29 mars 2026"),
        "the meeting held there, dated in Brussels"
    );
    assert!(wervik.contains("Concertation frontalière à Wervik"));
    // A French commune belongs to its EPCI.
    let (_, _, halluin) = get(&router, "/fr/communes/59279", &[]).await;
    assert!(halluin.contains("data-testid=\"cluster\""));
    assert!(halluin.contains("Intercommunalité (EPCI, France)"));
    // A station whose municipality is uncertain is marked as such.
    let (_, _, nieuwpoort) = get(&router, "/nl/gemeenten/38016", &[]).await;
    assert!(nieuwpoort.contains("gemeente onzeker"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compare_two_to_four_municipalities() {
    let router = app(db().await);
    let (status, _, page) = get(&router, "/nl/gemeenten/vergelijken?codes=33029,59656", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-testid=\"compare-table\""));
    assert!(page.contains("Wervik") && page.contains("Zuid-Wervik"));
    assert_eq!(page.matches("data-testid=\"pair-distance\"").count(), 1);
    // The profile's form sends the codes as repeated parameters.
    let (status, _, page) = get(
        &router,
        "/fr/communes/comparer?codes=33029&codes=59656&codes=59152",
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page.matches("data-testid=\"pair-distance\"").count(), 3);
    for bad in [
        "codes=33029,%3Cb%3E",
        "codes=33029,11111,22222,33333,44444",
        "codes=99999,33029",
    ] {
        let (status, _, page) =
            get(&router, &format!("/nl/gemeenten/vergelijken?{bad}"), &[]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(page.contains("Kies 2 tot 4 bestaande gemeenten"), "{bad}");
    }
    let (status, _, page) = get(&router, "/nl/gemeenten/vergelijken", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-testid=\"compare-help\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partners_for_wervik_in_pages_and_api() {
    let router = app(db().await);
    let (status, _, page) = get(&router, "/nl/partners?code=33029&across=1", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let top: Vec<&str> = page
        .split("data-testid=\"partner\" data-code=\"")
        .skip(1)
        .map(|rest| &rest[..5])
        .take(5)
        .collect();
    assert!(top.contains(&"59656") && top.contains(&"59152"), "{top:?}");
    assert!(!page.contains("data-testid=\"partner\" data-code=\"33029\""));
    assert!(page.contains("Aan de andere kant van de grens"));
    let (status, _, fr) = get(&router, "/fr/partenaires?code=33029&across=1&size=3", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(fr.contains("De l’autre côté de la frontière"));
    let (status, _, bad) = get(&router, "/fr/partenaires?code=33029&within=0", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(bad.contains("Indiquez une distance entre 1 et 200 km."));

    let (status, _, body) = get(
        &router,
        "/api/v1/municipalities/33029/partners?across=1&within=15",
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let json: Value = serde_json::from_str(&body).unwrap();
    let data = json["data"].as_array().unwrap();
    assert!(data
        .iter()
        .all(|c| c["cross_border"] == true && c["distance_km"].as_f64().unwrap() <= 15.0));
    assert!(data.iter().any(|c| c["code"] == "59656"));
    assert!(data[0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["kind"] == "near"));
    let (status, _, _) = get(
        &router,
        "/api/v1/municipalities/33029/partners?bogus=1",
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = get(&router, "/api/v1/municipalities/00000/partners", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, body) = get(&router, "/api/v1/municipalities/33029/neighbours", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let json: Value = serde_json::from_str(&body).unwrap();
    assert!(json["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["cross_border"] == true));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clusters_with_members_and_a_shared_price() {
    let db = db().await;
    // A climate cluster of three municipalities in the Ecolife programme (€ 10 000 excl. VAT).
    db.query(
        "CREATE cluster:test_climate CONTENT {
            code: 'test_climate', kind: 'climate_cluster', source: 'test',
            name: { nl: 'Testklimaatcluster', fr: 'Cluster climat de test' },
            programme: project:`ecolife-klimaatacties-buurgemeenten` };
         RELATE municipality:`33029`->member_of->cluster:test_climate;
         RELATE municipality:`33011`->member_of->cluster:test_climate;
         RELATE municipality:`33021`->member_of->cluster:test_climate;",
    )
    .await
    .unwrap()
    .check()
    .unwrap();
    let router = app(db);
    let (status, _, list) = get(&router, "/nl/samenwerkingsverbanden", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Burgemeestersconferentie Midwest"));
    let (_, _, epci) = get(&router, "/fr/cooperations?kind=epci&country=FR", &[]).await;
    assert!(epci.contains("data-testid=\"cluster\"") && !epci.contains("Midwest"));
    // Roeselare: the Midwest conference and the Eurometropolis (their rules).
    let (_, _, by_member) = get(&router, "/nl/samenwerkingsverbanden?member=36015", &[]).await;
    assert_eq!(by_member.matches("data-testid=\"cluster\"").count(), 2);
    let (status, _, _) = get(&router, "/nl/samenwerkingsverbanden?kind=zzz", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = get(&router, "/nl/samenwerkingsverbanden/bestaat-niet", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, _, nl) = get(&router, "/nl/samenwerkingsverbanden/test_climate", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(nl.contains("€ 3.333,33"), "share excl. VAT");
    assert!(nl.contains("€ 700,00"), "VAT on the share");
    assert!(nl.contains("€ 4.033,33"), "share incl. VAT");
    let (_, _, fr) = get(&router, "/fr/cooperations/test_climate", &[]).await;
    assert!(fr.contains("3\u{202f}333,33 €"), "French amounts");
    let (status, _, body) = get(&router, "/api/v1/clusters/test_climate", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["cost_share"]["excl_vat_cents"], 333_333);
    assert_eq!(json["cost_share"]["vat_cents"], 70_000);
    assert_eq!(json["members"].as_array().unwrap().len(), 3);
    let (status, headers, body) = get(&router, "/api/v1/clusters/test_climate.geojson", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/geo+json");
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["features"].as_array().unwrap().len(), 3);
    let (status, _, body) = get(&router, "/api/v1/clusters?kind=conference_of_mayors", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["data"].as_array().unwrap().len(), 3);
    // The Ecolife offer's page shows the share for 2 to 6 municipalities.
    let (_, _, offer) = get(
        &router,
        "/nl/projecten/ecolife-klimaatacties-buurgemeenten",
        &[],
    )
    .await;
    assert_eq!(offer.matches("data-testid=\"share-row\"").count(), 5);
    assert!(offer.contains("€ 5.000,00") && offer.contains("€ 1.050,00"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn observatory_table_map_csv_and_report_counts_without_personal_data() {
    let db = db().await;
    db.query(
        "CREATE report CONTENT { kind: 'closed', message: 'Geheime tekst van een inwoner',
            email: 'inwoner@example.org', lang: 'nl',
            service: (SELECT VALUE id FROM service WHERE category = 'town_hall' LIMIT 1)[0] };
         CREATE report CONTENT { kind: 'missing', message: 'Another private message', lang: 'fr' };",
    )
    .await
    .unwrap()
    .check()
    .unwrap();
    let router = app(db);
    let (status, _, nl) = get(&router, "/nl/observatorium", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(nl.matches("data-testid=\"observatory-row\"").count(), 258);
    assert!(
        nl.contains("data-values=\""),
        "choropleth values for the map"
    );
    assert!(
        nl.contains("data-testid=\"side-missing\""),
        "no Belgian town halls in the inventory"
    );
    assert!(nl.contains("2 meldingen in totaal."));
    assert!(!nl.contains("inwoner@example.org") && !nl.contains("Geheime tekst"));
    let (status, _, fr) = get(
        &router,
        "/fr/observatoire?category=railway_station&sort=own&beyond=5",
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let rows = fr.matches("data-testid=\"observatory-row\"").count();
    assert!(rows > 0 && rows < 258, "{rows}");
    for bad in ["category=zzz", "sort=size", "beyond=0", "beyond=abc"] {
        let (status, _, _) = get(&router, &format!("/fr/observatoire?{bad}"), &[]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
    }
    let (status, headers, csv) = get(
        &router,
        "/api/v1/observatory.csv?category=railway_station&lang=fr",
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(&reader.headers().unwrap()[0], "code");
    assert_eq!(reader.records().count(), 258);
    let (status, _, body) = get(
        &router,
        "/api/v1/observatory?category=town_hall&sort=gain",
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json["in_inventory_be"], 0);
    let rows = json["data"].as_array().unwrap();
    assert_eq!(rows.len(), 258);
    let (_, _, body) = get(&router, "/api/v1/observatory?category=railway_station", &[]).await;
    let json: Value = serde_json::from_str(&body).unwrap();
    let gains: Vec<Option<f64>> = json["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["gain_km"].as_f64())
        .collect();
    let with_gain = gains.iter().take_while(|g| g.is_some()).count();
    assert!(
        with_gain > 0 && gains[with_gain..].iter().all(Option::is_none),
        "gains first"
    );
    assert!(
        gains[..with_gain].windows(2).all(|w| w[0] >= w[1]),
        "largest gain first"
    );
    let (status, _, _) = get(&router, "/api/v1/observatory?lang=nl", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "lang only for the CSV");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_project_shows_its_municipalities_on_the_map_and_in_their_profiles() {
    let db = db().await;
    // The seeds name no participating municipality: as staff would add them.
    db.query("UPDATE project:`partons-2-0` SET municipalities = [municipality:`33029`, municipality:`59656`]")
        .await
        .unwrap()
        .check()
        .unwrap();
    let router = app(db);
    let (status, _, page) = get(&router, "/nl/projecten/partons-2-0", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("data-highlight=\"33029 59656\""),
        "the map highlights them"
    );
    let (_, _, profile) = get(&router, "/fr/communes/59656", &[]).await;
    assert!(profile.contains("href=\"/fr/projets/partons-2-0\""));
    // Both take part: the comparison lists it as shared.
    let (_, _, compare) = get(&router, "/nl/gemeenten/vergelijken?codes=33029,59656", &[]).await;
    assert!(compare.contains("href=\"/nl/projecten/partons-2-0\""));
    let (_, _, partners) = get(&router, "/nl/partners?code=33029&across=1", &[]).await;
    assert!(partners.contains("Al samen in de projecten: PARTONS 2.0"));
}

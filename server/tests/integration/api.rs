//! The open data API: JSON, CSV, GeoJSON, the map's points and the OpenAPI document.

use crate::support::fixtures::find;
use crate::support::http::get;
use crate::support::test_app::{app, db};
use app::i18n::Lang;
use app::services::Key;
use axum::http::{header, StatusCode};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_answers_json_csv_geojson_and_describes_itself() {
    let router = app(db().await);
    let json = |body: &str| serde_json::from_str::<serde_json::Value>(body).unwrap();
    let (status, _, body) = get(
        &router,
        "/api/v1/services?q=gare&country=FR&per_page=5",
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let page = json(&body);
    assert_eq!(page["data"].as_array().unwrap().len(), 5);
    assert!(page["meta"]["total"].as_u64().unwrap() > 20);
    assert_eq!(page["data"][0]["location"]["country"], "FR");
    assert_eq!(page["data"][0]["category"]["code"], "railway_station");
    let (_, _, body) = get(
        &router,
        "/api/v1/services?near=Wervik&radius=10&page=1",
        &[],
    )
    .await;
    assert!(json(&body)["data"][0]["distance_km"].as_f64().unwrap() <= 10.0);
    let id = json(&body)["data"][0]["id"].as_str().unwrap().to_owned();
    let (status, _, body) = get(&router, &format!("/api/v1/services/{id}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json(&body)["id"], id.as_str());
    let (status, headers, body) =
        get(&router, "/api/v1/services.csv?category=town_hall", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    assert_eq!(reader.headers().unwrap().get(0), Some("id"));
    assert_eq!(reader.records().count(), 153);
    let (_, headers, body) = get(
        &router,
        "/api/v1/services.geojson?country=BE&category=justice",
        &[],
    )
    .await;
    assert_eq!(headers[header::CONTENT_TYPE], "application/geo+json");
    let collection = json(&body);
    assert_eq!(collection["type"], "FeatureCollection");
    assert_eq!(collection["features"].as_array().unwrap().len(), 74);
    // Typed properties (the JSON API's own service), not CSV strings.
    let features = collection["features"].as_array().unwrap();
    assert!(features.iter().all(|f| f["type"] == "Feature"));
    // A few Belgian courts have no coordinates: their geometry is null.
    assert!(features.iter().any(|f| f["geometry"].is_null()));
    let feature = features.iter().find(|f| !f["geometry"].is_null()).unwrap();
    assert_eq!(feature["geometry"]["type"], "Point");
    assert!(
        feature["geometry"]["coordinates"][0].as_f64().unwrap() < 7.0,
        "longitude first"
    );
    assert!(feature["properties"]["cross_border_access"].is_boolean());
    assert!(feature["properties"]["languages"].is_array());
    assert_eq!(feature["properties"]["id"], feature["id"]);
    let (status, _, body) = get(&router, "/api/v1/municipalities?q=rijsel", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json(&body)["data"][0]["code"], "59350");
    let (status, _, body) = get(&router, "/api/v1/municipalities/33029", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(json(&body)["neighbours"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["cross_border"] == true));
    let (_, _, body) = get(&router, "/api/v1/municipalities.csv?country=BE", &[]).await;
    assert_eq!(
        csv::Reader::from_reader(body.as_bytes()).records().count(),
        105
    );
    // Bad parameters: 400 with a JSON body naming the parameter, never 500.
    for (uri, field) in [
        ("/api/v1/services?radius=abc", "radius"),
        ("/api/v1/services?per_page=1000", "per_page"),
        ("/api/v1/services?colour=red", "colour"),
        ("/api/v1/services?sort=distance", "sort"),
        ("/api/v1/services.csv?page=0", "page"),
        ("/api/v1/municipalities?country=NL", "country"),
    ] {
        let (status, headers, body) = get(&router, uri, &[]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/json", "{uri}");
        assert!(
            json(&body)["error"]["message"]
                .as_str()
                .unwrap()
                .contains(field),
            "{uri}: {body}"
        );
    }
    let (status, _, body) = get(&router, "/api/v1/services/nope", &[]).await;
    assert_eq!(
        (status, json(&body)["error"]["status"].as_u64()),
        (StatusCode::NOT_FOUND, Some(404))
    );
    let (status, _, body) = get(&router, "/api/v1/municipalities/99999", &[]).await;
    assert_eq!(
        (status, json(&body)["error"]["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("error-not-found"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_describes_every_endpoint_and_its_references_resolve() {
    let router = app(db().await);
    let (status, _, body) = get(&router, "/api/openapi.json", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/v1/services",
        "/api/v1/services.csv",
        "/api/v1/services.geojson",
        "/api/v1/services/{id}",
        "/api/v1/municipalities",
        "/api/v1/municipalities.csv",
        "/api/v1/municipalities/{code}",
    ] {
        let op = &doc["paths"][path]["get"];
        assert!(op["responses"]["200"].is_object(), "{path}");
        assert!(
            op["responses"]["400"].is_object() || op["responses"]["404"].is_object(),
            "{path}"
        );
    }
    let params: Vec<&str> = doc["paths"]["/api/v1/services"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    // The document lists exactly the parameters the API accepts.
    let mut accepted: Vec<&str> = Key::ALL.map(Key::name).to_vec();
    accepted.extend(server::api::services::API_ONLY_PARAMS);
    let (mut documented, mut accepted) = (params.clone(), accepted);
    documented.sort_unstable();
    accepted.sort_unstable();
    assert_eq!(documented, accepted);
    // Every $ref points at a schema that exists.
    fn refs<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(r) = m.get("$ref").and_then(|r| r.as_str()) {
                    out.push(r);
                }
                m.values().for_each(|v| refs(v, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let mut all = vec![];
    refs(&doc, &mut all);
    assert!(!all.is_empty());
    for r in all {
        let name = r.strip_prefix("#/components/schemas/").expect(r);
        assert!(doc["components"]["schemas"][name].is_object(), "{r}");
    }
    // The document round-trips through utoipa's own model.
    let _: utoipa::openapi::OpenApi = serde_json::from_str(&body).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_of_a_search_comes_from_its_own_endpoint_not_the_page() {
    let db = db().await;
    let router = app(db.clone());
    let (status, _, body) = get(
        &router,
        "/api/v1/map/services?q=gare&country=BE&lang=fr",
        &[],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let points: Vec<serde_json::Value> = serde_json::from_str(&body).unwrap();
    let found = find(&db, Lang::Fr, &[("q", "gare"), ("country", "BE")]).await;
    let located: Vec<&str> = found
        .hits
        .iter()
        .filter(|h| h.core.lat.is_some())
        .map(|h| h.core.id.as_str())
        .collect();
    let ids: Vec<&str> = points.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert!(!ids.is_empty());
    assert_eq!(
        ids, located,
        "the map's points are the results, in the list's order"
    );
    // The page names that endpoint with its own query, and carries no points itself.
    let (_, _, page) = get(&router, "/fr/services?q=gare&country=BE", &[]).await;
    assert!(
        page.contains("data-points-url=\"/api/v1/map/services?q=gare&amp;country=BE&amp;lang=fr\"")
    );
    assert!(!page.contains(&format!("\"lat\":{}", found.hits[0].core.lat.unwrap())));
    let (status, _, _) = get(&router, "/api/v1/map/services?radius=9999", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

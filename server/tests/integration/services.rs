//! Services: search relevance in both languages, distance, filters and facets, the
//! detail with opening hours, reports, and the open data API.

use super::{app, db, get};
use app::i18n::Lang;
use app::services::{repo, search, SearchResults, ServiceQuery};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use chrono::TimeZone;
use chrono_tz::Europe::Brussels;
use http_body_util::BodyExt;
use tower::ServiceExt;

async fn find(db: &app::db::Db, lang: Lang, pairs: &[(&str, &str)]) -> SearchResults {
    let query = ServiceQuery::from_pairs(pairs.iter().copied());
    // Tuesday 24 November 2026, 10:00 in Brussels: town halls are open.
    let at = Brussels.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
    let mut filter = query.validate().unwrap();
    filter.page = 1;
    search::run_paged(db, lang, &filter, at, None)
        .await
        .unwrap()
}

fn names(found: &SearchResults) -> Vec<String> {
    found
        .hits
        .iter()
        .map(|h| h.name.fr.clone().or(h.name.nl.clone()).unwrap_or_default())
        .collect()
}

#[tokio::test]
async fn text_search_finds_services_across_languages_and_accents() {
    let db = db().await;
    // Dutch words find the French town hall through the taxonomy's synonyms.
    for q in [
        "gemeentehuis halluin",
        "stadhuis Halluin",
        "mairie halluin",
        "gemeenteh halluin",
    ] {
        let found = find(&db, Lang::Nl, &[("q", q)]).await;
        assert!(
            names(&found).contains(&"Mairie de Halluin".to_string()),
            "{q}: {:?}",
            names(&found)
        );
        assert_eq!(
            found.hits[0].name.fr.as_deref(),
            Some("Mairie de Halluin"),
            "{q} ranks it first"
        );
    }
    // "gare" finds Belgian stations (named in Dutch in Flanders).
    let found = find(&db, Lang::Fr, &[("q", "gare"), ("country", "BE")]).await;
    assert!(found.total > 50, "{}", found.total);
    assert!(found.hits.iter().all(|h| h.category == "railway_station"));
    // "rechtbank" finds the French-named Walloon tribunals, and the reverse.
    let found = find(&db, Lang::Nl, &[("q", "rechtbank")]).await;
    assert!(
        names(&found).iter().any(|n| n.starts_with("Tribunal")),
        "{:?}",
        names(&found)
    );
    let found = find(&db, Lang::Fr, &[("q", "tribunal")]).await;
    assert!(
        found.hits.iter().any(|h| h
            .name
            .nl
            .as_deref()
            .is_some_and(|n| n.contains("rechtbank"))),
        "{:?}",
        names(&found)
    );
    // Accent-less municipality names.
    let found = find(&db, Lang::Fr, &[("q", "peruwelz")]).await;
    assert!(
        found.hits.iter().any(|h| h.municipality_code == "57064"),
        "{:?}",
        names(&found)
    );
    let found = find(&db, Lang::Fr, &[("q", "armentieres")]).await;
    assert!(
        found.hits.iter().any(|h| h.municipality_code == "59017"),
        "{:?}",
        names(&found)
    );
    // Stemming: a plural finds the singular.
    let found = find(&db, Lang::Fr, &[("q", "gares tournai")]).await;
    assert!(found.total >= 1, "gares tournai");
    // Nonsense finds nothing, and says so.
    assert_eq!(find(&db, Lang::Nl, &[("q", "xqzwv")]).await.total, 0);
}

/// An independent great-circle distance, to check the server's.
fn haversine(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let r = 6371.0088_f64;
    let (f1, f2) = (lat1.to_radians(), lat2.to_radians());
    let (df, dl) = ((lat2 - lat1).to_radians(), (lon2 - lon1).to_radians());
    let a = (df / 2.0).sin().powi(2) + f1.cos() * f2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * r * a.sqrt().atan2((1.0 - a).sqrt())
}

#[tokio::test]
async fn services_near_wervik_include_french_ones_sorted_by_distance() {
    let db = db().await;
    let found = find(&db, Lang::Nl, &[("near", "Wervik"), ("radius", "10")]).await;
    let near = found.near.clone().expect("near place resolved");
    assert_eq!(
        near.municipality.as_ref().map(|m| m.0.as_str()),
        Some("33029")
    );
    assert!(found.total >= 5, "{}", found.total);
    assert!(
        found.hits.iter().any(|h| h.country == "FR"),
        "French services within 10 km"
    );
    assert!(found.hits.iter().any(|h| h.country == "BE"));
    let mut last = 0.0;
    for hit in &found.hits {
        let d = hit.distance_km.unwrap();
        let expected = haversine(near.lat, near.lon, hit.lat.unwrap(), hit.lon.unwrap());
        assert!((d - expected).abs() < 0.01, "{}: {d} vs {expected}", hit.id);
        assert!(d <= 10.0 && d >= last, "sorted by distance");
        last = d;
    }
    // Typed in French, the same place; a point gives the same results too.
    let fr = find(&db, Lang::Fr, &[("near", "wervicq"), ("radius", "10")]).await;
    assert!(fr.near.unwrap().municipality.is_some());
    let by_point = find(
        &db,
        Lang::Nl,
        &[
            ("lat", &near.lat.to_string()),
            ("lon", &near.lon.to_string()),
            ("radius", "10"),
        ],
    )
    .await;
    assert_eq!(by_point.total, found.total);
    // A wider radius finds more.
    assert!(
        find(&db, Lang::Nl, &[("near", "Wervik"), ("radius", "25")])
            .await
            .total
            > found.total
    );
}

#[tokio::test]
async fn filters_combine_and_facets_count_the_other_filters() {
    let db = db().await;
    let all = find(&db, Lang::Nl, &[]).await;
    assert_eq!(all.total, 413);
    let fr_halls = find(
        &db,
        Lang::Nl,
        &[("category", "town_hall"), ("country", "FR")],
    )
    .await;
    assert_eq!(fr_halls.total, 153);
    // The country facet ignores the country filter, so it shows what switching gives.
    let country = |f: &SearchResults, c: &str| {
        f.facets
            .country
            .iter()
            .find(|v| v.value == c)
            .map(|v| v.count)
    };
    assert_eq!(country(&fr_halls, "FR"), Some(153));
    assert_eq!(country(&fr_halls, "BE"), None);
    // A parent category includes its children.
    let justice = find(&db, Lang::Nl, &[("category", "justice")]).await;
    assert_eq!(justice.total, 74);
    // Language spoken: Dutch at Flemish and facility-municipality services.
    let dutch = find(&db, Lang::Nl, &[("language", "nl")]).await;
    assert!(dutch
        .hits
        .iter()
        .all(|h| h.languages.contains(&"nl".to_string())));
    let komen = find(&db, Lang::Nl, &[("municipality", "57097")]).await;
    assert!(
        komen.total >= 1 && komen.hits.iter().all(|h| h.languages == ["fr", "nl"]),
        "{:?}",
        komen.hits
    );
    // Open now on a Tuesday at 10:00: town halls with hours, not stations without.
    let open = find(&db, Lang::Nl, &[("open", "1")]).await;
    assert!(open.total > 100 && open.hits.iter().all(|h| h.open_now == Some(true)));
    assert_eq!(open.total, all.facets.open_now);
    // Cross-border access: stations and courts, not town halls.
    let cross = find(&db, Lang::Nl, &[("cross", "1"), ("category", "town_hall")]).await;
    assert_eq!(cross.total, 0);
    assert!(find(&db, Lang::Nl, &[("cross", "1")]).await.total > 200);
    // Search this area: a box around Menen / Halluin.
    let area = find(&db, Lang::Nl, &[("bbox", "3.08,50.75,3.16,50.81")]).await;
    assert!(area.total >= 2, "{}", area.total);
    assert!(area
        .hits
        .iter()
        .all(|h| h.lat.unwrap() >= 50.75 && h.lon.unwrap() <= 3.16));
}

#[tokio::test]
async fn detail_has_hours_in_brussels_time_and_a_404_for_unknown_ids() {
    let db = db().await;
    let halluin = find(&db, Lang::Fr, &[("q", "mairie halluin")]).await.hits[0].clone();
    let saturday = Brussels.with_ymd_and_hms(2026, 11, 28, 10, 0, 0).unwrap();
    let detail = repo::detail(&db, &halluin.id, saturday).await.unwrap();
    assert_eq!(detail.municipality_code, "59279");
    assert_eq!(detail.languages, ["fr"]);
    assert_eq!(detail.access.as_ref().map(|a| a.who.as_str()), Some("FR"));
    let hours = detail.hours.expect("town hall hours");
    assert!(hours.osm.ends_with("PH off"), "{}", hours.osm);
    assert_eq!(hours.week.len(), 7);
    assert_eq!(hours.week[0].date, "2026-11-28");
    assert!(hours.week[1].periods.is_empty(), "closed on Sunday");
    // Armistice day (Wednesday 11 November 2026): closed.
    let holiday = Brussels.with_ymd_and_hms(2026, 11, 11, 10, 0, 0).unwrap();
    let on_holiday = repo::detail(&db, &halluin.id, holiday)
        .await
        .unwrap()
        .hours
        .unwrap();
    assert!(!on_holiday.now.open && on_holiday.week[0].public_holiday);
    assert!(matches!(
        repo::detail(&db, "no-such-service", saturday).await,
        Err(app::error::AppError::NotFound)
    ));
    assert!(matches!(
        repo::detail(&db, "../../etc", saturday).await,
        Err(app::error::AppError::NotFound)
    ));
}

#[tokio::test]
async fn editing_the_taxonomy_reindexes_its_services() {
    let db = db().await;
    assert_eq!(find(&db, Lang::Nl, &[("q", "spoorhalte")]).await.total, 0);
    db.query("UPDATE category:railway_station SET synonyms.nl += 'spoorhalte'")
        .await
        .unwrap()
        .check()
        .unwrap();
    assert_eq!(find(&db, Lang::Nl, &[("q", "spoorhalte")]).await.total, 186);
}

#[tokio::test]
async fn pages_render_search_detail_and_report_without_javascript() {
    let db = db().await;
    let router = app(db.clone());
    let (status, _, body) = get(&router, "/nl/diensten?q=gemeentehuis+halluin", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Mairie de Halluin") || body.contains("Gemeentehuis Halluin"));
    let (status, _, body) = get(&router, "/fr/services?near=Wervik&radius=10", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Dans un rayon de 10"), "near summary");
    let (status, _, body) = get(&router, "/fr/services?radius=500", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Choisissez un rayon"));
    let (status, _, body) = get(&router, "/nl/diensten?near=Atlantis", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("Die gemeente kennen we niet"));
    let halluin = find(&db, Lang::Fr, &[("q", "mairie halluin")]).await.hits[0]
        .id
        .clone();
    let (status, _, body) = get(&router, &format!("/fr/services/{halluin}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("<title>Mairie de Halluin"),
        "title from the data"
    );
    assert!(body.contains("Horaires d’ouverture") && body.contains("openstreetmap.org/directions"));
    assert!(body.contains(&format!("/fr/signaler?service={halluin}")));
    let (status, _, _) = get(&router, "/nl/diensten/bestaat-niet", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, body) = get(&router, "/nl/melden", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Melding versturen"));
}

async fn post_form(
    router: &axum::Router,
    uri: &str,
    body: &str,
    accept: &str,
) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = router
        .clone()
        .oneshot(
            Request::post(uri)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, accept)
                .header(header::REFERER, "http://localhost/fr/signaler")
                .body(Body::from(body.to_owned()))
                .unwrap(),
        )
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

async fn report_count(db: &app::db::Db) -> i64 {
    let mut r = db
        .query("RETURN count(SELECT VALUE id FROM report)")
        .await
        .unwrap();
    r.take::<Option<i64>>(0).unwrap().unwrap_or(0)
}

#[tokio::test]
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
    let (status, headers, _) = post_form(
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
    let (status, _, body) = post_form(&router, path, "lang=nl&form[kind]=missing&form[message]=Het+postkantoor+van+Menen+ontbreekt.&form[email]=&form[service]=&form[website]=", "application/json").await;
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
    let (_, _, body) = post_form(&router, path, "lang=nl&form[kind]=other&form[message]=Buy+cheap+things+here+now&form[email]=&form[service]=&form[website]=http://spam", "application/json").await;
    assert!(body.contains("Sent"));
    assert_eq!(report_count(&db).await, 1);
    // Unknown service: refused.
    let (_, _, body) = post_form(&router, path, "lang=nl&form[kind]=wrong&form[message]=Het+nummer+klopt+niet.&form[email]=&form[service]=town-hall-0000000000000000&form[website]=", "application/json").await;
    assert!(body.contains("service"), "{body}");
    // Rate limit: five attempts per address per ten minutes (four used above).
    let (_, _, body) = post_form(&router, path, "lang=nl&form[kind]=other&form[message]=Nog+een+melding+hier.&form[email]=&form[service]=&form[website]=", "application/json").await;
    assert!(body.contains("Sent"), "{body}");
    let (_, _, body) = post_form(&router, path, "lang=nl&form[kind]=other&form[message]=En+nog+een+melding.&form[email]=&form[service]=&form[website]=", "application/json").await;
    assert!(body.contains("TooMany"), "{body}");
    assert_eq!(report_count(&db).await, 2);
}

#[tokio::test]
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

#[tokio::test]
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
    for key in ServiceQuery::KEYS {
        assert!(params.contains(&key), "parameter {key} documented");
    }
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

#[tokio::test]
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
        .filter(|h| h.lat.is_some())
        .map(|h| h.id.as_str())
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
    assert!(!page.contains(&format!("\"lat\":{}", found.hits[0].lat.unwrap())));
    let (status, _, _) = get(&router, "/api/v1/map/services?radius=9999", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn typing_mistakes_are_forgiven_after_the_exact_matches() {
    let db = db().await;
    // Waregem's station, typed with one letter too many.
    let found = find(&db, Lang::Nl, &[("q", "warregem")]).await;
    assert!(
        names(&found).first().is_some_and(|n| n.contains("Waregem")),
        "{:?}",
        names(&found)
    );
    // A misspelt word finds at least what the right one finds, in the same order first.
    for (right, wrong) in [
        ("gemeentehuis", "gemeentehuiz"),
        ("mairie", "mairei"),
        ("station", "statoin"),
    ] {
        let exact = find(&db, Lang::Nl, &[("q", right)]).await;
        let typo = find(&db, Lang::Nl, &[("q", wrong)]).await;
        assert!(exact.total > 0, "{right}");
        let found: std::collections::HashSet<&str> =
            typo.hits.iter().map(|h| h.id.as_str()).collect();
        assert!(
            exact.hits.iter().all(|h| found.contains(h.id.as_str())),
            "{wrong} lost results of {right}"
        );
    }
    // Records reached only through a typo come after the exact ones, whatever BM25
    // says: rename two services, the misspelt one with the shorter (higher-scoring) text.
    let ids: Vec<String> = find(&db, Lang::Nl, &[("q", "gemeentehuis")]).await.hits[..2]
        .iter()
        .map(|h| h.id.clone())
        .collect();
    for (id, name) in [
        (&ids[0], "Zwinhuis van de gemeente met een lange naam"),
        (&ids[1], "Zwinhuiz"),
    ] {
        db.query("UPDATE type::record('service', $id) SET name = { nl: $name, fr: $name }")
            .bind(("id", id.clone()))
            .bind(("name", name.to_owned()))
            .await
            .unwrap()
            .check()
            .unwrap();
    }
    let found = find(&db, Lang::Nl, &[("q", "zwinhuis"), ("sort", "relevance")]).await;
    let order: Vec<&str> = found.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(order, vec![ids[0].as_str(), ids[1].as_str()]);
    // Short words allow no mistake: "gaze" is not "gare".
    assert_eq!(find(&db, Lang::Fr, &[("q", "gaze")]).await.total, 0);
}

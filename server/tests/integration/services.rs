//! Services: search relevance in both languages, typing mistakes, distance, filters
//! and facets, the detail with opening hours, and the pages without JavaScript.

use crate::support::fixtures::find;
use crate::support::http::get;
use crate::support::test_app::{app, db};
use app::i18n::Lang;
use app::services::{details, SearchResults};
use axum::http::StatusCode;
use chrono::TimeZone;
use chrono_tz::Europe::Brussels;

/// The names of the hits, in French where there is one.
fn names(found: &SearchResults) -> Vec<String> {
    found
        .hits
        .iter()
        .map(|h| {
            h.core
                .name
                .fr
                .clone()
                .or(h.core.name.nl.clone())
                .unwrap_or_default()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
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
            found.hits[0].core.name.fr.as_deref(),
            Some("Mairie de Halluin"),
            "{q} ranks it first"
        );
    }
    // "gare" finds Belgian stations (named in Dutch in Flanders).
    let found = find(&db, Lang::Fr, &[("q", "gare"), ("country", "BE")]).await;
    assert!(found.total > 50, "{}", found.total);
    assert!(found
        .hits
        .iter()
        .all(|h| h.core.category == "railway_station"));
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
            .core
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
        found
            .hits
            .iter()
            .any(|h| h.core.municipality_code == "57064"),
        "{:?}",
        names(&found)
    );
    let found = find(&db, Lang::Fr, &[("q", "armentieres")]).await;
    assert!(
        found
            .hits
            .iter()
            .any(|h| h.core.municipality_code == "59017"),
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
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
        found
            .hits
            .iter()
            .any(|h| h.core.country == app::kernel::geo::Country::Fr),
        "French services within 10 km"
    );
    assert!(found
        .hits
        .iter()
        .any(|h| h.core.country == app::kernel::geo::Country::Be));
    let mut last = 0.0;
    for hit in &found.hits {
        let d = hit.distance_km.unwrap();
        let expected = haversine(
            near.lat,
            near.lon,
            hit.core.lat.unwrap(),
            hit.core.lon.unwrap(),
        );
        assert!(
            (d - expected).abs() < 0.01,
            "{}: {d} vs {expected}",
            hit.core.id
        );
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
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
        .all(|h| h.core.languages.contains(&"nl".to_string())));
    let komen = find(&db, Lang::Nl, &[("municipality", "57097")]).await;
    assert!(
        komen.total >= 1 && komen.hits.iter().all(|h| h.core.languages == ["fr", "nl"]),
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
        .all(|h| h.core.lat.unwrap() >= 50.75 && h.core.lon.unwrap() <= 3.16));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn detail_has_hours_in_brussels_time_and_a_404_for_unknown_ids() {
    let db = db().await;
    let halluin = find(&db, Lang::Fr, &[("q", "mairie halluin")]).await.hits[0].clone();
    let saturday = Brussels.with_ymd_and_hms(2026, 11, 28, 10, 0, 0).unwrap();
    let detail = details::detail(&db, &halluin.core.id, saturday)
        .await
        .unwrap();
    assert_eq!(detail.record.core.municipality_code, "59279");
    assert_eq!(detail.record.core.languages, ["fr"]);
    assert_eq!(
        detail.record.access.as_ref().map(|a| a.who.as_str()),
        Some("FR")
    );
    let hours = detail.hours.expect("town hall hours");
    assert!(hours.osm.ends_with("PH off"), "{}", hours.osm);
    assert_eq!(hours.week.len(), 7);
    assert_eq!(hours.week[0].date, "2026-11-28");
    assert!(hours.week[1].periods.is_empty(), "closed on Sunday");
    // Armistice day (Wednesday 11 November 2026): closed.
    let holiday = Brussels.with_ymd_and_hms(2026, 11, 11, 10, 0, 0).unwrap();
    let on_holiday = details::detail(&db, &halluin.core.id, holiday)
        .await
        .unwrap()
        .hours
        .unwrap();
    assert!(!on_holiday.now.open && on_holiday.week[0].public_holiday);
    assert!(matches!(
        details::detail(&db, "no-such-service", saturday).await,
        Err(app::error::AppError::NotFound)
    ));
    assert!(matches!(
        details::detail(&db, "../../etc", saturday).await,
        Err(app::error::AppError::NotFound)
    ));
    // Details are cached per data version: an edit shows at once, unpublishing is a 404.
    let set = |sql: &'static str| {
        let db = db.clone();
        let id = halluin.core.id.clone();
        async move {
            db.query(sql)
                .bind(("id", id))
                .await
                .unwrap()
                .check()
                .unwrap();
        }
    };
    set("UPDATE type::record('service', $id) SET phones = ['+33 3 20 00 00 00', '+33 3 20 00 00 01']").await;
    let edited = details::detail(&db, &halluin.core.id, saturday)
        .await
        .unwrap();
    assert_eq!(
        edited.record.core.phones,
        ["+33 3 20 00 00 00", "+33 3 20 00 00 01"]
    );
    set("UPDATE type::record('service', $id) SET status = 'draft'").await;
    assert!(matches!(
        details::detail(&db, &halluin.core.id, saturday).await,
        Err(app::error::AppError::NotFound)
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_search_detail_and_report_without_javascript() {
    let db = db().await;
    let router = app(db.clone());
    let (status, _, body) = get(&router, "/nl/diensten?q=gemeentehuis+halluin", &[]).await;
    assert_eq!(status, StatusCode::OK);
    // The Dutch name, with the Dutch exonym (the French one is not in the page: no
    // hydration data repeats the results).
    assert!(body.contains("Gemeentehuis Halewijn"));
    assert!(!body.contains("Mairie de Halluin"));
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
        .core
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
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
            typo.hits.iter().map(|h| h.core.id.as_str()).collect();
        assert!(
            exact
                .hits
                .iter()
                .all(|h| found.contains(h.core.id.as_str())),
            "{wrong} lost results of {right}"
        );
    }
    // Records reached only through a typo come after the exact ones, whatever BM25
    // says: rename two services, the misspelt one with the shorter (higher-scoring) text.
    let ids: Vec<String> = find(&db, Lang::Nl, &[("q", "gemeentehuis")]).await.hits[..2]
        .iter()
        .map(|h| h.core.id.clone())
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
    let order: Vec<&str> = found.hits.iter().map(|h| h.core.id.as_str()).collect();
    assert_eq!(order, vec![ids[0].as_str(), ids[1].as_str()]);
    // Short words allow no mistake: "gaze" is not "gare".
    assert_eq!(find(&db, Lang::Fr, &[("q", "gaze")]).await.total, 0);
}

//! Every name in the bundled data, typed as written (hyphens, apostrophes, accents), finds
//! its record: services by text, municipalities by text and as the place of `near`.

use crate::support::http::get;
use crate::support::test_app::{app, db};
use app::i18n::Lang;
use app::municipalities::{repo as municipalities, MunicipalityQuery};
use app::services::{search, ServiceQuery};
use axum::http::StatusCode;
use chrono::TimeZone;
use chrono_tz::Europe::Brussels;
use serde::Deserialize;

#[derive(Deserialize)]
struct Named {
    id: String,
    nl: Option<String>,
    fr: Option<String>,
    official: Option<String>,
}

async fn named(db: &app::db::Db, sql: &str) -> Vec<Named> {
    let mut response = db.query(sql).await.unwrap();
    app::db::rows(&mut response, 0).unwrap()
}

fn typed_forms(n: &Named) -> Vec<String> {
    let mut forms: Vec<String> = [&n.nl, &n.fr, &n.official]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .cloned()
        .collect();
    forms.dedup();
    forms
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_service_name_finds_its_service_on_the_first_page() {
    let db = db().await;
    let services = named(
        &db,
        "SELECT record::id(id) AS id, name.nl AS nl, name.fr AS fr, NONE AS official FROM service WHERE status = 'published'",
    )
    .await;
    assert_eq!(services.len(), 413);
    let at = Brussels.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
    let mut missed = vec![];
    for service in &services {
        for name in typed_forms(service) {
            for lang in Lang::ALL {
                let filter = ServiceQuery::from_pairs([("q", name.as_str())])
                    .validate()
                    .unwrap();
                let found = search::run_for(&db, lang, &filter, at, search::Wanted::All)
                    .await
                    .unwrap();
                if !found.hits.iter().any(|h| h.core.id == service.id) {
                    missed.push(format!("{lang:?} {name:?} -> {} hits", found.total));
                }
            }
        }
    }
    assert!(
        missed.is_empty(),
        "{} names missed: {missed:#?}",
        missed.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_municipality_name_finds_it_by_text_and_as_a_place() {
    let db = db().await;
    let all = named(
        &db,
        "SELECT code AS id, name.nl AS nl, name.fr AS fr, name.official AS official FROM municipality",
    )
    .await;
    assert_eq!(all.len(), 258);
    let at = Brussels.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
    let mut missed = vec![];
    for m in &all {
        for name in typed_forms(m) {
            for lang in Lang::ALL {
                let query = MunicipalityQuery {
                    q: name.clone(),
                    ..Default::default()
                };
                let found = municipalities::search(&db, lang, &query.validate().unwrap())
                    .await
                    .unwrap();
                if !found.iter().any(|f| f.code == m.id) {
                    missed.push(format!("list {lang:?} {name:?}"));
                }
                // As the place of a search nearby: that municipality, or one that bears
                // the same name (the most populous then).
                let filter = ServiceQuery::from_pairs([("near", name.as_str())])
                    .validate()
                    .unwrap();
                match search::run_for(&db, lang, &filter, at, search::Wanted::All).await {
                    Ok(found) => {
                        let place = found
                            .near
                            .and_then(|n| n.municipality)
                            .map(|(code, _)| code);
                        let same_name = all.iter().any(|o| {
                            Some(&o.id) == place.as_ref()
                                && typed_forms(o).iter().any(|n| {
                                    app::search_text::folded_name(n)
                                        == app::search_text::folded_name(&name)
                                })
                        });
                        if !same_name {
                            missed.push(format!("near {lang:?} {name:?} -> {place:?}"));
                        }
                    }
                    Err(e) => missed.push(format!("near {lang:?} {name:?} -> {e}")),
                }
            }
        }
    }
    assert!(
        missed.is_empty(),
        "{} names missed: {missed:#?}",
        missed.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hyphens_apostrophes_and_abbreviations_over_http() {
    let router = app(db().await);
    let total = |body: &str| -> u64 {
        let json: serde_json::Value = serde_json::from_str(body).unwrap();
        json["data"].as_array().map(|a| a.len() as u64).unwrap_or(0)
    };
    for q in [
        "Comines-Warneton",
        "comines warneton",
        "Mairie d'Halluin",
        "Mairie d’Halluin",
        "Saint-Amand",
        "St-Amand",
        "Villeneuve-d'Ascq",
        "Villeneuve d’Ascq",
        "Saint-Saulve",
        "St-Ghislain",
        "Saint-Jans-Cappel",
        "Fontaine-l’Evêque",
        "Fontaine-l'Eveque",
    ] {
        let encoded: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
        let (status, _, body) = get(&router, &format!("/api/v1/services?q={encoded}"), &[]).await;
        assert_eq!(status, StatusCode::OK, "{q}");
        assert!(total(&body) > 0, "services q={q}: {body}");
    }
    for q in [
        "Comines-Warneton",
        "comines warneton",
        "Mont-de-l’Enclus",
        "Mont-de-l'Enclus",
        "St-Amand-les-Eaux",
    ] {
        let encoded: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
        let (status, _, body) =
            get(&router, &format!("/api/v1/municipalities?q={encoded}"), &[]).await;
        assert_eq!(status, StatusCode::OK, "{q}");
        assert!(total(&body) > 0, "municipalities q={q}: {body}");
        for page in ["/nl/diensten?near=", "/fr/services?near="] {
            let (status, _, _) = get(&router, &format!("{page}{encoded}"), &[]).await;
            assert_eq!(status, StatusCode::OK, "{page}{q}");
        }
        let (_, _, body) = get(&router, &format!("/nl/gemeenten?q={encoded}"), &[]).await;
        assert!(
            body.contains("data-testid=\"municipality-row\""),
            "/nl/gemeenten?q={q}"
        );
    }
}

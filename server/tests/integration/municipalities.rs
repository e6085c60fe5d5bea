//! The municipalities' directory in the database: lookup by code and by name in either
//! language (accents and case ignored), filters and sorting, neighbours across the border.

use crate::support::test_app::db;
use app::db::Db;
use app::i18n::Lang;
use app::municipalities::{repo, MunicipalityQuery};

/// The codes the directory's search finds, in its order.
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

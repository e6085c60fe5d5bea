//! A change to one service reaches the search without reloading every service, and the
//! result is the same as after a full reload.

use crate::support::fixtures::{exec, find};
use crate::support::test_app::db;
use app::i18n::Lang;
use app::services::snapshot;

async fn changed_rows(db: &app::db::Db) -> usize {
    snapshot::current(db).await.unwrap().1.text.changed_rows()
}

/// What a few searches return: totals and the ids of the first page, in order.
async fn answers(db: &app::db::Db) -> Vec<(usize, Vec<String>)> {
    let mut all = vec![];
    for (lang, pairs) in [
        (Lang::Nl, vec![("q", "gare")]),
        (Lang::Fr, vec![("q", "gemeentehuis")]),
        (Lang::Fr, vec![("q", "mairie halluin")]),
        (Lang::Nl, vec![("q", "blauwvoet")]),
        (Lang::Nl, vec![("q", "justitie")]),
        (Lang::Fr, vec![("category", "town_hall"), ("sort", "name")]),
        (Lang::Nl, vec![("near", "Wervik"), ("radius", "10")]),
        (Lang::Nl, vec![]),
    ] {
        let found = find(db, lang, &pairs).await;
        all.push((
            found.total,
            found.hits.iter().map(|h| h.core.id.clone()).collect(),
        ));
    }
    all
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_changed_service_is_searchable_at_once_without_a_full_reload() {
    let db = db().await;
    let total = find(&db, Lang::Nl, &[]).await.total;
    let halluin = find(&db, Lang::Fr, &[("q", "mairie halluin")]).await.hits[0]
        .core
        .id
        .clone();
    assert_eq!(changed_rows(&db).await, 0);

    // Renamed: found by the new name (with a typo too), not the old one, first by name.
    exec(&db, &format!("UPDATE service:`{halluin}` SET name.fr = '0 Mairie Blauwvoet', name.nl = '0 Stadhuis Blauwvoet'")).await;
    let found = find(&db, Lang::Nl, &[("q", "blauwvoet")]).await;
    assert_eq!(
        found
            .hits
            .iter()
            .map(|h| h.core.id.as_str())
            .collect::<Vec<_>>(),
        [halluin.as_str()]
    );
    assert_eq!(find(&db, Lang::Nl, &[("q", "blauwvoot")]).await.total, 1);
    assert_eq!(changed_rows(&db).await, 1, "the copy was reloaded whole");
    let by_name = find(
        &db,
        Lang::Fr,
        &[("category", "town_hall"), ("sort", "name")],
    )
    .await;
    assert_eq!(by_name.hits[0].core.id, halluin);

    // No longer published: gone from every search; published again: back.
    exec(
        &db,
        &format!("UPDATE service:`{halluin}` SET status = 'draft'"),
    )
    .await;
    assert_eq!(find(&db, Lang::Nl, &[("q", "blauwvoet")]).await.total, 0);
    assert_eq!(find(&db, Lang::Nl, &[]).await.total, total - 1);
    assert!(!snapshot::current(&db).await.unwrap().1.contains(&halluin));
    exec(
        &db,
        &format!("UPDATE service:`{halluin}` SET status = 'published'"),
    )
    .await;
    assert_eq!(find(&db, Lang::Nl, &[("q", "blauwvoet")]).await.total, 1);
    assert_eq!(find(&db, Lang::Nl, &[]).await.total, total);
    assert!(changed_rows(&db).await > 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_applied_one_by_one_give_what_a_full_reload_gives() {
    let db = db().await;
    find(&db, Lang::Nl, &[]).await;
    let stations = find(&db, Lang::Nl, &[("q", "gare"), ("country", "BE")]).await;
    let (first, second) = (&stations.hits[0].core.id, &stations.hits[1].core.id);
    // Several writes between two searches: a rename, a deletion (another row takes the
    // deleted row's place), a new service and a move across the border.
    exec(
        &db,
        &format!("UPDATE service:`{first}` SET name.nl = 'Station Blauwvoet'"),
    )
    .await;
    exec(&db, &format!("DELETE service:`{second}`")).await;
    exec(
        &db,
        "CREATE service:blauwvoet SET name = { nl: 'Justitiehuis Blauwvoet', fr: 'Maison de justice Blauwvoet' },
            category = 'house_of_justice', country = 'BE', municipality = municipality:`33029`,
            lat = 50.78, lon = 3.04, languages = ['nl'], source = 'test', licence = 'CC0-1.0'",
    )
    .await;
    let incremental = answers(&db).await;
    assert!(
        changed_rows(&db).await >= 3,
        "the changes were not applied one by one"
    );

    // A category edit is not a service's change: the next search reloads everything.
    exec(
        &db,
        "UPDATE category:town_hall SET synonyms.nl += 'raadhuisje'",
    )
    .await;
    let full = answers(&db).await;
    assert_eq!(changed_rows(&db).await, 0);
    assert_eq!(incremental, full);
    assert_eq!(incremental[3].0, 2, "Station and Justitiehuis Blauwvoet");
}

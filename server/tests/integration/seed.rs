//! The database's migrations and the bundled data's seed: applied once, idempotent, one
//! transaction, and a half-seeded database repaired at the next start.

use crate::support::test_app::db;
use app::db::{migrate, Db};
use app::municipalities::repo;
use app::seed::seed;

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

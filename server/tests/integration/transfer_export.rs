//! The export → import round trip: every file of the export reads back into an empty
//! database, which then holds the same services (those the rules refuse named).

use crate::support::test_app::db;
use crate::support::transfer::{quiet, HEADER, NEW};
use app::db::Db;
use app::services::edit::StaffService;
use app::transfer::export::export_all;
use app::transfer::import::run;
use app::transfer::parse::Format;

fn strip(mut services: Vec<StaffService>) -> Vec<StaffService> {
    for s in &mut services {
        s.revision = 0;
        s.updated_at = None;
    }
    services.sort_by(|a, b| a.id.cmp(&b.id));
    services
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_then_import_into_an_empty_database_reproduces_the_services() {
    let db = db().await;
    // Staff work first: a draft, an archived service, a verified one.
    let extra = format!(
        "{HEADER},languages\n{NEW},nl|fr\n,draft,FR,culture,Médiathèque,,,,59350,,,,,,,,staff,fr\n"
    );
    let extra = extra.replacen(",published,", ",archived,", 1);
    let report = run(&db, Format::Csv, extra.as_bytes(), "t", true, &mut quiet())
        .await
        .unwrap();
    assert!(report.errors.is_empty(), "{report:?}");
    db.query("UPDATE service SET assured_date = d'2026-01-31T00:00:00Z' WHERE record::id(municipality) = '59350'")
        .await
        .unwrap()
        .check()
        .unwrap();
    let bundle = export_all(&db).await.unwrap();
    assert_eq!(bundle.services.len(), 415);
    assert!(bundle
        .services
        .iter()
        .any(|s| s.status == app::workflow::Publication::Archived));
    assert!(bundle.municipalities.len() == 258 && !bundle.clusters.is_empty());
    assert!(!bundle.projects.is_empty() && !bundle.events.is_empty());
    assert_eq!(bundle.practices.len(), 3);
    assert!(bundle.practices.iter().all(|p| p["source"].is_string()));
    let (_, practices) = bundle.file("practices.json").unwrap();
    assert!(String::from_utf8(practices)
        .unwrap()
        .contains("ecolife-klimaatclusters"));
    let (_, services_json) = bundle.file("services.json").unwrap();

    // An empty inventory: the reference data only (municipalities, taxonomy). A new
    // record passes the rules a stored one does: one that is published without both
    // languages' name and description (open data often has one) is refused, its
    // missing fields named, and then nothing is written.
    let empty = db_without_services().await;
    let partial = |s: &app::services::edit::StaffService| {
        s.status == app::workflow::Publication::Published && !s.complete()
    };
    let refused = bundle.services.iter().filter(|s| partial(s)).count();
    assert!(refused > 0);
    let report = run(
        &empty,
        Format::Json,
        &services_json,
        "restore",
        true,
        &mut quiet(),
    )
    .await
    .unwrap();
    assert_eq!(report.errors.len(), refused);
    assert!(report.errors.iter().all(|e| e
        .fields
        .iter()
        .all(|f| f.starts_with("name_") || f.starts_with("description_"))));
    assert_eq!(export_all(&empty).await.unwrap().services.len(), 0);
    // The others are reproduced exactly.
    let complete: Vec<_> = bundle
        .services
        .iter()
        .filter(|s| !partial(s))
        .cloned()
        .collect();
    let json = serde_json::to_vec(&complete).unwrap();
    let report = run(&empty, Format::Json, &json, "restore", true, &mut quiet())
        .await
        .unwrap();
    assert!(
        report.errors.is_empty(),
        "{:?}",
        &report.errors[..report.errors.len().min(5)]
    );
    assert_eq!(report.create, 415 - refused);
    let restored = export_all(&empty).await.unwrap();
    let (before, after) = (strip(complete), strip(restored.services));
    for (a, b) in before.iter().zip(&after) {
        assert_eq!(a, b);
    }
    assert_eq!(before, after);
    // The CSV export reads back too: every row is unchanged.
    let (_, csv) = bundle_csv(&empty).await;
    let report = run(&empty, Format::Csv, &csv, "t", false, &mut quiet())
        .await
        .unwrap();
    assert_eq!(
        (report.unchanged, report.errors.len()),
        (415 - refused, 0),
        "{report:?}"
    );
}

async fn db_without_services() -> Db {
    let db = db().await;
    db.query("DELETE service; DELETE audit;")
        .await
        .unwrap()
        .check()
        .unwrap();
    db
}

async fn bundle_csv(db: &Db) -> (&'static str, Vec<u8>) {
    export_all(db).await.unwrap().file("services.csv").unwrap()
}

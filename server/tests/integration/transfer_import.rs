//! Importing a services file: the dry run's report (counts, errors by line) changes
//! nothing, a file with one bad line writes nothing, a good one commits with its audit
//! entries and reaches the public search.

use crate::support::fixtures::find;
use crate::support::test_app::db;
use crate::support::transfer::{mixed_file, quiet, totals};
use app::i18n::Lang;
use app::services::edit::repo;
use app::transfer::import::run;
use app::transfer::parse::Format;
use app::transfer::ImportError;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dry_run_reports_counts_and_errors_by_line_and_changes_nothing() {
    let db = db().await;
    let file = mixed_file(&db).await;
    let before = totals(&db).await;
    let report = run(&db, Format::Csv, file.as_bytes(), "t", false, &mut quiet())
        .await
        .unwrap();
    assert_eq!(
        (report.create, report.update, report.unchanged),
        (1, 1, 1),
        "{report:?}"
    );
    assert_eq!(
        report.errors,
        [
            ImportError {
                line: 5,
                fields: vec!["municipality".into(), "phone".into()]
            },
            ImportError {
                line: 6,
                fields: vec!["email".into()]
            },
        ]
    );
    assert_eq!(report.rows(), 5);
    assert_eq!(totals(&db).await, before, "a dry run writes nothing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_with_one_bad_line_changes_nothing() {
    let db = db().await;
    let good = mixed_file(&db).await;
    let lines: Vec<&str> = good.lines().take(4).collect();
    let file = format!(
        "{}\n,,BE,culture,,Bib,,,33011,,,,,,ftp://x,,test\n",
        lines.join("\n")
    );
    let before = totals(&db).await;
    let report = run(&db, Format::Csv, file.as_bytes(), "t", true, &mut quiet())
        .await
        .unwrap();
    assert_eq!(
        report.errors,
        [ImportError {
            line: 5,
            fields: vec!["website".into()]
        }]
    );
    assert_eq!(totals(&db).await, before, "nothing written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_good_file_commits_with_audit_entries_and_reaches_the_public_search() {
    let db = db().await;
    let good = mixed_file(&db).await;
    let file: Vec<&str> = good.lines().take(4).collect();
    let (services, audits, _) = totals(&db).await;
    let report = run(
        &db,
        Format::Csv,
        file.join("\n").as_bytes(),
        "admin@x.test",
        true,
        &mut quiet(),
    )
    .await
    .unwrap();
    assert_eq!((report.create, report.update, report.unchanged), (1, 1, 1));
    assert!(report.errors.is_empty());
    let (services_after, audits_after, _) = totals(&db).await;
    assert_eq!((services_after, audits_after), (services + 1, audits + 2));
    let imported = repo::load(&db, "grensbibliotheek-ieper")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(imported.status, app::workflow::Publication::Published);
    assert_eq!((imported.lat, imported.lon), (Some(50.851234), Some(2.885)));
    assert_eq!(
        imported.opening_hours.as_deref(),
        Some("Mo-Fr 09:00-17:00; PH off")
    );
    let history = app::workflow::store::history(&db, "service:grensbibliotheek-ieper")
        .await
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].action.as_str(), history[0].actor.as_str()),
        ("import", "admin@x.test")
    );
    assert!(history[0].changes.iter().any(|c| c.field == "name.nl"));
    let mut r = db
        .query("SELECT VALUE changes.field FROM audit WHERE action = 'import' AND target != 'service:grensbibliotheek-ieper'")
        .await
        .unwrap();
    let updated: Vec<Vec<String>> = r.take(0).unwrap();
    assert_eq!(updated, [vec!["phone".to_owned()]]);
    let found = find(&db, Lang::Nl, &[("q", "grensbibliotheek")]).await;
    assert!(
        found
            .hits
            .iter()
            .any(|h| h.core.id == "grensbibliotheek-ieper"),
        "published import is searchable"
    );
    // The same file again changes nothing.
    let again = run(
        &db,
        Format::Csv,
        file.join("\n").as_bytes(),
        "admin@x.test",
        true,
        &mut quiet(),
    )
    .await
    .unwrap();
    assert_eq!((again.create, again.update, again.unchanged), (0, 0, 3));
}

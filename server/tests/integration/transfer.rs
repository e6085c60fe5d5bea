//! Import and export: the dry run's report (counts, errors by line) changes nothing, a
//! file with one bad line writes nothing, a good one commits with its audit entries and
//! reaches the public search, the upload page's flow, the export → import round trip
//! into an empty database, and who may do any of it.

use super::services::find;
use super::staff_support::*;
use super::{db, get};
use app::db::Db;
use app::i18n::Lang;
use app::services::edit::{repo, StaffService};
use app::transfer::export::{export_all, services_csv};
use app::transfer::import::{run, Progress};
use app::transfer::parse::Format;
use app::transfer::{ImportCommit, ImportError, ImportPreview, ImportUpload, EXPORT_FILES};
use axum::body::Body;
use axum::http::{header, HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

const HEADER: &str = "id,status,country,category,name_fr,name_nl,description_nl,description_fr,municipality_code,address,lat,lon,phone,email,website,opening_hours,source";
/// A new published service in Ieper, complete in both languages.
const NEW: &str = "grensbibliotheek-ieper,published,BE,culture,Bibliothèque frontalière,Grensbibliotheek Ieper,Boeken lenen over de grens heen,Emprunter des livres par-delà la frontière,33011,Grote Markt 1,50.851234,2.885,,,,Mo-Fr 09:00-17:00; PH off,test";

async fn count(db: &Db, sql: &str) -> i64 {
    let mut r = db.query(sql).await.unwrap();
    r.take::<Option<i64>>(0).unwrap().unwrap_or(0)
}

async fn totals(db: &Db) -> (i64, i64, i64) {
    (
        count(db, "RETURN count(SELECT VALUE id FROM service)").await,
        count(db, "RETURN count(SELECT VALUE id FROM audit)").await,
        count(
            db,
            "RETURN math::sum(SELECT VALUE revision ?? 0 FROM service)",
        )
        .await,
    )
}

/// An existing service's row as the export writes it, with `edit` applied.
async fn exported_row(db: &Db, code: &str, edit: impl Fn(&mut StaffService)) -> String {
    let id = service_in(db, code).await;
    let mut service = repo::load(db, &id).await.unwrap().unwrap();
    edit(&mut service);
    let csv = String::from_utf8(services_csv(&[service]).unwrap()).unwrap();
    let mut lines = csv.splitn(2, '\n');
    let header = lines.next().unwrap();
    // The export has a few more columns than this file's header: keep this file's.
    let columns: Vec<&str> = header.split(',').collect();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let record = reader.records().next().unwrap().unwrap();
    let mut writer = csv::Writer::from_writer(vec![]);
    let wanted: Vec<&str> = HEADER
        .split(',')
        .map(|c| &record[columns.iter().position(|h| h == &c).unwrap()])
        .collect();
    writer.write_record(wanted).unwrap();
    String::from_utf8(writer.into_inner().unwrap())
        .unwrap()
        .trim_end()
        .to_owned()
}

/// Header (line 1), a new service (2), an update (3), an unchanged row (4), two bad rows
/// (5; 6-7 with a quoted line break).
async fn mixed_file(db: &Db) -> String {
    let update = exported_row(db, "33011", |s| {
        s.phones = vec!["+32 57 00 00 00".into(), "+32 57 00 00 01".into()]
    })
    .await;
    let unchanged = exported_row(db, "59350", |_| {}).await;
    [
        HEADER.to_owned(),
        NEW.to_owned(),
        update,
        unchanged,
        ",draft,BE,culture,,Nergensbibliotheek,,,99999,,,,call us,,,,test".to_owned(),
        ",,BE,culture,,Bib,,,33011,\"Markt 1,\nIeper\",,,,not-an-email,,,test".to_owned(),
    ]
    .join("\n")
}

fn quiet() -> impl FnMut(Progress) + Send {
    |_| {}
}

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

// ---- Over HTTP: the page's flow and who may use it ----------------------------------

/// A multipart form post with a file, as a browser sends it.
async fn upload(
    router: &axum::Router,
    cookie: &str,
    fields: &[(&str, &str)],
    file_name: &str,
    content: &[u8],
) -> (StatusCode, HeaderMap, String) {
    let boundary = "----grensdiensten-test-boundary";
    let mut body = vec![];
    for (name, value) in fields {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend(content);
    body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post(path::<ImportUpload>())
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

fn token_of(location: &str) -> String {
    location
        .split("import=")
        .nth(1)
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_checks_an_upload_then_commits_it() {
    let (db, router) = staff_app().await;
    let cookie = signed_in(&router, ADMIN).await;
    let token = csrf(&router, &cookie).await;
    let file = mixed_file(&db).await;
    let good: Vec<&str> = file.lines().take(4).collect();
    // Larger than a form's 64 KB: unchanged rows repeated under new ids would be
    // creates, so pad with blank lines, which the reader skips.
    let content = format!("{}\n{}", good.join("\n"), "\n".repeat(100_000));
    let form = [("lang", "fr"), ("csrf", token.as_str())];
    let (status, headers, body) =
        upload(&router, &cookie, &form, "services.csv", content.as_bytes()).await;
    assert_eq!(status, StatusCode::FOUND, "{body}");
    let to = location(&headers);
    assert!(to.starts_with("/fr/gestion/donnees?import="), "{to}");
    let before = totals(&db).await;
    let (status, _, page) = get(&router, &to, &[(header::COOKIE, &cookie)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Nouveaux : 1. Mis à jour : 1. Inchangés : 1."),
        "{page}"
    );
    assert!(page.contains("Importer 2 services"), "{page}");
    assert_eq!(totals(&db).await, before, "the check writes nothing");

    let commit = encode(&[("lang", "fr"), ("csrf", &token), ("token", &token_of(&to))]);
    let html = [("cookie", cookie.as_str()), ("accept", "text/html")];
    let (status, headers, _) = post(&router, path::<ImportCommit>(), &commit, &html).await;
    assert_eq!(
        (status, location(&headers)),
        (StatusCode::FOUND, to.clone())
    );
    assert_eq!(totals(&db).await.0, before.0 + 1);
    let (_, _, page) = get(&router, &to, &[(header::COOKIE, &cookie)]).await;
    assert!(
        page.contains("L&#x27;import est enregistré.") || page.contains("L'import est enregistré."),
        "{page}"
    );
    assert!(!page.contains("data-testid=\"import-commit\""));
    // The same form posted twice writes once.
    let (_, headers, _) = post(&router, path::<ImportCommit>(), &commit, &html).await;
    assert_eq!(location(&headers), "/fr/gestion/donnees");
    assert_eq!(totals(&db).await.0, before.0 + 1);

    // A file with errors: the report names the lines, and no commit is offered.
    let (_, headers, _) = upload(&router, &cookie, &form, "x.csv", file.as_bytes()).await;
    let (_, _, page) = get(&router, &location(&headers), &[(header::COOKIE, &cookie)]).await;
    assert_eq!(
        page.matches("data-testid=\"import-error\"").count(),
        2,
        "{page}"
    );
    assert!(
        page.contains("Indiquez 5 numéros de téléphone au plus"),
        "{page}"
    );
    assert!(!page.contains("data-testid=\"import-commit\""));
    // Neither a file of another kind nor no file at all is read.
    let (_, headers, _) = upload(&router, &cookie, &form, "x.xlsx", b"PK").await;
    assert_eq!(location(&headers), "/fr/gestion/donnees");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_import_and_export() {
    let (db, router) = staff_app().await;
    let file = mixed_file(&db).await;
    let good: Vec<&str> = file.lines().take(3).collect();
    let good = good.join("\n");
    let admin = signed_in(&router, ADMIN).await;
    let admin_csrf = csrf(&router, &admin).await;
    let (_, headers, _) = upload(
        &router,
        &admin,
        &[("csrf", &admin_csrf)],
        "a.csv",
        good.as_bytes(),
    )
    .await;
    let admin_token = token_of(&location(&headers));
    assert!(!admin_token.is_empty());

    let mut sessions = vec![("anonymous", String::new(), String::new())];
    for (who, email) in [("editor", IEPER), ("admin", ADMIN)] {
        let cookie = signed_in(&router, email).await;
        let token = csrf(&router, &cookie).await;
        sessions.push((who, cookie, token));
    }
    for (i, (who, cookie, token)) in sessions.iter().enumerate() {
        let expect = |ok: StatusCode| [StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN, ok][i];
        let headers = [("cookie", cookie.as_str())];
        let (status, _, body) = post(
            &router,
            path::<ImportPreview>(),
            &encode(&[("token", &admin_token)]),
            &headers,
        )
        .await;
        assert_eq!(status, expect(StatusCode::OK), "preview: {who} {body}");
        let (status, _, body) = upload(
            &router,
            cookie,
            &[("csrf", token)],
            "b.csv",
            good.as_bytes(),
        )
        .await;
        assert_eq!(status, expect(StatusCode::FOUND), "upload: {who} {body}");
        let commit = encode(&[("lang", "nl"), ("csrf", token), ("token", &admin_token)]);
        let (status, _, body) = post(&router, path::<ImportCommit>(), &commit, &headers).await;
        assert_eq!(status, expect(StatusCode::FOUND), "commit: {who} {body}");
        for name in EXPORT_FILES {
            let uri = format!("{}{name}", app::transfer::EXPORT_PATH);
            let (status, response, body) = get(&router, &uri, &[(header::COOKIE, cookie)]).await;
            assert_eq!(status, expect(StatusCode::OK), "{name}: {who}");
            if status == StatusCode::OK {
                assert_eq!(response.get(header::CACHE_CONTROL).unwrap(), "no-store");
                if name.ends_with("json") {
                    serde_json::from_str::<serde_json::Value>(&body).expect("valid JSON");
                }
            }
        }
        let (status, _, page) =
            get(&router, "/nl/beheer/gegevens", &[(header::COOKIE, cookie)]).await;
        let page_status = [StatusCode::FOUND, StatusCode::FORBIDDEN, StatusCode::OK][i];
        assert_eq!(status, page_status, "page: {who}");
        if i == 1 {
            assert!(page.contains("Uw account mag dit niet doen."), "{page}");
        }
    }
    // An unknown file is 404.
    let (status, _, _) = get(
        &router,
        "/api/v1/staff/export/secrets.json",
        &[(header::COOKIE, &admin)],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A form token from another session is refused.
    let (status, _, _) = upload(
        &router,
        &admin,
        &[("csrf", "forged")],
        "c.csv",
        good.as_bytes(),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// Two app servers on one database: an upload checked on one is committed on the
/// other (the pending upload lives in the database, not in a process).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dry_run_on_one_app_server_commits_on_another() {
    let (db, first) = staff_app().await;
    let second = super::app(db.clone());
    let cookie = signed_in(&first, ADMIN).await;
    let token = csrf(&first, &cookie).await;
    let content = format!("{HEADER}\n{NEW}\n");
    let form = [("lang", "nl"), ("csrf", token.as_str())];
    let (status, headers, _) =
        upload(&first, &cookie, &form, "services.csv", content.as_bytes()).await;
    assert_eq!(status, StatusCode::FOUND);
    let to = location(&headers);
    let (status, _, page) = get(&second, &to, &[(header::COOKIE, &cookie)]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-testid=\"import-commit\""), "{page}");
    let before = totals(&db).await.0;
    let commit = encode(&[("lang", "nl"), ("csrf", &token), ("token", &token_of(&to))]);
    let html = [("cookie", cookie.as_str()), ("accept", "text/html")];
    let (status, headers, _) = post(&second, path::<ImportCommit>(), &commit, &html).await;
    assert_eq!(
        (status, location(&headers)),
        (StatusCode::FOUND, to.clone())
    );
    assert_eq!(totals(&db).await.0, before + 1);
    // Posted again on the first: the file was taken once, nothing more is written.
    let (_, headers, _) = post(&first, path::<ImportCommit>(), &commit, &html).await;
    assert_eq!(location(&headers), "/nl/beheer/gegevens");
    assert_eq!(totals(&db).await.0, before + 1);
    // Another account's token finds nothing.
    let other = signed_in(&first, IEPER).await;
    let (status, _, _) = get(&second, &to, &[(header::COOKIE, &other)]).await;
    assert_ne!(status, StatusCode::OK);
}

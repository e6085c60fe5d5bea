//! What a backup holds: nothing that opens an account or a person's registration or
//! idea (letters drop their bodies once sent; personal links are random, the database
//! keeps their hashes only), and the file is readable by the server's user only.

use crate::support::fixtures::{form, open_meeting, registered};
use crate::support::http::{encode, get, location, path, post};
use crate::support::mail::{link_path, queued_letters, SmtpSink};
use crate::support::staff::{staff_app, ADMIN};
use crate::support::test_app::{mail_router, BASE};
use axum::http::StatusCode;
use chrono::Utc;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_holds_no_usable_link_and_only_its_owner_reads_it() {
    let (db, _) = staff_app().await;
    let router = mail_router(db.clone());
    let now = Utc::now();
    open_meeting(&db, now).await;
    let sink = SmtpSink::start();

    // A registration, and a reset of the admin's password: both links are mailed.
    let registration = registered(
        &router,
        &db,
        &sink,
        &form("nl", "Ann Peeters", "ann@example.be", "mayor"),
    )
    .await;
    let (_, headers, _) = post(
        &router,
        path::<app::auth::RequestPasswordReset>(),
        &encode(&[("lang", "nl"), ("email", ADMIN)]),
        &[("accept", "text/html")],
    )
    .await;
    assert!(location(&headers).ends_with("?sent=1"));
    queued_letters(&db, 1).await;
    app::mail::outbox::deliver_due(&db, &sink.mailer(), Utc::now())
        .await
        .expect("the reset letter is delivered");
    let reset = sink
        .received()
        .into_iter()
        .find(|l| l.to == ADMIN)
        .expect("the reset letter");
    let reset_page = link_path(&reset.text);
    let reset_token = reset_page.rsplit('/').next().unwrap().to_owned();
    let registration_token = registration.rsplit('/').next().unwrap().to_owned();

    // Sent letters keep no body.
    let mut r = db
        .query("SELECT VALUE [text, html] FROM mail WHERE status = 'sent'")
        .await
        .expect("the letters are read");
    let bodies: Vec<Vec<Option<String>>> = r.take(0).expect("the letters' bodies");
    assert_eq!(bodies.len(), 2);
    assert!(bodies.iter().flatten().all(Option::is_none), "{bodies:?}");

    let dir = std::env::temp_dir().join(format!("backup-test-{}", rand_suffix()));
    let file = dir.join("backup.surql");
    let backup = server::backup::to_file(&db, &file).await;
    let on_server = std::env::var_os("TEST_DATABASE_URL").is_some();
    let text = if on_server {
        // A SurrealDB server is backed up by its own `surreal export`, which the app
        // says; what such a backup holds is every record of every table.
        let error = backup.expect_err("no app backup of a server").to_string();
        assert!(error.contains("surreal export"), "{error}");
        every_record(&db).await
    } else {
        backup.unwrap_or_else(|e| panic!("the backup to {}: {e:#}", file.display()));
        std::fs::read_to_string(&file).expect("the backup reads as text")
    };
    assert!(text.contains("password_reset"), "the backup is whole");
    for secret in [&reset_token, &registration_token] {
        assert!(!text.contains(secret.as_str()), "a link in the backup");
    }
    // Nothing to derive a link from: no nonces; a link's stored key is its hash.
    assert!(!text.contains("nonce"));
    assert!(text.contains(&app::kernel::personal_link::key(&registration_token)));
    #[cfg(unix)]
    if !on_server {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file)
            .expect("the backup")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
        let private = dir.join(".backup-in-progress");
        let mode = std::fs::metadata(&private)
            .expect("the private directory")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o700, "{mode:o}");
    }
    // The links themselves still work for their owners.
    let (status, _, _) = get(&router, &registration, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = get(&router, &reset_page, &[]).await;
    assert_eq!(status, StatusCode::OK);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(reset.text.contains(BASE));
}

/// Every record of every table, as text: what a server's own export holds.
async fn every_record(db: &app::db::Db) -> String {
    let mut r = db.query("INFO FOR DB").await.unwrap();
    let info: Option<serde_json::Value> = r.take(0).unwrap();
    let tables: Vec<String> = info.unwrap()["tables"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let mut text = String::new();
    for table in tables {
        let mut r = db
            .query("SELECT * FROM type::table($t)")
            .bind(("t", table.clone()))
            .await
            .unwrap();
        let rows: Vec<serde_json::Value> = r.take(0).unwrap();
        text.push_str(&format!("{table}: {}\n", serde_json::Value::Array(rows)));
    }
    text
}

fn rand_suffix() -> String {
    format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_made_before_keep_working_and_lose_what_derived_them() {
    // A database as issue 23 left it: a registration whose token was derived from a
    // nonce kept with it. Migration 0017 keeps its link working and drops the nonce.
    let db = migrated_before(17).await;
    let old_token = "an-old-derived-token-0123456789abcdef";
    db.query(
        "CREATE event:old CONTENT { title: { nl: 'Overleg', fr: 'Concertation' },
            summary: { nl: 'x', fr: 'x' }, kind: 'consultation',
            audience: { nl: 'x', fr: 'x' }, agenda: [], source: 'test' };
        CREATE registration:old CONTENT { event: event:old, token: $hash, nonce: 'n0nce',
            lang: 'nl', standing: 'confirmed', consent_at: time::now(), name: 'Ann',
            email: 'ann@example.be' };",
    )
    .bind(("hash", app::kernel::personal_link::key(old_token)))
    .await
    .unwrap()
    .check()
    .unwrap();
    assert_eq!(app::db::migrate(&db).await.unwrap(), vec![17, 18, 19]);
    let found = app::kernel::personal_link::target(
        &db,
        app::kernel::personal_link::Purpose::Registration,
        old_token,
    )
    .await
    .unwrap();
    assert_eq!(found.as_deref(), Some("old"));
    let mut r = db.query("SELECT * FROM registration:old").await.unwrap();
    let rows: Vec<serde_json::Value> = r.take(0).unwrap();
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].get("nonce").is_none_or(|v| v.is_null()),
        "{}",
        rows[0]
    );
    assert!(
        rows[0].get("token").is_none_or(|v| v.is_null()),
        "{}",
        rows[0]
    );
    assert_eq!(rows[0]["name"], "Ann", "the registration itself stays");
}

/// A database with the migrations before `version` only, as an older build left it.
async fn migrated_before(version: i64) -> app::db::Db {
    let db = app::db::connect(&app::db::DbConfig::memory())
        .await
        .unwrap();
    for migration in app::db::MIGRATIONS.iter().filter(|m| m.version < version) {
        db.query(format!(
            "BEGIN TRANSACTION; {}; CREATE type::record('migration', $v) SET version = $v,
                name = $n, applied_at = time::now(); COMMIT TRANSACTION;",
            migration.sql
        ))
        .bind(("v", migration.version))
        .bind(("n", migration.name))
        .await
        .unwrap()
        .check()
        .unwrap();
    }
    db
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_followed_before_keeps_its_link_as_a_personal_link() {
    // A report sent before migration 0018 kept its follow token's hash with it; the link
    // the resident holds keeps working, and the report keeps no token.
    let db = migrated_before(18).await;
    let token = "an-old-follow-token-0123456789abcdef-xyz";
    db.query(
        "CREATE report:old CONTENT { kind: 'missing', message: 'Er ontbreekt een apotheek.',
            email: 'ann@example.be', lang: 'nl', follow_token: $hash };
         CREATE report:quiet CONTENT { kind: 'missing', message: 'Zonder adres gestuurd.',
            lang: 'nl' };",
    )
    .bind(("hash", app::kernel::personal_link::key(token)))
    .await
    .unwrap()
    .check()
    .unwrap();
    assert_eq!(app::db::migrate(&db).await.unwrap(), vec![18, 19]);
    let report = app::reports::repo::follow(&db, token).await.unwrap();
    assert_eq!(report.message, "Er ontbreekt een apotheek.");
    let mut r = db
        .query("SELECT * FROM report WHERE follow_token != NONE")
        .await
        .unwrap();
    let left: Vec<serde_json::Value> = r.take(0).unwrap();
    assert!(left.is_empty(), "{left:?}");
    // A token of another purpose, or a made-up one, opens nothing.
    assert!(matches!(
        app::kernel::personal_link::open(&db, app::kernel::personal_link::Purpose::Idea, token)
            .await,
        Err(app::error::AppError::NotFound)
    ));
    assert!(matches!(
        app::reports::repo::follow(&db, "an-unknown-token-0123456789abcdef-abc").await,
        Err(app::error::AppError::NotFound)
    ));
}

//! Two app servers on one SurrealDB server: sessions, edits, rate limits and imports are
//! shared, and SurrealDB's own export and import back the database server up.

use crate::support::client::{
    client, create_service, import_across, import_id, send_report, sign_in_admin, IMPORT_ROWS,
};
use crate::support::server::{
    add_admin, run_command_with, DbServer, Scratch, Server, DB_PASS, DB_USER,
};
use crate::support::store::{everything, with_runtime};
use app::db::DbConfig;
use reqwest::StatusCode;
use std::process::Command;
use std::time::{Duration, Instant};

#[test]
#[ignore = "needs SURREAL_BIN; the test command runs it"]
fn two_app_servers_on_one_database_server_share_everything() {
    let scratch = Scratch::new("ws");
    let database = DbServer::start(&scratch.0);
    let credentials = database.env();
    add_admin(&database.url, &scratch.0, &credentials);
    let mut env = credentials.to_vec();
    env.push(("REPORT_RATE_LIMIT", "4"));
    let a = Server::start(&database.url, &scratch.0, &env);
    let b = Server::start(&database.url, &scratch.0, &env);
    let client = client();

    // A staff session made on one works on the other.
    let staff = sign_in_admin(&client, &a.base).expect("signed in on A");
    let on_b = client
        .get(format!("{}/nl/beheer", b.base))
        .header("cookie", &staff.0)
        .send()
        .unwrap();
    assert_eq!(on_b.status(), StatusCode::OK);
    assert!(
        on_b.text().unwrap().contains(&staff.1),
        "the same session on B"
    );

    // An edit published on one is found by the search on the other within a second.
    let id = create_service(&client, &a.base, &staff, "ws").expect("published on A");
    let published = Instant::now();
    let found = loop {
        let results: serde_json::Value = client
            .get(format!(
                "{}/api/v1/services?q=crashtest&per_page=100",
                b.base
            ))
            .send()
            .unwrap()
            .json()
            .unwrap();
        let found = results["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == id.as_str());
        if found || published.elapsed() > Duration::from_secs(5) {
            break published.elapsed();
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    eprintln!("published on A, found on B after {found:?}");
    assert!(
        found <= Duration::from_secs(1),
        "found on B only after {found:?}"
    );

    // The rate limit counts both: four reports per address, wherever they arrive.
    for (n, server) in [&a, &b, &a, &b].iter().enumerate() {
        assert!(send_report(
            &client,
            &server.base,
            &format!("Melding {n} over twee servers.")
        ));
    }
    assert!(!send_report(&client, &a.base, "De vijfde melding via A."));
    assert!(!send_report(&client, &b.base, "De vijfde melding via B."));

    // A dry run on one commits on the other.
    assert!(import_across(&client, &a.base, &b.base, &staff, 7));
    let on_a: serde_json::Value = client
        .get(format!("{}/api/v1/services/{}", a.base, import_id(7, 0)))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(on_a["id"], import_id(7, 0));

    // The documented backup of a database server: SurrealDB's own `surreal export`
    // while the app servers run, loaded by `surreal import` into an empty database on
    // the same server, brought up to date by `server migrate`: the same records, users,
    // sessions, reports and audit included.
    let file = scratch.0.join("server-backup.surql");
    let surreal = |command: &str, db: &str| {
        let out = Command::new(std::env::var_os("SURREAL_BIN").unwrap())
            .args([
                command,
                "--endpoint",
                &database.url.replace("ws://", "http://"),
            ])
            .args([
                "--user",
                DB_USER,
                "--pass",
                DB_PASS,
                "--ns",
                "grensdiensten",
                "--db",
                db,
            ])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{command}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    surreal("export", "main");
    surreal("import", "restored");
    let mut restore_env = credentials.to_vec();
    restore_env.push(("DATABASE_DB", "restored"));
    let out = run_command_with(&database.url, &scratch.0, &restore_env, &["migrate"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // `server restore` says what to do instead.
    restore_env.push(("DATABASE_DB", "other"));
    let out = run_command_with(
        &database.url,
        &scratch.0,
        &restore_env,
        &["restore", file.to_str().unwrap()],
        "",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("surreal import"));
    let tables = |name: &'static str| {
        let url = database.url.clone();
        with_runtime(async move {
            let db = app::db::connect(&DbConfig {
                url,
                namespace: "grensdiensten".into(),
                database: name.into(),
                user: Some(DB_USER.into()),
                pass: Some(DB_PASS.into()),
            })
            .await
            .unwrap();
            everything(&db).await
        })
    };
    let (original, restored) = (tables("main"), tables("restored"));
    let rows = |all: &[(String, Vec<String>)], name: &str| {
        all.iter()
            .find(|(t, _)| t == name)
            .map_or(0, |(_, rows)| rows.len())
    };
    assert_eq!(rows(&restored, "report"), 4);
    assert!(rows(&restored, "session") >= 1);
    assert!(rows(&restored, "audit") > IMPORT_ROWS);
    assert_eq!(restored, original);
}

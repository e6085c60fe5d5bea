//! The online backup: written on SIGUSR1 while the server serves, restored into an empty
//! database with the same data, and never mixed into one that is not empty.

use crate::support::client::{
    client, create_service, import, send_report, sign_in_admin, IMPORT_ROWS,
};
use crate::support::server::{add_admin, run_command, Scratch, Server};
use crate::support::store::{everything, with_db};
use app::db::Db;
use reqwest::StatusCode;
use std::time::{Duration, Instant};

#[test]
#[ignore = "starts the server binary; the test command runs it on the release build"]
fn an_online_backup_restores_into_an_empty_database_with_the_same_data() {
    let scratch = Scratch::new("backup");
    let url = scratch.db_url();
    add_admin(&url, &scratch.0, &[]);
    let mut server = Server::start(&url, &scratch.0, &[]);
    let client = client();
    // Writes of every kind: reports, a staff edit (with its audit entry), an import.
    for n in 0..5 {
        assert!(send_report(
            &client,
            &server.base,
            &format!("Reservekopie melding {n}: de bibliotheek ontbreekt.")
        ));
    }
    let staff = sign_in_admin(&client, &server.base).expect("signed in");
    assert!(create_service(&client, &server.base, &staff, "backup").is_some());
    assert!(import(&client, &server.base, &staff, 0));

    // While it serves: the server writes the backup on SIGUSR1.
    server.signal("USR1");
    let backups = scratch.0.join("backups");
    let start = Instant::now();
    let file = loop {
        let found = std::fs::read_dir(&backups).ok().and_then(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|e| e == "surql"))
        });
        if let Some(file) = found {
            break file;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no backup written"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    // It still serves.
    let ready = client
        .get(format!("{}/readyz", server.base))
        .send()
        .unwrap();
    assert_eq!(ready.status(), StatusCode::OK);
    server.signal("TERM");
    assert!(server.wait_exit(Duration::from_secs(30)).success());

    // Restored into a new directory: the same records, users, reports and audit
    // included.
    let restored_url = format!("surrealkv://{}", scratch.0.join("restored").display());
    let out = run_command(
        &restored_url,
        &scratch.0,
        &["restore", file.to_str().unwrap()],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let original = with_db(&url, async |db: &Db| everything(db).await);
    let restored = with_db(&restored_url, async |db: &Db| everything(db).await);
    let table = |all: &[(String, Vec<String>)], name: &str| {
        all.iter()
            .find(|(t, _)| t == name)
            .map_or(0, |(_, rows)| rows.len())
    };
    assert_eq!(table(&restored, "report"), 5);
    assert_eq!(table(&restored, "user"), 1);
    assert!(table(&restored, "audit") > IMPORT_ROWS);
    assert_eq!(restored, original);
    // A restore never mixes two states.
    let again = run_command(
        &restored_url,
        &scratch.0,
        &["restore", file.to_str().unwrap()],
        "",
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("not empty"));
}

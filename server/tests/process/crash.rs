//! The crash test: the server killed (SIGKILL) at a random moment while residents and an
//! admin write, round after round; nothing acknowledged is lost, an import is all or
//! nothing, and the restarted server's search and pages show what the database holds.

use crate::support::client::{
    client, create_service, import, import_id, send_report, sign_in_admin, IMPORT_ROWS,
};
use crate::support::server::{add_admin, Scratch, Server};
use crate::support::store::with_db;
use app::db::Db;
use reqwest::StatusCode;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

async fn values(db: &Db, sql: &str) -> BTreeSet<String> {
    let mut response = db.query(sql).await.unwrap();
    let values: Vec<String> = response.take(0).unwrap();
    values.into_iter().collect()
}

/// A small deterministic generator (the seed is printed, so a failure can be rerun).
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// What the writers of one round had acknowledged.
#[derive(Default)]
struct Acknowledged {
    reports: Vec<String>,
    services: Vec<String>,
    imports: Vec<usize>,
    /// Imports sent but not acknowledged: all or nothing.
    unsure_imports: Vec<usize>,
}

#[test]
#[ignore = "starts the server binary; the test command runs it on the release build"]
fn nothing_acknowledged_is_lost_when_the_server_is_killed() {
    let rounds: usize = std::env::var("CRASH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("crash test: {rounds} rounds, seed {seed}");
    let mut dice = Dice(seed);
    let scratch = Scratch::new("crash");
    let url = scratch.db_url();
    add_admin(&url, &scratch.0, &[]);
    let acknowledged = Arc::new(Mutex::new(Acknowledged::default()));
    for round in 0..rounds {
        let mut server = Server::start(&url, &scratch.0, &[]);
        let stop = Arc::new(AtomicBool::new(false));
        let mut writers = vec![];
        // Eight residents sending reports.
        for resident in 0..8 {
            let (base, stop, acked) = (server.base.clone(), stop.clone(), acknowledged.clone());
            writers.push(std::thread::spawn(move || {
                let client = client();
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    let message =
                        format!("Crashtest {round}-{resident}-{n}: het postkantoor ontbreekt.");
                    if send_report(&client, &base, &message) {
                        acked.lock().unwrap().reports.push(message);
                    } else if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    n += 1;
                }
            }));
        }
        // An admin: services created one after the other, every fourth step an import
        // (a batch of its own, so that some are under way when the kill comes).
        {
            let (base, stop, acked) = (server.base.clone(), stop.clone(), acknowledged.clone());
            writers.push(std::thread::spawn(move || {
                let client = client();
                let Some(staff) = sign_in_admin(&client, &base) else {
                    return;
                };
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    if n % 4 == 0 {
                        let batch = round * 1000 + n / 4;
                        if import(&client, &base, &staff, batch) {
                            acked.lock().unwrap().imports.push(batch);
                        } else {
                            // Cut by the kill (the admin stops at the first failure).
                            acked.lock().unwrap().unsure_imports.push(batch);
                            break;
                        }
                    } else if let Some(id) =
                        create_service(&client, &base, &staff, &format!("{round}-{n}"))
                    {
                        acked.lock().unwrap().services.push(id);
                    } else {
                        break;
                    }
                    n += 1;
                }
            }));
        }
        // Killed at a random moment while they write.
        std::thread::sleep(Duration::from_millis(500 + dice.below(2500)));
        server.kill();
        stop.store(true, Ordering::Relaxed);
        for writer in writers {
            writer.join().unwrap();
        }
        // Everything acknowledged is there; an import is all or nothing.
        let acked = acknowledged.lock().unwrap();
        let (reports, services, imported) = with_db(&url, async |db: &Db| {
            (
                values(db, "SELECT VALUE message FROM report").await,
                values(db, "SELECT VALUE record::id(id) FROM service WHERE status = 'published'").await,
                values(db, "SELECT VALUE record::id(id) FROM service WHERE string::starts_with(record::id(id), 'crashtest-import-')").await,
            )
        });
        let lost: Vec<&String> = acked
            .reports
            .iter()
            .filter(|m| !reports.contains(*m))
            .collect();
        assert!(lost.is_empty(), "round {round}: reports lost: {lost:?}");
        let lost: Vec<&String> = acked
            .services
            .iter()
            .filter(|s| !services.contains(*s))
            .collect();
        assert!(lost.is_empty(), "round {round}: services lost: {lost:?}");
        for batch in acked.imports.iter().chain(&acked.unsure_imports) {
            let rows = (0..IMPORT_ROWS)
                .filter(|row| imported.contains(&import_id(*batch, *row)))
                .count();
            if acked.imports.contains(batch) {
                assert_eq!(
                    rows, IMPORT_ROWS,
                    "import {batch}: acknowledged, but incomplete"
                );
            } else {
                assert!(
                    rows == 0 || rows == IMPORT_ROWS,
                    "import {batch}: half an import ({rows} rows)"
                );
            }
        }
        let unsure_kept = acked
            .unsure_imports
            .iter()
            .filter(|batch| imported.contains(&import_id(**batch, 0)))
            .count();
        eprintln!(
            "round {round}: acknowledged so far {} reports, {} services, {} imports of {IMPORT_ROWS} rows; none lost; imports cut by the kill so far: {} ({unsure_kept} committed whole, the rest not at all)",
            acked.reports.len(),
            acked.services.len(),
            acked.imports.len(),
            acked.unsure_imports.len(),
        );
    }

    // Restarted: the search, the directory and the observatory show what the
    // database holds.
    let (published_in_ieper, culture_be) = with_db(&url, async |db: &Db| {
        let count = async |sql: &str| {
            let mut r = db.query(sql).await.unwrap();
            let n: Option<i64> = r.take(0).unwrap();
            n.unwrap_or(0)
        };
        (
            count("RETURN count(SELECT VALUE id FROM service WHERE status = 'published' AND municipality = municipality:`33011`)").await,
            count("RETURN count(SELECT VALUE id FROM service WHERE status = 'published' AND country = 'BE' AND category = 'culture')").await,
        )
    });
    let server = Server::start(&url, &scratch.0, &[]);
    let client = client();
    let json = |path: &str| -> serde_json::Value {
        client
            .get(format!("{}{path}", server.base))
            .send()
            .unwrap()
            .json()
            .unwrap()
    };
    let listed = json("/api/v1/services?municipality=33011&per_page=1");
    assert_eq!(listed["meta"]["total"], published_in_ieper);
    let observatory = json("/api/v1/observatory?category=culture");
    assert_eq!(observatory["in_inventory_be"], culture_be);
    let acked = acknowledged.lock().unwrap();
    for id in acked.services.iter().take(20) {
        let page = client
            .get(format!("{}/nl/diensten/{id}", server.base))
            .send()
            .unwrap();
        assert_eq!(page.status(), StatusCode::OK, "{id}");
    }
    // Every acknowledged service is found by the search, page after page.
    let mut found = BTreeSet::new();
    let mut page = 1;
    loop {
        let results = json(&format!(
            "/api/v1/services?q=crashtest&per_page=100&page={page}"
        ));
        found.extend(
            results["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["id"].as_str().unwrap().to_owned()),
        );
        if page >= results["meta"]["pages"].as_u64().unwrap_or(1) {
            break;
        }
        page += 1;
    }
    let missing: Vec<&String> = acked
        .services
        .iter()
        .filter(|id| !found.contains(*id))
        .collect();
    assert!(missing.is_empty(), "not found by the search: {missing:?}");
}

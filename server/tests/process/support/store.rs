//! The store behind the server, read in this process once the server is gone: open the
//! directory, wait for its lock to be free, compare every table's records.

use app::db::{Db, DbConfig};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Opens the directory in this process (the server is not running), runs `check`, and
/// closes it again (the runtime ends, and with it the store and its lock).
pub fn with_db<T>(db_url: &str, check: impl AsyncFnOnce(&Db) -> T) -> T {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let result = runtime.block_on(async {
        let config = DbConfig {
            url: db_url.to_owned(),
            ..DbConfig::memory()
        };
        let db = app::db::connect(&config).await.unwrap();
        let result = check(&db).await;
        drop(db);
        // The engine closes the store in a task of its own once the last handle is gone;
        // the directory is free when its lock file can be locked again.
        let start = Instant::now();
        while !lock_is_free(db_url) {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "the store stayed locked"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        result
    });
    runtime.shutdown_timeout(Duration::from_secs(10));
    result
}

/// Whether no one holds SurrealKV's lock (`LOCK`, an OS file lock) in the store's
/// directory.
fn lock_is_free(db_url: &str) -> bool {
    let dir = PathBuf::from(db_url.trim_start_matches("surrealkv://"));
    let mut locks = vec![];
    let mut pending = vec![dir];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.file_name().is_some_and(|n| n == "LOCK") {
                locks.push(path);
            }
        }
    }
    locks.iter().all(|lock| {
        let Ok(file) = std::fs::File::open(lock) else {
            return true;
        };
        let free = file.try_lock().is_ok();
        let _ = file.unlock();
        free
    })
}

/// Every table's records, sorted, as JSON text: two databases hold the same data when
/// these are equal.
pub async fn everything(db: &Db) -> Vec<(String, Vec<String>)> {
    let mut response = db.query("INFO FOR DB").await.unwrap();
    let info: Option<serde_json::Value> = response.take(0).unwrap();
    let tables: Vec<String> = info.unwrap()["tables"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let mut all = vec![];
    for table in tables {
        let mut response = db
            .query("SELECT * FROM type::table($t)")
            .bind(("t", table.clone()))
            .await
            .unwrap();
        let rows: Vec<serde_json::Value> = response.take(0).unwrap();
        let mut rows: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
        rows.sort();
        all.push((table, rows));
    }
    all.sort();
    all
}

/// Runs `work` to its end on a runtime of its own (the tests themselves are not async).
pub fn with_runtime<T>(work: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(work)
}

//! Database access (server only): connection, versioned migrations, the data version
//! that read models follow (`version`), and helpers for queries. The seed, which also
//! needs the services' rules, is `crate::seed`.

mod migrations;
pub mod rate_limit;
pub mod version;

pub use migrations::{migrate, pending, MIGRATIONS};

use surrealdb::engine::any::Any;
use surrealdb::opt::auth::Root;
use surrealdb::Surreal;

/// The one database handle of the process, shared by every request. A `Surreal` clone
/// is not a cheap handle in SurrealDB 3: each clone registers a new session with the
/// engine (state, variables, a registry entry) and ends it only when dropped, so
/// cloning it per request made every rendered page cost a session.
pub type Db = std::sync::Arc<Surreal<Any>>;

#[derive(Clone, Debug)]
pub struct DbConfig {
    /// `surrealkv://path`, `mem://`, `ws://host:port` or `wss://host`.
    pub url: String,
    pub namespace: String,
    pub database: String,
    pub user: Option<String>,
    pub pass: Option<String>,
}

impl DbConfig {
    pub fn memory() -> Self {
        DbConfig {
            url: "mem://".into(),
            namespace: "grensdiensten".into(),
            database: "main".into(),
            user: None,
            pass: None,
        }
    }

    /// A fresh database for one test: `mem://`, or with `TEST_DATABASE_URL` set (a
    /// SurrealDB server, `ws://…`, with `TEST_DATABASE_USER` / `TEST_DATABASE_PASS`) a
    /// new database of its own on that server, so the same tests run on both.
    pub fn for_tests() -> Self {
        match std::env::var("TEST_DATABASE_URL") {
            Ok(url) if !url.is_empty() => DbConfig {
                url,
                namespace: "tests".into(),
                database: format!("t{:016x}", rand::random::<u64>()),
                user: std::env::var("TEST_DATABASE_USER").ok(),
                pass: std::env::var("TEST_DATABASE_PASS").ok(),
            },
            _ => Self::memory(),
        }
    }
}

pub async fn connect(config: &DbConfig) -> Result<Db, surrealdb::Error> {
    let db = surrealdb::engine::any::connect(config.url.as_str()).await?;
    if let (Some(username), Some(password)) = (&config.user, &config.pass) {
        db.signin(Root {
            username: username.clone(),
            password: password.clone(),
        })
        .await?;
    }
    db.use_ns(config.namespace.clone())
        .use_db(config.database.clone())
        .await?;
    Ok(std::sync::Arc::new(db))
}

/// Reads the rows of one statement as JSON and decodes them into our types.
pub fn rows<T: serde::de::DeserializeOwned>(
    response: &mut surrealdb::IndexedResults,
    index: usize,
) -> Result<Vec<T>, crate::error::AppError> {
    let values: Vec<serde_json::Value> = response.take(index)?;
    values
        .into_iter()
        .map(|v| serde_json::from_value(v).map_err(Into::into))
        .collect()
}

/// SurrealDB's `option<T>` takes NONE (an absent field), not NULL: drop JSON nulls.
pub fn without_nulls(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => serde_json::Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(without_nulls).collect())
        }
        other => other,
    }
}

/// Whether a statement failed only because a concurrent transaction wrote the same
/// record first: then running it again is safe.
pub fn is_conflict(error: &impl std::fmt::Display) -> bool {
    let text = error.to_string().to_lowercase();
    text.contains("conflict") || text.contains("can be retried") || text.contains("retry")
}

/// Transactions that conflicted with a concurrent one run again at most this often.
pub const RETRIES: usize = 20;

/// A short random pause before a conflicting transaction runs again.
pub async fn pause_before_retry() {
    tokio::time::sleep(std::time::Duration::from_millis(rand::random_range(1..=10))).await;
}

/// Runs a transaction (`sql` with `BEGIN`/`COMMIT`), again while it conflicts with a
/// concurrent one; any other failure is an internal error naming the statement's error.
pub async fn transaction(
    db: &Db,
    sql: &str,
    binds: Vec<(&'static str, serde_json::Value)>,
) -> Result<(), crate::error::AppError> {
    for _ in 0..RETRIES {
        let mut query = db.query(sql);
        for (name, value) in &binds {
            query = query.bind((*name, value.clone()));
        }
        let mut response = match query.await {
            Ok(response) => response,
            // The commit itself may report the conflict.
            Err(error) if is_conflict(&error) => {
                pause_before_retry().await;
                continue;
            }
            Err(error) => return Err(error.into()),
        };
        let errors = response.take_errors();
        if errors.is_empty() {
            return Ok(());
        }
        if !errors.values().any(is_conflict) {
            let real = errors
                .values()
                .find(|e| !e.to_string().contains("failed transaction"))
                .or(errors.values().next())
                .map(ToString::to_string)
                .unwrap_or_default();
            return Err(crate::error::AppError::internal(format_args!(
                "transaction: {real}"
            )));
        }
        pause_before_retry().await;
    }
    Err(crate::error::AppError::Busy)
}

/// Runs statements that only read, again while they conflict with a concurrent writer:
/// a statement outside `BEGIN`/`COMMIT` runs in a transaction of its own, and the
/// database's background work (a full-text index's compaction after a large write) has
/// been seen to make such a read conflict once.
pub async fn read(db: &Db, sql: &str) -> Result<surrealdb::IndexedResults, crate::error::AppError> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        match db.query(sql).await.and_then(|r| r.check()) {
            Err(error) if is_conflict(&error) && attempt < RETRIES => pause_before_retry().await,
            result => return result.map_err(Into::into),
        }
    }
}

/// Checks that the database answers: for the health endpoint.
pub async fn ping(db: &Db) -> Result<(), crate::error::AppError> {
    db.query("RETURN 1").await?.check()?;
    Ok(())
}

/// The database handle that the server provides to server functions and routes.
pub fn use_db() -> Result<Db, crate::error::AppError> {
    leptos::prelude::use_context::<Db>()
        .ok_or_else(|| crate::error::AppError::internal("database not provided"))
}

/// Runs a multi-statement query and reports the statement that really failed (in a
/// transaction, every other statement only says that the transaction failed); a conflict
/// with a concurrent writer is `Busy` (seen: two admins' uploads at once).
pub async fn execute(
    query: surrealdb::method::Query<'_, surrealdb::engine::any::Any>,
) -> Result<(), crate::error::AppError> {
    let mut response = query.await?;
    let errors = response.take_errors();
    let mut errors: Vec<(usize, surrealdb::Error)> = errors.into_iter().collect();
    errors.sort_by_key(|(i, _)| *i);
    let real = errors
        .iter()
        .find(|(_, e)| !e.to_string().contains("failed transaction"))
        .or(errors.first());
    match real {
        // A concurrent writer came first: busy (503), the request can be made again.
        Some((index, error)) if is_conflict(error) => {
            tracing::warn!(%error, index, "statement conflicted with a concurrent write");
            Err(crate::error::AppError::Busy)
        }
        Some((index, error)) => Err(crate::error::AppError::internal(format_args!(
            "statement {index}: {error}"
        ))),
        None => Ok(()),
    }
}

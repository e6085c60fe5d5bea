//! Backups of the embedded database while it serves, and their restore.
//!
//! A backup is SurrealDB's export of the whole database (schema, every record: users,
//! sessions, reports, the audit trail) as SurrealQL, read in one read-only transaction,
//! so it is one consistent moment even while requests write. An embedded database can be
//! opened by one process only, so a running server writes its own backups: every
//! `BACKUP_EVERY_HOURS`, and at once on SIGUSR1 (`kill -USR1 PID`). `server backup FILE`
//! does the same when no server holds the database. A restore loads a backup into an
//! empty database, then the migrations bring it up to this build's schema.

use anyhow::bail;
use app::db::Db;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where and how often a running server writes backups.
#[derive(Clone, Debug)]
pub struct Schedule {
    pub dir: PathBuf,
    /// Zero: only on SIGUSR1.
    pub every: Duration,
    /// Backups kept in `dir` (the oldest are removed).
    pub keep: usize,
}

const PREFIX: &str = "backup-";
const SUFFIX: &str = ".surql";

/// Writes a backup of `db` to `file`: first to a temporary name in a directory only the
/// server's user may enter, synced, made readable by that user only (0600: a backup holds
/// the accounts, sessions and personal data), then renamed, so a file under the final
/// name is always complete and never readable by others, not even while it is written.
pub async fn to_file(db: &Db, file: &Path) -> anyhow::Result<()> {
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    tokio::fs::create_dir_all(dir).await?;
    let private = dir.join(".backup-in-progress");
    tokio::fs::create_dir_all(&private).await?;
    set_mode(&private, 0o700).await?;
    let name = file
        .file_name()
        .ok_or_else(|| anyhow::anyhow!("a backup needs a file name: {}", file.display()))?;
    let partial = private.join(name);
    db.export(&partial).await.map_err(|error| {
        let text = error.to_string();
        if text.to_lowercase().contains("not support") {
            anyhow::anyhow!(
                "{text}: the database is a SurrealDB server; back it up with SurrealDB's own \
                 `surreal export` on the database machine (docs/deployment.md)"
            )
        } else {
            anyhow::anyhow!("backup failed: {text}")
        }
    })?;
    set_mode(&partial, 0o600).await?;
    tokio::fs::File::open(&partial).await?.sync_all().await?;
    tokio::fs::rename(&partial, file).await?;
    // The rename itself survives a power cut once the directory is synced.
    sync_dir(dir).await?;
    Ok(())
}

/// Syncs a directory, so that a rename in it is on disk. A file system that cannot sync
/// a directory (POSIX allows `EINVAL`; some network and sandbox file systems answer so)
/// keeps the rename as well as it can: that is logged, not an error.
async fn sync_dir(dir: &Path) -> std::io::Result<()> {
    match tokio::fs::File::open(dir).await?.sync_all().await {
        Ok(()) => Ok(()),
        Err(error)
            if matches!(
                error.kind(),
                std::io::ErrorKind::InvalidInput | std::io::ErrorKind::Unsupported
            ) =>
        {
            tracing::debug!(?error, dir = %dir.display(), "this file system does not sync directories");
            Ok(())
        }
        Err(error) => Err(error),
    }
}

/// Sets a file's or directory's permission bits (Unix; elsewhere nothing).
async fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tokio::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).await
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}

/// Writes a backup named after the moment into `dir`, and removes the oldest beyond
/// `keep`. Returns the file.
pub async fn into_dir(db: &Db, dir: &Path, keep: usize) -> anyhow::Result<PathBuf> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
    let file = dir.join(format!("{PREFIX}{stamp}{SUFFIX}"));
    to_file(db, &file).await?;
    let mut backups = vec![];
    let mut entries = tokio::fs::read_dir(dir).await?;
    while let Some(entry) = entries.next_entry().await? {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(PREFIX) && name.ends_with(SUFFIX) {
            backups.push(entry.path());
        }
    }
    // The names sort by time.
    backups.sort();
    let excess = backups.len().saturating_sub(keep.max(1));
    for old in &backups[..excess] {
        tokio::fs::remove_file(old).await?;
    }
    Ok(file)
}

/// Loads a backup into an empty database. Refuses a database that holds any record
/// of the app (a restore never mixes two states).
pub async fn restore(db: &Db, file: &Path) -> anyhow::Result<()> {
    if !tokio::fs::try_exists(file).await? {
        bail!("no backup at {}", file.display());
    }
    // A database that has never been used has no table at all.
    let mut response = db.query("INFO FOR DB").await?;
    let info: Option<serde_json::Value> = response.take(0)?;
    let tables = info
        .as_ref()
        .and_then(|info| info.get("tables"))
        .and_then(|tables| tables.as_object())
        .map_or(0, |tables| tables.len());
    if tables > 0 {
        bail!("the database is not empty ({tables} tables): restore into a new DATABASE_URL");
    }
    db.import(file).await.map_err(|error| {
        let text = error.to_string();
        if text.to_lowercase().contains("not support") {
            anyhow::anyhow!(
                "{text}: the database is a SurrealDB server; load the backup with SurrealDB's \
                 own `surreal import` into an empty database, then run `server migrate` \
                 (docs/deployment.md)"
            )
        } else {
            anyhow::Error::from(error).context(format!("restoring {}", file.display()))
        }
    })?;
    Ok(())
}

/// The running server's backups: on SIGUSR1, and every `schedule.every`.
pub async fn run(db: Db, schedule: Schedule) {
    #[cfg(unix)]
    let mut signal =
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::user_defined1()) {
            Ok(signal) => Some(signal),
            Err(error) => {
                tracing::warn!(?error, "no SIGUSR1 handler: backups only on schedule");
                None
            }
        };
    let periodic = !schedule.every.is_zero();
    let period = if periodic {
        schedule.every
    } else {
        Duration::from_secs(86_400 * 365)
    };
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    loop {
        #[cfg(unix)]
        let asked = async {
            match signal.as_mut() {
                Some(signal) => signal.recv().await,
                None => std::future::pending().await,
            }
        };
        #[cfg(not(unix))]
        let asked = std::future::pending::<Option<()>>();
        tokio::select! {
            _ = ticks.tick(), if periodic => {}
            _ = asked => {}
        }
        match into_dir(&db, &schedule.dir, schedule.keep).await {
            Ok(file) => tracing::info!(file = %file.display(), "backup written"),
            Err(error) => tracing::error!(%error, "backup failed"),
        }
    }
}

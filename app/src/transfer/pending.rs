//! Uploads between their dry run and their commit (server only), kept in SurrealDB so
//! that a commit may reach another app server than its upload: under a random token
//! (the database keeps its SHA-256, like a session's), for their uploader only, for an
//! hour at most, and within a bound on their number and size (the oldest go first).

use super::{ImportReport, ImportView, MAX_UPLOAD_BYTES};
use crate::auth::session::{new_token, token_id};
use crate::db::{execute, rows, Db};
use crate::error::AppError;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::Deserialize;

/// How long an upload may wait for its commit.
const KEEP_FOR: &str = "1h";
/// The files kept at most, in bytes, and uploads kept at most.
const MAX_BYTES: usize = 3 * MAX_UPLOAD_BYTES;
const MAX_ENTRIES: usize = 32;

#[derive(Deserialize)]
struct Stored {
    file_name: String,
    file: Option<String>,
    report: String,
    committed: bool,
}

/// Keeps a checked upload (`bytes`: None when it may not be committed); its token.
pub async fn keep(
    db: &Db,
    owner: &str,
    file_name: &str,
    bytes: Option<Vec<u8>>,
    report: ImportReport,
) -> Result<String, AppError> {
    let token = new_token();
    let size = bytes.as_ref().map_or(0, Vec::len);
    execute(
        db.query(
            "DELETE pending_import WHERE expires_at < time::now();
            CREATE type::record('pending_import', $id) CONTENT {
                owner: $owner, file_name: $file_name, file: $file, size: $size,
                report: $report, committed: false,
                created_at: time::now(), expires_at: time::now() + <duration> $keep,
            };",
        )
        .bind(("id", token_id(&token)))
        .bind(("owner", owner.to_owned()))
        .bind(("file_name", file_name.to_owned()))
        .bind(("file", bytes.map(|b| STANDARD.encode(b))))
        .bind(("size", size as i64))
        .bind(("report", serde_json::to_string(&report)?))
        .bind(("keep", KEEP_FOR)),
    )
    .await?;
    bound(db).await?;
    Ok(token)
}

/// Forgets the uploads past their hour.
pub async fn sweep(db: &Db) -> Result<(), AppError> {
    execute(db.query("DELETE pending_import WHERE expires_at < time::now()")).await
}

/// Forgets the oldest uploads past `MAX_ENTRIES` or `MAX_BYTES` of files.
async fn bound(db: &Db) -> Result<(), AppError> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        size: i64,
    }
    let mut response = db
        .query("SELECT record::id(id) AS id, size FROM pending_import ORDER BY created_at DESC")
        .await?;
    let all: Vec<Row> = rows(&mut response, 0)?;
    let mut total = 0usize;
    let mut forget = vec![];
    for (n, row) in all.into_iter().enumerate() {
        total += row.size.max(0) as usize;
        if n >= MAX_ENTRIES || total > MAX_BYTES {
            forget.push(row.id);
        }
    }
    if forget.is_empty() {
        return Ok(());
    }
    execute(
        db.query("DELETE $ids.map(|$id| type::record('pending_import', $id))")
            .bind(("ids", forget)),
    )
    .await
}

async fn load(db: &Db, token: &str, owner: &str) -> Result<Option<Stored>, AppError> {
    let mut response = db
        .query(
            "SELECT file_name, file, report, committed FROM type::record('pending_import', $id)
             WHERE owner = $owner AND expires_at > time::now()",
        )
        .bind(("id", token_id(token)))
        .bind(("owner", owner.to_owned()))
        .await?;
    Ok(rows(&mut response, 0)?.into_iter().next())
}

/// The upload behind `token`, as its page shows it (its owner's only).
pub async fn view(db: &Db, token: &str, owner: &str) -> Result<Option<ImportView>, AppError> {
    let Some(stored) = load(db, token, owner).await? else {
        return Ok(None);
    };
    Ok(Some(ImportView {
        token: token.to_owned(),
        file_name: stored.file_name,
        report: serde_json::from_str(&stored.report)?,
        committed: stored.committed,
    }))
}

/// Takes the file to commit, once: of two posts of the same form (on any app server)
/// only one gets it.
pub async fn take(
    db: &Db,
    token: &str,
    owner: &str,
) -> Result<Option<(String, Vec<u8>)>, AppError> {
    let mut response = db
        .query(
            "UPDATE type::record('pending_import', $id) SET file = NONE
             WHERE owner = $owner AND expires_at > time::now() AND file != NONE
             RETURN BEFORE",
        )
        .bind(("id", token_id(token)))
        .bind(("owner", owner.to_owned()))
        .await?;
    let taken: Vec<Stored> = rows(&mut response, 0)?;
    let Some(Stored {
        file_name,
        file: Some(file),
        ..
    }) = taken.into_iter().next()
    else {
        return Ok(None);
    };
    let bytes = STANDARD
        .decode(file)
        .map_err(|e| AppError::internal(format_args!("pending import: {e}")))?;
    Ok(Some((file_name, bytes)))
}

/// Records the outcome of a commit: written, or refused with this report (and the file
/// back when it may be committed after all).
pub async fn settle(
    db: &Db,
    token: &str,
    owner: &str,
    report: &ImportReport,
    committed: bool,
    bytes: Option<Vec<u8>>,
) -> Result<(), AppError> {
    execute(
        db.query(
            "UPDATE type::record('pending_import', $id)
             SET report = $report, committed = $committed, file = $file
             WHERE owner = $owner",
        )
        .bind(("id", token_id(token)))
        .bind(("owner", owner.to_owned()))
        .bind(("report", serde_json::to_string(report)?))
        .bind(("committed", committed))
        .bind(("file", bytes.map(|b| STANDARD.encode(b)))),
    )
    .await
}

//! Uploads between their dry run and their commit (server only): kept in this process's
//! memory under a random token, for their uploader only, for an hour at most, and within
//! a bound on memory (the oldest go first). A commit must reach the same app server as
//! its upload; one that does not finds no upload and asks to upload again.

use super::{ImportReport, ImportView, MAX_UPLOAD_BYTES};
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

const KEEP_FOR: Duration = Duration::from_secs(3600);
const MAX_BYTES: usize = 3 * MAX_UPLOAD_BYTES;
const MAX_ENTRIES: usize = 32;

struct Entry {
    owner: String,
    file_name: String,
    /// The file, while it may still be committed.
    bytes: Option<Vec<u8>>,
    report: ImportReport,
    committed: bool,
    at: Instant,
}

static STORE: LazyLock<Mutex<HashMap<String, Entry>>> = LazyLock::new(Default::default);

fn store() -> std::sync::MutexGuard<'static, HashMap<String, Entry>> {
    crate::kernel::cache::lock(&STORE)
}

/// Keeps a checked upload (`bytes`: None when it may not be committed); its token.
pub fn keep(owner: &str, file_name: &str, bytes: Option<Vec<u8>>, report: ImportReport) -> String {
    let mut store = store();
    store.retain(|_, e| e.at.elapsed() < KEEP_FOR);
    let size = |e: &Entry| e.bytes.as_ref().map_or(0, Vec::len);
    let incoming = bytes.as_ref().map_or(0, Vec::len);
    while !store.is_empty()
        && (store.len() >= MAX_ENTRIES
            || store.values().map(size).sum::<usize>() + incoming > MAX_BYTES)
    {
        let oldest = store
            .iter()
            .min_by_key(|(_, e)| e.at)
            .map(|(token, _)| token.clone());
        if let Some(token) = oldest {
            store.remove(&token);
        }
    }
    let token = crate::auth::session::new_token();
    store.insert(
        token.clone(),
        Entry {
            owner: owner.to_owned(),
            file_name: file_name.to_owned(),
            bytes,
            report,
            committed: false,
            at: Instant::now(),
        },
    );
    token
}

fn live<'a>(
    store: &'a mut HashMap<String, Entry>,
    token: &str,
    owner: &str,
) -> Option<&'a mut Entry> {
    store
        .get_mut(token)
        .filter(|e| e.owner == owner && e.at.elapsed() < KEEP_FOR)
}

pub fn view(token: &str, owner: &str) -> Option<ImportView> {
    let mut store = store();
    let entry = live(&mut store, token, owner)?;
    Some(ImportView {
        token: token.to_owned(),
        file_name: entry.file_name.clone(),
        report: entry.report.clone(),
        committed: entry.committed,
    })
}

/// Takes the file to commit (once: a second post of the same form finds nothing).
pub fn take(token: &str, owner: &str) -> Option<(String, Vec<u8>)> {
    let mut store = store();
    let entry = live(&mut store, token, owner)?;
    let bytes = entry.bytes.take()?;
    Some((entry.file_name.clone(), bytes))
}

/// Records the outcome of a commit: written, or refused with this report (and the file
/// back when it may be committed after all).
pub fn settle(
    token: &str,
    owner: &str,
    report: ImportReport,
    committed: bool,
    bytes: Option<Vec<u8>>,
) {
    let mut store = store();
    if let Some(entry) = live(&mut store, token, owner) {
        entry.report = report;
        entry.committed = committed;
        entry.bytes = bytes;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upload_is_its_owners_and_commits_once() {
        let report = ImportReport {
            create: 1,
            ..Default::default()
        };
        let token = keep("user:a", "x.csv", Some(b"data".to_vec()), report.clone());
        assert!(view(&token, "user:b").is_none());
        assert_eq!(view(&token, "user:a").unwrap().report, report);
        assert!(take(&token, "user:b").is_none());
        assert_eq!(take(&token, "user:a").unwrap().1, b"data");
        assert!(take(&token, "user:a").is_none());
        settle(&token, "user:a", report, true, None);
        assert!(view(&token, "user:a").unwrap().committed);
    }
}

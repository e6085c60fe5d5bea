//! Password hashing (server only): argon2id with OWASP's parameters, run off the async
//! threads because each hash takes tens of milliseconds and 19 MiB on purpose.
//!
//! Every hash passes one gate: at most one per core runs at a time, a bounded number wait
//! for their turn, and the rest are refused at once as `AppError::Busy`. A flood of
//! sign-ins can then take neither the memory (19 MiB a hash) nor every core.

use crate::error::AppError;
use crate::kernel::validate::Length;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::LazyLock;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub use super::MIN_PASSWORD_CHARS;

/// argon2id, 19 MiB, 2 passes, 1 lane (OWASP Password Storage Cheat Sheet).
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A hash checked when the account does not exist, so that an unknown address takes as
/// long to refuse as a wrong password (no account enumeration by timing).
static DECOY: LazyLock<String> =
    LazyLock::new(|| hash_now("decoy password that no account has").unwrap_or_default());

/// Whether a new password is acceptable (length only: NIST SP 800-63B).
pub fn acceptable(password: &str) -> bool {
    (MIN_PASSWORD_CHARS..=Length::Password.chars()).contains(&password.chars().count())
}

fn hash_now(password: &str) -> Result<String, AppError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(AppError::internal)?;
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(AppError::internal)
}

fn verify_now(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Bounds the hashes running at once and the requests waiting for one.
pub struct HashGate {
    running: std::sync::Arc<Semaphore>,
    waiting: AtomicUsize,
    max_waiting: usize,
    max_wait: Duration,
    /// The most hashes seen running at once (for tests and metrics).
    peak: AtomicUsize,
    now: AtomicUsize,
}

/// A turn to hash; the hash runs while it is held.
pub struct Turn<'a> {
    gate: &'a HashGate,
    _permit: OwnedSemaphorePermit,
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        self.gate.now.fetch_sub(1, Ordering::SeqCst);
    }
}

impl HashGate {
    /// `running` hashes at once; `max_waiting` requests wait at most `max_wait` each.
    pub fn new(running: usize, max_waiting: usize, max_wait: Duration) -> Self {
        HashGate {
            running: std::sync::Arc::new(Semaphore::new(running.max(1))),
            waiting: AtomicUsize::new(0),
            max_waiting,
            max_wait,
            peak: AtomicUsize::new(0),
            now: AtomicUsize::new(0),
        }
    }

    /// One hash per core (at most four), eight waiting per core, each for 10 s at most.
    fn for_this_machine() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let running = cores.clamp(1, 4);
        HashGate::new(running, running * 8, Duration::from_secs(10))
    }

    /// Waits for a turn, or `Busy` when too many wait already or the wait is too long.
    pub async fn turn(&self) -> Result<Turn<'_>, AppError> {
        if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.max_waiting {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
            return Err(AppError::Busy);
        }
        let permit =
            tokio::time::timeout(self.max_wait, self.running.clone().acquire_owned()).await;
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        let permit = permit
            .map_err(|_| AppError::Busy)?
            .map_err(AppError::internal)?;
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
        Ok(Turn {
            gate: self,
            _permit: permit,
        })
    }

    /// The most hashes that ran at once so far.
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::SeqCst)
    }

    /// Runs `work` off the async threads in a turn. The turn is held until the work is
    /// done, even when the request that asked for it has gone.
    async fn run<T: Send + 'static>(
        &'static self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let turn = self.turn().await?;
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            work()
        })
        .await
        .map_err(AppError::internal)
    }
}

/// The one gate of this process.
pub static GATE: LazyLock<HashGate> = LazyLock::new(HashGate::for_this_machine);

pub async fn hash(password: String) -> Result<String, AppError> {
    GATE.run(move || hash_now(&password)).await?
}

/// Checks a password against the stored hash, or against the decoy when there is none;
/// `Busy` when the gate refuses it (then nothing was checked).
pub async fn verify(password: String, hash: Option<String>) -> Result<bool, AppError> {
    GATE.run(move || match hash {
        Some(hash) => verify_now(&password, &hash),
        None => {
            let _ = verify_now(&password, &DECOY);
            false
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_salted_argon2id_and_verify() {
        let a = hash_now("correct horse battery").unwrap();
        let b = hash_now("correct horse battery").unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b);
        assert!(verify_now("correct horse battery", &a));
        assert!(!verify_now("correct horse batterY", &a));
        assert!(!verify_now("anything", "not a hash"));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn the_gate_bounds_running_and_waiting_hashes() {
        let gate: &'static HashGate =
            Box::leak(Box::new(HashGate::new(2, 3, Duration::from_secs(5))));
        let hash = hash_now("correct horse battery").unwrap();
        let tasks: Vec<_> = (0..12)
            .map(|_| {
                let hash = hash.clone();
                tokio::spawn(async move {
                    gate.run(move || verify_now("correct horse battery", &hash))
                        .await
                })
            })
            .collect();
        let mut checked = 0;
        let mut busy = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(true) => checked += 1,
                Err(AppError::Busy) => busy += 1,
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(gate.peak(), 2);
        // Two run, three wait, the other seven are refused at once.
        assert!(checked >= 5 && checked + busy == 12, "{checked} {busy}");
        assert!(busy >= 1);
    }

    #[test]
    fn length_is_the_rule() {
        assert!(!acceptable("short"));
        assert!(!acceptable(&"x".repeat(129)));
        assert!(acceptable("twelve chars"));
        assert!(acceptable("ééééééééééééé"));
    }
}

//! The server binary as the operator runs it, and SurrealDB's server: scratch
//! directories, the server's commands, `serve` until it is ready, signals, the exit.

use super::client::client;
use super::common::free_port;
use reqwest::StatusCode;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The admin account the tests create (`server user add`) and sign in with.
pub const ADMIN_EMAIL: &str = "admin@crash.test";
pub const ADMIN_PASSWORD: &str = "crash test password 2026";

/// `SERVER_BIN`, else the debug build of this package.
fn server_bin() -> PathBuf {
    std::env::var_os("SERVER_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_server")))
}

/// A fresh directory under the system's temporary directory, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let dir = std::env::temp_dir().join(format!("grensdiensten-{name}-{nanos}"));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    pub fn db_url(&self) -> String {
        format!("surrealkv://{}", self.0.join("db").display())
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The environment every server process of these tests gets.
fn server_command(db_url: &str, dir: &Path) -> Command {
    let mut command = Command::new(server_bin());
    command
        .env("DATABASE_URL", db_url)
        .env("LEPTOS_OUTPUT_NAME", "grensdiensten")
        .env("LEPTOS_SITE_ROOT", dir.join("site"))
        .env("BACKUP_DIR", dir.join("backups"))
        .env("REPORT_RATE_LIMIT", "1000000")
        .env("SIGN_IN_RATE_LIMIT", "1000")
        .env("RUST_LOG", "warn")
        .env_remove("RUST_BACKTRACE");
    command
}

/// Runs a command of the server (`user add`, `restore` …) to its end.
pub fn run_command(db_url: &str, dir: &Path, args: &[&str], stdin: &str) -> std::process::Output {
    run_command_with(db_url, dir, &[], args, stdin)
}

pub fn run_command_with(
    db_url: &str,
    dir: &Path,
    env: &[(&str, &str)],
    args: &[&str],
    stdin: &str,
) -> std::process::Output {
    use std::io::Write;
    let mut child = server_command(db_url, dir)
        .envs(env.iter().copied())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Creates the admin account the tests sign in with (`server user add`).
pub fn add_admin(db_url: &str, dir: &Path, env: &[(&str, &str)]) {
    let args = [
        "user",
        "add",
        "--email",
        ADMIN_EMAIL,
        "--role",
        "admin",
        "--password-stdin",
    ];
    let out = run_command_with(db_url, dir, env, &args, ADMIN_PASSWORD);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `server serve` on a free port, killed when dropped.
pub struct Server {
    child: Child,
    pub base: String,
}

impl Server {
    pub fn start(db_url: &str, dir: &Path, env: &[(&str, &str)]) -> Server {
        let port = free_port();
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("server.log"))
            .unwrap();
        let mut command = server_command(db_url, dir);
        command
            .arg("serve")
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .envs(env.iter().copied())
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        let child = command.spawn().unwrap();
        let mut server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        server.wait_ready(dir);
        server
    }

    fn wait_ready(&mut self, dir: &Path) {
        let client = client();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(120) {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!(
                    "server exited with {status}: {}",
                    std::fs::read_to_string(dir.join("server.log")).unwrap_or_default()
                );
            }
            if client
                .get(format!("{}/readyz", self.base))
                .send()
                .is_ok_and(|r| r.status() == StatusCode::OK)
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("server not ready within 120 s");
    }

    /// Sends the signal `name` (TERM, USR1 …).
    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .args([format!("-{name}"), self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits for the process to end by itself; its exit status.
    pub fn wait_exit(&mut self, within: Duration) -> std::process::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(start.elapsed() < within, "still running after {within:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill(); // SIGKILL
        let _ = self.child.wait();
    }

    /// Starts `serve` on a directory another process holds: its message.
    pub fn start_expecting_failure(db_url: &str, dir: &Path) -> String {
        let out = server_command(db_url, dir)
            .arg("serve")
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{}", free_port()))
            .output()
            .unwrap();
        assert!(!out.status.success());
        String::from_utf8_lossy(&out.stderr).into_owned()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// SurrealDB's server (the `surreal` binary of this package) on loopback, with
/// credentials and a SurrealKV store, for as long as the value lives.
pub struct DbServer {
    child: Child,
    pub url: String,
}

pub const DB_USER: &str = "root";
pub const DB_PASS: &str = "process-test-root-password";

impl DbServer {
    pub fn start(dir: &Path) -> DbServer {
        let bin = std::env::var_os("SURREAL_BIN").expect(
            "SURREAL_BIN: the surreal binary (cargo build --release -p server --bin surreal)",
        );
        let port = free_port();
        let log = std::fs::File::create(dir.join("surreal.log")).unwrap();
        let child = Command::new(bin)
            .args(["start", "--user", DB_USER, "--pass", DB_PASS, "--bind"])
            .arg(format!("127.0.0.1:{port}"))
            .arg(format!("surrealkv://{}", dir.join("surreal").display()))
            // SurrealKV's block cache would take half the RAM.
            .env(
                "SURREAL_SURREALKV_BLOCK_CACHE_CAPACITY",
                (64u64 << 20).to_string(),
            )
            .env("SURREAL_LOG", "warn")
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        let server = DbServer {
            child,
            url: format!("ws://127.0.0.1:{port}"),
        };
        let client = client();
        let start = Instant::now();
        while client
            .get(format!("http://127.0.0.1:{port}/health"))
            .send()
            .map_or(true, |r| !r.status().is_success())
        {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "SurrealDB did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    pub fn env(&self) -> [(&'static str, &'static str); 2] {
        [("DATABASE_USER", DB_USER), ("DATABASE_PASS", DB_PASS)]
    }
}

impl Drop for DbServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

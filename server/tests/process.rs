//! The server as the operator runs it: a process on an embedded SurrealKV directory,
//! stopped with SIGTERM, killed with SIGKILL, started twice on one directory, backed up
//! while it serves and restored.
//!
//! The binary is `SERVER_BIN` when set (the test command sets it to the release build),
//! else the debug build of this package. `CRASH_ROUNDS` sets the rounds of the crash test
//! (3 by default; the long variant runs more). These tests start processes and take a
//! while, so they are `#[ignore]`d in a plain `cargo test`; the test command runs them:
//! `SERVER_BIN=… SURREAL_BIN=… cargo test -p server --features app/ssr --test process
//! -- --ignored --test-threads 1`.

use app::db::{Db, DbConfig};
use leptos::server_fn::ServerFn;
use reqwest::blocking::{multipart, Client};
use reqwest::StatusCode;
use std::collections::BTreeSet;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PASSWORD: &str = "crash test password 2026";
const ADMIN: &str = "admin@crash.test";

fn server_bin() -> PathBuf {
    std::env::var_os("SERVER_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_server")))
}

/// A fresh directory under the system's temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let dir = std::env::temp_dir().join(format!("grensdiensten-{name}-{nanos}"));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn db_url(&self) -> String {
        format!("surrealkv://{}", self.0.join("db").display())
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
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
fn run_command(db_url: &str, dir: &Path, args: &[&str], stdin: &str) -> std::process::Output {
    run_command_with(db_url, dir, &[], args, stdin)
}

fn run_command_with(
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
fn add_admin(db_url: &str, dir: &Path, env: &[(&str, &str)]) {
    let args = [
        "user",
        "add",
        "--email",
        ADMIN,
        "--role",
        "admin",
        "--password-stdin",
    ];
    let out = run_command_with(db_url, dir, env, &args, PASSWORD);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(db_url: &str, dir: &Path, env: &[(&str, &str)]) -> Server {
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

    fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .args([format!("-{name}"), self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Waits for the process to end by itself; its exit status.
    fn wait_exit(&mut self, within: Duration) -> std::process::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(start.elapsed() < within, "still running after {within:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn kill(&mut self) {
        let _ = self.child.kill(); // SIGKILL
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

fn client() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

fn form(pairs: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

fn location(response: &reqwest::blocking::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// A plain form post, as a browser without JavaScript sends it.
fn post(
    client: &Client,
    base: &str,
    path: &str,
    body: String,
    cookie: Option<&str>,
) -> reqwest::Result<reqwest::blocking::Response> {
    let mut request = client
        .post(format!("{base}{path}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .body(body);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send()
}

/// A report; true when the server acknowledged it (redirected to "sent").
fn send_report(client: &Client, base: &str, message: &str) -> bool {
    let body = form(&[
        ("lang", "nl"),
        ("form[service]", ""),
        ("form[kind]", "missing"),
        ("form[message]", message),
        ("form[email]", ""),
        ("form[website]", ""),
    ]);
    post(client, base, app::reports::SubmitReport::PATH, body, None)
        .is_ok_and(|r| r.status() == StatusCode::FOUND && location(&r).contains("sent=1"))
}

/// Signs the admin in: the session cookie and the form token (None if the server is
/// gone).
fn sign_in(client: &Client, base: &str) -> Option<(String, String)> {
    let body = form(&[
        ("lang", "nl"),
        ("email", ADMIN),
        ("password", PASSWORD),
        ("next", ""),
    ]);
    let response = post(client, base, app::auth::SignIn::PATH, body, None).ok()?;
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("staff_session="))
        .map(|v| v.split(';').next().unwrap().to_owned())?;
    let page = client
        .get(format!("{base}/nl/beheer"))
        .header("cookie", &cookie)
        .send()
        .ok()?
        .text()
        .ok()?;
    let at = page.find("name=\"csrf\" value=\"")? + 19;
    let csrf = page[at..].split('"').next()?.to_owned();
    Some((cookie, csrf))
}

/// Creates and publishes a service in the editor; its id when acknowledged.
fn create_service(
    client: &Client,
    base: &str,
    staff: &(String, String),
    n: &str,
) -> Option<String> {
    let (name_nl, name_fr) = (
        format!("Crashtest dienst {n}"),
        format!("Service crashtest {n}"),
    );
    let fields = [
        ("f[lang]", "nl"),
        ("f[csrf]", staff.1.as_str()),
        ("f[id]", ""),
        ("f[revision]", ""),
        ("f[action]", "publish"),
        ("f[hours_mode]", "raw"),
        ("f[name_nl]", name_nl.as_str()),
        ("f[name_fr]", name_fr.as_str()),
        ("f[category]", "culture"),
        ("f[municipality]", "33011"),
        ("f[lat]", "50.85114"),
        ("f[lon]", "2.88569"),
        ("f[speaks_nl]", "on"),
        ("f[opening_hours]", "Mo-Fr 09:00-17:00; PH off"),
        (
            "f[description_nl]",
            "Boeken lenen aan beide kanten van de grens.",
        ),
        (
            "f[description_fr]",
            "Emprunter des livres des deux côtés de la frontière.",
        ),
    ];
    let response = post(
        client,
        base,
        app::services::edit::SaveService::PATH,
        form(&fields),
        Some(&staff.0),
    )
    .ok()?;
    let to = location(&response);
    let id = to.strip_prefix("/nl/beheer/diensten/")?;
    (response.status() == StatusCode::FOUND && !id.is_empty() && id != "nieuw")
        .then(|| id.to_owned())
}

const IMPORT_HEADER: &str = "id,status,country,category,name_fr,name_nl,description_nl,description_fr,municipality_code,address,lat,lon,phone,email,website,opening_hours,source";
const IMPORT_ROWS: usize = 40;

fn import_id(batch: usize, row: usize) -> String {
    format!("crashtest-import-{batch}-{row}")
}

/// Uploads a file of new services and commits it; true when the commit was
/// acknowledged.
fn import(client: &Client, base: &str, staff: &(String, String), batch: usize) -> bool {
    import_across(client, base, base, staff, batch)
}

/// Uploads (the dry run) to one app server and commits on another.
fn import_across(
    client: &Client,
    base: &str,
    commit_base: &str,
    staff: &(String, String),
    batch: usize,
) -> bool {
    let mut csv = vec![IMPORT_HEADER.to_owned()];
    for row in 0..IMPORT_ROWS {
        csv.push(format!(
            "{},published,BE,culture,Service importé {batch} {row},Geïmporteerde dienst {batch} {row},Boeken lenen over de grens heen,Emprunter des livres par-delà la frontière,33011,Grote Markt 1,50.851234,2.885,,,,Mo-Fr 09:00-17:00; PH off,crash test",
            import_id(batch, row)
        ));
    }
    let upload = multipart::Form::new()
        .text("lang", "nl")
        .text("csrf", staff.1.clone())
        .part(
            "file",
            multipart::Part::bytes(csv.join("\n").into_bytes()).file_name("services.csv"),
        );
    let Ok(response) = client
        .post(format!("{base}{}", app::transfer::ImportUpload::PATH))
        .header("cookie", &staff.0)
        .header("accept", "text/html")
        .multipart(upload)
        .send()
    else {
        return false;
    };
    let to = location(&response);
    let Some(token) = to.split("import=").nth(1).map(str::to_owned) else {
        return false;
    };
    let commit = form(&[("lang", "nl"), ("csrf", &staff.1), ("token", &token)]);
    post(
        client,
        commit_base,
        app::transfer::ImportCommit::PATH,
        commit,
        Some(&staff.0),
    )
    .is_ok_and(|r| r.status() == StatusCode::FOUND && location(&r) == to)
}

/// Opens the directory in this process (the server is not running), runs `check`, and
/// closes it again (the runtime ends, and with it the store and its lock).
fn with_db<T>(db_url: &str, check: impl AsyncFnOnce(&Db) -> T) -> T {
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

#[test]
#[ignore = "starts the server binary; the test command runs it on the release build"]
fn sigterm_lets_requests_in_flight_finish_then_exits() {
    use std::io::{Read, Write};
    let scratch = Scratch::new("sigterm");
    let mut server = Server::start("mem://", &scratch.0, &[("SHUTDOWN_GRACE_SECS", "20")]);
    // A report whose body is still arriving when the signal comes.
    let body = form(&[
        ("lang", "nl"),
        ("form[service]", ""),
        ("form[kind]", "missing"),
        (
            "form[message]",
            "Het postkantoor van Menen ontbreekt in de lijst.",
        ),
        ("form[email]", ""),
        ("form[website]", ""),
    ]);
    let address = server.base.trim_start_matches("http://").to_owned();
    let mut stream = std::net::TcpStream::connect(&address).unwrap();
    write!(
        stream,
        "POST {} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        app::reports::SubmitReport::PATH,
        body.len()
    )
    .unwrap();
    let (first, rest) = body.split_at(body.len() / 2);
    stream.write_all(first.as_bytes()).unwrap();
    stream.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    server.signal("TERM");
    std::thread::sleep(Duration::from_millis(700));
    // No new connections once the signal is in.
    assert!(
        std::net::TcpStream::connect(&address).is_err(),
        "the listener is closed"
    );
    stream.write_all(rest.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 302"), "{answer}");
    assert!(answer.contains("sent=1"), "{answer}");
    let status = server.wait_exit(Duration::from_secs(15));
    assert!(status.success(), "{status}");
}

#[test]
#[ignore = "starts the server binary; the test command runs it on the release build"]
fn a_second_process_on_the_same_directory_is_refused_clearly() {
    let scratch = Scratch::new("second");
    let url = scratch.db_url();
    let _server = Server::start(&url, &scratch.0, &[]);
    let out = run_command(&url, &scratch.0, &["export", "exported"], "");
    assert!(!out.status.success());
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("is in use by another process") && message.contains("SIGUSR1"),
        "{message}"
    );
    assert!(
        !message.contains("stack backtrace") && !message.contains("panicked"),
        "{message}"
    );
    let second = Server::start_expecting_failure(&url, &scratch.0);
    assert!(second.contains("is in use by another process"), "{second}");
}

impl Server {
    /// Starts `serve` on a directory another process holds: its message.
    fn start_expecting_failure(db_url: &str, dir: &Path) -> String {
        let out = server_command(db_url, dir)
            .arg("serve")
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{}", free_port()))
            .output()
            .unwrap();
        assert!(!out.status.success());
        String::from_utf8_lossy(&out.stderr).into_owned()
    }
}

/// Every table's records, sorted, as JSON text: two databases hold the same data when
/// these are equal.
async fn everything(db: &Db) -> Vec<(String, Vec<String>)> {
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
    let staff = sign_in(&client, &server.base).expect("signed in");
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
                let Some(staff) = sign_in(&client, &base) else {
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

/// SurrealDB's server (the `surreal` binary of this package) on loopback, with
/// credentials and a SurrealKV store, for as long as the value lives.
struct DbServer {
    child: Child,
    url: String,
}

const DB_USER: &str = "root";
const DB_PASS: &str = "process-test-root-password";

impl DbServer {
    fn start(dir: &Path) -> DbServer {
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

    fn env(&self) -> [(&'static str, &'static str); 2] {
        [("DATABASE_USER", DB_USER), ("DATABASE_PASS", DB_PASS)]
    }
}

impl Drop for DbServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

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
    let staff = sign_in(&client, &a.base).expect("signed in on A");
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

fn with_runtime<T>(work: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(work)
}

//! The server as the operator runs it: a process on an embedded SurrealKV directory,
//! stopped with SIGTERM, killed with SIGKILL, started twice on one directory, backed up
//! while it serves and restored; and two app servers on one SurrealDB server.
//!
//! The binary is `SERVER_BIN` when set (the test command sets it to the release build),
//! else the debug build of this package. `CRASH_ROUNDS` sets the rounds of the crash test
//! (3 by default; the long variant runs more). These tests start processes and take a
//! while, so they are `#[ignore]`d in a plain `cargo test`; the test command runs them:
//! `SERVER_BIN=… SURREAL_BIN=… cargo test -p server --features app/ssr --test process
//! -- --ignored --test-threads 1`.
//!
//! The tests are under `process/`, one file per concern; their harness under
//! `process/support/`.

#[path = "process/support/mod.rs"]
mod support;

#[path = "process/backups.rs"]
mod backups;
#[path = "process/crash.rs"]
mod crash;
#[path = "process/database_server.rs"]
mod database_server;
#[path = "process/lifecycle.rs"]
mod lifecycle;

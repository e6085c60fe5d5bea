//! The process tests' harness: the server binary and SurrealDB's server as processes, what
//! clients send them over HTTP, and the store read back once the server is gone.
//! Declared by `process.rs` only; `common.rs` is shared with the integration tests.

pub mod client;
#[path = "../../support/common.rs"]
pub mod common;
pub mod server;
pub mod store;

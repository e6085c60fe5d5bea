//! The integration tests' shared harness (as the Rust registry server's
//! `src/tests/util/test_app.rs`): the app under test, requests, staff accounts, letters
//! and the records the tests start from. Declared by `integration.rs` only; the process
//! tests have their own (`process/support/`) and share `common.rs` alone.

pub mod common;
pub mod fixtures;
pub mod http;
pub mod mail;
pub mod staff;
pub mod test_app;
pub mod transfer;

//! `surreal start …`: SurrealDB's own server (the community edition), built from the
//! library at the exact version of the app's client, so that the tests and benchmarks
//! run the app against a real database server over ws:// without a binary from
//! elsewhere. Built with
//! `cargo build --release -p server --features surreal --bin surreal`.
//!
//! It is a binary of the server package behind the feature `surreal` (the run command
//! does not compile SurrealDB's server), and the feature pins in `server/Cargo.toml` keep
//! one set of features for SurrealDB's crates: they are compiled once for both binaries.

// The server's types nest deeply (the build fails with the default limit).
#![recursion_limit = "256"]

fn main() -> std::process::ExitCode {
    surrealdb_server::init(surrealdb_core::CommunityComposer())
}

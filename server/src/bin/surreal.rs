//! `surreal start …`: SurrealDB's own server (the community edition), built from the
//! library at the exact version of the app's client, so that the tests and benchmarks
//! run the app against a real database server over ws:// without a binary from
//! elsewhere. Built with
//! `cargo build --release -p server --bin surreal`.
//!
//! It is a binary of the server package (not a crate of its own) so that cargo resolves
//! one set of features for SurrealDB's crates and compiles them once for both binaries.

// The server's types nest deeply (the build fails with the default limit).
#![recursion_limit = "256"]

fn main() -> std::process::ExitCode {
    surrealdb_server::init(surrealdb_core::CommunityComposer())
}

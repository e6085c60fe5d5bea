//! The app under test: a fresh database with the bundled data, and the router over it as
//! the server builds it (plain, with a public address, with mail on, or as a client at a
//! given address reaches it).

use app::db::Db;
use app::kernel::settings::ShellSettings;
use axum::extract::connect_info::MockConnectInfo;
use leptos::prelude::LeptosOptions;
use server::web::Guards;
use std::net::SocketAddr;

/// The public address of the routers that have one (`PUBLIC_URL`).
pub const BASE: &str = "https://grensdiensten.example";

/// A fresh database with the bundled data: in memory, or with `TEST_DATABASE_URL` a
/// database of its own on a SurrealDB server.
pub async fn db() -> Db {
    // A failing test's log says which statement failed.
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    app::seed::memory_with_seed()
        .await
        .expect("seeded in-memory database")
}

/// Leptos's options as the server reads them.
pub fn options() -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("grensdiensten")
        .site_root("target/site")
        .build()
}

/// The router with the default settings (no public address, no mail).
pub fn app(db: Db) -> axum::Router {
    server::web::router(db, options(), Default::default())
}

/// The router with the page cache off: for tests of what lies under it (the fragments'
/// and read models' caches) that change the database behind the app's back.
pub fn uncached_app(db: Db) -> axum::Router {
    let guards = server::web::Guards {
        page_cache_bytes: 0,
        ..Default::default()
    };
    router_from(db, Default::default(), guards, [127, 0, 0, 1])
}

/// The router with a public address, as served (UIDs, alternates and links are made
/// from it).
pub fn public_app(db: Db) -> axum::Router {
    let settings = ShellSettings {
        public_url: BASE.into(),
        ..Default::default()
    };
    server::web::router(db, options(), settings)
}

/// The server's settings with mail on and a public address.
pub fn mail_settings() -> ShellSettings {
    ShellSettings {
        public_url: BASE.into(),
        mail: true,
        ..Default::default()
    }
}

/// A router whose pages and letters say mail is on.
pub fn mail_router(db: Db) -> axum::Router {
    server::web::router(db, options(), mail_settings())
}

/// The router with these settings and guards, as a client at `peer` reaches it.
pub fn router_from(db: Db, settings: ShellSettings, guards: Guards, peer: [u8; 4]) -> axum::Router {
    server::web::router_with(db, options(), settings, guards)
        .layer(MockConnectInfo(SocketAddr::from((peer, 40000))))
}

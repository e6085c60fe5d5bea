//! What every handler may extract: the Leptos options, the database handle and the
//! public base URL. Its own module, so that the router (`web`) and the handlers (`api`,
//! `seo`) depend on it and not on each other.

use app::db::Db;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

/// The public base URL without a trailing slash (`PUBLIC_URL`).
#[derive(Clone, Debug)]
pub struct PublicUrl(pub String);

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub public_url: PublicUrl,
}

//! The server's settings that pages read (`MAP_TILE_URL`, `PUBLIC_URL`): provided by the
//! server to every request, read here by the shell, the page metadata and the staff
//! area's cookies.

use leptos::prelude::use_context;

/// Server-side settings that pages need (rendered on the server, never hydrated).
#[derive(Clone, Debug, Default)]
pub struct ShellSettings {
    /// Optional raster tile URL template for the map (`MAP_TILE_URL`).
    pub map_tile_url: Option<String>,
    pub map_tile_attribution: Option<String>,
    /// The public base URL without a trailing slash (`PUBLIC_URL`), for absolute links.
    pub public_url: String,
}

/// The settings of this request (the defaults where none are provided).
pub fn settings() -> ShellSettings {
    use_context::<ShellSettings>().unwrap_or_default()
}

/// The public base URL of absolute links (`PUBLIC_URL`).
pub fn public_base_url() -> String {
    settings().public_url
}

/// Whether the site is served over TLS, so that cookies are marked Secure.
pub fn secure_site() -> bool {
    public_base_url().starts_with("https://")
}

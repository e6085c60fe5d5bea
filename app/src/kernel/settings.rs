//! The server's settings that pages read (`MAP_TILE_URL`, `PUBLIC_URL`): provided by the
//! server to every request, read here by the shell, the page metadata and the staff
//! area's cookies.

use leptos::prelude::use_context;

/// Server-side settings that pages need (rendered on the server, never hydrated).
#[derive(Clone, Debug)]
pub struct ShellSettings {
    /// Optional raster tile URL template for the map (`MAP_TILE_URL`).
    pub map_tile_url: Option<String>,
    pub map_tile_attribution: Option<String>,
    /// The public base URL without a trailing slash (`PUBLIC_URL`), for absolute links.
    pub public_url: String,
    /// Whether SMTP is configured (`SMTP_HOST`): letters are queued and sent.
    pub mail: bool,
    /// Days personal data is kept after its purpose ended (`RETENTION_DAYS`), as the
    /// privacy page states and the retention task applies.
    pub retention_days: u32,
    /// Who publishes the site, for the legal notice (`SITE_PUBLISHER`: name, address,
    /// contact; lines separated by `\n`).
    pub publisher: Option<String>,
}

/// Days personal data is kept after its purpose ended, unless configured otherwise.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;

impl Default for ShellSettings {
    fn default() -> Self {
        ShellSettings {
            map_tile_url: None,
            map_tile_attribution: None,
            public_url: String::new(),
            mail: false,
            retention_days: DEFAULT_RETENTION_DAYS,
            publisher: None,
        }
    }
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

//! Configuration from the environment, with documented defaults (see README).

use app::db::DbConfig;
use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "server",
    about = "Grensdiensten / Services frontaliers: web app, API and data commands"
)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply migrations, seed on first start, and serve the web app and API (default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the bundled data (idempotent: existing content is kept) and exit.
    Seed,
    /// Import services from a CSV (the seed's columns) or JSON file (the export's
    /// services.json): checked with the service form's rules, then written all or
    /// nothing in one transaction with an audit entry per record. Exit code 1 on errors.
    Import {
        /// The file: .csv or .json.
        file: std::path::PathBuf,
        /// Check and report only; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Who the audit entries name.
        #[arg(long, default_value = "server import")]
        actor: String,
    },
    /// Export everything (services, municipalities, clusters, projects, events) as JSON,
    /// CSV and GeoJSON files into a directory (created if missing).
    Export { dir: std::path::PathBuf },
    /// Write a backup of the whole database (users, reports and audit included) to a
    /// file. For an embedded database that a running server holds, send the server
    /// SIGUSR1 instead: it writes one into BACKUP_DIR.
    Backup { file: std::path::PathBuf },
    /// Load a backup into an empty database (a new DATABASE_URL), then apply the
    /// migrations of this build.
    Restore { file: std::path::PathBuf },
    /// Staff accounts.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account. The password is read from standard input with
    /// --password-stdin; without it a strong one is generated and printed once.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["admin", "editor"])]
        role: String,
        /// A municipality an editor may edit (NIS/INS or INSEE code); repeat for more.
        #[arg(long = "municipality")]
        municipalities: Vec<String>,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a new password (ends the account's sessions).
    Passwd {
        #[arg(long)]
        email: String,
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Debug, Clone, Args)]
pub struct Config {
    /// surrealkv://PATH (embedded, default), mem:// (tests), ws://HOST:PORT or wss://HOST (server).
    #[arg(long, env = "DATABASE_URL", default_value = "surrealkv://data/db")]
    pub database_url: String,
    #[arg(long, env = "DATABASE_NS", default_value = "grensdiensten")]
    pub database_ns: String,
    #[arg(long, env = "DATABASE_DB", default_value = "main")]
    pub database_db: String,
    /// Root user for a SurrealDB server (ignored when not set).
    #[arg(long, env = "DATABASE_USER")]
    pub database_user: Option<String>,
    #[arg(long, env = "DATABASE_PASS", hide_env_values = true)]
    pub database_pass: Option<String>,
    /// SurrealKV block cache in MiB (SurrealKV's own default takes about half the RAM).
    #[arg(long, env = "DATABASE_CACHE_MB", default_value_t = 64)]
    pub database_cache_mb: u64,
    /// When SurrealKV syncs its log to disk: `every` commit (an acknowledged write
    /// survives a power cut), an interval such as `1s`, or `never` (the OS decides).
    #[arg(long, env = "DATABASE_SYNC", default_value = "every", value_parser = sync_mode)]
    pub database_sync: String,
    /// Where a running server writes its backups (SIGUSR1, BACKUP_EVERY_HOURS).
    #[arg(long, env = "BACKUP_DIR", default_value = "data/backups")]
    pub backup_dir: std::path::PathBuf,
    /// Hours between a running server's backups; 0: only on SIGUSR1.
    #[arg(long, env = "BACKUP_EVERY_HOURS", default_value_t = 24)]
    pub backup_every_hours: u64,
    /// Backups kept in BACKUP_DIR (the oldest are removed).
    #[arg(long, env = "BACKUP_KEEP", default_value_t = 7)]
    pub backup_keep: usize,
    /// Optional raster tile URL template for the map, e.g. https://tiles.example/{z}/{x}/{y}.png
    #[arg(long, env = "MAP_TILE_URL")]
    pub map_tile_url: Option<String>,
    /// Attribution shown with the tile layer.
    #[arg(long, env = "MAP_TILE_ATTRIBUTION")]
    pub map_tile_attribution: Option<String>,
    /// The site's public base URL, e.g. https://grensdiensten.example (canonical and
    /// hreflang links, the sitemap). Default: http:// and the listen address.
    #[arg(long, env = "PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Reports accepted per client address per ten minutes (the form's rate limit).
    #[arg(long, env = "REPORT_RATE_LIMIT", default_value_t = 5)]
    pub report_rate_limit: usize,
    /// Posts of each public form (registrations for meetings, ideas for a call, and
    /// changes and answers through a person's link) accepted per client address per ten
    /// minutes.
    #[arg(long, env = "FORM_RATE_LIMIT", default_value_t = 10)]
    pub form_rate_limit: usize,
    /// Letters the public forms (registrations, ideas) may send to one recipient address
    /// per hour, whoever types the address: the forms cannot flood a mailbox.
    #[arg(long, env = "LETTER_RATE_LIMIT", default_value_t = 5)]
    pub letter_rate_limit: usize,
    /// Sign-in attempts allowed per account per fifteen minutes (four times as many per
    /// client address).
    #[arg(long, env = "SIGN_IN_RATE_LIMIT", default_value_t = 5)]
    pub sign_in_rate_limit: usize,
    /// Reverse proxies whose `Forwarded` / `X-Forwarded-For` headers name the client:
    /// addresses or networks, comma-separated (`127.0.0.1,10.0.0.0/8`). Empty: every
    /// client is the connection's peer, and forwarding headers are ignored.
    #[arg(long, env = "TRUSTED_PROXIES", default_value = "", value_parser = crate::client_addr::TrustedProxies::parse)]
    pub trusted_proxies: crate::client_addr::TrustedProxies,
    /// Megabytes of rendered public pages kept in memory (uncompressed; their gzip and
    /// brotli copies add about 0.4 of that). 0 turns the page cache off.
    #[arg(long, env = "PAGE_CACHE_MB", default_value_t = 8)]
    pub page_cache_mb: usize,
    /// A bearer token that opens `/metrics` to other machines (a Prometheus server).
    /// Without it, `/metrics` answers only requests from this machine that came without
    /// a proxy.
    #[arg(long, env = "METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// The mail server (SMTP) that sends the app's letters. Without it, mail is off: the
    /// app says so at start, and pages tell people to keep their links instead.
    #[arg(long, env = "SMTP_HOST")]
    pub smtp_host: Option<String>,
    #[arg(long, env = "SMTP_PORT", default_value_t = 587)]
    pub smtp_port: u16,
    /// `starttls` (port 587), `tls` (port 465) or `none` (a relay on this machine).
    #[arg(long, env = "SMTP_SECURITY", default_value = "starttls", value_parser = app::mail::smtp::Security::parse)]
    pub smtp_security: app::mail::smtp::Security,
    #[arg(long, env = "SMTP_USER")]
    pub smtp_user: Option<String>,
    #[arg(long, env = "SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,
    /// The sender of the letters: `Grensdiensten <noreply@example.be>`.
    #[arg(long, env = "SMTP_FROM")]
    pub smtp_from: Option<String>,
    /// Days personal data is kept after its purpose ended (a meeting, a report's
    /// review, a letter's sending); the privacy page states it.
    #[arg(long, env = "RETENTION_DAYS", default_value_t = app::kernel::settings::DEFAULT_RETENTION_DAYS, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub retention_days: u32,
    /// Who publishes the site (name, address, contact), for the legal notice; `\n`
    /// separates lines.
    #[arg(long, env = "SITE_PUBLISHER")]
    pub site_publisher: Option<String>,
    /// Seconds that requests in flight get to finish after SIGTERM or Ctrl-C.
    #[arg(long, env = "SHUTDOWN_GRACE_SECS", default_value_t = 30)]
    pub shutdown_grace_secs: u64,
}

impl Config {
    pub fn db(&self) -> DbConfig {
        DbConfig {
            url: self.database_url.clone(),
            namespace: self.database_ns.clone(),
            database: self.database_db.clone(),
            user: self.database_user.clone(),
            pass: self.database_pass.clone(),
        }
    }

    /// SurrealKV reads its settings from `SURREAL_*` variables when the store opens
    /// (one set explicitly wins).
    pub fn apply_storage_limits(&self) {
        let settings = [
            (
                "SURREAL_SURREALKV_BLOCK_CACHE_CAPACITY",
                (self.database_cache_mb * 1024 * 1024).to_string(),
            ),
            ("SURREAL_DATASTORE_SYNC", self.database_sync.clone()),
        ];
        for (key, value) in settings {
            if std::env::var_os(key).is_none() {
                // Called at start-up, before the async runtime starts any thread.
                std::env::set_var(key, value);
            }
        }
    }

    /// The mail server's settings, when mail is on; an error when they are incomplete.
    pub fn smtp(&self) -> anyhow::Result<Option<app::mail::smtp::SmtpSettings>> {
        let Some(host) = self.smtp_host.clone().filter(|h| !h.is_empty()) else {
            return Ok(None);
        };
        let from = self
            .smtp_from
            .clone()
            .filter(|f| !f.is_empty())
            .ok_or_else(|| {
                anyhow::anyhow!("SMTP_HOST is set: SMTP_FROM (the sender) is needed too")
            })?;
        Ok(Some(app::mail::smtp::SmtpSettings {
            host,
            port: self.smtp_port,
            security: self.smtp_security,
            user: self.smtp_user.clone().filter(|u| !u.is_empty()),
            password: self.smtp_password.clone(),
            from,
        }))
    }

    /// The running server's backups.
    pub fn backups(&self) -> crate::backup::Schedule {
        crate::backup::Schedule {
            dir: self.backup_dir.clone(),
            every: std::time::Duration::from_secs(self.backup_every_hours * 3600),
            keep: self.backup_keep,
        }
    }
}

/// `every`, `never`, or an interval such as `1s` or `200ms` (what SurrealKV accepts).
fn sync_mode(value: &str) -> Result<String, String> {
    let interval = value
        .find(|c: char| !c.is_ascii_digit())
        .filter(|&at| at > 0)
        .is_some_and(|at| matches!(&value[at..], "ms" | "s" | "m" | "h"));
    if matches!(value, "every" | "never") || interval {
        Ok(value.to_owned())
    } else {
        Err("expected `every`, `never` or an interval such as `1s` or `200ms`".into())
    }
}

#[cfg(test)]
mod sync_mode_tests {
    #[test]
    fn sync_modes_are_checked() {
        for good in ["every", "never", "1s", "200ms", "5m"] {
            assert_eq!(super::sync_mode(good).as_deref(), Ok(good));
        }
        for bad in ["", "always", "1", "s", "1 s", "-1s", "1sec"] {
            assert!(super::sync_mode(bad).is_err(), "{bad}");
        }
    }
}

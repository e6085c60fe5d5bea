//! The one server binary: web app, open data API and data commands.

use clap::Parser;
use server::config::{Cli, Command};
use server::web;
use tracing_subscriber::EnvFilter;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's own settings (the C library linked by the `mimalloc` crate, v3).
mod allocator {
    use std::ffi::{c_int, c_long};

    extern "C" {
        fn mi_option_set(option: c_int, value: c_long);
    }
    // `mi_option_e` of mimalloc v3's mimalloc.h.
    const ARENA_EAGER_COMMIT: c_int = 4;
    const PURGE_DELAY: c_int = 15;

    /// Gives freed memory back to the system at once, and commits arenas only as they
    /// fill: resident memory of the default install about 150 → 105 MB right after
    /// start, 241 → 193 MB after the load benchmark's pass (docs/measurements.md).
    /// `MIMALLOC_*` variables, when set, win (mimalloc reads them itself).
    pub fn return_memory_promptly() {
        for (option, variable, value) in [
            (PURGE_DELAY, "MIMALLOC_PURGE_DELAY", 0),
            (ARENA_EAGER_COMMIT, "MIMALLOC_ARENA_EAGER_COMMIT", 0),
        ] {
            if std::env::var_os(variable).is_none() {
                // SAFETY: a plain setter of a global option, called before any thread starts.
                unsafe { mi_option_set(option, value) };
            }
        }
    }
}

fn main() -> std::process::ExitCode {
    allocator::return_memory_promptly();
    let cli = Cli::parse();
    init_logging();
    cli.config.apply_storage_limits();
    let outcome = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)
        .and_then(|runtime| runtime.block_on(run(cli)));
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Opens the database, or explains why not when another process holds it.
async fn open(config: &server::config::Config) -> anyhow::Result<app::db::Db> {
    match app::db::connect(&config.db()).await {
        Ok(db) => Ok(db),
        Err(error) if error.to_string().contains("already locked") => anyhow::bail!(
            "the database {} is in use by another process (a running server?). An embedded \
             database is opened by one process at a time: stop that process first, or, for a \
             backup while it runs, send it SIGUSR1 (`kill -USR1 PID`) and it writes one into \
             BACKUP_DIR ({}).",
            config.database_url,
            config.backup_dir.display()
        ),
        Err(error) => Err(anyhow::Error::from(error)
            .context(format!("cannot open the database {}", config.database_url))),
    }
}

fn init_logging() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,surrealdb=warn,surrealkv=warn"));
    let json = std::env::var("LOG_FORMAT").is_ok_and(|f| f == "json");
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let db = open(&cli.config).await?;
    if let Some(Command::Restore { file }) = &cli.command {
        // Before the migrations: the backup carries its own schema, which they update.
        server::backup::restore(&db, file).await?;
        let applied = app::db::migrate(&db).await?;
        println!(
            "restored {} (migrations applied now: {applied:?})",
            file.display()
        );
        return Ok(());
    }
    let applied = app::db::migrate(&db).await?;
    tracing::info!(?applied, url = %cli.config.database_url, "database ready");
    match cli.command.unwrap_or(Command::Serve) {
        Command::Migrate => Ok(()),
        Command::Seed => {
            let report = app::seed::seed(&db).await?;
            tracing::info!(?report, "seed complete");
            println!("{}", serde_json::to_string_pretty(&report)?);
            Ok(())
        }
        Command::User { action } => server::cli::user(&db, action).await,
        Command::Import {
            file,
            dry_run,
            actor,
        } => server::transfer::import(&db, &file, dry_run, &actor).await,
        Command::Export { dir } => server::transfer::export(&db, &dir).await,
        Command::Backup { file } => {
            server::backup::to_file(&db, &file).await?;
            println!("backup written to {}", file.display());
            Ok(())
        }
        Command::Restore { .. } => unreachable!("handled before the migrations"),
        Command::Serve => {
            if let Some(report) = app::seed::seed_if_empty(&db).await? {
                tracing::info!(?report, "first start: bundled data loaded");
            }
            // Load the in-memory copies (search, directory) now rather than on the first request.
            app::municipalities::directory::current(&db).await?;
            web::serve(db, &cli.config).await
        }
    }
}

//! The one server binary: web app, open data API and data commands.

use clap::Parser;
use server::config::{Cli, Command};
use server::web;
use tracing_subscriber::EnvFilter;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    init_logging();
    cli.config.apply_storage_limits();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run(cli))
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
    let db = app::db::connect(&cli.config.db()).await?;
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

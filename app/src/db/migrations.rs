//! Versioned SurrealQL migrations, applied in order, each once, each in a transaction.
//! The `migration` table records what has been applied.

use super::Db;
use crate::error::AppError;

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "core",
        sql: include_str!("../../migrations/0001_core.surql"),
    },
    Migration {
        version: 2,
        name: "services",
        sql: include_str!("../../migrations/0002_services.surql"),
    },
    Migration {
        version: 3,
        name: "services_fulltext",
        sql: include_str!("../../migrations/0003_services_fulltext.surql"),
    },
    Migration {
        version: 4,
        name: "search_version",
        sql: include_str!("../../migrations/0004_search_version.surql"),
    },
    Migration {
        version: 5,
        name: "email_rule",
        sql: include_str!("../../migrations/0005_email_rule.surql"),
    },
    Migration {
        version: 6,
        name: "neighbour_version",
        sql: include_str!("../../migrations/0006_neighbour_version.surql"),
    },
    Migration {
        version: 7,
        name: "search_changes",
        sql: include_str!("../../migrations/0007_search_changes.surql"),
    },
    Migration {
        version: 8,
        name: "project_programme_fields",
        sql: include_str!("../../migrations/0008_project_programme_fields.surql"),
    },
    Migration {
        version: 9,
        name: "service_location_check",
        sql: include_str!("../../migrations/0009_service_location_check.surql"),
    },
    Migration {
        version: 10,
        name: "staff",
        sql: include_str!("../../migrations/0010_staff.surql"),
    },
    Migration {
        version: 11,
        name: "cooperation_workflow",
        sql: include_str!("../../migrations/0011_cooperation_workflow.surql"),
    },
    Migration {
        version: 12,
        name: "service_phones",
        sql: include_str!("../../migrations/0012_service_phones.surql"),
    },
    Migration {
        version: 13,
        name: "email_rule_for_links",
        sql: include_str!("../../migrations/0013_email_rule_for_links.surql"),
    },
    Migration {
        version: 14,
        name: "shared_state",
        sql: include_str!("../../migrations/0014_shared_state.surql"),
    },
    Migration {
        version: 15,
        name: "taking_part",
        sql: include_str!("../../migrations/0015_taking_part.surql"),
    },
    Migration {
        version: 16,
        name: "working_together",
        sql: include_str!("../../migrations/0016_working_together.surql"),
    },
    Migration {
        version: 17,
        name: "forms_letters_links",
        sql: include_str!("../../migrations/0017_forms_letters_links.surql"),
    },
    Migration {
        version: 18,
        name: "report_follow_links",
        sql: include_str!("../../migrations/0018_report_follow_links.surql"),
    },
    Migration {
        version: 19,
        name: "pages_version",
        sql: include_str!("../../migrations/0019_pages_version.surql"),
    },
];

const BOOKKEEPING: &str = "
DEFINE TABLE IF NOT EXISTS migration SCHEMAFULL;
DEFINE FIELD IF NOT EXISTS version ON migration TYPE int;
DEFINE FIELD IF NOT EXISTS name ON migration TYPE string;
DEFINE FIELD IF NOT EXISTS applied_at ON migration TYPE datetime;
DEFINE INDEX IF NOT EXISTS migration_version ON migration FIELDS version UNIQUE;
";

/// The migrations this build knows that the database has not recorded (for readiness:
/// an app server must not serve a schema older than its code).
pub async fn pending(db: &Db) -> Result<Vec<i64>, AppError> {
    let mut response = db
        .query("SELECT VALUE version FROM migration ORDER BY version")
        .await?;
    let applied: Vec<i64> = response.take(0).unwrap_or_default();
    Ok(MIGRATIONS
        .iter()
        .map(|m| m.version)
        .filter(|v| !applied.contains(v))
        .collect())
}

/// Applies the migrations that are not recorded yet; returns the versions applied now.
pub async fn migrate(db: &Db) -> Result<Vec<i64>, AppError> {
    // The first write to a new database also writes the server's catalog, which other
    // databases' first writes touch at the same moment: it runs again on a conflict
    // (seen on a SurrealDB server with many test databases at once).
    super::transaction(
        db,
        &format!("BEGIN TRANSACTION;{BOOKKEEPING}COMMIT TRANSACTION;"),
        vec![],
    )
    .await?;
    let mut response =
        super::read(db, "SELECT VALUE version FROM migration ORDER BY version").await?;
    let applied: Vec<i64> = response.take(0)?;
    let mut now_applied = vec![];
    for migration in MIGRATIONS.iter().filter(|m| !applied.contains(&m.version)) {
        let sql = format!(
            "BEGIN TRANSACTION;\n{}\nCREATE type::record('migration', $version) SET version = $version, name = $name, applied_at = time::now();\nCOMMIT TRANSACTION;",
            migration.sql
        );
        // Run again if it conflicts with a concurrent writer; the transaction makes a
        // second run start from nothing.
        super::transaction(
            db,
            &sql,
            vec![
                ("version", migration.version.into()),
                ("name", migration.name.into()),
            ],
        )
        .await?;
        tracing::info!(
            version = migration.version,
            name = migration.name,
            "migration applied"
        );
        now_applied.push(migration.version);
    }
    Ok(now_applied)
}

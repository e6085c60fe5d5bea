//! `server import FILE` and `server export DIR`: the staff area's import and export on
//! the command line, with a progress bar on standard error.

use app::db::Db;
use app::transfer::import::{self, Progress};
use app::transfer::parse::Format;
use app::transfer::ImportReport;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

const BAR: usize = 30;

/// `[#####-----] 5000/10000`, redrawn in place.
fn bar(done: usize, total: usize) -> String {
    let filled = (done * BAR).checked_div(total).unwrap_or(BAR);
    format!(
        "[{}{}] {done}/{total}",
        "#".repeat(filled),
        "-".repeat(BAR - filled)
    )
}

fn show_progress(progress: Progress) {
    let mut err = std::io::stderr().lock();
    let _ = match progress {
        Progress::Checked(done, total) => write!(err, "\rchecking {}", bar(done, total)),
        Progress::Writing(count) => write!(err, "\nwriting {count} records in one transaction…"),
    };
    let _ = err.flush();
}

/// The report as text: counts, then each record with errors and its wrong fields (the
/// staff page explains each field in Dutch and French).
fn print_report(report: &ImportReport, committed: bool) {
    let verb = if committed {
        "imported"
    } else {
        "would import"
    };
    println!(
        "{} records read: {verb} {} new, {} updated; {} unchanged; {} with errors",
        report.rows(),
        report.create,
        report.update,
        report.unchanged,
        report.errors.len()
    );
    for error in &report.errors {
        let place = match error.line {
            0 => "file".to_owned(),
            line => format!("line {line}"),
        };
        println!("{place}: {}", error.fields.join(", "));
    }
}

pub async fn import(db: &Db, file: &Path, dry_run: bool, actor: &str) -> anyhow::Result<()> {
    let name = file.to_string_lossy();
    let format = Format::of(&name)
        .ok_or_else(|| anyhow::anyhow!("{name}: only .csv and .json files can be imported"))?;
    let bytes = std::fs::read(file)?;
    let started = Instant::now();
    let report = import::run(db, format, &bytes, actor, !dry_run, &mut show_progress).await?;
    eprintln!(" done in {:.1} s", started.elapsed().as_secs_f64());
    let committed = !dry_run && report.errors.is_empty();
    print_report(&report, committed);
    if !report.errors.is_empty() {
        anyhow::bail!(
            "{} records have errors: nothing was written",
            report.errors.len()
        );
    }
    if dry_run {
        println!("dry run: nothing was written");
    }
    Ok(())
}

pub async fn export(db: &Db, dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let bundle = app::transfer::export::export_all(db).await?;
    for (name, bytes) in bundle.files()? {
        let path = dir.join(name);
        std::fs::write(&path, &bytes)?;
        println!("wrote {} ({} bytes)", path.display(), bytes.len());
    }
    println!(
        "{} services, {} municipalities, {} clusters, {} projects, {} events, {} practices, {} contacts",
        bundle.services.len(),
        bundle.municipalities.len(),
        bundle.clusters.len(),
        bundle.projects.len(),
        bundle.events.len(),
        bundle.practices.len(),
        bundle.contacts.len()
    );
    Ok(())
}

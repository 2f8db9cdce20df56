//! The desk's speed and size against the targets of the issue, at realistic database sizes:
//! first frame, opening, search while typing, durable saves, the supervisor's reports, peak
//! memory, size on disk.
//!
//! `XFDESK_BENCH_VISITS=10000,100000 cargo bench --bench desk`
//!
//! Each database is generated once by the real binary (`xfdesk demo`) and kept under
//! `<target>/bench-db/v3/<visits>/`. Every measurement runs in a fresh child process (this binary
//! again, told its role by environment variables), so memory and opening are per size and not
//! helped by an earlier run in the same process. The results are printed, not asserted: they
//! depend on the machine.

mod child;
mod db;
mod desk_run;
mod queries;
mod report;
mod report_run;
mod save_run;
mod sqlite_run;

use std::process::ExitCode;
use std::time::Instant;

use report::Row;

/// Sizes to measure, as a comma list of visit counts.
const VISITS_VAR: &str = "XFDESK_BENCH_VISITS";
const DEFAULT_VISITS: &str = "10000";

fn main() -> ExitCode {
    let started = Instant::now();
    // As the desk's own `main` does, so its memory is what is measured.
    xfdesk::heap::keep_small();
    if let Some(role) = child::role() {
        return child::main(&role, started);
    }
    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and must not spend
    // minutes generating databases.
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("desk benchmark: run it with `cargo bench --bench desk`");
        return ExitCode::SUCCESS;
    }
    let sizes = match sizes() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{VISITS_VAR}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut rows = Vec::new();
    for visits in sizes {
        eprintln!("desk benchmark: {visits} visits");
        let row = measure(visits).unwrap_or_else(|e| {
            eprintln!("desk benchmark: {visits} visits failed: {e}");
            Row::failed(visits)
        });
        rows.push(row);
    }
    print!("{}", report::table(&rows));
    ExitCode::SUCCESS
}

fn sizes() -> Result<Vec<u64>, String> {
    let text = std::env::var(VISITS_VAR).unwrap_or_else(|_| DEFAULT_VISITS.into());
    text.split(',')
        .map(|s| s.trim().replace('_', ""))
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().map_err(|e| format!("“{s}”: {e}")))
        .collect()
}

/// One size: the cached database (generated if missing), the desk measured in one child and
/// the saves in another, on a scratch copy so the cached database stays as generated.
fn measure(visits: u64) -> Result<Row, String> {
    let dir = db::cached(visits)?;
    let disk_bytes = db::disk_usage(&dir)?;
    let desk = child::spawn(child::Role::Desk, &dir)?;
    let reports = child::spawn(child::Role::Report, &dir)?;
    let baseline = child::spawn(child::Role::Sqlite, &dir);
    let scratch = db::scratch_copy(&dir)?;
    let save = child::spawn(child::Role::Save, &scratch);
    db::remove(&scratch);
    Ok(Row {
        visits,
        desk: Some(desk),
        save: Some(save?),
        reports: Some(reports),
        baseline: baseline.map_err(|e| eprintln!("desk benchmark: {e}")).ok(),
        disk_bytes,
    })
}

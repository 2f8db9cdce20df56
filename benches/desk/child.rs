//! Measurements run in a child process: this benchmark binary again, told by environment
//! variables what to measure and where. The child prints one line of `key=value` pairs that the
//! parent reads back.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const ROLE_VAR: &str = "XFDESK_BENCH_ROLE";
const DB_VAR: &str = "XFDESK_BENCH_DB";
/// When the parent spawned the child, in nanoseconds since the Unix epoch, so the child can
/// tell how long the process took to start before `main`.
const SPAWNED_VAR: &str = "XFDESK_BENCH_SPAWNED_AT";
/// Marks the child's result line among whatever else it prints.
const RESULT_PREFIX: &str = "xfdesk-bench-result";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// First frame, opening, search while typing, peak memory.
    Desk,
    /// Durable saves next to raw fsyncs.
    Save,
    /// The overdue, due-soon and pending reports.
    Report,
    /// The same reports on SQLite, and the database's logical size.
    Sqlite,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Desk => "desk",
            Role::Save => "save",
            Role::Report => "report",
            Role::Sqlite => "sqlite",
        }
    }
}

/// What one child measured, by name; times in milliseconds, sizes in bytes.
pub type Measures = BTreeMap<String, f64>;

/// The role this process was started for, if it is a child.
pub fn role() -> Option<String> {
    std::env::var(ROLE_VAR).ok()
}

/// Runs one measurement in a fresh process and returns what it printed.
pub fn spawn(role: Role, db: &Path) -> Result<Measures, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this benchmark: {e}"))?;
    let out = Command::new(exe)
        .env(ROLE_VAR, role.name())
        .env(DB_VAR, db)
        .env(SPAWNED_VAR, unix_nanos().to_string())
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start the {} measurement: {e}", role.name()))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "the {} measurement failed ({}): {stdout}",
            role.name(),
            out.status
        ));
    }
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix(RESULT_PREFIX))
        .ok_or_else(|| format!("the {} measurement printed no result", role.name()))?;
    line.split_whitespace()
        .map(|pair| {
            let (k, v) = pair
                .split_once('=')
                .ok_or_else(|| format!("bad result “{pair}”"))?;
            let v: f64 = v.parse().map_err(|e| format!("bad result “{pair}”: {e}"))?;
            Ok((k.to_string(), v))
        })
        .collect()
}

/// The child's `main`: measures, prints the result line, and reports failure by exit code.
pub fn main(role: &str, started: Instant) -> ExitCode {
    let Some(db) = std::env::var_os(DB_VAR).map(PathBuf::from) else {
        eprintln!("{DB_VAR} is not set");
        return ExitCode::FAILURE;
    };
    let measured = match role {
        "desk" => crate::desk_run::measure(&db, started),
        "save" => crate::save_run::measure(&db),
        "report" => crate::report_run::measure(&db),
        "sqlite" => crate::sqlite_run::measure(&db),
        other => Err(format!("unknown role “{other}”")),
    };
    match measured {
        Ok(mut m) => {
            m.insert("peak_bytes".into(), peak_memory_bytes().unwrap_or(f64::NAN));
            let pairs: Vec<String> = m.iter().map(|(k, v)| format!("{k}={v}")).collect();
            println!("{RESULT_PREFIX} {}", pairs.join(" "));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{role} measurement: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Milliseconds since the parent spawned this process, if it said when.
pub fn since_spawn_ms() -> Option<f64> {
    let spawned: u128 = std::env::var(SPAWNED_VAR).ok()?.parse().ok()?;
    Some(unix_nanos().saturating_sub(spawned) as f64 / 1e6)
}

fn unix_nanos() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos()
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The process's peak resident memory (VmHWM) so far.
pub fn peak_memory_bytes() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024.0)
}

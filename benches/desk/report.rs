//! Percentiles, and the table the benchmark prints with the targets beneath.

use std::fmt::Write;

use crate::child::Measures;

/// What was measured at one database size.
pub struct Row {
    pub visits: u64,
    pub desk: Option<Measures>,
    pub save: Option<Measures>,
    pub reports: Option<Measures>,
    /// The reports on SQLite, and the logical size of the data.
    pub baseline: Option<Measures>,
    pub disk_bytes: u64,
}

impl Row {
    pub fn failed(visits: u64) -> Row {
        Row {
            visits,
            desk: None,
            save: None,
            reports: None,
            baseline: None,
            disk_bytes: 0,
        }
    }
}

/// The nearest-rank percentile of sorted samples; NaN when there are none.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Sorts `samples` and records their p50, p99, max and count under `name`.
pub fn summarise(m: &mut Measures, name: &str, samples: &mut [f64]) {
    samples.sort_by(f64::total_cmp);
    m.insert(format!("{name}_p50_ms"), percentile(samples, 50.0));
    m.insert(format!("{name}_p99_ms"), percentile(samples, 99.0));
    m.insert(format!("{name}_max_ms"), percentile(samples, 100.0));
    m.insert(format!("{name}_count"), samples.len() as f64);
}

const MB: f64 = 1024.0 * 1024.0;

const HEADER: [&str; 14] = [
    "visits",
    "first frame ms (main / spawn)",
    "open ms",
    "search usable ms",
    "search p50 / p99 / max ms",
    "key→frame p50 / p99 / max ms",
    "save p50 / p99 ms",
    "raw fsync p50 / p99 ms",
    "save/raw p99",
    "sled floor p50 / p99 ms",
    "report first ms (overdue / due soon / pending)",
    "report p50 / max ms (overdue / due soon / pending)",
    "peak MB (desk / save)",
    "disk MB",
];

const TARGETS: &str = "\
Targets at 1 000 000 visits (scale issue): first frame ≤ 50 ms · search usable ≤ 500 ms after
start · a search keystroke ≤ 5 ms p99 · each report ≤ 50 ms · durable save ≤ 2× the raw fsync ·
peak memory ≤ 150 MB · disk ≤ 3× the raw data (second table). Earlier issues asked for search
usable ≤ 1000 ms, a keystroke ≤ 10 ms, reports ≤ 100 ms, peak memory < 200 MB.
Search: `Store::search_visits(prefix, rows)` per keystroke prefix (names, pinyin initials,
full pinyin, identity numbers, phones, last four digits), rows = one screen of the 120×40
desk (`first_search_rows`): what a keystroke fetches, scrolling fetches more. key→frame: the
same typing through `Desk::handle` + `draw` on a TestBackend, signed in as the demo clerk, so
the search is the clerk's own visits (other people, so each meets cold data).
Saves: `Store::register_visit` on a scratch copy, half return visits, half newcomers; raw fsync
overwrites a record of the same size in a preallocated file in the same directory and fsyncs it.
sled floor: the same record inserted into an empty sled database in that directory, then sled's
flush and an fsync of its file, as a save ends: no durable save through sled is faster.
Peak MB is VmHWM of each child process; the save child's peak right after opening is listed above.
Reports: `Store::pending_matters` then
`domain::report::report` with the statutory policy, in a fresh process; first is the first of
each kind (the overdue one meets a cold database), then p50 / max of five more.
";

pub fn table(rows: &[Row]) -> String {
    let mut out = grid(&HEADER, rows.iter().map(cells));
    out.push_str(&notes_per_size(rows));
    out.push_str(TARGETS);
    out.push_str(&grid(&BASELINE_HEADER, rows.iter().map(baseline_cells)));
    out.push_str(BASELINE_NOTES);
    out
}

/// A Markdown table of `header` and `rows`, right-aligned.
fn grid(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut lines = vec![header.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    lines.extend(rows);
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            lines
                .iter()
                .map(|l| l[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::from("\n");
    for (n, line) in lines.iter().enumerate() {
        let padded: Vec<String> = line
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:>w$}"))
            .collect();
        let _ = writeln!(out, "| {} |", padded.join(" | "));
        if n == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            let _ = writeln!(out, "|-{}-|", rule.join("-|-"));
        }
    }
    out.push('\n');
    out
}

const BASELINE_HEADER: [&str; 6] = [
    "visits",
    "sled report p50 ms (overdue / due soon / pending)",
    "SQLite report p50 ms (overdue / due soon / pending)",
    "sled ÷ SQLite",
    "logical MB / disk MB / disk ÷ logical",
    "SQLite file MB (open matters only)",
];

const BASELINE_NOTES: &str = "\
Baseline: the open matters loaded from the sled database into SQLite (WAL, synchronous=FULL),
each row's due date and duty worked out once with the statutory policy and indexed; each
report one indexed query read into Rust values, p50 of six on a fresh connection. Logical MB is
every key and value of every sled tree; the target is disk ≤ 3× the raw data.
";

fn baseline_cells(row: &Row) -> Vec<String> {
    let empty = Measures::new();
    let r = row.reports.as_ref().unwrap_or(&empty);
    let b = row.baseline.as_ref().unwrap_or(&empty);
    let v = |m: &Measures, k: &str| m.get(k).copied().unwrap_or(f64::NAN);
    let kinds = ["overdue", "due_soon", "pending"];
    let p50 = |m: &Measures, prefix: &str| -> Vec<f64> {
        kinds
            .iter()
            .map(|k| v(m, &format!("{prefix}{k}_p50_ms")))
            .collect()
    };
    let (sled, sqlite) = (p50(r, "report_"), p50(b, "sqlite_"));
    let joined = |xs: &[f64]| xs.iter().map(|x| f(*x)).collect::<Vec<_>>().join(" / ");
    let ratios: Vec<String> = sled
        .iter()
        .zip(&sqlite)
        .map(|(a, b)| format!("{:.1}×", a / b))
        .collect();
    let logical = v(b, "logical_bytes");
    vec![
        row.visits.to_string(),
        joined(&sled),
        joined(&sqlite),
        ratios.join(" / "),
        format!(
            "{:.0} / {:.0} / {:.1}×",
            logical / MB,
            row.disk_bytes as f64 / MB,
            row.disk_bytes as f64 / logical
        ),
        format!("{:.1}", v(b, "sqlite_file_bytes") / MB),
    ]
}

fn cells(row: &Row) -> Vec<String> {
    let empty = Measures::new();
    let d = row.desk.as_ref().unwrap_or(&empty);
    let s = row.save.as_ref().unwrap_or(&empty);
    let r = row.reports.as_ref().unwrap_or(&empty);
    let v = |m: &Measures, k: &str| m.get(k).copied().unwrap_or(f64::NAN);
    let kinds = ["overdue", "due_soon", "pending"];
    let first: Vec<String> = kinds
        .iter()
        .map(|k| f(v(r, &format!("report_{k}_first_ms"))))
        .collect();
    let steady: Vec<String> = kinds
        .iter()
        .map(|k| {
            format!(
                "{} / {}",
                f(v(r, &format!("report_{k}_p50_ms"))),
                f(v(r, &format!("report_{k}_max_ms")))
            )
        })
        .collect();
    let three = |m: &Measures, name: &str| {
        format!(
            "{} / {} / {}",
            f(v(m, &format!("{name}_p50_ms"))),
            f(v(m, &format!("{name}_p99_ms"))),
            f(v(m, &format!("{name}_max_ms")))
        )
    };
    let two = |m: &Measures, name: &str| {
        format!(
            "{} / {}",
            f(v(m, &format!("{name}_p50_ms"))),
            f(v(m, &format!("{name}_p99_ms")))
        )
    };
    vec![
        row.visits.to_string(),
        format!(
            "{} / {}",
            f(v(d, "first_frame_ms")),
            f(v(d, "first_frame_spawn_ms"))
        ),
        f(v(d, "open_ms")),
        f(v(d, "search_usable_ms")),
        three(d, "search"),
        three(d, "key"),
        two(s, "save"),
        two(s, "raw"),
        format!("{:.1}×", v(s, "save_p99_ms") / v(s, "raw_p99_ms")),
        two(s, "sled_floor"),
        first.join(" / "),
        steady.join(" · "),
        format!(
            "{:.0} / {:.0}",
            v(d, "peak_bytes") / MB,
            v(s, "peak_bytes") / MB
        ),
        format!("{:.0}", row.disk_bytes as f64 / MB),
    ]
}

/// Per size: how many matters the reports found, memory right after opening, and the slowest
/// single search of each kind of query.
fn notes_per_size(rows: &[Row]) -> String {
    let mut out = String::new();
    for row in rows {
        if let Some(r) = &row.reports {
            let n = |k: &str| r.get(k).copied().unwrap_or(f64::NAN);
            let _ = writeln!(
                out,
                "reports at {} visits: {:.0} open matters ({} ms p50 to read their rows); {:.0} overdue, {:.0} due soon",
                row.visits,
                n("pending_rows"),
                f(n("pending_read_p50_ms")),
                n("report_overdue_lines"),
                n("report_due_soon_lines")
            );
        }
        if let Some(peak) = row
            .save
            .as_ref()
            .and_then(|s| s.get("peak_after_open_bytes"))
        {
            let _ = writeln!(
                out,
                "peak memory right after SledStore::open at {} visits: {:.0} MB",
                row.visits,
                peak / MB
            );
        }
        let Some(d) = &row.desk else { continue };
        let n = |k: &str| d.get(k).copied().unwrap_or(f64::NAN);
        let _ = writeln!(
            out,
            "a clerk's search by a code that registered few of the matches at {} visits: p50 / p99 / max {} / {} / {} ms",
            row.visits,
            f(n("few_own_p50_ms")),
            f(n("few_own_p99_ms")),
            f(n("few_own_max_ms"))
        );
        let kinds: Vec<String> = d
            .iter()
            .filter_map(|(k, v)| Some(format!("{} {}", k.strip_prefix("search_max_ms.")?, f(*v))))
            .collect();
        if !kinds.is_empty() {
            let _ = writeln!(
                out,
                "slowest search by query kind at {} visits (ms): {}",
                row.visits,
                kinds.join(", ")
            );
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Milliseconds with precision where it matters.
fn f(ms: f64) -> String {
    if ms.is_nan() {
        "-".into()
    } else if ms < 10.0 {
        format!("{ms:.2}")
    } else if ms < 100.0 {
        format!("{ms:.1}")
    } else {
        format!("{ms:.0}")
    }
}

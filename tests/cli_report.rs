//! `xfdesk report` on a small demo database, as a supervisor scripting it would use it: the
//! overdue list names each late matter with its days late, JSON and CSV carry the same, and
//! the office's own policy file is read (or, when broken, named and set aside).

#[path = "common/cli.rs"]
mod cli;

use std::path::Path;
use std::process::Command;

use assert_cmd::prelude::*;
use chrono::NaiveDate;
use xfdesk::domain::report::{ReportKind, report};
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::sled_store::SledStore;

const TODAY: &str = "2026-11-23";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// As the demo's supervisor: reports print names, so they need a signed-in operator.
fn xfdesk(db: &Path) -> Command {
    let mut cmd = cli::xfdesk_as(db, "demo-supervisor");
    cmd.args(["--today", TODAY]);
    cmd
}

fn demo_db(dir: &Path, visits: &str) -> std::path::PathBuf {
    let db = dir.join("desk");
    xfdesk(&db)
        .args(["demo", "--visits", visits, "--seed", "3"])
        .assert()
        .success();
    db
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

/// The overdue report as the library computes it: (number, days late), worst first.
fn expected_overdue(db: &Path) -> Vec<(String, i64)> {
    let store = SledStore::open(db).unwrap();
    let (policy, calendar, _) = xfdesk::config::deadline_setup(db, Lang::Zh);
    let rows = store.pending_matters().unwrap();
    report(ReportKind::Overdue, &rows, today(), &policy, &calendar)
        .iter()
        .map(|l| {
            let late = -l.urgency.map(|u| u.days_left()).unwrap_or_default();
            (l.row.number.to_string(), late)
        })
        .collect()
}

#[test]
fn the_overdue_report_names_each_late_matter_with_its_days_late_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "1500");
    let expected = expected_overdue(&db);
    assert!(!expected.is_empty(), "the demo has overdue matters");

    let table = stdout(xfdesk(&db).args(["report", "overdue"]));
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("编号") && lines[0].contains("剩余/超期"));
    for (i, (number, late)) in expected.iter().enumerate() {
        let line = lines[i + 1];
        assert!(line.starts_with(number.as_str()), "{line}");
        assert!(line.contains(&format!("超期{late}天")), "{line}");
    }
    let summary = format!("超期事项:共{}件(截至{TODAY})", expected.len());
    assert!(table.contains(&summary), "{table}");

    let json = stdout(xfdesk(&db).args(["report", "overdue", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(doc["report"], "overdue");
    assert_eq!(doc["today"], TODAY);
    assert_eq!(doc["total"], expected.len());
    let first = &doc["matters"][0];
    assert_eq!(first["number"], expected[0].0.as_str());
    assert_eq!(first["days_left"], -expected[0].1);
    assert!(first["due"].as_str().is_some_and(|d| d < TODAY));
    let with_signals = doc["matters"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["signals"].as_array().is_some_and(|s| !s.is_empty()))
        .count();
    assert!(
        with_signals > 0,
        "late matters carry the signals that flag them"
    );

    let limited = stdout(xfdesk(&db).args(["report", "overdue", "--limit", "1"]));
    if expected.len() > 1 {
        let more = format!("另有{}件未列出", expected.len() - 1);
        assert!(limited.contains(&more), "{limited}");
    }

    let csv = stdout(xfdesk(&db).args([
        "--lang", "en", "report", "pending", "--format", "csv", "--limit", "3",
    ]));
    assert!(
        csv.starts_with('\u{feff}'),
        "Excel needs the byte-order mark"
    );
    let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(rows[0].starts_with("Number,Petitioner,Category,State,Stage,Due"));
    assert_eq!(rows.len(), 4);
}

/// What a subcommand working out due dates prints when it set policy.toml aside.
fn names_the_policy_set_aside(stderr: &[u8]) {
    let warning = String::from_utf8_lossy(stderr);
    assert!(
        warning.contains("policy.toml") && warning.contains("使用法定时限"),
        "{warning}"
    );
}

#[test]
fn the_offices_policy_file_is_read_and_a_broken_one_is_named_and_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path(), "800");
    let count = |db: &Path| {
        let json = stdout(xfdesk(db).args(["report", "due-soon", "--format", "json"]));
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        doc["total"].as_u64().unwrap()
    };
    let statutory = count(&db);
    std::fs::write(db.join("policy.toml"), "due_soon_days = 20\n").unwrap();
    assert!(count(&db) > statutory, "a wider warning window lists more");

    std::fs::write(db.join("policy.toml"), "due_soon_days = \"soon\"\n").unwrap();
    let out = xfdesk(&db)
        .args(["report", "due-soon", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    names_the_policy_set_aside(&out.stderr);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["total"].as_u64(), Some(statutory));

    // The ledger's export works out due dates too, and says which file it set aside.
    let ledger = dir.path().join("ledger.csv");
    let out = xfdesk(&db)
        .args(["export", "--format", "csv", "--out"])
        .arg(&ledger)
        .assert()
        .success()
        .get_output()
        .clone();
    names_the_policy_set_aside(&out.stderr);
    assert!(ledger.is_file());
}

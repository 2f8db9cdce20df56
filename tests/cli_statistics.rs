//! `xfdesk report quarterly|annual` on a small demo database: the totals equal the visits
//! received in the period (counted here straight from the visits list), every breakdown adds
//! up to them, the quarter before is there to compare, and every format is what it says.

#[path = "common/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use chrono::{Datelike, NaiveDate};
use xfdesk::store::Store;
use xfdesk::store::sled_store::SledStore;

const TODAY: &str = "2026-11-23";

fn xfdesk(db: &Path, operator: &str) -> Command {
    let mut cmd = cli::xfdesk_as(db, operator);
    cmd.args(["--today", TODAY]);
    cmd
}

fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("desk");
    xfdesk(&db, "demo-supervisor")
        .args(["demo", "--visits", "300", "--seed", "3"])
        .assert()
        .success();
    db
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    let text = stdout(xfdesk(db, "demo-supervisor").args(["report"]).args(args));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// Visits received on days `from..until`, counted from the whole visits list.
fn visits_in(db: &Path, keep: impl Fn(NaiveDate) -> bool) -> u64 {
    let store = SledStore::open(db).unwrap();
    let all = store.visits_newest_first(None, 100_000).unwrap();
    all.iter().filter(|v| keep(v.received_at.date())).count() as u64
}

fn sum(list: &serde_json::Value) -> u64 {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| e["count"].as_u64().unwrap())
        .sum()
}

#[test]
fn the_quarterly_report_counts_the_quarters_visits_and_compares_with_the_one_before() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let doc = json(
        &db,
        &["quarterly", "--quarter", "2026q3", "--format", "json"],
    );
    assert_eq!(doc["report"], "quarterly");
    assert_eq!(doc["period"], "2026Q3");
    assert_eq!(doc["previous_period"], "2026Q2");
    let q3 = visits_in(&db, |d| d.year() == 2026 && (7..=9).contains(&d.month()));
    let q2 = visits_in(&db, |d| d.year() == 2026 && (4..=6).contains(&d.month()));
    assert!(q3 > 0, "the demo has visits in the quarter");
    let f = &doc["figures"];
    assert_eq!(f["visits"].as_u64(), Some(q3));
    assert_eq!(doc["previous"]["visits"].as_u64(), Some(q2));
    for breakdown in [
        "by_channel",
        "by_kind",
        "by_category",
        "by_township",
        "by_month",
    ] {
        assert_eq!(sum(&f[breakdown]), q3, "{breakdown}");
    }
    assert_eq!(f["by_month"].as_array().map(Vec::len), Some(3));
    let (matters, repeats) = (
        f["matters"].as_u64().unwrap(),
        f["repeat_visits"].as_u64().unwrap(),
    );
    // Every visit either opened a matter of the quarter or came back to an earlier one.
    assert!(matters + repeats <= q3 && matters > 0);
    assert!(f["settled"].as_u64() <= f["finished"].as_u64());
    assert!(f["on_time"].as_u64() <= f["timed"].as_u64());
    let rate = f["on_time_rate"].as_u64().unwrap();
    assert!(rate <= 100);
}

#[test]
fn the_annual_report_has_the_fields_of_article_41() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let doc = json(&db, &["annual", "--year", "2026", "--format", "json"]);
    assert_eq!(doc["report"], "annual");
    assert!(doc.get("previous").is_none());
    let year = visits_in(&db, |d| d.year() == 2026);
    let f = &doc["figures"];
    assert_eq!(f["visits"].as_u64(), Some(year));
    assert_eq!(sum(&f["by_kind"]), year);
    assert_eq!(f["by_month"].as_array().map(Vec::len), Some(12));
    assert!(!f["by_category"].as_array().unwrap().is_empty());
    assert!(!f["by_department"].as_array().unwrap().is_empty());
    for count in ["forwarded", "assigned", "supervised"] {
        assert!(f[count].as_u64().is_some(), "{count}");
    }

    let table = stdout(xfdesk(&db, "demo-supervisor").args(["report", "annual", "--year", "2026"]));
    assert!(table.starts_with("2026年度信访工作情况"), "{table}");
    for field in [
        "关注领域",
        "被反映较多的单位",
        "转送件数",
        "交办件数",
        "催办督办件数",
    ] {
        assert!(table.contains(field), "{field}: {table}");
    }
    let line = table.lines().find(|l| l.contains("登记件次")).unwrap();
    assert!(line.contains(&year.to_string()), "{line}");
}

#[test]
fn csv_opens_in_excel_and_a_bad_quarter_or_a_clerk_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let csv = stdout(xfdesk(&db, "demo-supervisor").args([
        "report",
        "quarterly",
        "--quarter",
        "2026Q3",
        "--format",
        "csv",
    ]));
    assert!(
        csv.starts_with("\u{feff}分类,项目,本期,上期,增减\r\n"),
        "{csv}"
    );
    assert!(csv.contains("\r\n按渠道,走访,"), "{csv}");

    let bad = xfdesk(&db, "demo-supervisor")
        .args(["report", "quarterly", "--quarter", "2026Q5"])
        .assert()
        .failure();
    let err = String::from_utf8(bad.get_output().stderr.clone()).unwrap();
    assert!(err.contains("2026Q3"), "{err}");
    xfdesk(&db, "demo-clerk")
        .args(["report", "annual", "--year", "2026"])
        .assert()
        .failure();
}

/// (item, count this quarter, count the quarter before) of one section of the CSV report.
fn csv_section(csv: &str, section: &str) -> Vec<(String, u64, u64)> {
    let n = |s: &str| s.parse::<u64>().unwrap();
    csv.trim_start_matches('\u{feff}')
        .split("\r\n")
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|c| c[0] == section)
        .map(|c| (c[1].to_string(), n(c[2]), n(c[3])))
        .collect()
}

/// (item, count) of one section of the table: the section is named on its first line only.
fn table_section(table: &str, section: &str) -> Vec<(String, u64)> {
    let mut inside = false;
    let mut rows = Vec::new();
    for line in table.lines() {
        if !line.starts_with(' ') {
            inside = line.starts_with(section);
        }
        if !inside {
            continue;
        }
        let cells: Vec<&str> = line.split_whitespace().collect();
        let cells = if line.starts_with(' ') {
            &cells[..]
        } else {
            &cells[1..]
        };
        rows.push((cells[0].to_string(), cells[1].parse().unwrap()));
    }
    rows
}

fn names(list: &serde_json::Value) -> Vec<String> {
    let names = list.as_array().unwrap().iter();
    names
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect()
}

/// The quarter of the small demo has eleven fields of concern and sixteen townships: the
/// printed report lists them all, so each list adds up to the visits counted at its top.
#[test]
fn every_field_of_concern_and_township_is_printed_so_each_list_adds_up_to_the_visits() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let args = ["quarterly", "--quarter", "2026Q3"];
    let doc = json(&db, &[&args[..], &["--format", "json"]].concat());
    let (visits, before) = (
        doc["figures"]["visits"].as_u64().unwrap(),
        doc["previous"]["visits"].as_u64().unwrap(),
    );
    let report = |format: &str| {
        stdout(
            xfdesk(&db, "demo-supervisor")
                .args(["report"])
                .args(args)
                .args(["--format", format]),
        )
    };
    let (csv, table) = (report("csv"), report("table"));
    let counted = table.lines().find(|l| l.contains("登记件次")).unwrap();
    assert!(counted.contains(&format!(" {visits} ")), "{counted}");
    for (section, list) in [
        ("关注领域(问题类别)", "by_category"),
        ("按乡镇(街道)", "by_township"),
    ] {
        let all = names(&doc["figures"][list]);
        assert!(all.len() > 10, "more than the ten once printed: {all:?}");
        let rows = csv_section(&csv, section);
        let listed: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        assert_eq!(listed.get(..all.len()), Some(&all[..]), "{csv}");
        assert_eq!(rows.iter().map(|r| r.1).sum::<u64>(), visits, "{csv}");
        assert_eq!(rows.iter().map(|r| r.2).sum::<u64>(), before, "{csv}");
        let rows = table_section(&table, section);
        assert_eq!(rows.len(), listed.len(), "{table}");
        assert_eq!(rows.iter().map(|r| r.1).sum::<u64>(), visits, "{table}");
    }
}

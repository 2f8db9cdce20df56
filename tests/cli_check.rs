//! `xfdesk check` as an office runs it: exit 0 on a database nobody damaged, and on a
//! tampered one a non-zero exit with the broken entry named. It runs as a supervisor or an
//! administrator, signed in like every subcommand that reads the whole database.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/evidence.rs"]
mod evidence;

use assert_cmd::Command;
use cli::run_as;

/// Run as the demo's supervisor, who may check.
fn xfdesk(db: &std::path::Path, args: &[&str]) -> assert_cmd::assert::Assert {
    run_as(db, "demo-supervisor", args)
}

#[test]
fn check_passes_a_demo_database_and_names_the_entry_edited_behind_its_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    xfdesk(&db, &["--today", "2026-11-30", "demo", "--visits", "300"]).success();

    let clean = xfdesk(&db, &["check"]).success();
    let out = String::from_utf8_lossy(&clean.get_output().stdout).to_string();
    assert!(
        out.contains("检查通过") && out.contains("300 条来访"),
        "{out}"
    );

    {
        let raw = sled::open(db.join("sled")).unwrap();
        evidence::edit_log_block(&raw, 5, |entries| {
            // The last byte belongs to the entry's own hash.
            if let Some(last) = evidence::entry(entries, 5).last_mut() {
                *last ^= 0x01;
            }
        });
    }
    let broken = xfdesk(&db, &["--lang", "en", "check"]).failure().code(2);
    let out = String::from_utf8_lossy(&broken.get_output().stdout).to_string();
    assert!(
        out.contains("from entry #5") && out.contains("changed after it was written"),
        "{out}"
    );
}

#[test]
fn check_needs_a_supervisor_or_an_administrator_and_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    xfdesk(&db, &["--today", "2026-11-30", "demo", "--visits", "20"]).success();

    let nobody = Command::cargo_bin("xfdesk")
        .unwrap()
        .env_remove("XFDESK_OPERATOR")
        .env_remove("XFDESK_PIN")
        .arg("--db")
        .arg(&db)
        .arg("check")
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&nobody.get_output().stderr).to_string();
    assert!(err.contains("--operator"), "{err}");
    for refused in ["demo-clerk", "demo-secretary"] {
        let out = run_as(&db, refused, &["check"]).failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(err.contains("不能执行此命令"), "{err}");
        assert!(out.get_output().stdout.is_empty(), "nothing checked");
    }
    for allowed in ["demo-supervisor", "demo-admin"] {
        run_as(&db, allowed, &["check"]).success();
    }

    use xfdesk::domain::audit::AuditKind;
    use xfdesk::store::Store;
    let store = xfdesk::store::sled_store::SledStore::open(&db).unwrap();
    let runs: Vec<(String, String)> = store
        .audit_log(0, usize::MAX)
        .unwrap()
        .into_iter()
        .filter(|(_, e)| e.kind == AuditKind::CommandLine && e.subject == "check")
        .map(|(_, e)| (e.operator, e.detail))
        .collect();
    let expected: Vec<(String, String)> = [
        ("demo-clerk", "refused: role"),
        ("demo-secretary", "refused: role"),
        ("demo-supervisor", ""),
        ("demo-admin", ""),
    ]
    .iter()
    .map(|(o, d)| (o.to_string(), d.to_string()))
    .collect();
    assert_eq!(runs, expected);
}

/// sled finds its files damaged: the office is told so in its language, with what to do.
#[test]
fn a_damaged_database_is_named_so_with_the_way_back_from_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    xfdesk(&db, &["--today", "2026-11-30", "demo", "--visits", "5"]).success();
    // A finished snapshot, named after every other one, holding garbage.
    std::fs::write(
        db.join("sled").join("snap.FFFFFFFFFFFFFFFE"),
        b"not a snapshot at all",
    )
    .unwrap();

    let refused = xfdesk(&db, &["check"]).failure();
    let err = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(err.contains("数据库文件已损坏"), "{err}");
    assert!(err.contains("xfdesk restore 备份文件 --db 新目录"), "{err}");
    assert!(!err.contains("damaged"), "{err}");
}

#[test]
fn a_record_cut_short_is_named_in_chinese_without_the_codecs_english() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    xfdesk(&db, &["--today", "2026-11-30", "demo", "--visits", "300"]).success();
    {
        let raw = sled::open(db.join("sled")).unwrap();
        let pending = raw.open_tree("pending").unwrap();
        let (key, bytes) = pending.first().unwrap().expect("the demo has open matters");
        pending.insert(key, &bytes[..bytes.len() - 2]).unwrap();
        raw.flush().unwrap();
    }
    let zh = xfdesk(&db, &["check"]).failure().code(2);
    let out = String::from_utf8_lossy(&zh.get_output().stdout).to_string();
    assert!(out.contains("已损坏:数据不完整(被截断)"), "{out}");
    assert!(
        !out.contains("cut short") && !out.contains("Unexpected"),
        "{out}"
    );
    let en = xfdesk(&db, &["--lang", "en", "check"]).failure().code(2);
    let out = String::from_utf8_lossy(&en.get_output().stdout).to_string();
    assert!(out.contains("is damaged: cut short"), "{out}");
}

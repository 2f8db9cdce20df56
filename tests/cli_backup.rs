//! `xfdesk backup` and `xfdesk restore` as an office runs them: a restored database passes
//! `xfdesk check` and answers as the original did; a damaged backup, a non-empty target, a
//! role that may not, and a desk holding the database are each refused with a message.

use std::path::{Path, PathBuf};

#[path = "common/cli.rs"]
mod cli;

use assert_cmd::Command;
use cli::run_as;
use xfdesk::domain::audit::AuditKind;
use xfdesk::store::Store;
use xfdesk::store::sled_store::SledStore;

fn admin(db: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    run_as(db, "demo-admin", args)
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).to_string()
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).to_string()
}

/// A demo database and a backup of it.
fn backed_up(dir: &Path) -> (PathBuf, PathBuf) {
    let db = dir.join("desk");
    admin(&db, &["--today", "2026-11-30", "demo", "--visits", "120"]).success();
    let file = dir.join("desk.xfbak");
    let done = admin(&db, &["backup", "--out", file.to_str().unwrap()]).success();
    assert!(
        stdout(&done).contains("已备份 120 条来访"),
        "{}",
        stdout(&done)
    );
    (db, file)
}

/// What the desk shows of a database, everything a user could tell apart.
fn answers(db: &Path) -> Vec<String> {
    let store = SledStore::open(db).unwrap();
    let mut out = vec![];
    for v in store.visits_newest_first(None, usize::MAX).unwrap() {
        out.push(format!("{v:?}"));
    }
    for m in store.pending_matters().unwrap() {
        out.push(format!("{m:?}"));
        out.push(format!("{:?}", store.matter(m.id).unwrap()));
    }
    out.push(format!("{:?}", store.operators().unwrap()));
    out.push(format!("{:?}", store.leaders().unwrap()));
    out.push(format!("{:?}", store.departments().unwrap()));
    let (from, to) = (
        chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2100, 1, 1).unwrap(),
    );
    out.push(format!("{:?}", store.sessions_between(from, to).unwrap()));
    out
}

fn evidence(db: &Path) -> Vec<(u64, xfdesk::domain::audit::AuditEvent)> {
    SledStore::open(db)
        .unwrap()
        .audit_log(0, usize::MAX)
        .unwrap()
}

#[test]
fn a_restored_database_passes_check_and_answers_as_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = backed_up(dir.path());
    let restored = dir.path().join("restored");
    let done = admin(&restored, &["restore", file.to_str().unwrap()]).success();
    assert!(stdout(&done).contains("120 条来访"), "{}", stdout(&done));

    let checked = run_as(&restored, "demo-supervisor", &["check"]).success();
    assert!(
        stdout(&checked).contains("检查通过"),
        "{}",
        stdout(&checked)
    );
    assert_eq!(answers(&restored), answers(&db));
    // The office's own settings came along.
    assert_eq!(
        std::fs::read(restored.join("office.toml")).unwrap(),
        std::fs::read(db.join("office.toml")).unwrap()
    );

    // The evidence log is the original's, up to the backup, then the restore's own entries.
    let original = evidence(&db);
    let copy = evidence(&restored);
    let backup_entry = original
        .iter()
        .position(|(_, e)| e.kind == AuditKind::BackedUp)
        .expect("the backup is recorded in the original");
    assert_eq!(copy[..backup_entry], original[..backup_entry]);
    assert!(
        copy.iter()
            .any(|(_, e)| e.kind == AuditKind::Restored && e.operator == "demo-admin"),
        "the restore is recorded in the restored database"
    );
    // The restored database counts the backup it came from as its last one.
    let at = SledStore::open(&restored).unwrap().last_backup().unwrap();
    let backed = &original[backup_entry].1.at;
    assert!(
        at.is_some_and(|at| (*backed - at).num_seconds().abs() < 60),
        "{at:?}"
    );
}

#[test]
fn a_damaged_or_cut_backup_is_refused_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_, file) = backed_up(dir.path());
    let good = std::fs::read(&file).unwrap();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x10;
    let cut = &good[..good.len() - 100];
    for (name, bytes) in [("flipped", &flipped[..]), ("cut", cut)] {
        let bad = dir.path().join(format!("{name}.xfbak"));
        std::fs::write(&bad, bytes).unwrap();
        let target = dir.path().join(format!("from-{name}"));
        let refused = admin(&target, &["--lang", "en", "restore", bad.to_str().unwrap()]).failure();
        assert!(
            stderr(&refused).contains("the checksum does not match"),
            "{name}: {}",
            stderr(&refused)
        );
        assert!(!target.exists(), "{name}: nothing restored");
    }
    let not_a_backup = dir.path().join("notes.txt");
    std::fs::write(&not_a_backup, "信访接待").unwrap();
    let refused = admin(
        &dir.path().join("x"),
        &["restore", not_a_backup.to_str().unwrap()],
    );
    assert!(stderr(&refused.failure()).contains("不是 xfdesk 备份文件"));
}

#[test]
fn a_restore_into_a_database_that_holds_anything_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = backed_up(dir.path());
    let before = answers(&db);
    let refused = admin(&db, &["restore", file.to_str().unwrap()]).failure();
    assert!(
        stderr(&refused).contains("已有内容"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(answers(&db), before);

    // An empty directory made ready for it is fine.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    admin(&empty, &["restore", file.to_str().unwrap()]).success();
}

#[test]
fn only_an_administrator_backs_up_or_restores() {
    let dir = tempfile::tempdir().unwrap();
    let (db, file) = backed_up(dir.path());
    let other = dir.path().join("by-clerk.xfbak");
    let refused = run_as(
        &db,
        "demo-clerk",
        &["backup", "--out", other.to_str().unwrap()],
    );
    assert!(stderr(&refused.failure()).contains("不能执行此命令"));
    assert!(!other.exists());
    let log = evidence(&db);
    let last = &log.last().unwrap().1;
    assert_eq!(
        (last.kind, last.subject.as_str(), last.detail.as_str()),
        (AuditKind::CommandLine, "backup", "refused: role")
    );

    let target = dir.path().join("by-supervisor");
    let refused = run_as(
        &target,
        "demo-supervisor",
        &["restore", file.to_str().unwrap()],
    );
    assert!(stderr(&refused.failure()).contains("不能执行此命令"));
    assert!(!target.exists(), "a refused restore leaves nothing");

    let wrong_pin = Command::cargo_bin("xfdesk")
        .unwrap()
        .env("XFDESK_OPERATOR", "demo-admin")
        .env("XFDESK_PIN", "000000")
        .arg("--db")
        .arg(&target)
        .args(["restore", file.to_str().unwrap()])
        .assert()
        .failure();
    assert!(!stderr(&wrong_pin).is_empty());
    assert!(!target.exists());
}

/// A process that holds the database and never takes the request (a desk still opening a
/// large database, or one of an older version): the command line gives up after `--wait`
/// seconds, withdraws its request (with the PIN in it) and says what to do instead.
#[test]
fn a_backup_no_desk_takes_is_withdrawn_with_what_to_do_instead() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = backed_up(dir.path());
    let _desk = SledStore::open(&db).unwrap();
    let out = dir.path().join("later.xfbak");
    let out = out.to_str().unwrap();
    let refused = admin(&db, &["backup", "--out", out, "--wait", "1"]).failure();
    let err = stderr(&refused);
    assert!(err.contains("登记台正在使用数据库"), "{err}");
    assert!(err.contains(&std::process::id().to_string()), "{err}");
    assert!(
        err.contains("1 秒内没有接手备份请求") && err.contains("Ctrl-B"),
        "{err}"
    );
    let refused = admin(
        &db,
        &["--lang", "en", "backup", "--out", out, "--wait", "1"],
    );
    let err = stderr(&refused.failure());
    assert!(err.contains("quit the desk"), "{err}");
    assert!(!std::path::Path::new(out).exists());
    let left: Vec<_> = std::fs::read_dir(&db)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("backup."))
        .collect();
    assert!(left.is_empty(), "no request is left behind: {left:?}");
}

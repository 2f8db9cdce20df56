//! End to end, in a real terminal: an administrator signing in to a database never backed up
//! is reminded, presses Ctrl-B and finds the backup in the database's `backups` folder; the
//! command line, meanwhile, has the running desk take its backup (a nightly job works with a
//! desk left open), and a wrong PIN gets nothing.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/tmux.rs"]
mod tmux;

use assert_cmd::prelude::*;
use cli::run_as;
use tmux::{Tmux, db_arg};

fn cli(db: &std::path::Path, args: &[&str]) -> assert_cmd::assert::Assert {
    run_as(db, "demo-admin", args)
}

#[test]
fn the_reminded_administrator_backs_up_from_the_desk_and_the_command_line_has_the_desk_back_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk");
    let db = db_arg(&path);
    cli(&path, &["--today", "2026-11-30", "demo", "--visits", "30"]).success();

    let t = Tmux::start(&["--db", db.as_str(), "--today", "2026-11-30"], 160, 30);
    t.sign_in("demo-admin", "123456");
    t.wait_for("数据库从未备份", 20);

    // A relative path, as a nightly job in the office's folder gives it.
    let taken = cli::xfdesk_as(&path, "demo-admin")
        .current_dir(dir.path())
        .args(["backup", "--out", "nightly.xfbak"])
        .assert()
        .success();
    let said = String::from_utf8_lossy(&taken.get_output().stdout).to_string();
    assert!(said.contains("已备份 30 条来访"), "{said}");
    let nightly = dir.path().join("nightly.xfbak");
    assert!(nightly.exists());
    t.wait_for("已按命令行的请求(demo-admin)备份到", 10);
    let nightly_restored = dir.path().join("nightly-restored");
    cli(&nightly_restored, &["restore", nightly.to_str().unwrap()]).success();
    cli(&nightly_restored, &["check"]).success();

    t.keys(&["C-b"]);
    t.wait_for("已备份 30 条来访", 20);

    // A wrong PIN last: it makes the operator's next try wait a second, in the backups too.
    let wrong = dir.path().join("wrong.xfbak");
    let refused = cli::xfdesk_as(&path, "demo-admin")
        .env("XFDESK_PIN", "000000")
        .args(["backup", "--out", wrong.to_str().unwrap()])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(err.contains("登记台正在使用数据库"), "{err}");
    assert!(err.contains("登录代码或密码不正确"), "{err}");
    assert!(!wrong.exists());
    t.wait_for("命令行的备份请求(demo-admin)未完成", 10);

    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
    drop(t);

    let backups: Vec<_> = std::fs::read_dir(path.join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let restored = dir.path().join("restored");
    cli(&restored, &["restore", backups[0].to_str().unwrap()]).success();
    let checked = cli(&restored, &["check"]).success();
    let report = String::from_utf8_lossy(&checked.get_output().stdout).to_string();
    assert!(report.contains("30 条来访"), "{report}");
}

//! End to end, in a real terminal: an administrator signing in to a database never backed up
//! is reminded, presses Ctrl-B and finds the backup in the database's `backups` folder; the
//! command line, meanwhile, is told to leave the backup to the desk.

#[path = "common/cli.rs"]
mod cli;
#[path = "common/tmux.rs"]
mod tmux;

use cli::run_as;
use tmux::{Tmux, db_arg};

fn cli(db: &std::path::Path, args: &[&str]) -> assert_cmd::assert::Assert {
    run_as(db, "demo-admin", args)
}

#[test]
fn the_reminded_administrator_backs_up_from_the_desk_while_the_command_line_is_told_to() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk");
    let db = db_arg(&path);
    cli(&path, &["--today", "2026-11-30", "demo", "--visits", "30"]).success();

    let t = Tmux::start(&["--db", db.as_str(), "--today", "2026-11-30"], 160, 30);
    t.sign_in("demo-admin", "123456");
    t.wait_for("数据库从未备份", 20);

    let out = dir.path().join("now.xfbak");
    let refused = cli(&path, &["backup", "--out", out.to_str().unwrap()]).failure();
    let err = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(
        err.contains("登记台正在使用数据库") && err.contains("Ctrl-B"),
        "{err}"
    );
    assert!(!out.exists());

    t.keys(&["C-b"]);
    t.wait_for("已备份 30 条来访", 20);
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

//! End to end, in a real terminal: a leader is added, the supervisor opens the evidence log
//! (F11) and finds that change with who made it; `xfdesk check` passes the database after.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, db_arg, seed_operator};
use xfdesk::domain::permission::Role;

/// From starting the desk on a fresh database to the intake form. Kept in one place: when the
/// desk asks for a sign-in first, only this changes.
/// A fresh database: the first administrator is created and lands on the leaders screen.
fn start_as_first_admin(args: &[&str]) -> Tmux {
    let t = Tmux::start(args, 120, 30);
    t.create_first_admin("王管理", "admin", "123456");
    t.wait_for("从空库开始登记", 20);
    t.keys(&["Down", "Enter"]);
    t.wait_for("还没有领导", 10);
    t
}

#[test]
fn a_change_on_the_leaders_screen_shows_in_the_evidence_log() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(&dir.path().join("desk"));
    let args = ["--db", db.as_str(), "--today", "2026-11-18"];

    let t = start_as_first_admin(&args);
    t.keys(&["C-n"]);
    t.wait_for("新增领导", 10);
    t.text("欧阳晓红")
        .keys(&["Tab"])
        .text("副县长")
        .keys(&["Enter"]);
    t.wait_for("已新增 欧阳晓红", 10);
    // The evidence log is the supervisors': the administrator is refused it.
    t.keys(&["F11"]);
    t.wait_for("您的角色(管理员)不能使用此功能", 10);
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
    drop(t);

    seed_operator(&dir.path().join("desk"), "duban", Role::Supervisor);
    let t = Tmux::start(&args, 120, 30);
    t.sign_in("duban", "123456");
    t.keys(&["F11"]);
    let screen = t.wait_for("新增领导/单位", 10);
    assert!(
        screen.contains("欧阳晓红") && screen.contains("第 1 页"),
        "{screen}"
    );
    // Narrowed to a kind nothing has: the list says so.
    t.keys(&["BTab", "Left"]);
    t.wait_for("没有符合条件的记录", 10);
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
    drop(t);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_xfdesk"))
        .env("XFDESK_OPERATOR", "duban")
        .env("XFDESK_PIN", "123456")
        .args(["--db", db.as_str(), "check"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.contains("检查通过"), "{text}");
}

//! End to end, in a real terminal: a fresh database asks for the first administrator, who
//! signs in again after a restart, switches the desk with F12, and a wrong PIN makes the next
//! try wait.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, db_arg};

#[test]
fn first_administrator_sign_in_quick_switch_and_a_wrong_pin_waits() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(&dir.path().join("desk"));
    let args = ["--db", db.as_str(), "--today", "2026-11-18"];

    let t = Tmux::start(&args, 110, 30);
    t.create_first_admin("王管理", "admin", "246810");
    let screen = t.wait_for("从空库开始登记", 20);
    assert!(screen.contains("管理员 王管理"), "{screen}");
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
    drop(t);

    let t = Tmux::start(&args, 110, 30);
    t.sign_in("admin", "246810");
    t.wait_for("王管理(管理员)已登录", 10);
    // The quick switch: the sign-in screen, nobody signed in.
    t.keys(&["F12"]);
    let screen = t.wait_for("操作员登录", 10);
    assert!(screen.contains("未登录"), "{screen}");
    t.text("admin")
        .keys(&["Tab"])
        .text("111111")
        .keys(&["Enter"]);
    let screen = t.wait_for("秒后再试", 10);
    assert!(
        !screen.contains("111111"),
        "the PIN is never shown: {screen}"
    );
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
}

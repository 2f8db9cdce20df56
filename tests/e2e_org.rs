//! End to end, in a real terminal: on a fresh database the office adds a leader with a Chinese
//! name on the leaders screen (F7), quits, starts again and finds the leader listed.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, db_arg, seed_operator};
use xfdesk::domain::permission::Role;

#[test]
fn add_a_leader_quit_restart_and_find_them_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(&dir.path().join("desk"));
    let args = ["--db", db.as_str(), "--today", "2026-11-18"];

    let t = Tmux::start(&args, 120, 30);
    t.create_first_admin("王管理", "admin", "123456");
    t.wait_for("从空库开始登记", 20);
    // Starting empty, the administrator lands on the leaders and departments.
    t.keys(&["Down", "Enter"]);
    t.wait_for("还没有领导", 10);
    t.keys(&["C-n"]);
    t.wait_for("新增领导", 10);
    t.text("欧阳晓红").keys(&["Tab"]).text("副县长");
    t.keys(&["Tab"]).text("自然资源、农业农村");
    t.keys(&["Enter"]);
    let screen = t.wait_for("已新增 欧阳晓红", 10);
    assert!(screen.contains("领导 (1)"), "{screen}");
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
    drop(t);

    seed_operator(&dir.path().join("desk"), "clerk1", Role::Clerk);
    let t = Tmux::start(&args, 120, 30);
    t.sign_in("admin", "123456");
    let screen = t.wait_for("欧阳晓红", 10);
    assert!(
        screen.contains("副县长") && screen.contains("自然资源、农业农村"),
        "{screen}"
    );
    // A clerk takes over; the leader is offered at intake, found by pinyin initials.
    t.keys(&["F12"]).sign_in("clerk1", "123456");
    t.wait_for("▶ 姓名", 10);
    t.keys(&["BTab"]).text("oy");
    t.wait_for("▶ 接访领导", 10);
    t.wait_for("欧阳晓红  副县长", 10);
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
}

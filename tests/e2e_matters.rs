//! End to end, in a real terminal: the administrator sets up a leader and a department; the
//! secretary registers a visit at 李明's reception, which makes him the matter's responsible
//! leader, and accepts and assigns it on the spot; two and a half months later the supervisor
//! finds it overdue.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, db_arg, seed_operator};
use xfdesk::domain::permission::Role;

#[test]
fn a_leader_reception_visit_assigned_and_left_shows_as_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk");
    let db = db_arg(&path);
    let on = |day: &'static str| ["--db", db.as_str(), "--today", day];

    // The office's leader and department, set up by its first administrator.
    let t = Tmux::start(&on("2026-09-01"), 130, 36);
    t.create_first_admin("王管理", "admin", "123456");
    t.wait_for("从空库开始登记", 20);
    t.keys(&["Down", "Enter"]);
    t.wait_for("还没有领导", 10);
    t.keys(&["C-n"]);
    t.wait_for("新增领导", 10);
    t.text("李明")
        .keys(&["Tab"])
        .text("副县长")
        .keys(&["Enter"]);
    t.wait_for("已新增 李明", 10);
    t.keys(&["Tab", "C-n"]);
    t.wait_for("新增承办单位", 10);
    t.text("县自然资源局").keys(&["Enter"]);
    t.wait_for("已新增 县自然资源局", 10);
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
    drop(t);
    seed_operator(&path, "mishu", Role::Secretary);
    seed_operator(&path, "duban", Role::Supervisor);

    // The visit, at 李明's reception, registered by his secretary.
    let t = Tmux::start(&on("2026-09-01"), 130, 36);
    t.sign_in("mishu", "123456");
    t.wait_for("▶ 姓名", 10);
    t.keys(&["BTab"]).text("lm");
    t.wait_for("李明  副县长", 10);
    t.keys(&["Tab"])
        .text("张三")
        .keys(&["Tab"])
        .text("11010519491231002X");
    t.keys(&["Tab", "Tab"]).text("13812345678");
    for _ in 0..7 {
        t.keys(&["Tab"]);
    }
    t.text("要求落实征地补偿款");
    t.keys(&["C-s"]);
    let screen = t.wait_for("已保存", 10);
    assert!(
        screen.contains("李明"),
        "who holds the matter is said: {screen}"
    );

    // Accepted and assigned on the spot (当场交办), from the matter's screen.
    t.keys(&["F4"]);
    t.wait_for("2026-000001", 10);
    t.keys(&["Enter"]);
    t.wait_for("首接领导 李明 包案", 10);
    t.keys(&["F8"]);
    t.wait_for("▶ 受理", 10);
    t.keys(&["Enter", "C-s"]);
    t.wait_for("已记录:受理", 10);
    t.keys(&["F8"]);
    t.wait_for("▶ 交办", 10);
    t.keys(&["Enter"]);
    t.wait_for("‹ 县自然资源局 ›", 10);
    t.keys(&["C-s"]);
    let screen = t.wait_for("已记录:交办", 10);
    assert!(screen.contains("至 2026-11-02 剩62天"), "{screen}");
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
    drop(t);

    // Two and a half months later nothing has been recorded; the supervisor looks.
    let t = Tmux::start(&on("2026-11-18"), 130, 36);
    t.sign_in("duban", "123456");
    t.keys(&["F4"]);
    t.wait_for_all(&["超期16天", "张三", "李明", "县自然资源局"], 10);
    // The overdue tab (selected, it is drawn in reverse) holds it too.
    t.keys(&["Right", "Right"]);
    t.wait_for_all(&["已超期 1", "2026-000001", "超期16天"], 10);
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
}

//! End to end, in a real terminal: a visit registered at 李明's reception makes him the matter's
//! responsible leader; the matter is accepted and assigned from its screen; started again two
//! months later, the desk lists it as overdue.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, db_arg};

#[test]
fn a_leader_reception_visit_assigned_and_left_shows_as_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(&dir.path().join("desk"));
    let on = |day: &'static str| ["--db", db.as_str(), "--today", day];

    let t = Tmux::start(&on("2026-09-01"), 130, 36);
    t.wait_for("从空库开始登记", 20);
    t.keys(&["Down", "Enter"]);
    t.wait_for("▶ 姓名", 10);

    // The office's leader and department.
    t.keys(&["F7"]);
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

    // The visit, at 李明's reception.
    t.keys(&["F2", "BTab"]).text("lm");
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

    // Accept and assign it from the matter's screen.
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

    // Two and a half months later nothing has been recorded.
    let t = Tmux::start(&on("2026-11-18"), 130, 36);
    t.wait_for("▶ 姓名", 20);
    t.keys(&["F4"]);
    let screen = t.wait_for("超期16天", 10);
    assert!(
        screen.contains("张三") && screen.contains("李明"),
        "{screen}"
    );
    assert!(screen.contains("县自然资源局"), "{screen}");
    t.keys(&["Right", "Right"]);
    let screen = t.wait_for("已超期 1", 10);
    assert!(screen.contains("2026-000001"), "{screen}");
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
}

//! End to end, in a real terminal: a clerk on a fresh database registers a visitor with a
//! Chinese name, quits, starts again and finds the visit.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, db_arg, seed_operator};
use xfdesk::domain::permission::Role;

#[test]
fn register_quit_restart_and_find_the_visit() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(&dir.path().join("desk"));
    seed_operator(&dir.path().join("desk"), "clerk1", Role::Clerk);
    let args = ["--db", db.as_str(), "--today", "2026-11-18"];

    let t = Tmux::start(&args, 120, 36);
    t.sign_in("clerk1", "123456");
    t.wait_for("▶ 姓名", 10);
    t.text("张三")
        .keys(&["Tab"])
        .text("11010519491231002x")
        .keys(&["Tab", "Tab"]);
    t.text("13812345678")
        .keys(&["Tab"])
        .text("云南省普洱市思茅区南屏镇");
    for _ in 0..6 {
        t.keys(&["Tab"]);
    }
    t.text("要求落实征地补偿款");
    t.keys(&["C-s"]);
    let screen = t.wait_for("已保存", 10);
    assert!(screen.contains("来访 2026-000001"), "{screen}");
    assert!(screen.contains("共 1 条来访"), "{screen}");
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
    drop(t);

    let t = Tmux::start(&args, 120, 36);
    t.wait_for("共 1 条来访", 20);
    t.sign_in("clerk1", "123456");
    t.wait_for("▶ 姓名", 10);
    t.keys(&["F3"]).text("zs");
    let screen = t.wait_for("找到 1 条", 10);
    assert!(
        screen.contains("2026-000001") && screen.contains("张三"),
        "{screen}"
    );
    assert!(screen.contains("要求落实征地补偿款"), "{screen}");
    t.keys(&["Down", "Enter"]);
    // The title comes before the rest of the screen is drawn: wait for the number itself.
    let screen = t.wait_for_all(&["来访 2026-000001", "110105********002X"], 10);
    assert!(!screen.contains("11010519491231002X"), "masked: {screen}");
    // Revealed (and recorded), the full number shows: it was normalised.
    t.keys(&["C-r"]);
    let screen = t.wait_for("11010519491231002X", 10);
    assert!(screen.contains("本次查看已记录"), "{screen}");
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
}

#[test]
fn a_second_desk_on_the_same_database_is_told_who_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_arg(&dir.path().join("desk"));
    let first = Tmux::start(&["--db", db.as_str()], 100, 30);
    first.wait_for("首次使用:设置管理员", 20);
    let second = Tmux::start(&["--db", db.as_str()], 100, 30);
    let screen = second.wait_for("数据库正被另一个 xfdesk 使用", 20);
    assert!(screen.contains("PID"), "{screen}");
    second.keys(&["F10"]);
    assert_eq!(second.wait_exit(10), 0);
    first.keys(&["F10"]);
    assert_eq!(first.wait_exit(10), 0);
}

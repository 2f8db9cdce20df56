//! End to end, in a real terminal: a clerk on a fresh database registers a visitor with a
//! Chinese name, quits, starts again and finds the visit.

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, db_arg, seed_operator};
use xfdesk::domain::permission::Role;

/// A fresh database in `dir` with the clerk clerk1; its `--db` argument.
fn clerk1_db(dir: &std::path::Path) -> String {
    seed_operator(&dir.join("desk"), "clerk1", Role::Clerk);
    db_arg(&dir.join("desk"))
}

/// The desk started with `args` in a real terminal, clerk1 signed in on the intake form.
fn signed_in(args: &[&str]) -> Tmux {
    let t = Tmux::start(args, 120, 36);
    t.sign_in("clerk1", "123456");
    t.wait_for("▶ 姓名", 10);
    t
}

#[test]
fn register_quit_restart_and_find_the_visit() {
    let dir = tempfile::tempdir().unwrap();
    let db = clerk1_db(dir.path());
    let args = ["--db", db.as_str(), "--today", "2026-11-18"];

    let t = signed_in(&args);
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

/// A long request typed in one burst (a paste without bracketed-paste, as tmux sends it, or a
/// slow terminal) arrives whole, with no further key needed: crossterm's default reader stopped
/// after the first kilobyte until the next key.
#[test]
fn a_long_burst_of_input_arrives_whole_without_another_key() {
    let dir = tempfile::tempdir().unwrap();
    let db = clerk1_db(dir.path());
    let t = signed_in(&["--db", db.as_str(), "--today", "2026-11-18"]);
    t.text("张三")
        .keys(&["Tab", "Tab", "Tab"])
        .text("13812345678");
    // The address, then six fields on to the request.
    for _ in 0..7 {
        t.keys(&["Tab"]);
    }
    t.wait_for("▶ 诉求内容", 10);
    // About 4 KB: 1 200 Chinese characters and some digits, then a mark to wait for.
    let burst: String = (0..120)
        .map(|i| format!("第{i:03}段征地补偿款未落实"))
        .collect();
    t.text(&format!("{burst}完毕END"));
    let screen = t.wait_for("完毕END", 15);
    assert!(screen.contains("▶ 诉求内容"), "{screen}");
    t.keys(&["C-s"]);
    t.wait_for("已保存", 10);
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
    drop(t);
    let store = xfdesk::store::sled_store::SledStore::open(&dir.path().join("desk")).unwrap();
    let found = xfdesk::store::Store::search_visits(&store, "张三", 10).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].summary,
        format!("{burst}完毕END"),
        "every character kept"
    );
}

//! End to end, in a real terminal: a reception day. 王红 receives on Wednesday 18 November;
//! 王秀英 has an appointment in her session. Two people arrive; the secretary numbers them,
//! 王秀英 is called first for her appointment, both are received through intake with 王红 as
//! receiving leader; the new matter ends with 王红 responsible for it, and 王秀英's visit joins
//! her booked matter, which its first holder 李明 keeps (首接负责).

mod common;
#[path = "common/tmux.rs"]
mod tmux;

use chrono::{NaiveDate, NaiveTime};
use tmux::{Tmux, db_arg, seed_operator};
use xfdesk::domain::ledger::Stamp;
use xfdesk::domain::organisation::NewLeader;
use xfdesk::domain::permission::Role;
use xfdesk::domain::schedule::{Appointment, ArrivalState, Mode, ScheduleChange, SessionPlan};
use xfdesk::store::Store;
use xfdesk::store::sled_store::SledStore;

fn wednesday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 18).unwrap()
}

/// 王红 and 李明; 王秀英's matter, opened at 李明's reception in September; 王红's session
/// today with 王秀英's matter booked at 09:30.
fn seed(path: &std::path::Path) {
    let store = SledStore::open(path).unwrap();
    let stamp = Stamp::new(common::on(9, 1, 9, 0), "admin");
    let leaders = store
        .add_leaders(
            &[
                NewLeader {
                    name: "王红".into(),
                    title: "县长".into(),
                    portfolio: "全面工作".into(),
                },
                NewLeader {
                    name: "李明".into(),
                    title: "副县长".into(),
                    portfolio: "自然资源".into(),
                },
            ],
            &stamp,
        )
        .unwrap();
    let old = store
        .register_visit(&xfdesk::domain::visit::NewVisit {
            receiving_leader: Some(leaders[1].id),
            summary: "宅基地确权纠纷".into(),
            ..common::walk_in("王秀英", "13900001111", common::on(9, 2, 10, 0))
        })
        .unwrap();
    let session = store
        .change_schedule(
            &ScheduleChange::Add(SessionPlan {
                date: wednesday(),
                start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
                place: "县信访局接待大厅".into(),
                mode: Mode::KeyCase,
                leader: leaders[0].id,
                sitting_in: vec![],
                note: String::new(),
                carried: vec![],
            }),
            &stamp,
        )
        .unwrap()
        .sessions[0]
        .id;
    store
        .change_schedule(
            &ScheduleChange::Book {
                session,
                appointment: Appointment {
                    case: old.case.id,
                    slot: NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
                    note: String::new(),
                },
                capacity: 6,
            },
            &stamp,
        )
        .unwrap();
}

/// Intake opened for an arrival with the name typed and the identity number focused.
fn register(t: &Tmux, id_number: &str, phone: &str, summary: &str) -> String {
    t.wait_for("▶ 身份证号", 10);
    t.text(id_number).keys(&["Tab", "Tab"]).text(phone);
    for _ in 0..7 {
        t.keys(&["Tab"]);
    }
    t.text(summary).keys(&["C-s"]);
    t.wait_for_all(&["已保存", "王红"], 10)
}

#[test]
fn a_reception_day_numbers_two_arrivals_and_receives_both_with_the_sessions_leader() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk");
    let db = db_arg(&path);
    let args = ["--db", db.as_str(), "--today", "2026-11-18"];

    let t = Tmux::start(&args, 130, 36);
    t.create_first_admin("王管理", "admin", "123456");
    t.wait_for("从空库开始登记", 20);
    t.keys(&["Down", "Enter"]);
    t.wait_for("还没有领导", 10);
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
    drop(t);
    seed(&path);
    seed_operator(&path, "mishu", Role::Secretary);

    let t = Tmux::start(&args, 130, 36);
    t.sign_in("mishu", "123456");
    t.wait_for("▶ 姓名", 10);
    t.keys(&["C-w"]);
    t.wait_for_all(&["三 11-18", "今天", "王红", "重点约访"], 10);
    t.keys(&["Enter"]);
    t.wait_for_all(&["接访公示", "预约接访 (1/6)", "09:30"], 10);

    t.keys(&["C-n"]);
    t.wait_for("来访人姓名", 10);
    t.text("张三").keys(&["Enter"]);
    t.wait_for("已排号:1 号", 10);
    t.keys(&["C-n"]);
    t.wait_for("来访人姓名", 10);
    t.text("王秀英").keys(&["Enter"]);
    let screen = t.wait_for("已排号:2 号", 10);
    // She came second but is called first: her appointment is at 09:30.
    let (first, second) = (
        screen.find("王秀英").unwrap(),
        screen.rfind("张三").unwrap(),
    );
    assert!(first < second, "{screen}");

    // On her appointment she is taken as the petitioner of her matter, which 李明 holds.
    t.keys(&["Enter"]);
    t.wait_for_all(&["2 号接待中", "▶ 关联事项"], 10);
    t.keys(&["Tab", "Tab", "Tab"])
        .text("宅基地确权纠纷仍未解决")
        .keys(&["C-s"]);
    let screen = t.wait_for("已保存", 10);
    assert!(
        screen.contains("首接领导 李明"),
        "the first holder keeps it: {screen}"
    );
    t.keys(&["Escape"]);
    t.wait_for("已接待", 10);

    t.keys(&["Down", "Enter"]);
    t.wait_for("1 号接待中", 10);
    let screen = register(
        &t,
        "11010519491231002X",
        "13812345678",
        "要求落实征地补偿款",
    );
    assert!(screen.contains("王红"), "{screen}");
    t.keys(&["Escape"]);
    t.wait_for("接访公示", 10);
    t.keys(&["F10"]);
    assert_eq!(t.wait_exit(10), 0);
    drop(t);

    let store = SledStore::open(&path).unwrap();
    let session = &store.sessions_between(wednesday(), wednesday()).unwrap()[0];
    assert!(session.queue.iter().all(|a| a.state == ArrivalState::Done));
    let zhang = session.queue.iter().find(|a| a.name == "张三").unwrap();
    let visit = store.visit(zhang.visit.unwrap()).unwrap().unwrap();
    let matter = store.matter(visit.case_id).unwrap().unwrap();
    assert_eq!(
        matter.package.responsible,
        Some(session.plan.leader),
        "the leader who first received 张三 holds his matter"
    );
    assert_eq!(
        store.receiving_leader(visit.id).unwrap(),
        Some(session.plan.leader)
    );

    // 王秀英's visit joined her booked matter, which stays with 李明, its first holder.
    let wang = session.queue.iter().find(|a| a.name == "王秀英").unwrap();
    let visit = store.visit(wang.visit.unwrap()).unwrap().unwrap();
    assert_eq!(Some(visit.case_id), wang.case);
    let matter = store.matter(visit.case_id).unwrap().unwrap();
    let li = store.leaders().unwrap()[1].id;
    assert_eq!(matter.package.responsible, Some(li));
}

/// The lobby board runs beside whatever holds the database (a desk, here the test's own
/// store) and shows a new session as soon as it is planned, without touching the database.
#[test]
fn the_lobby_board_follows_the_schedule_while_the_database_is_held() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk");
    seed(&path);
    let db = db_arg(&path);
    let held = SledStore::open(&path).unwrap();

    let t = Tmux::start(
        &["--db", db.as_str(), "--today", "2026-11-18", "board"],
        120,
        30,
    );
    t.wait_for_all(&["领导接访安排", "王红", "县信访局接待大厅"], 10);
    assert!(!t.screen().contains("李明"), "{}", t.screen());

    let leaders = held.leaders().unwrap();
    let li = leaders.iter().find(|l| l.name == "李明").unwrap();
    held.change_schedule(
        &ScheduleChange::Add(SessionPlan {
            date: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            start: NaiveTime::from_hms_opt(14, 30, 0).unwrap(),
            end: NaiveTime::from_hms_opt(17, 30, 0).unwrap(),
            place: "糯扎渡镇便民服务中心".into(),
            mode: Mode::DownWithCases,
            leader: li.id,
            sitting_in: vec![],
            note: "内部备注不上公示".into(),
            carried: vec![],
        }),
        &Stamp::new(common::on(11, 18, 8, 0), "admin"),
    )
    .unwrap();
    let screen = t.wait_for_all(&["李明", "糯扎渡镇便民服务中心", "带案下访"], 10);
    assert!(!screen.contains("内部备注"), "{screen}");
    // The board never took the database: the holder still writes.
    assert!(held.leaders().is_ok());
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(10), 0);
}

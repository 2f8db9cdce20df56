//! The public reception notice (接访公示) and the lobby board: what a petitioner reading the
//! notice on the wall or the screen in the lobby must learn — who receives (name, title,
//! portfolio), when, where, how, and which departments sit in — and nothing about anyone who
//! petitioned.

mod common;

use assert_cmd::Command;
use chrono::{NaiveDate, NaiveTime};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use xfdesk::cli::board::{BoardData, render};
use xfdesk::cli::notice::{notice_text, period};
use xfdesk::domain::ledger::Stamp;
use xfdesk::domain::organisation::{NewDepartment, NewLeader};
use xfdesk::domain::schedule::{Mode, ScheduleChange, SessionPlan};
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::lobby::Lobby;
use xfdesk::store::sled_store::SledStore;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn stamp() -> Stamp {
    Stamp::new(d(11, 16).and_hms_opt(9, 0, 0).unwrap(), "sup1")
}

/// Two sessions in the week of 16 November 2026 and one in the next; a booked appointment
/// whose note must never reach the notice.
fn fill(store: &dyn Store) {
    let leaders = store
        .add_leaders(
            &[
                NewLeader {
                    name: "阿依古丽·买买提".into(),
                    title: "副县长".into(),
                    portfolio: "教育体育、卫生健康、民政".into(),
                },
                NewLeader {
                    name: "李建国".into(),
                    title: "常务副县长".into(),
                    portfolio: "财政、税务、发展改革".into(),
                },
            ],
            &stamp(),
        )
        .unwrap();
    let dept = store
        .add_departments(
            &[
                NewDepartment {
                    name: "县自然资源局".into(),
                    contact: "赵科长".into(),
                    phone: None,
                },
                NewDepartment {
                    name: "县人社局".into(),
                    contact: "钱股长".into(),
                    phone: None,
                },
            ],
            &stamp(),
        )
        .unwrap();
    let base = SessionPlan {
        date: d(11, 18),
        start: t(9, 0),
        end: t(12, 0),
        place: "县信访局接待大厅".into(),
        mode: Mode::FixedPlace,
        leader: leaders[0].id,
        sitting_in: vec![dept[0].id, dept[1].id],
        note: "请携带身份证及相关材料".into(),
        carried: vec![],
    };
    let friday = SessionPlan {
        date: d(11, 20),
        start: t(14, 30),
        end: t(17, 30),
        place: "糯扎渡镇便民服务中心".into(),
        mode: Mode::DownWithCases,
        leader: leaders[1].id,
        sitting_in: vec![dept[0].id],
        note: String::new(),
        ..base.clone()
    };
    let next = SessionPlan {
        date: d(11, 25),
        mode: Mode::KeyCase,
        note: String::new(),
        ..base.clone()
    };
    for plan in [friday, base, next] {
        store
            .change_schedule(&ScheduleChange::Add(plan), &stamp())
            .unwrap();
    }
    let first = store.sessions_between(d(11, 18), d(11, 18)).unwrap()[0].id;
    let booked = store
        .register_visit(&common::walk_in(
            "王秀英",
            "13900001111",
            common::on(9, 2, 10, 0),
        ))
        .unwrap();
    store
        .change_schedule(
            &ScheduleChange::Book {
                session: first,
                appointment: xfdesk::domain::schedule::Appointment {
                    case: booked.case.id,
                    slot: t(10, 0),
                    note: "王秀英 征地补偿".into(),
                },
                capacity: 6,
            },
            &stamp(),
        )
        .unwrap();
}

#[test]
fn the_weeks_notice_lists_each_session_in_date_order_with_its_public_details() {
    let store = xfdesk::store::memory::MemoryStore::new();
    fill(&store);
    let week = period(d(11, 19), false);
    assert_eq!(week, (d(11, 16), d(11, 22)));
    let sessions = store.sessions_between(week.0, week.1).unwrap();
    let text = notice_text(
        &sessions,
        &store.leaders().unwrap(),
        &store.departments().unwrap(),
        week,
        Lang::Zh,
    );
    assert!(text.find("2026-11-18").unwrap() < text.find("2026-11-20").unwrap());
    assert!(
        !text.contains("2026-11-25"),
        "next week is not in this week's notice"
    );
    assert!(
        !text.contains("王秀英"),
        "an appointment is nobody's business:\n{text}"
    );
    assert_snapshot!(text);
}

#[test]
fn a_month_notice_covers_the_whole_month() {
    assert_eq!(period(d(2, 11), true), (d(2, 1), d(2, 28)));
}

#[test]
fn notice_writes_the_file_without_an_operator() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    fill(&SledStore::open(&db).unwrap());
    let file = dir.path().join("公示.md");
    Command::cargo_bin("xfdesk")
        .unwrap()
        .env_remove("XFDESK_OPERATOR")
        .arg("--db")
        .arg(&db)
        .args(["notice", "--week", "2026-11-25", "--out"])
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("# 领导接访公示(2026-11-23 至 2026-11-29)"),
        "{text}"
    );
    assert!(text.contains("重点约访"));
    assert!(
        text.contains("- 陪同接访单位:县自然资源局、县人社局"),
        "{text}"
    );
}

#[test]
fn the_board_shows_this_week_and_next_with_today_first_in_view() {
    let store = xfdesk::store::memory::MemoryStore::new();
    fill(&store);
    let data: BoardData = Lobby::of(&store, d(11, 18).and_hms_opt(8, 30, 0).unwrap()).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(100, 24)).unwrap();
    terminal
        .draw(|f| render(f, &data, Lang::Zh, d(11, 18)))
        .unwrap();
    assert_snapshot!(terminal.backend());
}

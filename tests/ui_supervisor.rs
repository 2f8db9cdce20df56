//! The supervisor view (Ctrl-G): what a supervisor sees at a glance, with Chinese names;
//! Enter opens the matter under the selection; the figures are those of the moment the view
//! opened; and nobody but a supervisor gets in.

mod common;

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use common::{TestDesk, admin};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use xfdesk::app::Screen;
use xfdesk::domain::case::CaseId;
use xfdesk::domain::ledger::Stamp;
use xfdesk::domain::lifecycle::Move;
use xfdesk::domain::organisation::{NewDepartment, NewLeader};
use xfdesk::domain::permission::Role;
use xfdesk::domain::visit::NewVisit;
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;

fn at(year: i32, month: u32, day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, day)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

fn stamp(month: u32, day: u32) -> Stamp {
    Stamp::new(at(2026, month, day), "clerk1")
}

struct Office {
    store: Arc<MemoryStore>,
    late: CaseId,
}

/// Today is 2026-11-18. 张三's matter, held by 李明 and assigned to 县自然资源局, was accepted
/// 3 September: its 60 days ended 2 November, 16 days ago. 欧阳娜娜 registered 4 November (due
/// 19 November, tomorrow). 王建国 came with five others on 10 November. 赵四's matter has been
/// open since June 2024.
fn office() -> Office {
    let store = Arc::new(MemoryStore::new());
    let li = store
        .add_leader(
            &NewLeader {
                name: "李明".into(),
                title: "副县长".into(),
                portfolio: "自然资源".into(),
            },
            &admin(),
        )
        .unwrap()
        .id;
    let land = store
        .add_department(
            &NewDepartment {
                name: "县自然资源局".into(),
                contact: "赵科长".into(),
                phone: None,
            },
            &admin(),
        )
        .unwrap()
        .id;
    let register = |name: &str, phone: &str, when, category: &str| {
        let v = NewVisit {
            category: category.into(),
            ..common::walk_in(name, phone, when)
        };
        store.register_visit(&v).unwrap().case.id
    };
    let late = register("张三", "13812345678", at(2026, 9, 1), "征地拆迁");
    store
        .change_matter(
            late,
            &xfdesk::domain::matter::MatterChange::Appoint {
                leader: li,
                note: String::new(),
            },
            &stamp(9, 1),
        )
        .unwrap();
    store
        .apply_move(late, Move::Accept, "", &stamp(9, 3))
        .unwrap();
    let assign = Move::Assign {
        department: land,
        co_departments: vec![],
    };
    store.apply_move(late, assign, "", &stamp(9, 5)).unwrap();
    register("欧阳娜娜", "13900001111", at(2026, 11, 4), "劳动社保");
    let group = NewVisit {
        category: "城乡建设".into(),
        group: true,
        head_count: 6,
        ..common::walk_in("王建国", "13700002222", at(2026, 11, 10))
    };
    store.register_visit(&group).unwrap();
    register("赵四", "13600003333", at(2024, 6, 1), "涉法涉诉");
    Office { store, late }
}

fn supervisor(store: Arc<MemoryStore>) -> TestDesk {
    let mut d = common::desk_as(Role::Supervisor, Lang::Zh, 120, 40, store, true);
    d.ctrl('g');
    d
}

#[test]
fn the_supervisor_sees_late_work_who_holds_it_and_the_charts() {
    let office = office();
    let mut d = supervisor(office.store.clone());
    assert_eq!(d.app().screen, Screen::Supervisor);
    let screen = d.screen();
    // The worst first: 赵四's since 2024, then 张三 16 days late, with 李明 and the department.
    let zhao = screen.find("赵四").unwrap();
    let zhang = screen.find("张三").unwrap();
    assert!(zhao < zhang, "{screen}");
    let line = screen.lines().find(|l| l.contains("张三")).unwrap();
    assert!(line.contains("超期16天") && line.contains("李明"), "{line}");
    assert!(line.contains("县自然资源局"), "{line}");
    assert!(screen.contains("上访老户"), "{screen}");
    assert!(
        screen.contains("王建国") && screen.contains("6人"),
        "{screen}"
    );
    assert_snapshot!(d.backend());
}

#[test]
fn enter_opens_the_selected_matter_and_esc_comes_back() {
    let office = office();
    let mut d = supervisor(office.store.clone());
    // The first row is 赵四's; the next is 张三's.
    d.key(KeyCode::Down).key(KeyCode::Enter);
    assert_eq!(d.app().screen, Screen::Matter);
    assert_eq!(d.app().matter.as_ref().map(|m| m.id()), Some(office.late));
    d.key(KeyCode::Esc);
    assert_eq!(d.app().screen, Screen::Supervisor);
}

#[test]
fn figures_are_those_of_opening_until_the_view_is_opened_again() {
    let office = office();
    let mut d = supervisor(office.store.clone());
    let before = d.screen();
    assert!(before.contains("在办 4 件"), "{before}");
    office
        .store
        .register_visit(&common::walk_in("钱五", "13500004444", at(2026, 11, 17)))
        .unwrap();
    assert!(d.screen().contains("在办 4 件"));
    d.ctrl('g');
    assert!(d.screen().contains("在办 5 件"));
}

#[test]
fn a_change_made_from_the_view_shows_on_coming_back() {
    let office = office();
    let mut d = supervisor(office.store.clone());
    assert!(d.screen().contains("已登记 3"));
    // 赵四 and 张三 are late; 欧阳娜娜, due tomorrow, is third. Accept her matter.
    d.key(KeyCode::Down).key(KeyCode::Down).key(KeyCode::Enter);
    assert_eq!(d.app().screen, Screen::Matter);
    d.key(KeyCode::F(8)).key(KeyCode::Enter).ctrl('s');
    d.key(KeyCode::Esc);
    assert_eq!(d.app().screen, Screen::Supervisor);
    let screen = d.screen();
    assert!(screen.contains("已登记 2  已受理 1"), "{screen}");
}

#[test]
fn locking_clears_the_view_and_the_supervisor_comes_back_to_fresh_figures() {
    let office = office();
    let mut d = supervisor(office.store.clone());
    d.key(KeyCode::F(12));
    assert!(d.app().supervisor.desk.is_none(), "no names stay behind");
    office
        .store
        .register_visit(&common::walk_in("钱五", "13500004444", at(2026, 11, 17)))
        .unwrap();
    d.sign_in(common::code_of(Role::Supervisor), common::PIN);
    assert_eq!(d.app().screen, Screen::Supervisor);
    assert!(d.screen().contains("在办 5 件"));
}

#[test]
fn the_quarter_tab_counts_the_quarters_visits() {
    let office = office();
    let mut d = supervisor(office.store.clone());
    d.key(KeyCode::Right);
    let screen = d.screen();
    // 欧阳娜娜 and 王建国 came this quarter (October to December); 张三 in the one before.
    let line = screen.lines().find(|l| l.contains("登记件次")).unwrap();
    assert!(line.contains(" 2 ") && line.contains(" 1 "), "{line}");
    assert!(screen.contains("息诉息访率"), "{screen}");
    assert_snapshot!(d.backend());
}

#[test]
fn pgup_and_pgdn_choose_the_quarter_up_to_the_current_one() {
    let office = office();
    let mut d = supervisor(office.store.clone());
    d.key(KeyCode::Right).key(KeyCode::PageUp);
    let screen = d.screen();
    assert!(screen.contains("季度统计(2026Q3"), "{screen}");
    // 张三 came in the third quarter, nobody in the second.
    let line = screen.lines().find(|l| l.contains("登记件次")).unwrap();
    assert!(line.contains(" 1 ") && line.contains(" 0 "), "{line}");
    // Not past this quarter.
    d.key(KeyCode::PageDown).key(KeyCode::PageDown);
    assert!(d.screen().contains("季度统计(2026Q4"));
    // A change to a matter brings the figures up to date for the quarter chosen.
    d.key(KeyCode::PageUp);
    d.desk.app.supervisor.stale = true;
    d.key(KeyCode::Esc).ctrl('g');
    assert!(d.screen().contains("2026Q3"), "{}", d.screen());
}

#[test]
fn only_a_supervisor_gets_the_view_and_its_key() {
    for role in [Role::Clerk, Role::Secretary, Role::Administrator] {
        let office = office();
        let mut d = common::desk_as(role, Lang::Zh, 120, 40, office.store.clone(), true);
        let home = d.app().screen;
        assert!(!d.screen().contains("督办总览"), "{role:?}");
        d.ctrl('g');
        assert_eq!(d.app().screen, home, "{role:?}");
        assert!(d.app().status.is_some(), "{role:?} is told why");
    }
    let mut d = common::desk_as(Role::Supervisor, Lang::Zh, 120, 40, office().store, true);
    assert!(d.screen().contains("督办总览"));
}

#[test]
fn the_view_speaks_english_and_fits_a_small_terminal() {
    for (w, h) in [(80, 24), (60, 16), (40, 10)] {
        let office = office();
        let mut d = common::desk_as(Role::Supervisor, Lang::En, w, h, office.store.clone(), true);
        d.ctrl('g');
        let screen = d.screen();
        assert!(screen.contains("Supervisor"), "{w}x{h}\n{screen}");
        d.key(KeyCode::Right);
        d.screen();
    }
    let office = office();
    let mut d = common::desk_as(
        Role::Supervisor,
        Lang::En,
        120,
        40,
        office.store.clone(),
        true,
    );
    d.ctrl('g');
    let screen = d.screen();
    assert!(screen.contains("Overdue (2)"), "{screen}");
    assert!(screen.contains("16 days late"), "{screen}");
    assert!(screen.contains("Long-term petitioners"), "{screen}");
}

#[test]
fn every_age_bucket_shows_however_narrow_the_counts_column() {
    // The demo office's matters are in every state, so the counts take several rows.
    let store = demo_office();
    for (w, h) in [(160, 45), (120, 40), (100, 30)] {
        let mut d = common::desk_as(Role::Supervisor, Lang::Zh, w, h, store.clone(), true);
        d.ctrl('g');
        let screen = d.screen();
        assert!(screen.contains("办理时长"), "{w}x{h}\n{screen}");
        assert!(
            screen.contains("0–15天:") && screen.contains(">90天:"),
            "{w}x{h}\n{screen}"
        );
    }
}

/// A demo office of 400 visits: matters in every state, a dozen fields and many townships.
fn demo_office() -> Arc<MemoryStore> {
    let store = Arc::new(MemoryStore::new());
    let opts = xfdesk::demo::DemoOptions {
        visits: 400,
        seed: 7,
        today: common::now().date(),
        settings: Default::default(),
    };
    xfdesk::demo::fill(&*store, &opts, &mut |_, _| {}).unwrap();
    store
}

#[test]
fn a_quarter_taller_than_the_terminal_scrolls_to_its_last_row_and_back() {
    let mut d = common::desk_as(Role::Supervisor, Lang::Zh, 80, 24, demo_office(), true);
    d.ctrl('g').key(KeyCode::Right);
    let top = d.screen();
    assert!(top.contains("↑/↓ 翻看,第 1/"), "{top}");
    assert!(top.contains("登记件次"), "{top}");
    for _ in 0..300 {
        d.key(KeyCode::Down);
    }
    let bottom = d.screen();
    let title = bottom.lines().find(|l| l.contains("翻看")).unwrap();
    let (at, of) = title
        .split_once("第 ")
        .unwrap()
        .1
        .split_once(" 行")
        .unwrap()
        .0
        .split_once('/')
        .unwrap();
    assert_eq!(at, of, "the last row is reached: {title}");
    assert!(!bottom.contains("登记件次"), "{bottom}");
    for _ in 0..300 {
        d.key(KeyCode::Up);
    }
    assert_eq!(d.screen(), top);
}

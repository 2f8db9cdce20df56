//! Naming the receiving leader at intake (接访领导), being told who holds the matter after
//! saving (首接负责), and the warning for a matter that may not be accepted again (第36条).

mod common;

use std::sync::Arc;

use common::{TestDesk, admin, desk};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use xfdesk::domain::intake::Field;
use xfdesk::domain::ledger::Stamp;
use xfdesk::domain::lifecycle::Move;
use xfdesk::domain::organisation::{LeaderId, NewDepartment, NewLeader};
use xfdesk::domain::visit::NewVisit;
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;

fn leaders(store: &MemoryStore) -> Vec<LeaderId> {
    let new = |name: &str, title: &str| NewLeader {
        name: name.into(),
        title: title.into(),
        portfolio: String::new(),
    };
    let added = store
        .add_leaders(
            &[
                new("王红", "县长"),
                new("李明", "副县长"),
                new("单雄", "副县长"),
                new("赵强", "副县长"),
            ],
            &admin(),
        )
        .unwrap();
    store
        .set_leader_active(added[3].id, false, &admin())
        .unwrap();
    added.into_iter().map(|l| l.id).collect()
}

fn intake(store: Arc<MemoryStore>) -> TestDesk {
    desk(Lang::Zh, 120, 34, store, true)
}

#[test]
fn the_leader_is_picked_by_pinyin_initials_from_the_active_ones() {
    let store = Arc::new(MemoryStore::new());
    leaders(&store);
    let mut d = intake(store);
    d.shift_tab();
    assert_eq!(d.app().intake.focus, Field::ReceivingLeader);
    assert!(
        d.app().text_focus(),
        "typing filters: letters are not commands"
    );
    d.type_text("sx");
    assert_eq!(d.app().intake.leader.chosen_leader().unwrap().name, "单雄");
    // The caret is in the filter box, after the two letters, for the input method.
    let (x, _) = d.cursor();
    d.key(KeyCode::Backspace).key(KeyCode::Backspace);
    assert_eq!(d.cursor().0, x - 2);
    assert_eq!(
        d.app().intake.leader.matches().count(),
        3,
        "the retired 赵强 is not offered"
    );
    d.key(KeyCode::Up);
    assert_eq!(d.app().intake.leader.chosen_leader().unwrap().name, "李明");
    assert_snapshot!(d.backend());
    d.key(KeyCode::Tab);
    assert_eq!(d.app().intake.focus, Field::Name);
    assert!(d.screen().contains("接访领导 李明  副县长"));
}

#[test]
fn esc_closes_the_leader_list_and_keeps_the_leader_typed() {
    let store = Arc::new(MemoryStore::new());
    leaders(&store);
    let mut d = intake(store);
    d.shift_tab();
    assert!(d.screen().contains("李明"), "the list is open");
    d.type_text("sx").key(KeyCode::Esc);
    assert_eq!(d.app().intake.focus, Field::Name);
    assert_eq!(d.app().intake.leader.chosen_leader().unwrap().name, "单雄");
    let screen = d.screen();
    assert!(!screen.contains("李明"), "the list is closed: {screen}");
    assert!(d.app().overlay.is_none());
}

#[test]
fn saving_says_who_holds_the_matter_and_a_later_leader_does_not_take_it() {
    let store = Arc::new(MemoryStore::new());
    let ids = leaders(&store);
    let mut d = intake(store);
    d.shift_tab().type_text("王");
    d.tab(1).fill_zhang_san().ctrl('s');
    let screen = d.screen();
    assert!(
        screen.contains("已保存:来访 2026-000001,新事项 2026-000001;王红 成为本事项包案领导"),
        "{screen}"
    );
    let v = d.store.visits_newest_first(None, 1).unwrap().remove(0);
    assert_eq!(d.store.receiving_leader(v.id).unwrap(), Some(ids[0]));
    assert_eq!(
        d.app().intake.leader.chosen,
        Some(ids[0]),
        "the next visitor of the session has the same leader"
    );

    // The same petitioner at 李明's reception: 王红 keeps the matter.
    d.shift_tab().type_text("lm").tab(1);
    d.tab(3).type_text("13812345678");
    d.key(KeyCode::F(6)).key(KeyCode::Enter);
    assert_eq!(d.app().intake.focus, Field::Case);
    d.tab(3).type_text("再次反映补偿款未到位").ctrl('s');
    let screen = d.screen();
    assert!(
        screen.contains("本事项由首接领导 王红 包案(今日接访:李明)"),
        "{screen}"
    );
    let matter = d.store.matter(v.case_id).unwrap().unwrap();
    assert_eq!(matter.package.responsible, Some(ids[0]));
}

#[test]
fn a_petitioner_whose_matter_was_re_reviewed_is_warned_about_before_saving() {
    let store = Arc::new(MemoryStore::new());
    let dept = store
        .add_department(
            &NewDepartment {
                name: "县自然资源局".into(),
                contact: String::new(),
                phone: None,
            },
            &admin(),
        )
        .unwrap()
        .id;
    let first = store
        .register_visit(&NewVisit {
            category: "土地征收".into(),
            summary: "征地补偿款未足额发放,要求补发".into(),
            ..common::walk_in(
                "张三",
                "13812345678",
                common::now() - chrono::Duration::days(200),
            )
        })
        .unwrap();
    let stamp = Stamp::new(common::now() - chrono::Duration::days(10), "李文");
    let text = || "依法维持".to_string();
    for step in [
        Move::Accept,
        Move::Assign {
            department: dept,
            co_departments: vec![],
        },
        Move::StartHandling,
        Move::Answer { text: text() },
        Move::RequestReview,
        Move::AnswerReview { text: text() },
        Move::RequestReReview,
        Move::AnswerReReview { text: text() },
        Move::Close,
    ] {
        store.apply_move(first.case.id, step, "", &stamp).unwrap();
    }
    let mut d = intake(store);
    d.tab(3).type_text("13812345678");
    d.key(KeyCode::F(6)).key(KeyCode::Enter);
    let warning = "该信访人事项已经复核,同一事实不再受理:2026-000001";
    let screen = d.screen();
    assert!(
        screen.contains(warning),
        "same kind and category: warned at once\n{screen}"
    );
    assert_snapshot!(d.backend());
    // A request about something else: no warning; the same story again: warned.
    assert_eq!(d.app().intake.focus, Field::HeadCount);
    d.tab(4).key(KeyCode::Right);
    let warned = |d: &TestDesk| !d.app().intake.reacceptance.is_empty();
    assert!(!warned(&d), "another category");
    d.tab(1).type_text("补偿款没有足额发放,要求补发");
    assert!(warned(&d), "the same words");
    // Only a warning: the visit is saved.
    d.ctrl('s');
    assert_eq!(d.store.visit_count().unwrap(), 2);
}

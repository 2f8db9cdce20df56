//! The administrator's operators tab (F7, Tab to 操作员): the list with Chinese names and every
//! role, and each change an administrator makes (add, change the role, deactivate, reset a PIN,
//! unlock), each recorded in the evidence log. The last active administrator stays.

mod common;

use std::sync::Arc;

use common::{PIN, TestDesk, admin, desk_as};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use xfdesk::app::Screen;
use xfdesk::domain::audit::AuditKind;
use xfdesk::domain::operator::{NewOperator, Operator};
use xfdesk::domain::organisation::{LeaderId, NewLeader};
use xfdesk::domain::permission::Role;
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;

fn add(store: &MemoryStore, code: &str, name: &str, role: Role, leader: Option<LeaderId>) {
    store
        .add_operator(&NewOperator {
            code: code.into(),
            name: name.into(),
            role,
            pin: common::pin_hash(),
            leader,
        })
        .unwrap();
}

/// admin1, then one operator of each role; 陈锁定 is locked out, 孙停用 deactivated.
fn store() -> Arc<MemoryStore> {
    let store = Arc::new(MemoryStore::new());
    let wang = store
        .add_leader(
            &NewLeader {
                name: "王红".into(),
                title: "县长".into(),
                portfolio: String::new(),
            },
            &admin(),
        )
        .unwrap();
    common::add_operator(&*store, Role::Administrator, None);
    add(&store, "wangli", "王丽", Role::Clerk, None);
    add(&store, "lims", "李秘书", Role::Secretary, Some(wang.id));
    add(&store, "zhaodb", "赵督办", Role::Supervisor, None);
    add(&store, "chensd", "陈锁定", Role::Clerk, None);
    add(&store, "sunty", "孙停用", Role::Clerk, None);
    let locked = op(&store, "chensd");
    store
        .note_failed_sign_in(locked.id, common::now(), 1)
        .unwrap();
    store
        .set_operator_active(op(&store, "sunty").id, false)
        .unwrap();
    store
}

fn op(store: &MemoryStore, code: &str) -> Operator {
    store.operator_by_code(code).unwrap().unwrap()
}

/// The administrator on the operators tab, the first row (admin1) selected.
fn operators_tab(width: u16) -> TestDesk {
    let mut d = desk_as(Role::Administrator, Lang::Zh, width, 20, store(), true);
    d.key(KeyCode::Tab).key(KeyCode::Tab);
    assert_eq!(d.app().screen, Screen::Operators);
    d
}

/// The operator changes in the evidence log: (operator code, what), oldest first.
fn changes(store: &MemoryStore) -> Vec<(String, String)> {
    store
        .audit_log(0, usize::MAX)
        .unwrap()
        .into_iter()
        .filter(|(_, e)| e.kind == AuditKind::OperatorChanged)
        .map(|(_, e)| (e.subject, e.detail))
        .collect()
}

fn select(d: &mut TestDesk, code: &str) {
    let row = d
        .app()
        .ops
        .list
        .iter()
        .position(|o| o.code == code)
        .unwrap();
    while d.app().ops.selected > row {
        d.key(KeyCode::Up);
    }
    while d.app().ops.selected < row {
        d.key(KeyCode::Down);
    }
}

#[test]
fn the_operators_tab_lists_every_role_with_chinese_names_aligned() {
    let mut d = operators_tab(90);
    let screen = d.screen();
    for row in [
        ("王丽", "登记员", "在用"),
        ("李秘书", "接访记录员", "在用"),
        ("赵督办", "督办员", "在用"),
        ("陈锁定", "登记员", "已锁定"),
        ("孙停用", "登记员", "已停用"),
        ("admin1", "管理员", "在用"),
    ] {
        let line = screen.lines().rev().find(|l| l.contains(row.0)).unwrap();
        assert!(line.contains(row.1) && line.contains(row.2), "{line}");
    }
    let secretary = screen.lines().find(|l| l.contains("李秘书")).unwrap();
    assert!(
        secretary.contains("王红"),
        "a secretary's leader: {secretary}"
    );
    assert_snapshot!(d.backend());
}

#[test]
fn an_operator_added_with_a_role_and_leader_signs_in_with_their_pin() {
    let mut d = operators_tab(100);
    d.ctrl('n')
        .type_text("zhoup")
        .tab(1)
        .type_text("周平")
        .tab(1)
        .key(KeyCode::Right)
        .tab(1)
        .key(KeyCode::Right)
        .tab(1)
        .type_text("246810")
        .tab(1)
        .type_text("246810")
        .key(KeyCode::Enter);
    assert!(d.app().ops.form.is_none(), "{:?}", d.app().ops.form);
    let added = op(&d.store, "zhoup");
    assert_eq!((added.name.as_str(), added.role), ("周平", Role::Secretary));
    assert!(added.leader.is_some());
    assert!(d.screen().contains("已新增操作员 zhoup"));
    let log = changes(&d.store);
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].0, "zhoup");
    assert!(log[0].1.starts_with("added"), "{log:?}");
    assert!(!log[0].1.contains("246810"), "the PIN is never logged");

    d.switch().sign_in("zhoup", "246810");
    assert_eq!(d.app().operator_code(), "zhoup");
}

#[test]
fn changing_a_role_is_saved_and_recorded() {
    let mut d = operators_tab(100);
    select(&mut d, "wangli");
    d.key(KeyCode::Enter)
        .tab(1)
        .key(KeyCode::Right)
        .key(KeyCode::Right);
    d.ctrl('s');
    assert_eq!(op(&d.store, "wangli").role, Role::Supervisor);
    assert!(d.screen().contains("已保存操作员 wangli"));
    assert_eq!(
        changes(&d.store),
        [(
            "wangli".into(),
            "edited; role Supervisor; active true".into()
        )]
    );
}

#[test]
fn a_taken_code_is_named_and_the_pins_typed_are_kept() {
    let mut d = operators_tab(100);
    d.ctrl('n')
        .type_text("zhaodb")
        .tab(1)
        .type_text("赵第二")
        .tab(3)
        .type_text("246810")
        .tab(1)
        .type_text("246810")
        .key(KeyCode::Enter);
    let form = d.app().ops.form.as_ref().expect("the form stays");
    assert!(
        form.error.as_deref().unwrap_or("").contains("zhaodb"),
        "{:?}",
        form.error
    );
    assert_eq!(
        (form.pin.value(), form.pin_again.value()),
        ("246810", "246810")
    );
}

#[test]
fn the_last_active_administrator_cannot_be_deactivated_others_can() {
    let mut d = operators_tab(100);
    // The account in use cannot deactivate itself: it would keep its rights until it
    // signed out.
    d.ctrl('t');
    assert!(op(&d.store, "admin1").active);
    let screen = d.screen();
    assert!(screen.contains("不能停用正在使用的账号 admin1"), "{screen}");
    assert!(changes(&d.store).is_empty(), "a refusal changes nothing");

    // Nor can the last administrator be demoted.
    d.key(KeyCode::Enter).tab(1).key(KeyCode::Left).ctrl('s');
    assert_eq!(op(&d.store, "admin1").role, Role::Administrator);
    assert!(d.screen().contains("不能停用或降级最后一位管理员"));
    d.key(KeyCode::Esc);

    select(&mut d, "zhaodb");
    d.ctrl('t');
    assert!(!op(&d.store, "zhaodb").active);
    assert!(d.screen().contains("已停用操作员 zhaodb"));
    d.ctrl('t');
    assert!(op(&d.store, "zhaodb").active);
    let log: Vec<String> = changes(&d.store).into_iter().map(|c| c.1).collect();
    assert_eq!(
        log,
        [
            "deactivated; role Supervisor; active false",
            "reactivated; role Supervisor; active true"
        ]
    );
}

#[test]
fn a_new_pin_unlocks_the_code_and_the_old_pin_no_longer_works() {
    let mut d = operators_tab(100);
    select(&mut d, "chensd");
    d.ctrl('p')
        .type_text("135790")
        .tab(1)
        .type_text("135790")
        .key(KeyCode::Enter);
    let after = op(&d.store, "chensd");
    assert!(!after.locked);
    assert!(after.pin.verify("135790") && !after.pin.verify(PIN));
    assert!(d.screen().contains("已为 chensd 重设密码并解锁"));
    assert_eq!(changes(&d.store)[0].0, "chensd");
    assert!(changes(&d.store)[0].1.starts_with("PIN reset"));
}

#[test]
fn unlocking_a_locked_code_lets_its_operator_sign_in_again() {
    let mut d = operators_tab(100);
    select(&mut d, "chensd");
    d.ctrl('u');
    assert!(!op(&d.store, "chensd").locked);
    assert!(d.screen().contains("已解锁 chensd"));
    assert_eq!(
        changes(&d.store),
        [("chensd".into(), "unlocked; role Clerk; active true".into())]
    );
    d.switch().sign_in("chensd", PIN);
    assert_eq!(d.app().operator_code(), "chensd");
}

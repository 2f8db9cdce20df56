//! Signing in at a shared terminal: the first administrator of an empty database, the sign-in
//! screen (demo operators only on a demo database), wrong PINs waiting longer and locking the
//! code, the quick switch keeping each operator's draft, the idle lock, and a role refused.

mod common;

use std::sync::Arc;

use chrono::Duration;
use common::{PIN, bare_desk, desk, desk_as};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use xfdesk::app::{Action, Screen};
use xfdesk::domain::audit::AuditKind;
use xfdesk::domain::operator::NewOperator;
use xfdesk::domain::permission::Role;
use xfdesk::domain::petitioner::Person;
use xfdesk::domain::visit::{CaseLink, Channel, Kind, NewVisit};
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;
use xfdesk::tui::Message;

fn kinds(store: &MemoryStore) -> Vec<(AuditKind, String)> {
    store
        .audit_log(0, 1000)
        .unwrap()
        .into_iter()
        .map(|(_, e)| (e.kind, e.subject))
        .collect()
}

fn opened(store: Arc<MemoryStore>) -> common::TestDesk {
    let mut d = bare_desk(Lang::Zh, 100, 26);
    d.desk
        .handle(Message::Opened(Ok(store.clone() as Arc<dyn Store>)));
    d.store = store;
    d
}

#[test]
fn an_empty_database_asks_for_the_first_administrator_before_anything_else() {
    let store = Arc::new(MemoryStore::new());
    let mut d = opened(store.clone());
    assert_eq!(d.app().screen, Screen::FirstAdmin);
    d.key(KeyCode::F(2));
    assert_eq!(d.app().screen, Screen::FirstAdmin, "nothing before it");
    d.type_text("王管理")
        .tab(1)
        .type_text("Admin")
        .tab(1)
        .type_text("123456");
    d.tab(1).type_text("123457").key(KeyCode::Enter);
    assert!(d.screen().contains("两次输入的密码不同"), "{}", d.screen());
    // Both PINs are typed again, from the first.
    assert_eq!(d.app().first_admin.focus, 2);
    d.type_text("１２３４５６").tab(1).type_text("123456");
    assert_snapshot!("first_admin_form", d.backend());
    d.key(KeyCode::Enter);
    let op = store.operator_by_code("admin").unwrap().unwrap();
    assert_eq!(op.role, Role::Administrator);
    assert!(op.pin.verify("123456"));
    assert_eq!(
        d.app().session.as_ref().map(|s| s.code.as_str()),
        Some("admin")
    );
    // Then the empty database's choice: demo data or an empty start.
    assert_eq!(d.app().screen, Screen::Start);
    assert!(kinds(&store).contains(&(AuditKind::SignedIn, "admin".into())));
}

#[test]
fn a_missing_name_is_named_first_and_the_pins_typed_are_kept() {
    let store = Arc::new(MemoryStore::new());
    let mut d = opened(store.clone());
    d.tab(1)
        .type_text("admin")
        .tab(1)
        .type_text("123456")
        .tab(1)
        .type_text("123456")
        .key(KeyCode::Enter);
    assert!(d.screen().contains("请填写姓名"), "{}", d.screen());
    assert_eq!(d.app().first_admin.focus, 0);
    assert_eq!(d.app().first_admin.fields[2].value(), "123456");
    assert_eq!(d.app().first_admin.fields[3].value(), "123456");
    d.type_text("欧阳管理");
    // Enter walks to the last field and then saves.
    for _ in 0..4 {
        d.key(KeyCode::Enter);
    }
    let op = store.operator_by_code("admin").unwrap().unwrap();
    assert_eq!(op.name, "欧阳管理");
}

#[test]
fn the_sign_in_screen_hides_the_pin_and_lists_demo_operators_only_on_demo_data() {
    let store = Arc::new(MemoryStore::new());
    common::add_operator(&*store, Role::Clerk, None);
    let mut d = opened(store.clone());
    assert_eq!(d.app().screen, Screen::SignIn);
    d.type_text("clerk1").tab(1).type_text("1234");
    let screen = d.screen();
    assert!(
        screen.contains("••••") && !screen.contains("1234"),
        "{screen}"
    );
    assert!(!screen.contains("demo-clerk"), "{screen}");
    assert_snapshot!("sign_in", d.backend());

    let demo = Arc::new(MemoryStore::new());
    common::add_operator(&*demo, Role::Clerk, None);
    demo.mark_demo().unwrap();
    let mut d = opened(demo);
    let screen = d.screen();
    assert!(
        screen.contains("demo-supervisor") && screen.contains("123456"),
        "{screen}"
    );
    assert_snapshot!("sign_in_demo", d.backend());
}

#[test]
fn wrong_pins_wait_longer_each_time_and_lock_the_code() {
    let store = Arc::new(MemoryStore::new());
    common::add_operator(&*store, Role::Clerk, None);
    let mut d = opened(store.clone());
    d.sign_in("clerk1", "000000");
    assert!(d.screen().contains("请 1 秒后再试"), "{}", d.screen());
    // While the wait runs, Enter tries nothing.
    d.type_text(PIN).key(KeyCode::Enter);
    assert!(d.app().session.is_none());
    assert_eq!(
        store.operator_by_code("clerk1").unwrap().unwrap().failures,
        1
    );
    for (n, wait) in [(2, 2), (3, 4), (4, 8)] {
        d.clock.advance(Duration::seconds(60));
        d.key(KeyCode::Esc).sign_in("clerk1", "000000");
        assert_eq!(
            store.operator_by_code("clerk1").unwrap().unwrap().failures,
            n
        );
        let screen = d.screen();
        assert!(screen.contains(&format!("请 {wait} 秒后再试")), "{screen}");
    }
    // The countdown runs with the clock.
    d.clock.advance(Duration::seconds(3));
    d.desk.handle(Message::App(Action::Tick));
    assert!(d.screen().contains("请 5 秒后再试"));
    d.clock.advance(Duration::seconds(60));
    d.key(KeyCode::Esc).sign_in("clerk1", "000000");
    assert!(store.operator_by_code("clerk1").unwrap().unwrap().locked);
    assert!(d.screen().contains("已锁定"), "{}", d.screen());
    // Locked: even the right PIN does not open it.
    d.clock.advance(Duration::seconds(600));
    d.key(KeyCode::Esc).sign_in("clerk1", PIN);
    assert!(d.app().session.is_none());
    let log = kinds(&store);
    let failed = log
        .iter()
        .filter(|k| k.0 == AuditKind::SignInFailed)
        .count();
    assert_eq!(failed, 6, "{log:?}");
    assert!(log.contains(&(AuditKind::CodeLocked, "clerk1".into())));
}

/// clerk1 signed in at a shared desk; clerk2 (李登记) has an account too.
fn two_clerks() -> (common::TestDesk, Arc<MemoryStore>) {
    let store = Arc::new(MemoryStore::new());
    let d = desk(Lang::Zh, 120, 34, store.clone(), true);
    store
        .add_operator(&NewOperator {
            code: "clerk2".into(),
            name: "李登记".into(),
            role: Role::Clerk,
            pin: common::pin_hash(),
            leader: None,
        })
        .unwrap();
    (d, store)
}

#[test]
fn a_quick_switch_keeps_each_operators_draft_to_themselves() {
    let (mut d, store) = two_clerks();
    d.type_text("张三");
    d.key(KeyCode::F(12));
    assert_eq!(d.app().screen, Screen::SignIn);
    assert!(!d.screen().contains("张三"), "{}", d.screen());
    d.sign_in("clerk2", PIN);
    assert_eq!(d.app().screen, Screen::Intake);
    assert!(
        d.app().intake.name.is_empty(),
        "the next clerk sees an empty form"
    );
    assert!(!d.screen().contains("张三"));
    d.type_text("李四").switch();
    d.sign_in("clerk1", PIN);
    assert_eq!(
        d.app().intake.name.value(),
        "张三",
        "clerk1's draft is back"
    );
    d.switch().sign_in("clerk2", PIN);
    assert_eq!(d.app().intake.name.value(), "李四");
    let log = kinds(&store);
    let outs = log.iter().filter(|k| k.0 == AuditKind::SignedOut).count();
    assert_eq!(outs, 3, "{log:?}");
}

#[test]
fn quitting_names_whose_locked_draft_would_be_lost() {
    let (mut d, _) = two_clerks();
    d.type_text("吴十").switch().sign_in("clerk2", PIN);
    d.key(KeyCode::F(10));
    let screen = d.screen();
    assert!(
        screen.contains("clerk1 锁屏时留下了未保存的内容"),
        "{screen}"
    );
    assert!(
        !screen.contains("登记表中有未保存的内容"),
        "not clerk2's own: {screen}"
    );
    // Their own typing is named as theirs first.
    d.key(KeyCode::Esc).type_text("赵六").key(KeyCode::F(10));
    assert!(d.screen().contains("登记表中有未保存的内容"));
}

#[test]
fn minutes_without_a_key_lock_the_screen_and_clear_it() {
    let store = Arc::new(MemoryStore::new());
    let mut d = desk(Lang::Zh, 120, 34, store, true);
    d.type_text("张三");
    d.clock.advance(Duration::minutes(4));
    d.desk.handle(Message::App(Action::Tick));
    assert_eq!(d.app().screen, Screen::Intake, "not yet");
    d.clock.advance(Duration::minutes(1));
    d.desk.handle(Message::App(Action::Tick));
    assert_eq!(d.app().screen, Screen::SignIn);
    assert!(d.app().session.is_none());
    let screen = d.screen();
    assert!(!screen.contains("张三"), "{screen}");
    assert!(screen.contains("5 分钟无操作"), "{screen}");
    d.sign_in("clerk1", PIN);
    assert_eq!(d.app().intake.name.value(), "张三");
}

fn one_matter(store: &MemoryStore) {
    store
        .register_visit(&NewVisit {
            channel: Channel::WalkIn,
            received_at: common::now() - Duration::days(2),
            recorded_at: None,
            received_by: "clerk1".into(),
            petitioner: Person {
                name: "张三".into(),
                ..Person::default()
            },
            existing_petitioner: None,
            co_petitioners: vec![],
            head_count: 1,
            group: false,
            kind: Kind::Appeal,
            category: "土地征收".into(),
            summary: "要求落实征地补偿款".into(),
            case: CaseLink::New,
            receiving_leader: None,
        })
        .unwrap();
}

#[test]
fn a_clerk_is_refused_a_matter_action_and_nothing_is_written() {
    let store = Arc::new(MemoryStore::new());
    one_matter(&store);
    let mut d = desk(Lang::Zh, 120, 30, store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Enter);
    assert_eq!(d.app().screen, Screen::Matter);
    let before = store.matter(store.cases_in_state(Default::default(), 1).unwrap()[0].id);
    d.key(KeyCode::F(8)).key(KeyCode::Enter);
    let screen = d.screen();
    assert!(
        screen.contains("您的角色(登记员)不能办理此事项操作"),
        "{screen}"
    );
    assert!(d.app().matter.as_ref().is_some_and(|m| m.dialog.is_none()));
    let after = store.matter(before.as_ref().unwrap().as_ref().unwrap().case.id);
    assert_eq!(before.unwrap(), after.unwrap(), "nothing written");
    assert_snapshot!("refused", d.backend());
    // An administrator may not register a visit either.
    let mut d = desk_as(Role::Administrator, Lang::En, 120, 30, store, true);
    d.key(KeyCode::F(2));
    assert!(
        d.screen()
            .contains("Your role (Administrator) may not use this")
    );
}

#[test]
fn a_clerk_who_signs_in_while_the_database_opens_is_signed_in_once_it_is_open() {
    let store = Arc::new(MemoryStore::new());
    let clerk = common::add_operator(&*store, Role::Clerk, None);
    let mut d = bare_desk(Lang::Zh, 100, 26);
    d.sign_in(&clerk.code, PIN);
    let screen = d.screen();
    assert!(screen.contains("数据库正在打开,打开后即登录"), "{screen}");
    assert!(screen.contains("••••••"), "the PIN typed is kept: {screen}");
    assert!(!screen.contains("登录失败"), "{screen}");
    assert!(d.app().session.is_none());

    d.desk
        .handle(Message::Opened(Ok(store.clone() as Arc<dyn Store>)));
    d.store = store.clone();
    let signed_in = d.app().session.as_ref().map(|s| s.code.clone());
    assert_eq!(signed_in.as_deref(), Some(clerk.code.as_str()));
    assert_ne!(d.app().screen, Screen::SignIn);
    assert!(
        kinds(&store).contains(&(AuditKind::SignedIn, clerk.code.clone())),
        "the sign-in is in the evidence log like any other"
    );
}

#[test]
fn a_sign_in_asked_for_while_opening_is_checked_like_any_other_and_esc_takes_it_back() {
    let store = Arc::new(MemoryStore::new());
    let clerk = common::add_operator(&*store, Role::Clerk, None);

    let mut d = bare_desk(Lang::En, 100, 26);
    d.sign_in(&clerk.code, "654321");
    assert!(
        d.screen().contains("signing in as soon as it is open"),
        "{}",
        d.screen()
    );
    d.desk
        .handle(Message::Opened(Ok(store.clone() as Arc<dyn Store>)));
    assert!(d.app().session.is_none(), "a wrong PIN stays wrong");
    assert!(
        d.screen().contains("Wrong login code or PIN"),
        "{}",
        d.screen()
    );

    let mut d = bare_desk(Lang::Zh, 100, 26);
    d.sign_in(&clerk.code, PIN).key(KeyCode::Esc);
    assert!(!d.screen().contains("打开后即登录"), "{}", d.screen());
    d.desk
        .handle(Message::Opened(Ok(store.clone() as Arc<dyn Store>)));
    assert!(d.app().session.is_none(), "Esc took the sign-in back");
    assert_eq!(d.app().screen, Screen::SignIn);
}

#[test]
fn a_narrow_header_keeps_who_is_signed_in_and_the_date_before_the_holiday_warning() {
    for (width, warned) in [(80, "⚠ 缺 2027 年节假日 │"), (140, "工作日按周一至周五计")]
    {
        let store = Arc::new(MemoryStore::new());
        let mut d = desk(Lang::Zh, width, 30, store, true);
        let screen = d.screen();
        let header = screen.lines().next().unwrap();
        assert!(
            header.contains("登记员 clerk1 │ 2026-11-"),
            "{width}: {header}"
        );
        assert!(header.contains(warned), "{width}: {header}");
    }
}

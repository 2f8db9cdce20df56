//! The evidence log screen (F11) and the reveal key, as a supervisor and a clerk use them:
//! events newest first with Chinese names, filters that narrow the list, ID numbers and phones
//! masked until revealed, and every reveal recorded.

mod common;

use std::sync::Arc;

use common::{desk, desk_as, id_number};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use xfdesk::app::{Action, Screen};
use xfdesk::domain::audit::AuditKind;
use xfdesk::domain::ledger::Stamp;
use xfdesk::domain::permission::Role;
use xfdesk::domain::visit::NewVisit;
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;
use xfdesk::tui::Message;

fn visit(name: &str, id: &str, phone: &str, day: u32, by: &str) -> NewVisit {
    let mut v = common::walk_in(name, phone, common::on(11, day, 9, 30));
    v.petitioner.id_number = Some(
        xfdesk::domain::id_number::IdNumber::parse(
            id,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        )
        .unwrap(),
    );
    NewVisit {
        received_by: by.into(),
        category: "劳动社保".into(),
        summary: format!("{name}反映工资拖欠"),
        ..v
    }
}

/// Two clerks' visits and a supervisor's step on the first matter.
fn store() -> Arc<MemoryStore> {
    let store = Arc::new(MemoryStore::new());
    let zhang = store
        .register_visit(&visit(
            "张三",
            &id_number("530802", "19800101", "123"),
            "13812345678",
            16,
            "登记员甲",
        ))
        .unwrap();
    store
        .register_visit(&visit(
            "欧阳娜娜",
            &id_number("530821", "19920315", "246"),
            "0879-2123456",
            17,
            "登记员乙",
        ))
        .unwrap();
    let on = Stamp::new(
        zhang.visit.received_at + chrono::Duration::hours(2),
        "督办员王",
    );
    store
        .apply_move(
            zhang.case.id,
            xfdesk::domain::lifecycle::Move::Accept,
            "材料齐全",
            &on,
        )
        .unwrap();
    store
}

#[test]
fn f11_lists_every_event_newest_first_and_filters_narrow_it() {
    let mut d = desk_as(Role::Supervisor, Lang::Zh, 120, 20, store(), true);
    d.key(KeyCode::F(11));
    assert_eq!(d.app().screen, Screen::Ledger);
    let kinds: Vec<AuditKind> = d.app().ledger.rows.iter().map(|(_, e)| e.kind).collect();
    assert_eq!(
        kinds,
        [
            AuditKind::SignedIn,
            AuditKind::MatterMoved,
            AuditKind::VisitRegistered,
            AuditKind::VisitRegistered
        ],
        "the supervisor's own sign-in is the newest"
    );
    assert_snapshot!(d.backend());

    // Operator filter: Tab to it, type, Enter.
    d.key(KeyCode::Tab)
        .type_text("登记员乙")
        .key(KeyCode::Enter);
    let rows = &d.app().ledger.rows;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1.operator, "登记员乙");

    // Clear it, and filter by kind instead: ←/→ on the kind field.
    d.key(KeyCode::Tab);
    d.key(KeyCode::Backspace)
        .key(KeyCode::Backspace)
        .key(KeyCode::Backspace)
        .key(KeyCode::Backspace);
    d.key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .key(KeyCode::Tab)
        .key(KeyCode::Tab);
    d.key(KeyCode::Right).key(KeyCode::Right);
    let rows = &d.app().ledger.rows;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].1.kind, AuditKind::MatterMoved);
    assert!(d.screen().contains("事项流转"));
}

#[test]
fn the_matter_filter_and_a_bad_date_say_what_they_do() {
    let mut d = desk_as(Role::Supervisor, Lang::En, 120, 20, store(), true);
    d.key(KeyCode::F(11)).key(KeyCode::Tab).key(KeyCode::Tab);
    d.type_text("2026-000002").key(KeyCode::Enter);
    let rows = &d.app().ledger.rows;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1.operator, "登记员乙");
    d.key(KeyCode::Tab).key(KeyCode::Tab).key(KeyCode::Tab);
    d.type_text("2026-13-40").key(KeyCode::Enter);
    assert!(d.screen().contains("Dates are YYYY-MM-DD"));
}

#[test]
fn a_date_range_that_ends_before_it_starts_says_so() {
    let mut d = desk_as(Role::Supervisor, Lang::Zh, 120, 20, store(), true);
    d.key(KeyCode::F(11)).tab(3);
    d.type_text("2026-12-05")
        .tab(1)
        .type_text("2026-12-01")
        .key(KeyCode::Enter);
    let screen = d.screen();
    assert!(screen.contains("起始日期晚于截止日期,请调换"), "{screen}");
}

#[test]
fn a_reveal_shows_the_full_numbers_for_a_few_ticks_and_is_recorded() {
    let store = store();
    // A secretary sees every visit; a clerk only those they registered.
    let mut d = desk_as(Role::Secretary, Lang::Zh, 120, 30, store.clone(), true);
    d.key(KeyCode::F(3))
        .type_text("张三")
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    assert_eq!(d.app().screen, Screen::Detail);
    let full_id = id_number("530802", "19800101", "123");
    let screen = d.screen();
    assert!(
        screen.contains("530802********") && screen.contains("138****5678"),
        "{screen}"
    );
    assert!(!screen.contains(&full_id));
    let before = store.audit_log(0, 100).unwrap().len();

    d.ctrl('r');
    let screen = d.screen();
    assert!(
        screen.contains(&full_id) && screen.contains("13812345678"),
        "{screen}"
    );
    let log = store.audit_log(0, 100).unwrap();
    assert_eq!(log.len(), before + 1);
    let (_, event) = log.last().unwrap();
    assert_eq!(event.kind, AuditKind::Revealed);
    assert_eq!(event.operator, "sec1");
    assert!(event.subject.contains("visit:2026-000001"), "{event:?}");

    for _ in 0..xfdesk::app::privacy::REVEAL_TICKS - 1 {
        d.desk.handle(Message::App(Action::Tick));
    }
    assert!(
        d.screen().contains(&full_id),
        "still shown before its time is up"
    );
    d.desk.handle(Message::App(Action::Tick));
    let screen = d.screen();
    assert!(
        !screen.contains(&full_id) && screen.contains("138****5678"),
        "{screen}"
    );
    assert_snapshot!(d.backend());
}

#[test]
fn the_evidence_log_is_the_supervisors_a_clerk_is_refused_it() {
    let mut d = desk(Lang::Zh, 120, 20, store(), true);
    let before = d.app().screen;
    d.key(KeyCode::F(11));
    assert_eq!(d.app().screen, before, "the clerk stays where they were");
    assert!(d.screen().contains("您的角色(登记员)不能使用此功能"));
}

/// What the program writes in the log reads in the screen's language, with names and document
/// numbers as the matter screen shows them, and the operator's code is never cut.
#[test]
fn the_log_names_departments_and_document_numbers_and_speaks_one_language() {
    use xfdesk::domain::audit::{AuditEvent, detail, subject};
    use xfdesk::domain::lifecycle::Move;
    use xfdesk::domain::matter::MatterChange;
    use xfdesk::domain::supervision::Escalation;

    let store = store();
    let land = common::add_department(&*store, "县自然资源局");
    let case = store
        .cases_in_state(xfdesk::domain::lifecycle::CaseState::Accepted, 10)
        .unwrap()[0]
        .id;
    let at = common::on(11, 17, 14, 0);
    let stamp = Stamp::new(at, "demo-supervisor");
    let assign = Move::Assign {
        department: land.id,
        co_departments: vec![],
    };
    store
        .apply_move(case, assign, "请于30日内办结", &stamp)
        .unwrap();
    let urge = MatterChange::Urge {
        level: Escalation::Notice,
        department: Some(land.id),
        response_by: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        text: "请加快办理".into(),
    };
    store.change_matter(case, &urge, &stamp).unwrap();
    let event = |kind, subject: &str, detail: String| AuditEvent {
        at,
        operator: "demo-supervisor".into(),
        kind,
        subject: subject.into(),
        detail,
    };
    for e in [
        event(
            AuditKind::SignedOut,
            "demo-supervisor",
            detail::SWITCH.into(),
        ),
        event(
            AuditKind::OperatorChanged,
            "demo-admin",
            detail::FIRST_ADMIN.into(),
        ),
        event(
            AuditKind::Exported,
            "matter:2026-000001",
            format!(
                "{} /tmp/催办单.txt",
                subject::token(detail::DOCUMENT, "reminder")
            ),
        ),
    ] {
        store.record_audit(&e).unwrap();
    }

    let mut d = desk_as(Role::Supervisor, Lang::Zh, 150, 20, store, true);
    d.key(KeyCode::F(11));
    let screen = d.screen();
    for shown in [
        "demo-supervisor 退出登录",
        "换人登录",
        "首位管理员",
        "催办单 /tmp/催办单.txt",
        "事项 2026-000001 →已交办 县自然资源局",
        "事项 2026-000001 督〔2026〕1号 县自然资源局",
    ] {
        assert!(screen.contains(shown), "{shown} missing:\n{screen}");
    }
    for hidden in [
        "switch",
        "first administrator",
        "document:",
        "单位 #",
        "文号",
    ] {
        assert!(!screen.contains(hidden), "{hidden} shown:\n{screen}");
    }
}

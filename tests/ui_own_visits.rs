//! Two clerks at one desk: each sees the visits they registered, in the list, its search and
//! a visit's history; intake still finds every earlier petitioner, showing a clerk who the
//! person is and not what other clerks wrote down.

mod common;

use std::sync::Arc;

use chrono::Duration;
use common::{PIN, TestDesk, desk_as};
use ratatui::crossterm::event::KeyCode;
use xfdesk::app::Screen;
use xfdesk::domain::operator::NewOperator;
use xfdesk::domain::permission::Role;
use xfdesk::domain::petitioner::Person;
use xfdesk::domain::phone::Phone;
use xfdesk::domain::visit::{CaseLink, Channel, Kind, NewVisit};
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;

fn visit(name: &str, phone: &str, by: &str, days_ago: i64, summary: &str) -> NewVisit {
    NewVisit {
        channel: Channel::WalkIn,
        received_at: common::now() - Duration::days(days_ago),
        recorded_at: None,
        received_by: by.into(),
        petitioner: Person {
            name: name.into(),
            phone: Phone::parse(phone).ok(),
            ..Person::default()
        },
        existing_petitioner: None,
        co_petitioners: vec![],
        head_count: 1,
        group: false,
        kind: Kind::Appeal,
        category: "土地征收".into(),
        summary: summary.into(),
        case: CaseLink::New,
        receiving_leader: None,
    }
}

/// clerk1 registered 张三; clerk2 registered 李四, and 张三 when he came again.
fn office() -> Arc<MemoryStore> {
    let store = Arc::new(MemoryStore::new());
    let first = store
        .register_visit(&visit(
            "张三",
            "13812345678",
            "clerk1",
            9,
            "要求落实征地补偿款",
        ))
        .unwrap();
    store
        .register_visit(&visit(
            "李四",
            "13912345678",
            "clerk2",
            5,
            "反映邻居违建挡路",
        ))
        .unwrap();
    let mut again = visit(
        "张三",
        "13812345678",
        "clerk2",
        2,
        "补偿款仍未到位,情绪激动",
    );
    again.existing_petitioner = Some(first.petitioner.id);
    again.case = CaseLink::Existing(first.case.id);
    store.register_visit(&again).unwrap();
    store
        .add_operator(&NewOperator {
            code: "clerk2".into(),
            name: "李登记".into(),
            role: Role::Clerk,
            pin: common::pin_hash(),
            leader: None,
        })
        .unwrap();
    store
}

fn clerk(store: Arc<MemoryStore>) -> TestDesk {
    desk_as(Role::Clerk, Lang::Zh, 120, 24, store, true)
}

fn listed(d: &TestDesk) -> Vec<(String, String)> {
    d.app()
        .visits
        .rows
        .iter()
        .map(|v| (v.petitioner.name.clone(), v.received_by.clone()))
        .collect()
}

#[test]
fn each_clerk_lists_and_finds_only_the_visits_they_registered() {
    let mut d = clerk(office());
    d.key(KeyCode::F(3));
    assert_eq!(listed(&d), [("张三".into(), "clerk1".into())]);
    let screen = d.screen();
    assert!(screen.contains("本人登记的来访"), "{screen}");
    assert!(
        !screen.contains("李四") && !screen.contains("情绪激动"),
        "{screen}"
    );
    d.type_text("李四");
    assert!(d.app().visits.rows.is_empty(), "another clerk's visitor");
    d.key(KeyCode::Esc).type_text("zs");
    assert_eq!(listed(&d), [("张三".into(), "clerk1".into())]);

    d.switch().sign_in("clerk2", PIN).key(KeyCode::F(3));
    assert_eq!(
        listed(&d),
        [
            ("张三".into(), "clerk2".into()),
            ("李四".into(), "clerk2".into())
        ]
    );
    assert!(d.screen().contains("情绪激动"));

    // A supervisor's list is everyone's.
    common::add_operator(&*d.store, Role::Supervisor, None);
    d.switch().sign_in("sup1", PIN).key(KeyCode::F(3));
    assert_eq!(d.app().visits.rows.len(), 3);
    assert!(d.screen().contains("共 3 条来访"));
}

#[test]
fn a_clerks_visit_history_holds_their_own_visits() {
    let mut d = clerk(office());
    d.key(KeyCode::F(3)).key(KeyCode::Enter);
    assert_eq!(d.app().screen, Screen::Detail);
    let detail = d.app().details.last().unwrap();
    let history = detail.history.as_ref().unwrap();
    assert_eq!(history.visits.len(), 1);
    assert_eq!(history.visits[0].received_by, "clerk1");
    let screen = d.screen();
    assert!(screen.contains("要求落实征地补偿款"), "{screen}");
    assert!(!screen.contains("情绪激动"), "{screen}");
}

#[test]
fn intake_finds_another_clerks_petitioner_and_shows_only_who_it_is() {
    let mut d = clerk(office());
    assert_eq!(d.app().screen, Screen::Intake);
    d.type_text("李四").tab(3).type_text("13912345678");
    let matches = &d.app().intake.matches;
    assert_eq!(matches.len(), 1, "found although clerk2 registered him");
    let screen = d.screen();
    assert!(
        screen.contains("139****5678") && screen.contains("来访 1 次"),
        "{screen}"
    );
    assert!(screen.contains("2026-000002 土地征收 已登记"), "{screen}");
    assert!(!screen.contains("违建"), "{screen}");

    // A secretary, who acts on matters, reads the matter's summary.
    common::add_operator(&*d.store, Role::Secretary, None);
    d.switch().sign_in("sec1", PIN);
    d.type_text("李四").tab(3).type_text("13912345678");
    let screen = d.screen();
    assert!(screen.contains("反映邻居违建挡路"), "{screen}");
}

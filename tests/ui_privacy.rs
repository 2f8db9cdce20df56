//! Accusations (检举控告类) are read only by supervisors and the responsible leader's secretary:
//! others see that the matter exists, not who brought it or what it says.

mod common;

use std::sync::Arc;

use chrono::Duration;
use common::desk_as;
use ratatui::crossterm::event::KeyCode;
use xfdesk::app::Screen;
use xfdesk::domain::organisation::NewLeader;
use xfdesk::domain::permission::Role;
use xfdesk::domain::petitioner::Person;
use xfdesk::domain::visit::{CaseLink, Channel, Kind, NewVisit};
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;

/// One accusation received by 王红, who therefore holds it.
fn office() -> (Arc<MemoryStore>, xfdesk::domain::organisation::LeaderId) {
    let store = Arc::new(MemoryStore::new());
    let leader = store
        .add_leader(
            &NewLeader {
                name: "王红".into(),
                title: "县长".into(),
                portfolio: String::new(),
            },
            &common::admin(),
        )
        .unwrap();
    store
        .register_visit(&NewVisit {
            channel: Channel::WalkIn,
            received_at: common::now() - Duration::days(2),
            received_by: "clerk1".into(),
            petitioner: Person {
                name: "赵举报".into(),
                ..Person::default()
            },
            existing_petitioner: None,
            co_petitioners: vec![],
            head_count: 1,
            group: false,
            kind: Kind::Accusation,
            category: "党纪政纪".into(),
            summary: "反映某站长收受好处".into(),
            case: CaseLink::New,
            receiving_leader: Some(leader.id),
        })
        .unwrap();
    (store, leader.id)
}

#[test]
fn a_clerk_sees_that_an_accusation_exists_but_not_who_or_what() {
    let (store, _) = office();
    let mut d = desk_as(Role::Clerk, Lang::Zh, 120, 24, store, true);
    d.key(KeyCode::F(4));
    let screen = d.screen();
    assert!(screen.contains("2026-000001"), "{screen}");
    assert!(
        screen.contains("(保密)") && !screen.contains("赵举报"),
        "{screen}"
    );
    d.key(KeyCode::Enter);
    assert_eq!(d.app().screen, Screen::Matter);
    let screen = d.screen();
    assert!(
        !screen.contains("赵举报") && !screen.contains("收受好处"),
        "{screen}"
    );
    // The visits list blanks it; a search for the name does not find it.
    d.key(KeyCode::F(3)).key(KeyCode::Esc).key(KeyCode::Esc);
    d.key(KeyCode::F(3));
    let screen = d.screen();
    assert!(
        !screen.contains("赵举报") && !screen.contains("收受好处"),
        "{screen}"
    );
    d.type_text("赵举报");
    assert!(d.app().visits.rows.is_empty());
}

#[test]
fn supervisors_and_the_responsible_leaders_secretary_read_it() {
    let (store, leader) = office();
    let mut d = desk_as(Role::Supervisor, Lang::Zh, 120, 24, store.clone(), true);
    d.key(KeyCode::F(4));
    assert!(d.screen().contains("赵举报"));
    common::add_operator(&*store, Role::Secretary, Some(leader));
    let mut d = desk_as(Role::Secretary, Lang::Zh, 120, 24, store, true);
    d.key(KeyCode::F(4)).key(KeyCode::Enter);
    let screen = d.screen();
    assert!(
        screen.contains("赵举报") && screen.contains("收受好处"),
        "{screen}"
    );
}

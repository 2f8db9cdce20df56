//! Accusations (检举控告类) are read only by supervisors and the responsible leader's secretary:
//! others see that the matter exists, not who brought it or what it says.

mod common;

use std::sync::Arc;

use chrono::Duration;
use common::desk_as;
use ratatui::crossterm::event::KeyCode;
use xfdesk::app::Screen;
use xfdesk::domain::permission::Role;
use xfdesk::domain::petitioner::Person;
use xfdesk::domain::phone::Phone;
use xfdesk::domain::visit::{CaseLink, Channel, Kind, NewVisit};
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;

/// One accusation received by 王红, who therefore holds it.
fn office() -> (Arc<MemoryStore>, xfdesk::domain::organisation::LeaderId) {
    let store = Arc::new(MemoryStore::new());
    let leader = common::add_leader(&*store, "王红", "县长");
    store
        .register_visit(&NewVisit {
            channel: Channel::WalkIn,
            received_at: common::now() - Duration::days(2),
            recorded_at: None,
            received_by: "clerk1".into(),
            petitioner: Person {
                name: "赵举报".into(),
                phone: Phone::parse("13600001111").ok(),
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
    assert!(
        !screen.contains("党纪政纪"),
        "the category is content too: {screen}"
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

/// Words written about the accusation as it was handled; none may reach a reader who may not.
const SECRETS: [&str; 8] = [
    "党纪政纪",
    "专班甲",
    "先调取账目",
    "账目较多",
    "请加快核查",
    "经查属实",
    "维持原处理意见",
    "收受好处",
];

/// The accusation of `office()`, handled: accepted, assigned, a team and plan, an extension,
/// a reminder, an answer and a review answer, each with its words.
fn handled() -> (Arc<MemoryStore>, xfdesk::domain::organisation::LeaderId) {
    use xfdesk::domain::deadline::Extension;
    use xfdesk::domain::ledger::Stamp;
    use xfdesk::domain::lifecycle::Move;
    use xfdesk::domain::matter::MatterChange;
    use xfdesk::domain::supervision::Escalation;
    let (store, leader) = office();
    let dept = common::add_department(&*store, "县纪委监委");
    let id = store.pending_matters().unwrap()[0].id;
    let stamp = Stamp::new(common::now() - Duration::days(1), "sup1");
    let step = |m: Move| MatterChange::Step {
        step: m,
        note: "内部备注".into(),
    };
    let changes = [
        step(Move::Accept),
        step(Move::Assign {
            department: dept.id,
            co_departments: vec![],
        }),
        step(Move::StartHandling),
        MatterChange::Team(vec!["专班甲".into()]),
        MatterChange::Plan("先调取账目".into()),
        MatterChange::Extend {
            extension: Extension {
                days: 10,
                reason: "账目较多".into(),
                approved_by: "sup1".into(),
            },
            max_total_days: 30,
            due: None,
        },
        MatterChange::Urge {
            level: Escalation::Reminder,
            department: None,
            response_by: common::now().date() + Duration::days(5),
            text: "请加快核查".into(),
        },
        step(Move::Answer {
            text: "经查属实,已立案".into(),
        }),
        step(Move::RequestReview),
        step(Move::AnswerReview {
            text: "维持原处理意见".into(),
        }),
    ];
    for change in &changes {
        store.change_matter(id, change, &stamp).unwrap();
    }
    (store, leader)
}

fn shows_none_of_the_secrets(what: &str) {
    for secret in SECRETS {
        assert!(!what.contains(secret), "{secret} shown: {what}");
    }
}

#[test]
fn nothing_written_about_an_accusation_reaches_those_who_may_not_read_it() {
    let (store, _) = handled();
    let mut d = desk_as(Role::Clerk, Lang::Zh, 120, 40, store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Enter);
    assert_eq!(d.app().screen, Screen::Matter);
    let screen = d.screen();
    shows_none_of_the_secrets(&screen);
    // Not only off screen: the desk does not hold the words at all.
    shows_none_of_the_secrets(&format!("{:?}", d.app().matter));
    // What it is and where it stands still show.
    assert!(
        screen.contains("2026-000001") && screen.contains("复查"),
        "{screen}"
    );
    assert!(screen.contains("(保密)"), "{screen}");
    // A secretary of another leader may not act on it.
    common::add_operator(&*store, Role::Secretary, None);
    d.switch().sign_in("sec1", common::PIN);
    d.key(KeyCode::F(4)).key(KeyCode::Enter);
    shows_none_of_the_secrets(&d.screen());
    d.key(KeyCode::F(8));
    assert!(d.app().matter.as_ref().unwrap().menu.is_none());
    assert!(
        d.screen()
            .contains("检举控告类事项仅督办员和包案领导的接访记录员可以办理")
    );

    // The supervisor reads every word: the words were there to hide.
    let mut d = desk_as(Role::Supervisor, Lang::Zh, 160, 50, store, true);
    d.key(KeyCode::F(4)).key(KeyCode::Enter);
    let all = format!("{:?}", d.app().matter);
    for secret in SECRETS {
        assert!(all.contains(secret), "{secret} missing for the supervisor");
    }
}

#[test]
fn intake_tells_a_clerk_the_accuser_has_a_confidential_matter_and_nothing_more() {
    let (store, leader) = handled();
    let mut d = desk_as(Role::Clerk, Lang::Zh, 120, 30, store.clone(), true);
    d.type_text("赵举报").tab(3).type_text("13600001111");
    let entry = &d.app().intake.matches[0];
    assert!(entry.open_cases.is_empty(), "not offered to join");
    assert_eq!(entry.confidential, 1);
    let screen = d.screen();
    assert!(screen.contains("另有 1 件保密事项"), "{screen}");
    assert!(!screen.contains("2026-000001"), "{screen}");
    shows_none_of_the_secrets(&screen);

    // The responsible leader's secretary reads it, and may join today's visit to it.
    common::add_operator(&*store, Role::Secretary, Some(leader));
    let mut d = desk_as(Role::Secretary, Lang::Zh, 120, 30, store, true);
    d.type_text("赵举报").tab(3).type_text("13600001111");
    let entry = &d.app().intake.matches[0];
    assert_eq!((entry.open_cases.len(), entry.confidential), (1, 0));
    assert!(d.screen().contains("2026-000001"));
}

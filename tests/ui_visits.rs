//! The visits list and a visit's detail, with Chinese names and search as you type.

mod common;

use std::sync::Arc;

use common::desk;
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use xfdesk::app::Screen;
use xfdesk::domain::visit::{CaseLink, Channel, CoPetitioner, NewVisit};
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;

fn visit(
    name: &str,
    phone: &str,
    day: u32,
    hour: u32,
    channel: Channel,
    category: &str,
    summary: &str,
) -> NewVisit {
    NewVisit {
        channel,
        category: category.into(),
        summary: summary.into(),
        ..common::walk_in(name, phone, common::on(11, day, hour, 5))
    }
}

fn store() -> Arc<MemoryStore> {
    let store = Arc::new(MemoryStore::new());
    let mut group = visit(
        "阿依古丽·买买提",
        "13700001111",
        17,
        14,
        Channel::WalkIn,
        "劳动社保",
        "六名工人集体反映工程款拖欠,要求尽快支付",
    );
    group.head_count = 6;
    group.group = true;
    group.co_petitioners = vec![CoPetitioner {
        name: "岩温".into(),
        representative: true,
        ..Default::default()
    }];
    store
        .register_visits(&[
            visit(
                "张三",
                "13812345678",
                9,
                9,
                Channel::WalkIn,
                "土地征收",
                "要求提高征地补偿标准,补偿款至今未到位",
            ),
            visit(
                "李建国",
                "13908791234",
                12,
                10,
                Channel::Letter,
                "劳动社保",
                "拖欠工资三个月未发",
            ),
            visit(
                "单雄信",
                "15987654321",
                16,
                11,
                Channel::Online,
                "城乡建设",
                "宅基地纠纷,请求重新确权",
            ),
            group,
        ])
        .unwrap();
    let first = store
        .visit_by_number("2026-000001".parse().unwrap())
        .unwrap()
        .unwrap();
    let mut again = visit(
        "张三",
        "13812345678",
        18,
        8,
        Channel::Phone,
        "土地征收",
        "询问补偿款办理进度",
    );
    again.existing_petitioner = Some(first.petitioner_id);
    again.case = CaseLink::Existing(first.case_id);
    store.register_visit(&again).unwrap();
    store
}

#[test]
fn visits_list_newest_first_with_chinese_names_aligned() {
    let mut d = desk(Lang::Zh, 120, 20, store(), true);
    d.key(KeyCode::F(3)).key(KeyCode::Esc);
    assert_eq!(d.app().screen, Screen::Visits);
    let numbers: Vec<String> = d
        .app()
        .visits
        .rows
        .iter()
        .map(|v| v.number.to_string())
        .collect();
    assert_eq!(
        numbers,
        [
            "2026-000005",
            "2026-000004",
            "2026-000003",
            "2026-000002",
            "2026-000001"
        ]
    );
    assert_snapshot!(d.backend());
}

#[test]
fn search_as_you_type_by_name_pinyin_and_phone() {
    let mut d = desk(Lang::Zh, 120, 20, store(), true);
    d.key(KeyCode::F(3)).type_text("张");
    let names = |d: &common::TestDesk| {
        d.app()
            .visits
            .rows
            .iter()
            .map(|v| v.petitioner.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&d), ["张三", "张三"]);
    d.key(KeyCode::Backspace).type_text("dxx");
    assert_eq!(
        names(&d),
        ["单雄信"],
        "a heteronym surname is found by either reading"
    );
    d.key(KeyCode::Esc).type_text("1234");
    assert_eq!(names(&d), ["李建国"], "the last digits of a phone");
    assert_snapshot!(d.backend());
}

/// More people named 王 than a search lists: a keystroke fetches the first screen and says
/// more follow, scrolling fetches them, and at the end the title says only the first ones are
/// listed, so the clerk types more rather than taking the list for everyone.
#[test]
fn a_search_that_finds_more_than_it_lists_says_so() {
    use xfdesk::app::visits::{SEARCH_LIMIT, SEARCH_PAGE};
    let store = store();
    let many: Vec<NewVisit> = (0..SEARCH_LIMIT + 5)
        .map(|n| {
            let name = format!("王{}", ["伟", "芳", "强", "敏", "静"][n % 5]);
            let phone = format!("139{:08}", 10_000_000 + n);
            let hour = 8 + (n % 9) as u32;
            common::walk_in(&name, &phone, common::on(11, 1 + (n % 20) as u32, hour, 5))
        })
        .collect();
    store.register_visits(&many).unwrap();
    let mut d = desk(Lang::Zh, 120, 20, store, true);
    d.key(KeyCode::F(3)).type_text("王");
    assert_eq!(d.app().visits.rows.len(), SEARCH_PAGE);
    assert!(
        d.screen()
            .contains(&format!("已列出前 {SEARCH_PAGE} 条,向下翻看更多")),
        "{}",
        d.screen()
    );
    let first = d.app().visits.rows.clone();
    for _ in 0..SEARCH_LIMIT / 5 {
        d.key(KeyCode::PageDown);
    }
    assert_eq!(d.app().visits.rows.len(), SEARCH_LIMIT);
    assert_eq!(
        d.app().visits.rows[..SEARCH_PAGE],
        first[..],
        "the first rows stay"
    );
    assert!(
        d.app().visits.selected > SEARCH_PAGE,
        "the selection stays where it went"
    );
    assert!(
        d.screen().contains(&format!("只列出前 {SEARCH_LIMIT} 条")),
        "{}",
        d.screen()
    );
    // A narrower search starts again from one screen; scrolling reaches all it found.
    d.type_text("伟");
    let found = (SEARCH_LIMIT + 5).div_ceil(5);
    assert_eq!(d.app().visits.rows.len(), SEARCH_PAGE.min(found));
    for _ in 0..5 {
        d.key(KeyCode::PageDown);
    }
    assert_eq!(d.app().visits.rows.len(), found);
    assert!(d.screen().contains("找到 41 条"), "{}", d.screen());
}

#[test]
fn nothing_found_says_so() {
    let mut d = desk(Lang::En, 100, 16, store(), true);
    d.key(KeyCode::F(3)).type_text("王");
    assert!(d.screen().contains("Nothing found for “王”"));
}

#[test]
fn enter_opens_the_detail_with_the_petitioners_history() {
    let mut d = desk(Lang::Zh, 120, 30, store(), true);
    d.key(KeyCode::F(3))
        .type_text("zs")
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    assert_eq!(d.app().screen, Screen::Detail);
    let detail = d.app().details.last().unwrap();
    assert_eq!(detail.history.as_ref().unwrap().visits.len(), 2);
    assert_snapshot!(d.backend());
    d.key(KeyCode::Esc);
    assert_eq!(d.app().screen, Screen::Visits);
}

#[test]
fn plain_keys_move_the_list_only_outside_the_search_box() {
    let mut d = desk(Lang::Zh, 120, 20, store(), true);
    d.key(KeyCode::F(3)).type_text("j");
    assert_eq!(d.app().visits.search.value(), "j", "typed into the box");
    d.key(KeyCode::Esc).key(KeyCode::Esc);
    assert!(!d.app().visits.search_focus);
    d.key(KeyCode::Char('j'));
    assert_eq!(d.app().visits.selected, 1);
    d.key(KeyCode::Char('／'));
    assert!(
        d.app().visits.search_focus,
        "the full-width slash also opens the search"
    );
}

#[test]
fn detail_of_a_group_visit_shows_representatives() {
    let mut d = desk(Lang::Zh, 120, 30, store(), true);
    d.key(KeyCode::F(3))
        .key(KeyCode::Esc)
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    let screen = d.screen();
    assert!(
        screen.contains("集体访,6 人;代表:阿依古丽·买买提、岩温"),
        "{screen}"
    );
}

#[test]
fn no_search_before_signing_in_and_the_same_search_after() {
    let store = store();
    let mut d = desk(Lang::Zh, 120, 20, store.clone(), false);
    d.key(KeyCode::F(3)).type_text("张三");
    assert_eq!(d.app().screen, xfdesk::app::Screen::SignIn);
    assert!(d.app().visits.rows.is_empty(), "nothing shown to nobody");
    d.desk
        .handle(xfdesk::tui::Message::Opened(Ok(store as Arc<dyn Store>)));
    // What was typed went into the sign-in's code field, not into a search.
    d.key(KeyCode::Esc).sign_in("clerk1", common::PIN);
    d.key(KeyCode::F(3)).type_text("张三");
    let names: Vec<_> = d
        .app()
        .visits
        .rows
        .iter()
        .map(|v| v.petitioner.name.clone())
        .collect();
    assert_eq!(names, ["张三", "张三"]);
    assert!(d.screen().contains("张三"));
}

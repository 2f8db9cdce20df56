//! The intake screen as a clerk sees it: snapshots of the form empty, filled with Chinese text,
//! with errors, in English, and of the repeat panel; the cursor at the caret; nothing lost.

mod common;

use std::sync::Arc;

use common::{TestDesk, desk, id_number, now};
use insta::assert_snapshot;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use xfdesk::app::{Overlay, Screen};
use xfdesk::domain::id_number::IdNumber;
use xfdesk::domain::intake::Field;
use xfdesk::domain::permission::Role;
use xfdesk::domain::visit::{Channel, NewVisit};
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;
use xfdesk::tui::Message;

fn with_visits() -> Arc<MemoryStore> {
    let store = Arc::new(MemoryStore::new());
    let visit =
        |name: &str, id: Option<String>, phone: &str, address: &str, day: u32, summary: &str| {
            let mut v = common::walk_in(name, phone, common::on(10, day, 10, 15));
            v.petitioner.id_number = id.map(|i| IdNumber::parse(&i, now().date()).unwrap());
            v.petitioner.address = address.into();
            NewVisit {
                category: "土地征收".into(),
                summary: summary.into(),
                ..v
            }
        };
    store
        .register_visits(&[
            visit(
                "张三",
                Some("11010519491231002X".into()),
                "13812345678",
                "云南省普洱市思茅区南屏镇曼连村",
                9,
                "要求提高征地补偿标准",
            ),
            visit(
                "李建国",
                Some(id_number("530802", "19650312", "031")),
                "13908791234",
                "普洱市宁洱县宁洱镇",
                12,
                "拖欠工资三个月未发",
            ),
            visit(
                "单雄信",
                None,
                "15987654321",
                "普洱市墨江县联珠镇",
                20,
                "宅基地纠纷,请求重新确权",
            ),
        ])
        .unwrap();
    store
}

fn intake_desk(lang: Lang) -> TestDesk {
    // A clerk on an empty database starts on the intake: demo data is the administrator's.
    desk(lang, 120, 34, Arc::new(MemoryStore::new()), true)
}

#[test]
fn an_empty_database_offers_demo_data_or_an_empty_start() {
    let store = Arc::new(MemoryStore::new());
    let mut d = common::desk_as(Role::Administrator, Lang::Zh, 100, 24, store, true);
    assert_eq!(d.app().screen, Screen::Start);
    assert_snapshot!(d.backend());
}

#[test]
fn empty_intake_form() {
    let mut d = intake_desk(Lang::Zh);
    assert_eq!(d.app().screen, Screen::Intake);
    assert_eq!(d.app().intake.focus, Field::Name);
    assert_snapshot!(d.backend());
}

#[test]
fn intake_form_filled_with_chinese_text() {
    let mut d = intake_desk(Lang::Zh);
    d.fill_zhang_san();
    assert_eq!(d.app().intake.focus, Field::Summary);
    assert_snapshot!(d.backend());
}

#[test]
fn the_cursor_sits_at_the_caret_in_cells() {
    let mut d = intake_desk(Lang::Zh);
    let (x0, y0) = d.cursor();
    d.type_text("张三");
    let (x, y) = d.cursor();
    assert_eq!(
        (x - x0, y),
        (4, y0),
        "two Chinese characters are four cells"
    );
    d.key(KeyCode::Left);
    assert_eq!(d.cursor().0 - x0, 2);
}

#[test]
fn intake_form_with_errors_keeps_everything_typed() {
    let mut d = intake_desk(Lang::Zh);
    d.type_text("张3")
        .tab(1)
        .type_text("110105194912310021")
        .tab(2)
        .type_text("1381234")
        .tab(1)
        .type_text("思茅区");
    d.ctrl('s');
    let app = d.app();
    assert_eq!(app.intake.name.value(), "张3");
    assert_eq!(app.intake.id_number.value(), "110105194912310021");
    assert_eq!(
        app.intake.focus,
        Field::Name,
        "focus goes to the first error"
    );
    assert_eq!(d.store.visit_count().unwrap(), 0);
    let screen = d.screen();
    assert!(screen.contains("校验位应为 X,不是 1"), "{screen}");
    assert!(screen.contains("手机号应为11位,现为7位"), "{screen}");
    assert_snapshot!(d.backend());
}

#[test]
fn an_error_disappears_as_soon_as_the_field_is_right() {
    let mut d = intake_desk(Lang::Zh);
    d.tab(1).type_text("110105194912310021").tab(1);
    assert!(
        d.app().intake.error(Field::IdNumber).is_some(),
        "checked on leaving the field"
    );
    d.shift_tab().key(KeyCode::Backspace).type_text("X");
    assert!(d.app().intake.error(Field::IdNumber).is_none());
}

#[test]
fn english_intake_form() {
    let mut d = intake_desk(Lang::En);
    d.fill_zhang_san();
    assert_snapshot!(d.backend());
}

#[test]
fn saving_registers_the_visit_and_clears_the_form_for_the_next_visitor() {
    let mut d = intake_desk(Lang::Zh);
    d.fill_zhang_san().ctrl('s');
    assert_eq!(d.store.visit_count().unwrap(), 1);
    let v = d.store.visits_newest_first(None, 1).unwrap().remove(0);
    assert_eq!(v.petitioner.name, "张三");
    assert_eq!(v.summary, "要求落实征地补偿款");
    assert_eq!(v.received_by, "clerk1");
    assert!(d.app().intake.name.is_empty());
    assert!(
        d.screen()
            .contains("已保存:来访 2026-000001,新事项 2026-000001")
    );
}

#[test]
fn nothing_but_the_sign_in_is_offered_while_the_database_is_still_opening() {
    let mut d = desk(Lang::Zh, 120, 34, Arc::new(MemoryStore::new()), false);
    assert_eq!(d.app().screen, Screen::SignIn);
    d.key(KeyCode::F(2)).key(KeyCode::F(3));
    assert_eq!(
        d.app().screen,
        Screen::SignIn,
        "no screen before signing in"
    );
    d.sign_in("clerk1", common::PIN);
    assert!(d.app().session.is_none(), "not before the database is open");
    assert!(d.screen().contains("打开后即登录"), "{}", d.screen());
}

#[test]
fn a_returning_petitioner_is_shown_while_typing_and_can_be_taken() {
    let mut d = desk(Lang::Zh, 120, 34, with_visits(), true);
    assert_eq!(d.app().screen, Screen::Intake);
    d.tab(3).type_text("13812345678");
    assert_eq!(d.app().intake.matches.len(), 1);
    assert_snapshot!("repeat_panel_shows_the_match", d.backend());
    d.key(KeyCode::F(6)).key(KeyCode::Enter);
    let form = &d.app().intake;
    assert_eq!(form.name.value(), "张三");
    assert_eq!(form.id_number.value(), "11010519491231002X");
    assert_eq!(form.focus, Field::Case, "the open matter is offered");
    assert_eq!(form.case_choice, 1);
    d.tab(3).type_text("再次反映补偿款未到位").ctrl('s');
    let v = d.store.visits_newest_first(None, 1).unwrap().remove(0);
    assert_eq!(v.petitioner.name, "张三");
    let first = d
        .store
        .visit_by_number("2026-000001".parse().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(v.case_id, first.case_id, "linked to the open matter");
    assert_eq!(v.petitioner_id, first.petitioner_id);
}

#[test]
fn esc_on_a_filled_form_asks_before_discarding() {
    let mut d = intake_desk(Lang::Zh);
    d.type_text("张三").key(KeyCode::Esc);
    assert!(matches!(
        d.app().overlay,
        Some(Overlay::Confirm { act: false, .. })
    ));
    d.key(KeyCode::Enter);
    assert_eq!(
        d.app().intake.name.value(),
        "张三",
        "Enter on the default button keeps editing"
    );
    d.key(KeyCode::Esc).key(KeyCode::Right).key(KeyCode::Enter);
    assert!(d.app().intake.name.is_empty());
}

#[test]
fn group_visit_with_co_petitioners() {
    let mut d = intake_desk(Lang::Zh);
    d.fill_zhang_san();
    for (name, rep) in [
        ("李四", true),
        ("王五", false),
        ("赵六", false),
        ("钱七", false),
    ] {
        d.key(KeyCode::F(5)).type_text(name);
        if rep {
            d.tab(3).key(KeyCode::Char(' '));
        }
        d.key(KeyCode::Enter);
    }
    let screen = d.screen();
    assert!(screen.contains("李四(代表)、王五、赵六、钱七"), "{screen}");
    assert!(screen.contains("集体访"), "{screen}");
    d.ctrl('s');
    let v = d.store.visits_newest_first(None, 1).unwrap().remove(0);
    assert!(v.group);
    assert_eq!(v.head_count, 5);
    assert_eq!(v.representatives(), vec!["张三", "李四"]);
}

#[test]
fn a_ten_thousand_character_paste_is_cut_to_the_field_and_said() {
    let mut d = intake_desk(Lang::Zh);
    d.paste(&"张".repeat(10_000));
    assert_eq!(d.app().intake.name.value().chars().count(), 30);
    assert!(d.screen().contains("粘贴内容过长"));
}

#[test]
fn help_lists_the_live_key_map() {
    let mut d = intake_desk(Lang::Zh);
    d.key(KeyCode::F(1));
    let screen = d.screen();
    assert!(screen.contains("Ctrl-S"), "{screen}");
    assert!(screen.contains("保存登记"), "{screen}");
    assert_snapshot!(d.backend());
}

#[test]
fn a_small_terminal_still_shows_the_focused_field() {
    let mut d = desk(Lang::Zh, 80, 24, Arc::new(MemoryStore::new()), true);
    d.fill_zhang_san();
    let screen = d.screen();
    assert!(screen.contains("要求落实征地补偿款"), "{screen}");
    // The rows scrolled away are announced, not silently hidden.
    assert!(
        screen.lines().nth(1).unwrap().contains("↑ 还有"),
        "{screen}"
    );
    assert_snapshot!(d.backend());
}

#[test]
fn tiny_and_huge_terminals_do_not_break() {
    for (w, h) in [(1, 1), (10, 3), (500, 200)] {
        let mut d = desk(Lang::Zh, w, h, Arc::new(MemoryStore::new()), true);
        d.type_text("张三");
        let screen = d.screen();
        if w < 40 {
            assert!(screen.contains("窗口太小") || w * h < 20, "{screen}");
        } else {
            assert!(screen.contains("张三"));
        }
    }
}

#[test]
fn a_write_the_disk_did_not_confirm_is_reported_with_its_number_and_the_form_kept() {
    let disk = Arc::new(common::faulty::UnconfirmingDisk::default());
    disk.failing
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let mut d = desk(Lang::Zh, 120, 34, Arc::new(MemoryStore::new()), false);
    common::add_operator(&*disk, Role::Clerk, None);
    d.desk
        .handle(Message::Opened(Ok(disk.clone() as Arc<dyn Store>)));
    d.sign_in("clerk1", common::PIN);
    d.fill_zhang_san().ctrl('s');
    let screen = d.screen();
    assert!(
        screen.contains("来访 2026-000001 未能确认写入磁盘"),
        "{screen}"
    );
    let told = &d.app().status.as_ref().unwrap().text;
    assert!(told.contains("先按编号查询,查不到再保存"), "{told}");
    // Why, in the clerk's language: the disk turned read-only.
    assert!(told.contains("是只读的或无权写入"), "{told}");
    assert!(!told.contains("file system"), "{told}");
    // On a full disk the visit never reaches it and is gone after a restart: what was typed
    // stays on the form.
    assert_eq!(d.app().intake.name.value(), "张三");
    assert!(d.app().intake.is_dirty());
}

#[test]
fn a_name_alone_says_how_many_share_it_instead_of_no_earlier_visits() {
    let mut d = desk(Lang::Zh, 120, 34, with_visits(), true);
    d.type_text("张三");
    let screen = d.screen();
    assert!(
        d.app().intake.matches.is_empty(),
        "a name alone is no repeat"
    );
    assert!(screen.contains("已有同名者1人"), "{screen}");
    assert!(!screen.contains("未发现此前来访"), "{screen}");
    d.type_text("丰");
    assert!(d.screen().contains("未发现此前来访"));
}

#[test]
fn a_key_list_longer_than_the_window_says_so_and_scrolls() {
    let mut d = desk(Lang::Zh, 80, 24, Arc::new(MemoryStore::new()), true);
    d.key(KeyCode::F(1));
    let screen = d.screen();
    assert!(
        screen.contains("保存登记"),
        "this screen's keys come first: {screen}"
    );
    assert!(screen.contains("↓ 还有"), "{screen}");
    assert!(!screen.contains("删除选中的领导"), "{screen}");
    for _ in 0..30 {
        d.key(KeyCode::Down);
    }
    let screen = d.screen();
    assert!(screen.contains("删除选中的领导"), "{screen}");
    assert!(!screen.contains("↓ 还有"), "{screen}");
    assert!(d.app().overlay.is_some(), "scrolling keeps the list open");
    d.key(KeyCode::Esc);
    assert!(d.app().overlay.is_none());
}

#[test]
fn a_letter_typed_on_a_choice_picks_the_option_it_starts_and_anything_else_says_how_to_choose() {
    let mut d = intake_desk(Lang::Zh);
    // Channel is three fields above the name: l is 来信, again 来电 (both "l…" in pinyin).
    d.shift_tab().shift_tab().shift_tab();
    assert_eq!(d.app().intake.focus, Field::Channel);
    d.type_text("l");
    assert_eq!(d.app().intake.channel, Channel::Letter);
    d.type_text("l");
    assert_eq!(d.app().intake.channel, Channel::Phone);
    // The category: d is 党纪政纪, a field the clerk would otherwise step ten times to.
    while d.app().intake.focus != Field::Category {
        d.tab(1);
    }
    d.type_text("d");
    assert_eq!(d.app().intake.category, 9);
    d.type_text("9");
    assert_eq!(d.app().intake.category, 9, "nothing starts with 9");
    // Alt-T is not the letter t (土地征收).
    let alt_t = KeyEvent::new(KeyCode::Char('t'), KeyModifiers::ALT);
    d.desk.handle(Message::Term(Event::Key(alt_t)));
    assert_eq!(d.app().intake.category, 9);
    let told = &d.app().status.as_ref().unwrap().text;
    assert!(told.contains("从列表中选择"), "{told}");
    // English labels as written: o is Online.
    let mut d = intake_desk(Lang::En);
    d.shift_tab().shift_tab().shift_tab().type_text("o");
    assert_eq!(d.app().intake.channel, Channel::Online);
}

#[test]
fn a_long_address_shows_its_start_once_the_caret_has_left_it() {
    let mut d = intake_desk(Lang::Zh);
    let address = "宁夏回族自治区吴忠市同心县豫海镇西街回族自治县同心镇清水河村三组十七号院";
    d.type_text("张三").tab(4).type_text(address);
    let typing = d.screen();
    let line = typing.lines().find(|l| l.contains("住址")).unwrap();
    assert!(
        line.contains("十七号院"),
        "the caret's end shows while typing: {line}"
    );
    d.tab(1);
    let screen = d.screen();
    let line = screen.lines().find(|l| l.contains("住址")).unwrap();
    assert!(line.contains("宁夏回族自治区"), "{line}");
    assert!(line.contains('…') && !line.contains("十七号院"), "{line}");
}

#[test]
fn a_visit_entered_later_is_in_the_evidence_log_when_it_was_entered_not_when_typed() {
    let store = Arc::new(MemoryStore::new());
    let mut d = desk(Lang::Zh, 120, 34, store.clone(), true);
    // A letter that came in March, entered today: the time received is typed.
    d.shift_tab()
        .shift_tab()
        .type_text("2026-03-01 09:00")
        .tab(2);
    d.fill_zhang_san().ctrl('s');
    let told = &d.app().status.as_ref().unwrap().text;
    assert!(told.starts_with("已保存"), "{told}");
    let visit = store.search_visits("张三", 1).unwrap().remove(0);
    assert_eq!(visit.received_at.to_string(), "2026-03-01 09:00:00");
    let log = store.audit_log(0, 100).unwrap();
    let (_, event) = log
        .iter()
        .find(|(_, e)| e.kind == xfdesk::domain::audit::AuditKind::VisitRegistered)
        .unwrap();
    assert_eq!(
        event.at,
        now(),
        "the log keeps the order things were done in"
    );
}

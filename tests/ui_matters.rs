//! The matters list and a matter's screen: deadlines coloured by urgency, tabs, filters, and
//! acting on a matter through its menu, with Chinese names throughout.

mod common;

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use common::{TestDesk, admin};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use xfdesk::app::Screen;
use xfdesk::app::matter_action::MatterAction;
use xfdesk::app::matters::Tab;
use xfdesk::domain::case::{CaseId, CaseState};
use xfdesk::domain::ledger::Stamp;
use xfdesk::domain::lifecycle::Move;
use xfdesk::domain::organisation::{DepartmentId, LeaderId, NewDepartment, NewLeader};
use xfdesk::domain::permission::Role;
use xfdesk::domain::visit::NewVisit;
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;

/// Everything on matters is the supervisor's (督办员).
fn desk(lang: Lang, w: u16, h: u16, store: Arc<MemoryStore>, open: bool) -> TestDesk {
    common::desk_as(Role::Supervisor, lang, w, h, store, open)
}

fn at(month: u32, day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, month, day)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

fn stamp(month: u32, day: u32) -> Stamp {
    Stamp::new(at(month, day), "clerk1")
}

fn register(
    store: &MemoryStore,
    name: &str,
    phone: &str,
    opened: NaiveDateTime,
    category: &str,
    leader: Option<LeaderId>,
) -> CaseId {
    let v = NewVisit {
        category: category.into(),
        summary: format!("{name}反映{category}问题"),
        receiving_leader: leader,
        ..common::walk_in(name, phone, opened)
    };
    store.register_visit(&v).unwrap().case.id
}

struct Office {
    store: Arc<MemoryStore>,
    li: LeaderId,
    land: DepartmentId,
    late: CaseId,
}

/// Today in the tests is 2026-11-18. One matter 16 days past its handling limit, one due
/// tomorrow, one with a week left to be forwarded or assigned, and one closed.
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
    store
        .add_department(
            &NewDepartment {
                name: "县人力资源和社会保障局".into(),
                contact: "".into(),
                phone: None,
            },
            &admin(),
        )
        .unwrap();
    let late = register(
        &store,
        "张三",
        "13812345678",
        at(9, 1),
        "征地拆迁",
        Some(li),
    );
    store
        .apply_move(late, Move::Accept, "", &stamp(9, 3))
        .unwrap();
    let assign = Move::Assign {
        department: land,
        co_departments: vec![],
    };
    store.apply_move(late, assign, "", &stamp(9, 5)).unwrap();

    let soon = register(
        &store,
        "欧阳娜娜",
        "13900002222",
        at(9, 18),
        "劳动社保",
        None,
    );
    store
        .apply_move(soon, Move::Accept, "", &stamp(9, 20))
        .unwrap();

    register(
        &store,
        "阿依古丽·买买提",
        "13700001111",
        at(11, 10),
        "城乡建设",
        None,
    );

    let done = register(&store, "王五", "13600003333", at(3, 2), "其他", None);
    store
        .apply_move(
            done,
            Move::Forward {
                to: "县法院".into(),
            },
            "",
            &stamp(3, 4),
        )
        .unwrap();
    Office {
        store,
        li,
        land,
        late,
    }
}

#[test]
fn the_matters_list_shows_overdue_and_due_soon_rows_first() {
    let o = office();
    let mut d = desk(Lang::Zh, 130, 20, o.store.clone(), true);
    d.key(KeyCode::F(4));
    assert_eq!(d.app().screen, Screen::Matters);
    let screen = d.screen();
    let late = screen.find("张三").expect("the overdue matter is listed");
    let soon = screen
        .find("欧阳娜娜")
        .expect("the matter due tomorrow is listed");
    let later = screen.find("阿依古丽").expect("the new matter is listed");
    assert!(late < soon && soon < later, "sorted by deadline:\n{screen}");
    assert!(screen.contains("超期16天"), "{screen}");
    assert!(screen.contains("剩1天"), "{screen}");
    assert!(
        !screen.contains("王五"),
        "a forwarded matter is not pending"
    );
    assert_snapshot!(d.backend());
}

#[test]
fn english_labels_and_long_names_get_the_room_a_wide_terminal_has() {
    let o = office();
    let mut d = desk(Lang::En, 160, 20, o.store.clone(), true);
    d.key(KeyCode::F(4));
    let screen = d.screen();
    assert!(screen.contains("16 days late"), "{screen}");
    assert!(screen.contains("阿依古丽·买买提"), "{screen}");
    assert!(
        !screen.contains("…"),
        "nothing cut at 160 columns:\n{screen}"
    );
}

#[test]
fn days_late_are_coloured_as_overdue_and_days_left_as_due_soon() {
    let o = office();
    let mut d = desk(Lang::Zh, 130, 20, o.store.clone(), true);
    // The selected row is drawn in the selection's colours; select the last one.
    d.key(KeyCode::F(4)).key(KeyCode::End);
    let theme = xfdesk::theme::Theme::built_in("dark").unwrap();
    let backend = d.backend().clone();
    let buffer = backend.buffer();
    // Where `text` starts on screen: each row read cell by cell, wide characters once.
    let find = |text: &str| {
        (0..buffer.area.height).find_map(|y| {
            let mut row = String::new();
            let mut starts = Vec::new();
            let mut skip = 0;
            for x in 0..buffer.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buffer[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
                starts.push((row.len(), x));
                row.push_str(sym);
            }
            let at = row.find(text)?;
            starts.iter().find(|(i, _)| *i == at).map(|(_, x)| (*x, y))
        })
    };
    let (x, y) = find("超期16天").expect("an overdue row");
    assert_eq!(buffer[(x, y)].fg, theme.overdue.fg.unwrap());
    let (x, y) = find("剩1天").expect("a due-soon row");
    assert_eq!(buffer[(x, y)].fg, theme.due_soon.fg.unwrap());
}

#[test]
fn tabs_narrow_the_list_to_overdue_and_finished_matters() {
    let o = office();
    let mut d = desk(Lang::Zh, 130, 20, o.store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Right).key(KeyCode::Right);
    assert_eq!(d.app().matters.tab, Tab::Overdue);
    let screen = d.screen();
    assert!(
        screen.contains("张三") && !screen.contains("欧阳娜娜"),
        "{screen}"
    );
    d.key(KeyCode::Left).key(KeyCode::Left).key(KeyCode::Left);
    assert_eq!(d.app().matters.tab, Tab::Finished);
    let screen = d.screen();
    assert!(
        screen.contains("王五") && !screen.contains("张三"),
        "{screen}"
    );
}

#[test]
fn the_filter_by_leader_keeps_only_their_matters() {
    let o = office();
    let mut d = desk(Lang::Zh, 130, 20, o.store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::F(8));
    // State, then leader: choose the first leader.
    d.key(KeyCode::Down).key(KeyCode::Right).key(KeyCode::Enter);
    assert_eq!(d.app().matters.filter.leader, Some(o.li));
    let screen = d.screen();
    assert!(
        screen.contains("张三") && !screen.contains("欧阳娜娜"),
        "{screen}"
    );
    assert!(screen.contains("包案领导 李明"), "{screen}");
}

#[test]
fn searching_the_list_by_a_chinese_name() {
    let o = office();
    let mut d = desk(Lang::Zh, 130, 20, o.store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Tab).type_text("欧阳");
    let screen = d.screen();
    assert!(
        screen.contains("欧阳娜娜") && !screen.contains("张三"),
        "{screen}"
    );
}

#[test]
fn the_matter_screen_shows_the_five_ones_the_clock_and_the_ledger() {
    let o = office();
    let mut d = desk(Lang::Zh, 130, 30, o.store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Enter);
    assert_eq!(d.app().screen, Screen::Matter);
    assert_eq!(d.app().matter.as_ref().unwrap().id(), o.late);
    let screen = d.screen();
    for expected in [
        "李明",
        "县自然资源局",
        "超期16天",
        "首接领导 李明 包案",
        "受理",
    ] {
        assert!(screen.contains(expected), "{expected} missing:\n{screen}");
    }
    assert_snapshot!(d.backend());
}

#[test]
fn a_step_is_taken_from_the_menu_and_lands_in_the_ledger() {
    let o = office();
    let mut d = desk(Lang::Zh, 130, 30, o.store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Enter).key(KeyCode::F(8));
    // Assigned: the first possible step is "start handling".
    d.key(KeyCode::Enter);
    d.type_text("已约谈承办人");
    d.ctrl('s');
    let m = o.store.matter(o.late).unwrap().unwrap();
    assert_eq!(m.state(), CaseState::InHandling);
    assert_eq!(m.ledger.last().unwrap().note, "已约谈承办人");
    assert!(d.screen().contains("已记录:开始办理"));
}

#[test]
fn a_refused_transfer_keeps_what_was_typed_and_says_why() {
    let o = office();
    let mut d = desk(Lang::Zh, 130, 30, o.store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Enter).key(KeyCode::F(8));
    // Menu: start handling, reassign, transfer, …
    d.key(KeyCode::Down).key(KeyCode::Down).key(KeyCode::Enter);
    let dialog = d.app().matter.as_ref().unwrap().dialog.as_ref().unwrap();
    assert_eq!(format!("{:?}", dialog.action), "Transfer");
    // Only 李明 is a leader and he holds it: nobody to choose, and the reason is kept.
    d.key(KeyCode::Tab).type_text("工作调整");
    d.ctrl('s');
    let screen = d.screen();
    assert!(screen.contains("还没有可选的领导"), "{screen}");
    assert!(screen.contains("工作调整"), "{screen}");
    let m = o.store.matter(o.late).unwrap().unwrap();
    assert_eq!(m.package.responsible, Some(o.li));
}

#[test]
fn escape_with_text_typed_asks_before_discarding_it() {
    let o = office();
    let mut d = desk(Lang::Zh, 130, 30, o.store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Enter).key(KeyCode::F(8));
    d.key(KeyCode::Enter).type_text("备注内容");
    d.key(KeyCode::Esc);
    assert!(d.app().matter.as_ref().unwrap().dialog.is_some());
    assert!(d.screen().contains("再按 Esc 放弃"));
    d.key(KeyCode::Esc);
    assert!(d.app().matter.as_ref().unwrap().dialog.is_none());
    let m = o.store.matter(o.late).unwrap().unwrap();
    assert_eq!(m.state(), CaseState::Assigned, "nothing was recorded");
}

#[test]
fn assigning_a_registered_matter_names_its_department() {
    let o = office();
    let mut d = desk(Lang::En, 130, 30, o.store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Tab).type_text("阿依古丽");
    d.key(KeyCode::Tab).key(KeyCode::Enter);
    d.key(KeyCode::F(8)).key(KeyCode::Enter).ctrl('s');
    let id = d.app().matter.as_ref().unwrap().id();
    assert_eq!(
        o.store.matter(id).unwrap().unwrap().state(),
        CaseState::Accepted
    );
    d.key(KeyCode::F(8)).key(KeyCode::Enter); // Assign
    d.ctrl('s');
    let m = o.store.matter(id).unwrap().unwrap();
    assert_eq!(m.state(), CaseState::Assigned);
    assert_eq!(m.package.department, Some(o.land));
    assert!(d.screen().contains("Recorded: Assign"));
}

/// Opens the action menu on the matter shown and picks `action`, as a clerk arrowing down to it.
fn pick_action(d: &mut common::TestDesk, action: MatterAction) {
    d.key(KeyCode::F(8));
    let menu = d.app().matter.as_ref().unwrap().menu.clone().unwrap();
    let at = menu.items.iter().position(|a| *a == action).unwrap();
    for _ in 0..at {
        d.key(KeyCode::Down);
    }
    d.key(KeyCode::Enter);
}

#[test]
fn an_extension_moves_the_deadline_and_is_capped_by_the_policy() {
    let o = office();
    let mut d = desk(Lang::Zh, 130, 30, o.store.clone(), true);
    // 欧阳娜娜's matter, due tomorrow: an extension is decided before the limit ends.
    d.key(KeyCode::F(4)).key(KeyCode::Down).key(KeyCode::Enter);
    pick_action(&mut d, MatterAction::Extend);
    d.type_text("40")
        .tab(1)
        .type_text("需现场勘验")
        .tab(1)
        .type_text("王局长");
    d.ctrl('s');
    let screen = d.screen();
    assert!(screen.contains("最多") && screen.contains("30"), "{screen}");
    // The days are corrected in place; the reason and approver are still there.
    d.shift_tab().shift_tab();
    d.key(KeyCode::Backspace)
        .key(KeyCode::Backspace)
        .type_text("１０");
    d.ctrl('s');
    let screen = d.screen();
    assert!(screen.contains("已记录:延长办理期限"), "{screen}");
    assert!(
        // Due 11-19 and ten days more: the 29th is a Sunday.
        screen.contains("至 2026-11-30") && screen.contains("剩12天"),
        "{screen}"
    );
    assert!(
        screen.contains("办理期限延长 10") && screen.contains("需现场勘验"),
        "{screen}"
    );
}

#[test]
fn a_reminder_gets_this_years_number_and_its_answer_closes_it() {
    let o = office();
    let mut d = desk(Lang::Zh, 130, 30, o.store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Enter);
    pick_action(&mut d, MatterAction::Urge);
    // Level: reminder; department: the lead one first; the response date is offered.
    d.tab(3).type_text("请于一周内报送办理进展");
    d.ctrl('s');
    let screen = d.screen();
    assert!(screen.contains("催〔2026〕1号"), "{screen}");
    assert!(screen.contains("县自然资源局,2026-11-25前回复"), "{screen}");
    pick_action(&mut d, MatterAction::AnswerUrge);
    d.ctrl('s');
    let m = o.store.matter(o.late).unwrap().unwrap();
    assert!(m.open_urges().is_empty());
    assert!(d.screen().contains("催〔2026〕1号 已回复"));
}

#[test]
fn a_reminder_with_a_past_response_date_is_refused_with_the_form_kept() {
    let o = office();
    let mut d = desk(Lang::En, 130, 30, o.store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Enter);
    pick_action(&mut d, MatterAction::Urge);
    d.tab(2);
    for _ in 0..10 {
        d.key(KeyCode::Backspace);
    }
    d.type_text("2026-11-01")
        .tab(1)
        .type_text("Report progress");
    d.ctrl('s');
    let screen = d.screen();
    assert!(screen.contains("Report progress"), "{screen}");
    assert!(
        screen.contains("▶*Text"),
        "the focused field is marked without colour"
    );
    assert!(d.app().matter.as_ref().unwrap().dialog.is_some());
    assert_snapshot!(d.backend());
    assert!(
        o.store
            .matter(o.late)
            .unwrap()
            .unwrap()
            .open_urges()
            .is_empty()
    );
}

#[test]
fn a_visits_detail_shows_how_late_the_petitioners_open_matter_is_and_f8_opens_it() {
    let o = office();
    let mut d = desk(Lang::Zh, 130, 30, o.store.clone(), true);
    d.key(KeyCode::F(3))
        .type_text("张三")
        .key(KeyCode::Down)
        .key(KeyCode::Enter);
    assert_eq!(d.app().screen, Screen::Detail);
    let screen = d.screen();
    assert!(screen.contains("办理 2026-11-02 超期16天"), "{screen}");
    d.key(KeyCode::F(8));
    assert_eq!(d.app().screen, Screen::Matter);
    assert_eq!(d.app().matter.as_ref().unwrap().id(), o.late);
    d.key(KeyCode::Esc);
    assert_eq!(d.app().screen, Screen::Detail, "back where the clerk was");
}

/// The dialog's hint line is 71 cells up to “保存” in a dialog 70 wide inside: ratatui's own
/// wrapping drew it whole, over the dialog's right border, so the ledger behind showed
/// through. Every row of the dialog keeps its border, with the error line shown too.
#[test]
fn a_matter_dialog_keeps_its_right_border_in_chinese() {
    let o = office();
    let mut d = desk(Lang::Zh, 120, 36, o.store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Enter);
    pick_action(&mut d, MatterAction::Urge);
    d.tab(2);
    for _ in 0..10 {
        d.key(KeyCode::Backspace);
    }
    d.ctrl('s');
    let buffer = d.backend().buffer().clone();
    let symbol = |x: u16, y: u16| buffer[(x, y)].symbol().to_string();
    let area = buffer.area;
    let (top, left) = (0..area.height)
        .find_map(|y| {
            let x = (0..area.width).find(|&x| symbol(x, y) == "┌")?;
            // A wide character's second cell reads as a space.
            let row: String = (x..area.width).map(|x| symbol(x, y)).collect();
            row.replace(' ', "").contains("催办").then_some((y, x))
        })
        .expect("the reminder dialog is open");
    let right = (left + 1..area.width)
        .find(|&x| symbol(x, top) == "┐")
        .unwrap();
    let bottom = (top + 1..area.height)
        .find(|&y| symbol(right, y) == "┘")
        .expect("the dialog's bottom right corner is in its column");
    for y in top + 1..bottom {
        assert_eq!(symbol(right, y), "│", "row {y}:\n{}", d.screen());
    }
    let screen = d.screen();
    assert!(screen.contains("请填写“回复期限”"), "{screen}");
    assert!(
        screen.contains("保存  Esc 取消"),
        "the hint goes on below: {screen}"
    );
}

#[test]
fn the_menu_offers_a_secretary_only_what_a_secretary_may_do() {
    use xfdesk::app::matter_action::actions;
    let o = office();
    let mut d = common::desk_as(Role::Secretary, Lang::Zh, 130, 30, o.store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Enter).key(KeyCode::F(8));
    let view = d.app().matter.as_ref().unwrap();
    let offered = view
        .menu
        .as_ref()
        .expect("some step is the secretary's")
        .items
        .clone();
    let possible = actions(&view.matter, &d.app().policy);
    assert!(offered.len() < possible.len(), "{possible:?}");
    for a in &possible {
        assert_eq!(offered.contains(a), d.app().may(a.permission()), "{a:?}");
    }
}

#[test]
fn an_overdue_matter_is_not_extended_after_the_fact() {
    // Also when its tier is one the office's policy has since dropped: the lists then count
    // the policy's own limit, and so does the rule.
    for tier in [None, Some("旧档复杂")] {
        overdue_extension_refused(tier);
    }
}

fn overdue_extension_refused(tier: Option<&str>) {
    let o = office();
    if let Some(tier) = tier {
        let set = xfdesk::domain::matter::MatterChange::Tier(Some(tier.into()));
        o.store.change_matter(o.late, &set, &stamp(11, 3)).unwrap();
    }
    let mut d = desk(Lang::Zh, 130, 30, o.store.clone(), true);
    d.key(KeyCode::F(4)).key(KeyCode::Enter);
    pick_action(&mut d, MatterAction::Extend);
    d.type_text("20")
        .tab(1)
        .type_text("需现场核查")
        .tab(1)
        .type_text("张科长")
        .ctrl('s');
    let screen = d.screen();
    assert!(
        screen.contains("办理期限已于 2026-11-02 届满,不能再延期"),
        "{screen}"
    );
    let m = o.store.matter(o.late).unwrap().unwrap();
    assert!(
        !m.ledger
            .iter()
            .any(|e| matches!(e.what, xfdesk::domain::ledger::EventKind::Extended { .. })),
        "nothing recorded"
    );
}

#[test]
fn a_review_asked_for_after_its_thirty_days_is_refused_and_within_them_taken() {
    use xfdesk::domain::lifecycle::MoveKind;
    // Answered on 2026-09-10 (the window ended in October) and on 2026-11-10 (still open).
    for (month, refused) in [(9, true), (11, false)] {
        let store = Arc::new(MemoryStore::new());
        let id = register(&store, "钱复查", "13500001111", at(month, 1), "其他", None);
        let department = NewDepartment {
            name: "县民政局".into(),
            contact: String::new(),
            phone: None,
        };
        let department = store.add_department(&department, &admin()).unwrap().id;
        let assign = Move::Assign {
            department,
            co_departments: vec![],
        };
        for (step, day) in [
            (Move::Accept, 2),
            (assign, 3),
            (Move::StartHandling, 4),
            (
                Move::Answer {
                    text: "已答复".into(),
                },
                10,
            ),
        ] {
            store.apply_move(id, step, "", &stamp(month, day)).unwrap();
        }
        let mut d = desk(Lang::Zh, 130, 30, store.clone(), true);
        d.key(KeyCode::F(4)).key(KeyCode::Enter);
        // The matter says whether the time to ask is still running.
        let shown = if refused {
            "申请期已过"
        } else {
            "待申请"
        };
        assert!(d.screen().contains(shown), "{}", d.screen());
        pick_action(&mut d, MatterAction::Step(MoveKind::RequestReview));
        d.ctrl('s');
        let state = store.matter(id).unwrap().unwrap().state();
        let screen = d.screen();
        assert_eq!(state == CaseState::Answered, refused, "{screen}");
        assert_eq!(
            screen.contains("已过申请期限(至 2026-10-10)"),
            refused,
            "{screen}"
        );
    }
}

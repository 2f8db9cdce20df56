//! Changing the plan of the week: a session's notice fields changed in place (E), the
//! matters a 带案下访 takes along named by their numbers, a session removed after a question
//! (and refused once people are booked or queued), the queue opened only on the day, and the
//! week's public notice (F9) as the office publishes it.

mod common;

use common::week::{d, sup, t, two_open_matters, week_desk};
use ratatui::crossterm::event::KeyCode;
use xfdesk::domain::permission::Role;
use xfdesk::domain::schedule::{Mode, ScheduleChange};
use xfdesk::i18n::Lang;
use xfdesk::store::Store;

/// Moves the open session form's focus down `n` fields.
fn down(desk: &mut common::TestDesk, n: usize) {
    for _ in 0..n {
        desk.key(KeyCode::Down);
    }
}

#[test]
fn e_opens_the_selected_session_filled_in_and_saving_changes_it_in_place() {
    let (mut desk, store, ids) = week_desk(Role::Supervisor, Lang::Zh);
    // Friday's 带案下访 with 李建国.
    desk.key(KeyCode::Down).key(KeyCode::Char('e'));
    let form = desk.app().week.form.as_ref().expect("the form opens");
    assert_eq!(form.fields[0].text_value(), "2026-11-20");
    assert_eq!(form.fields[1].text_value(), "14:30");
    assert_eq!(
        form.fields[3].picked(),
        Some(ids[1].0),
        "its leader, not the first"
    );
    assert_eq!(form.fields[4].text_value(), "糯扎渡镇便民服务中心");
    assert_eq!(form.fields[5].picked(), Some(2), "带案下访");
    assert!(desk.screen().contains("修改接访安排"));

    down(&mut desk, 4);
    desk.ctrl('u').type_text("勐朗镇便民服务中心").ctrl('s');
    assert!(desk.app().week.form.is_none());
    let week = store.sessions_between(d(11, 16), d(11, 22)).unwrap();
    assert_eq!(week.len(), 2, "changed, not added");
    let friday = week.iter().find(|s| s.plan.date == d(11, 20)).unwrap();
    assert_eq!(friday.plan.place, "勐朗镇便民服务中心");
    assert_eq!(friday.plan.leader, ids[1]);
    assert_eq!(friday.plan.start, t(14, 30));
    assert!(desk.screen().contains("已修改 2026-11-20 的接访"));
}

#[test]
fn a_down_with_cases_session_takes_matters_along_by_number_and_lists_them() {
    let (mut desk, store, _) = week_desk(Role::Supervisor, Lang::Zh);
    let [first, second] = two_open_matters(&*store);
    desk.key(KeyCode::Down).key(KeyCode::Char('e'));
    down(&mut desk, 7);
    // Full-width digits and a Chinese list separator, as an input method gives them.
    let typed = format!("{}、{}", first.case.number, second.case.number)
        .replace('2', "２")
        .replace('0', "０");
    desk.type_text(&typed).ctrl('s');
    assert!(desk.app().week.form.is_none(), "{}", desk.screen());
    let friday = &store.sessions_between(d(11, 20), d(11, 20)).unwrap()[0];
    assert_eq!(friday.plan.carried, vec![first.case.id, second.case.id]);

    desk.key(KeyCode::Enter);
    let screen = desk.screen();
    assert!(screen.contains("带案事项"), "{screen}");
    assert!(screen.contains(&first.case.number.to_string()), "{screen}");
    assert!(screen.contains(&second.case.number.to_string()), "{screen}");
}

#[test]
fn matters_on_a_session_that_is_not_down_with_cases_or_an_unknown_number_are_refused_and_kept() {
    let (mut desk, store, _) = week_desk(Role::Supervisor, Lang::Zh);
    let visit = store
        .register_visit(&common::walk_in(
            "王秀英",
            "13900001111",
            common::on(9, 2, 10, 0),
        ))
        .unwrap();
    // Today's session is 定点接访.
    desk.key(KeyCode::Char('e'));
    down(&mut desk, 7);
    let number = visit.case.number.to_string();
    desk.type_text(&number).ctrl('s');
    let form = desk.app().week.form.as_ref().expect("the form stays open");
    assert!(
        form.error.as_deref().unwrap().contains("只有带案下访"),
        "{:?}",
        form.error
    );
    assert_eq!(form.fields[7].text_value(), number);

    desk.ctrl('u').type_text("2026-999999 abc");
    desk.ctrl('s');
    let form = desk.app().week.form.as_ref().unwrap();
    assert_eq!(
        form.error.as_deref(),
        Some("“abc”不是事项编号(如 2026-000123)")
    );
    desk.ctrl('u').type_text("2026-999999");
    desk.ctrl('s');
    let form = desk.app().week.form.as_ref().unwrap();
    assert_eq!(form.error.as_deref(), Some("没有在办事项 2026-999999"));
    assert!(
        store.sessions_between(d(11, 18), d(11, 18)).unwrap()[0]
            .plan
            .carried
            .is_empty()
    );
}

#[test]
fn a_session_is_removed_after_the_question_and_not_while_someone_is_booked() {
    let (mut desk, store, _) = week_desk(Role::Supervisor, Lang::Zh);
    desk.key(KeyCode::Down).ctrl('d');
    let screen = desk.screen();
    assert!(
        screen.contains("删除 2026-11-20 李建国 的接访安排"),
        "{screen}"
    );
    assert!(
        screen.contains("[ 保留 ]") && screen.contains("[ 删除 ]"),
        "{screen}"
    );
    // Esc keeps it.
    desk.key(KeyCode::Esc);
    assert_eq!(
        store.sessions_between(d(11, 20), d(11, 20)).unwrap().len(),
        1
    );
    desk.ctrl('d').key(KeyCode::Left).key(KeyCode::Enter);
    assert!(
        store
            .sessions_between(d(11, 20), d(11, 20))
            .unwrap()
            .is_empty()
    );
    assert!(desk.screen().contains("已删除 2026-11-20 的接访安排"));

    // Today's session has someone in its queue: it stays, and the screen says why.
    let today = store.sessions_between(d(11, 18), d(11, 18)).unwrap()[0].id;
    store
        .change_schedule(
            &ScheduleChange::Arrive {
                session: today,
                name: "张三".into(),
                case: None,
            },
            &sup(),
        )
        .unwrap();
    desk.key(KeyCode::Up)
        .ctrl('d')
        .key(KeyCode::Left)
        .key(KeyCode::Enter);
    assert_eq!(
        store.sessions_between(d(11, 18), d(11, 18)).unwrap().len(),
        1
    );
    assert!(
        desk.screen().contains("本场已有预约或排号,不能取消"),
        "{}",
        desk.screen()
    );
}

#[test]
fn a_clerk_is_neither_offered_nor_allowed_to_change_or_remove_a_session() {
    let (mut desk, store, _) = week_desk(Role::Clerk, Lang::Zh);
    let screen = desk.screen();
    assert!(!screen.contains("删除"), "{screen}");
    desk.key(KeyCode::Char('e'));
    assert!(desk.app().week.form.is_none());
    desk.ctrl('d');
    assert!(desk.app().overlay.is_none());
    assert_eq!(
        store.sessions_between(d(11, 16), d(11, 22)).unwrap().len(),
        2
    );
}

#[test]
fn the_queue_opens_only_on_the_sessions_day() {
    let (mut desk, store, _) = week_desk(Role::Secretary, Lang::Zh);
    // Friday's session, two days ahead.
    desk.key(KeyCode::Down).key(KeyCode::Enter).ctrl('n');
    assert!(desk.app().week.entry.is_none());
    assert!(
        desk.screen()
            .contains("现场排号只在接访当天(2026-11-20)进行")
    );
    let friday = &store.sessions_between(d(11, 20), d(11, 20)).unwrap()[0];
    assert!(friday.queue.is_empty());
    assert_eq!(friday.plan.mode, Mode::DownWithCases);
}

#[test]
fn f9_shows_the_weeks_public_notice_and_esc_closes_it() {
    let (mut desk, _, _) = week_desk(Role::Clerk, Lang::Zh);
    desk.key(KeyCode::F(9));
    let screen = desk.screen();
    assert!(
        screen.contains("领导接访公示(2026-11-16 至 2026-11-22)"),
        "{screen}"
    );
    assert!(screen.contains("阿依古丽·买买提"), "{screen}");
    assert!(screen.contains("陪同接访单位:县自然资源局"), "{screen}");
    insta::assert_snapshot!(screen);
    // The notice follows the week shown.
    desk.key(KeyCode::Right);
    assert!(desk.screen().contains("本期没有领导接访安排"));
    desk.key(KeyCode::Esc);
    assert!(desk.app().week.notice.is_none());
    assert!(!desk.screen().contains("领导接访公示"));
}

#[test]
fn editing_shows_the_matters_taken_along_by_number_and_keeps_one_closed_since() {
    let (mut desk, store, _) = week_desk(Role::Supervisor, Lang::Zh);
    let [first, _] = two_open_matters(&*store);
    let friday = store.sessions_between(d(11, 20), d(11, 20)).unwrap()[0].clone();
    let mut plan = friday.plan.clone();
    plan.carried = vec![first.case.id];
    store
        .change_schedule(
            &ScheduleChange::Replan {
                id: friday.id,
                plan,
            },
            &sup(),
        )
        .unwrap();
    store
        .apply_move(
            first.case.id,
            xfdesk::domain::lifecycle::Move::NotAccept {
                reason: "不属于信访事项".into(),
            },
            "",
            &sup(),
        )
        .unwrap();
    // The week read again (next week and back), then straight to the form without opening
    // the session first.
    desk.key(KeyCode::Right).key(KeyCode::Left);
    desk.key(KeyCode::Down).key(KeyCode::Char('e'));
    let form = desk.app().week.form.as_ref().unwrap();
    assert_eq!(form.fields[7].text_value(), first.case.number.to_string());
    down(&mut desk, 8);
    desk.type_text("带两件事项").ctrl('s');
    assert!(desk.app().week.form.is_none(), "{}", desk.screen());
    let saved = store.session(friday.id).unwrap().unwrap();
    assert_eq!(saved.plan.carried, vec![first.case.id]);
    assert_eq!(saved.plan.note, "带两件事项");
}

#[test]
fn esc_on_a_changed_session_form_asks_before_throwing_the_changes_away() {
    let (mut desk, store, _) = week_desk(Role::Supervisor, Lang::Zh);
    // Unchanged, Esc just closes.
    desk.key(KeyCode::Char('e')).key(KeyCode::Esc);
    assert!(desk.app().week.form.is_none() && desk.app().overlay.is_none());

    desk.key(KeyCode::Char('e'));
    down(&mut desk, 8);
    desk.type_text("请带好信访件");
    desk.key(KeyCode::Esc);
    assert!(desk.screen().contains("放弃修改?"), "{}", desk.screen());
    // Keep editing: everything typed is still there.
    desk.key(KeyCode::Esc);
    let form = desk.app().week.form.as_ref().expect("still open");
    assert_eq!(form.fields[8].text_value(), "请带好信访件");
    // Discard: the session is as it was.
    desk.key(KeyCode::Esc)
        .key(KeyCode::Right)
        .key(KeyCode::Enter);
    assert!(desk.app().week.form.is_none());
    assert!(desk.screen().contains("已放弃未保存的修改"));
    let today = &store.sessions_between(d(11, 18), d(11, 18)).unwrap()[0];
    assert!(today.plan.note.is_empty());
}

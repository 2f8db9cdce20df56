//! The week of reception sessions (Ctrl-W) as the office uses it: Chinese names fitted to their
//! day columns, today, a holiday and a make-up working day marked; the rota planned from the
//! screen, skipping the holiday and saying so; leaders swapped; a session's detail with its
//! appointments and queue; and the roles that may not plan refused.

mod common;

use common::desk_as;
use common::week::{d, store, sup, t, two_open_matters, week_desk};
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use xfdesk::app::Screen;
use xfdesk::domain::permission::Role;
use xfdesk::domain::schedule::{Appointment, Mode, ScheduleChange};
use xfdesk::i18n::Lang;
use xfdesk::store::Store;

#[test]
fn the_week_shows_todays_session_and_the_down_with_cases_one_with_names_fitted() {
    let (mut desk, _, _) = week_desk(Role::Clerk, Lang::Zh);
    let screen = desk.screen();
    assert!(
        screen.contains("三 11-18"),
        "Monday first, Wednesday third:\n{screen}"
    );
    assert!(screen.contains("今天"));
    assert!(screen.contains("带案下访"));
    assert_snapshot!(screen);
}

#[test]
fn the_national_day_week_marks_the_holiday_and_the_make_up_saturday_and_the_rota_skips_it() {
    let (mut desk, store, ids) = week_desk(Role::Supervisor, Lang::Zh);
    // A month back lands in the week of 12 October; one week more is the National Day week.
    desk.key(KeyCode::PageUp).key(KeyCode::Left);
    assert_eq!(desk.app().week.monday, Some(d(10, 5)));
    desk.ctrl('n');
    let planned: Vec<_> = store
        .sessions_between(d(10, 5), d(11, 1))
        .unwrap()
        .iter()
        .map(|s| (s.plan.date, s.plan.leader))
        .collect();
    // The turn goes on from nobody before (the November sessions come later).
    assert_eq!(
        planned,
        [
            (d(10, 14), ids[0]),
            (d(10, 21), ids[1]),
            (d(10, 28), ids[0])
        ]
    );
    let screen = desk.screen();
    assert!(screen.contains("10-07 是国庆节,不安排"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn a_clerk_sees_the_week_but_may_not_plan_the_rota() {
    let (mut desk, store, _) = week_desk(Role::Clerk, Lang::Zh);
    desk.key(KeyCode::PageDown).ctrl('n');
    assert!(
        store
            .sessions_between(d(12, 1), d(12, 31))
            .unwrap()
            .is_empty()
    );
    let status = desk
        .app()
        .status
        .clone()
        .map(|s| s.text)
        .unwrap_or_default();
    assert!(status.contains("登记员"), "{status}");
}

#[test]
fn swapping_two_sessions_exchanges_their_leaders() {
    let (mut desk, store, ids) = week_desk(Role::Administrator, Lang::Zh);
    desk.ctrl('t').key(KeyCode::Down).ctrl('t');
    let week = store.sessions_between(d(11, 16), d(11, 22)).unwrap();
    assert_eq!((week[0].plan.leader, week[1].plan.leader), (ids[1], ids[0]));
    assert!(desk.screen().contains("已调换两场的接访领导"));
}

#[test]
fn the_session_detail_lists_the_notice_the_appointments_and_the_queue() {
    let (store, _) = store();
    let id = store.sessions_between(d(11, 18), d(11, 18)).unwrap()[0].id;
    let booked = store
        .register_visit(&common::walk_in(
            "王秀英",
            "13900001111",
            common::on(9, 2, 10, 0),
        ))
        .unwrap()
        .case
        .id;
    store
        .change_schedule(
            &ScheduleChange::Book {
                session: id,
                appointment: Appointment {
                    case: booked,
                    slot: t(10, 30),
                    note: "征地补偿,第三次来访".into(),
                },
                capacity: 6,
            },
            &sup(),
        )
        .unwrap();
    for (name, case) in [("张三", None), ("王秀英", Some(booked))] {
        store
            .change_schedule(
                &ScheduleChange::Arrive {
                    session: id,
                    name: name.into(),
                    case,
                },
                &sup(),
            )
            .unwrap();
    }
    let mut desk = desk_as(Role::Secretary, Lang::Zh, 100, 30, store.clone(), true);
    desk.ctrl('w').key(KeyCode::Enter);
    let screen = desk.screen();
    // The appointment is called first, in its slot, though she came second.
    let first = screen.find("王秀英").unwrap();
    let second = screen.find("张三").unwrap();
    assert!(first < second, "{screen}");
    // The appointment says whom it is for, not only the matter's number.
    assert!(
        screen
            .lines()
            .any(|l| l.contains("10:30  2026-000001  王秀英  征地补偿")),
        "{screen}"
    );
    assert_snapshot!(screen);
    desk.key(KeyCode::Esc);
    assert!(!desk.app().week.detail);
}

#[test]
fn english_week_names_the_days_in_english() {
    let (mut desk, _, _) = week_desk(Role::Clerk, Lang::En);
    let screen = desk.screen();
    assert!(screen.contains("Wed 11-18"), "{screen}");
    assert!(screen.contains("today"));
}

/// The arrival was marked as having left while their visit was being typed (by another
/// operator at this desk): the visit is saved all the same, and the desk says the queue was
/// not marked.
#[test]
fn a_visit_is_saved_when_its_arrival_was_changed_meanwhile_and_the_desk_says_so() {
    use xfdesk::domain::ledger::Stamp;
    use xfdesk::domain::schedule::{ArrivalState, ScheduleChange};
    let (mut desk, store, _) = week_desk(Role::Secretary, Lang::Zh);
    desk.key(KeyCode::Enter)
        .ctrl('n')
        .type_text("欧阳明月")
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    assert_eq!(desk.app().screen, Screen::Intake);
    let session = store.sessions_between(d(11, 18), d(11, 18)).unwrap()[0].clone();
    let left = ScheduleChange::Advance {
        session: session.id,
        number: 1,
        state: ArrivalState::Left,
        visit: None,
    };
    store
        .change_schedule(&left, &Stamp::new(common::now(), "sec2"))
        .unwrap();
    let before = store.visit_count().unwrap();
    desk.fill_after_name().ctrl('s');
    assert_eq!(
        store.visit_count().unwrap(),
        before + 1,
        "the visit is saved"
    );
    let told = &desk.app().status.as_ref().unwrap().text;
    assert!(told.starts_with("已保存:来访"), "{told}");
    assert!(told.contains("排号未能标为已接待"), "{told}");
    let arrival = store.session(session.id).unwrap().unwrap().queue[0].clone();
    assert_eq!(arrival.state, ArrivalState::Left);
    assert_eq!(desk.app().intake.receiving, None);
}

#[test]
fn a_secretary_queues_an_arrival_and_receiving_them_registers_the_visit_with_the_leader() {
    use xfdesk::domain::intake::Field;
    use xfdesk::domain::schedule::ArrivalState;
    let (mut desk, store, ids) = week_desk(Role::Secretary, Lang::Zh);
    desk.key(KeyCode::Enter)
        .ctrl('n')
        .type_text("张三")
        .key(KeyCode::Enter);
    let session = store.sessions_between(d(11, 18), d(11, 18)).unwrap()[0].clone();
    assert_eq!(session.queue[0].number, 1);
    assert!(desk.screen().contains("张三"));

    desk.key(KeyCode::Enter);
    assert_eq!(desk.app().screen, Screen::Intake);
    assert_eq!(desk.app().intake.leader.chosen, Some(ids[0]));
    assert_eq!(desk.app().intake.name.value(), "张三");
    assert_eq!(desk.app().intake.focus, Field::IdNumber);
    desk.fill_after_name().ctrl('s');
    let screen = desk.screen();
    assert_eq!(desk.app().screen, Screen::Matter, "{screen}");
    let matter = &desk.app().matter.as_ref().unwrap().matter;
    assert_eq!(matter.package.responsible, Some(ids[0]));
    let arrival = store.session(session.id).unwrap().unwrap().queue[0].clone();
    assert_eq!(arrival.state, ArrivalState::Done);
    assert!(arrival.visit.is_some());

    // The leader's instruction (批示), two lines as given, on the matter just opened.
    desk.key(KeyCode::F(8));
    let items = desk
        .app()
        .matter
        .as_ref()
        .unwrap()
        .menu
        .as_ref()
        .unwrap()
        .items
        .clone();
    let at = items
        .iter()
        .position(|a| *a == xfdesk::app::matter_action::MatterAction::Instruct)
        .expect("the menu offers the instruction");
    for _ in 0..at {
        desk.key(KeyCode::Down);
    }
    desk.key(KeyCode::Enter);
    assert!(desk.screen().contains("批示内容"), "{}", desk.screen());
    // The session's leader is offered; Tab goes to the text.
    desk.tab(1)
        .type_text("请自然资源局三日内核实补偿款发放情况")
        .key(KeyCode::Enter)
        .type_text("下周三前答复信访人")
        .ctrl('s');
    let matter = store
        .matter(desk.app().matter.as_ref().unwrap().matter.case.id)
        .unwrap()
        .unwrap();
    let last = matter.ledger.last().unwrap();
    assert_eq!(
        last.what,
        xfdesk::domain::ledger::EventKind::Instructed {
            leader: Some(ids[0]),
            text: "请自然资源局三日内核实补偿款发放情况\n下周三前答复信访人".into(),
        }
    );
    let screen = desk.screen();
    assert!(screen.contains("阿依古丽·买买提批示:请自然"), "{screen}");
    assert!(screen.contains("发放情况 /"), "{screen}");
    assert!(screen.contains("下周三前答复信访人"), "{screen}");
    // Esc goes back to the session, where the number is done.
    desk.key(KeyCode::Esc);
    assert_eq!(desk.app().screen, Screen::Week);
    assert!(desk.screen().contains("已接待"));
}

#[test]
fn a_supervisor_may_not_run_the_queue() {
    let (mut desk, store, _) = week_desk(Role::Supervisor, Lang::Zh);
    desk.key(KeyCode::Enter).ctrl('n');
    assert!(desk.app().week.entry.is_none());
    let session = &store.sessions_between(d(11, 18), d(11, 18)).unwrap()[0];
    assert!(session.queue.is_empty());
}

#[test]
fn booking_a_matter_into_the_session_shows_on_the_session_and_on_the_matter_and_respects_capacity()
{
    let (mut desk, store, _) = week_desk(Role::Secretary, Lang::Zh);
    let [first, second] = two_open_matters(&*store);
    desk.desk.app.settings.reception.capacity = 1;
    desk.key(KeyCode::Enter).key(KeyCode::F(8));
    // As an input method types it: full-width digits, dash, space and colon.
    assert_eq!(first.case.number.to_string(), "2026-000001");
    desk.type_text("２０２６－０００００１　１０：３０")
        .key(KeyCode::Enter);
    let screen = desk.screen();
    assert!(screen.contains("预约接访 (1/1)"), "{screen}");
    assert!(
        screen.contains(&format!("10:30  {}", first.case.number)),
        "{screen}"
    );

    desk.key(KeyCode::F(8));
    desk.type_text(&format!("{} 11:00", second.case.number))
        .key(KeyCode::Enter);
    let screen = desk.screen();
    assert!(screen.contains("本场已约满"), "{screen}");
    assert_eq!(
        store.appointments_of_matter(second.case.id).unwrap().len(),
        0
    );

    // The matter's own screen names its appointment.
    desk.key(KeyCode::Esc).key(KeyCode::Esc).key(KeyCode::Esc);
    let booked = store.appointments_of_matter(first.case.id).unwrap();
    assert_eq!(booked.len(), 1);
    desk.key(KeyCode::F(4)).key(KeyCode::Enter);
    let screen = desk.screen();
    assert!(screen.contains("2026-11-18 10:30 阿依古丽"), "{screen}");
}

#[test]
fn a_session_planned_by_hand_on_a_leaders_unavailable_day_is_kept_and_flagged() {
    let (mut desk, store, ids) = week_desk(Role::Supervisor, Lang::Zh);
    store
        .change_schedule(
            &ScheduleChange::Unavailable {
                leader: ids[0],
                date: d(11, 25),
                unavailable: true,
            },
            &sup(),
        )
        .unwrap();
    desk.key(KeyCode::Right).key(KeyCode::F(8));
    // The form starts on the week's Wednesday, the office's hours and place.
    assert_eq!(
        desk.app().week.form.as_ref().unwrap().fields[0].text_value(),
        "2026-11-25"
    );
    desk.key(KeyCode::Down)
        .key(KeyCode::Down)
        .key(KeyCode::Down)
        .key(KeyCode::Down)
        .key(KeyCode::Down)
        .key(KeyCode::Right)
        .key(KeyCode::Down)
        .type_text(" ")
        .key(KeyCode::Down)
        .key(KeyCode::Down)
        .type_text("重点约访征地拆迁类信访人");
    assert_snapshot!(desk.screen());
    desk.ctrl('s');
    assert!(desk.app().week.form.is_none());
    let planned = &store.sessions_between(d(11, 25), d(11, 25)).unwrap()[0];
    assert_eq!(planned.plan.leader, ids[0]);
    assert_eq!(planned.plan.mode, Mode::KeyCase);
    assert_eq!(planned.plan.sitting_in.len(), 1);
    assert!(desk.screen().contains("⚠ 领导不便"));
}

#[test]
fn a_session_with_a_bad_time_is_refused_with_everything_typed_kept() {
    let (mut desk, store, _) = week_desk(Role::Administrator, Lang::Zh);
    desk.key(KeyCode::F(8)).key(KeyCode::Down);
    desk.key(KeyCode::Backspace)
        .key(KeyCode::Backspace)
        .type_text("9x");
    desk.ctrl('s');
    let form = desk.app().week.form.as_ref().unwrap();
    assert_eq!(form.error.as_deref(), Some("开始时间格式不对"));
    assert_eq!(form.fields[1].text_value(), "09:9x");
    assert_eq!(
        store.sessions_between(d(11, 16), d(11, 22)).unwrap().len(),
        2
    );
}

#[test]
fn a_leaders_unavailable_date_is_typed_on_the_week_and_the_rota_avoids_it() {
    let (mut desk, store, ids) = week_desk(Role::Supervisor, Lang::Zh);
    desk.key(KeyCode::Right)
        .ctrl('u')
        .type_text("阿依古丽·买买提 2026-11-25");
    desk.key(KeyCode::Enter);
    assert!(store.unavailable().unwrap()[&ids[0]].contains(&d(11, 25)));
    assert!(desk.screen().contains("不便接访"));
    desk.ctrl('n');
    let planned = &store.sessions_between(d(11, 25), d(11, 25)).unwrap()[0];
    assert_eq!(planned.plan.leader, ids[1], "the rota passed her over");
    // Typed again, the date is free again.
    desk.ctrl('u')
        .type_text("阿依古丽·买买提 2026-11-25")
        .key(KeyCode::Enter);
    assert!(!store.unavailable().unwrap().contains_key(&ids[0]));
}

#[test]
fn receiving_from_the_queue_asks_before_a_typed_form_goes_and_then_starts_a_clean_walk_in() {
    use xfdesk::domain::schedule::ArrivalState;
    use xfdesk::domain::visit::Channel;
    let (mut desk, store, ids) = week_desk(Role::Secretary, Lang::Zh);
    // A letter typed half-way for someone else: its name, ID number, phone and channel.
    desk.key(KeyCode::F(2));
    desk.shift_tab().shift_tab().shift_tab().key(KeyCode::Right);
    assert_eq!(desk.app().intake.channel, Channel::Letter);
    desk.tab(3).type_text("褚测试").tab(1).fill_after_name();
    desk.ctrl('w')
        .key(KeyCode::Enter)
        .ctrl('n')
        .type_text("卫十三")
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    let screen = desk.screen();
    assert!(
        screen.contains("放弃并接待") && screen.contains("号(卫十三)"),
        "{screen}"
    );
    let session = store.sessions_between(d(11, 18), d(11, 18)).unwrap()[0].clone();
    let state = |store: &dyn Store| store.session(session.id).unwrap().unwrap().queue[0].state;

    // Keeping the form goes back to it as it was; the arrival still waits.
    desk.key(KeyCode::Esc);
    assert_eq!(desk.app().screen, Screen::Intake);
    assert_eq!(desk.app().intake.name.value(), "褚测试");
    assert_eq!(state(&*store), ArrivalState::Waiting);

    // Giving it up receives 卫十三 on a clean walk-in form: nothing of 褚测试's is left.
    desk.ctrl('w').key(KeyCode::Enter).key(KeyCode::Left);
    assert!(desk.screen().contains("放弃并接待"));
    desk.key(KeyCode::Enter);
    let form = &desk.app().intake;
    assert_eq!(desk.app().screen, Screen::Intake);
    assert_eq!(form.name.value(), "卫十三");
    assert_eq!(
        (form.id_number.value(), form.phone.value()),
        ("", ""),
        "no earlier person's identity"
    );
    assert_eq!(form.channel, Channel::WalkIn);
    assert_eq!(form.leader.chosen, Some(ids[0]));
    assert!(form.errors.is_empty() && form.summary_text().is_empty());
    assert_eq!(state(&*store), ArrivalState::BeingReceived);

    // Given up unsaved, the arrival waits again rather than being received by nobody.
    desk.key(KeyCode::Esc)
        .key(KeyCode::Left)
        .key(KeyCode::Enter);
    assert_eq!(desk.app().intake.name.value(), "");
    assert_eq!(state(&*store), ArrivalState::Waiting);
}

#[test]
fn a_session_opens_on_the_next_number_waiting() {
    use xfdesk::domain::schedule::ArrivalState;
    let (mut desk, store, _) = week_desk(Role::Secretary, Lang::Zh);
    desk.key(KeyCode::Enter);
    for name in ["张三", "李四"] {
        desk.ctrl('n').type_text(name).key(KeyCode::Enter);
    }
    desk.key(KeyCode::Enter).fill_after_name().ctrl('s');
    assert_eq!(desk.app().screen, Screen::Matter);
    let session = store.sessions_between(d(11, 18), d(11, 18)).unwrap()[0].clone();
    let queue = store.session(session.id).unwrap().unwrap().queue;
    assert_eq!(queue[0].state, ArrivalState::Done);
    // Back on the session and opened afresh, Enter receives 李四, not the one already done.
    desk.key(KeyCode::Esc);
    assert_eq!(desk.app().week.queue_cursor, 1);
    desk.key(KeyCode::Esc)
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    assert_eq!(desk.app().intake.name.value(), "李四");
}

#[test]
fn only_someone_who_may_record_the_instruction_is_told_to_press_f8() {
    for (role, told) in [(Role::Secretary, true), (Role::Clerk, false)] {
        let (mut desk, _, _) = week_desk(role, Lang::Zh);
        desk.key(KeyCode::Enter)
            .ctrl('n')
            .type_text("张三")
            .key(KeyCode::Enter)
            .key(KeyCode::Enter);
        assert_eq!(desk.app().screen, Screen::Intake, "{role:?}");
        let status = &desk.app().status.as_ref().unwrap().text;
        assert_eq!(status.contains("F8"), told, "{role:?}: {status}");
        assert!(status.starts_with("1 号接待中"), "{status}");
    }
}

#[test]
fn an_accusations_appointment_keeps_its_petitioner_from_who_may_not_read_it() {
    let (store, _) = store();
    let id = store.sessions_between(d(11, 18), d(11, 18)).unwrap()[0].id;
    let mut visit = common::walk_in("钱检举", "13900002222", common::on(9, 2, 10, 0));
    visit.kind = xfdesk::domain::visit::Kind::Accusation;
    let booked = store.register_visit(&visit).unwrap().case.id;
    let appointment = Appointment {
        case: booked,
        slot: t(9, 30),
        note: String::new(),
    };
    let book = ScheduleChange::Book {
        session: id,
        appointment,
        capacity: 6,
    };
    store.change_schedule(&book, &sup()).unwrap();
    let appointment_line = |desk: &mut common::TestDesk| {
        let screen = desk.screen();
        screen
            .lines()
            .find(|l| l.contains("09:30"))
            .unwrap()
            .to_string()
    };
    for (role, shown) in [(Role::Clerk, false), (Role::Supervisor, true)] {
        let mut desk = desk_as(role, Lang::Zh, 100, 30, store.clone(), true);
        desk.ctrl('w').key(KeyCode::Enter);
        let line = appointment_line(&mut desk);
        assert_eq!(line.contains("钱检举"), shown, "{role:?}: {line}");
        assert_eq!(line.contains("保密"), !shown, "{role:?}: {line}");
    }
    // At a shared desk: the clerk locks on the session, the supervisor reads it and locks,
    // and the clerk's session comes back veiled as before.
    let mut desk = desk_as(Role::Clerk, Lang::Zh, 100, 30, store.clone(), true);
    common::add_operator(&*store, Role::Supervisor, None);
    desk.ctrl('w').key(KeyCode::Enter).switch();
    desk.sign_in("sup1", common::PIN)
        .ctrl('w')
        .key(KeyCode::Enter);
    assert!(appointment_line(&mut desk).contains("钱检举"));
    desk.switch().sign_in("clerk1", common::PIN);
    let line = appointment_line(&mut desk);
    assert!(line.contains("保密") && !line.contains("钱检举"), "{line}");
}

#[test]
fn the_english_session_detail_keeps_its_labels_and_states_whole() {
    let (mut desk, _, _) = week_desk(Role::Secretary, Lang::En);
    desk.key(KeyCode::Enter)
        .ctrl('n')
        .type_text("张三")
        .key(KeyCode::Enter)
        .key(KeyCode::Enter)
        .ctrl('w');
    let screen = desk.screen();
    assert!(screen.contains("Departments sitting in  "), "{screen}");
    assert!(screen.contains("张三        Being received"), "{screen}");
}

#[test]
fn a_number_another_operators_locked_form_is_receiving_is_theirs_until_the_desk_closes() {
    use xfdesk::domain::schedule::ArrivalState;
    let (mut desk, store, _) = week_desk(Role::Secretary, Lang::Zh);
    common::add_operator(&*store, Role::Clerk, None);
    desk.key(KeyCode::Enter)
        .ctrl('n')
        .type_text("张三")
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    assert_eq!(desk.app().intake.name.value(), "张三");
    desk.switch().sign_in("clerk1", common::PIN);
    desk.ctrl('w').key(KeyCode::Enter).key(KeyCode::Enter);
    let told = &desk.app().status.as_ref().unwrap().text;
    assert!(told.contains("1 号正由 sec1 接待"), "{told}");
    assert_ne!(desk.app().screen, Screen::Intake);
    let session = store.sessions_between(d(11, 18), d(11, 18)).unwrap()[0].clone();
    let state = |store: &dyn Store| store.session(session.id).unwrap().unwrap().queue[0].state;
    assert_eq!(state(&*store), ArrivalState::BeingReceived);
    // Closing the desk (it asks, for sec1's draft) gives the number back to the queue.
    desk.key(KeyCode::F(10))
        .key(KeyCode::Left)
        .key(KeyCode::Enter);
    assert!(desk.app().quit);
    assert_eq!(state(&*store), ArrivalState::Waiting);
}

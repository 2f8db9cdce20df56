use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveTime};

use super::rota::{RotaRequest, Unavailable, clashes, generate, pattern_days};
use super::*;
use crate::domain::calendar::HolidayCalendar;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("a real time")
}

fn plan(date: NaiveDate, leader: u64) -> SessionPlan {
    SessionPlan {
        date,
        start: t(9, 0),
        end: t(12, 0),
        place: "信访局接待大厅".into(),
        mode: Mode::FixedPlace,
        leader: LeaderId(leader),
        sitting_in: vec![],
        note: String::new(),
        carried: vec![],
    }
}

fn session(id: u64, date: NaiveDate, leader: u64, origin: Origin) -> Session {
    Session::new(SessionId(id), plan(date, leader), origin)
}

const LEADERS: [LeaderId; 3] = [LeaderId(1), LeaderId(2), LeaderId(3)];

fn request<'a>(from: NaiveDate, to: NaiveDate, setting: &'a ReceptionSetting) -> RotaRequest<'a> {
    RotaRequest {
        from,
        to,
        leaders: &LEADERS,
        after: None,
        setting,
    }
}

#[test]
fn the_rota_fills_every_wednesday_in_turn() {
    let setting = ReceptionSetting::default();
    let rota = generate(
        &request(d(2026, 3, 1), d(2026, 3, 31), &setting),
        &[],
        &Unavailable::new(),
        &HolidayCalendar::built_in(),
    );
    let got: Vec<_> = rota.planned.iter().map(|p| (p.date, p.leader.0)).collect();
    assert_eq!(
        got,
        [
            (d(2026, 3, 4), 1),
            (d(2026, 3, 11), 2),
            (d(2026, 3, 18), 3),
            (d(2026, 3, 25), 1)
        ]
    );
    assert_eq!(rota.planned[0].start, t(9, 0));
    assert_eq!(rota.planned[0].end, t(12, 0));
}

#[test]
fn the_rota_skips_the_spring_festival_wednesday_and_says_so() {
    let setting = ReceptionSetting::default();
    let rota = generate(
        &request(d(2026, 2, 10), d(2026, 2, 28), &setting),
        &[],
        &Unavailable::new(),
        &HolidayCalendar::built_in(),
    );
    let dates: Vec<_> = rota.planned.iter().map(|p| p.date).collect();
    assert_eq!(dates, [d(2026, 2, 11), d(2026, 2, 25)]);
    assert_eq!(
        rota.skipped_holidays,
        [(d(2026, 2, 18), "春节".to_string())]
    );
    // The turn is not lost to the holiday: the second leader takes the next session.
    assert_eq!(rota.planned[1].leader, LeaderId(2));
}

#[test]
fn a_session_set_by_hand_is_kept_and_the_turn_goes_on() {
    let setting = ReceptionSetting::default();
    let by_hand = [session(9, d(2026, 3, 11), 3, Origin::Hand)];
    let rota = generate(
        &request(d(2026, 3, 1), d(2026, 3, 20), &setting),
        &by_hand,
        &Unavailable::new(),
        &HolidayCalendar::built_in(),
    );
    let got: Vec<_> = rota.planned.iter().map(|p| (p.date, p.leader.0)).collect();
    assert_eq!(got, [(d(2026, 3, 4), 1), (d(2026, 3, 18), 2)]);
    assert_eq!(rota.kept, [d(2026, 3, 11)]);
}

#[test]
fn an_unavailable_leader_is_passed_over_and_a_hand_made_clash_is_flagged() {
    let setting = ReceptionSetting::default();
    let mut unavailable = Unavailable::new();
    unavailable.insert(LeaderId(1), BTreeSet::from([d(2026, 3, 4), d(2026, 3, 25)]));
    let rota = generate(
        &request(d(2026, 3, 1), d(2026, 3, 20), &setting),
        &[],
        &unavailable,
        &HolidayCalendar::built_in(),
    );
    let got: Vec<_> = rota.planned.iter().map(|p| (p.date, p.leader.0)).collect();
    assert_eq!(
        got,
        [(d(2026, 3, 4), 2), (d(2026, 3, 11), 3), (d(2026, 3, 18), 1)]
    );

    let hand = [
        session(5, d(2026, 3, 25), 1, Origin::Hand),
        session(6, d(2026, 4, 1), 1, Origin::Hand),
    ];
    assert_eq!(clashes(&hand, &unavailable), [SessionId(5)]);
}

#[test]
fn nobody_available_leaves_the_day_unfilled_and_named() {
    let setting = ReceptionSetting::default();
    let mut unavailable = Unavailable::new();
    for l in LEADERS {
        unavailable.insert(l, BTreeSet::from([d(2026, 3, 4)]));
    }
    let rota = generate(
        &request(d(2026, 3, 2), d(2026, 3, 8), &setting),
        &[],
        &unavailable,
        &HolidayCalendar::built_in(),
    );
    assert!(rota.planned.is_empty());
    assert_eq!(rota.unfilled, [d(2026, 3, 4)]);
}

#[test]
fn another_weekday_in_the_setting_moves_the_pattern() {
    let setting = ReceptionSetting {
        weekday: 5,
        ..ReceptionSetting::default()
    };
    assert_eq!(
        pattern_days(d(2026, 3, 1), d(2026, 3, 14), &setting),
        [d(2026, 3, 6), d(2026, 3, 13)]
    );
}

#[test]
fn swapping_exchanges_the_leaders_and_makes_both_hand_made() {
    let mut two = [
        session(1, d(2026, 3, 4), 1, Origin::Rota),
        session(2, d(2026, 3, 11), 2, Origin::Rota),
    ];
    apply(&ScheduleChange::Swap(SessionId(1), SessionId(2)), &mut two).expect("swapped");
    assert_eq!(
        (two[0].plan.leader, two[1].plan.leader),
        (LeaderId(2), LeaderId(1))
    );
    assert_eq!((two[0].origin, two[1].origin), (Origin::Hand, Origin::Hand));
}

#[test]
fn a_plan_needs_a_place_and_hours_in_order() {
    let mut p = plan(d(2026, 3, 4), 1);
    p.place = "  ".into();
    assert_eq!(p.checked(), Err(ScheduleError::PlaceRequired));
    let mut p = plan(d(2026, 3, 4), 1);
    p.end = t(8, 0);
    assert_eq!(p.checked(), Err(ScheduleError::EndsBeforeStart));
}

fn book(s: &mut Session, case: u64, slot: NaiveTime, capacity: u32) -> Result<(), ScheduleError> {
    let change = ScheduleChange::Book {
        session: s.id,
        appointment: Appointment {
            case: CaseId(case),
            slot,
            note: String::new(),
        },
        capacity,
    };
    apply(&change, std::slice::from_mut(s)).map(drop)
}

#[test]
fn booking_checks_capacity_slot_and_double_booking() {
    let mut s = session(1, d(2026, 3, 4), 1, Origin::Hand);
    book(&mut s, 10, t(10, 0), 2).expect("booked");
    assert_eq!(
        book(&mut s, 10, t(10, 30), 2),
        Err(ScheduleError::AlreadyBooked)
    );
    assert_eq!(
        book(&mut s, 11, t(13, 0), 2),
        Err(ScheduleError::SlotOutside)
    );
    book(&mut s, 11, t(9, 30), 2).expect("booked");
    assert_eq!(
        book(&mut s, 12, t(9, 0), 2),
        Err(ScheduleError::Full { capacity: 2 })
    );
    let slots: Vec<_> = s.appointments.iter().map(|a| a.slot).collect();
    assert_eq!(slots, [t(9, 30), t(10, 0)]);
    assert_eq!(s.removable(), Err(ScheduleError::SessionInUse));
}

#[test]
fn arrivals_are_numbered_and_appointments_are_called_first() {
    let mut s = session(1, d(2026, 3, 4), 1, Origin::Hand);
    book(&mut s, 10, t(10, 0), 6).expect("booked");
    let arrive = |s: &mut Session, name: &str, case: Option<u64>| {
        let change = ScheduleChange::Arrive {
            session: s.id,
            name: name.into(),
            case: case.map(CaseId),
        };
        apply(&change, std::slice::from_mut(s)).expect("arrived")
    };
    assert_eq!(arrive(&mut s, "张三", None), Some(1));
    assert_eq!(arrive(&mut s, "李四", Some(10)), Some(2));
    let order: Vec<_> = s.calling_order().iter().map(|a| a.name.clone()).collect();
    assert_eq!(order, ["李四", "张三"]);

    let advance = |s: &mut Session, state| {
        let change = ScheduleChange::Advance {
            session: s.id,
            number: 1,
            state,
            visit: None,
        };
        apply(&change, std::slice::from_mut(s))
    };
    advance(&mut s, ArrivalState::Left).expect("left");
    assert_eq!(
        advance(&mut s, ArrivalState::Waiting),
        Err(ScheduleError::ArrivalClosed)
    );
}

#[test]
fn replanning_keeps_the_bookings_and_makes_a_rota_session_hand_made() {
    let mut s = session(1, d(2026, 3, 4), 1, Origin::Rota);
    book(&mut s, 10, t(10, 0), 6).expect("booked");
    let mut moved = plan(d(2026, 3, 4), 2);
    moved.place = " 县政府二楼会议室 ".into();
    let change = ScheduleChange::Replan {
        id: s.id,
        plan: moved,
    };
    apply(&change, std::slice::from_mut(&mut s)).expect("replanned");
    assert_eq!(s.plan.place, "县政府二楼会议室");
    assert_eq!((s.plan.leader, s.origin), (LeaderId(2), Origin::Hand));
    assert_eq!(
        s.appointments.len(),
        1,
        "the invited petitioner is still invited"
    );
}

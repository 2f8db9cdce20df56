//! The supervisor's desk over four open matters and two finished ones on 1 August 2026, every
//! figure worked out by hand on a wall calendar (statutory limits, no rolling to a working day).

use chrono::NaiveDate;

use super::desk::{DeskInput, Tally, desk};
use super::*;
use crate::domain::calendar::HolidayCalendar;
use crate::domain::case::{CaseId, CaseState};
use crate::domain::deadline::DeadlinePolicy;
use crate::domain::lifecycle::Move;
use crate::domain::matter::{Matter, MatterChange};
use crate::domain::organisation::{DepartmentId, LeaderId};
use crate::domain::pending::MatterRow;
use crate::domain::petitioner::{Person, PetitionerId};
use crate::domain::serial::SerialNo;
use crate::domain::signals::Signal;
use crate::domain::supervision::Escalation;
use crate::domain::test_matters::*;
use crate::domain::visit::{Channel, Kind, Visit, VisitId};

pub(super) fn policy() -> DeadlinePolicy {
    let mut policy = DeadlinePolicy::default();
    policy.roll_to_working_day = false;
    policy
}

pub(super) fn led_by(mut m: Matter, leader: u64) -> Matter {
    let change = MatterChange::Appoint {
        leader: LeaderId(leader),
        note: String::new(),
    };
    let stamp = on(m.case.opened_at.date());
    m.change(&change, &stamp, None).unwrap();
    m
}

pub(super) fn finish(m: &mut Matter, answered: NaiveDate, settle: bool) {
    step(m, answer(), answered);
    step(m, Move::Close, answered);
    if settle {
        step(m, Move::Settle, answered);
    }
}

/// A visit of `name` on matter `case`, `id` its number.
pub(super) fn visit(id: u64, case: u64, at: NaiveDate, name: &str, address: &str) -> Visit {
    Visit {
        id: VisitId(id),
        number: SerialNo {
            year: 2026,
            seq: id as u32,
        },
        case_id: CaseId(case),
        petitioner_id: PetitionerId(id),
        channel: Channel::WalkIn,
        received_at: at.and_hms_opt(9, 0, 0).unwrap(),
        received_by: "登记员甲".into(),
        petitioner: Person {
            name: name.into(),
            address: address.into(),
            ..Person::default()
        },
        co_petitioners: vec![],
        head_count: 1,
        group: false,
        kind: Kind::Appeal,
        category: "劳动社保".into(),
        summary: String::new(),
    }
}

struct Data {
    rows: Vec<MatterRow>,
    outcomes: Vec<Outcome>,
    visits: Vec<Visit>,
}

const TODAY: (i32, u32, u32) = (2026, 8, 1);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

/// Open: #1 held by leader 1, accepted 1 June, due 31 July (1 day late); #2 registered 10 July,
/// due 25 July (7 days late), came again 20 July; #3 registered 20 July, due 4 August (3 days
/// left); #4 registered 1 July 2024 (a long-term petitioner). Finished: #5 (leader 1, answered
/// in time, settled) and #6 (leader 2, answered 10 May, 9 days late, closed unsettled).
fn data() -> Data {
    let one = led_by(handling(1, d(2026, 5, 28), d(2026, 6, 1)), 1);
    let mut two = opened(2, d(2026, 7, 10));
    revisit(&mut two, 2002, d(2026, 7, 20));
    let three = opened(3, d(2026, 7, 20));
    let four = opened(4, d(2024, 7, 1));
    let mut five = led_by(handling(5, d(2026, 3, 1), d(2026, 3, 2)), 1);
    finish(&mut five, d(2026, 4, 1), true);
    let mut six = led_by(handling(6, d(2026, 3, 1), d(2026, 3, 2)), 2);
    finish(&mut six, d(2026, 5, 10), false);
    let (p, c) = (policy(), HolidayCalendar::built_in());
    let names = ["", "张三", "李四", "王芳", "欧阳娜娜"];
    let rows = [&one, &two, &three, &four]
        .iter()
        .map(|m| MatterRow::of(m, names[m.case.id.0 as usize]))
        .collect();
    let outcomes = [&one, &five, &six]
        .iter()
        .map(|m| Outcome::of(m, today(), &p, &c))
        .collect();
    let mut group = visit(11, 2, d(2026, 7, 31), "李四", "");
    group.group = true;
    group.head_count = 8;
    let visits = vec![
        group,
        visit(12, 3, d(2026, 7, 30), "王芳", ""),
        visit(13, 2, d(2026, 7, 25), "李四", ""),
        visit(14, 1, d(2026, 5, 1), "张三", ""),
    ];
    Data {
        rows,
        outcomes,
        visits,
    }
}

fn compute(data: &Data) -> desk::Desk {
    let (p, c) = (policy(), HolidayCalendar::built_in());
    desk(&DeskInput {
        rows: &data.rows,
        outcomes: &data.outcomes,
        visits: &data.visits,
        today: today(),
        policy: &p,
        calendar: &c,
    })
}

#[test]
fn open_matters_are_counted_by_state_and_by_age() {
    let desk = compute(&data());
    assert_eq!(desk.open, 4);
    assert_eq!(
        desk.by_state,
        [(CaseState::Registered, 3), (CaseState::InHandling, 1)]
    );
    // Of the period's matters, #5 settled and #6 closed.
    assert_eq!(desk.left, [(CaseState::Closed, 1), (CaseState::Settled, 1)]);
    // Ages 65, 22, 12 and 761 days.
    assert_eq!(desk.aging, [1, 1, 0, 1, 1]);
}

#[test]
fn late_matters_come_worst_first_with_who_holds_them() {
    let desk = compute(&data());
    let late: Vec<(u64, i64)> = desk.overdue.iter().map(|l| (l.id.0, l.days_late)).collect();
    // #4 was due 16 July 2024: 746 days before 1 August 2026.
    assert_eq!(late, [(4, 746), (2, 7), (1, 1)]);
    assert_eq!(desk.overdue[2].leader, Some(LeaderId(1)));
    assert_eq!(desk.overdue[2].department, Some(DepartmentId(4)));
    let soon: Vec<(u64, i64)> = desk
        .due_soon
        .iter()
        .map(|l| (l.id.0, l.days_late))
        .collect();
    assert_eq!(soon, [(3, -3)]);
}

#[test]
fn each_leader_has_pending_overdue_and_the_rates_of_the_period() {
    let desk = compute(&data());
    let tally = |pending, overdue, timed, on_time, finished, settled| Tally {
        pending,
        overdue,
        timed,
        on_time,
        finished,
        settled,
    };
    assert_eq!(
        desk.leaders,
        [
            (None, tally(3, 2, 0, 0, 0, 0)),
            // #1 late and unanswered, #5 in time: half; #5 settled of one finished.
            (Some(LeaderId(1)), tally(1, 1, 2, 1, 1, 1)),
            (Some(LeaderId(2)), tally(0, 0, 1, 0, 1, 0)),
        ]
    );
    assert_eq!(desk.leaders[1].1.on_time_pct(), Some(50));
    assert_eq!(desk.leaders[1].1.settled_pct(), Some(100));
    assert_eq!(desk.leaders[0].1.on_time_pct(), None);
    let dept: Vec<_> = desk
        .departments
        .iter()
        .map(|(d, t)| (*d, t.pending))
        .collect();
    assert_eq!(dept, [(None, 3), (Some(DepartmentId(4)), 1)]);
    assert_eq!(desk.departments[1].1.on_time_pct(), Some(33));
}

#[test]
fn matters_needing_supervision_come_most_signals_first_then_latest() {
    let desk = compute(&data());
    let ids: Vec<u64> = desk.supervision.iter().map(|f| f.line.id.0).collect();
    assert_eq!(ids, [2, 4, 1, 3]);
    assert!(
        desk.supervision[0]
            .signals
            .contains(&Signal::CameAgain { on: d(2026, 7, 20) })
    );
}

#[test]
fn long_term_petitioners_group_visits_and_the_weekly_run() {
    let desk = compute(&data());
    assert_eq!(desk.long_term.len(), 1);
    assert_eq!(desk.long_term[0].petitioner, "欧阳娜娜");
    assert_eq!(desk.long_term[0].years, 2);
    assert_eq!(desk.groups.len(), 1);
    assert_eq!((desk.groups[0].case.0, desk.groups[0].head_count), (2, 8));
    assert_eq!(desk.weekly.len(), desk::WEEKS);
    // 31 and 30 July this week, 25 July the week before, 1 May outside the twelve weeks.
    assert_eq!(desk.weekly[desk::WEEKS - 1], 2);
    assert_eq!(desk.weekly[desk::WEEKS - 2], 1);
    assert_eq!(desk.weekly.iter().sum::<u64>(), 3);
}

#[test]
fn an_outcome_knows_timeliness_settlement_and_supervision() {
    let (p, c) = (policy(), HolidayCalendar::built_in());
    let mut m = handling(9, d(2026, 3, 1), d(2026, 3, 2));
    let urge = MatterChange::Urge {
        level: Escalation::Notice,
        department: None,
        response_by: d(2026, 3, 20),
        text: "请加快办理".into(),
    };
    m.change(&urge, &on(d(2026, 3, 10)), Some(1)).unwrap();
    let o = Outcome::of(&m, d(2026, 4, 1), &p, &c);
    assert_eq!((o.supervised, o.assigned, o.forwarded), (true, true, false));
    // Due 1 May: on 1 April nobody knows yet; on 2 May it is late.
    assert_eq!(o.on_time, None);
    assert_eq!(Outcome::of(&m, d(2026, 5, 2), &p, &c).on_time, Some(false));
    finish(&mut m, d(2026, 5, 1), true);
    let o = Outcome::of(&m, d(2026, 6, 1), &p, &c);
    assert_eq!((o.on_time, o.finished, o.settled), (Some(true), true, true));
}

#[test]
fn percentages_round_half_up_and_an_empty_whole_has_none() {
    assert_eq!(percent(1, 3), Some(33));
    assert_eq!(percent(2, 3), Some(67));
    assert_eq!(percent(1, 2), Some(50));
    assert_eq!(percent(0, 0), None);
}

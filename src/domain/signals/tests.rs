//! Each signal on the day it starts, and its absence when the office has recorded work.

use super::*;
use crate::domain::lifecycle::Move;
use crate::domain::matter::{Matter, MatterChange};
use crate::domain::supervision::Escalation;
use crate::domain::test_matters::*;

fn on_day(m: &Matter, today: NaiveDate) -> Vec<Signal> {
    let row = MatterRow::of(m, "张三");
    signals(
        &row,
        today,
        &DeadlinePolicy::default(),
        &HolidayCalendar::built_in(),
    )
}

fn half_time(m: &Matter, today: NaiveDate) -> bool {
    on_day(m, today)
        .iter()
        .any(|s| matches!(s, Signal::HalfTimeNoProgress { .. }))
}

#[test]
fn half_the_handling_time_gone_without_progress_is_a_signal() {
    // Accepted 1 June 2026: due 31 July, 60 days; half is 30 days, on 1 July.
    let mut m = opened(1, d(2026, 5, 28));
    step(&mut m, Move::Accept, d(2026, 6, 1));
    assert!(!half_time(&m, d(2026, 6, 30)));
    assert_eq!(
        on_day(&m, d(2026, 7, 1)),
        [Signal::HalfTimeNoProgress {
            since: d(2026, 6, 1),
            due: d(2026, 7, 31)
        }]
    );
    assert!(half_time(&m, d(2026, 8, 20)), "still, once overdue");
}

#[test]
fn progress_recorded_since_the_clock_started_means_no_half_time_signal() {
    let mut m = opened(1, d(2026, 5, 28));
    step(&mut m, Move::Accept, d(2026, 6, 1));
    m.set_plan("约谈企业负责人", &on(d(2026, 6, 15))).unwrap();
    assert!(!half_time(&m, d(2026, 7, 10)));
    let mut m = handling(2, d(2026, 5, 28), d(2026, 6, 1));
    step(&mut m, answer(), d(2026, 6, 20));
    assert!(
        !half_time(&m, d(2026, 7, 10)),
        "the petitioner's window to ask for review is not the office's to hurry"
    );
}

#[test]
fn the_petitioner_coming_again_since_the_clock_started_is_a_signal() {
    let mut m = opened(1, d(2026, 6, 1));
    revisit(&mut m, 2, d(2026, 6, 2));
    step(&mut m, Move::Accept, d(2026, 6, 3));
    assert!(
        on_day(&m, d(2026, 6, 10)).is_empty(),
        "came before handling"
    );
    revisit(&mut m, 3, d(2026, 6, 9));
    assert_eq!(
        on_day(&m, d(2026, 6, 10)),
        [Signal::CameAgain { on: d(2026, 6, 9) }]
    );
}

#[test]
fn an_urge_unanswered_past_its_response_date_is_a_signal_until_answered() {
    let mut m = handling(1, d(2026, 6, 1), d(2026, 6, 2));
    m.set_plan("核查", &on(d(2026, 6, 5))).unwrap();
    let urge = MatterChange::Urge {
        level: Escalation::Reminder,
        department: None,
        response_by: d(2026, 6, 20),
        text: "请报送办理情况".into(),
    };
    m.change(&urge, &on(d(2026, 6, 15)), Some(8)).unwrap();
    assert!(
        on_day(&m, d(2026, 6, 20)).is_empty(),
        "the last day is in time"
    );
    let number = m.open_urges()[0].0;
    assert_eq!(
        on_day(&m, d(2026, 6, 21)),
        [Signal::UrgeUnanswered {
            number,
            response_by: d(2026, 6, 20)
        }]
    );
    m.answer_urge(number, &on(d(2026, 6, 22))).unwrap();
    assert!(on_day(&m, d(2026, 6, 23)).is_empty());
}

//! The three reports over a handful of matters whose dates can be checked by hand.

use super::*;
use crate::domain::deadline::Urgency;
use crate::domain::lifecycle::Move;
use crate::domain::matter::Matter;
use crate::domain::test_matters::*;

fn rows(matters: &[Matter]) -> Vec<MatterRow> {
    matters.iter().map(|m| MatterRow::of(m, "张三")).collect()
}

fn run(kind: ReportKind, rows: &[MatterRow], today: NaiveDate) -> Vec<(u64, Option<Urgency>)> {
    let mut policy = DeadlinePolicy::default();
    policy.roll_to_working_day = false;
    report(kind, rows, today, &policy, &HolidayCalendar::built_in())
        .into_iter()
        .map(|l| (l.row.id.0, l.urgency))
        .collect()
}

/// On 1 August 2026: #1 handled since 1 June (due 31 July, 1 day late), #2 registered 10 July
/// (due 25 July, 7 days late), #3 registered 30 July (due 14 August), #4 registered 19 July
/// (due 3 August, 2 days left), #5 registered 17 July (due today), #6 answered 1 June (the
/// petitioner's window, long past), #7 re-review answered (no limit runs).
fn desk() -> Vec<Matter> {
    let mut answered = handling(6, d(2026, 5, 1), d(2026, 5, 2));
    step(&mut answered, answer(), d(2026, 6, 1));
    let mut done = handling(7, d(2026, 3, 1), d(2026, 3, 2));
    for s in [
        answer(),
        Move::RequestReview,
        Move::AnswerReview {
            text: "维持".into(),
        },
        Move::RequestReReview,
        Move::AnswerReReview {
            text: "维持".into(),
        },
    ] {
        step(&mut done, s, d(2026, 5, 1));
    }
    vec![
        done,
        opened(3, d(2026, 7, 30)),
        handling(1, d(2026, 5, 28), d(2026, 6, 1)),
        opened(5, d(2026, 7, 17)),
        answered,
        opened(2, d(2026, 7, 10)),
        opened(4, d(2026, 7, 19)),
    ]
}

#[test]
fn overdue_lists_the_longest_late_first_and_never_the_petitioners_window() {
    let rows = rows(&desk());
    assert_eq!(
        run(ReportKind::Overdue, &rows, d(2026, 8, 1)),
        [
            (2, Some(Urgency::Overdue { days_late: 7 })),
            (1, Some(Urgency::Overdue { days_late: 1 })),
        ]
    );
}

#[test]
fn due_soon_lists_today_first_then_within_the_window() {
    let rows = rows(&desk());
    assert_eq!(
        run(ReportKind::DueSoon, &rows, d(2026, 8, 1)),
        [
            (5, Some(Urgency::DueToday)),
            (4, Some(Urgency::DueSoon { days_left: 2 })),
        ]
    );
}

#[test]
fn pending_lists_every_open_matter_by_due_date_without_a_limit_last() {
    let rows = rows(&desk());
    let lines = run(ReportKind::Pending, &rows, d(2026, 8, 1));
    let ids: Vec<u64> = lines.iter().map(|(id, _)| *id).collect();
    // #6's window closed on 1 July; #2 due 25 July, #1 31 July, #5 1 August, #4 3 August,
    // #3 14 August.
    assert_eq!(ids, [6, 2, 1, 5, 4, 3, 7]);
    assert_eq!(lines[0].1, None, "the petitioner's window is never late");
    assert_eq!(lines[6].1, None);
    assert_eq!(lines[5].1, Some(Urgency::Due { days_left: 13 }));
}

#[test]
fn a_line_carries_its_due_date() {
    let rows = rows(&desk());
    let policy = DeadlinePolicy::default();
    let cal = HolidayCalendar::built_in();
    let overdue = overdue(&rows, d(2026, 8, 1), &policy, &cal);
    // Registered 10 July: 15 days is Saturday 25 July, rolled to Monday 27 July.
    assert_eq!(overdue[0].row.id.0, 2);
    assert_eq!(overdue[0].due, Some(d(2026, 7, 27)));
    assert_eq!(overdue[0].unknown_tier, None);
    assert_eq!(due_soon(&rows, d(2026, 8, 1), &policy, &cal).len(), 2);
    assert_eq!(pending(&rows, d(2026, 8, 1), &policy, &cal).len(), 7);
}

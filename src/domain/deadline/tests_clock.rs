//! Which limit runs in each state of a matter, from when, and the due date it gives.

use super::*;
use crate::domain::deadline::{Extension, Tier};
use crate::domain::lifecycle::Move;
use crate::domain::test_matters::*;

fn cal() -> HolidayCalendar {
    HolidayCalendar::built_in()
}

fn no_roll() -> DeadlinePolicy {
    DeadlinePolicy {
        roll_to_working_day: false,
        ..DeadlinePolicy::default()
    }
}

fn clock(m: &Matter) -> StageClock {
    StageClock::of(m).expect("a limit runs")
}

fn extension(days: u32) -> Extension {
    Extension::request(days, "需现场核查", "张科长", &DeadlinePolicy::default()).unwrap()
}

#[test]
fn a_registered_matter_must_be_forwarded_or_assigned_within_15_days_of_opening() {
    let m = opened(1, d(2026, 3, 2));
    let c = clock(&m);
    assert_eq!((c.stage, c.start), (Stage::ForwardOrAssign, d(2026, 3, 2)));
    assert_eq!(
        DeadlinePolicy::default().due(&c, &cal()),
        Ok(d(2026, 3, 17))
    );
}

#[test]
fn handling_runs_from_acceptance_through_assignment_and_handling() {
    let mut m = opened(1, d(2026, 3, 2));
    step(&mut m, Move::Accept, d(2026, 3, 5));
    let accepted = clock(&m);
    assert_eq!(
        (accepted.stage, accepted.start),
        (Stage::Handle, d(2026, 3, 5))
    );
    step(&mut m, assign(), d(2026, 3, 9));
    assert_eq!(clock(&m), accepted, "assigning does not restart the limit");
    step(&mut m, Move::StartHandling, d(2026, 3, 12));
    assert_eq!(clock(&m), accepted);
    // 5 March + 60 = Monday 4 May, inside the Labour Day holiday (1–5 May): rolled to
    // Wednesday 6 May.
    let due = DeadlinePolicy::default().due(&accepted, &cal()).unwrap();
    assert_eq!(due, d(2026, 5, 6));
    assert_eq!(no_roll().due(&accepted, &cal()), Ok(d(2026, 5, 4)));
}

#[test]
fn the_review_stages_run_from_the_step_that_opened_them() {
    let mut m = handling(1, d(2026, 1, 5), d(2026, 1, 6));
    step(&mut m, answer(), d(2026, 2, 10));
    let c = clock(&m);
    assert_eq!((c.stage, c.start), (Stage::AskReview, d(2026, 2, 10)));
    assert!(!c.stage.office_duty(), "the petitioner's window");

    step(&mut m, Move::RequestReview, d(2026, 3, 1));
    let c = clock(&m);
    assert_eq!((c.stage, c.start), (Stage::ReviewAnswer, d(2026, 3, 1)));
    assert!(c.stage.office_duty());
    assert_eq!(no_roll().due(&c, &cal()), Ok(d(2026, 3, 31)));

    let answer_review = Move::AnswerReview {
        text: "维持".into(),
    };
    step(&mut m, answer_review, d(2026, 3, 20));
    let c = clock(&m);
    assert_eq!((c.stage, c.start), (Stage::AskReReview, d(2026, 3, 20)));
    assert!(!c.stage.office_duty());

    step(&mut m, Move::RequestReReview, d(2026, 4, 2));
    let c = clock(&m);
    assert_eq!((c.stage, c.start), (Stage::ReReviewAnswer, d(2026, 4, 2)));

    let answer_re_review = Move::AnswerReReview {
        text: "维持".into(),
    };
    step(&mut m, answer_re_review, d(2026, 4, 20));
    assert_eq!(StageClock::of(&m), None, "nothing runs after re-review");
    step(&mut m, Move::Close, d(2026, 4, 21));
    assert_eq!(StageClock::of(&m), None);
}

#[test]
fn a_matter_that_left_the_desk_has_no_clock() {
    let mut m = opened(1, d(2026, 3, 2));
    let reason = Move::NotAccept {
        reason: "已进入诉讼程序".into(),
    };
    step(&mut m, reason, d(2026, 3, 3));
    assert_eq!(StageClock::of(&m), None);
    let mut m = opened(2, d(2026, 3, 2));
    step(
        &mut m,
        Move::Forward {
            to: "县法院".into(),
        },
        d(2026, 3, 3),
    );
    assert_eq!(StageClock::of(&m), None);
}

#[test]
fn extensions_add_up_and_move_the_handling_due_date() {
    let mut m = handling(1, d(2026, 6, 1), d(2026, 6, 1));
    m.extend(&extension(10), 30, None, &on(d(2026, 7, 20)))
        .unwrap();
    m.extend(&extension(5), 30, None, &on(d(2026, 7, 25)))
        .unwrap();
    let c = clock(&m);
    assert_eq!(c.extension_days, 15);
    // 1 June + 60 = 31 July; + 15 = 15 August.
    assert_eq!(no_roll().due(&c, &cal()), Ok(d(2026, 8, 15)));
    step(&mut m, answer(), d(2026, 8, 1));
    assert_eq!(clock(&m).extension_days, 0, "only handling is extended");
}

#[test]
fn a_tier_replaces_the_handling_limit_and_none_restores_it() {
    let mut policy = no_roll();
    policy.tiers.push(Tier {
        name: "普通".into(),
        days: 7,
    });
    let mut m = opened(1, d(2026, 6, 1));
    // Chosen when the matter is registered; it counts once handling runs.
    m.set_tier(Some("普通"), &on(d(2026, 6, 1))).unwrap();
    assert_eq!(clock(&m).tier, None, "not for forwarding or assigning");
    step(&mut m, Move::Accept, d(2026, 6, 2));
    let c = clock(&m);
    assert_eq!(c.tier.as_deref(), Some("普通"));
    assert_eq!(policy.due(&c, &cal()), Ok(d(2026, 6, 9)));
    m.set_tier(None, &on(d(2026, 6, 3))).unwrap();
    assert_eq!(policy.due(&clock(&m), &cal()), Ok(d(2026, 8, 1)));
}

#[test]
fn a_tier_the_policy_dropped_falls_back_for_the_lists_and_says_so() {
    let mut m = opened(1, d(2026, 6, 1));
    m.set_tier(Some("重大"), &on(d(2026, 6, 1))).unwrap();
    step(&mut m, Move::Accept, d(2026, 6, 1));
    let c = clock(&m);
    let policy = no_roll();
    assert_eq!(
        policy.due(&c, &cal()),
        Err(DeadlineError::UnknownTier {
            name: "重大".into()
        })
    );
    let listed = policy.listed_due(&c, &cal());
    assert_eq!(listed.date, d(2026, 7, 31));
    assert_eq!(listed.unknown_tier.as_deref(), Some("重大"));
}

#[test]
fn limits_cross_month_ends_and_leap_days_by_the_calendar() {
    // Accepted on New Year's Eve: 60 days later is Sunday 1 March 2026, rolled to Monday.
    let m = handling(1, d(2025, 12, 30), d(2025, 12, 31));
    let c = clock(&m);
    assert_eq!(no_roll().due(&c, &cal()), Ok(d(2026, 3, 1)));
    assert_eq!(DeadlinePolicy::default().due(&c, &cal()), Ok(d(2026, 3, 2)));
    // A review asked for on 30 January 2024 is due on 29 February, a leap day.
    let mut m = handling(2, d(2023, 11, 1), d(2023, 11, 2));
    step(&mut m, answer(), d(2024, 1, 5));
    step(&mut m, Move::RequestReview, d(2024, 1, 30));
    assert_eq!(no_roll().due(&clock(&m), &cal()), Ok(d(2024, 2, 29)));
}

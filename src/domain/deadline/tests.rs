//! Due dates, extensions and urgency, on dates a clerk can check against a wall calendar.

use chrono::NaiveDate;

use super::*;
use crate::domain::calendar::HolidayCalendar;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn no_roll() -> DeadlinePolicy {
    DeadlinePolicy {
        roll_to_working_day: false,
        ..DeadlinePolicy::default()
    }
}

fn due(policy: &DeadlinePolicy, stage: Stage, start: NaiveDate) -> NaiveDate {
    let cal = HolidayCalendar::built_in();
    policy.due_date(stage, start, None, None, &cal).unwrap()
}

#[test]
fn statutory_limits_match_the_regulation() {
    let p = DeadlinePolicy::default();
    assert_eq!(p.limit(Stage::ForwardOrAssign), Limit::calendar(15));
    assert_eq!(p.limit(Stage::NotifyAcceptance), Limit::calendar(15));
    assert_eq!(p.limit(Stage::ObjectToAssignment), Limit::working(5));
    assert_eq!(p.limit(Stage::Handle), Limit::calendar(60));
    assert_eq!(p.limit(Stage::ReviewAnswer), Limit::calendar(30));
    assert_eq!(p.limit(Stage::ReReviewAnswer), Limit::calendar(30));
    assert_eq!((p.max_extension_days, p.due_soon_days), (30, 3));
}

#[test]
fn the_receipt_day_is_day_zero() {
    // Received Monday 2025-03-03: 15 days later is Tuesday 18 March, a working day.
    let p = DeadlinePolicy::default();
    assert_eq!(
        due(&p, Stage::NotifyAcceptance, d(2025, 3, 3)),
        d(2025, 3, 18)
    );
}

#[test]
fn thirty_days_from_the_end_of_january_crosses_february() {
    // 2025-01-31 + 30 = Sunday 2 March; rolled, Monday 3 March.
    assert_eq!(
        due(&no_roll(), Stage::ReviewAnswer, d(2025, 1, 31)),
        d(2025, 3, 2)
    );
    let p = DeadlinePolicy::default();
    assert_eq!(due(&p, Stage::ReviewAnswer, d(2025, 1, 31)), d(2025, 3, 3));
}

#[test]
fn leap_years_have_a_29th_of_february() {
    let p = no_roll();
    assert_eq!(due(&p, Stage::ReviewAnswer, d(2028, 1, 30)), d(2028, 2, 29));
    assert_eq!(due(&p, Stage::ReviewAnswer, d(2027, 1, 30)), d(2027, 3, 1));
    assert_eq!(
        due(&p, Stage::ForwardOrAssign, d(2028, 2, 14)),
        d(2028, 2, 29)
    );
    assert_eq!(
        due(&p, Stage::ForwardOrAssign, d(2027, 2, 14)),
        d(2027, 3, 1)
    );
}

#[test]
fn a_calendar_deadline_in_national_day_week_rolls_past_it_only_when_the_policy_says_so() {
    // 2025-09-17 + 15 = 2 October, in the 1–8 October holiday; the next working day is the 9th.
    let start = d(2025, 9, 17);
    assert_eq!(
        due(&DeadlinePolicy::default(), Stage::NotifyAcceptance, start),
        d(2025, 10, 9)
    );
    assert_eq!(
        due(&no_roll(), Stage::NotifyAcceptance, start),
        d(2025, 10, 2)
    );
}

#[test]
fn a_deadline_on_a_make_up_saturday_stays_there() {
    // 2025-09-26 + 15 = Saturday 11 October, a make-up working day (调休).
    let p = DeadlinePolicy::default();
    assert_eq!(
        due(&p, Stage::ForwardOrAssign, d(2025, 9, 26)),
        d(2025, 10, 11)
    );
}

#[test]
fn five_working_days_to_object_skip_national_day_and_count_the_make_up_day() {
    let p = DeadlinePolicy::default();
    // 30 Sept + 5 working days: 9, 10, 11 (Saturday worked), 13, 14 October.
    assert_eq!(
        due(&p, Stage::ObjectToAssignment, d(2025, 9, 30)),
        d(2025, 10, 14)
    );
    // Thursday 9 October + 5: 10, 11 (make-up), 13, 14, 15.
    assert_eq!(
        due(&p, Stage::ObjectToAssignment, d(2025, 10, 9)),
        d(2025, 10, 15)
    );
}

fn tiered() -> DeadlinePolicy {
    DeadlinePolicy {
        tiers: [("普通", 7), ("复杂", 20), ("重大", 60)]
            .map(|(name, days)| Tier {
                name: name.into(),
                days,
            })
            .to_vec(),
        ..DeadlinePolicy::default()
    }
}

#[test]
fn a_tier_replaces_the_handling_limit() {
    let p = tiered();
    let cal = HolidayCalendar::built_in();
    let start = d(2025, 3, 4);
    let handle = |tier| p.due_date(Stage::Handle, start, tier, None, &cal).unwrap();
    assert_eq!(handle(Some("普通")), d(2025, 3, 11));
    assert_eq!(handle(Some("复杂")), d(2025, 3, 24));
    // Without a tier: 60 days is Saturday 3 May, in the Labour Day holiday → Tuesday 6 May.
    assert_eq!(handle(None), d(2025, 5, 6));
    // Other stages keep their own limit whatever the matter's tier.
    let notify = p.due_date(Stage::NotifyAcceptance, start, Some("普通"), None, &cal);
    assert_eq!(notify, Ok(d(2025, 3, 19)));
}

#[test]
fn a_tier_counts_in_working_days_when_handling_does() {
    let mut p = tiered();
    p.set_limit(Stage::Handle, Limit::working(60));
    let cal = HolidayCalendar::built_in();
    // Tuesday 30 September + 7 working days: 9, 10, 11, 13, 14, 15, 16 October.
    let due = p.due_date(Stage::Handle, d(2025, 9, 30), Some("普通"), None, &cal);
    assert_eq!(due, Ok(d(2025, 10, 16)));
}

#[test]
fn an_unknown_tier_is_an_error_naming_it() {
    let cal = HolidayCalendar::built_in();
    let r = tiered().due_date(Stage::Handle, d(2025, 3, 4), Some("特急"), None, &cal);
    assert_eq!(
        r,
        Err(DeadlineError::UnknownTier {
            name: "特急".into()
        })
    );
}

#[test]
fn an_extension_runs_on_from_the_handling_deadline() {
    let p = DeadlinePolicy::default();
    let cal = HolidayCalendar::built_in();
    let ext = Extension::request(30, "需现场勘查", "张科长", &p).unwrap();
    let start = d(2025, 3, 4);
    // 60 days → 3 May; + 30 → Monday 2 June, the 端午 holiday; rolled → Tuesday 3 June.
    let due = p.due_date(Stage::Handle, start, None, Some(&ext), &cal);
    assert_eq!(due, Ok(d(2025, 6, 3)));
    let due = no_roll().due_date(Stage::Handle, start, None, Some(&ext), &cal);
    assert_eq!(due, Ok(d(2025, 6, 2)));
}

#[test]
fn only_handling_can_be_extended() {
    let p = DeadlinePolicy::default();
    let cal = HolidayCalendar::built_in();
    let ext = Extension::request(10, "理由", "张科长", &p).unwrap();
    let r = p.due_date(Stage::ReviewAnswer, d(2025, 3, 4), None, Some(&ext), &cal);
    assert_eq!(
        r,
        Err(DeadlineError::NotExtendable {
            stage: Stage::ReviewAnswer
        })
    );
}

#[test]
fn an_extension_over_the_cap_is_refused_naming_the_cap() {
    let p = DeadlinePolicy::default();
    assert_eq!(
        Extension::request(31, "理由", "张科长", &p),
        Err(ExtensionError::OverCap {
            requested: 31,
            max: 30
        })
    );
    let strict = DeadlinePolicy {
        max_extension_days: 15,
        ..DeadlinePolicy::default()
    };
    assert_eq!(
        Extension::request(20, "理由", "张科长", &strict),
        Err(ExtensionError::OverCap {
            requested: 20,
            max: 15
        })
    );
    assert!(Extension::request(15, "理由", "张科长", &strict).is_ok());
}

#[test]
fn an_extension_needs_days_a_reason_and_an_approver() {
    let p = DeadlinePolicy::default();
    assert_eq!(
        Extension::request(0, "理由", "张科长", &p),
        Err(ExtensionError::NoDays)
    );
    assert_eq!(
        Extension::request(10, "  ", "张科长", &p),
        Err(ExtensionError::NoReason)
    );
    assert_eq!(
        Extension::request(10, "理由", "", &p),
        Err(ExtensionError::NoApprover)
    );
}

#[test]
fn urgency_boundaries_around_the_due_soon_window() {
    let p = DeadlinePolicy::default();
    let due = d(2025, 3, 10);
    assert_eq!(p.urgency(due, d(2025, 3, 6)), Urgency::Due { days_left: 4 });
    assert_eq!(
        p.urgency(due, d(2025, 3, 7)),
        Urgency::DueSoon { days_left: 3 }
    );
    assert_eq!(
        p.urgency(due, d(2025, 3, 9)),
        Urgency::DueSoon { days_left: 1 }
    );
    assert_eq!(p.urgency(due, d(2025, 3, 10)), Urgency::DueToday);
    assert_eq!(
        p.urgency(due, d(2025, 3, 11)),
        Urgency::Overdue { days_late: 1 }
    );
    assert_eq!(
        p.urgency(due, d(2025, 4, 10)),
        Urgency::Overdue { days_late: 31 }
    );
    // Across the end of February.
    assert_eq!(
        p.urgency(d(2025, 3, 1), d(2025, 2, 26)),
        Urgency::DueSoon { days_left: 3 }
    );
    // A window of 0 never says "due soon".
    assert_eq!(
        Urgency::of(due, d(2025, 3, 9), 0),
        Urgency::Due { days_left: 1 }
    );
}

#[test]
fn days_left_sorts_overdue_first_and_attention_marks_the_window() {
    let due = d(2025, 3, 10);
    let mut all: Vec<Urgency> = [d(2025, 3, 1), d(2025, 3, 12), d(2025, 3, 10), d(2025, 3, 8)]
        .map(|today| Urgency::of(due, today, 3))
        .to_vec();
    all.sort_by_key(|u| u.days_left());
    assert_eq!(
        all,
        vec![
            Urgency::Overdue { days_late: 2 },
            Urgency::DueToday,
            Urgency::DueSoon { days_left: 2 },
            Urgency::Due { days_left: 9 },
        ]
    );
    assert!(!all[3].needs_attention());
    assert!(all[..3].iter().all(|u| u.needs_attention()));
}

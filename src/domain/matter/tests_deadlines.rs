//! Tiers, extensions, reminders and supervision as a clerk records them.

use super::*;
use crate::domain::deadline::{DeadlinePolicy, ExtensionError};
use crate::domain::ledger::EventKind;
use crate::domain::lifecycle::Move;
use crate::domain::matter::MatterChange;
use crate::domain::supervision::UrgeSeries;
use crate::domain::test_matters::*;

fn extension(days: u32) -> Extension {
    Extension::request(days, " 需现场核查 ", "张科长", &DeadlinePolicy::default()).unwrap()
}

fn urge(level: Escalation, by: NaiveDate, text: &str) -> MatterChange {
    MatterChange::Urge {
        level,
        department: None,
        response_by: by,
        text: text.into(),
    }
}

#[test]
fn a_tier_is_written_only_when_it_changes_and_a_blank_one_means_none() {
    let mut m = opened(1, d(2026, 6, 1));
    let e = m.set_tier(Some(" 复杂 "), &on(d(2026, 6, 1))).unwrap();
    assert_eq!(
        e.map(|e| e.what),
        Some(EventKind::TierSet {
            tier: Some("复杂".into())
        })
    );
    assert_eq!(m.tier(), Some("复杂"));
    assert_eq!(m.set_tier(Some("复杂"), &on(d(2026, 6, 2))), Ok(None));
    assert_eq!(
        m.set_tier(None, &on(d(2026, 6, 2))).map(|e| e.is_some()),
        Ok(true)
    );
    assert_eq!(m.tier(), None);
    assert_eq!(m.set_tier(Some("  "), &on(d(2026, 6, 2))), Ok(None));
}

#[test]
fn an_extension_is_granted_up_to_the_last_day_of_the_limit_and_not_after() {
    let due = d(2026, 8, 1);
    let mut m = handling(1, d(2026, 6, 1), d(2026, 6, 2));
    assert_eq!(
        m.extend(&extension(10), 30, Some(due), &on(d(2026, 8, 3))),
        Err(MatterError::ExtensionAfterDue { due }),
        "two days late: the lateness stays"
    );
    assert!(m.extend(&extension(10), 30, Some(due), &on(due)).is_ok());
}

#[test]
fn extensions_are_granted_only_while_handling_runs() {
    let mut m = opened(1, d(2026, 6, 1));
    assert_eq!(
        m.extend(&extension(10), 30, None, &on(d(2026, 6, 2))),
        Err(MatterError::ExtensionOutsideHandling {
            state: CaseState::Registered
        })
    );
    let mut m = handling(1, d(2026, 6, 1), d(2026, 6, 2));
    let e = m
        .extend(&extension(10), 30, None, &on(d(2026, 7, 20)))
        .unwrap();
    assert_eq!(
        e.what,
        EventKind::Extended {
            days: 10,
            reason: "需现场核查".into(),
            approved_by: "张科长".into()
        }
    );
    step(&mut m, answer(), d(2026, 8, 1));
    assert_eq!(
        m.extend(&extension(5), 30, None, &on(d(2026, 8, 2))),
        Err(MatterError::ExtensionOutsideHandling {
            state: CaseState::Answered
        })
    );
}

#[test]
fn all_extensions_together_stay_within_the_cap() {
    let mut m = handling(1, d(2026, 6, 1), d(2026, 6, 2));
    m.extend(&extension(20), 30, None, &on(d(2026, 7, 20)))
        .unwrap();
    let before = m.clone();
    assert_eq!(
        m.extend(&extension(15), 30, None, &on(d(2026, 7, 25))),
        Err(MatterError::Extension(ExtensionError::OverTotal {
            requested: 15,
            granted: 20,
            max: 30
        }))
    );
    assert_eq!(m, before);
    m.extend(&extension(10), 30, None, &on(d(2026, 7, 25)))
        .unwrap();
    assert_eq!(m.extension_days(), 30);
    let blank = Extension {
        days: 1,
        reason: " ".into(),
        approved_by: "张科长".into(),
    };
    assert_eq!(
        m.extend(&blank, 90, None, &on(d(2026, 7, 26))),
        Err(MatterError::Extension(ExtensionError::NoReason))
    );
}

#[test]
fn an_urge_takes_the_drawn_number_in_the_year_of_its_stamp() {
    let mut m = handling(1, d(2026, 6, 1), d(2026, 6, 2));
    let change = urge(
        Escalation::Reminder,
        d(2026, 7, 10),
        "请于7月10日前报送办理情况",
    );
    assert_eq!(
        change.series(&on(d(2026, 7, 1))),
        Some(UrgeSeries {
            kind: crate::domain::supervision::UrgeKind::Reminder,
            year: 2026
        })
    );
    assert_eq!(
        m.change(&change, &on(d(2026, 7, 1)), None),
        Err(MatterError::NoNumber)
    );
    m.change(&change, &on(d(2026, 7, 1)), Some(3)).unwrap();
    let Some(EventKind::Urged {
        number,
        response_by,
        ..
    }) = m.ledger.last().map(|e| e.what.clone())
    else {
        panic!("an urge was written");
    };
    assert_eq!(number, no(3, Escalation::Reminder));
    assert_eq!(m.open_urges(), [(number, response_by)]);
    assert_eq!(m.escalation(), Some(Escalation::Reminder));
}

#[test]
fn an_urge_needs_its_text_a_response_date_ahead_and_a_matter_waiting_on_the_office() {
    let mut m = handling(1, d(2026, 6, 1), d(2026, 6, 2));
    let today = on(d(2026, 7, 1));
    let refused = |m: &mut Matter, change: MatterChange| m.change(&change, &today, Some(1));
    assert_eq!(
        refused(&mut m, urge(Escalation::Notice, d(2026, 7, 9), "  ")),
        Err(MatterError::UrgeTextRequired)
    );
    assert_eq!(
        refused(&mut m, urge(Escalation::Notice, d(2026, 6, 30), "报送情况")),
        Err(MatterError::UrgeResponseInPast {
            response_by: d(2026, 6, 30),
            today: d(2026, 7, 1)
        })
    );
    // The response may be asked for today itself.
    assert!(refused(&mut m, urge(Escalation::Notice, d(2026, 7, 1), "报送情况")).is_ok());

    step(&mut m, answer(), d(2026, 7, 5));
    assert_eq!(
        m.change(
            &urge(Escalation::Notice, d(2026, 7, 20), "报送情况"),
            &on(d(2026, 7, 6)),
            Some(2)
        ),
        Err(MatterError::NothingToUrge {
            state: CaseState::Answered
        }),
        "the petitioner's window to ask for review is not the office's to hurry"
    );
}

#[test]
fn escalation_does_not_go_down_while_a_higher_level_is_unanswered() {
    let mut m = handling(1, d(2026, 6, 1), d(2026, 6, 2));
    let s = on(d(2026, 7, 1));
    let by = d(2026, 7, 10);
    m.change(&urge(Escalation::Notice, by, "督办"), &s, Some(1))
        .unwrap();
    assert_eq!(
        m.change(&urge(Escalation::Reminder, by, "催办"), &s, Some(1)),
        Err(MatterError::UrgeBelowOpen {
            open: no(1, Escalation::Notice),
            asked: Escalation::Reminder
        })
    );
    // Again the same level, then higher: both are what an office does.
    m.change(&urge(Escalation::Notice, by, "再次督办"), &s, Some(2))
        .unwrap();
    m.change(&urge(Escalation::Interview, by, "约谈"), &s, Some(3))
        .unwrap();
    assert_eq!(m.escalation(), Some(Escalation::Interview));
    assert_eq!(m.open_urges().len(), 3);

    for seq in [1, 2, 3] {
        let level = [
            Escalation::Notice,
            Escalation::Notice,
            Escalation::Interview,
        ][seq - 1];
        m.answer_urge(no(seq as u32, level), &on(d(2026, 7, 8)))
            .unwrap();
    }
    assert!(m.open_urges().is_empty());
    m.change(&urge(Escalation::Reminder, by, "催办"), &s, Some(1))
        .unwrap();
    assert_eq!(
        m.escalation(),
        Some(Escalation::Interview),
        "the highest so far"
    );
}

#[test]
fn only_an_open_urge_of_the_matter_can_be_answered() {
    let mut m = handling(1, d(2026, 6, 1), d(2026, 6, 2));
    let s = on(d(2026, 7, 1));
    m.change(
        &urge(Escalation::Reminder, d(2026, 7, 5), "催办"),
        &s,
        Some(4),
    )
    .unwrap();
    let unknown = no(5, Escalation::Reminder);
    assert_eq!(
        m.answer_urge(unknown, &s),
        Err(MatterError::UrgeNotOpen { number: unknown })
    );
    let open = no(4, Escalation::Reminder);
    let e = m.answer_urge(open, &on(d(2026, 7, 4))).unwrap();
    assert_eq!(e.what, EventKind::UrgeAnswered { number: open });
    assert_eq!(
        m.answer_urge(open, &s),
        Err(MatterError::UrgeNotOpen { number: open }),
        "answered once"
    );
    // An answer may still come after the matter was answered and closed.
    let mut m = handling(2, d(2026, 6, 1), d(2026, 6, 2));
    m.change(
        &urge(Escalation::Reminder, d(2026, 7, 5), "催办"),
        &s,
        Some(6),
    )
    .unwrap();
    step(&mut m, answer(), d(2026, 7, 3));
    step(&mut m, Move::Close, d(2026, 7, 4));
    assert!(
        m.answer_urge(no(6, Escalation::Reminder), &on(d(2026, 7, 5)))
            .is_ok()
    );
}

#[test]
fn a_request_for_review_comes_within_its_window() {
    use crate::domain::lifecycle::Move;
    let due = Some(d(2026, 10, 10));
    let late = Matter::request_in_time(&Move::RequestReReview, due, d(2026, 10, 11));
    assert_eq!(
        late,
        Err(MatterError::RequestAfterWindow {
            due: d(2026, 10, 10)
        })
    );
    assert!(Matter::request_in_time(&Move::RequestReview, due, d(2026, 10, 10)).is_ok());
    assert!(Matter::request_in_time(&Move::Close, due, d(2027, 1, 1)).is_ok());
}

//! Drawn lives follow the rules of a matter's life and an office's calendar.

use chrono::{Datelike, NaiveDate};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::domain::case::CaseState;
use crate::domain::lifecycle::{Move, apply};

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn handlers() -> Handlers {
    let names: Vec<String> = ["县自然资源局", "县人力资源和社会保障局", "勐先乡人民政府"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    Handlers::new(&names)
}

/// The move a step makes, if it is one.
fn as_move(step: Step) -> Option<Move> {
    let text = String::new;
    Some(match step {
        Step::Accept => Move::Accept,
        Step::NotAccept(_) => Move::NotAccept { reason: text() },
        Step::Forward(_) => Move::Forward { to: text() },
        Step::Assign(..) => Move::Assign {
            department: crate::domain::organisation::DepartmentId(1),
            co_departments: vec![],
        },
        Step::StartHandling => Move::StartHandling,
        Step::Answer(_) => Move::Answer { text: text() },
        Step::RequestReview => Move::RequestReview,
        Step::AnswerReview(_) => Move::AnswerReview { text: text() },
        Step::RequestReReview => Move::RequestReReview,
        Step::AnswerReReview(_) => Move::AnswerReReview { text: text() },
        Step::Close => Move::Close,
        Step::Settle => Move::Settle,
        Step::Archive => Move::Archive,
        _ => return None,
    })
}

fn draw(rng: &mut ChaCha8Rng, opened: NaiveDate, persistence: Persistence) -> Fate {
    let birth = Birth {
        opened_at: opened.and_hms_opt(9, 30, 0).unwrap(),
        kind: Kind::Appeal,
        category: "劳动社保",
        group: false,
        persistence,
    };
    fate(rng, &birth, &handlers(), end())
}

#[test]
fn every_life_takes_only_steps_the_state_allows_in_time_order_on_working_days() {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let mut left = 0;
    for i in 0..3000u64 {
        let opened = end() - Days::new(i % 700);
        let persistence = if i % 10 == 0 {
            Persistence::Veteran
        } else {
            Persistence::Once
        };
        let f = draw(&mut rng, opened, persistence);
        let mut state = CaseState::Registered;
        let mut last = opened.and_hms_opt(9, 30, 0).unwrap();
        for (at, step) in &f.steps {
            assert!(*at > last, "{f:?}");
            assert!(at.date() <= end());
            assert_ne!(day_kind(at.date()), DayKind::Rest, "{at}");
            last = *at;
            if let Some(m) = as_move(*step) {
                state = apply(state, &m).unwrap_or_else(|e| panic!("{e}: {f:?}"));
            }
            if matches!(step, Step::Urge { .. } | Step::Extend { .. }) {
                assert_eq!(state, CaseState::InHandling, "{f:?}");
            }
        }
        if let Some(day) = f.leaves_on {
            left += 1;
            assert!(!state.is_open(), "{f:?}");
            let leaving = f
                .steps
                .iter()
                .find(|(_, s)| matches!(s, Step::Close | Step::Forward(_) | Step::NotAccept(_)));
            assert_eq!(leaving.map(|(at, _)| at.date()), Some(day), "{f:?}");
        }
        if persistence == Persistence::Veteran {
            assert!(
                state.is_open(),
                "a long-term petitioner's matter stays open"
            );
        }
    }
    assert!(left > 1500, "most matters leave the desk: {left}");
}

#[test]
fn a_realistic_share_is_forwarded_refused_late_extended_or_reviewed() {
    let mut rng = ChaCha8Rng::seed_from_u64(2);
    let old = NaiveDate::from_ymd_opt(2025, 6, 2).unwrap();
    let fates: Vec<Fate> = (0..4000)
        .map(|_| draw(&mut rng, old, Persistence::Once))
        .collect();
    let share = |f: &dyn Fn(&Fate) -> bool| {
        fates.iter().filter(|x| f(x)).count() as f64 / fates.len() as f64
    };
    let has = |s: fn(&Step) -> bool| move |f: &Fate| f.steps.iter().any(|(_, x)| s(x));
    let left_early = share(&has(|s| matches!(s, Step::Forward(_) | Step::NotAccept(_))));
    assert!((0.1..0.25).contains(&left_early), "{left_early}");
    let extended = share(&has(|s| matches!(s, Step::Extend { .. })));
    assert!((0.02..0.1).contains(&extended), "{extended}");
    let supervised = share(&has(
        |s| matches!(s, Step::Urge { level, .. } if *level > Escalation::Reminder),
    ));
    assert!((0.05..0.2).contains(&supervised), "{supervised}");
    let reviewed = share(&has(|s| matches!(s, Step::RequestReview)));
    assert!((0.03..0.15).contains(&reviewed), "{reviewed}");
    let closed = share(&has(|s| matches!(s, Step::Close)));
    assert!(closed > 0.7, "{closed}");
    // Nothing is drawn for a matter opened on the last day but its future.
    let young = draw(&mut rng, end(), Persistence::Once);
    assert!(young.steps.is_empty() && young.leaves_on.is_none());
    assert!(
        fates
            .iter()
            .all(|f| f.steps.iter().all(|(at, _)| at.year() >= 2025))
    );
}

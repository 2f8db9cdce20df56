//! What a pending row says about a matter, and that a visit updates it as a full rebuild would.

use super::*;
use crate::domain::ledger::Stamp;
use crate::domain::lifecycle::Move;
use crate::domain::organisation::LeaderId;
use crate::domain::supervision::Escalation;
use crate::domain::test_matters::*;
use crate::domain::visit::VisitId;

#[test]
fn a_row_carries_what_the_lists_show() {
    let mut m = handling(7, d(2026, 6, 1), d(2026, 6, 3));
    m.package.responsible = Some(LeaderId(2));
    m.flag_collective_study(true, "涉及多人", &on(d(2026, 6, 4)))
        .unwrap();
    let row = MatterRow::of(&m, "张三");
    assert_eq!(row.id, m.case.id);
    assert_eq!(row.number, m.case.number);
    assert_eq!(row.petitioner, "张三");
    assert_eq!(row.category, "劳动社保");
    assert_eq!(row.state, CaseState::InHandling);
    assert_eq!(row.opened_at, m.case.opened_at);
    assert_eq!(row.responsible, Some(LeaderId(2)));
    assert_eq!(row.department, Some(DepartmentId(4)));
    assert!(row.collective_study);
    assert_eq!(row.clock, StageClock::of(&m));
}

#[test]
fn visits_are_not_progress_but_steps_plans_teams_and_answers_to_urges_are() {
    let mut m = opened(1, d(2026, 6, 1));
    revisit(&mut m, 2, d(2026, 6, 5));
    assert_eq!(MatterRow::of(&m, "张三").last_progress, d(2026, 6, 1));
    step(&mut m, Move::Accept, d(2026, 6, 8));
    assert_eq!(MatterRow::of(&m, "张三").last_progress, d(2026, 6, 8));
    m.set_plan("先核实欠薪金额", &on(d(2026, 6, 12))).unwrap();
    revisit(&mut m, 3, d(2026, 6, 20));
    assert_eq!(MatterRow::of(&m, "张三").last_progress, d(2026, 6, 12));
    m.set_team(&["刘洋".into()], &on(d(2026, 6, 22))).unwrap();
    assert_eq!(MatterRow::of(&m, "张三").last_progress, d(2026, 6, 22));
    m.set_tier(Some("复杂"), &on(d(2026, 6, 25))).unwrap();
    assert_eq!(
        MatterRow::of(&m, "张三").last_progress,
        d(2026, 6, 22),
        "choosing a tier is not work on the matter"
    );
}

#[test]
fn only_visits_since_the_clock_started_count_as_coming_again() {
    let mut m = opened(1, d(2026, 6, 1));
    assert_eq!(MatterRow::of(&m, "张三").last_revisit, None);
    revisit(&mut m, 2, d(2026, 6, 5));
    assert_eq!(MatterRow::of(&m, "张三").last_revisit, Some(d(2026, 6, 5)));
    step(&mut m, Move::Accept, d(2026, 6, 8));
    assert_eq!(
        MatterRow::of(&m, "张三").last_revisit,
        None,
        "the visit came before handling started"
    );
    revisit(&mut m, 3, d(2026, 7, 1));
    assert_eq!(MatterRow::of(&m, "张三").last_revisit, Some(d(2026, 7, 1)));
}

#[test]
fn open_urges_and_the_highest_escalation_are_listed() {
    let mut m = handling(1, d(2026, 6, 1), d(2026, 6, 2));
    let urge = |level, text: &str| crate::domain::matter::MatterChange::Urge {
        level,
        department: None,
        response_by: d(2026, 7, 10),
        text: text.into(),
    };
    let s = on(d(2026, 7, 1));
    m.change(&urge(Escalation::Reminder, "催办"), &s, Some(1))
        .unwrap();
    m.change(&urge(Escalation::Notice, "督办"), &s, Some(1))
        .unwrap();
    let reminder = UrgeNo {
        year: 2026,
        seq: 1,
        level: Escalation::Reminder,
    };
    m.answer_urge(reminder, &on(d(2026, 7, 3))).unwrap();
    let row = MatterRow::of(&m, "张三");
    let notice = UrgeNo {
        level: Escalation::Notice,
        ..reminder
    };
    assert_eq!(row.open_urges, [(notice, d(2026, 7, 10))]);
    assert_eq!(row.escalation, Some(Escalation::Notice));
}

#[test]
fn a_visit_updates_the_row_as_rebuilding_it_would() {
    let mut registered = opened(1, d(2026, 6, 1));
    let mut handled = handling(2, d(2026, 6, 1), d(2026, 6, 3));
    let mut answered = handling(3, d(2026, 6, 1), d(2026, 6, 3));
    step(&mut answered, answer(), d(2026, 7, 1));
    let mut re_reviewed = handling(4, d(2026, 3, 1), d(2026, 3, 2));
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
        step(&mut re_reviewed, s, d(2026, 5, 1));
    }
    for (n, m) in [
        &mut registered,
        &mut handled,
        &mut answered,
        &mut re_reviewed,
    ]
    .into_iter()
    .enumerate()
    {
        let mut row = MatterRow::of(m, "张三");
        let stamp = Stamp::new(d(2026, 7, 9).and_hms_opt(9, 0, 0).unwrap(), "登记员乙");
        let noted = m.note_visit(VisitId(50 + n as u64), Some(LeaderId(9)), &stamp);
        row.after_visit(&m.case, &m.package, &noted.events, "张三丰");
        assert_eq!(row, MatterRow::of(m, "张三丰"), "matter in {:?}", m.state());
    }
    assert_eq!(
        MatterRow::of(&re_reviewed, "张三").last_revisit,
        None,
        "no limit runs after re-review"
    );
}

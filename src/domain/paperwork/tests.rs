use super::*;
use crate::domain::lifecycle::Move;
use crate::domain::matter::MatterChange;
use crate::domain::supervision::Escalation;
use crate::domain::test_matters::*;

fn urged(m: &mut Matter, level: Escalation, seq: u32, department: Option<DepartmentId>) {
    let change = MatterChange::Urge {
        level,
        department,
        response_by: d(2026, 7, 20),
        text: "请抓紧办理".into(),
    };
    m.change(&change, &on(d(2026, 7, 1)), Some(seq)).unwrap();
}

#[test]
fn an_acceptance_notice_needs_a_matter_that_was_accepted_and_assigned() {
    let registered = opened(1, d(2026, 6, 1));
    assert_eq!(
        check(Paper::Acceptance, &registered, None),
        Err(Refusal::NeverAccepted {
            state: CaseState::Registered
        })
    );
    let mut refused = opened(2, d(2026, 6, 1));
    let reason = "不属于信访事项".to_string();
    step(&mut refused, Move::NotAccept { reason }, d(2026, 6, 2));
    step(&mut refused, Move::Archive, d(2026, 6, 3));
    assert_eq!(
        check(Paper::Acceptance, &refused, None),
        Err(Refusal::NeverAccepted {
            state: CaseState::Archived
        })
    );
    let mut accepted = opened(3, d(2026, 6, 1));
    step(&mut accepted, Move::Accept, d(2026, 6, 2));
    assert_eq!(
        check(Paper::Acceptance, &accepted, None),
        Err(Refusal::NotAssigned {
            state: CaseState::Accepted
        })
    );
    let handling = handling(4, d(2026, 6, 1), d(2026, 6, 2));
    assert_eq!(
        check(Paper::Acceptance, &handling, None).map(|r| r.department),
        Ok(DepartmentId(4))
    );
}

#[test]
fn an_assignment_sheet_needs_a_department() {
    let mut accepted = opened(1, d(2026, 6, 1));
    step(&mut accepted, Move::Accept, d(2026, 6, 2));
    assert!(matches!(
        check(Paper::Assignment, &accepted, None),
        Err(Refusal::NotAssigned { .. })
    ));
    step(&mut accepted, assign(), d(2026, 6, 2));
    assert!(check(Paper::Assignment, &accepted, None).is_ok());
}

#[test]
fn a_reminder_takes_the_latest_of_its_series_or_the_one_asked_for_and_no_other() {
    let mut m = handling(1, d(2026, 6, 1), d(2026, 6, 2));
    assert_eq!(
        check(Paper::Reminder, &m, None),
        Err(Refusal::NoUrge {
            kind: UrgeKind::Reminder
        })
    );
    urged(&mut m, Escalation::Reminder, 167, None);
    urged(&mut m, Escalation::Reminder, 168, Some(DepartmentId(9)));
    urged(&mut m, Escalation::Notice, 5, None);
    let latest = check(Paper::Reminder, &m, None).unwrap();
    assert_eq!(latest.urge, Some(no(168, Escalation::Reminder)));
    assert_eq!(
        latest.department,
        DepartmentId(9),
        "the urge's own addressee"
    );
    let asked = check(Paper::Reminder, &m, Some("催〔２０２６〕167号")).unwrap();
    assert_eq!(asked.urge, Some(no(167, Escalation::Reminder)));
    assert_eq!(asked.department, DepartmentId(4), "the lead department");
    assert_eq!(
        check(Paper::Supervision, &m, Some("S-2026/5")).map(|r| r.urge),
        Ok(Some(no(5, Escalation::Notice)))
    );
    assert_eq!(
        check(Paper::Supervision, &m, Some("督〔2019〕1号")),
        Err(Refusal::UnknownUrge {
            asked: "督〔2019〕1号".into(),
            kind: UrgeKind::Supervision,
            known: vec![no(5, Escalation::Notice)],
        })
    );
    // A reminder's number is not a supervision notice's.
    assert!(matches!(
        check(Paper::Supervision, &m, Some("催〔2026〕5号")),
        Err(Refusal::UnknownUrge { .. })
    ));
}

#[test]
fn typed_numbers_are_read_in_either_form() {
    assert_eq!(
        parse_urge(" 督〔2026〕163号 "),
        Some((Some(UrgeKind::Supervision), 2026, 163))
    );
    assert_eq!(
        parse_urge("R-2026/3"),
        Some((Some(UrgeKind::Reminder), 2026, 3))
    );
    assert_eq!(parse_urge("2026-3"), Some((None, 2026, 3)));
    assert_eq!(parse_urge("督办"), None);
}

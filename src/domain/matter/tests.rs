use super::*;
use crate::domain::petitioner::PetitionerId;
use crate::domain::serial::SerialNo;
use crate::domain::visit::Kind;
use chrono::{NaiveDate, NaiveDateTime};

const A: LeaderId = LeaderId(1);
const B: LeaderId = LeaderId(2);

fn at(day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

fn stamp(day: u32) -> Stamp {
    Stamp::new(at(day), "李文")
}

fn matter() -> Matter {
    let case = Case {
        id: crate::domain::case::CaseId(7),
        number: SerialNo { year: 2026, seq: 7 },
        petitioner_id: PetitionerId(3),
        first_visit: VisitId(10),
        opened_at: at(4),
        last_visit_at: at(4),
        visit_count: 1,
        kind: Kind::Appeal,
        category: "征地拆迁".into(),
        summary: "补偿款未到位".into(),
        state: CaseState::Registered,
    };
    Matter::new(case, Package::default(), Vec::new())
}

#[test]
fn the_first_visit_registers_and_gives_the_matter_to_the_receiving_leader() {
    let mut m = matter();
    let noted = m.note_visit(VisitId(10), Some(A), &stamp(4));
    assert_eq!(noted.responsibility, OnVisit::Set(A));
    assert_eq!(m.package.responsible, Some(A));
    let kinds: Vec<_> = noted.events.iter().map(|e| e.what.clone()).collect();
    assert_eq!(
        kinds,
        [
            EventKind::Registered { visit: VisitId(10) },
            EventKind::ResponsibilitySet {
                leader: A,
                visit: Some(VisitId(10))
            },
        ]
    );
    assert_eq!(m.ledger, noted.events);
    assert_eq!(m.ledger[0].by, "李文");
    assert_eq!(m.ledger[0].at, at(4));
}

#[test]
fn a_second_visit_to_another_leader_keeps_the_first_and_says_so() {
    let mut m = matter();
    m.note_visit(VisitId(10), Some(A), &stamp(4));
    let noted = m.note_visit(VisitId(11), Some(B), &stamp(11));
    assert_eq!(
        noted.responsibility,
        OnVisit::KeptFirst {
            holder: A,
            receiving: B
        }
    );
    assert_eq!(m.package.responsible, Some(A));
    assert_eq!(
        noted.events[1].what,
        EventKind::ResponsibilityKept {
            holder: A,
            receiving: B,
            visit: VisitId(11)
        }
    );
    assert_eq!(
        noted.events[0].what,
        EventKind::Revisited { visit: VisitId(11) }
    );
}

#[test]
fn a_visit_without_a_leader_then_one_with_sets_the_holder_at_the_later_one() {
    let mut m = matter();
    m.note_visit(VisitId(10), None, &stamp(4));
    assert_eq!(m.package.responsible, None);
    let noted = m.note_visit(VisitId(11), Some(B), &stamp(11));
    assert_eq!(noted.responsibility, OnVisit::Set(B));
}

#[test]
fn a_transfer_records_the_old_holder_and_who_approved_it() {
    let mut m = matter();
    m.note_visit(VisitId(10), Some(A), &stamp(4));
    let t = Transfer {
        to: B,
        reason: " 分管工作调整 ".into(),
        approved_by: "王局长".into(),
    };
    let event = m.transfer(t, "", &stamp(12)).unwrap();
    assert_eq!(
        event.what,
        EventKind::ResponsibilityTransferred {
            from: A,
            to: B,
            reason: "分管工作调整".into(),
            approved_by: "王局长".into(),
        }
    );
    assert_eq!(m.package.responsible, Some(B));
    assert_eq!(m.previous_holders(), [A]);
    assert_eq!(m.ledger.last(), Some(&event));
}

#[test]
fn a_refused_transfer_changes_nothing() {
    let mut m = matter();
    m.note_visit(VisitId(10), Some(A), &stamp(4));
    let before = m.clone();
    let t = Transfer {
        to: B,
        reason: "".into(),
        approved_by: "王局长".into(),
    };
    assert_eq!(
        m.transfer(t, "", &stamp(12)),
        Err(MatterError::Transfer(TransferError::ReasonRequired))
    );
    assert_eq!(m, before);
}

#[test]
fn a_step_changes_the_state_and_writes_who_when_what_and_the_note() {
    let mut m = matter();
    let event = m.apply(Move::Accept, " 符合受理条件 ", &stamp(5)).unwrap();
    assert_eq!(m.state(), CaseState::Accepted);
    assert_eq!(
        event,
        LedgerEvent {
            at: at(5),
            by: "李文".into(),
            what: EventKind::Moved {
                from: CaseState::Registered,
                to: CaseState::Accepted,
                step: Move::Accept,
            },
            note: "符合受理条件".into(),
        }
    );
    let assign = Move::Assign {
        department: DepartmentId(4),
        co_departments: vec![DepartmentId(5)],
    };
    m.apply(assign, "", &stamp(5)).unwrap();
    assert_eq!(m.package.department, Some(DepartmentId(4)));
    assert_eq!(m.package.co_departments, [DepartmentId(5)]);
    assert_eq!(
        m.possible_moves(),
        [MoveKind::StartHandling, MoveKind::Assign]
    );
}

#[test]
fn an_illegal_or_incomplete_step_changes_nothing() {
    let mut m = matter();
    let before = m.clone();
    assert!(matches!(
        m.apply(Move::Close, "", &stamp(5)),
        Err(MatterError::Illegal(_))
    ));
    assert_eq!(
        m.apply(Move::NotAccept { reason: "".into() }, "", &stamp(5)),
        Err(MatterError::Data(MoveDataError::ReasonRequired))
    );
    assert_eq!(m, before);
}

#[test]
fn a_re_reviewed_matter_stays_barred_after_it_is_closed_and_settled() {
    let mut m = matter();
    let steps = [
        Move::Accept,
        Move::Assign {
            department: DepartmentId(4),
            co_departments: vec![],
        },
        Move::StartHandling,
        Move::Answer {
            text: "答复".into(),
        },
        Move::RequestReview,
        Move::AnswerReview {
            text: "维持".into(),
        },
        Move::RequestReReview,
    ];
    for step in steps {
        m.apply(step, "", &stamp(6)).unwrap();
        assert!(!m.package.no_reacceptance);
    }
    m.apply(
        Move::AnswerReReview {
            text: "维持".into(),
        },
        "",
        &stamp(20),
    )
    .unwrap();
    assert!(m.package.no_reacceptance);
    m.apply(Move::Close, "", &stamp(21)).unwrap();
    m.apply(Move::Settle, "", &stamp(22)).unwrap();
    assert_eq!(m.state(), CaseState::Settled);
    assert!(m.package.no_reacceptance);
}

#[test]
fn collective_study_team_and_plan_are_written_only_when_they_change() {
    let mut m = matter();
    let e = m.flag_collective_study(true, "群体性", &stamp(5)).unwrap();
    assert_eq!(
        e.map(|e| e.what),
        Some(EventKind::CollectiveStudy { flagged: true })
    );
    assert_eq!(m.flag_collective_study(true, "", &stamp(5)), Ok(None));
    assert!(m.package.collective_study);

    let team = ["张伟".to_string(), " 张伟".into(), "".into(), "刘洋".into()];
    let e = m.set_team(&team, &stamp(5)).unwrap().unwrap();
    assert_eq!(
        e.what,
        EventKind::TeamChanged {
            team: vec!["张伟".into(), "刘洋".into()]
        }
    );
    assert_eq!(m.set_team(&team, &stamp(6)), Ok(None));

    assert!(m.set_plan("先核实补偿标准", &stamp(5)).unwrap().is_some());
    assert_eq!(m.set_plan(" 先核实补偿标准\n", &stamp(6)), Ok(None));
    assert_eq!(m.ledger.len(), 3);
}

#[test]
fn an_archived_matter_takes_no_more_changes() {
    let mut m = matter();
    m.apply(
        Move::Forward {
            to: "县法院".into(),
        },
        "",
        &stamp(5),
    )
    .unwrap();
    m.apply(Move::Archive, "", &stamp(6)).unwrap();
    assert_eq!(m.set_plan("x", &stamp(7)), Err(MatterError::Archived));
    assert_eq!(
        m.flag_collective_study(true, "", &stamp(7)),
        Err(MatterError::Archived)
    );
    assert!(matches!(
        m.apply(Move::Accept, "", &stamp(7)),
        Err(MatterError::Illegal(IllegalMove { possible, .. })) if possible.is_empty()
    ));
}

#[test]
fn a_matter_nobody_holds_gets_its_leader_by_appointment_and_only_once() {
    let mut m = matter();
    assert_eq!(m.package.responsible, None);
    let e = m.appoint(LeaderId(7), "县委研究决定", &stamp(3)).unwrap();
    assert_eq!(m.package.responsible, Some(LeaderId(7)));
    assert_eq!(
        e.what,
        EventKind::ResponsibilitySet {
            leader: LeaderId(7),
            visit: None
        }
    );
    assert_eq!(e.note, "县委研究决定");
    assert_eq!(
        m.appoint(LeaderId(8), "", &stamp(4)),
        Err(MatterError::AlreadyHeld(LeaderId(7)))
    );
    assert_eq!(m.package.responsible, Some(LeaderId(7)));
}

#[test]
fn an_imported_state_is_set_once_on_an_untouched_matter_and_its_clock_counts_from_opening() {
    let mut m = matter();
    let event = m
        .import_state(CaseState::InHandling, Some(DepartmentId(4)), &stamp(5))
        .unwrap();
    assert_eq!(m.state(), CaseState::InHandling);
    assert_eq!(
        event.map(|e| e.what),
        Some(EventKind::Imported {
            state: CaseState::InHandling,
            department: Some(DepartmentId(4)),
        })
    );
    let clock = crate::domain::deadline::StageClock::of(&m).unwrap();
    assert_eq!(
        clock.start,
        at(4).date(),
        "from the opening, no step started it"
    );
    // The same state again, as a second import of the same file: nothing.
    assert_eq!(m.package.department, Some(DepartmentId(4)));
    assert_eq!(
        m.import_state(CaseState::InHandling, None, &stamp(6)),
        Ok(None)
    );
    assert_eq!(m.ledger.len(), 1);
    // Another state once it has one, or after a real step: refused, nothing changed.
    assert_eq!(
        m.import_state(CaseState::Closed, None, &stamp(6)),
        Err(MatterError::ImportAfterWork)
    );
    let mut stepped = matter();
    stepped.apply(Move::Accept, "", &stamp(5)).unwrap();
    assert_eq!(
        stepped.import_state(CaseState::Closed, None, &stamp(6)),
        Err(MatterError::ImportAfterWork)
    );
    assert_eq!(stepped.state(), CaseState::Accepted);
}

use super::*;
use CaseState as S;

fn sample(kind: MoveKind) -> Move {
    match kind {
        MoveKind::Accept => Move::Accept,
        MoveKind::NotAccept => Move::NotAccept {
            reason: "已由法院受理".into(),
        },
        MoveKind::Forward => Move::Forward {
            to: "市自然资源局".into(),
        },
        MoveKind::Assign => Move::Assign {
            department: DepartmentId(1),
            co_departments: vec![DepartmentId(2)],
        },
        MoveKind::StartHandling => Move::StartHandling,
        MoveKind::Answer => Move::Answer {
            text: "补发拆迁补偿款".into(),
        },
        MoveKind::RequestReview => Move::RequestReview,
        MoveKind::AnswerReview => Move::AnswerReview {
            text: "维持原处理意见".into(),
        },
        MoveKind::RequestReReview => Move::RequestReReview,
        MoveKind::AnswerReReview => Move::AnswerReReview {
            text: "维持复查意见".into(),
        },
        MoveKind::Close => Move::Close,
        MoveKind::Settle => Move::Settle,
        MoveKind::Archive => Move::Archive,
    }
}

/// Written out by hand from DOMAIN.md, separately from the table it checks.
const LEGAL: &[(CaseState, MoveKind, CaseState)] = &[
    (S::Registered, MoveKind::Accept, S::Accepted),
    (S::Registered, MoveKind::NotAccept, S::NotAccepted),
    (S::Registered, MoveKind::Forward, S::Forwarded),
    (S::Accepted, MoveKind::Assign, S::Assigned),
    (S::Assigned, MoveKind::StartHandling, S::InHandling),
    (S::Assigned, MoveKind::Assign, S::Assigned),
    (S::InHandling, MoveKind::Answer, S::Answered),
    (S::Answered, MoveKind::RequestReview, S::ReviewRequested),
    (S::Answered, MoveKind::Close, S::Closed),
    (
        S::ReviewRequested,
        MoveKind::AnswerReview,
        S::ReviewAnswered,
    ),
    (
        S::ReviewAnswered,
        MoveKind::RequestReReview,
        S::ReReviewRequested,
    ),
    (S::ReviewAnswered, MoveKind::Close, S::Closed),
    (
        S::ReReviewRequested,
        MoveKind::AnswerReReview,
        S::ReReviewAnswered,
    ),
    (S::ReReviewAnswered, MoveKind::Close, S::Closed),
    (S::Closed, MoveKind::Settle, S::Settled),
    (S::Closed, MoveKind::Archive, S::Archived),
    (S::NotAccepted, MoveKind::Archive, S::Archived),
    (S::Forwarded, MoveKind::Archive, S::Archived),
    (S::Settled, MoveKind::Archive, S::Archived),
];

#[test]
fn every_legal_move_leads_where_the_domain_says() {
    for &(from, kind, to) in LEGAL {
        assert_eq!(apply(from, &sample(kind)), Ok(to), "{from:?} --{kind:?}-->");
    }
}

#[test]
fn every_other_move_is_refused_naming_what_is_possible() {
    for from in CaseState::ALL {
        for kind in MoveKind::ALL {
            if LEGAL.iter().any(|&(f, k, _)| f == from && k == kind) {
                continue;
            }
            let err = apply(from, &sample(kind)).unwrap_err();
            assert_eq!(err.from, from);
            assert_eq!(err.tried, kind);
            let expected: Vec<_> = LEGAL
                .iter()
                .filter(|(f, _, _)| *f == from)
                .map(|(_, k, _)| *k)
                .collect();
            assert_eq!(err.possible, expected, "{from:?} --{kind:?}-->");
        }
    }
}

#[test]
fn a_registered_matter_cannot_be_closed_straight_away() {
    assert_eq!(
        apply(S::Registered, &Move::Close),
        Err(IllegalMove {
            from: S::Registered,
            tried: MoveKind::Close,
            possible: vec![MoveKind::Accept, MoveKind::NotAccept, MoveKind::Forward],
        })
    );
}

#[test]
fn the_whole_life_runs_from_registration_to_the_archive() {
    let mut state = S::default();
    for kind in [
        MoveKind::Accept,
        MoveKind::Assign,
        MoveKind::StartHandling,
        MoveKind::Answer,
        MoveKind::RequestReview,
        MoveKind::AnswerReview,
        MoveKind::RequestReReview,
        MoveKind::AnswerReReview,
        MoveKind::Close,
        MoveKind::Settle,
        MoveKind::Archive,
    ] {
        state = apply(state, &sample(kind)).unwrap();
    }
    assert_eq!(state, S::Archived);
    assert!(possible_moves(state).is_empty());
}

#[test]
fn open_means_still_the_desks_business() {
    let open: Vec<_> = CaseState::ALL.into_iter().filter(|s| s.is_open()).collect();
    assert_eq!(
        open,
        [
            S::Registered,
            S::Accepted,
            S::Assigned,
            S::InHandling,
            S::Answered,
            S::ReviewRequested,
            S::ReviewAnswered,
            S::ReReviewRequested,
            S::ReReviewAnswered,
        ]
    );
}

#[test]
fn a_moves_data_is_checked() {
    assert_eq!(
        check_move(&Move::NotAccept {
            reason: " \u{3000}".into()
        }),
        Err(MoveDataError::ReasonRequired)
    );
    assert_eq!(
        check_move(&Move::Forward { to: "".into() }),
        Err(MoveDataError::ForwardTargetRequired)
    );
    assert_eq!(
        check_move(&Move::Assign {
            department: DepartmentId(1),
            co_departments: vec![DepartmentId(2), DepartmentId(1)],
        }),
        Err(MoveDataError::LeadIsCoDepartment)
    );
    assert_eq!(
        check_move(&Move::Assign {
            department: DepartmentId(1),
            co_departments: vec![DepartmentId(2), DepartmentId(3), DepartmentId(2)],
        }),
        Err(MoveDataError::DuplicateCoDepartment)
    );
    for kind in MoveKind::ALL {
        assert_eq!(check_move(&sample(kind)), Ok(()), "{kind:?}");
    }
}

#[test]
fn only_the_re_review_answer_bars_the_same_facts() {
    let barring: Vec<_> = MoveKind::ALL
        .into_iter()
        .filter(|k| bars_reacceptance(&sample(*k)))
        .collect();
    assert_eq!(barring, [MoveKind::AnswerReReview]);
}

#[test]
fn every_move_kind_has_a_sample_of_that_kind() {
    for kind in MoveKind::ALL {
        assert_eq!(sample(kind).kind(), kind);
    }
}

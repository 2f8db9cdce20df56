//! The life of a petition matter (信访事项) as a state machine: which step may follow which.
//!
//! `CaseState` is stored inside every `Case` (bincode writes the variant's position), so new
//! states go at the end, never between, and none is ever removed or reordered.

use serde::{Deserialize, Serialize};

use super::organisation::DepartmentId;

/// Where a matter stands. The declaration order is the stored encoding, not the order of life;
/// `possible_moves` says what may follow what.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CaseState {
    #[default]
    Registered,
    Accepted,
    NotAccepted,
    Forwarded,
    Assigned,
    InHandling,
    Answered,
    ReviewRequested,
    ReviewAnswered,
    ReReviewRequested,
    ReReviewAnswered,
    Closed,
    Settled,
    Archived,
}

impl CaseState {
    pub const ALL: [CaseState; 14] = [
        CaseState::Registered,
        CaseState::Accepted,
        CaseState::NotAccepted,
        CaseState::Forwarded,
        CaseState::Assigned,
        CaseState::InHandling,
        CaseState::Answered,
        CaseState::ReviewRequested,
        CaseState::ReviewAnswered,
        CaseState::ReReviewRequested,
        CaseState::ReReviewAnswered,
        CaseState::Closed,
        CaseState::Settled,
        CaseState::Archived,
    ];

    /// Still the desk's business: a new visit may join it and it counts as pending. An answered
    /// matter stays open because the petitioner may still ask for review; a matter not accepted
    /// or forwarded to another body has left this desk.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            CaseState::NotAccepted
                | CaseState::Forwarded
                | CaseState::Closed
                | CaseState::Settled
                | CaseState::Archived
        )
    }
}

/// A step in a matter's life, with what the step needs to be recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Move {
    Accept,
    NotAccept {
        reason: String,
    },
    /// To the competent body (转送), which need not be one of the office's departments.
    Forward {
        to: String,
    },
    /// 交办: a lead department (承办单位) and those who help it (协办单位).
    Assign {
        department: DepartmentId,
        co_departments: Vec<DepartmentId>,
    },
    StartHandling,
    /// The written answer (处理意见); the text may also live in an attached document.
    Answer {
        text: String,
    },
    RequestReview,
    AnswerReview {
        text: String,
    },
    RequestReReview,
    AnswerReReview {
        text: String,
    },
    Close,
    Settle,
    Archive,
}

/// The name of a step without its data: what menus list and what errors name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MoveKind {
    Accept,
    NotAccept,
    Forward,
    Assign,
    StartHandling,
    Answer,
    RequestReview,
    AnswerReview,
    RequestReReview,
    AnswerReReview,
    Close,
    Settle,
    Archive,
}

impl MoveKind {
    pub const ALL: [MoveKind; 13] = [
        MoveKind::Accept,
        MoveKind::NotAccept,
        MoveKind::Forward,
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
    ];
}

impl Move {
    pub fn kind(&self) -> MoveKind {
        match self {
            Move::Accept => MoveKind::Accept,
            Move::NotAccept { .. } => MoveKind::NotAccept,
            Move::Forward { .. } => MoveKind::Forward,
            Move::Assign { .. } => MoveKind::Assign,
            Move::StartHandling => MoveKind::StartHandling,
            Move::Answer { .. } => MoveKind::Answer,
            Move::RequestReview => MoveKind::RequestReview,
            Move::AnswerReview { .. } => MoveKind::AnswerReview,
            Move::RequestReReview => MoveKind::RequestReReview,
            Move::AnswerReReview { .. } => MoveKind::AnswerReReview,
            Move::Close => MoveKind::Close,
            Move::Settle => MoveKind::Settle,
            Move::Archive => MoveKind::Archive,
        }
    }
}

/// The one table of the life of a matter: from each state, the steps allowed and where they
/// lead, in the order a menu offers them.
fn table(state: CaseState) -> &'static [(MoveKind, CaseState)] {
    use CaseState as S;
    use MoveKind as M;
    match state {
        S::Registered => &[
            (M::Accept, S::Accepted),
            (M::NotAccept, S::NotAccepted),
            (M::Forward, S::Forwarded),
        ],
        S::Accepted => &[(M::Assign, S::Assigned)],
        // Assigning again is how a department that objects to its remit (第23条) is replaced.
        S::Assigned => &[(M::StartHandling, S::InHandling), (M::Assign, S::Assigned)],
        S::InHandling => &[(M::Answer, S::Answered)],
        // An answer reopens through review (复查, 第35条); closing is the office's call once the
        // petitioner accepts or the window has passed.
        S::Answered => &[
            (M::RequestReview, S::ReviewRequested),
            (M::Close, S::Closed),
        ],
        S::ReviewRequested => &[(M::AnswerReview, S::ReviewAnswered)],
        S::ReviewAnswered => &[
            (M::RequestReReview, S::ReReviewRequested),
            (M::Close, S::Closed),
        ],
        S::ReReviewRequested => &[(M::AnswerReReview, S::ReReviewAnswered)],
        // After re-review the same facts are not accepted again (第36条): nothing reopens it.
        S::ReReviewAnswered => &[(M::Close, S::Closed)],
        S::Closed => &[(M::Settle, S::Settled), (M::Archive, S::Archived)],
        S::NotAccepted | S::Forwarded | S::Settled => &[(M::Archive, S::Archived)],
        S::Archived => &[],
    }
}

/// The steps allowed from `state`, in menu order.
pub fn possible_moves(state: CaseState) -> Vec<MoveKind> {
    table(state).iter().map(|(m, _)| *m).collect()
}

/// A step that the matter's state does not allow; carries what is allowed instead.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot {tried:?} a matter that is {from:?}; possible: {possible:?}")]
pub struct IllegalMove {
    pub from: CaseState,
    pub tried: MoveKind,
    pub possible: Vec<MoveKind>,
}

/// Where `step` leads from `state`, or why it cannot be taken. Only the state is checked here;
/// the step's own data is checked by `check_move`.
pub fn apply(state: CaseState, step: &Move) -> Result<CaseState, IllegalMove> {
    let tried = step.kind();
    table(state)
        .iter()
        .find(|(m, _)| *m == tried)
        .map(|(_, to)| *to)
        .ok_or_else(|| IllegalMove {
            from: state,
            tried,
            possible: possible_moves(state),
        })
}

/// A step whose data is incomplete or contradicts itself.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoveDataError {
    #[error("a matter not accepted needs the reason")]
    ReasonRequired,
    #[error("a forwarded matter needs the body it goes to")]
    ForwardTargetRequired,
    #[error("the lead department cannot also be a co-department")]
    LeadIsCoDepartment,
    #[error("a co-department is named twice")]
    DuplicateCoDepartment,
}

/// Checks what the step carries; the reason not to accept is told to the petitioner, so it
/// cannot be blank.
pub fn check_move(step: &Move) -> Result<(), MoveDataError> {
    match step {
        Move::NotAccept { reason } if reason.trim().is_empty() => {
            Err(MoveDataError::ReasonRequired)
        }
        Move::Forward { to } if to.trim().is_empty() => Err(MoveDataError::ForwardTargetRequired),
        Move::Assign {
            department,
            co_departments,
        } => {
            if co_departments.contains(department) {
                return Err(MoveDataError::LeadIsCoDepartment);
            }
            let mut seen = co_departments.clone();
            seen.sort();
            seen.dedup();
            if seen.len() != co_departments.len() {
                return Err(MoveDataError::DuplicateCoDepartment);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// True once the re-review has been answered: from then on the same facts are not accepted
/// again (不再受理, 第36条). Only the step itself is known here; the matter keeps the flag.
pub fn bars_reacceptance(step: &Move) -> bool {
    matches!(step, Move::AnswerReReview { .. })
}

#[cfg(test)]
mod tests;

//! First-receiving leader responsibility (首接负责 / 包案): "谁接访、谁负责、谁包案、谁解决".
//! The first leader to receive a matter holds it until it is settled; a later reception by
//! another leader does not take it away, only an explicit, approved transfer does.

use super::organisation::LeaderId;

/// What a visit does to a matter's responsible leader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnVisit {
    /// Nobody held the matter: the receiving leader takes it.
    Set(LeaderId),
    /// Another leader received the petitioner; the first holder keeps the matter, and the desk
    /// says who that is.
    KeptFirst {
        holder: LeaderId,
        receiving: LeaderId,
    },
    /// Nothing changes: no leader received it, or the holder received it again.
    Unchanged(Option<LeaderId>),
}

impl OnVisit {
    /// The responsible leader after the visit.
    pub fn holder(self) -> Option<LeaderId> {
        match self {
            OnVisit::Set(l) | OnVisit::KeptFirst { holder: l, .. } => Some(l),
            OnVisit::Unchanged(l) => l,
        }
    }
}

/// `current` is the matter's responsible leader, `receiving` the leader whose reception the
/// visit was registered at (or whom the clerk named).
pub fn responsibility_on_visit(current: Option<LeaderId>, receiving: Option<LeaderId>) -> OnVisit {
    match (current, receiving) {
        (None, Some(leader)) => OnVisit::Set(leader),
        (Some(holder), Some(receiving)) if holder != receiving => {
            OnVisit::KeptFirst { holder, receiving }
        }
        (current, _) => OnVisit::Unchanged(current),
    }
}

/// A request to hand the matter to another leader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transfer {
    pub to: LeaderId,
    pub reason: String,
    /// The operator who approved it; a transfer nobody approved is not one.
    pub approved_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TransferError {
    #[error("nobody holds the matter yet; name the responsible leader instead")]
    NobodyHolds,
    #[error("leader {0:?} already holds the matter")]
    SameLeader(LeaderId),
    #[error("a transfer needs its reason")]
    ReasonRequired,
    #[error("a transfer needs the name of who approved it")]
    ApproverRequired,
}

/// Checks a transfer against the current holder; returns the holder it takes the matter from.
pub fn check_transfer(current: Option<LeaderId>, t: &Transfer) -> Result<LeaderId, TransferError> {
    let from = current.ok_or(TransferError::NobodyHolds)?;
    if from == t.to {
        return Err(TransferError::SameLeader(from));
    }
    if t.reason.trim().is_empty() {
        return Err(TransferError::ReasonRequired);
    }
    if t.approved_by.trim().is_empty() {
        return Err(TransferError::ApproverRequired);
    }
    Ok(from)
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: LeaderId = LeaderId(1);
    const B: LeaderId = LeaderId(2);

    #[test]
    fn the_first_receiving_leader_takes_the_matter() {
        assert_eq!(responsibility_on_visit(None, Some(A)), OnVisit::Set(A));
        assert_eq!(OnVisit::Set(A).holder(), Some(A));
    }

    #[test]
    fn a_second_visit_to_another_leader_keeps_the_first() {
        let outcome = responsibility_on_visit(Some(A), Some(B));
        assert_eq!(
            outcome,
            OnVisit::KeptFirst {
                holder: A,
                receiving: B
            }
        );
        assert_eq!(outcome.holder(), Some(A));
    }

    #[test]
    fn without_a_receiving_leader_or_with_the_same_one_nothing_changes() {
        assert_eq!(
            responsibility_on_visit(None, None),
            OnVisit::Unchanged(None)
        );
        assert_eq!(
            responsibility_on_visit(Some(A), None),
            OnVisit::Unchanged(Some(A))
        );
        assert_eq!(
            responsibility_on_visit(Some(A), Some(A)),
            OnVisit::Unchanged(Some(A))
        );
    }

    fn transfer(to: LeaderId, reason: &str, approved_by: &str) -> Transfer {
        Transfer {
            to,
            reason: reason.into(),
            approved_by: approved_by.into(),
        }
    }

    #[test]
    fn a_transfer_names_a_new_leader_a_reason_and_an_approver() {
        assert_eq!(
            check_transfer(Some(A), &transfer(B, "分管调整", "王局长")),
            Ok(A)
        );
        assert_eq!(
            check_transfer(None, &transfer(B, "分管调整", "王局长")),
            Err(TransferError::NobodyHolds)
        );
        assert_eq!(
            check_transfer(Some(A), &transfer(A, "分管调整", "王局长")),
            Err(TransferError::SameLeader(A))
        );
        assert_eq!(
            check_transfer(Some(A), &transfer(B, " \u{3000}", "王局长")),
            Err(TransferError::ReasonRequired)
        );
        assert_eq!(
            check_transfer(Some(A), &transfer(B, "分管调整", "")),
            Err(TransferError::ApproverRequired)
        );
    }
}

//! A petition matter (信访事项): created by its first visit, later visits on the same matter link
//! to it.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::petitioner::PetitionerId;
use super::serial::SerialNo;
use super::visit::{Kind, VisitId};

/// The state lives with the state machine; it is named here too because every `Case` carries
/// one.
pub use super::lifecycle::CaseState;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CaseId(pub u64);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    pub number: SerialNo,
    pub petitioner_id: PetitionerId,
    pub first_visit: VisitId,
    pub opened_at: NaiveDateTime,
    pub last_visit_at: NaiveDateTime,
    pub visit_count: u32,
    pub kind: Kind,
    pub category: String,
    pub summary: String,
    pub state: CaseState,
}

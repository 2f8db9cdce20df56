//! The ledger (台帐) of a matter: everything done to it, who did it and when, in the order it
//! happened. Entries are only ever appended; a correction is a new entry.
//!
//! Entries are stored, so `EventKind` and `Supervision` only grow at the end.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::lifecycle::{CaseState, Move};
use super::organisation::{DepartmentId, LeaderId};
use super::supervision::{Escalation, UrgeNo};
use super::visit::VisitId;

/// Who acts and when. Operators are named as on a visit's `received_by`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub at: NaiveDateTime,
    pub by: String,
}

impl Stamp {
    pub fn new(at: NaiveDateTime, by: impl Into<String>) -> Self {
        Stamp { at, by: by.into() }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEvent {
    pub at: NaiveDateTime,
    pub by: String,
    pub what: EventKind,
    /// The operator's own words; may be empty.
    pub note: String,
}

impl LedgerEvent {
    pub fn new(stamp: &Stamp, what: EventKind, note: impl Into<String>) -> Self {
        LedgerEvent {
            at: stamp.at,
            by: stamp.by.clone(),
            what,
            note: note.into(),
        }
    }
}

/// How far a supervision has been escalated (第39条). Written only by older versions, with
/// `Reminded` and `Supervised`; reminders and supervision are now `Urged`, which carry a
/// document number and a response date. Kept so that what was written still reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Supervision {
    /// 督办单.
    Notice,
    /// 约谈.
    Interview,
    /// 通报.
    Circular,
    /// 挂牌督办.
    Listed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    /// The first visit opened the matter.
    Registered {
        visit: VisitId,
    },
    /// A later contact on the same matter (重复访).
    Revisited {
        visit: VisitId,
    },
    /// A step of the matter's life; `from` and `to` keep the history readable without replaying.
    Moved {
        from: CaseState,
        to: CaseState,
        step: Move,
    },
    /// The first receiving leader took the case package (首接负责).
    ResponsibilitySet {
        leader: LeaderId,
        visit: Option<VisitId>,
    },
    /// Another leader received the petitioner; the first holder keeps the matter.
    ResponsibilityKept {
        holder: LeaderId,
        receiving: LeaderId,
        visit: VisitId,
    },
    ResponsibilityTransferred {
        from: LeaderId,
        to: LeaderId,
        reason: String,
        approved_by: String,
    },
    /// Put before (or taken off) the leadership's collective study (集体研究).
    CollectiveStudy {
        flagged: bool,
    },
    TeamChanged {
        team: Vec<String>,
    },
    PlanChanged {
        plan: String,
    },
    /// The handling time limit was extended (第34条); rules live with the deadlines.
    Extended {
        days: u32,
        reason: String,
        approved_by: String,
    },
    /// 催办单 sent, to the lead department unless another is named. Superseded by `Urged`;
    /// no longer written.
    Reminded {
        department: Option<DepartmentId>,
    },
    /// Superseded by `Urged`; no longer written.
    Supervised {
        department: Option<DepartmentId>,
        level: Supervision,
    },
    /// The matter was put in a local complexity tier of the deadline policy, or back on the
    /// policy's own handling limit (`None`).
    TierSet {
        tier: Option<String>,
    },
    /// A reminder (催办) or supervision (督办, 约谈, 通报, 挂牌督办) with its document number, to the
    /// lead department unless another is named, to be answered by `response_by`.
    Urged {
        level: Escalation,
        number: UrgeNo,
        department: Option<DepartmentId>,
        response_by: NaiveDate,
        text: String,
    },
    /// The department answered the reminder or supervision with this number.
    UrgeAnswered {
        number: UrgeNo,
    },
    /// A leader's instruction (批示) on the matter, in their words, often given while receiving
    /// the petitioner; several lines as written.
    Instructed {
        leader: Option<LeaderId>,
        text: String,
    },
    /// The matter came in from an office's earlier ledger (an Excel import) already in this
    /// state; the steps that led there were kept on paper, not here.
    Imported {
        state: CaseState,
        /// The lead department the old ledger names.
        department: Option<DepartmentId>,
    },
}

//! What `xfdesk check` finds: the first broken entry of the evidence log's chain, and every
//! index entry, pending row, reference count or counter that disagrees with the records. Each
//! store fills the report from what it keeps (`Store::check`); the words are in `i18n::check`.

use super::chain::ChainFault;
use super::{CodecError, RecordRef};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// Entries of the evidence log whose seal was verified.
    pub audit_entries: u64,
    pub visits: u64,
    pub petitioners: u64,
    pub matters: u64,
    /// The first broken entry of the chain, by sequence number; what follows a break cannot
    /// be trusted either, so nothing after it is reported.
    pub chain: Option<(u64, ChainFault)>,
    pub problems: Vec<Problem>,
}

impl CheckReport {
    pub fn is_clean(&self) -> bool {
        self.chain.is_none() && self.problems.is_empty()
    }
}

/// A counter of numbers handed out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counter {
    /// Visit numbers of a year.
    VisitNumbers(i32),
    /// Matter numbers of a year.
    MatterNumbers(i32),
    /// Record ids, shared by every kind of record.
    Ids,
    /// The number of visits the header shows.
    VisitCount,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A record that does not decode; the error names it.
    Unreadable(CodecError),
    /// An index entry no record accounts for: its record is missing or says otherwise.
    /// `entry` is the key in hex; `points_at` the id at its end, when it has one.
    StrayIndex {
        entry: String,
        points_at: Option<u64>,
    },
    /// A record an index should find and does not.
    NotIndexed { record: RecordRef },
    /// The pending row of an open matter is missing or differs from the matter.
    PendingWrong { case: u64 },
    /// A pending row for a matter that is closed or does not exist.
    PendingStray { case: u64 },
    /// How many matters name a leader or department, as stored and as counted.
    ReferenceCount {
        record: RecordRef,
        stored: u64,
        counted: u64,
    },
    /// A counter below what was already handed out: the next number would repeat one.
    CounterBehind {
        counter: Counter,
        stored: u64,
        highest: u64,
    },
}

/// Keys in hex, for a report a technician can compare with the database.
pub fn hex_key(key: &[u8]) -> String {
    key.iter().map(|b| format!("{b:02x}")).collect()
}

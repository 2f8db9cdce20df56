//! The desk's evidence log: every event that must be provable later (who signed in, who saw a
//! full ID number, who exported what), beside the ledgers of the matters. Entries are only ever
//! appended.
//!
//! Stored: `AuditKind` only grows at the end.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    pub at: NaiveDateTime,
    /// The operator's login code; empty before anyone has signed in.
    pub operator: String,
    pub kind: AuditKind,
    /// What the event is about, e.g. a matter or visit number, an operator's code; may be
    /// empty.
    pub subject: String,
    /// Anything else worth keeping, in the operator's or the program's words.
    pub detail: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuditKind {
    SignedIn,
    SignInFailed,
    /// Too many wrong PINs: the code is locked.
    CodeLocked,
    SignedOut,
    /// A full ID number or phone was shown.
    Revealed,
    Exported,
    Imported,
    /// An operator was added, changed, deactivated, or had their PIN reset.
    OperatorChanged,
    /// A command-line subcommand ran as this operator.
    CommandLine,
}

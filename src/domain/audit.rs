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
    // ---- Changes to the records, each written in the transaction of the change itself
    // (see `domain::evidence`). Subjects are `subject` tokens.
    /// A visit was registered; detail `new` (it opened its matter) or `linked`.
    VisitRegistered,
    /// A step of a matter's life (accepted, assigned, answered, closed, …).
    MatterMoved,
    ResponsibilityAppointed,
    ResponsibilityTransferred,
    /// Put before the leadership's collective study, or taken off (`flagged:false`).
    CollectiveStudySet,
    TeamSet,
    PlanSet,
    TierSet,
    Extended,
    /// A reminder or supervision was sent.
    Urged,
    UrgeAnswered,
    /// A leader or department was added, edited, (de)activated or deleted.
    OrgAdded,
    OrgEdited,
    OrgActivated,
    OrgDeactivated,
    OrgDeleted,
    // ---- The reception schedule (`domain::schedule::evidence`).
    /// A session was planned by hand or replanned.
    SessionPlanned,
    SessionRemoved,
    RotaGenerated,
    LeadersSwapped,
    /// A leader's date marked unavailable (`flagged:true`) or available again.
    UnavailableSet,
    AppointmentBooked,
    AppointmentCancelled,
    /// Someone arrived on a reception day and was given a number; detail: the name called.
    ArrivalQueued,
    /// An arrival moved on; detail: the state.
    ArrivalAdvanced,
    /// A backup was written; detail: the file.
    BackedUp,
    /// This database was restored from a backup; detail: the file and when it was taken.
    Restored,
    /// A leader's instruction (批示) on a matter; detail: its text.
    Instructed,
    /// A matter imported from an earlier ledger was put in the state it had there.
    StateImported,
}

impl AuditKind {
    /// Every kind, in the order a filter offers them.
    pub const ALL: [AuditKind; 38] = [
        AuditKind::VisitRegistered,
        AuditKind::MatterMoved,
        AuditKind::ResponsibilityAppointed,
        AuditKind::ResponsibilityTransferred,
        AuditKind::CollectiveStudySet,
        AuditKind::TeamSet,
        AuditKind::PlanSet,
        AuditKind::Instructed,
        AuditKind::StateImported,
        AuditKind::TierSet,
        AuditKind::Extended,
        AuditKind::Urged,
        AuditKind::UrgeAnswered,
        AuditKind::OrgAdded,
        AuditKind::OrgEdited,
        AuditKind::OrgActivated,
        AuditKind::OrgDeactivated,
        AuditKind::OrgDeleted,
        AuditKind::SessionPlanned,
        AuditKind::SessionRemoved,
        AuditKind::RotaGenerated,
        AuditKind::LeadersSwapped,
        AuditKind::UnavailableSet,
        AuditKind::AppointmentBooked,
        AuditKind::AppointmentCancelled,
        AuditKind::ArrivalQueued,
        AuditKind::ArrivalAdvanced,
        AuditKind::SignedIn,
        AuditKind::SignInFailed,
        AuditKind::CodeLocked,
        AuditKind::SignedOut,
        AuditKind::Revealed,
        AuditKind::Exported,
        AuditKind::Imported,
        AuditKind::OperatorChanged,
        AuditKind::CommandLine,
        AuditKind::BackedUp,
        AuditKind::Restored,
    ];
}

/// The subject of an event as `key:value` tokens separated by spaces (`visit:2026-000001
/// matter:2026-000003`): language-neutral when stored, named in the reader's language when
/// shown, and searchable by matter number. A subject written without tokens (an operator's
/// code) is one `Other` part.
pub mod subject {
    use crate::domain::serial::SerialNo;

    pub const VISIT: &str = "visit";
    pub const MATTER: &str = "matter";
    pub const PETITIONER: &str = "petitioner";
    pub const LEADER: &str = "leader";
    pub const DEPARTMENT: &str = "department";
    /// The state a matter moved to (`CaseState`'s variant name).
    pub const STATE: &str = "state";
    pub const FLAGGED: &str = "flagged";
    pub const DAYS: &str = "days";
    /// A reminder's or supervision's document number, `year-seq`.
    pub const URGE: &str = "urge";
    /// The level of the urge beside it (`Escalation`'s variant name), which says which series
    /// its number is in. Entries written before it was added have a bare `urge`.
    pub const LEVEL: &str = "level";
    /// A reception session's id, the date it names, a matter by id (appointments, which
    /// know the matter by id only) and an arrival's number in a session's queue.
    pub const SESSION: &str = "session";
    pub const DATE: &str = "date";
    pub const CASE: &str = "case";
    pub const ARRIVAL: &str = "arrival";

    pub fn token(key: &str, value: impl std::fmt::Display) -> String {
        format!("{key}:{value}")
    }

    pub fn visit(n: SerialNo) -> String {
        token(VISIT, n)
    }

    pub fn matter(n: SerialNo) -> String {
        token(MATTER, n)
    }

    /// The tokens of a subject, `(key, value)`; a word without `:` has an empty key.
    pub fn parts(subject: &str) -> impl Iterator<Item = (&str, &str)> {
        subject
            .split_whitespace()
            .map(|w| w.split_once(':').unwrap_or(("", w)))
    }

    pub fn value<'a>(subject: &'a str, key: &str) -> Option<&'a str> {
        parts(subject).find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

/// The details the program itself writes (never the operator's words): codes, the same in
/// every language, worded for the reader by `i18n::detail_text`. The values are the words
/// earlier versions wrote, so older entries read the same way.
pub mod detail {
    /// Signed out: to let someone else sign in, or after the terminal stood idle.
    pub const SWITCH: &str = "switch";
    pub const IDLE: &str = "idle";
    /// Why a sign-in failed.
    pub const UNKNOWN_CODE: &str = "unknown code";
    pub const LOCKED: &str = "locked";
    pub const DEACTIVATED: &str = "deactivated";
    pub const WRONG_PIN: &str = "wrong PIN";
    /// Before a sign-in's reason (`command line: wrong PIN`), or alone: at the command line.
    pub const COMMAND_LINE: &str = "command line";
    /// The first administrator, made on an empty database. Older versions wrote the words.
    pub const FIRST_ADMIN: &str = "first-admin";
    pub const FIRST_ADMIN_LEGACY: &str = "first administrator";
    /// What was done to an operator, followed by `; role Clerk; active true`.
    pub const ADDED: &str = "added";
    pub const EDITED: &str = "edited";
    pub const PIN_RESET: &str = "PIN reset";
    pub const REACTIVATED: &str = "reactivated";
    pub const UNLOCKED: &str = "unlocked";
    /// A document written (`document:reminder FILE`), the token a `document::DocumentKind`'s
    /// file stem.
    pub const DOCUMENT: &str = "document";

    /// An operator change: the act, the role (`Role`'s variant name) and whether active.
    pub fn operator(act: &str, role: crate::domain::permission::Role, active: bool) -> String {
        format!("{act}; role {role:?}; active {active}")
    }
}

impl AuditEvent {
    /// Whether the event concerns matter `number` (as typed, e.g. `2026-000003`).
    pub fn names_matter(&self, number: &str) -> bool {
        let number = number.trim();
        !number.is_empty() && subject::value(&self.subject, subject::MATTER) == Some(number)
    }
}

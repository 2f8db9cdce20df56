//! Keeping records. The `Store` trait speaks the desk's language; how records become bytes and
//! where they live belongs to each implementation: sled on disk, memory for tests.
//!
//! Every implementation must pass the same contract suite (`tests/store_contract.rs`).

pub mod backup;
pub mod backup_folder;
pub mod backup_request;
pub mod chain;
pub mod check;
pub mod codec;
pub mod figures;
pub mod lobby;
pub mod lock;
pub mod memory;
pub mod open_fault;
pub mod opening;
pub(crate) mod operators;
mod org;
mod schedule;
pub mod sled_store;
mod visit_search;

use open_fault::{OpenFault, OpenStep};
use std::fmt;
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::audit::AuditEvent;
use crate::domain::case::{Case, CaseId, CaseState};
use crate::domain::id_number::IdNumber;
use crate::domain::ledger::{LedgerEvent, Stamp};
use crate::domain::lifecycle::Move;
use crate::domain::matter::{Matter, MatterChange, MatterError, Package};
use crate::domain::operator::{
    NewOperator, Operator, OperatorChange, OperatorEdit, OperatorError, OperatorId, PinHash,
};
use crate::domain::organisation::{
    Department, DepartmentId, Leader, LeaderId, NewDepartment, NewLeader, OrgError,
};
use crate::domain::pending::MatterRow;
use crate::domain::petitioner::{Petitioner, PetitionerId};
use crate::domain::phone::Phone;
use crate::domain::repeat::{Probe, RepeatMatch, match_repeats};
use crate::domain::responsibility::{OnVisit, Transfer};
use crate::domain::schedule::rota::Unavailable;
use crate::domain::schedule::{Appointment, ScheduleChange, ScheduleError, Session, SessionId};
use crate::domain::search::{MatchQuality, SearchQuery};
use crate::domain::serial::SerialNo;
use crate::domain::visit::{NewVisit, Visit, VisitId};

pub use codec::{CodecError, Damage};

/// Names a stored record in messages, so damage can be traced to one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordRef {
    Visit(u64),
    Petitioner(u64),
    Case(u64),
    /// The case package (包案) of matter #id.
    Package(u64),
    /// An entry in the ledger of matter #id.
    Ledger(u64),
    /// The pending-list rows of matters #first to #last, stored together.
    Pending {
        first: u64,
        last: u64,
    },
    Leader(u64),
    Department(u64),
    Counter,
    Settings,
    /// Entry #seq of the evidence log.
    Audit(u64),
    /// Entries of an index kept many to a value (the visits by time, number or clerk).
    IndexList,
    /// Entries #first to #last of the evidence log, stored together.
    AuditBlock {
        first: u64,
        last: u64,
    },
    Operator(u64),
    /// Reception session #id with its appointments and queue.
    Session(u64),
    /// The unavailable dates of leader #id.
    Unavailable(u64),
}

impl fmt::Display for RecordRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordRef::Visit(id) => write!(f, "visit #{id}"),
            RecordRef::Petitioner(id) => write!(f, "petitioner #{id}"),
            RecordRef::Case(id) => write!(f, "matter #{id}"),
            RecordRef::Package(id) => write!(f, "the case package of matter #{id}"),
            RecordRef::Ledger(id) => write!(f, "the ledger of matter #{id}"),
            RecordRef::Pending { first, last } => {
                write!(f, "the pending-list rows of matters #{first}–#{last}")
            }
            RecordRef::Leader(id) => write!(f, "leader #{id}"),
            RecordRef::Department(id) => write!(f, "department #{id}"),
            RecordRef::Counter => f.write_str("a counter"),
            RecordRef::Settings => f.write_str("the database settings"),
            RecordRef::Audit(seq) => write!(f, "evidence log entry #{seq}"),
            RecordRef::IndexList => f.write_str("a list of index entries"),
            RecordRef::AuditBlock { first, last } => {
                write!(f, "evidence log entries #{first}–#{last}")
            }
            RecordRef::Operator(id) => write!(f, "operator #{id}"),
            RecordRef::Session(id) => write!(f, "reception session #{id}"),
            RecordRef::Unavailable(id) => write!(f, "the unavailable dates of leader #{id}"),
        }
    }
}

/// The part of the database a damaged key was found in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyOf {
    Record,
    Index,
    Ledger,
    Audit,
}

impl fmt::Display for KeyOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeyOf::Record => "a record",
            KeyOf::Index => "an index entry",
            KeyOf::Ledger => "a ledger",
            KeyOf::Audit => "the evidence log",
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database in use by another xfdesk{}, {path}", pid.map(|p| format!(", PID {p}")).unwrap_or_default())]
    InUse { path: PathBuf, pid: Option<u32> },
    #[error("the database is still opening")]
    Opening,
    #[error("cannot open the database at {}: {step}: {fault}", path.display())]
    Open {
        path: PathBuf,
        step: OpenStep,
        fault: OpenFault,
    },
    #[error(transparent)]
    Damaged(#[from] CodecError),
    #[error("{0} does not exist")]
    NotFound(RecordRef),
    /// A key that does not have the shape its part of the database gives keys; `key` in hex.
    #[error("a key of {part} is damaged: {key}")]
    DamagedKey { part: KeyOf, key: String },
    /// An index entry pointing at a record that is not there.
    #[error("the index names {0}, which is missing")]
    Dangling(RecordRef),
    /// A visit linked to a matter of someone else: refused, nothing written.
    #[error("matter #{} belongs to petitioner #{}, not to the person being registered", case.0, owner.0)]
    CaseOfAnotherPetitioner { case: CaseId, owner: PetitionerId },
    /// The matter's rules refused the change; nothing was written.
    #[error(transparent)]
    Matter(#[from] MatterError),
    /// A leader or department the rules refuse (blank name, a second active one of a name).
    #[error(transparent)]
    Organisation(#[from] OrgError),
    /// An operator the rules refuse (a taken code, the last administrator removed).
    #[error(transparent)]
    Operator(#[from] OperatorError),
    /// A change to the reception schedule the rules refuse (a full session, a closed arrival).
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    /// A leader or department that a matter names: deleting it would leave the matter's
    /// package or ledger pointing at nobody. Deactivating is the way to retire it.
    #[error("{record} ({name}) is named by {matters} matter(s) and cannot be deleted")]
    StillReferenced {
        record: RecordRef,
        name: String,
        matters: u64,
    },
    /// A backup that cannot be written or restored; nothing was restored.
    #[error(transparent)]
    Backup(#[from] backup::BackupError),
    #[error("cannot write to disk: {0}")]
    Io(#[from] std::io::Error),
    /// The disk holding the database refused a write (full, read-only, failing); the change
    /// was not made. Told with the directory, which is what an administrator looks at.
    #[error("cannot write to the database at {}: {source}", path.display())]
    Disk {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("storage engine error: {0}")]
    Engine(String),
    /// The registration is in the database but the disk did not confirm it (flush or fsync
    /// failed). Retrying would register the visits twice, so the caller gets what was written.
    #[error("registered {} visit(s) but the disk did not confirm the write: {reason}", registered.len())]
    Unconfirmed {
        registered: Vec<Registered>,
        /// What the disk said, worded in the user's language where it is shown.
        reason: Box<StoreError>,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl StoreError {
    pub fn damaged_key(part: KeyOf, key: &[u8]) -> Self {
        let key = key.iter().map(|b| format!("{b:02x}")).collect();
        StoreError::DamagedKey { part, key }
    }

    /// An I/O failure told with the database directory it happened in.
    pub fn on_disk(self, path: &std::path::Path) -> StoreError {
        match self {
            StoreError::Io(source) => StoreError::Disk {
                path: path.to_path_buf(),
                source,
            },
            other => other,
        }
    }

    /// Opening `dir` failed on an I/O error at `step`: a disk that refuses to be written is
    /// said so plainly, anything else with what was being done.
    pub fn opening(dir: &std::path::Path, step: OpenStep, e: std::io::Error) -> StoreError {
        use std::io::ErrorKind::{
            PermissionDenied, QuotaExceeded, ReadOnlyFilesystem, StorageFull,
        };
        if matches!(
            e.kind(),
            StorageFull | QuotaExceeded | ReadOnlyFilesystem | PermissionDenied
        ) {
            return StoreError::Disk {
                path: dir.to_path_buf(),
                source: e,
            };
        }
        StoreError::Open {
            path: dir.to_path_buf(),
            step,
            fault: OpenFault::Io(e),
        }
    }
}

/// What a schedule change wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScheduleDone {
    pub sessions: Vec<Session>,
    /// The number `ScheduleChange::Arrive` gave.
    pub number: Option<u32>,
}

/// What one registration produced: the visit with its number, its matter (new or linked) and
/// the petitioner as now stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registered {
    pub visit: Visit,
    pub case: Case,
    pub petitioner: Petitioner,
    pub new_case: bool,
    pub new_petitioner: bool,
    /// Who holds the matter after this visit, and whether an earlier leader kept it although
    /// another received the petitioner today: what the intake screen tells the clerk.
    pub responsibility: OnVisit,
}

/// Notes a registered visit on its matter (首接负责). `package` is the matter's stored package,
/// `None` when it has none yet. Returns the package to store, or `None` when it is unchanged
/// (a matter without a receiving leader needs no package record), and the new ledger entries.
/// Every store calls this, so both apply the same rule.
pub(crate) fn note_visit(
    case: &Case,
    package: Option<Package>,
    visit: &Visit,
    receiving: Option<LeaderId>,
) -> (Option<Package>, OnVisit, Vec<LedgerEvent>) {
    let before = package.unwrap_or_default();
    // The ledger is not needed to note a visit, only appended to; the store keeps the rest.
    let mut matter = Matter::new(case.clone(), before.clone(), Vec::new());
    let stamp = Stamp::new(visit.received_at, visit.received_by.clone());
    let noted = matter.note_visit(visit.id, receiving, &stamp);
    let changed = (matter.package != before).then_some(matter.package);
    (changed, noted.responsibility, noted.events)
}

/// A visit may continue only a matter of its own petitioner. Linking it to another person's
/// matter would file their visit, and their personal details, under someone else's case; a
/// petitioner registered for the first time has no matter to continue at all. Every store
/// checks this, after loading the matter and before writing anything.
pub(crate) fn check_case_owner(new: &NewVisit, case: &Case) -> Result<()> {
    if new.existing_petitioner == Some(case.petitioner_id) {
        Ok(())
    } else {
        Err(StoreError::CaseOfAnotherPetitioner {
            case: case.id,
            owner: case.petitioner_id,
        })
    }
}

/// Where the visits list stopped, to fetch the next page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisitCursor {
    pub received_at: NaiveDateTime,
    pub id: VisitId,
}

impl From<&Visit> for VisitCursor {
    fn from(v: &Visit) -> Self {
        VisitCursor {
            received_at: v.received_at,
            id: v.id,
        }
    }
}

/// A petitioner with what the desk knows of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History {
    pub petitioner: Petitioner,
    /// Newest first.
    pub visits: Vec<Visit>,
    /// Newest first.
    pub open_cases: Vec<Case>,
}

/// The desk's records. Methods take `&self` so one store can be shared by the screen and a
/// background task (opening, loading demo data); implementations synchronise inside.
pub trait Store: Send + Sync {
    /// Registers visits in one atomic step: numbers (`2026-000123`) are handed out per year of
    /// `received_at` and never reused; a new petitioner and a new matter are created where the
    /// visit asks for them, an existing one is updated. When this returns `Ok`, everything is
    /// on stable storage. A visit may continue only its own petitioner's matter
    /// (`StoreError::CaseOfAnotherPetitioner`); when any visit is refused, none is written.
    fn register_visits(&self, visits: &[NewVisit]) -> Result<Vec<Registered>>;
    /// Registers the visit of the arrival `number` of reception session `session` and marks
    /// the arrival received with it (`ScheduleChange::Advance` to done), in one atomic step: a
    /// crash between the two never leaves the visit saved and the arrival still waiting. An
    /// arrival the queue's rules refuse to advance refuses the registration too.
    fn register_received(
        &self,
        visit: &NewVisit,
        session: SessionId,
        number: u32,
        stamp: &Stamp,
    ) -> Result<Registered>;

    fn visit(&self, id: VisitId) -> Result<Option<Visit>>;
    fn visit_by_number(&self, number: SerialNo) -> Result<Option<Visit>>;
    /// Visits by `received_at`, newest first, starting after `after`.
    fn visits_newest_first(&self, after: Option<VisitCursor>, limit: usize) -> Result<Vec<Visit>>;
    /// As `visits_newest_first`, only the visits `received_by` registered: what a clerk's
    /// visits list shows.
    fn visits_received_by(
        &self,
        received_by: &str,
        after: Option<VisitCursor>,
        limit: usize,
    ) -> Result<Vec<Visit>>;
    fn visit_count(&self) -> Result<u64>;

    fn petitioner(&self, id: PetitionerId) -> Result<Option<Petitioner>>;
    fn petitioners_by_id_number(&self, id_number: &IdNumber) -> Result<Vec<Petitioner>>;
    fn petitioners_by_phone(&self, phone: &Phone) -> Result<Vec<Petitioner>>;
    /// Petitioners whose name is exactly `name`.
    fn petitioners_by_name(&self, name: &str) -> Result<Vec<Petitioner>>;
    /// Petitioners matching the query, in `domain::search::result_order`, at most `limit`.
    /// When very many match, an implementation may consider only the first matches of its
    /// index, so the most recent of thousands of "z…" is not guaranteed.
    fn search_petitioners(
        &self,
        query: &SearchQuery,
        limit: usize,
    ) -> Result<Vec<(MatchQuality, Petitioner)>>;
    /// As `search_petitioners`, only those with a visit `received_by` registered: the people
    /// a clerk's search lists. An implementation that considers only the first matches of its
    /// index may pass over other clerks' people to find them, up to a bound of its own; a
    /// clerk with few visits (a new one) must still find all of theirs.
    fn search_petitioners_received_by(
        &self,
        query: &SearchQuery,
        received_by: &str,
        limit: usize,
    ) -> Result<Vec<(MatchQuality, Petitioner)>>;
    /// A petitioner's visits, newest first, at most `limit`.
    fn visits_of_petitioner(&self, id: PetitionerId, limit: usize) -> Result<Vec<Visit>>;

    fn case(&self, id: CaseId) -> Result<Option<Case>>;
    /// A petitioner's matters, newest first.
    fn cases_of_petitioner(&self, id: PetitionerId) -> Result<Vec<Case>>;
    /// A matter's visits, oldest first.
    fn visits_of_case(&self, id: CaseId) -> Result<Vec<Visit>>;

    /// The leader whose reception a visit was (or whom the clerk named), if any.
    fn receiving_leader(&self, visit: VisitId) -> Result<Option<LeaderId>>;

    /// A matter with its package (the default one when none was ever stored) and its ledger,
    /// oldest entry first.
    fn matter(&self, id: CaseId) -> Result<Option<Matter>>;
    /// The leader who holds matter `id` (包案), if any: all a list needs to decide whether a
    /// confidential visit may be shown, without reading the matter's ledger.
    fn responsible_leader(&self, id: CaseId) -> Result<Option<LeaderId>> {
        Ok(self.matter(id)?.and_then(|m| m.package.responsible))
    }
    /// Runs one change on a matter and writes the matter and its new ledger entries in one
    /// atomic step, on stable storage when this returns `Ok`. A change the rules refuse is
    /// `StoreError::Matter` and writes nothing; one that changes nothing writes nothing.
    fn change_matter(&self, id: CaseId, change: &MatterChange, stamp: &Stamp) -> Result<Matter>;
    /// Runs many changes, in order, in one atomic step, with one wait for the disk: for
    /// loading and importing. When any change is refused, none is written.
    fn change_matters(&self, changes: &[(CaseId, MatterChange, Stamp)]) -> Result<()>;
    /// Every open matter (`CaseState::is_open`) as its pending row, in no particular order:
    /// what the overdue, due-soon and pending reports are computed from. Kept with every
    /// registration and change, so this reads no matter itself.
    fn pending_matters(&self) -> Result<Vec<MatterRow>>;
    /// Matters in `state`, oldest opened first, at most `limit`.
    fn cases_in_state(&self, state: CaseState, limit: usize) -> Result<Vec<Case>>;
    /// Matters on the leadership's collective-study list, oldest opened first.
    fn collective_study_cases(&self) -> Result<Vec<Case>>;

    /// Adds leaders in one atomic step, all or none, active and in the order given. Text is
    /// tidied and the name required (`StoreError::Organisation`); a name that an active leader,
    /// or an earlier one of the batch, already has is refused as a duplicate.
    fn add_leaders(&self, leaders: &[NewLeader], stamp: &Stamp) -> Result<Vec<Leader>>;
    /// Every leader, active or not, in the order added.
    fn leaders(&self) -> Result<Vec<Leader>>;
    /// Replaces a leader's name, title and portfolio, under the rules of `add_leaders`.
    fn edit_leader(&self, id: LeaderId, edit: &NewLeader, stamp: &Stamp) -> Result<Leader>;
    /// Deactivates (no longer offered at intake) or reactivates a leader. Reactivating is
    /// refused when another active leader has taken the name meanwhile.
    fn set_leader_active(&self, id: LeaderId, active: bool, stamp: &Stamp) -> Result<Leader>;
    /// Deletes a leader that no matter names (`organisation::Named`); otherwise
    /// `StoreError::StillReferenced` and nothing changes.
    fn delete_leader(&self, id: LeaderId, stamp: &Stamp) -> Result<()>;

    /// As `add_leaders`, for departments.
    fn add_departments(
        &self,
        departments: &[NewDepartment],
        stamp: &Stamp,
    ) -> Result<Vec<Department>>;
    fn departments(&self) -> Result<Vec<Department>>;
    fn edit_department(
        &self,
        id: DepartmentId,
        edit: &NewDepartment,
        stamp: &Stamp,
    ) -> Result<Department>;
    fn set_department_active(
        &self,
        id: DepartmentId,
        active: bool,
        stamp: &Stamp,
    ) -> Result<Department>;
    fn delete_department(&self, id: DepartmentId, stamp: &Stamp) -> Result<()>;

    /// Applies a change to the reception schedule (`domain::schedule::apply`), all or nothing,
    /// with its evidence-log event in the same step. Returns the sessions as written (the new
    /// ones of a rota; none for an unavailable date) and the number an arrival was given.
    fn change_schedule(&self, change: &ScheduleChange, stamp: &Stamp) -> Result<ScheduleDone>;
    /// Sessions dated `from..=to`, by date then id.
    fn sessions_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Session>>;
    fn session(&self, id: SessionId) -> Result<Option<Session>>;
    /// Every leader's unavailable dates.
    fn unavailable(&self) -> Result<Unavailable>;

    /// Appends an event that is not part of another change (a sign-in, a reveal, an export) to
    /// the evidence log; on stable storage when this returns `Ok`. Returns its sequence number.
    /// Every change to the records (registrations, matter changes, leaders and departments)
    /// appends its own event in its own transaction (`domain::evidence`); callers never do.
    fn record_audit(&self, event: &AuditEvent) -> Result<u64>;
    /// The evidence log from sequence number `from` on, oldest first, at most `limit`.
    fn audit_log(&self, from: u64, limit: usize) -> Result<Vec<(u64, AuditEvent)>>;
    /// The evidence log newest first, from before sequence number `before` (the newest when
    /// `None`), at most `limit`: how the ledger screen pages back without reading it all.
    fn audit_log_back(&self, before: Option<u64>, limit: usize) -> Result<Vec<(u64, AuditEvent)>>;
    /// Verifies the evidence log's hash chain, every index against its records, the pending
    /// rows, the reference counts and the counters. Damage is reported, not returned as an
    /// error; `Err` means the check itself could not run.
    fn check(&self) -> Result<check::CheckReport>;

    /// Adds an active operator. Code and name are tidied and checked; a code another operator
    /// (active or not) has is refused, so the evidence log's codes stay unambiguous.
    fn add_operator(&self, new: &NewOperator) -> Result<Operator>;
    /// Every operator, active or not, in the order added.
    fn operators(&self) -> Result<Vec<Operator>>;
    /// The operator with this login code (as typed: it is tidied first), active or not.
    fn operator_by_code(&self, code: &str) -> Result<Option<Operator>>;
    /// Applies one change (`Operator::changed`) and stores the result, on stable storage when
    /// this returns `Ok`. Demoting or deactivating the last active administrator is refused.
    fn change_operator(&self, id: OperatorId, change: &OperatorChange) -> Result<Operator>;

    /// True when nothing was ever registered and no leader or department exists.
    fn is_empty(&self) -> Result<bool>;
    /// Marks the database as holding synthetic demonstration data.
    fn mark_demo(&self) -> Result<()>;
    fn is_demo(&self) -> Result<bool>;

    /// Writes a backup of every record to the file `to` (see `backup`), taken at `at`, and
    /// remembers `at` as the last backup. The file appears only once complete.
    fn backup(&self, to: &std::path::Path, at: NaiveDateTime) -> Result<backup::Header>;
    /// When the last backup was taken, if ever.
    fn last_backup(&self) -> Result<Option<NaiveDateTime>>;

    // ---- Provided: compositions every implementation shares. ----

    fn edit_operator(&self, id: OperatorId, edit: &OperatorEdit) -> Result<Operator> {
        self.change_operator(id, &OperatorChange::Edit(edit.clone()))
    }

    fn set_operator_active(&self, id: OperatorId, active: bool) -> Result<Operator> {
        self.change_operator(id, &OperatorChange::SetActive(active))
    }

    /// An administrator's reset: the new PIN, and the code unlocked.
    fn reset_operator_pin(&self, id: OperatorId, pin: &PinHash) -> Result<Operator> {
        self.change_operator(id, &OperatorChange::NewPin(pin.clone()))
    }

    fn unlock_operator(&self, id: OperatorId) -> Result<Operator> {
        self.change_operator(id, &OperatorChange::Unlock)
    }

    /// Counts a wrong PIN; the returned record says whether the code is now locked.
    fn note_failed_sign_in(
        &self,
        id: OperatorId,
        at: NaiveDateTime,
        lock_after: u32,
    ) -> Result<Operator> {
        self.change_operator(id, &OperatorChange::Failed { at, lock_after })
    }

    fn note_signed_in(&self, id: OperatorId) -> Result<Operator> {
        self.change_operator(id, &OperatorChange::SignedIn)
    }

    fn add_leader(&self, leader: &NewLeader, stamp: &Stamp) -> Result<Leader> {
        self.add_leaders(std::slice::from_ref(leader), stamp)?
            .pop()
            .ok_or_else(|| StoreError::Engine("adding a leader returned nothing".into()))
    }

    fn add_department(&self, department: &NewDepartment, stamp: &Stamp) -> Result<Department> {
        self.add_departments(std::slice::from_ref(department), stamp)?
            .pop()
            .ok_or_else(|| StoreError::Engine("adding a department returned nothing".into()))
    }

    /// Active leaders, the ones intake offers, in the order added.
    fn active_leaders(&self) -> Result<Vec<Leader>> {
        let mut all = self.leaders()?;
        all.retain(|l| l.active);
        Ok(all)
    }

    fn register_visit(&self, visit: &NewVisit) -> Result<Registered> {
        let mut done = self.register_visits(std::slice::from_ref(visit))?;
        done.pop()
            .ok_or_else(|| StoreError::Engine("registration returned nothing".into()))
    }

    /// Takes a step of the matter's life.
    fn apply_move(&self, id: CaseId, step: Move, note: &str, stamp: &Stamp) -> Result<Matter> {
        let note = note.to_string();
        self.change_matter(id, &MatterChange::Step { step, note }, stamp)
    }

    /// Hands the matter to another leader; the ledger keeps who held it.
    fn transfer_responsibility(
        &self,
        id: CaseId,
        transfer: Transfer,
        note: &str,
        stamp: &Stamp,
    ) -> Result<Matter> {
        let note = note.to_string();
        self.change_matter(id, &MatterChange::Transfer { transfer, note }, stamp)
    }

    fn set_collective_study(
        &self,
        id: CaseId,
        flagged: bool,
        note: &str,
        stamp: &Stamp,
    ) -> Result<Matter> {
        let note = note.to_string();
        self.change_matter(id, &MatterChange::CollectiveStudy { flagged, note }, stamp)
    }

    fn set_team(&self, id: CaseId, team: &[String], stamp: &Stamp) -> Result<Matter> {
        self.change_matter(id, &MatterChange::Team(team.to_vec()), stamp)
    }

    fn set_plan(&self, id: CaseId, plan: &str, stamp: &Stamp) -> Result<Matter> {
        self.change_matter(id, &MatterChange::Plan(plan.to_string()), stamp)
    }

    /// Earlier petitioners who may be the person being registered, strongest evidence first.
    fn find_repeats(&self, probe: &Probe) -> Result<Vec<RepeatMatch>> {
        let mut candidates = Vec::new();
        if let Some(id) = &probe.id_number {
            candidates.extend(self.petitioners_by_id_number(id)?);
        }
        if let Some(phone) = &probe.phone {
            candidates.extend(self.petitioners_by_phone(phone)?);
        }
        let name = crate::domain::text::tidy(&probe.name);
        if !name.is_empty() {
            candidates.extend(self.petitioners_by_name(&name)?);
        }
        Ok(match_repeats(probe, candidates))
    }

    /// Visits received from `from` up to, not including, `until`, oldest first. Reads the
    /// time index backwards from `until` page by page, so a report over a quarter reads that
    /// quarter and not the years before it.
    fn visits_between(&self, from: NaiveDateTime, until: NaiveDateTime) -> Result<Vec<Visit>> {
        const PAGE: usize = 500;
        // Every visit at or after `until` sorts after this cursor: ids start at 1.
        let mut cursor = Some(VisitCursor {
            received_at: until,
            id: VisitId(0),
        });
        let mut found = Vec::new();
        loop {
            let page = self.visits_newest_first(cursor, PAGE)?;
            let done = page.len() < PAGE || page.last().is_none_or(|v| v.received_at < from);
            cursor = page.last().map(VisitCursor::from);
            found.extend(page.into_iter().filter(|v| v.received_at >= from));
            if done {
                break;
            }
        }
        found.reverse();
        Ok(found)
    }

    fn history(&self, id: PetitionerId, visit_limit: usize) -> Result<Option<History>> {
        let Some(petitioner) = self.petitioner(id)? else {
            return Ok(None);
        };
        let visits = self.visits_of_petitioner(id, visit_limit)?;
        let open_cases = self
            .cases_of_petitioner(id)?
            .into_iter()
            .filter(|c| c.state.is_open())
            .collect();
        Ok(Some(History {
            petitioner,
            visits,
            open_cases,
        }))
    }

    /// The appointments of a matter, with their sessions, soonest first.
    fn appointments_of_matter(&self, case: CaseId) -> Result<Vec<(Session, Appointment)>> {
        let all = self.sessions_between(NaiveDate::MIN, NaiveDate::MAX)?;
        Ok(all
            .into_iter()
            .filter_map(|s| {
                let a = s.appointments.iter().find(|a| a.case == case).cloned()?;
                Some((s, a))
            })
            .collect())
    }

    /// What the search box finds: the matching petitioners' visits, best-matching and most
    /// recent petitioner first, each petitioner's visits newest first; at most `limit` rows.
    fn search_visits(&self, text: &str, limit: usize) -> Result<Vec<Visit>> {
        visit_search::matching_visits(self, text, None, limit)
    }

    /// As `search_visits`, only the visits `received_by` registered: a clerk's search, over
    /// the people `search_petitioners_received_by` finds. A clerk with hundreds of visits who
    /// types a few letters that many thousands of names share may miss an old visit of
    /// theirs; a whole name, an ID number or a phone finds it.
    fn search_visits_received_by(
        &self,
        text: &str,
        received_by: &str,
        limit: usize,
    ) -> Result<Vec<Visit>> {
        visit_search::matching_visits(self, text, Some(received_by), limit)
    }
}

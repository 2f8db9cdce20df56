//! The desk's records on disk, in sled.
//!
//! Layout: one tree per kind of record (`petitioners`, `visits`, `cases`, `leaders`,
//! `departments`), keyed by id, the numerous ones sixteen ids to a key (see `packs`); `sessions` and `unavailable` for the reception schedule (see
//! `schedule`); a matter's package and ledger beside its case (`packages`, `ledgers`, see
//! `matters`); `pending` with a summary row of every open matter (see `pending`); `receptions`
//! for the leader who received a visit; `meta` for counters (visit, matter, reminder and
//! supervision numbers per year) and flags; `audit_blocks` for the evidence log (see `audit`);
//! and one `index` tree whose keys start with a tag per index (see `keys`), the entries of
//! indexes read in order or per owner kept many to a key (see `lists`). Keeping all indexes in
//! one tree keeps the number of trees in a registration's transaction small.
//!
//! The database is a directory we own: our lock file, then sled's own directory beside it.

pub use compact::Compacted;

mod audit;
mod backup;
mod check;
mod compact;
mod keys;
mod list_layout;
mod lists;
mod matters;
mod name_lists;
mod operators;
mod org;
mod own_visits;
mod packs;
mod pending;
mod read;
mod schedule;
mod search;
mod snapshot;
mod write;

use crate::store::open_fault::{OpenFault, OpenStep};
use std::fs::File;
use std::path::{Path, PathBuf};

use sled::Tree;

use crate::domain::audit::AuditEvent;
use crate::domain::case::{Case, CaseId, CaseState};
use crate::domain::id_number::IdNumber;
use crate::domain::ledger::Stamp;
use crate::domain::matter::{Matter, MatterChange};
use crate::domain::operator::{NewOperator, Operator, OperatorChange, OperatorId};
use crate::domain::organisation::{
    Department, DepartmentId, Leader, LeaderId, NewDepartment, NewLeader,
};
use crate::domain::pending::MatterRow;
use crate::domain::petitioner::{Petitioner, PetitionerId};
use crate::domain::phone::Phone;
use crate::domain::search::{MatchQuality, SearchQuery, name_keys};
use crate::domain::serial::SerialNo;
use crate::domain::visit::{NewVisit, Visit, VisitId};

use super::check::CheckReport;
use super::lobby::Lobby;
use super::lock::{DbLock, create_private_dir, tighten};
use super::{RecordRef, Registered, Result, ScheduleDone, Store, StoreError, VisitCursor, codec};
use crate::domain::schedule::rota::Unavailable;
use crate::domain::schedule::{ScheduleChange, Session, SessionId};

use keys::{exact_text_prefix, meta, tag};
use packs::Packed;
use read::{decode_record, engine};

/// The folder inside the database directory that holds sled's own files.
pub const SLED_DIR: &str = "sled";
/// sled's data file, which we fsync ourselves (see `persist`).
const SLED_DATA_FILE: &str = "db";
/// sled's default of 1 GB let the process grow past 1 GB at a million visits; the working set
/// of the desk (recent visits, the indexes near what is typed) is far smaller.
const CACHE_BYTES: u64 = 64 * 1024 * 1024;
/// Free space below which a change is refused before anything is written. sled cannot
/// take back a write the disk refuses half-way, and after one it refuses everything until the
/// program is restarted, losing the form on screen; refused here, the clerk frees space and
/// saves again. Well above what one save and sled's next log segment take.
const MIN_FREE_BYTES: u64 = 16 * 1024 * 1024;

pub struct SledStore {
    // Field order is drop order: sled must be closed before the lock is released, or a second
    // xfdesk could open the files while we still write.
    db: sled::Db,
    petitioners: Packed,
    visits: Packed,
    cases: Packed,
    packages: Packed,
    ledger: Packed,
    receptions: Packed,
    leaders: Tree,
    departments: Tree,
    meta: Tree,
    index: Tree,
    pending: Tree,
    audit: Tree,
    operators: Tree,
    sessions: Tree,
    unavailable: Tree,
    data_file: File,
    path: PathBuf,
    /// Registrations take turns: the name lists they write are found outside their
    /// transaction (`name_lists`).
    registering: std::sync::Mutex<()>,
    _lock: DbLock,
}

/// Opens sled, waiting briefly while its file lock is still held. We hold the database's own
/// lock, so no other xfdesk has it; the holder can only be a store this process just dropped,
/// whose background flusher lets go of sled's files a moment after the drop.
fn open_once_released(config: &sled::Config) -> sled::Result<sled::Db> {
    const PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);
    let started = std::time::Instant::now();
    loop {
        match config.open() {
            Err(sled::Error::Io(e))
                if e.to_string().contains("could not acquire lock")
                    && started.elapsed() < PATIENCE =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

impl SledStore {
    /// Opens (creating if needed) the database in `dir`. Another xfdesk holding it gives
    /// `StoreError::InUse` with its PID, before sled is touched at all.
    pub fn open(dir: &Path) -> Result<SledStore> {
        let failed = |step: OpenStep, e: std::io::Error| StoreError::opening(dir, step, e);
        let sled_failed = |e: sled::Error| match e {
            sled::Error::Io(e) => failed(OpenStep::Open, e),
            other => StoreError::Open {
                path: dir.to_path_buf(),
                step: OpenStep::Open,
                fault: OpenFault::of(other),
            },
        };
        create_private_dir(dir).map_err(|e| failed(OpenStep::CreateDir, e))?;
        let lock = DbLock::acquire(dir)?;
        compact::recover(dir).map_err(|e| failed(OpenStep::FinishCompaction, e))?;
        let sled_dir = dir.join(SLED_DIR);
        create_private_dir(&sled_dir).map_err(|e| failed(OpenStep::CreateDir, e))?;
        let unfinished = snapshot::remove_unfinished(&sled_dir)
            .map_err(|e| failed(OpenStep::RemoveSnapshot, e))?;
        if unfinished > 0 {
            tracing::warn!(
                "removed {unfinished} unfinished sled snapshot(s) in {}",
                sled_dir.display()
            );
        }
        let config = sled::Config::new()
            .path(&sled_dir)
            .cache_capacity(CACHE_BYTES);
        let db = open_once_released(&config).map_err(sled_failed)?;
        let tree = |name: &str| db.open_tree(name).map_err(sled_failed);
        let data_path = sled_dir.join(SLED_DATA_FILE);
        let data_file = File::open(&data_path).map_err(|e| failed(OpenStep::OpenDataFile, e))?;
        let store = SledStore {
            petitioners: Packed::new(tree("petitioners")?, RecordRef::Petitioner),
            visits: Packed::new(tree("visits")?, RecordRef::Visit),
            cases: Packed::new(tree("cases")?, RecordRef::Case),
            packages: Packed::new(tree("packages")?, RecordRef::Package),
            ledger: Packed::new(tree("ledgers")?, RecordRef::Ledger),
            receptions: Packed::new(tree("receptions")?, RecordRef::Visit),
            leaders: tree("leaders")?,
            departments: tree("departments")?,
            meta: tree("meta")?,
            index: tree("index")?,
            pending: tree("pending")?,
            audit: tree("audit_blocks")?,
            operators: tree("operators")?,
            sessions: tree("sessions")?,
            unavailable: tree("unavailable")?,
            db,
            data_file,
            path: dir.to_path_buf(),
            registering: Default::default(),
            _lock: lock,
        };
        tighten(dir).map_err(|e| failed(OpenStep::Protect, e))?;
        store.move_old_ledger()?;
        store.move_old_audit()?;
        store.pack_records()?;
        store.build_pending_if_missing()?;
        store.build_org_index()?;
        store.build_operator_index()?;
        store.build_operator_petitioners()?;
        let relisted = list_layout::update(&store.index, &store.meta)?;
        if lists::move_into_lists(&store.index)? || relisted {
            store.persist()?;
        }
        Ok(store)
    }

    /// Moves the records of a database from before packs into packs (see `packs`).
    fn pack_records(&self) -> Result<()> {
        let mut moved = false;
        for tree in [
            &self.petitioners,
            &self.visits,
            &self.cases,
            &self.packages,
            &self.ledger,
            &self.receptions,
        ] {
            moved |= tree.pack_loose()?;
        }
        if moved {
            self.persist()?;
        }
        Ok(())
    }

    /// The database directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes everything committed so far survive a power cut. sled's flush writes its log with
    /// `sync_file_range`, which does not flush the disk's own cache; the `fsync` does.
    fn persist(&self) -> Result<()> {
        self.db.flush().map_err(engine)?;
        self.data_file.sync_all()?;
        // sled may have written a new snapshot file since the last save.
        tighten(&self.path)?;
        Ok(())
    }

    /// Runs `write` when the disk has room, telling an I/O failure with the directory.
    fn guarded<T>(&self, write: impl FnOnce() -> Result<T>) -> Result<T> {
        self.room_to_write()?;
        write().map_err(|e| e.on_disk(&self.path))
    }

    /// A guarded `write`, then the lobby board's file republished: the board shows the
    /// schedule and the leaders' names. A failure to publish leaves the board one change
    /// behind; it is logged and never undoes or fails the change itself.
    fn published<T>(&self, stamp: &Stamp, write: impl FnOnce() -> Result<T>) -> Result<T> {
        let done = self.guarded(write)?;
        let publish = Lobby::of(self, stamp.at)
            .map_err(|e| e.to_string())
            .and_then(|l| l.publish(&self.path).map_err(|e| e.to_string()));
        if let Err(e) = publish {
            tracing::warn!("the lobby board's file was not updated: {e}");
        }
        Ok(done)
    }

    /// Refuses to write when the disk is nearly full (see `MIN_FREE_BYTES`).
    fn room_to_write(&self) -> Result<()> {
        let free =
            fs2::available_space(&self.path).map_err(|e| StoreError::Io(e).on_disk(&self.path))?;
        if free < MIN_FREE_BYTES {
            return Err(StoreError::Disk {
                path: self.path.clone(),
                source: std::io::ErrorKind::StorageFull.into(),
            });
        }
        Ok(())
    }

    fn indexed_petitioner(&self, id: PetitionerId) -> Result<Petitioner> {
        self.petitioners.get_indexed(id.0)
    }

    fn indexed_visits(&self, ids: Vec<u64>) -> Result<Vec<Visit>> {
        ids.into_iter()
            .map(|id| self.visits.get_indexed(id))
            .collect()
    }

    /// Petitioners under one exact text key, in the order of their ids.
    fn petitioners_under(&self, prefix: &[u8]) -> Result<Vec<Petitioner>> {
        let entries = lists::starting_with(&self.index, prefix).collect::<Result<Vec<_>>>()?;
        let mut found = lists::listed_ids(&entries)?
            .into_iter()
            .map(|id| self.indexed_petitioner(PetitionerId(id)))
            .collect::<Result<Vec<_>>>()?;
        found.sort_by_key(|p| p.id);
        Ok(found)
    }
}

impl Store for SledStore {
    fn register_visits(&self, visits: &[NewVisit]) -> Result<Vec<Registered>> {
        self.guarded(|| self.register_all(visits, None))
    }

    fn register_received(
        &self,
        visit: &NewVisit,
        session: SessionId,
        number: u32,
        stamp: &Stamp,
    ) -> Result<Registered> {
        let arrival = Some((session, number, stamp));
        let done = self.published(stamp, || {
            self.register_all(std::slice::from_ref(visit), arrival)
        })?;
        done.into_iter()
            .next()
            .ok_or_else(|| StoreError::Engine("registration returned nothing".into()))
    }

    fn visit(&self, id: VisitId) -> Result<Option<Visit>> {
        self.visits.get(id.0)
    }

    fn visit_by_number(&self, number: SerialNo) -> Result<Option<Visit>> {
        let mut found = lists::of_number(&self.index, &keys::number_prefix(number))?;
        found.truncate(1);
        Ok(self.indexed_visits(lists::listed_ids(&found)?)?.pop())
    }

    fn visits_newest_first(&self, after: Option<VisitCursor>, limit: usize) -> Result<Vec<Visit>> {
        let before = after.map(|c| keys::visit_time_before(c.received_at, c.id.0));
        let page = lists::back_from(
            &self.index,
            &[lists::list_tag::BY_TIME],
            &[tag::VISIT_BY_TIME],
            before.as_deref(),
            limit,
        )?;
        self.indexed_visits(lists::listed_ids(&page)?)
    }

    fn visits_received_by(
        &self,
        received_by: &str,
        after: Option<VisitCursor>,
        limit: usize,
    ) -> Result<Vec<Visit>> {
        self.visits_of_operator(received_by, after, limit)
    }

    fn visit_count(&self) -> Result<u64> {
        Ok(decode_record(
            self.meta.get(meta::VISIT_COUNT).map_err(engine)?,
            RecordRef::Counter,
        )?
        .unwrap_or(0))
    }

    fn petitioner(&self, id: PetitionerId) -> Result<Option<Petitioner>> {
        self.petitioners.get(id.0)
    }

    fn petitioners_by_id_number(&self, id_number: &IdNumber) -> Result<Vec<Petitioner>> {
        self.petitioners_under(&exact_text_prefix(tag::ID_NUMBER, id_number.as_str()))
    }

    fn petitioners_by_phone(&self, phone: &Phone) -> Result<Vec<Petitioner>> {
        // The index holds digits only (what a clerk types); two spellings of a landline can
        // share them, so the stored phone decides.
        let mut found = self.petitioners_under(&exact_text_prefix(tag::PHONE, &phone.digits()))?;
        found.retain(|p| p.person.phone.as_ref() == Some(phone));
        Ok(found)
    }

    fn petitioners_by_name(&self, name: &str) -> Result<Vec<Petitioner>> {
        // The whole name is its first tail. A name without a letter has no keys; intake never
        // accepts one (`validate_name`).
        let Some(whole) = name_keys(name).tails.into_iter().next() else {
            return Ok(Vec::new());
        };
        let mut found = self.petitioners_under(&exact_text_prefix(tag::NAME_TAIL, &whole))?;
        // Tails drop the middle dot and spaces; the stored name must match as typed.
        found.retain(|p| p.person.name == name);
        Ok(found)
    }

    fn search_petitioners(
        &self,
        query: &SearchQuery,
        limit: usize,
    ) -> Result<Vec<(MatchQuality, Petitioner)>> {
        search::search(self, query, limit)
    }

    fn search_petitioners_received_by(
        &self,
        query: &SearchQuery,
        received_by: &str,
        limit: usize,
    ) -> Result<Vec<(MatchQuality, Petitioner)>> {
        search::search_received_by(self, query, received_by, limit)
    }

    fn visits_of_petitioner(&self, id: PetitionerId, limit: usize) -> Result<Vec<Visit>> {
        let mut all = lists::owned(&self.index, tag::VISIT_BY_PETITIONER, id.0)?;
        all.reverse();
        all.truncate(limit);
        self.indexed_visits(lists::listed_ids(&all)?)
    }

    fn case(&self, id: CaseId) -> Result<Option<Case>> {
        self.cases.get(id.0)
    }

    fn cases_of_petitioner(&self, id: PetitionerId) -> Result<Vec<Case>> {
        let all = lists::owned(&self.index, tag::CASE_BY_PETITIONER, id.0)?;
        lists::listed_ids(&all)?
            .into_iter()
            .rev()
            .map(|id| self.cases.get_indexed(id))
            .collect()
    }

    fn visits_of_case(&self, id: CaseId) -> Result<Vec<Visit>> {
        let all = lists::owned(&self.index, tag::VISIT_BY_CASE, id.0)?;
        self.indexed_visits(lists::listed_ids(&all)?)
    }

    fn receiving_leader(&self, visit: VisitId) -> Result<Option<LeaderId>> {
        self.receptions.get(visit.0)
    }

    fn matter(&self, id: CaseId) -> Result<Option<Matter>> {
        self.load_matter(id)
    }

    fn responsible_leader(&self, id: CaseId) -> Result<Option<LeaderId>> {
        // A search list asks this for every confidential visit it shows; the package alone
        // answers it, where the whole matter would read every ledger entry too.
        let package: Option<crate::domain::matter::Package> = self.packages.get(id.0)?;
        Ok(package.and_then(|p| p.responsible))
    }

    fn change_matter(&self, id: CaseId, change: &MatterChange, stamp: &Stamp) -> Result<Matter> {
        self.guarded(|| self.change(id, change, stamp))
    }

    fn change_matters(&self, changes: &[(CaseId, MatterChange, Stamp)]) -> Result<()> {
        self.guarded(|| self.change_many(changes))
    }

    fn pending_matters(&self) -> Result<Vec<MatterRow>> {
        self.pending_rows()
    }

    fn cases_in_state(&self, state: CaseState, limit: usize) -> Result<Vec<Case>> {
        self.cases_in(state, limit)
    }

    fn collective_study_cases(&self) -> Result<Vec<Case>> {
        self.flagged_cases()
    }

    fn add_leaders(&self, leaders: &[NewLeader], stamp: &Stamp) -> Result<Vec<Leader>> {
        self.published(stamp, || self.add_org(leaders, stamp))
    }

    fn leaders(&self) -> Result<Vec<Leader>> {
        self.org_records()
    }

    fn edit_leader(&self, id: LeaderId, edit: &NewLeader, stamp: &Stamp) -> Result<Leader> {
        self.published(stamp, || self.edit_org(id, edit, stamp))
    }

    fn set_leader_active(&self, id: LeaderId, active: bool, stamp: &Stamp) -> Result<Leader> {
        self.published(stamp, || self.set_org_active(id, active, stamp))
    }

    fn delete_leader(&self, id: LeaderId, stamp: &Stamp) -> Result<()> {
        self.published(stamp, || self.delete_org::<Leader>(id, stamp))
    }

    fn add_departments(
        &self,
        departments: &[NewDepartment],
        stamp: &Stamp,
    ) -> Result<Vec<Department>> {
        self.published(stamp, || self.add_org(departments, stamp))
    }

    fn departments(&self) -> Result<Vec<Department>> {
        self.org_records()
    }

    fn edit_department(
        &self,
        id: DepartmentId,
        edit: &NewDepartment,
        stamp: &Stamp,
    ) -> Result<Department> {
        self.published(stamp, || self.edit_org(id, edit, stamp))
    }

    fn set_department_active(
        &self,
        id: DepartmentId,
        active: bool,
        stamp: &Stamp,
    ) -> Result<Department> {
        self.published(stamp, || self.set_org_active(id, active, stamp))
    }

    fn delete_department(&self, id: DepartmentId, stamp: &Stamp) -> Result<()> {
        self.published(stamp, || self.delete_org::<Department>(id, stamp))
    }

    fn is_empty(&self) -> Result<bool> {
        if !self.visits.is_empty()? {
            return Ok(false);
        }
        for tree in [&self.leaders, &self.departments] {
            if tree.first().map_err(engine)?.is_some() {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn mark_demo(&self) -> Result<()> {
        let flag = codec::encode(&true, RecordRef::Settings)?;
        self.meta.insert(meta::DEMO, flag).map_err(engine)?;
        self.persist()
    }

    fn record_audit(&self, event: &AuditEvent) -> Result<u64> {
        self.append_audit(event)
    }

    fn audit_log(&self, from: u64, limit: usize) -> Result<Vec<(u64, AuditEvent)>> {
        self.read_audit(from, limit)
    }

    fn audit_log_back(&self, before: Option<u64>, limit: usize) -> Result<Vec<(u64, AuditEvent)>> {
        self.read_audit_back(before, limit)
    }

    fn check(&self) -> Result<CheckReport> {
        self.check_all()
    }

    fn is_demo(&self) -> Result<bool> {
        Ok(decode_record(
            self.meta.get(meta::DEMO).map_err(engine)?,
            RecordRef::Settings,
        )?
        .unwrap_or(false))
    }

    fn backup(&self, to: &Path, at: chrono::NaiveDateTime) -> Result<super::backup::Header> {
        self.write_backup(to, at)
    }

    fn last_backup(&self) -> Result<Option<chrono::NaiveDateTime>> {
        self.read_last_backup()
    }

    fn add_operator(&self, new: &NewOperator) -> Result<Operator> {
        self.insert_operator(new)
    }

    fn change_schedule(&self, change: &ScheduleChange, stamp: &Stamp) -> Result<ScheduleDone> {
        self.published(stamp, || self.write_schedule(change, stamp))
    }

    fn sessions_between(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<Session>> {
        self.read_sessions(from, to)
    }

    fn session(&self, id: SessionId) -> Result<Option<Session>> {
        self.read_session(id)
    }

    fn unavailable(&self) -> Result<Unavailable> {
        self.read_unavailable()
    }

    fn operators(&self) -> Result<Vec<Operator>> {
        self.all_operators()
    }

    fn operator_by_code(&self, code: &str) -> Result<Option<Operator>> {
        self.find_operator(code)
    }

    fn change_operator(&self, id: OperatorId, change: &OperatorChange) -> Result<Operator> {
        self.update_operator(id, change)
    }
}

#[cfg(test)]
mod list_layout_tests;
#[cfg(test)]
mod name_list_tests;
#[cfg(test)]
mod pack_tests;
#[cfg(test)]
mod tests;

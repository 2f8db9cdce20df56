//! A store whose disk fails: with `failing`, registrations land in the inner store, then come
//! back as `Unconfirmed`, as the sled store reports a failed flush or fsync; with `full`, they
//! are refused before anything is written, as the sled store refuses them on a full disk.

use std::sync::atomic::{AtomicBool, Ordering};

use xfdesk::domain::audit::AuditEvent;
use xfdesk::domain::case::{Case, CaseId, CaseState};
use xfdesk::domain::id_number::IdNumber;
use xfdesk::domain::ledger::Stamp;
use xfdesk::domain::matter::{Matter, MatterChange};
use xfdesk::domain::operator::{NewOperator, Operator, OperatorChange, OperatorId};
use xfdesk::domain::organisation::{
    Department, DepartmentId, Leader, LeaderId, NewDepartment, NewLeader,
};
use xfdesk::domain::pending::MatterRow;
use xfdesk::domain::petitioner::{Petitioner, PetitionerId};
use xfdesk::domain::phone::Phone;
use xfdesk::domain::search::{MatchQuality, SearchQuery};
use xfdesk::domain::serial::SerialNo;
use xfdesk::domain::visit::{NewVisit, Visit, VisitId};
use xfdesk::store::memory::MemoryStore;
use xfdesk::store::{Result, Store, StoreError, VisitCursor};

#[derive(Default)]
pub struct UnconfirmingDisk {
    pub inner: MemoryStore,
    pub failing: AtomicBool,
    pub full: AtomicBool,
}

/// Where the fault-injecting store says its database is.
pub const DB_PATH: &str = "/srv/xfdesk/desk";

impl Store for UnconfirmingDisk {
    fn backup(
        &self,
        to: &std::path::Path,
        at: chrono::NaiveDateTime,
    ) -> Result<xfdesk::store::backup::Header> {
        self.inner.backup(to, at)
    }
    fn last_backup(&self) -> Result<Option<chrono::NaiveDateTime>> {
        self.inner.last_backup()
    }
    fn register_visits(&self, visits: &[NewVisit]) -> Result<Vec<xfdesk::store::Registered>> {
        if self.full.load(Ordering::SeqCst) {
            return Err(StoreError::Disk {
                path: DB_PATH.into(),
                source: std::io::ErrorKind::StorageFull.into(),
            });
        }
        let registered = self.inner.register_visits(visits)?;
        if self.failing.load(Ordering::SeqCst) {
            // As a disk the kernel remounted read-only after an I/O error answers the fsync.
            return Err(StoreError::Unconfirmed {
                registered,
                reason: Box::new(StoreError::Disk {
                    path: DB_PATH.into(),
                    source: std::io::ErrorKind::ReadOnlyFilesystem.into(),
                }),
            });
        }
        Ok(registered)
    }
    fn register_received(
        &self,
        visit: &NewVisit,
        session: xfdesk::domain::schedule::SessionId,
        number: u32,
        stamp: &Stamp,
    ) -> Result<xfdesk::store::Registered> {
        self.inner.register_received(visit, session, number, stamp)
    }
    fn change_schedule(
        &self,
        change: &xfdesk::domain::schedule::ScheduleChange,
        stamp: &Stamp,
    ) -> Result<xfdesk::store::ScheduleDone> {
        self.inner.change_schedule(change, stamp)
    }
    fn sessions_between(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<xfdesk::domain::schedule::Session>> {
        self.inner.sessions_between(from, to)
    }
    fn session(
        &self,
        id: xfdesk::domain::schedule::SessionId,
    ) -> Result<Option<xfdesk::domain::schedule::Session>> {
        self.inner.session(id)
    }
    fn unavailable(&self) -> Result<xfdesk::domain::schedule::rota::Unavailable> {
        self.inner.unavailable()
    }
    fn visit(&self, id: VisitId) -> Result<Option<Visit>> {
        self.inner.visit(id)
    }
    fn visit_by_number(&self, number: SerialNo) -> Result<Option<Visit>> {
        self.inner.visit_by_number(number)
    }
    fn visits_newest_first(&self, after: Option<VisitCursor>, limit: usize) -> Result<Vec<Visit>> {
        self.inner.visits_newest_first(after, limit)
    }
    fn visits_received_by(
        &self,
        received_by: &str,
        after: Option<VisitCursor>,
        limit: usize,
    ) -> Result<Vec<Visit>> {
        self.inner.visits_received_by(received_by, after, limit)
    }
    fn visit_count(&self) -> Result<u64> {
        self.inner.visit_count()
    }
    fn petitioner(&self, id: PetitionerId) -> Result<Option<Petitioner>> {
        self.inner.petitioner(id)
    }
    fn petitioners_by_id_number(&self, id_number: &IdNumber) -> Result<Vec<Petitioner>> {
        self.inner.petitioners_by_id_number(id_number)
    }
    fn petitioners_by_phone(&self, phone: &Phone) -> Result<Vec<Petitioner>> {
        self.inner.petitioners_by_phone(phone)
    }
    fn petitioners_by_name(&self, name: &str) -> Result<Vec<Petitioner>> {
        self.inner.petitioners_by_name(name)
    }
    fn search_petitioners(
        &self,
        query: &SearchQuery,
        limit: usize,
    ) -> Result<Vec<(MatchQuality, Petitioner)>> {
        self.inner.search_petitioners(query, limit)
    }
    fn search_petitioners_received_by(
        &self,
        query: &SearchQuery,
        received_by: &str,
        limit: usize,
    ) -> Result<Vec<(MatchQuality, Petitioner)>> {
        self.inner
            .search_petitioners_received_by(query, received_by, limit)
    }
    fn visits_of_petitioner(&self, id: PetitionerId, limit: usize) -> Result<Vec<Visit>> {
        self.inner.visits_of_petitioner(id, limit)
    }
    fn case(&self, id: CaseId) -> Result<Option<Case>> {
        self.inner.case(id)
    }
    fn cases_of_petitioner(&self, id: PetitionerId) -> Result<Vec<Case>> {
        self.inner.cases_of_petitioner(id)
    }
    fn visits_of_case(&self, id: CaseId) -> Result<Vec<Visit>> {
        self.inner.visits_of_case(id)
    }
    fn receiving_leader(&self, visit: VisitId) -> Result<Option<LeaderId>> {
        self.inner.receiving_leader(visit)
    }
    fn matter(&self, id: CaseId) -> Result<Option<Matter>> {
        self.inner.matter(id)
    }
    fn change_matter(&self, id: CaseId, change: &MatterChange, stamp: &Stamp) -> Result<Matter> {
        self.inner.change_matter(id, change, stamp)
    }
    fn change_matters(&self, changes: &[(CaseId, MatterChange, Stamp)]) -> Result<()> {
        self.inner.change_matters(changes)
    }
    fn pending_matters(&self) -> Result<Vec<MatterRow>> {
        self.inner.pending_matters()
    }
    fn cases_in_state(&self, state: CaseState, limit: usize) -> Result<Vec<Case>> {
        self.inner.cases_in_state(state, limit)
    }
    fn collective_study_cases(&self) -> Result<Vec<Case>> {
        self.inner.collective_study_cases()
    }
    fn add_leaders(&self, leaders: &[NewLeader], stamp: &Stamp) -> Result<Vec<Leader>> {
        self.inner.add_leaders(leaders, stamp)
    }
    fn leaders(&self) -> Result<Vec<Leader>> {
        self.inner.leaders()
    }
    fn edit_leader(&self, id: LeaderId, edit: &NewLeader, stamp: &Stamp) -> Result<Leader> {
        self.inner.edit_leader(id, edit, stamp)
    }
    fn set_leader_active(&self, id: LeaderId, active: bool, stamp: &Stamp) -> Result<Leader> {
        self.inner.set_leader_active(id, active, stamp)
    }
    fn delete_leader(&self, id: LeaderId, stamp: &Stamp) -> Result<()> {
        self.inner.delete_leader(id, stamp)
    }
    fn add_departments(
        &self,
        departments: &[NewDepartment],
        stamp: &Stamp,
    ) -> Result<Vec<Department>> {
        self.inner.add_departments(departments, stamp)
    }
    fn departments(&self) -> Result<Vec<Department>> {
        self.inner.departments()
    }
    fn edit_department(
        &self,
        id: DepartmentId,
        edit: &NewDepartment,
        stamp: &Stamp,
    ) -> Result<Department> {
        self.inner.edit_department(id, edit, stamp)
    }
    fn set_department_active(
        &self,
        id: DepartmentId,
        active: bool,
        stamp: &Stamp,
    ) -> Result<Department> {
        self.inner.set_department_active(id, active, stamp)
    }
    fn delete_department(&self, id: DepartmentId, stamp: &Stamp) -> Result<()> {
        self.inner.delete_department(id, stamp)
    }
    fn is_empty(&self) -> Result<bool> {
        self.inner.is_empty()
    }
    fn mark_demo(&self) -> Result<()> {
        self.inner.mark_demo()
    }
    fn is_demo(&self) -> Result<bool> {
        self.inner.is_demo()
    }
    fn add_operator(&self, new: &NewOperator) -> Result<Operator> {
        self.inner.add_operator(new)
    }
    fn operators(&self) -> Result<Vec<Operator>> {
        self.inner.operators()
    }
    fn operator_by_code(&self, code: &str) -> Result<Option<Operator>> {
        self.inner.operator_by_code(code)
    }
    fn change_operator(&self, id: OperatorId, change: &OperatorChange) -> Result<Operator> {
        self.inner.change_operator(id, change)
    }
    fn record_audit(&self, event: &AuditEvent) -> Result<u64> {
        self.inner.record_audit(event)
    }
    fn audit_log(&self, from: u64, limit: usize) -> Result<Vec<(u64, AuditEvent)>> {
        self.inner.audit_log(from, limit)
    }
    fn audit_log_back(&self, before: Option<u64>, limit: usize) -> Result<Vec<(u64, AuditEvent)>> {
        self.inner.audit_log_back(before, limit)
    }
    fn check(&self) -> Result<xfdesk::store::check::CheckReport> {
        self.inner.check()
    }
}

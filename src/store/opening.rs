//! The store the screen holds while the real one opens in the background: every call says
//! "still opening", so nothing can be written to a place that does not exist yet.

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
use crate::domain::search::{MatchQuality, SearchQuery};
use crate::domain::serial::SerialNo;
use crate::domain::visit::{NewVisit, Visit, VisitId};

use crate::domain::schedule::rota::Unavailable;
use crate::domain::schedule::{ScheduleChange, Session, SessionId};

use chrono::NaiveDateTime;

use super::{Registered, Result, ScheduleDone, Store, StoreError, VisitCursor};

pub struct OpeningStore;

impl Store for OpeningStore {
    fn backup(&self, _: &std::path::Path, _: NaiveDateTime) -> Result<super::backup::Header> {
        Err(StoreError::Opening)
    }
    fn last_backup(&self) -> Result<Option<NaiveDateTime>> {
        Err(StoreError::Opening)
    }
    fn change_schedule(&self, _: &ScheduleChange, _: &Stamp) -> Result<ScheduleDone> {
        Err(StoreError::Opening)
    }
    fn register_received(
        &self,
        _: &crate::domain::visit::NewVisit,
        _: SessionId,
        _: u32,
        _: &Stamp,
    ) -> Result<super::Registered> {
        Err(StoreError::Opening)
    }
    fn sessions_between(&self, _: chrono::NaiveDate, _: chrono::NaiveDate) -> Result<Vec<Session>> {
        Err(StoreError::Opening)
    }
    fn session(&self, _: SessionId) -> Result<Option<Session>> {
        Err(StoreError::Opening)
    }
    fn unavailable(&self) -> Result<Unavailable> {
        Err(StoreError::Opening)
    }
    fn register_visits(&self, _: &[NewVisit]) -> Result<Vec<Registered>> {
        Err(StoreError::Opening)
    }
    fn visit(&self, _: VisitId) -> Result<Option<Visit>> {
        Err(StoreError::Opening)
    }
    fn visit_by_number(&self, _: SerialNo) -> Result<Option<Visit>> {
        Err(StoreError::Opening)
    }
    fn visits_newest_first(&self, _: Option<VisitCursor>, _: usize) -> Result<Vec<Visit>> {
        Err(StoreError::Opening)
    }
    fn visits_received_by(&self, _: &str, _: Option<VisitCursor>, _: usize) -> Result<Vec<Visit>> {
        Err(StoreError::Opening)
    }
    fn visit_count(&self) -> Result<u64> {
        Err(StoreError::Opening)
    }
    fn petitioner(&self, _: PetitionerId) -> Result<Option<Petitioner>> {
        Err(StoreError::Opening)
    }
    fn petitioners_by_id_number(&self, _: &IdNumber) -> Result<Vec<Petitioner>> {
        Err(StoreError::Opening)
    }
    fn petitioners_by_phone(&self, _: &Phone) -> Result<Vec<Petitioner>> {
        Err(StoreError::Opening)
    }
    fn petitioners_by_name(&self, _: &str) -> Result<Vec<Petitioner>> {
        Err(StoreError::Opening)
    }
    fn search_petitioners(
        &self,
        _: &SearchQuery,
        _: usize,
    ) -> Result<Vec<(MatchQuality, Petitioner)>> {
        Err(StoreError::Opening)
    }
    fn search_petitioners_received_by(
        &self,
        _: &SearchQuery,
        _: &str,
        _: usize,
    ) -> Result<Vec<(MatchQuality, Petitioner)>> {
        Err(StoreError::Opening)
    }
    fn visits_of_petitioner(&self, _: PetitionerId, _: usize) -> Result<Vec<Visit>> {
        Err(StoreError::Opening)
    }
    fn case(&self, _: CaseId) -> Result<Option<Case>> {
        Err(StoreError::Opening)
    }
    fn cases_of_petitioner(&self, _: PetitionerId) -> Result<Vec<Case>> {
        Err(StoreError::Opening)
    }
    fn visits_of_case(&self, _: CaseId) -> Result<Vec<Visit>> {
        Err(StoreError::Opening)
    }
    fn receiving_leader(&self, _: VisitId) -> Result<Option<LeaderId>> {
        Err(StoreError::Opening)
    }
    fn matter(&self, _: CaseId) -> Result<Option<Matter>> {
        Err(StoreError::Opening)
    }
    fn change_matter(&self, _: CaseId, _: &MatterChange, _: &Stamp) -> Result<Matter> {
        Err(StoreError::Opening)
    }
    fn change_matters(&self, _: &[(CaseId, MatterChange, Stamp)]) -> Result<()> {
        Err(StoreError::Opening)
    }
    fn pending_matters(&self) -> Result<Vec<MatterRow>> {
        Err(StoreError::Opening)
    }
    fn cases_in_state(&self, _: CaseState, _: usize) -> Result<Vec<Case>> {
        Err(StoreError::Opening)
    }
    fn collective_study_cases(&self) -> Result<Vec<Case>> {
        Err(StoreError::Opening)
    }
    fn add_leaders(&self, _: &[NewLeader], _: &Stamp) -> Result<Vec<Leader>> {
        Err(StoreError::Opening)
    }
    fn leaders(&self) -> Result<Vec<Leader>> {
        Err(StoreError::Opening)
    }
    fn edit_leader(&self, _: LeaderId, _: &NewLeader, _: &Stamp) -> Result<Leader> {
        Err(StoreError::Opening)
    }
    fn set_leader_active(&self, _: LeaderId, _: bool, _: &Stamp) -> Result<Leader> {
        Err(StoreError::Opening)
    }
    fn delete_leader(&self, _: LeaderId, _: &Stamp) -> Result<()> {
        Err(StoreError::Opening)
    }
    fn add_departments(&self, _: &[NewDepartment], _: &Stamp) -> Result<Vec<Department>> {
        Err(StoreError::Opening)
    }
    fn departments(&self) -> Result<Vec<Department>> {
        Err(StoreError::Opening)
    }
    fn edit_department(&self, _: DepartmentId, _: &NewDepartment, _: &Stamp) -> Result<Department> {
        Err(StoreError::Opening)
    }
    fn set_department_active(&self, _: DepartmentId, _: bool, _: &Stamp) -> Result<Department> {
        Err(StoreError::Opening)
    }
    fn delete_department(&self, _: DepartmentId, _: &Stamp) -> Result<()> {
        Err(StoreError::Opening)
    }
    fn is_empty(&self) -> Result<bool> {
        Err(StoreError::Opening)
    }
    fn mark_demo(&self) -> Result<()> {
        Err(StoreError::Opening)
    }
    fn is_demo(&self) -> Result<bool> {
        Err(StoreError::Opening)
    }
    fn add_operator(&self, _: &NewOperator) -> Result<Operator> {
        Err(StoreError::Opening)
    }
    fn operators(&self) -> Result<Vec<Operator>> {
        Err(StoreError::Opening)
    }
    fn operator_by_code(&self, _: &str) -> Result<Option<Operator>> {
        Err(StoreError::Opening)
    }
    fn change_operator(&self, _: OperatorId, _: &OperatorChange) -> Result<Operator> {
        Err(StoreError::Opening)
    }
    fn record_audit(&self, _: &AuditEvent) -> Result<u64> {
        Err(StoreError::Opening)
    }
    fn audit_log(&self, _: u64, _: usize) -> Result<Vec<(u64, AuditEvent)>> {
        Err(StoreError::Opening)
    }
    fn audit_log_back(&self, _: Option<u64>, _: usize) -> Result<Vec<(u64, AuditEvent)>> {
        Err(StoreError::Opening)
    }
    fn check(&self) -> Result<super::check::CheckReport> {
        Err(StoreError::Opening)
    }
}

//! A store in memory, for tests and for screens that need a store before the real one opens.
//! It keeps the same contract as the sled store by brute force: simple enough to trust.

mod org;
mod schedule;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDateTime;
use std::sync::{Mutex, MutexGuard};

use crate::domain::audit::AuditEvent;
use crate::domain::case::{Case, CaseId, CaseState};
use crate::domain::evidence;
use crate::domain::id_number::IdNumber;
use crate::domain::ledger::{LedgerEvent, Stamp};
use crate::domain::matter::{Matter, MatterChange, Package};
use crate::domain::operator::{NewOperator, Operator, OperatorChange, OperatorId};
use crate::domain::organisation::{
    Department, DepartmentId, Leader, LeaderId, NewDepartment, NewLeader,
};
use crate::domain::pending::MatterRow;
use crate::domain::petitioner::{Petitioner, PetitionerId};
use crate::domain::phone::Phone;
use crate::domain::registration::{Allocation, BatchPeople, assemble, numbering_year};
use crate::domain::schedule::rota::Unavailable;
use crate::domain::schedule::{ScheduleChange, Session, SessionId};
use crate::domain::search::{MatchQuality, SearchQuery, match_quality, result_order};
use crate::domain::serial::SerialNo;
use crate::domain::visit::{CaseLink, NewVisit, Visit, VisitId};
use crate::store::org::OrgRecord;
use crate::store::schedule::received;

mod audit;
mod matters;

use super::chain::Sealed;
use super::check::CheckReport;
use super::{
    RecordRef, Registered, Result, ScheduleDone, Store, StoreError, VisitCursor, check_case_owner,
    note_visit,
};

#[derive(Clone, Default)]
struct Inner {
    petitioners: BTreeMap<PetitionerId, Petitioner>,
    visits: BTreeMap<VisitId, Visit>,
    cases: BTreeMap<CaseId, Case>,
    /// Only matters whose package differs from the default have one, as in sled.
    packages: BTreeMap<CaseId, Package>,
    ledgers: BTreeMap<CaseId, Vec<LedgerEvent>>,
    receiving_leaders: BTreeMap<VisitId, LeaderId>,
    leaders: BTreeMap<LeaderId, Leader>,
    departments: BTreeMap<DepartmentId, Department>,
    /// (what, year) → last number given.
    serials: HashMap<(&'static str, i32), u32>,
    last_id: u64,
    demo: bool,
    last_backup: Option<NaiveDateTime>,
    /// The evidence log, sealed as on disk (`store::chain`).
    audit: Vec<Sealed>,
    operators: BTreeMap<OperatorId, Operator>,
    sessions: BTreeMap<SessionId, Session>,
    unavailable: Unavailable,
}

impl Inner {
    fn next_id(&mut self) -> u64 {
        self.last_id += 1;
        self.last_id
    }

    fn next_serial(&mut self, what: &'static str, year: i32) -> SerialNo {
        let seq = self.serials.entry((what, year)).or_default();
        *seq += 1;
        SerialNo { year, seq: *seq }
    }

    fn register(&mut self, new: &NewVisit) -> Result<Registered> {
        let old_petitioner = match new.existing_petitioner {
            Some(id) => Some(
                self.petitioners
                    .get(&id)
                    .cloned()
                    .ok_or(StoreError::NotFound(RecordRef::Petitioner(id.0)))?,
            ),
            None => None,
        };
        let old_case = match new.case {
            CaseLink::Existing(id) => Some(
                self.cases
                    .get(&id)
                    .cloned()
                    .ok_or(StoreError::NotFound(RecordRef::Case(id.0)))?,
            ),
            CaseLink::New => None,
        };
        if let Some(case) = &old_case {
            check_case_owner(new, case)?;
        }
        if let Some(leader) = new.receiving_leader
            && !self.leaders.contains_key(&leader)
        {
            return Err(StoreError::NotFound(Leader::record(leader.0)));
        }
        let year = numbering_year(new);
        let alloc = Allocation {
            visit: VisitId(self.next_id()),
            visit_number: self.next_serial("visit", year),
            petitioner: if old_petitioner.is_none() {
                Some(PetitionerId(self.next_id()))
            } else {
                None
            },
            case: if old_case.is_none() {
                let id = CaseId(self.next_id());
                Some((id, self.next_serial("case", year)))
            } else {
                None
            },
        };
        let (new_petitioner, new_case) = (old_petitioner.is_none(), old_case.is_none());
        let (visit, petitioner, case) = assemble(new, old_petitioner, old_case, alloc);
        let package = self.packages.get(&case.id).cloned();
        let (package, responsibility, events) =
            note_visit(&case, package, &visit, new.receiving_leader);
        if let Some(package) = package {
            self.packages.insert(case.id, package);
        }
        self.ledgers.entry(case.id).or_default().extend(events);
        if let Some(leader) = new.receiving_leader {
            self.receiving_leaders.insert(visit.id, leader);
        }
        self.visits.insert(visit.id, visit.clone());
        self.petitioners.insert(petitioner.id, petitioner.clone());
        self.cases.insert(case.id, case.clone());
        self.append_audit(evidence::visit_registered(
            &visit,
            &case,
            new_case,
            new.recorded_at,
        ))?;
        Ok(Registered {
            visit,
            case,
            petitioner,
            new_case,
            new_petitioner,
            responsibility,
        })
    }

    /// Cases in opening order, as sled's index keys sort them.
    fn cases_where(&self, keep: impl Fn(&Case) -> bool, limit: usize) -> Vec<Case> {
        let mut found: Vec<Case> = self.cases.values().filter(|c| keep(c)).cloned().collect();
        found.sort_by_key(|c| (c.opened_at, c.id));
        found.truncate(limit);
        found
    }
}

#[derive(Default)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// As if a backup had been taken at `at`: for tests of the reminder.
    pub fn set_last_backup(&self, at: NaiveDateTime) {
        self.lock().last_backup = Some(at);
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic elsewhere while holding the lock leaves consistent data: every write below
        // happens on a copy that is swapped in whole.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The petitioners `keep` keeps that match `query`, in result order, at most `limit`.
fn ranked(
    inner: &Inner,
    query: &SearchQuery,
    limit: usize,
    keep: impl Fn(&Petitioner) -> bool,
) -> Vec<(MatchQuality, Petitioner)> {
    let mut hits: Vec<(MatchQuality, &Petitioner)> = inner
        .petitioners
        .values()
        .filter(|p| keep(p))
        .filter_map(|p| match_quality(query, p).map(|q| (q, p)))
        .collect();
    hits.sort_by(result_order);
    hits.into_iter()
        .take(limit)
        .map(|(q, p)| (q, p.clone()))
        .collect()
}

fn newest_first(visits: &mut [Visit]) {
    visits.sort_by(|a, b| b.received_at.cmp(&a.received_at).then(b.id.cmp(&a.id)));
}

impl Store for MemoryStore {
    fn register_visits(&self, visits: &[NewVisit]) -> Result<Vec<Registered>> {
        let mut guard = self.lock();
        let mut work = guard.clone();
        let mut people = BatchPeople::default();
        let mut done = Vec::with_capacity(visits.len());
        for v in visits {
            let v = people.resolve(v);
            let r = work.register(&v)?;
            if r.new_petitioner {
                people.created(&v, r.petitioner.id);
            }
            done.push(r);
        }
        *guard = work;
        Ok(done)
    }

    fn register_received(
        &self,
        visit: &NewVisit,
        session: SessionId,
        number: u32,
        stamp: &Stamp,
    ) -> Result<Registered> {
        let mut guard = self.lock();
        let mut work = guard.clone();
        let done = work.register(visit)?;
        schedule::change(&mut work, &received(session, number, &done), stamp)?;
        *guard = work;
        Ok(done)
    }

    fn visit(&self, id: VisitId) -> Result<Option<Visit>> {
        Ok(self.lock().visits.get(&id).cloned())
    }

    fn visit_by_number(&self, number: SerialNo) -> Result<Option<Visit>> {
        Ok(self
            .lock()
            .visits
            .values()
            .find(|v| v.number == number)
            .cloned())
    }

    fn visits_newest_first(&self, after: Option<VisitCursor>, limit: usize) -> Result<Vec<Visit>> {
        let mut all: Vec<Visit> = self
            .lock()
            .visits
            .values()
            .filter(|v| after.is_none_or(|c| (v.received_at, v.id) < (c.received_at, c.id)))
            .cloned()
            .collect();
        newest_first(&mut all);
        all.truncate(limit);
        Ok(all)
    }

    fn visits_received_by(
        &self,
        received_by: &str,
        after: Option<VisitCursor>,
        limit: usize,
    ) -> Result<Vec<Visit>> {
        let mut own: Vec<Visit> = self
            .lock()
            .visits
            .values()
            .filter(|v| v.received_by == received_by)
            .filter(|v| after.is_none_or(|c| (v.received_at, v.id) < (c.received_at, c.id)))
            .cloned()
            .collect();
        newest_first(&mut own);
        own.truncate(limit);
        Ok(own)
    }

    fn visit_count(&self) -> Result<u64> {
        Ok(self.lock().visits.len() as u64)
    }

    fn petitioner(&self, id: PetitionerId) -> Result<Option<Petitioner>> {
        Ok(self.lock().petitioners.get(&id).cloned())
    }

    fn petitioners_by_id_number(&self, id_number: &IdNumber) -> Result<Vec<Petitioner>> {
        Ok(self
            .lock()
            .petitioners
            .values()
            .filter(|p| p.person.id_number.as_ref() == Some(id_number))
            .cloned()
            .collect())
    }

    fn petitioners_by_phone(&self, phone: &Phone) -> Result<Vec<Petitioner>> {
        Ok(self
            .lock()
            .petitioners
            .values()
            .filter(|p| p.person.phone.as_ref() == Some(phone))
            .cloned()
            .collect())
    }

    fn petitioners_by_name(&self, name: &str) -> Result<Vec<Petitioner>> {
        Ok(self
            .lock()
            .petitioners
            .values()
            .filter(|p| p.person.name == name)
            .cloned()
            .collect())
    }

    fn search_petitioners(
        &self,
        query: &SearchQuery,
        limit: usize,
    ) -> Result<Vec<(MatchQuality, Petitioner)>> {
        Ok(ranked(&self.lock(), query, limit, |_| true))
    }

    fn search_petitioners_received_by(
        &self,
        query: &SearchQuery,
        received_by: &str,
        limit: usize,
    ) -> Result<Vec<(MatchQuality, Petitioner)>> {
        let inner = self.lock();
        let theirs: HashSet<PetitionerId> = inner
            .visits
            .values()
            .filter(|v| v.received_by == received_by)
            .map(|v| v.petitioner_id)
            .collect();
        Ok(ranked(&inner, query, limit, |p| theirs.contains(&p.id)))
    }

    fn visits_of_petitioner(&self, id: PetitionerId, limit: usize) -> Result<Vec<Visit>> {
        let mut v: Vec<Visit> = self
            .lock()
            .visits
            .values()
            .filter(|v| v.petitioner_id == id)
            .cloned()
            .collect();
        newest_first(&mut v);
        v.truncate(limit);
        Ok(v)
    }

    fn case(&self, id: CaseId) -> Result<Option<Case>> {
        Ok(self.lock().cases.get(&id).cloned())
    }

    fn cases_of_petitioner(&self, id: PetitionerId) -> Result<Vec<Case>> {
        let mut c: Vec<Case> = self
            .lock()
            .cases
            .values()
            .filter(|c| c.petitioner_id == id)
            .cloned()
            .collect();
        c.sort_by(|a, b| b.opened_at.cmp(&a.opened_at).then(b.id.cmp(&a.id)));
        Ok(c)
    }

    fn visits_of_case(&self, id: CaseId) -> Result<Vec<Visit>> {
        let mut v: Vec<Visit> = self
            .lock()
            .visits
            .values()
            .filter(|v| v.case_id == id)
            .cloned()
            .collect();
        newest_first(&mut v);
        v.reverse();
        Ok(v)
    }

    fn receiving_leader(&self, visit: VisitId) -> Result<Option<LeaderId>> {
        Ok(self.lock().receiving_leaders.get(&visit).copied())
    }

    fn matter(&self, id: CaseId) -> Result<Option<Matter>> {
        Ok(self.lock().matter(id))
    }

    fn change_matter(&self, id: CaseId, change: &MatterChange, stamp: &Stamp) -> Result<Matter> {
        self.lock().change(id, change, stamp)
    }

    fn change_matters(&self, changes: &[(CaseId, MatterChange, Stamp)]) -> Result<()> {
        let mut guard = self.lock();
        let mut work = guard.clone();
        for (id, change, stamp) in changes {
            work.change(*id, change, stamp)?;
        }
        *guard = work;
        Ok(())
    }

    fn pending_matters(&self) -> Result<Vec<MatterRow>> {
        Ok(self.lock().pending_rows())
    }

    fn cases_in_state(&self, state: CaseState, limit: usize) -> Result<Vec<Case>> {
        Ok(self.lock().cases_where(|c| c.state == state, limit))
    }

    fn collective_study_cases(&self) -> Result<Vec<Case>> {
        let inner = self.lock();
        let flagged = |c: &Case| {
            inner
                .packages
                .get(&c.id)
                .is_some_and(|p| p.collective_study)
        };
        Ok(inner.cases_where(flagged, usize::MAX))
    }

    fn add_leaders(&self, leaders: &[NewLeader], stamp: &Stamp) -> Result<Vec<Leader>> {
        org::add(&mut self.lock(), leaders, stamp)
    }

    fn leaders(&self) -> Result<Vec<Leader>> {
        Ok(self.lock().leaders.values().cloned().collect())
    }

    fn edit_leader(&self, id: LeaderId, edit: &NewLeader, stamp: &Stamp) -> Result<Leader> {
        org::edit(&mut self.lock(), id, edit, stamp)
    }

    fn set_leader_active(&self, id: LeaderId, active: bool, stamp: &Stamp) -> Result<Leader> {
        org::set_active(&mut self.lock(), id, active, stamp)
    }

    fn delete_leader(&self, id: LeaderId, stamp: &Stamp) -> Result<()> {
        org::delete::<Leader>(&mut self.lock(), id, stamp)
    }

    fn add_departments(
        &self,
        departments: &[NewDepartment],
        stamp: &Stamp,
    ) -> Result<Vec<Department>> {
        org::add(&mut self.lock(), departments, stamp)
    }

    fn departments(&self) -> Result<Vec<Department>> {
        Ok(self.lock().departments.values().cloned().collect())
    }

    fn edit_department(
        &self,
        id: DepartmentId,
        edit: &NewDepartment,
        stamp: &Stamp,
    ) -> Result<Department> {
        org::edit(&mut self.lock(), id, edit, stamp)
    }

    fn set_department_active(
        &self,
        id: DepartmentId,
        active: bool,
        stamp: &Stamp,
    ) -> Result<Department> {
        org::set_active(&mut self.lock(), id, active, stamp)
    }

    fn delete_department(&self, id: DepartmentId, stamp: &Stamp) -> Result<()> {
        org::delete::<Department>(&mut self.lock(), id, stamp)
    }

    fn is_empty(&self) -> Result<bool> {
        let inner = self.lock();
        Ok(inner.visits.is_empty() && inner.leaders.is_empty() && inner.departments.is_empty())
    }

    fn mark_demo(&self) -> Result<()> {
        self.lock().demo = true;
        Ok(())
    }

    fn record_audit(&self, event: &AuditEvent) -> Result<u64> {
        self.lock().append_audit(event.clone())
    }

    fn audit_log(&self, from: u64, limit: usize) -> Result<Vec<(u64, AuditEvent)>> {
        let inner = self.lock();
        Ok(inner
            .audit
            .iter()
            .filter(|e| e.seq >= from)
            .take(limit)
            .map(|e| (e.seq, e.event.clone()))
            .collect())
    }

    fn audit_log_back(&self, before: Option<u64>, limit: usize) -> Result<Vec<(u64, AuditEvent)>> {
        let inner = self.lock();
        Ok(inner
            .audit
            .iter()
            .rev()
            .filter(|e| before.is_none_or(|b| e.seq < b))
            .take(limit)
            .map(|e| (e.seq, e.event.clone()))
            .collect())
    }

    fn check(&self) -> Result<CheckReport> {
        Ok(self.lock().check())
    }

    fn change_schedule(&self, change: &ScheduleChange, stamp: &Stamp) -> Result<ScheduleDone> {
        schedule::change(&mut self.lock(), change, stamp)
    }

    fn sessions_between(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<Session>> {
        Ok(schedule::between(&self.lock(), from, to))
    }

    fn session(&self, id: SessionId) -> Result<Option<Session>> {
        Ok(self.lock().sessions.get(&id).cloned())
    }

    fn unavailable(&self) -> Result<Unavailable> {
        Ok(self.lock().unavailable.clone())
    }

    fn is_demo(&self) -> Result<bool> {
        Ok(self.lock().demo)
    }

    /// Records live in this process only: there are no bytes to back up.
    fn backup(&self, _: &std::path::Path, _: NaiveDateTime) -> Result<super::backup::Header> {
        Err(StoreError::Engine(
            "an in-memory database cannot be backed up".into(),
        ))
    }

    fn last_backup(&self) -> Result<Option<NaiveDateTime>> {
        Ok(self.lock().last_backup)
    }

    fn add_operator(&self, new: &NewOperator) -> Result<Operator> {
        let mut inner = self.lock();
        let all: Vec<Operator> = inner.operators.values().cloned().collect();
        let new = super::operators::check_new(&all, new)?;
        let operator = Operator::build(OperatorId(inner.next_id()), &new);
        inner.operators.insert(operator.id, operator.clone());
        Ok(operator)
    }

    fn operators(&self) -> Result<Vec<Operator>> {
        Ok(self.lock().operators.values().cloned().collect())
    }

    fn operator_by_code(&self, code: &str) -> Result<Option<Operator>> {
        let Ok(code) = crate::domain::operator::tidy_code(code) else {
            return Ok(None);
        };
        Ok(self
            .lock()
            .operators
            .values()
            .find(|o| o.code == code)
            .cloned())
    }

    fn change_operator(&self, id: OperatorId, change: &OperatorChange) -> Result<Operator> {
        let mut inner = self.lock();
        let all: Vec<Operator> = inner.operators.values().cloned().collect();
        let changed = super::operators::apply(&all, id, change)?;
        inner.operators.insert(id, changed.clone());
        Ok(changed)
    }
}

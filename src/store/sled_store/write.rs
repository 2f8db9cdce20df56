//! What happens inside a sled transaction. sled may run a transaction closure several times
//! (on conflict), so everything here only reads and writes through the transactional trees and
//! returns its result; nothing is kept outside.
//!
//! Reads inside a transaction see the transaction's own earlier writes, which is what lets one
//! batch hold several visits of the same petitioner.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use serde::Serialize;
use serde::de::DeserializeOwned;
use sled::transaction::{ConflictableTransactionError, Transactional, TransactionalTree};

use crate::domain::case::{Case, CaseId};
use crate::domain::evidence;
use crate::domain::ledger::Stamp;
use crate::domain::matter::Matter;
use crate::domain::organisation::Named;
use crate::domain::pending::MatterRow;
use crate::domain::petitioner::{Petitioner, PetitionerId};
use crate::domain::registration::{Allocation, BatchPeople, assemble, numbering_year};
use crate::domain::schedule::SessionId;
use crate::domain::serial::SerialNo;
use crate::domain::visit::{CaseLink, NewVisit, VisitId};
use crate::store::schedule::received;
use crate::store::{RecordRef, Registered, StoreError, check_case_owner, codec, note_visit};

use super::SledStore;
use super::audit::AuditTx;
use super::keys::{self, id_key, meta};
use super::matters::MatterTx;
use super::name_lists::{self, Directory};
use super::org::note_named;
use super::packs::TxPacked;
use super::read::transaction_error;
use super::schedule::ScheduleTx;

pub type TxResult<T> = Result<T, ConflictableTransactionError<StoreError>>;

/// Stops the transaction with our own error; nothing it wrote is kept.
pub fn fail(e: impl Into<StoreError>) -> ConflictableTransactionError<StoreError> {
    ConflictableTransactionError::Abort(e.into())
}

pub fn get_record<T: DeserializeOwned>(
    tree: &TransactionalTree,
    id: u64,
    record: RecordRef,
) -> TxResult<Option<T>> {
    match tree.get(id_key(id))? {
        None => Ok(None),
        Some(bytes) => codec::decode(&bytes, record).map(Some).map_err(fail),
    }
}

pub fn put_record<T: Serialize>(
    tree: &TransactionalTree,
    id: u64,
    value: &T,
    record: RecordRef,
) -> TxResult<()> {
    let bytes = codec::encode(value, record).map_err(fail)?;
    tree.insert(&id_key(id), bytes)?;
    Ok(())
}

/// Adds `by` to a counter in `meta` and returns the new value. Counters only grow, and they
/// are written in the same transaction as what they count, so a number is never given twice,
/// also not after a crash.
pub fn bump(meta: &TransactionalTree, key: &[u8], by: u64) -> TxResult<u64> {
    let now: u64 = match meta.get(key)? {
        None => 0,
        Some(bytes) => codec::decode(&bytes, RecordRef::Counter).map_err(fail)?,
    };
    let next = now.checked_add(by).ok_or_else(|| {
        fail(StoreError::Engine(
            "a counter has run out of numbers".into(),
        ))
    })?;
    meta.insert(key, codec::encode(&next, RecordRef::Counter).map_err(fail)?)?;
    Ok(next)
}

pub fn next_id(meta_tree: &TransactionalTree) -> TxResult<u64> {
    bump(meta_tree, meta::LAST_ID, 1)
}

pub fn next_serial(meta_tree: &TransactionalTree, key: &[u8], year: i32) -> TxResult<SerialNo> {
    let seq = bump(meta_tree, key, 1)?;
    let seq = u32::try_from(seq).map_err(|_| {
        fail(StoreError::Engine(format!(
            "the numbers for {year} have run out"
        )))
    })?;
    Ok(SerialNo { year, seq })
}

/// Brings an index from the keys a record had to the keys it has now. A petitioner's name
/// entries go to the lists `names` finds for them; no other record has any.
pub fn reindex(
    index: &TransactionalTree,
    names: &Directory,
    old: &BTreeSet<Vec<u8>>,
    new: &BTreeSet<Vec<u8>>,
) -> TxResult<()> {
    for gone in old.difference(new) {
        if name_lists::is_name_entry(gone) {
            name_lists::remove(index, names, gone)?;
        } else {
            super::lists::remove(index, gone)?;
        }
    }
    for added in new.difference(old) {
        if name_lists::is_name_entry(added) {
            name_lists::add(index, names, added.clone())?;
        } else {
            super::lists::add(index, added.clone())?;
        }
    }
    Ok(())
}

/// The trees one registration touches.
pub struct Registration<'a> {
    pub petitioners: TxPacked<'a>,
    pub visits: TxPacked<'a>,
    pub cases: TxPacked<'a>,
    pub meta: &'a TransactionalTree,
    pub index: &'a TransactionalTree,
    /// The lists of the names the batch may index or unindex.
    pub names: &'a Directory,
    pub packages: TxPacked<'a>,
    pub ledger: TxPacked<'a>,
    /// Visit id → the leader who received it, for visits that name one.
    pub receptions: TxPacked<'a>,
    pub pending: &'a TransactionalTree,
    /// Read only: a visit may name only a leader that exists.
    pub leaders: &'a TransactionalTree,
    /// The evidence log: one event per visit, in this transaction.
    pub audit: &'a TransactionalTree,
    /// The matters each named petitioner had before the batch (`cases_by_petitioner`).
    pub known_cases: &'a HashMap<PetitionerId, Vec<CaseId>>,
    /// Matters this run of the transaction opened, with their petitioner: a later visit of
    /// the batch may correct the petitioner's name on them too.
    pub opened: RefCell<Vec<(PetitionerId, CaseId)>>,
}

impl Registration<'_> {
    pub fn register(&self, new: &NewVisit) -> TxResult<Registered> {
        let old_petitioner: Option<Petitioner> = match new.existing_petitioner {
            Some(PetitionerId(id)) => {
                let record = RecordRef::Petitioner(id);
                let found = self.petitioners.get(id)?;
                Some(found.ok_or_else(|| fail(StoreError::NotFound(record)))?)
            }
            None => None,
        };
        let old_case: Option<Case> = match new.case {
            CaseLink::Existing(CaseId(id)) => {
                let record = RecordRef::Case(id);
                let found = self.cases.get(id)?;
                Some(found.ok_or_else(|| fail(StoreError::NotFound(record)))?)
            }
            CaseLink::New => None,
        };
        if let Some(case) = &old_case {
            check_case_owner(new, case).map_err(fail)?;
        }
        if let Some(leader) = new.receiving_leader
            && self.leaders.get(id_key(leader.0))?.is_none()
        {
            return Err(fail(StoreError::NotFound(RecordRef::Leader(leader.0))));
        }

        // Same order of allocation as the memory store, so both give the same ids.
        let year = numbering_year(new);
        let visit = VisitId(next_id(self.meta)?);
        let visit_number = next_serial(self.meta, &meta::visit_serial(year), year)?;
        let petitioner = match old_petitioner {
            None => Some(PetitionerId(next_id(self.meta)?)),
            Some(_) => None,
        };
        let case = match old_case {
            None => {
                let id = CaseId(next_id(self.meta)?);
                Some((id, next_serial(self.meta, &meta::case_serial(year), year)?))
            }
            Some(_) => None,
        };
        let alloc = Allocation {
            visit,
            visit_number,
            petitioner,
            case,
        };

        let old_petitioner_keys = old_petitioner
            .as_ref()
            .map(keys::petitioner_index)
            .unwrap_or_default();
        let old_case_keys = old_case.as_ref().map(keys::case_index).unwrap_or_default();
        let old_name = old_petitioner.as_ref().map(|p| p.person.name.clone());
        let (new_petitioner, new_case) = (old_petitioner.is_none(), old_case.is_none());
        let (visit, petitioner, case) = assemble(new, old_petitioner, old_case, alloc);

        self.visits.put(visit.id.0, &visit)?;
        self.petitioners.put(petitioner.id.0, &petitioner)?;
        self.cases.put(case.id.0, &case)?;

        for key in keys::visit_index(&visit) {
            super::lists::add(self.index, key)?;
        }
        reindex(
            self.index,
            self.names,
            &old_petitioner_keys,
            &keys::petitioner_index(&petitioner),
        )?;
        reindex(
            self.index,
            self.names,
            &old_case_keys,
            &keys::case_index(&case),
        )?;
        bump(self.meta, meta::VISIT_COUNT, 1)?;

        let matter = MatterTx {
            cases: self.cases,
            packages: self.packages,
            ledger: self.ledger,
            meta: self.meta,
            index: self.index,
            pending: self.pending,
            petitioners: self.petitioners,
            audit: self.audit,
        };
        let stored = matter.package(case.id)?;
        let (package, responsibility, events) =
            note_visit(&case, stored.clone(), &visit, new.receiving_leader);
        let now = package
            .as_ref()
            .or(stored.as_ref())
            .cloned()
            .unwrap_or_default();
        note_named(self.meta, self.index, case.id.0, &Named::of(&now, &events))?;
        if let Some(package) = &package {
            self.packages.put(case.id.0, package)?;
        }
        matter.append(case.id, &events)?;
        if let Some(leader) = new.receiving_leader {
            self.receptions.put(visit.id.0, &leader)?;
        }
        let package = package.or(stored).unwrap_or_default();
        self.note_pending(
            &matter,
            &case,
            package,
            &events,
            new_case,
            &petitioner.person.name,
        )?;
        if new_case {
            self.opened.borrow_mut().push((petitioner.id, case.id));
        }
        let event = evidence::visit_registered(&visit, &case, new_case, new.recorded_at);
        AuditTx {
            audit: self.audit,
            meta: self.meta,
        }
        .append(&event)?;
        if old_name.is_some_and(|old| old != petitioner.person.name) {
            let mut others = self
                .known_cases
                .get(&petitioner.id)
                .cloned()
                .unwrap_or_default();
            let opened = self.opened.borrow();
            others.extend(
                opened
                    .iter()
                    .filter(|(p, _)| *p == petitioner.id)
                    .map(|(_, c)| *c),
            );
            others.retain(|c| *c != case.id);
            matter.rename(&others, &petitioner.person.name)?;
        }

        Ok(Registered {
            visit,
            case,
            petitioner,
            new_case,
            new_petitioner,
            responsibility,
        })
    }

    /// The matter's pending row after the visit: built whole for a new matter, brought up to
    /// date from the old row for a known one (the rest of the ledger is not read), built from
    /// the whole matter when an open matter has no row. A visit on a matter no longer open
    /// gives it none.
    fn note_pending(
        &self,
        matter: &MatterTx,
        case: &Case,
        package: crate::domain::matter::Package,
        events: &[crate::domain::ledger::LedgerEvent],
        new_case: bool,
        name: &str,
    ) -> TxResult<()> {
        if !case.state.is_open() {
            return Ok(());
        }
        let row = if new_case {
            MatterRow::of(&Matter::new(case.clone(), package, events.to_vec()), name)
        } else {
            match super::pending::get_row(self.pending, case.id)? {
                Some(mut row) => {
                    row.after_visit(case, &package, events, name);
                    row
                }
                None => MatterRow::of(&matter.load(case.id)?, name),
            }
        };
        super::pending::put_row(self.pending, &row)
    }
}

impl SledStore {
    /// See `Store::register_visits`: the whole batch in one transaction, then one flush. With
    /// `arrival` (a session, its queue number and who received them), that arrival is marked
    /// received with the batch's last visit in the same transaction (`Store::register_received`).
    pub(super) fn register_all(
        &self,
        visits: &[NewVisit],
        arrival: Option<(SessionId, u32, &Stamp)>,
    ) -> crate::store::Result<Vec<Registered>> {
        if visits.is_empty() {
            return Ok(Vec::new());
        }
        // A registration that panicked left nothing half-done under the lock: its transaction
        // either committed or did not.
        let _turn = self
            .registering
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let known_cases =
            self.cases_by_petitioner(visits.iter().filter_map(|v| v.existing_petitioner))?;
        let mut names: Vec<String> = visits.iter().map(|v| v.petitioner.name.clone()).collect();
        for id in visits.iter().filter_map(|v| v.existing_petitioner) {
            if let Some(p) = crate::store::Store::petitioner(self, id)? {
                names.push(p.person.name);
            }
        }
        let names = Directory::of(&self.index, names.iter().map(String::as_str))?;
        // Twelve trees: more than sled's tuple form takes (nine), so the slice form, in this
        // order. The evidence log is one of them: a visit is never saved without its event.
        let trees = [
            self.petitioners.tree(),
            self.visits.tree(),
            self.cases.tree(),
            &self.meta,
            &self.index,
            self.packages.tree(),
            self.ledger.tree(),
            self.receptions.tree(),
            &self.pending,
            &self.leaders,
            &self.audit,
            &self.sessions,
        ];
        let done = trees[..]
            .transaction(|t| {
                let tx = Registration {
                    petitioners: self.petitioners.in_tx(&t[0]),
                    visits: self.visits.in_tx(&t[1]),
                    cases: self.cases.in_tx(&t[2]),
                    meta: &t[3],
                    index: &t[4],
                    names: &names,
                    packages: self.packages.in_tx(&t[5]),
                    ledger: self.ledger.in_tx(&t[6]),
                    receptions: self.receptions.in_tx(&t[7]),
                    pending: &t[8],
                    leaders: &t[9],
                    audit: &t[10],
                    known_cases: &known_cases,
                    opened: Default::default(),
                };
                // Anew on each run of the transaction, as the ids it remembers are.
                let mut people = BatchPeople::default();
                let mut done = Vec::with_capacity(visits.len());
                for v in visits {
                    let v = people.resolve(v);
                    let r = tx.register(&v)?;
                    if r.new_petitioner {
                        people.created(&v, r.petitioner.id);
                    }
                    done.push(r);
                }
                if let (Some((session, number, stamp)), Some(last)) = (arrival, done.last()) {
                    let schedule = ScheduleTx {
                        meta: &t[3],
                        sessions: &t[11],
                        unavailable: None,
                        audit: &t[10],
                    };
                    schedule.apply(&received(session, number, last), stamp, None)?;
                }
                Ok(done)
            })
            .map_err(transaction_error)?;
        let entries: Vec<Vec<u8>> = done
            .iter()
            .flat_map(|r| keys::petitioner_index(&r.petitioner))
            .collect();
        // A list left whole is only slower to read; the registration stands either way.
        if let Err(e) = name_lists::cut(&self.index, entries.iter().map(Vec::as_slice)) {
            tracing::warn!("name lists were not cut: {e}");
        }
        match self.persist() {
            Ok(()) => Ok(done),
            Err(e) => Err(StoreError::Unconfirmed {
                registered: done,
                reason: Box::new(e.on_disk(&self.path)),
            }),
        }
    }
}

//! A matter's package and ledger on disk, and the lists of matters by state and for
//! collective study.
//!
//! Layout: `packages` holds a matter's `Package` under its case id, only once it differs from
//! the default (matters from before packages existed have none and read as the default);
//! `ledger` holds one entry per key `case id + position`, appended and never rewritten; the
//! number of entries is a counter in `meta` (`ledger_len/<case>`), because a transaction
//! cannot scan and must still know where to append.

use sled::transaction::{Transactional, TransactionalTree};

use crate::domain::case::{Case, CaseId, CaseState};
use crate::domain::evidence;
use crate::domain::ledger::{LedgerEvent, Stamp};
use crate::domain::matter::{Matter, MatterChange, Package};
use crate::domain::organisation::Named;
use crate::store::{RecordRef, Result, StoreError, codec};

use super::SledStore;
use super::audit::AuditTx;
use super::keys::{self, id_key, ledger_key, meta, tag};
use super::org::note_named;
use super::read::{engine, ids, load, load_indexed, transaction_error};
use super::write::{TxResult, bump, fail, get_record, next_serial, put_record, reindex};

/// The trees a change to a matter touches.
pub struct MatterTx<'a> {
    pub cases: &'a TransactionalTree,
    pub packages: &'a TransactionalTree,
    pub ledger: &'a TransactionalTree,
    pub meta: &'a TransactionalTree,
    pub index: &'a TransactionalTree,
    pub pending: &'a TransactionalTree,
    /// Read only, for the petitioner's name on a pending row.
    pub petitioners: &'a TransactionalTree,
    /// The evidence log: a change's event is written with the change.
    pub audit: &'a TransactionalTree,
}

impl MatterTx<'_> {
    pub fn package(&self, id: CaseId) -> TxResult<Option<Package>> {
        get_record(self.packages, id.0, RecordRef::Package(id.0))
    }

    fn ledger_len(&self, id: CaseId) -> TxResult<u64> {
        match self.meta.get(meta::ledger_len(id.0))? {
            None => Ok(0),
            Some(bytes) => codec::decode(&bytes, RecordRef::Counter).map_err(fail),
        }
    }

    /// The whole matter as this transaction sees it: the rules may read the ledger, so it is
    /// loaded entry by entry (a transaction cannot scan).
    pub fn load(&self, id: CaseId) -> TxResult<Matter> {
        let record = RecordRef::Case(id.0);
        let case: Case = get_record(self.cases, id.0, record)?
            .ok_or_else(|| fail(StoreError::NotFound(record)))?;
        let package = self.package(id)?.unwrap_or_default();
        let mut ledger = Vec::new();
        for position in 0..self.ledger_len(id)? {
            let damaged = || {
                fail(StoreError::Engine(format!(
                    "an entry of {} is missing",
                    RecordRef::Ledger(id.0)
                )))
            };
            let bytes = self
                .ledger
                .get(ledger_key(id.0, position))?
                .ok_or_else(damaged)?;
            ledger.push(codec::decode(&bytes, RecordRef::Ledger(id.0)).map_err(fail)?);
        }
        Ok(Matter::new(case, package, ledger))
    }

    /// Appends entries after the last one, moving the counter in the same transaction.
    pub fn append(&self, id: CaseId, events: &[LedgerEvent]) -> TxResult<()> {
        if events.is_empty() {
            return Ok(());
        }
        let end = bump(self.meta, &meta::ledger_len(id.0), events.len() as u64)?;
        let start = end - events.len() as u64;
        for (position, event) in (start..).zip(events) {
            let bytes = codec::encode(event, RecordRef::Ledger(id.0)).map_err(fail)?;
            self.ledger.insert(&ledger_key(id.0, position), bytes)?;
        }
        Ok(())
    }

    /// Runs the change on what the transaction read and writes what it changed. Pure apart
    /// from the transaction's own trees, so sled may run it again.
    pub fn change(&self, id: CaseId, change: &MatterChange, stamp: &Stamp) -> TxResult<Matter> {
        let before = self.load(id)?;
        let mut after = before.clone();
        // Drawn before the rules run; a refused change aborts the transaction, number and all.
        let number = match change.series(stamp) {
            Some(series) => {
                let key = meta::urge_serial(series);
                Some(next_serial(self.meta, &key, series.year)?.seq)
            }
            None => None,
        };
        after
            .change(change, stamp, number)
            .map_err(|e| fail(StoreError::Matter(e)))?;
        if after == before {
            return Ok(after);
        }
        if after.case != before.case {
            put_record(self.cases, id.0, &after.case, RecordRef::Case(id.0))?;
        }
        if after.package != before.package {
            put_record(
                self.packages,
                id.0,
                &after.package,
                RecordRef::Package(id.0),
            )?;
        }
        reindex(
            self.index,
            &keys::matter_index(&before.case, &before.package),
            &keys::matter_index(&after.case, &after.package),
        )?;
        let added = &after.ledger[before.ledger.len()..];
        note_named(
            self.meta,
            self.index,
            id.0,
            &Named::of(&after.package, added),
        )?;
        self.append(id, added)?;
        self.refresh_row(&after)?;
        AuditTx {
            audit: self.audit,
            meta: self.meta,
        }
        .append(&evidence::matter_changed(change, &after, stamp))?;
        Ok(after)
    }
}

impl SledStore {
    pub(super) fn change(
        &self,
        id: CaseId,
        change: &MatterChange,
        stamp: &Stamp,
    ) -> Result<Matter> {
        let changed = self.in_matter_tx(|tx| tx.change(id, change, stamp))?;
        // A retry after a failed flush is harmless: the rules refuse the same step twice and
        // a repeated flag, team or plan writes nothing.
        self.persist()?;
        Ok(changed)
    }

    /// Every change of a batch in one transaction and one flush; one refused change aborts
    /// them all.
    pub(super) fn change_many(&self, changes: &[(CaseId, MatterChange, Stamp)]) -> Result<()> {
        if changes.is_empty() {
            return Ok(());
        }
        self.in_matter_tx(|tx| {
            for (id, change, stamp) in changes {
                tx.change(*id, change, stamp)?;
            }
            Ok(())
        })?;
        self.persist()
    }

    fn in_matter_tx<T>(&self, run: impl Fn(&MatterTx) -> TxResult<T>) -> Result<T> {
        let trees = (
            &self.cases,
            &self.packages,
            &self.ledger,
            &self.meta,
            &self.index,
            &self.pending,
            &self.petitioners,
            &self.audit,
        );
        trees
            .transaction(
                |(cases, packages, ledger, meta, index, pending, petitioners, audit)| {
                    run(&MatterTx {
                        cases,
                        packages,
                        ledger,
                        meta,
                        index,
                        pending,
                        petitioners,
                        audit,
                    })
                },
            )
            .map_err(transaction_error)
    }

    pub(super) fn load_matter(&self, id: CaseId) -> Result<Option<Matter>> {
        let Some(case) = load::<Case>(&self.cases, id.0, RecordRef::Case(id.0))? else {
            return Ok(None);
        };
        let package = load(&self.packages, id.0, RecordRef::Package(id.0))?.unwrap_or_default();
        let ledger = self
            .ledger
            .scan_prefix(id_key(id.0))
            .map(|entry| {
                let (_, bytes) = entry.map_err(engine)?;
                Ok(codec::decode(&bytes, RecordRef::Ledger(id.0))?)
            })
            .collect::<Result<Vec<LedgerEvent>>>()?;
        Ok(Some(Matter::new(case, package, ledger)))
    }

    pub(super) fn indexed_cases(&self, prefix: &[u8], limit: usize) -> Result<Vec<Case>> {
        ids(self.index.scan_prefix(prefix), limit)?
            .into_iter()
            .map(|id| load_indexed(&self.cases, id, RecordRef::Case(id)))
            .collect()
    }

    pub(super) fn cases_in(&self, state: CaseState, limit: usize) -> Result<Vec<Case>> {
        self.indexed_cases(&keys::state_prefix(state), limit)
    }

    pub(super) fn flagged_cases(&self) -> Result<Vec<Case>> {
        self.indexed_cases(&[tag::COLLECTIVE_STUDY], usize::MAX)
    }
}

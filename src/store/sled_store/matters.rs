//! A matter's package and ledger on disk, and the lists of matters by state and for
//! collective study.
//!
//! Layout: `packages` holds a matter's `Package` under its case id, only once it differs from
//! the default (matters from before packages existed have none and read as the default);
//! `ledgers` holds a matter's whole ledger as one value under its case id (absent while it is
//! empty), rewritten with each entry added. A ledger is usually a few dozen entries; one key a
//! matter instead of one an entry keeps sled's tree, and so the memory and time it takes to
//! open, several million keys smaller at a million visits. Databases written with one key an
//! entry (the `ledger` tree) are moved over once on opening (`move_old_ledger`).

use sled::transaction::{Transactional, TransactionalTree};

use crate::domain::case::{Case, CaseId, CaseState};
use crate::domain::evidence;
use crate::domain::ledger::{LedgerEvent, Stamp};
use crate::domain::matter::{Matter, MatterChange, Package};
use crate::domain::organisation::Named;
use crate::store::{KeyOf, RecordRef, Result, StoreError, codec};

use super::SledStore;
use super::audit::AuditTx;
use super::keys::{self, id_key, meta, tag, trailing_id};
use super::lists;
use super::name_lists::Directory;
use super::org::note_named;
use super::packs::TxPacked;
use super::read::{engine, ids, transaction_error};
use super::write::{TxResult, fail, next_serial, reindex};

/// The trees a change to a matter touches.
pub struct MatterTx<'a> {
    pub cases: TxPacked<'a>,
    pub packages: TxPacked<'a>,
    pub ledger: TxPacked<'a>,
    pub meta: &'a TransactionalTree,
    pub index: &'a TransactionalTree,
    pub pending: &'a TransactionalTree,
    /// Read only, for the petitioner's name on a pending row.
    pub petitioners: TxPacked<'a>,
    /// The evidence log: a change's event is written with the change.
    pub audit: &'a TransactionalTree,
}

impl MatterTx<'_> {
    pub fn package(&self, id: CaseId) -> TxResult<Option<Package>> {
        self.packages.get(id.0)
    }

    fn ledger(&self, id: CaseId) -> TxResult<Vec<LedgerEvent>> {
        Ok(self.ledger.get(id.0)?.unwrap_or_default())
    }

    /// The whole matter as this transaction sees it: the rules may read the ledger.
    pub fn load(&self, id: CaseId) -> TxResult<Matter> {
        let record = RecordRef::Case(id.0);
        let case: Case = self
            .cases
            .get(id.0)?
            .ok_or_else(|| fail(StoreError::NotFound(record)))?;
        let package = self.package(id)?.unwrap_or_default();
        Ok(Matter::new(case, package, self.ledger(id)?))
    }

    /// Appends entries after the last one.
    pub fn append(&self, id: CaseId, events: &[LedgerEvent]) -> TxResult<()> {
        if events.is_empty() {
            return Ok(());
        }
        let mut ledger = self.ledger(id)?;
        ledger.extend_from_slice(events);
        self.ledger.put(id.0, &ledger)
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
            self.cases.put(id.0, &after.case)?;
        }
        if after.package != before.package {
            self.packages.put(id.0, &after.package)?;
        }
        // A matter has no name entries.
        reindex(
            self.index,
            &Directory::default(),
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
            self.cases.tree(),
            self.packages.tree(),
            self.ledger.tree(),
            &self.meta,
            &self.index,
            &self.pending,
            self.petitioners.tree(),
            &self.audit,
        );
        trees
            .transaction(
                |(cases, packages, ledger, meta, index, pending, petitioners, audit)| {
                    run(&MatterTx {
                        cases: self.cases.in_tx(cases),
                        packages: self.packages.in_tx(packages),
                        ledger: self.ledger.in_tx(ledger),
                        meta,
                        index,
                        pending,
                        petitioners: self.petitioners.in_tx(petitioners),
                        audit,
                    })
                },
            )
            .map_err(transaction_error)
    }

    pub(super) fn load_matter(&self, id: CaseId) -> Result<Option<Matter>> {
        let Some(case) = self.cases.get::<Case>(id.0)? else {
            return Ok(None);
        };
        let package = self.packages.get(id.0)?.unwrap_or_default();
        let ledger = self.ledger.get(id.0)?.unwrap_or_default();
        Ok(Some(Matter::new(case, package, ledger)))
    }

    pub(super) fn indexed_cases(&self, prefix: &[u8], limit: usize) -> Result<Vec<Case>> {
        self.cases_by_id(ids(self.index.scan_prefix(prefix), limit)?)
    }

    fn cases_by_id(&self, ids: Vec<u64>) -> Result<Vec<Case>> {
        ids.into_iter()
            .map(|id| self.cases.get_indexed(id))
            .collect()
    }

    pub(super) fn cases_in(&self, state: CaseState, limit: usize) -> Result<Vec<Case>> {
        let entries = keys::state_prefix(state);
        let lists = [lists::list_tag::BY_STATE, entries[1]];
        let found = lists::forward(&self.index, &lists, &entries, limit)?;
        self.cases_by_id(lists::listed_ids(&found)?)
    }

    pub(super) fn flagged_cases(&self) -> Result<Vec<Case>> {
        self.indexed_cases(&[tag::COLLECTIVE_STUDY], usize::MAX)
    }
}

/// The tree that held one ledger entry a key (`keys::ledger_key`) before `ledgers`.
const OLD_LEDGER: &[u8] = b"ledger";
/// Matters written per batch while moving old ledgers: bounded memory, few flushes.
const MOVE_BATCH: usize = 10_000;

impl SledStore {
    /// Moves ledgers written one key an entry into one value a matter, once. The old tree and
    /// its counters go only after every ledger is copied and on disk: a crash part way leaves
    /// them whole, and the next opening copies again over the partial copy. It runs while the
    /// database opens, before anything else can write a ledger.
    pub(super) fn move_old_ledger(&self) -> Result<()> {
        if !self.db.tree_names().iter().any(|n| n == OLD_LEDGER) {
            return Ok(());
        }
        let old = self.db.open_tree(OLD_LEDGER).map_err(engine)?;
        let mut batch = sled::Batch::default();
        let mut batched = 0;
        let mut matter: Option<(u64, Vec<LedgerEvent>)> = None;
        let mut write = |(case, events): (u64, Vec<LedgerEvent>), last: bool| -> Result<()> {
            batch.insert(
                &id_key(case)[..],
                codec::encode(&events, RecordRef::Ledger(case))?,
            );
            batched += 1;
            if batched == MOVE_BATCH || last {
                // One to a key, as the databases this upgrades kept them: `open` packs them.
                self.ledger
                    .tree()
                    .apply_batch(std::mem::take(&mut batch))
                    .map_err(engine)?;
                batched = 0;
            }
            Ok(())
        };
        for entry in old.iter() {
            let (key, bytes) = entry.map_err(engine)?;
            let case = key
                .get(..8)
                .and_then(trailing_id)
                .ok_or_else(|| StoreError::damaged_key(KeyOf::Ledger, &key))?;
            let event = codec::decode(&bytes, RecordRef::Ledger(case))?;
            match &mut matter {
                Some((current, events)) if *current == case => events.push(event),
                _ => {
                    if let Some(done) = matter.replace((case, vec![event])) {
                        write(done, false)?;
                    }
                }
            }
        }
        if let Some(done) = matter {
            write(done, true)?;
        }
        self.persist()?;
        let mut counters = sled::Batch::default();
        for key in self.meta.scan_prefix(meta::LEDGER_LEN).keys() {
            counters.remove(key.map_err(engine)?);
        }
        self.meta.apply_batch(counters).map_err(engine)?;
        self.db.drop_tree(OLD_LEDGER).map_err(engine)?;
        self.persist()
    }
}

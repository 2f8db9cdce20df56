//! Leaders and departments on disk, and what keeps a delete from leaving a matter pointing at
//! nobody.
//!
//! Layout: each record in its tree (`leaders`, `departments`) under its id. In `index`: the
//! tidied name of each *active* record, valued with its id (`tag::LEADER_NAME`), so a
//! transaction can refuse a duplicate by one lookup; and one entry per matter that names a
//! record (`tag::LEADER_NAMED_BY` + record + case). In `meta`, `refs/…` counts those entries
//! per record, because a delete's transaction cannot scan; the registration or matter change
//! that adds an entry moves the count in its own transaction. A matter never stops naming
//! someone (its ledger only grows), so entries are only ever added.

use std::collections::BTreeMap;

use sled::transaction::{Transactional, TransactionalTree};
use sled::{IVec, Tree};

use crate::domain::audit::subject;
use crate::domain::evidence::{OrgAct, org_changed};
use crate::domain::ledger::{LedgerEvent, Stamp};
use crate::domain::matter::Package;
use crate::domain::organisation::{Department, Leader, Named, OrgError};
use crate::domain::text::tidy;
use crate::store::org::OrgRecord;
use crate::store::{RecordRef, Result, StoreError, codec};

use super::SledStore;
use super::audit::AuditTx;
use super::keys::{id_key, meta, tag, text_prefix, trailing_id};
use super::read::{engine, load_all, transaction_error};
use super::write::{TxResult, fail, get_record, next_id, put_record};

/// Where a kind of record lives on disk.
pub(super) trait OnDisk: OrgRecord {
    /// How the evidence log names this kind of record (`audit::subject`).
    const SUBJECT: &'static str;
    const NAME_TAG: u8;
    const NAMED_BY_TAG: u8;
    fn tree(store: &SledStore) -> &Tree;
}

impl OnDisk for Leader {
    const SUBJECT: &'static str = subject::LEADER;
    const NAME_TAG: u8 = tag::LEADER_NAME;
    const NAMED_BY_TAG: u8 = tag::LEADER_NAMED_BY;
    fn tree(store: &SledStore) -> &Tree {
        &store.leaders
    }
}

impl OnDisk for Department {
    const SUBJECT: &'static str = subject::DEPARTMENT;
    const NAME_TAG: u8 = tag::DEPARTMENT_NAME;
    const NAMED_BY_TAG: u8 = tag::DEPARTMENT_NAMED_BY;
    fn tree(store: &SledStore) -> &Tree {
        &store.departments
    }
}

fn name_key<R: OnDisk>(name: &str) -> Vec<u8> {
    text_prefix(R::NAME_TAG, &tidy(name))
}

fn named_by_key(kind: u8, id: u64, case: u64) -> Vec<u8> {
    let mut key = vec![kind];
    key.extend_from_slice(&id_key(id));
    key.extend_from_slice(&id_key(case));
    key
}

fn read_count(bytes: Option<IVec>) -> std::result::Result<u64, codec::CodecError> {
    match bytes {
        None => Ok(0),
        Some(bytes) => codec::decode(&bytes, RecordRef::Counter),
    }
}

/// The trees a change to one kind of record touches.
struct OrgTx<'a> {
    meta: &'a TransactionalTree,
    records: &'a TransactionalTree,
    index: &'a TransactionalTree,
    audit: &'a TransactionalTree,
    stamp: &'a Stamp,
}

impl OrgTx<'_> {
    /// The change's event, in the change's own transaction.
    fn record<R: OnDisk>(&self, act: OrgAct, record: &R) -> TxResult<()> {
        let raw = R::raw(record.id());
        let event = org_changed(act, R::SUBJECT, raw, record.name(), self.stamp);
        AuditTx {
            audit: self.audit,
            meta: self.meta,
        }
        .append(&event)
        .map(drop)
    }

    fn get<R: OnDisk>(&self, id: R::Id) -> TxResult<R> {
        let raw = R::raw(id);
        get_record(self.records, raw, R::record(raw))?
            .ok_or_else(|| fail(StoreError::NotFound(R::record(raw))))
    }

    fn put<R: OnDisk>(&self, record: &R) -> TxResult<()> {
        let raw = R::raw(record.id());
        put_record(self.records, raw, record, R::record(raw))
    }

    /// Takes `name` for record `id`; refused while another active record has it.
    fn claim_name<R: OnDisk>(&self, name: &str, id: u64) -> TxResult<()> {
        let key = name_key::<R>(name);
        if let Some(holder) = self.index.get(&key)?
            && trailing_id(&holder) != Some(id)
        {
            let name = tidy(name);
            return Err(fail(OrgError::DuplicateName { name }));
        }
        self.index.insert(key, &id_key(id))?;
        Ok(())
    }

    fn release_name<R: OnDisk>(&self, name: &str, id: u64) -> TxResult<()> {
        let key = name_key::<R>(name);
        if self
            .index
            .get(&key)?
            .is_some_and(|h| trailing_id(&h) == Some(id))
        {
            self.index.remove(key)?;
        }
        Ok(())
    }
}

impl SledStore {
    fn org_tx<R: OnDisk, T>(
        &self,
        stamp: &Stamp,
        work: impl Fn(&OrgTx) -> TxResult<T>,
    ) -> Result<T> {
        let done = (&self.meta, R::tree(self), &self.index, &self.audit)
            .transaction(|(meta, records, index, audit)| {
                work(&OrgTx {
                    meta,
                    records,
                    index,
                    audit,
                    stamp,
                })
            })
            .map_err(transaction_error)?;
        self.persist()?;
        Ok(done)
    }

    pub(super) fn org_records<R: OnDisk>(&self) -> Result<Vec<R>> {
        load_all(R::tree(self), R::record)
    }

    pub(super) fn add_org<R: OnDisk>(&self, news: &[R::New], stamp: &Stamp) -> Result<Vec<R>> {
        // Checked before the transaction: the rules are pure, and sled may run it twice.
        let checked = news
            .iter()
            .map(R::check)
            .collect::<std::result::Result<Vec<_>, _>>()?;
        if checked.is_empty() {
            return Ok(Vec::new());
        }
        self.org_tx::<R, _>(stamp, |tx| {
            checked
                .iter()
                .map(|new| {
                    let id = next_id(tx.meta)?;
                    tx.claim_name::<R>(R::new_name(new), id)?;
                    let record = R::build(id, new);
                    tx.put(&record)?;
                    tx.record(OrgAct::Added, &record)?;
                    Ok(record)
                })
                .collect()
        })
    }

    pub(super) fn edit_org<R: OnDisk>(&self, id: R::Id, edit: &R::New, stamp: &Stamp) -> Result<R> {
        let edit = R::check(edit)?;
        self.org_tx::<R, _>(stamp, |tx| {
            let old: R = tx.get(id)?;
            let new = old.edit(&edit);
            if old.active() {
                tx.release_name::<R>(old.name(), R::raw(id))?;
                tx.claim_name::<R>(new.name(), R::raw(id))?;
            }
            tx.put(&new)?;
            tx.record(OrgAct::Edited, &new)?;
            Ok(new)
        })
    }

    pub(super) fn set_org_active<R: OnDisk>(
        &self,
        id: R::Id,
        active: bool,
        stamp: &Stamp,
    ) -> Result<R> {
        self.org_tx::<R, _>(stamp, |tx| {
            let mut record: R = tx.get(id)?;
            if record.active() == active {
                return Ok(record);
            }
            if active {
                tx.claim_name::<R>(record.name(), R::raw(id))?;
            } else {
                tx.release_name::<R>(record.name(), R::raw(id))?;
            }
            record.set_active(active);
            tx.put(&record)?;
            let act = if active {
                OrgAct::Activated
            } else {
                OrgAct::Deactivated
            };
            tx.record(act, &record)?;
            Ok(record)
        })
    }

    pub(super) fn delete_org<R: OnDisk>(&self, id: R::Id, stamp: &Stamp) -> Result<()> {
        let raw = R::raw(id);
        let count_key = meta::references(R::NAMED_BY_TAG, raw);
        self.org_tx::<R, _>(stamp, |tx| {
            let record: R = tx.get(id)?;
            let matters = read_count(tx.meta.get(&count_key)?).map_err(fail)?;
            if matters > 0 {
                return Err(fail(StoreError::StillReferenced {
                    record: R::record(raw),
                    name: record.name().to_string(),
                    matters,
                }));
            }
            if record.active() {
                tx.release_name::<R>(record.name(), raw)?;
            }
            tx.records.remove(&id_key(raw))?;
            tx.meta.remove(count_key.as_slice())?;
            tx.record(OrgAct::Deleted, &record)?;
            Ok(())
        })
    }

    /// Builds the name and reference indexes for what was written before they existed; once.
    pub(super) fn build_org_index(&self) -> Result<()> {
        if self.meta.get(meta::ORG_INDEX).map_err(engine)?.is_some() {
            return Ok(());
        }
        let mut entries: BTreeMap<Vec<u8>, IVec> = BTreeMap::new();
        let mut counts: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
        let leaders: Vec<Leader> = self.org_records()?;
        let departments: Vec<Department> = self.org_records()?;
        // The first of two active records of one name keeps it; the other must be renamed
        // before it can be edited, which the screen then says.
        for (key, id) in leaders
            .iter()
            .filter(|l| l.active)
            .map(|l| (name_key::<Leader>(&l.name), l.id.0))
            .chain(
                departments
                    .iter()
                    .filter(|d| d.active)
                    .map(|d| (name_key::<Department>(&d.name), d.id.0)),
            )
        {
            entries
                .entry(key)
                .or_insert_with(|| IVec::from(&id_key(id)));
        }
        let mut note = |case: u64, events: &[LedgerEvent]| -> Result<()> {
            let package: Package = self.packages.get(case)?.unwrap_or_default();
            for (kind, id) in references(&Named::of(&package, events)) {
                entries.insert(named_by_key(kind, id, case), IVec::default());
                *counts.entry(meta::references(kind, id)).or_default() += 1;
            }
            Ok(())
        };
        for stored in self.ledger.records() {
            let stored = stored?;
            let events: Vec<LedgerEvent> = stored.decode()?;
            note(stored.id, &events)?;
        }
        let counts = counts
            .into_iter()
            .map(|(k, n)| Ok((k, codec::encode(&n, RecordRef::Counter)?)))
            .collect::<Result<Vec<_>>>()?;
        let done = codec::encode(&1u8, RecordRef::Settings)?;
        (&self.meta, &self.index)
            .transaction(|(meta_tree, index)| {
                for (key, value) in &entries {
                    index.insert(key.as_slice(), value.clone())?;
                }
                for (key, value) in &counts {
                    meta_tree.insert(key.as_slice(), value.as_slice())?;
                }
                meta_tree.insert(meta::ORG_INDEX, done.as_slice())?;
                Ok(())
            })
            .map_err(transaction_error)?;
        self.persist()
    }
}

/// (index tag, id) of every record `named` refers to.
fn references(named: &Named) -> impl Iterator<Item = (u8, u64)> + '_ {
    let leaders = named.leaders.iter().map(|l| (tag::LEADER_NAMED_BY, l.0));
    let departments = named
        .departments
        .iter()
        .map(|d| (tag::DEPARTMENT_NAMED_BY, d.0));
    leaders.chain(departments)
}

/// In a registration's or a matter change's transaction: notes that matter `case` names
/// everyone in `named`, counting each record once per matter.
pub fn note_named(
    meta_tree: &TransactionalTree,
    index: &TransactionalTree,
    case: u64,
    named: &Named,
) -> TxResult<()> {
    for (kind, id) in references(named) {
        let key = named_by_key(kind, id, case);
        if !super::lists::tx_contains(index, &key)? {
            super::lists::add(index, key)?;
            super::write::bump(meta_tree, &meta::references(kind, id), 1)?;
        }
    }
    Ok(())
}

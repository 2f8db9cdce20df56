//! The pending index: the `pending` tree holds a summary row (`MatterRow`) of every open
//! matter, so the reports read one tree and decode nothing else. A matter's row is written in
//! the same transaction as every registration on it and every change to it, and removed in the
//! one that closes it (or forwards it, or does not accept it).
//!
//! Rows are kept in blocks: the rows of matters #0–#127 under one key, #128–#255 under the
//! next, and so on, each block a list in id order. Every report reads every open matter, and
//! sled's cost per key read was as large as decoding the row (25 ms each for 94 000 rows at a
//! million visits), and a first read after opening paid for every page it touched. With
//! blocks of 128 the million-visit demo's open matters are 14 657 keys, the largest 2.9 KB; a
//! change rewrites its block. (Blocks of 32: 30 903 keys, and a first report of 138 ms
//! against 45.)
//!
//! The rows are derived from the matters. A database written before the index existed, or
//! with rows of another format, has them rebuilt when it is opened (`meta::PENDING_ROWS` says
//! which format the tree holds), so a later change of `MatterRow` rebuilds rather than reads.

use std::collections::HashMap;

use sled::transaction::TransactionalTree;

use crate::domain::case::{Case, CaseId};
use crate::domain::matter::Matter;
use crate::domain::pending::MatterRow;
use crate::domain::petitioner::{Petitioner, PetitionerId};
use crate::store::{RecordRef, Result, codec};

use super::SledStore;
use super::keys::{id_key, meta, tag, trailing_id};
use super::matters::MatterTx;
use super::read::{decode_record, engine, load};
use super::write::{TxResult, fail, get_record};

/// The format of the rows in the tree; a different one (or none) means rebuild on opening.
/// 2: dates as numbers (`domain::compact_dates`). 3: rows in blocks of 32 matters. 4: blocks
/// of `BLOCK` matters; a change of `BLOCK` needs a new format.
const ROWS_FORMAT: u64 = 4;
/// Matters per block.
const BLOCK: u64 = 128;

/// The key of the block that holds matter `id`'s row.
fn block_key(id: u64) -> [u8; 8] {
    id_key(id / BLOCK)
}

/// Names a block in messages by the matters it can hold.
pub(super) fn block_ref(key: &[u8]) -> RecordRef {
    let first = trailing_id(key).unwrap_or_default().saturating_mul(BLOCK);
    RecordRef::Pending {
        first,
        last: first.saturating_add(BLOCK - 1),
    }
}

fn get_block(pending: &TransactionalTree, id: u64) -> TxResult<Vec<MatterRow>> {
    let key = block_key(id);
    match pending.get(key)? {
        None => Ok(Vec::new()),
        Some(bytes) => codec::decode(&bytes, block_ref(&key)).map_err(fail),
    }
}

fn put_block(pending: &TransactionalTree, id: u64, rows: &[MatterRow]) -> TxResult<()> {
    let key = block_key(id);
    if rows.is_empty() {
        pending.remove(&key)?;
    } else {
        let bytes = codec::encode(&rows, block_ref(&key)).map_err(fail)?;
        pending.insert(&key, bytes)?;
    }
    Ok(())
}

pub fn put_row(pending: &TransactionalTree, row: &MatterRow) -> TxResult<()> {
    let mut rows = get_block(pending, row.id.0)?;
    match rows.binary_search_by_key(&row.id, |r| r.id) {
        Ok(at) => rows[at] = row.clone(),
        Err(at) => rows.insert(at, row.clone()),
    }
    put_block(pending, row.id.0, &rows)
}

pub fn get_row(pending: &TransactionalTree, id: CaseId) -> TxResult<Option<MatterRow>> {
    let mut rows = get_block(pending, id.0)?;
    Ok(rows
        .binary_search_by_key(&id, |r| r.id)
        .ok()
        .map(|at| rows.swap_remove(at)))
}

fn remove_row(pending: &TransactionalTree, id: CaseId) -> TxResult<()> {
    let mut rows = get_block(pending, id.0)?;
    if let Ok(at) = rows.binary_search_by_key(&id, |r| r.id) {
        rows.remove(at);
        put_block(pending, id.0, &rows)?;
    }
    Ok(())
}

impl MatterTx<'_> {
    /// Writes the matter's row as it now stands, or removes it once the matter is not open.
    /// The petitioner's name comes from the old row, or from the petitioner when there is none.
    pub fn refresh_row(&self, matter: &Matter) -> TxResult<()> {
        let id = matter.case.id;
        if !matter.state().is_open() {
            return remove_row(self.pending, id);
        }
        let name = match get_row(self.pending, id)? {
            Some(row) => row.petitioner.to_string(),
            None => self.petitioner_name(matter.case.petitioner_id)?,
        };
        put_row(self.pending, &MatterRow::of(matter, &name))
    }

    fn petitioner_name(&self, id: PetitionerId) -> TxResult<String> {
        let record = RecordRef::Petitioner(id.0);
        let found: Option<Petitioner> = get_record(self.petitioners, id.0, record)?;
        Ok(found.map(|p| p.person.name).unwrap_or_default())
    }

    /// A petitioner's name was corrected at a registration: their other open matters' rows
    /// take the new name too.
    pub fn rename(&self, cases: &[CaseId], name: &str) -> TxResult<()> {
        for id in cases {
            if let Some(mut row) = get_row(self.pending, *id)?
                && row.petitioner != name
            {
                row.petitioner = name.into();
                put_row(self.pending, &row)?;
            }
        }
        Ok(())
    }
}

impl SledStore {
    pub(super) fn pending_rows(&self) -> Result<Vec<MatterRow>> {
        let mut rows = Vec::new();
        for entry in self.pending.iter() {
            let (key, bytes) = entry.map_err(engine)?;
            let block: Vec<MatterRow> = codec::decode(&bytes, block_ref(&key))?;
            rows.extend(block);
        }
        Ok(rows)
    }

    /// The stored row of matter `id`, outside a transaction (for `check`).
    pub(super) fn stored_row(&self, id: CaseId) -> Result<Option<MatterRow>> {
        let key = block_key(id.0);
        let Some(bytes) = self.pending.get(key).map_err(engine)? else {
            return Ok(None);
        };
        let rows: Vec<MatterRow> = codec::decode(&bytes, block_ref(&key))?;
        Ok(rows.into_iter().find(|r| r.id == id))
    }

    /// The matters of each petitioner a batch of registrations names, read before the batch's
    /// transaction (which cannot scan), so that a corrected name reaches all their rows.
    pub(super) fn cases_by_petitioner(
        &self,
        petitioners: impl Iterator<Item = PetitionerId>,
    ) -> Result<HashMap<PetitionerId, Vec<CaseId>>> {
        let mut found = HashMap::new();
        for p in petitioners {
            if found.contains_key(&p) {
                continue;
            }
            let all = super::lists::owned(&self.index, tag::CASE_BY_PETITIONER, p.0)?;
            let cases = super::lists::listed_ids(&all)?;
            found.insert(p, cases.into_iter().map(CaseId).collect());
        }
        Ok(found)
    }

    /// Builds the index of a database that has none (or one of another format). Runs while
    /// the store is being opened, so nothing else writes meanwhile.
    pub(super) fn build_pending_if_missing(&self) -> Result<()> {
        let built: Option<u64> = decode_record(
            self.meta.get(meta::PENDING_ROWS).map_err(engine)?,
            RecordRef::Settings,
        )?;
        if built == Some(ROWS_FORMAT) {
            return Ok(());
        }
        self.pending.clear().map_err(engine)?;
        // Cases come in id order, so each block is complete when the next one starts.
        let mut block: Vec<MatterRow> = Vec::new();
        for entry in self.cases.iter() {
            let (key, bytes) = entry.map_err(engine)?;
            let id = trailing_id(&key).unwrap_or_default();
            let case: Case = codec::decode(&bytes, RecordRef::Case(id))?;
            if !case.state.is_open() {
                continue;
            }
            let Some(matter) = self.load_matter(case.id)? else {
                continue;
            };
            let record = RecordRef::Petitioner(case.petitioner_id.0);
            let name = load::<Petitioner>(&self.petitioners, case.petitioner_id.0, record)?
                .map(|p| p.person.name)
                .unwrap_or_default();
            if block.first().is_some_and(|r| r.id.0 / BLOCK != id / BLOCK) {
                self.insert_block(&block)?;
                block.clear();
            }
            block.push(MatterRow::of(&matter, &name));
        }
        if !block.is_empty() {
            self.insert_block(&block)?;
        }
        let format = codec::encode(&ROWS_FORMAT, RecordRef::Settings)?;
        self.meta
            .insert(meta::PENDING_ROWS, format)
            .map_err(engine)?;
        self.persist()
    }

    fn insert_block(&self, rows: &[MatterRow]) -> Result<()> {
        let Some(first) = rows.first() else {
            return Ok(());
        };
        let key = block_key(first.id.0);
        let bytes = codec::encode(&rows, block_ref(&key))?;
        self.pending.insert(key, bytes).map_err(engine)?;
        Ok(())
    }
}

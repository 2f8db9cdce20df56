//! The pending index: the `pending` tree holds a summary row (`MatterRow`) of every open
//! matter, so the reports read one tree and decode nothing else. A matter's row is written in
//! the same transaction as every registration on it and every change to it, and removed in the
//! one that closes it (or forwards it, or does not accept it).
//!
//! Rows are kept in blocks: the rows of matters #0–#255 under one key, #256–#511 under the
//! next, and so on, each block a list in id order. Every report reads every open matter, and
//! sled's cost per key read was as large as decoding the row (25 ms each for 94 000 rows at a
//! million visits), and a first read after opening paid for every page it touched. With
//! blocks of 256 the million-visit demo's open matters are 8 575 keys, the largest 5.3 KB; a
//! change rewrites its block. (Blocks of 32: 30 903 keys, and a first report of 138 ms; of
//! 128: 14 657 keys, a first report of 50–64 ms and 34–39 ms after; of 256: 45–46 and
//! 31–32 ms, with saves no slower.)
//!
//! The rows are derived from the matters. A database written before the index existed, or
//! with rows of another format, has them rebuilt when it is opened (`meta::PENDING_ROWS` says
//! which format the tree holds), so a later change of `MatterRow` rebuilds rather than reads.

use std::collections::HashMap;

use sled::IVec;
use sled::transaction::TransactionalTree;

use crate::domain::case::{Case, CaseId};
use crate::domain::matter::Matter;
use crate::domain::pending::MatterRow;
use crate::domain::petitioner::{Petitioner, PetitionerId};
use crate::store::{RecordRef, Result, codec};

use super::SledStore;
use super::keys::{id_key, meta, tag, trailing_id};
use super::matters::MatterTx;
use super::read::{decode_record, engine};
use super::write::{TxResult, fail};

/// The format of the rows in the tree; a different one (or none) means rebuild on opening.
/// 2: dates as numbers (`domain::compact_dates`). 3: rows in blocks of 32 matters. 4: blocks
/// of 128. 5: blocks of `BLOCK` matters; a change of `BLOCK` needs a new format.
const ROWS_FORMAT: u64 = 5;
/// Matters per block.
const BLOCK: u64 = 256;
/// Blocks below which one thread decodes them all: starting a thread costs about what
/// decoding a few blocks does.
const PARALLEL_FROM: usize = 64;

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
        let found: Option<Petitioner> = self.petitioners.get(id.0)?;
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

/// The rows of `blocks` (keys and values of the `pending` tree, in key order), in id order,
/// decoded on `threads` threads when there are enough blocks to be worth it. Each row is
/// decoded straight into the vector returned, or into one appended to it once.
fn decode_blocks(blocks: &[(IVec, IVec)], threads: usize) -> Result<Vec<MatterRow>> {
    let rows_in = |part: &[(IVec, IVec)]| -> usize {
        part.iter().filter_map(|(_, b)| codec::list_len(b)).sum()
    };
    let decode = |part: &[(IVec, IVec)], room: usize| -> Result<Vec<MatterRow>> {
        let mut rows = Vec::with_capacity(room);
        for (key, bytes) in part {
            codec::decode_list_into(bytes, block_ref(key), &mut rows)?;
        }
        Ok(rows)
    };
    if threads < 2 || blocks.len() < PARALLEL_FROM {
        return decode(blocks, rows_in(blocks));
    }
    let parts: Vec<_> = split_by_bytes(blocks, threads).collect();
    let Some((first, rest)) = parts.split_first() else {
        return Ok(Vec::new());
    };
    std::thread::scope(|scope| {
        let others: Vec<_> = rest
            .iter()
            .map(|part| scope.spawn(move || decode(part, rows_in(part))))
            .collect();
        let mut rows = decode(first, rows_in(blocks))?;
        for other in others {
            let decoded = other
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            rows.extend(decoded?);
        }
        Ok(rows)
    })
}

/// `blocks` cut into at most `parts` runs in order, of about the same number of bytes: the
/// recent matters' blocks hold far more open rows than the old ones.
fn split_by_bytes(blocks: &[(IVec, IVec)], parts: usize) -> impl Iterator<Item = &[(IVec, IVec)]> {
    let total: usize = blocks.iter().map(|(_, b)| b.len()).sum();
    let share = total.div_ceil(parts.max(1));
    let mut rest = blocks;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut bytes = 0;
        let end = rest
            .iter()
            .position(|(_, b)| {
                bytes += b.len();
                bytes >= share
            })
            .map_or(rest.len(), |at| at + 1);
        let (part, after) = rest.split_at(end);
        rest = after;
        Some(part)
    })
}

impl SledStore {
    /// Every open matter's row, in id order. Decoding was most of a report's time (40 of 48 ms
    /// for 95 000 rows at a million visits), so every core the machine has takes a share.
    pub(super) fn pending_rows(&self) -> Result<Vec<MatterRow>> {
        let blocks = self
            .pending
            .iter()
            .collect::<sled::Result<Vec<_>>>()
            .map_err(engine)?;
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        decode_blocks(&blocks, cores)
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
        for case in self.cases.each::<Case>() {
            let case = case?;
            let id = case.id.0;
            if !case.state.is_open() {
                continue;
            }
            let Some(matter) = self.load_matter(case.id)? else {
                continue;
            };
            let name = self
                .petitioners
                .get::<Petitioner>(case.petitioner_id.0)?
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::case::CaseState;
    use crate::domain::serial::SerialNo;
    use crate::domain::visit::Kind;
    use crate::store::StoreError;

    fn row(id: u64) -> MatterRow {
        let opened = NaiveDate::from_ymd_opt(2026, 3, 4)
            .unwrap()
            .and_hms_opt(9, 30, 0);
        MatterRow {
            id: CaseId(id),
            number: SerialNo {
                year: 2026,
                seq: id as u32,
            },
            petitioner: format!("欧阳{id}").into(),
            kind: Kind::Appeal,
            category: "劳动保障".into(),
            state: CaseState::Registered,
            opened_at: opened.unwrap(),
            responsible: None,
            department: None,
            collective_study: false,
            clock: None,
            last_progress: NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
            last_revisit: None,
            open_urges: Vec::new(),
            escalation: None,
        }
    }

    /// The tree as a database holds it: 200 blocks, the later ones fuller (as the recent
    /// matters are the open ones), each encoded as the store encodes it.
    fn blocks() -> (Vec<(IVec, IVec)>, Vec<MatterRow>) {
        let mut all = Vec::new();
        let mut blocks = Vec::new();
        for block in 0..200u64 {
            let rows: Vec<MatterRow> = (0..1 + block / 4).map(|i| row(block * BLOCK + i)).collect();
            let key = block_key(block * BLOCK);
            let bytes = codec::encode(&rows, block_ref(&key)).unwrap();
            blocks.push((IVec::from(&key[..]), IVec::from(bytes)));
            all.extend(rows);
        }
        (blocks, all)
    }

    #[test]
    fn rows_come_back_in_id_order_however_many_threads_decode_them() {
        let (blocks, all) = blocks();
        assert!(blocks.len() >= PARALLEL_FROM);
        for threads in [1, 2, 3, 8] {
            assert_eq!(
                decode_blocks(&blocks, threads).unwrap(),
                all,
                "{threads} threads"
            );
        }
        assert!(decode_blocks(&[], 2).unwrap().is_empty());
    }

    #[test]
    fn a_damaged_block_is_named_whichever_thread_meets_it() {
        let (mut blocks, _) = blocks();
        for at in [3, 190] {
            let (key, bytes) = blocks[at].clone();
            blocks[at].1 = IVec::from(&bytes[..bytes.len() - 3]);
            for threads in [1, 2, 4] {
                let err = decode_blocks(&blocks, threads).unwrap_err();
                assert!(matches!(err, StoreError::Damaged(_)), "{err}");
                assert!(
                    err.to_string().contains(&block_ref(&key).to_string()),
                    "{err}"
                );
            }
            blocks[at].1 = bytes;
        }
    }

    #[test]
    fn blocks_are_shared_out_in_order_by_their_bytes() {
        let (blocks, _) = blocks();
        let parts: Vec<_> = split_by_bytes(&blocks, 2).collect();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts.concat(), blocks);
        let bytes = |part: &[(IVec, IVec)]| part.iter().map(|(_, b)| b.len()).sum::<usize>();
        let (a, b) = (bytes(parts[0]), bytes(parts[1]));
        // The first half of the bytes lies in far fewer than half the blocks.
        assert!(
            parts[0].len() > parts[1].len(),
            "{} {}",
            parts[0].len(),
            parts[1].len()
        );
        assert!(a.abs_diff(b) < bytes(&blocks) / 10, "{a} {b}");
        assert_eq!(split_by_bytes(&blocks[..1], 4).count(), 1);
    }
}

//! The evidence log in the `audit_blocks` tree: sealed entries in blocks of `BLOCK`, by
//! sequence number, each block under its number (big-endian, so the tree reads in order). The
//! number is drawn from a counter in `meta` in the same transaction, and tells which block an
//! entry goes to, since a transaction cannot scan. Each entry names the hash of the one before
//! it (`store::chain`), read back inside the transaction, so two writers can never both follow
//! the same entry.
//!
//! One key an entry made the log the largest tree after the indexes, about five keys a visit;
//! sled's memory and opening time grow with its keys. A block holds each entry's own stored
//! bytes with its sequence number, so sealed and older entries keep their own format version.
//! Databases written with one key an entry (the `audit` tree) are moved once on opening.

use sled::transaction::{Transactional, TransactionalTree};

use crate::domain::audit::AuditEvent;
use crate::store::chain::{GENESIS, Hash, Sealed};
use crate::store::codec::{self, StoredAudit};
use crate::store::{KeyOf, RecordRef, Result, StoreError};

use super::SledStore;
use super::keys::meta;
use super::read::{engine, transaction_error};
use super::write::{TxResult, bump, fail};

/// Entries a block: a save rewrites its block, a few kilobytes; sixteen times fewer keys.
pub const BLOCK: u64 = 16;
/// The tree that held one entry a key, under its sequence number, before the blocks.
const OLD_AUDIT: &[u8] = b"audit";

/// Entries as a block stores them: sequence number and the entry's own stored bytes.
pub type Items = Vec<(u64, Vec<u8>)>;

pub fn block_of(seq: u64) -> u64 {
    seq.saturating_sub(1) / BLOCK
}

pub fn block_ref(block: u64) -> RecordRef {
    RecordRef::AuditBlock {
        first: block * BLOCK + 1,
        last: (block + 1) * BLOCK,
    }
}

/// The block number of a key, or `None` for the key of a block kept aside as damaged.
pub fn block_key(key: &[u8]) -> Option<u64> {
    key.try_into().ok().map(u64::from_be_bytes)
}

pub fn decode_block(block: u64, bytes: &[u8]) -> std::result::Result<Items, codec::CodecError> {
    codec::decode(bytes, block_ref(block))
}

/// The trees an append touches, inside whatever transaction the change runs in.
pub struct AuditTx<'a> {
    pub audit: &'a TransactionalTree,
    pub meta: &'a TransactionalTree,
}

impl AuditTx<'_> {
    pub fn append(&self, event: &AuditEvent) -> TxResult<u64> {
        let seq = bump(self.meta, meta::AUDIT_SEQ, 1)?;
        let prev = self.hash_of(seq - 1)?;
        let entry = Sealed::new(seq, prev, event.clone()).map_err(fail)?;
        let bytes = codec::encode_sealed(&entry).map_err(fail)?;
        let block = block_of(seq);
        let key = block.to_be_bytes();
        let mut items = match self.audit.get(key)? {
            None => Items::new(),
            Some(stored) => match decode_block(block, &stored) {
                Ok(items) => items,
                // Kept aside, never overwritten, for whoever looks into it; the log goes on
                // and `check` names the gap. Refusing would stop every save at the desk.
                Err(_) => {
                    let aside = [&key[..], &seq.to_be_bytes()].concat();
                    self.audit.insert(aside, stored)?;
                    Items::new()
                }
            },
        };
        items.push((seq, bytes));
        let stored = codec::encode(&items, block_ref(block)).map_err(fail)?;
        self.audit.insert(&key, stored)?;
        Ok(seq)
    }

    /// The hash the next entry must name. An entry that is missing or unsealed gives a
    /// hash nobody can match, so `check` finds the break; the new entry is still written.
    fn hash_of(&self, seq: u64) -> TxResult<Hash> {
        if seq == 0 {
            return Ok(GENESIS);
        }
        let block = block_of(seq);
        let Some(stored) = self.audit.get(block.to_be_bytes())? else {
            return Ok(GENESIS);
        };
        let Ok(items) = decode_block(block, &stored) else {
            return Ok(GENESIS);
        };
        let bytes = items.iter().find(|(s, _)| *s == seq).map(|(_, b)| b);
        match bytes.map(|b| codec::decode_audit(b, RecordRef::Audit(seq))) {
            Some(Ok(StoredAudit::Sealed(entry))) => Ok(entry.hash),
            _ => Ok(GENESIS),
        }
    }
}

fn event_of(stored: StoredAudit) -> AuditEvent {
    match stored {
        StoredAudit::Sealed(entry) => entry.event,
        StoredAudit::Unsealed(event) => event,
    }
}

type Blocks<'a> = Box<dyn Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>> + 'a>;

impl SledStore {
    pub(super) fn append_audit(&self, event: &AuditEvent) -> Result<u64> {
        let seq = (&self.audit, &self.meta)
            .transaction(|(audit, meta)| AuditTx { audit, meta }.append(event))
            .map_err(transaction_error)?;
        self.persist()?;
        Ok(seq)
    }

    pub(super) fn read_audit(&self, from: u64, limit: usize) -> Result<Vec<(u64, AuditEvent)>> {
        let blocks = Box::new(self.audit.range(block_of(from).to_be_bytes()..));
        self.audit_page(blocks, false, |seq| seq >= from, limit)
    }

    /// Newest first, from `before` (exclusive; `None` for the newest) back.
    pub(super) fn read_audit_back(
        &self,
        before: Option<u64>,
        limit: usize,
    ) -> Result<Vec<(u64, AuditEvent)>> {
        let blocks: Blocks = match before {
            Some(0) => return Ok(Vec::new()),
            Some(seq) => Box::new(self.audit.range(..=block_of(seq - 1).to_be_bytes()).rev()),
            None => Box::new(self.audit.iter().rev()),
        };
        let wanted = |seq| before.is_none_or(|b| seq < b);
        self.audit_page(blocks, true, wanted, limit)
    }

    fn audit_page(
        &self,
        blocks: Blocks,
        newest_first: bool,
        wanted: impl Fn(u64) -> bool,
        limit: usize,
    ) -> Result<Vec<(u64, AuditEvent)>> {
        let mut out = Vec::new();
        for item in blocks {
            let (key, value) = item.map_err(engine)?;
            let Some(block) = block_key(&key) else {
                continue;
            };
            let mut items = decode_block(block, &value)?;
            if newest_first {
                items.reverse();
            }
            for (seq, bytes) in items.into_iter().filter(|(seq, _)| wanted(*seq)) {
                if out.len() == limit {
                    return Ok(out);
                }
                let stored = codec::decode_audit(&bytes, RecordRef::Audit(seq))?;
                out.push((seq, event_of(stored)));
            }
        }
        Ok(out)
    }

    /// Moves a log written one key an entry into blocks, once, as `move_old_ledger` moves
    /// ledgers: the old tree goes only after the blocks are on disk.
    pub(super) fn move_old_audit(&self) -> Result<()> {
        if !self.db.tree_names().iter().any(|n| n == OLD_AUDIT) {
            return Ok(());
        }
        let old = self.db.open_tree(OLD_AUDIT).map_err(engine)?;
        let mut batch = sled::Batch::default();
        let mut current: Option<(u64, Items)> = None;
        for (n, entry) in old.iter().enumerate() {
            let (key, bytes) = entry.map_err(engine)?;
            let seq = block_key(&key).ok_or_else(|| StoreError::damaged_key(KeyOf::Audit, &key))?;
            let item = (seq, bytes.to_vec());
            match &mut current {
                Some((block, items)) if *block == block_of(seq) => items.push(item),
                _ => {
                    if let Some(done) = current.replace((block_of(seq), vec![item])) {
                        add_block(&mut batch, done)?;
                    }
                }
            }
            if n % 100_000 == 99_999 {
                let full = std::mem::take(&mut batch);
                self.audit.apply_batch(full).map_err(engine)?;
            }
        }
        if let Some(done) = current {
            add_block(&mut batch, done)?;
        }
        self.audit.apply_batch(batch).map_err(engine)?;
        self.persist()?;
        self.db.drop_tree(OLD_AUDIT).map_err(engine)?;
        self.persist()
    }
}

fn add_block(batch: &mut sled::Batch, (block, items): (u64, Items)) -> Result<()> {
    let stored = codec::encode(&items, block_ref(block))?;
    batch.insert(&block.to_be_bytes()[..], stored);
    Ok(())
}

impl SledStore {
    /// How many entries the log holds: the last number handed out, as every number is
    /// written with the change that drew it.
    pub(super) fn audit_count(&self) -> Result<u64> {
        let counter = self.meta.get(meta::AUDIT_SEQ).map_err(engine)?;
        Ok(super::read::decode_record(counter, RecordRef::Counter)?.unwrap_or(0))
    }
}

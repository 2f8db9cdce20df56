//! The evidence log in the `audit` tree: one sealed entry per key, keyed by its sequence
//! number (big-endian, so the tree reads in order), the number drawn from a counter in `meta`
//! in the same transaction. Each entry names the hash of the one before it (`store::chain`),
//! read back inside the transaction, so two writers can never both follow the same entry.

use sled::transaction::{Transactional, TransactionalTree};

use crate::domain::audit::AuditEvent;
use crate::store::chain::{GENESIS, Hash, Sealed};
use crate::store::codec::{self, StoredAudit};
use crate::store::{RecordRef, Result, StoreError};

use super::SledStore;
use super::keys::meta;
use super::read::{engine, transaction_error};
use super::write::{TxResult, bump, fail};

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
        self.audit.insert(&seq.to_be_bytes(), bytes)?;
        Ok(seq)
    }

    /// The hash the next entry must name. An entry that is missing or unsealed gives a
    /// hash nobody can match, so `check` finds the break; the new entry is still written.
    fn hash_of(&self, seq: u64) -> TxResult<Hash> {
        if seq == 0 {
            return Ok(GENESIS);
        }
        let Some(bytes) = self.audit.get(seq.to_be_bytes())? else {
            return Ok(GENESIS);
        };
        match codec::decode_audit(&bytes, RecordRef::Audit(seq)) {
            Ok(StoredAudit::Sealed(entry)) => Ok(entry.hash),
            _ => Ok(GENESIS),
        }
    }
}

pub fn seq_of(key: &[u8]) -> Result<u64> {
    key.try_into()
        .map(u64::from_be_bytes)
        .map_err(|_| StoreError::Engine("an evidence log key is not a sequence number".into()))
}

fn event_of(stored: StoredAudit) -> AuditEvent {
    match stored {
        StoredAudit::Sealed(entry) => entry.event,
        StoredAudit::Unsealed(event) => event,
    }
}

impl SledStore {
    pub(super) fn append_audit(&self, event: &AuditEvent) -> Result<u64> {
        let seq = (&self.audit, &self.meta)
            .transaction(|(audit, meta)| AuditTx { audit, meta }.append(event))
            .map_err(transaction_error)?;
        self.persist()?;
        Ok(seq)
    }

    pub(super) fn read_audit(&self, from: u64, limit: usize) -> Result<Vec<(u64, AuditEvent)>> {
        self.audit_page(self.audit.range(from.to_be_bytes()..), limit)
    }

    /// Newest first, from `before` (exclusive; `None` for the newest) back.
    pub(super) fn read_audit_back(
        &self,
        before: Option<u64>,
        limit: usize,
    ) -> Result<Vec<(u64, AuditEvent)>> {
        let entries = match before {
            Some(seq) => self.audit.range(..seq.to_be_bytes()),
            None => self.audit.range::<&[u8], _>(..),
        };
        self.audit_page(entries.rev(), limit)
    }

    fn audit_page(
        &self,
        entries: impl Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>>,
        limit: usize,
    ) -> Result<Vec<(u64, AuditEvent)>> {
        let mut out = Vec::new();
        for item in entries.take(limit) {
            let (key, value) = item.map_err(engine)?;
            let seq = seq_of(&key)?;
            let stored = codec::decode_audit(&value, RecordRef::Audit(seq))?;
            out.push((seq, event_of(stored)));
        }
        Ok(out)
    }
}

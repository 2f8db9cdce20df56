//! The evidence log in the `audit` tree: one entry per key, keyed by its sequence number
//! (big-endian, so the tree reads in order), the number drawn from a counter in `meta` in the
//! same transaction.

use sled::transaction::Transactional;

use crate::domain::audit::AuditEvent;
use crate::store::{RecordRef, Result, StoreError, codec};

use super::SledStore;
use super::keys::meta;
use super::read::{engine, transaction_error};
use super::write::{bump, fail};

impl SledStore {
    pub(super) fn append_audit(&self, event: &AuditEvent) -> Result<u64> {
        let seq = (&self.audit, &self.meta)
            .transaction(|(audit, meta_tree)| {
                let seq = bump(meta_tree, meta::AUDIT_SEQ, 1)?;
                let bytes = codec::encode(event, RecordRef::Audit(seq)).map_err(fail)?;
                audit.insert(&seq.to_be_bytes(), bytes)?;
                Ok(seq)
            })
            .map_err(transaction_error)?;
        self.persist()?;
        Ok(seq)
    }

    pub(super) fn read_audit(&self, from: u64, limit: usize) -> Result<Vec<(u64, AuditEvent)>> {
        let mut out = Vec::new();
        for item in self.audit.range(from.to_be_bytes()..).take(limit) {
            let (key, value) = item.map_err(engine)?;
            let seq = key
                .as_ref()
                .try_into()
                .map(u64::from_be_bytes)
                .map_err(|_| {
                    StoreError::Engine("an evidence log key is not a sequence number".into())
                })?;
            out.push((seq, codec::decode(&value, RecordRef::Audit(seq))?));
        }
        Ok(out)
    }
}

//! The hash chain that makes the evidence log tamper-evident. Each entry carries the hash of
//! the entry before it and its own SHA-256 over (previous hash ‖ the entry's encoded sequence
//! number and event). Changing, removing or reordering one stored entry breaks the chain at
//! that entry, which `check` names. Both stores seal entries here, so they agree byte for byte.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::domain::audit::AuditEvent;

use super::RecordRef;
use super::codec::{self, CodecError, StoredAudit};

pub type Hash = [u8; 32];

/// What the first entry names as its predecessor.
pub const GENESIS: Hash = [0; 32];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    pub seq: u64,
    pub prev: Hash,
    pub event: AuditEvent,
    pub hash: Hash,
}

impl Sealed {
    pub fn new(seq: u64, prev: Hash, event: AuditEvent) -> Result<Sealed, CodecError> {
        let hash = seal(seq, &prev, &event)?;
        Ok(Sealed {
            seq,
            prev,
            event,
            hash,
        })
    }

    /// Whether the stored hash is the one its contents give.
    pub fn intact(&self) -> Result<bool, CodecError> {
        Ok(seal(self.seq, &self.prev, &self.event)? == self.hash)
    }
}

fn seal(seq: u64, prev: &Hash, event: &AuditEvent) -> Result<Hash, CodecError> {
    let body = codec::encode(&(seq, event), RecordRef::Audit(seq))?;
    let mut hasher = Sha256::new();
    hasher.update(prev);
    hasher.update(&body);
    Ok(hasher.finalize().into())
}

/// What is wrong with the chain at its first broken entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainFault {
    /// The stored bytes do not decode.
    Unreadable(CodecError),
    /// An entry from before the chain existed, which nothing protects.
    Unsealed,
    /// The entry's contents do not give its stored hash: it was changed after writing.
    Altered,
    /// The entry does not name the hash of the entry before it.
    PreviousMismatch,
    /// Entries are missing before this one (`expected` is the number that should be here).
    Gap { expected: u64 },
    /// The entry says it has another number than its place in the log.
    WrongNumber { stored: u64 },
    /// The log ends before the last number handed out: entries at its end were removed.
    Truncated { last: u64 },
}

/// Walks the chain in order, entry by entry, and names the first broken one. `entries` are
/// `(key's sequence number, stored entry or why it does not read)`; `counter` is the last
/// number the store handed out.
pub struct Walker {
    expected: u64,
    prev: Hash,
}

impl Default for Walker {
    fn default() -> Self {
        Walker {
            expected: 1,
            prev: GENESIS,
        }
    }
}

impl Walker {
    pub fn step(
        &mut self,
        seq: u64,
        stored: Result<StoredAudit, CodecError>,
    ) -> Result<(), (u64, ChainFault)> {
        if seq != self.expected {
            return Err((
                seq,
                ChainFault::Gap {
                    expected: self.expected,
                },
            ));
        }
        let entry = match stored {
            Err(e) => return Err((seq, ChainFault::Unreadable(e))),
            Ok(StoredAudit::Unsealed(_)) => return Err((seq, ChainFault::Unsealed)),
            Ok(StoredAudit::Sealed(entry)) => entry,
        };
        if entry.seq != seq {
            return Err((seq, ChainFault::WrongNumber { stored: entry.seq }));
        }
        match entry.intact() {
            Ok(true) => {}
            Ok(false) => return Err((seq, ChainFault::Altered)),
            Err(e) => return Err((seq, ChainFault::Unreadable(e))),
        }
        if entry.prev != self.prev {
            return Err((seq, ChainFault::PreviousMismatch));
        }
        self.prev = entry.hash;
        self.expected += 1;
        Ok(())
    }

    /// After the last entry: the log must reach the last number handed out.
    pub fn finish(&self, counter: u64) -> Result<u64, (u64, ChainFault)> {
        let seen = self.expected - 1;
        if seen < counter {
            return Err((seen + 1, ChainFault::Truncated { last: seen }));
        }
        Ok(seen)
    }
}

/// Hex for messages and the ledger screen.
pub fn hex(hash: &Hash) -> String {
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::audit::AuditKind;

    fn event(detail: &str) -> AuditEvent {
        AuditEvent {
            at: chrono::NaiveDate::from_ymd_opt(2026, 3, 4)
                .and_then(|d| d.and_hms_opt(9, 0, 0))
                .unwrap_or_default(),
            operator: "李文".into(),
            kind: AuditKind::PlanSet,
            subject: "matter:2026-000001".into(),
            detail: detail.into(),
        }
    }

    #[test]
    fn a_changed_word_or_a_removed_entry_breaks_the_chain_there() {
        let first = Sealed::new(1, GENESIS, event("先核实")).unwrap();
        let second = Sealed::new(2, first.hash, event("再答复")).unwrap();
        let mut walker = Walker::default();
        assert!(
            walker
                .step(1, Ok(StoredAudit::Sealed(first.clone())))
                .is_ok()
        );
        assert!(
            walker
                .step(2, Ok(StoredAudit::Sealed(second.clone())))
                .is_ok()
        );
        assert_eq!(walker.finish(2), Ok(2));
        assert_eq!(
            walker.finish(3),
            Err((3, ChainFault::Truncated { last: 2 }))
        );

        let mut altered = second.clone();
        altered.event.detail = "不予答复".into();
        let mut walker = Walker::default();
        walker
            .step(1, Ok(StoredAudit::Sealed(first.clone())))
            .unwrap();
        assert_eq!(
            walker.step(2, Ok(StoredAudit::Sealed(altered))),
            Err((2, ChainFault::Altered))
        );

        let mut walker = Walker::default();
        assert_eq!(
            walker.step(2, Ok(StoredAudit::Sealed(second.clone()))),
            Err((2, ChainFault::Gap { expected: 1 }))
        );

        // Re-sealed after a change, it no longer follows its predecessor.
        let forged = Sealed::new(2, GENESIS, event("再答复")).unwrap();
        let mut walker = Walker::default();
        walker.step(1, Ok(StoredAudit::Sealed(first))).unwrap();
        assert_eq!(
            walker.step(2, Ok(StoredAudit::Sealed(forged))),
            Err((2, ChainFault::PreviousMismatch))
        );
    }
}

//! The memory store's evidence log: sealed as on disk, so the chain and `check` behave alike.

use crate::domain::audit::AuditEvent;
use crate::store::Result;
use crate::store::chain::{GENESIS, Sealed, Walker};
use crate::store::check::CheckReport;
use crate::store::codec::StoredAudit;

use super::Inner;

impl Inner {
    /// Appends to the evidence log. Callers do it last, once the change itself has passed.
    pub(super) fn append_audit(&mut self, event: AuditEvent) -> Result<u64> {
        let seq = self.audit.len() as u64 + 1;
        let prev = self.audit.last().map_or(GENESIS, |e| e.hash);
        self.audit.push(Sealed::new(seq, prev, event)?);
        Ok(seq)
    }

    /// Nothing here can drift from the records (the memory store keeps no indexes, derives
    /// its pending rows afresh and counts its visits): the chain is what is checked.
    pub(super) fn check(&self) -> CheckReport {
        let mut walker = Walker::default();
        let mut report = CheckReport {
            visits: self.visits.len() as u64,
            petitioners: self.petitioners.len() as u64,
            matters: self.cases.len() as u64,
            ..CheckReport::default()
        };
        for entry in &self.audit {
            if let Err(broken) = walker.step(entry.seq, Ok(StoredAudit::Sealed(entry.clone()))) {
                report.chain = Some(broken);
                return report;
            }
        }
        match walker.finish(self.audit.len() as u64) {
            Ok(seen) => report.audit_entries = seen,
            Err(broken) => report.chain = Some(broken),
        }
        report
    }
}

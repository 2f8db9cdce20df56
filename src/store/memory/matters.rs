//! The memory store's matters: a matter read from its parts, a change run on it, and the
//! pending rows, derived afresh on every call (simple enough to trust; sled keeps them).

use crate::domain::case::CaseId;
use crate::domain::evidence;
use crate::domain::ledger::Stamp;
use crate::domain::matter::{Matter, MatterChange};
use crate::domain::pending::MatterRow;
use crate::domain::supervision::{UrgeKind, UrgeSeries};
use crate::store::{RecordRef, Result, StoreError};

use super::Inner;

impl Inner {
    /// The series' counter key, as `serials` keeps it.
    fn urge_key(series: UrgeSeries) -> (&'static str, i32) {
        let what = match series.kind {
            UrgeKind::Reminder => "reminder",
            UrgeKind::Supervision => "supervision",
        };
        (what, series.year)
    }

    pub(super) fn matter(&self, id: CaseId) -> Option<Matter> {
        let case = self.cases.get(&id)?.clone();
        let package = self.packages.get(&id).cloned().unwrap_or_default();
        let ledger = self.ledgers.get(&id).cloned().unwrap_or_default();
        Some(Matter::new(case, package, ledger))
    }

    pub(super) fn change(
        &mut self,
        id: CaseId,
        change: &MatterChange,
        stamp: &Stamp,
    ) -> Result<Matter> {
        let mut matter = self
            .matter(id)
            .ok_or(StoreError::NotFound(RecordRef::Case(id.0)))?;
        let unchanged = matter.clone();
        let before = matter.package.clone();
        // The number is taken only once the change is accepted: a refused one uses none.
        let series = change.series(stamp).map(Inner::urge_key);
        let number = series.map(|key| self.serials.get(&key).copied().unwrap_or(0) + 1);
        matter.change(change, stamp, number)?;
        if let (Some(key), Some(number)) = (series, number) {
            self.serials.insert(key, number);
        }
        if matter.package != before {
            self.packages.insert(id, matter.package.clone());
        }
        self.cases.insert(id, matter.case.clone());
        self.ledgers.insert(id, matter.ledger.clone());
        if matter != unchanged {
            self.append_audit(evidence::matter_changed(change, &matter, stamp))?;
        }
        Ok(matter)
    }

    pub(super) fn pending_rows(&self) -> Vec<MatterRow> {
        let mut rows = Vec::new();
        for case in self.cases.values().filter(|c| c.state.is_open()) {
            let Some(matter) = self.matter(case.id) else {
                continue;
            };
            let name = self
                .petitioners
                .get(&case.petitioner_id)
                .map(|p| p.person.name.as_str())
                .unwrap_or_default();
            rows.push(MatterRow::of(&matter, name));
        }
        rows
    }
}

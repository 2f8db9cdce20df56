//! A clerk's own visits: the index of visits by the operator who registered them
//! (`tag::VISIT_BY_OPERATOR`, kept in lists: see `lists`), read newest first a page at a
//! time, and built once for the visits a database held before the index existed (as keys of
//! their own, which opening then moves into lists).

use sled::{Batch, IVec};

use crate::domain::visit::Visit;
use crate::store::{RecordRef, Result, VisitCursor, codec};

use super::SledStore;
use super::keys::{self, id_key, meta, time_key};
use super::lists;
use super::read::engine;

/// Index entries written per batch while building: bounded memory on a large database.
const BUILD_BATCH: usize = 10_000;

impl SledStore {
    pub(super) fn visits_of_operator(
        &self,
        received_by: &str,
        after: Option<VisitCursor>,
        limit: usize,
    ) -> Result<Vec<Visit>> {
        let entries = keys::operator_prefix(received_by);
        let before = after.map(|c| {
            [
                entries.as_slice(),
                &time_key(c.received_at),
                &id_key(c.id.0),
            ]
            .concat()
        });
        let page = lists::back_from(
            &self.index,
            &lists::operator_lists(&entries),
            &entries,
            before.as_deref(),
            limit,
        )?;
        let page = lists::listed_ids(&page)?;
        let mut visits = self.indexed_visits(page)?;
        // A code holding END_OF_TEXT could reach into another code's keys; the record decides.
        visits.retain(|v| v.received_by == received_by);
        Ok(visits)
    }

    /// Indexes by operator the visits written before that index existed; once.
    pub(super) fn build_operator_index(&self) -> Result<()> {
        if self
            .meta
            .get(meta::OPERATOR_INDEX)
            .map_err(engine)?
            .is_some()
        {
            return Ok(());
        }
        let mut batch = Batch::default();
        let mut pending = 0;
        for visit in self.visits.each::<Visit>() {
            let visit = visit?;
            batch.insert(keys::operator_visit_key(&visit), IVec::default());
            pending += 1;
            if pending == BUILD_BATCH {
                self.index
                    .apply_batch(std::mem::take(&mut batch))
                    .map_err(engine)?;
                pending = 0;
            }
        }
        self.index.apply_batch(batch).map_err(engine)?;
        let done = codec::encode(&1u8, RecordRef::Settings)?;
        self.meta
            .insert(meta::OPERATOR_INDEX, done.as_slice())
            .map_err(engine)?;
        self.persist()
    }
}

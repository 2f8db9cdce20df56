//! A clerk's own visits: the index of visits by the operator who registered them
//! (`tag::VISIT_BY_OPERATOR`, kept in lists: see `lists`), read newest first a page at a
//! time, and the index of the people each clerk registered visits of
//! (`tag::PETITIONER_BY_OPERATOR`), which a clerk's search reads. Both are built once for the
//! visits a database held before they existed (as keys of their own, which opening then moves
//! into lists).

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
        self.operator_page(received_by, after, limit, usize::MAX)
            .map(Option::unwrap_or_default)
    }

    /// Every visit `received_by` registered, newest first, when they are at most `most`;
    /// `None` when there are more. Counting them reads only the index.
    pub(super) fn all_visits_of_operator(
        &self,
        received_by: &str,
        most: usize,
    ) -> Result<Option<Vec<Visit>>> {
        self.operator_page(received_by, None, most.saturating_add(1), most)
    }

    /// A page of `visits_of_operator`, or `None` when it has more than `most` entries.
    fn operator_page(
        &self,
        received_by: &str,
        after: Option<VisitCursor>,
        limit: usize,
        most: usize,
    ) -> Result<Option<Vec<Visit>>> {
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
        if page.len() > most {
            return Ok(None);
        }
        let page = lists::listed_ids(&page)?;
        let mut visits = self.indexed_visits(page)?;
        // A code holding END_OF_TEXT could reach into another code's keys; the record decides.
        visits.retain(|v| v.received_by == received_by);
        Ok(Some(visits))
    }

    /// Indexes by operator the visits written before that index existed; once.
    pub(super) fn build_operator_index(&self) -> Result<()> {
        self.build_from_visits(meta::OPERATOR_INDEX, keys::operator_visit_key)
    }

    /// Indexes the people each clerk registered visits of, for the visits written before that
    /// index existed; once.
    pub(super) fn build_operator_petitioners(&self) -> Result<()> {
        self.build_from_visits(meta::OPERATOR_PETITIONERS, |v| {
            keys::operator_petitioner_key(&v.received_by, v.petitioner_id.0)
        })
    }

    /// Writes the entry `of` each visit as a key of its own (opening then moves them into
    /// their lists), and sets `done` in `meta` so it happens once.
    fn build_from_visits(&self, done: &[u8], of: impl Fn(&Visit) -> Vec<u8>) -> Result<()> {
        if self.meta.get(done).map_err(engine)?.is_some() {
            return Ok(());
        }
        let mut batch = Batch::default();
        let mut pending = 0;
        for visit in self.visits.each::<Visit>() {
            batch.insert(of(&visit?), IVec::default());
            pending += 1;
            if pending == BUILD_BATCH {
                self.index
                    .apply_batch(std::mem::take(&mut batch))
                    .map_err(engine)?;
                pending = 0;
            }
        }
        self.index.apply_batch(batch).map_err(engine)?;
        let flag = codec::encode(&1u8, RecordRef::Settings)?;
        self.meta.insert(done, flag.as_slice()).map_err(engine)?;
        self.persist()
    }
}

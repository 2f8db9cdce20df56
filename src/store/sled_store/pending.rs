//! The pending index: the `pending` tree holds one `MatterRow` per open matter under its case
//! id, so the reports read one tree and decode nothing else. A matter's row is written in the
//! same transaction as every registration on it and every change to it, and removed in the
//! one that closes it (or forwards it, or does not accept it).
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
use super::keys::{id_key, meta, owned_prefix, tag};
use super::matters::MatterTx;
use super::read::{decode_record, engine, ids, load};
use super::write::{TxResult, get_record, put_record};

/// The format of the rows in the tree; a different one (or none) means rebuild on opening.
/// 2: dates as numbers (`domain::compact_dates`).
const ROWS_FORMAT: u64 = 2;

pub fn put_row(pending: &TransactionalTree, row: &MatterRow) -> TxResult<()> {
    put_record(pending, row.id.0, row, RecordRef::Pending(row.id.0))
}

pub fn get_row(pending: &TransactionalTree, id: CaseId) -> TxResult<Option<MatterRow>> {
    get_record(pending, id.0, RecordRef::Pending(id.0))
}

impl MatterTx<'_> {
    /// Writes the matter's row as it now stands, or removes it once the matter is not open.
    /// The petitioner's name comes from the old row, or from the petitioner when there is none.
    pub fn refresh_row(&self, matter: &Matter) -> TxResult<()> {
        let id = matter.case.id;
        if !matter.state().is_open() {
            self.pending.remove(&id_key(id.0))?;
            return Ok(());
        }
        let name = match get_row(self.pending, id)? {
            Some(row) => row.petitioner,
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
                row.petitioner = name.to_string();
                put_row(self.pending, &row)?;
            }
        }
        Ok(())
    }
}

impl SledStore {
    pub(super) fn pending_rows(&self) -> Result<Vec<MatterRow>> {
        self.pending
            .iter()
            .map(|entry| {
                let (key, bytes) = entry.map_err(engine)?;
                let id = super::keys::trailing_id(&key).unwrap_or_default();
                Ok(codec::decode(&bytes, RecordRef::Pending(id))?)
            })
            .collect()
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
            let prefix = owned_prefix(tag::CASE_BY_PETITIONER, p.0);
            let cases = ids(self.index.scan_prefix(prefix), usize::MAX)?;
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
        for entry in self.cases.iter() {
            let (key, bytes) = entry.map_err(engine)?;
            let id = super::keys::trailing_id(&key).unwrap_or_default();
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
            let row = MatterRow::of(&matter, &name);
            let bytes = codec::encode(&row, RecordRef::Pending(id))?;
            self.pending.insert(id_key(id), bytes).map_err(engine)?;
        }
        let format = codec::encode(&ROWS_FORMAT, RecordRef::Settings)?;
        self.meta
            .insert(meta::PENDING_ROWS, format)
            .map_err(engine)?;
        self.persist()
    }
}

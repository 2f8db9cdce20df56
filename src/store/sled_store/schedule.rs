//! The reception schedule on disk: `sessions` holds each session under its id, with its
//! appointments and queue inside, so a change to a reception day rewrites one record;
//! `unavailable` holds each leader's unavailable dates under the leader's id. No index: a
//! year has some fifty sessions, and listings read them all.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use sled::transaction::{Transactional, TransactionalTree};

use crate::domain::ledger::Stamp;
use crate::domain::organisation::LeaderId;
use crate::domain::schedule::rota::Unavailable;
use crate::domain::schedule::{ScheduleChange, Session, SessionId};
use crate::domain::serial::SerialNo;
use crate::store::schedule::{Write, in_date_order, named_case, new_ids, plan};
use crate::store::{RecordRef, Result, ScheduleDone, Store, StoreError, codec};

use super::SledStore;
use super::audit::AuditTx;
use super::keys::{id_key, trailing_id};
use super::read::{engine, load, load_all, transaction_error};
use super::write::{TxResult, fail, get_record, next_id, put_record};

/// The trees a schedule change writes, inside a transaction: its own, or a registration's,
/// which has no `unavailable` (a visit received at a session only advances its queue).
pub(super) struct ScheduleTx<'t> {
    pub meta: &'t TransactionalTree,
    pub sessions: &'t TransactionalTree,
    pub unavailable: Option<&'t TransactionalTree>,
    pub audit: &'t TransactionalTree,
}

impl ScheduleTx<'_> {
    /// Applies `change` under the schedule's rules and records it in the evidence log.
    pub fn apply(
        &self,
        change: &ScheduleChange,
        stamp: &Stamp,
        matter: Option<SerialNo>,
    ) -> TxResult<ScheduleDone> {
        let sessions = self.sessions;
        let loaded = change
            .sessions()
            .iter()
            .map(|id| {
                get_record::<Session>(sessions, id.0, RecordRef::Session(id.0))?
                    .ok_or_else(|| fail(StoreError::NotFound(RecordRef::Session(id.0))))
            })
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let unavailable = || {
            self.unavailable.ok_or_else(|| {
                fail(StoreError::Engine(
                    "a leader's dates changed inside a registration".into(),
                ))
            })
        };
        let dates: BTreeSet<NaiveDate> = match change {
            ScheduleChange::Unavailable { leader, .. } => {
                get_record(unavailable()?, leader.0, RecordRef::Unavailable(leader.0))?
                    .unwrap_or_default()
            }
            _ => BTreeSet::new(),
        };
        let ids = (0..new_ids(change))
            .map(|_| next_id(self.meta))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let planned = plan(change, loaded, dates, &ids, stamp, matter).map_err(fail)?;
        for write in &planned.writes {
            match write {
                Write::Put(s) => put_record(sessions, s.id.0, s, RecordRef::Session(s.id.0))?,
                Write::Delete(id) => {
                    sessions.remove(&id_key(id.0))?;
                }
                Write::Unavailable(leader, dates) if dates.is_empty() => {
                    unavailable()?.remove(&id_key(leader.0))?;
                }
                Write::Unavailable(leader, dates) => put_record(
                    unavailable()?,
                    leader.0,
                    dates,
                    RecordRef::Unavailable(leader.0),
                )?,
            }
        }
        AuditTx {
            audit: self.audit,
            meta: self.meta,
        }
        .append(&planned.event)?;
        Ok(planned.done)
    }
}

impl SledStore {
    pub(super) fn write_schedule(
        &self,
        change: &ScheduleChange,
        stamp: &Stamp,
    ) -> Result<ScheduleDone> {
        // Read before the transaction: a matter's number never changes.
        let matter = named_case(change)
            .map(|id| {
                self.case(id)?
                    .map(|c| c.number)
                    .ok_or(StoreError::NotFound(RecordRef::Case(id.0)))
            })
            .transpose()?;
        let done = (&self.meta, &self.sessions, &self.unavailable, &self.audit)
            .transaction(|(meta, sessions, unavailable, audit)| {
                let trees = ScheduleTx {
                    meta,
                    sessions,
                    unavailable: Some(unavailable),
                    audit,
                };
                trees.apply(change, stamp, matter)
            })
            .map_err(transaction_error)?;
        self.persist()?;
        Ok(done)
    }

    pub(super) fn read_sessions(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Session>> {
        let all: Vec<Session> = load_all(&self.sessions, RecordRef::Session)?;
        Ok(in_date_order(
            all.into_iter()
                .filter(|s| s.plan.date >= from && s.plan.date <= to)
                .collect(),
        ))
    }

    pub(super) fn read_session(&self, id: SessionId) -> Result<Option<Session>> {
        load(&self.sessions, id.0, RecordRef::Session(id.0))
    }

    pub(super) fn read_unavailable(&self) -> Result<Unavailable> {
        let mut out = Unavailable::new();
        for entry in self.unavailable.iter() {
            let (key, bytes) = entry.map_err(engine)?;
            let id = trailing_id(&key).unwrap_or_default();
            let dates: BTreeSet<NaiveDate> = codec::decode(&bytes, RecordRef::Unavailable(id))?;
            out.insert(LeaderId(id), dates);
        }
        Ok(out)
    }
}

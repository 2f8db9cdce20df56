//! The reception schedule in memory: the same writes as on disk, on a copy swapped in whole.

use chrono::NaiveDate;

use crate::domain::ledger::Stamp;
use crate::domain::schedule::{ScheduleChange, Session};
use crate::store::schedule::{Write, in_date_order, named_case, new_ids, plan};
use crate::store::{RecordRef, Result, ScheduleDone, StoreError};

use super::Inner;

pub(super) fn change(
    inner: &mut Inner,
    change: &ScheduleChange,
    stamp: &Stamp,
) -> Result<ScheduleDone> {
    let mut work = inner.clone();
    let loaded = change
        .sessions()
        .iter()
        .map(|id| {
            work.sessions
                .get(id)
                .cloned()
                .ok_or(StoreError::NotFound(RecordRef::Session(id.0)))
        })
        .collect::<Result<Vec<_>>>()?;
    let dates = match change {
        ScheduleChange::Unavailable { leader, .. } => {
            work.unavailable.get(leader).cloned().unwrap_or_default()
        }
        _ => Default::default(),
    };
    let ids: Vec<u64> = (0..new_ids(change)).map(|_| work.next_id()).collect();
    let matter = named_case(change)
        .map(|id| {
            work.cases
                .get(&id)
                .map(|c| c.number)
                .ok_or(StoreError::NotFound(RecordRef::Case(id.0)))
        })
        .transpose()?;
    let planned = plan(change, loaded, dates, &ids, stamp, matter)?;
    for write in planned.writes {
        match write {
            Write::Put(s) => {
                work.sessions.insert(s.id, s);
            }
            Write::Delete(id) => {
                work.sessions.remove(&id);
            }
            Write::Unavailable(leader, dates) if dates.is_empty() => {
                work.unavailable.remove(&leader);
            }
            Write::Unavailable(leader, dates) => {
                work.unavailable.insert(leader, dates);
            }
        }
    }
    work.append_audit(planned.event)?;
    *inner = work;
    Ok(planned.done)
}

pub(super) fn between(inner: &Inner, from: NaiveDate, to: NaiveDate) -> Vec<Session> {
    let sessions = inner
        .sessions
        .values()
        .filter(|s| s.plan.date >= from && s.plan.date <= to)
        .cloned()
        .collect();
    in_date_order(sessions)
}

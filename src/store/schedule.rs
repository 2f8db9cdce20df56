//! A schedule change as both stores write it: the rules (`domain::schedule::apply`) run on the
//! sessions the change names, and what comes out is a list of writes and the evidence event,
//! which each store then makes in one atomic step.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::domain::audit::AuditEvent;
use crate::domain::case::CaseId;
use crate::domain::ledger::Stamp;
use crate::domain::organisation::LeaderId;
use crate::domain::schedule::evidence::schedule_changed;
use crate::domain::schedule::{Origin, ScheduleChange, Session, SessionId, SessionPlan, apply};
use crate::domain::serial::SerialNo;

use super::{Result, ScheduleDone};

pub(crate) enum Write {
    Put(Session),
    Delete(SessionId),
    Unavailable(LeaderId, BTreeSet<NaiveDate>),
}

pub(crate) struct Planned {
    pub writes: Vec<Write>,
    pub done: ScheduleDone,
    pub event: AuditEvent,
}

/// The matter a booking or cancellation names: the store finds its number for the evidence
/// log, which names matters as people know them.
pub(crate) fn named_case(change: &ScheduleChange) -> Option<CaseId> {
    match change {
        ScheduleChange::Book { appointment, .. } => Some(appointment.case),
        ScheduleChange::Cancel { case, .. } => Some(*case),
        _ => None,
    }
}

/// How many new ids a change needs, drawn by the store before `plan`.
pub(crate) fn new_ids(change: &ScheduleChange) -> usize {
    match change {
        ScheduleChange::Add(_) => 1,
        ScheduleChange::Rota(plans) => plans.len(),
        _ => 0,
    }
}

/// `loaded` holds the sessions `change.sessions()` names, in that order; `dates` the leader's
/// unavailable dates for `ScheduleChange::Unavailable`; `matter` the number of the matter
/// `named_case` names.
pub(crate) fn plan(
    change: &ScheduleChange,
    mut loaded: Vec<Session>,
    dates: BTreeSet<NaiveDate>,
    ids: &[u64],
    stamp: &Stamp,
    matter: Option<SerialNo>,
) -> Result<Planned> {
    let mut writes = Vec::new();
    let fresh = |plans: &[SessionPlan], origin| -> Result<Vec<Session>> {
        plans
            .iter()
            .zip(ids)
            .map(|(p, id)| Ok(Session::new(SessionId(*id), p.checked()?, origin)))
            .collect()
    };
    let mut number = None;
    let sessions = match change {
        ScheduleChange::Add(p) => fresh(std::slice::from_ref(p), Origin::Hand)?,
        ScheduleChange::Rota(plans) => fresh(plans, Origin::Rota)?,
        ScheduleChange::Unavailable {
            leader,
            date,
            unavailable,
        } => {
            let mut dates = dates;
            if *unavailable {
                dates.insert(*date);
            } else {
                dates.remove(date);
            }
            writes.push(Write::Unavailable(*leader, dates));
            Vec::new()
        }
        ScheduleChange::Remove(id) => {
            apply(change, &mut loaded)?;
            writes.push(Write::Delete(*id));
            let event = schedule_changed(change, &loaded, stamp, None);
            let done = ScheduleDone {
                sessions: Vec::new(),
                number: None,
            };
            return Ok(Planned {
                writes,
                done,
                event,
            });
        }
        _ => {
            number = apply(change, &mut loaded)?;
            loaded
        }
    };
    writes.extend(sessions.iter().cloned().map(Write::Put));
    let event = schedule_changed(change, &sessions, stamp, matter);
    Ok(Planned {
        writes,
        done: ScheduleDone { sessions, number },
        event,
    })
}

/// The change that marks arrival `number` of `session` received, with the visit `done`
/// registered for it.
pub(crate) fn received(
    session: SessionId,
    number: u32,
    done: &super::Registered,
) -> ScheduleChange {
    ScheduleChange::Advance {
        session,
        number,
        state: crate::domain::schedule::ArrivalState::Done,
        visit: Some(done.visit.id),
    }
}

/// Sessions in date order, then by id: the order every listing gives.
pub(crate) fn in_date_order(mut sessions: Vec<Session>) -> Vec<Session> {
    sessions.sort_by_key(|s| (s.plan.date, s.plan.start, s.id));
    sessions
}

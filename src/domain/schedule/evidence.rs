//! What each change to the schedule leaves in the evidence log, written by the stores in the
//! change's own transaction. Subjects hold ids and dates only (`audit::subject`); the detail
//! holds the operator's words (a name called at the desk, a note).

use super::{ScheduleChange, Session};
use crate::domain::audit::{AuditEvent, AuditKind, subject};
use crate::domain::case::CaseId;
use crate::domain::ledger::Stamp;
use crate::domain::serial::SerialNo;

/// The event of a change the rules accepted. `sessions` are the sessions as written (for a
/// rota, every new one), so the subject names them by id and date; a booked or cancelled
/// matter is named by its number when the store found it (`matter`), as matter events are.
pub fn schedule_changed(
    change: &ScheduleChange,
    sessions: &[Session],
    stamp: &Stamp,
    matter: Option<SerialNo>,
) -> AuditEvent {
    use ScheduleChange::*;
    let mut tokens: Vec<String> = sessions
        .iter()
        .flat_map(|s| {
            [
                subject::token(subject::SESSION, s.id.0),
                subject::token(subject::DATE, s.plan.date),
                subject::token(subject::LEADER, s.plan.leader.0),
            ]
        })
        .collect();
    let case_token = |case: CaseId| match matter {
        Some(number) => subject::token(subject::MATTER, number),
        None => subject::token(subject::CASE, case.0),
    };
    let (kind, detail) = match change {
        Add(plan) | Replan { plan, .. } => (AuditKind::SessionPlanned, plan.note.clone()),
        Remove(_) => (AuditKind::SessionRemoved, String::new()),
        Rota(_) => (AuditKind::RotaGenerated, String::new()),
        Swap(..) => (AuditKind::LeadersSwapped, String::new()),
        Unavailable {
            leader,
            date,
            unavailable,
        } => {
            tokens.push(subject::token(subject::LEADER, leader.0));
            tokens.push(subject::token(subject::DATE, date));
            tokens.push(subject::token(subject::FLAGGED, unavailable));
            (AuditKind::UnavailableSet, String::new())
        }
        Book { appointment, .. } => {
            tokens.push(case_token(appointment.case));
            (AuditKind::AppointmentBooked, appointment.note.clone())
        }
        Cancel { case, .. } => {
            tokens.push(case_token(*case));
            (AuditKind::AppointmentCancelled, String::new())
        }
        Arrive { name, .. } => (AuditKind::ArrivalQueued, name.clone()),
        Advance { number, state, .. } => {
            tokens.push(subject::token(subject::ARRIVAL, number));
            (AuditKind::ArrivalAdvanced, format!("{state:?}"))
        }
    };
    AuditEvent {
        at: stamp.at,
        operator: stamp.by.clone(),
        kind,
        subject: tokens.join(" "),
        detail,
    }
}

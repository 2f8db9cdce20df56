//! The weekly leader reception (领导接访日): sessions with their notice fields, the appointments
//! booked into them (约访) and the queue of the reception day. Rota generation lives in `rota`,
//! the day's queue and bookings in `queue`.
//!
//! A session is stored as one record with its appointments and queue, so every change to a
//! reception day touches one record and one evidence-log event.

pub mod evidence;
pub mod queue;
pub mod rota;
pub mod setting;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::case::CaseId;
use super::organisation::{DepartmentId, LeaderId};
use super::text::tidy;

pub use queue::{Appointment, Arrival, ArrivalState};
pub use setting::ReceptionSetting;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SessionId(pub u64);

/// 接访方式. Stored: only grows at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    /// 定点接访: the leader receives at the reception hall.
    FixedPlace,
    /// 重点约访: the office invites petitioners with hard or long-running cases.
    KeyCase,
    /// 带案下访: the leader goes to the township with cases.
    DownWithCases,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::FixedPlace, Mode::KeyCase, Mode::DownWithCases];
}

/// Who set a session: a generated rota may be regenerated around it, a hand-made one is
/// never overwritten.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    Hand,
    Rota,
}

/// What the public notice says about a session, as planned by hand or by the rota.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionPlan {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub place: String,
    pub mode: Mode,
    pub leader: LeaderId,
    /// Heads of these departments sit in (陪同接访).
    pub sitting_in: Vec<DepartmentId>,
    pub note: String,
    /// For 带案下访: the matters the leader takes along.
    pub carried: Vec<CaseId>,
}

/// Stored: its layout must not change without a new codec format version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: SessionId,
    pub plan: SessionPlan,
    pub origin: Origin,
    pub appointments: Vec<Appointment>,
    pub queue: Vec<Arrival>,
}

pub const PLACE_MAX_CHARS: usize = 60;
pub const NOTE_MAX_CHARS: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("the session must end after it starts")]
    EndsBeforeStart,
    #[error("the place is required")]
    PlaceRequired,
    #[error("a text is longer than {max} characters")]
    TooLong { max: usize },
    #[error("the session is full ({capacity} appointments)")]
    Full { capacity: u32 },
    #[error("the matter already has an appointment in this session")]
    AlreadyBooked,
    #[error("the time slot is outside the session's hours")]
    SlotOutside,
    #[error("no appointment of that matter in this session")]
    NoSuchAppointment,
    #[error("no arrival number {0} in this session's queue")]
    NoSuchArrival(u32),
    #[error("an arrival that is done or has left cannot change again")]
    ArrivalClosed,
    #[error("a session with arrivals or appointments cannot be removed")]
    SessionInUse,
}

impl SessionPlan {
    /// The plan as it will be kept: texts tidied, place required, hours in order.
    pub fn checked(&self) -> Result<SessionPlan, ScheduleError> {
        let place = tidy(&self.place);
        let note = tidy(&self.note);
        if place.is_empty() {
            return Err(ScheduleError::PlaceRequired);
        }
        if place.chars().count() > PLACE_MAX_CHARS {
            return Err(ScheduleError::TooLong {
                max: PLACE_MAX_CHARS,
            });
        }
        if note.chars().count() > NOTE_MAX_CHARS {
            return Err(ScheduleError::TooLong {
                max: NOTE_MAX_CHARS,
            });
        }
        if self.end <= self.start {
            return Err(ScheduleError::EndsBeforeStart);
        }
        let mut sitting_in = self.sitting_in.clone();
        sitting_in.dedup();
        Ok(SessionPlan {
            place,
            note,
            sitting_in,
            ..self.clone()
        })
    }
}

impl Session {
    pub fn new(id: SessionId, plan: SessionPlan, origin: Origin) -> Session {
        Session {
            id,
            plan,
            origin,
            appointments: Vec::new(),
            queue: Vec::new(),
        }
    }

    /// Replaces the notice fields by hand; the appointments and queue stay, and a rota
    /// session edited by hand becomes hand-made, so the next rota keeps it.
    pub fn replan(&mut self, plan: SessionPlan) {
        self.plan = plan;
        self.origin = Origin::Hand;
    }

    /// Removing a session that people were invited to or arrived at would lose them.
    pub fn removable(&self) -> Result<(), ScheduleError> {
        if self.appointments.is_empty() && self.queue.is_empty() {
            Ok(())
        } else {
            Err(ScheduleError::SessionInUse)
        }
    }
}

/// A change to the schedule, as the stores take it; each is one evidence-log event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScheduleChange {
    /// A new session planned by hand.
    Add(SessionPlan),
    /// New notice fields for a session.
    Replan {
        id: SessionId,
        plan: SessionPlan,
    },
    Remove(SessionId),
    /// The sessions a rota generated (`rota::generate`), added in one step.
    Rota(Vec<SessionPlan>),
    /// Exchanges the receiving leaders of two sessions.
    Swap(SessionId, SessionId),
    /// Marks (or clears) a date a leader cannot receive.
    Unavailable {
        leader: LeaderId,
        date: NaiveDate,
        unavailable: bool,
    },
    Book {
        session: SessionId,
        appointment: Appointment,
        capacity: u32,
    },
    Cancel {
        session: SessionId,
        case: CaseId,
    },
    /// Someone arrived on the day: they get the next number.
    Arrive {
        session: SessionId,
        name: String,
        case: Option<CaseId>,
    },
    /// An arrival moves on (being received, done, left); `visit` is the visit registered when
    /// they were received.
    Advance {
        session: SessionId,
        number: u32,
        state: ArrivalState,
        visit: Option<super::visit::VisitId>,
    },
}

impl ScheduleChange {
    /// The sessions whose records the change rewrites (none for a new one).
    pub fn sessions(&self) -> Vec<SessionId> {
        use ScheduleChange::*;
        match self {
            Add(_) | Rota(_) | Unavailable { .. } => Vec::new(),
            Replan { id, .. } | Remove(id) => vec![*id],
            Swap(a, b) => vec![*a, *b],
            Book { session, .. }
            | Cancel { session, .. }
            | Arrive { session, .. }
            | Advance { session, .. } => vec![*session],
        }
    }
}

/// Applies a change to the sessions it names (`ScheduleChange::sessions`, in that order). New
/// sessions, removals and unavailable dates are the store's to write; this is the rule part.
/// Returns the arrival number an `Arrive` gave.
pub fn apply(
    change: &ScheduleChange,
    sessions: &mut [Session],
) -> Result<Option<u32>, ScheduleError> {
    use ScheduleChange::*;
    match (change, sessions) {
        (Replan { plan, .. }, [s]) => {
            s.replan(plan.checked()?);
            Ok(None)
        }
        (Remove(_), [s]) => s.removable().map(|()| None),
        (Swap(..), [a, b]) => {
            std::mem::swap(&mut a.plan.leader, &mut b.plan.leader);
            a.origin = Origin::Hand;
            b.origin = Origin::Hand;
            Ok(None)
        }
        (
            Book {
                appointment,
                capacity,
                ..
            },
            [s],
        ) => s.book(appointment.clone(), *capacity).map(|()| None),
        (Cancel { case, .. }, [s]) => s.cancel(*case).map(|()| None),
        (Arrive { name, case, .. }, [s]) => Ok(Some(s.arrive(name, *case))),
        (
            Advance {
                number,
                state,
                visit,
                ..
            },
            [s],
        ) => s.advance(*number, *state, *visit).map(|()| None),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests;

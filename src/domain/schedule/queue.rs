//! Appointments (约访) booked into a session and the queue of its day: each arrival gets the
//! next number; appointments are called first, in their slots, then walk-ins by number.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::{ScheduleError, Session};
use crate::domain::case::CaseId;
use crate::domain::text::tidy;
use crate::domain::visit::VisitId;

/// Stored inside its session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointment {
    pub case: CaseId,
    pub slot: NaiveTime,
    pub note: String,
}

/// Stored: only grows at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ArrivalState {
    Waiting,
    BeingReceived,
    Done,
    Left,
}

impl ArrivalState {
    pub const ALL: [ArrivalState; 4] = [
        ArrivalState::Waiting,
        ArrivalState::BeingReceived,
        ArrivalState::Done,
        ArrivalState::Left,
    ];

    pub fn closed(self) -> bool {
        matches!(self, ArrivalState::Done | ArrivalState::Left)
    }
}

/// Stored inside its session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arrival {
    pub number: u32,
    /// As the desk called them; the petitioner record comes with the visit.
    pub name: String,
    /// The matter of their appointment, if they had one.
    pub case: Option<CaseId>,
    pub state: ArrivalState,
    /// The visit registered when they were received.
    pub visit: Option<VisitId>,
}

impl Session {
    pub(super) fn book(&mut self, a: Appointment, capacity: u32) -> Result<(), ScheduleError> {
        if self.appointments.iter().any(|b| b.case == a.case) {
            return Err(ScheduleError::AlreadyBooked);
        }
        if self.appointments.len() >= capacity as usize {
            return Err(ScheduleError::Full { capacity });
        }
        if a.slot < self.plan.start || a.slot >= self.plan.end {
            return Err(ScheduleError::SlotOutside);
        }
        let note = tidy(&a.note);
        self.appointments.push(Appointment { note, ..a });
        self.appointments.sort_by_key(|b| (b.slot, b.case));
        Ok(())
    }

    pub(super) fn cancel(&mut self, case: CaseId) -> Result<(), ScheduleError> {
        let before = self.appointments.len();
        self.appointments.retain(|a| a.case != case);
        if self.appointments.len() == before {
            return Err(ScheduleError::NoSuchAppointment);
        }
        Ok(())
    }

    pub(super) fn arrive(&mut self, name: &str, case: Option<CaseId>) -> u32 {
        let number = self.queue.iter().map(|a| a.number).max().unwrap_or(0) + 1;
        self.queue.push(Arrival {
            number,
            name: tidy(name),
            case,
            state: ArrivalState::Waiting,
            visit: None,
        });
        number
    }

    pub(super) fn advance(
        &mut self,
        number: u32,
        state: ArrivalState,
        visit: Option<VisitId>,
    ) -> Result<(), ScheduleError> {
        let arrival = self
            .queue
            .iter_mut()
            .find(|a| a.number == number)
            .ok_or(ScheduleError::NoSuchArrival(number))?;
        if arrival.state.closed() {
            return Err(ScheduleError::ArrivalClosed);
        }
        arrival.state = state;
        if visit.is_some() {
            arrival.visit = visit;
        }
        Ok(())
    }

    /// The slot of an arrival's appointment, if they came on one.
    pub fn slot_of(&self, arrival: &Arrival) -> Option<NaiveTime> {
        let case = arrival.case?;
        self.appointments
            .iter()
            .find(|a| a.case == case)
            .map(|a| a.slot)
    }

    /// The queue in calling order: arrivals with an appointment first, by slot, then the
    /// others by number.
    pub fn calling_order(&self) -> Vec<&Arrival> {
        let mut order: Vec<&Arrival> = self.queue.iter().collect();
        order.sort_by_key(|a| match self.slot_of(a) {
            Some(slot) => (0, Some(slot), a.number),
            None => (1, None, a.number),
        });
        order
    }
}

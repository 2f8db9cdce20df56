//! The demo office's reception calendar: the leaders' rota on the pattern day from four weeks
//! back to eight weeks ahead (holidays skipped, as the desk's own rota does), with the oldest
//! open matters booked into the next session, so the week, the notice and the lobby board
//! have something to show.

use chrono::{Days, NaiveDate};

use crate::domain::calendar::HolidayCalendar;
use crate::domain::ledger::Stamp;
use crate::domain::schedule::rota::{RotaRequest, Unavailable, generate};
use crate::domain::schedule::{Appointment, ReceptionSetting, ScheduleChange};
use crate::store::{Store, StoreError};

const WEEKS_BACK: u64 = 4;
const WEEKS_AHEAD: u64 = 8;
/// Appointments booked into the next session, half an hour apart.
const BOOKED: usize = 3;

/// Plans the sessions and books the next one; returns how many sessions were planned.
pub fn plan(
    store: &dyn Store,
    setting: &ReceptionSetting,
    today: NaiveDate,
    stamp: &Stamp,
) -> Result<u64, StoreError> {
    let leaders: Vec<_> = store.active_leaders()?.iter().map(|l| l.id).collect();
    if leaders.is_empty() {
        return Ok(0);
    }
    let from = today
        .checked_sub_days(Days::new(7 * WEEKS_BACK))
        .unwrap_or(today);
    let to = today
        .checked_add_days(Days::new(7 * WEEKS_AHEAD))
        .unwrap_or(today);
    let rota = generate(
        &RotaRequest {
            from,
            to,
            leaders: &leaders,
            after: None,
            setting,
        },
        &[],
        &Unavailable::default(),
        &HolidayCalendar::built_in(),
    );
    let planned = rota.planned.len() as u64;
    if planned == 0 {
        return Ok(0);
    }
    let done = store.change_schedule(&ScheduleChange::Rota(rota.planned), stamp)?;
    let Some(next) = done.sessions.iter().find(|s| s.plan.date >= today) else {
        return Ok(planned);
    };
    let mut open = store.pending_matters()?;
    open.sort_by_key(|r| r.opened_at);
    for (i, row) in open.iter().take(BOOKED).enumerate() {
        let minutes = 30 * (i as u32 + 1);
        let slot = next.plan.start + chrono::Duration::minutes(i64::from(minutes));
        // A slot past the end (or wrapped past midnight) is no slot.
        if slot >= next.plan.end || slot <= next.plan.start {
            break;
        }
        let booking = ScheduleChange::Book {
            session: next.id,
            appointment: Appointment {
                case: row.id,
                slot,
                note: String::new(),
            },
            capacity: setting.capacity,
        };
        store.change_schedule(&booking, stamp)?;
    }
    Ok(planned)
}

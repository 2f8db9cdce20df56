//! Signals that a matter needs supervision before its deadline passes (DOMAIN.md, "Time
//! limits"): half the time gone with nothing recorded, the petitioner coming back about it,
//! a reminder or supervision left unanswered. Read from the pending row alone.

use chrono::NaiveDate;

use super::calendar::HolidayCalendar;
use super::deadline::DeadlinePolicy;
use super::pending::MatterRow;
use super::supervision::UrgeNo;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Signal {
    /// Half the stage's time is gone and no progress was recorded since it started on
    /// `since`; the stage is due on `due`.
    HalfTimeNoProgress { since: NaiveDate, due: NaiveDate },
    /// The petitioner came again about the matter, last on `on`, since its clock started.
    CameAgain { on: NaiveDate },
    /// A reminder or supervision not answered by its response date.
    UrgeUnanswered {
        number: UrgeNo,
        response_by: NaiveDate,
    },
}

/// The signals of one open matter on `today`, in the order above. Only stages that are the
/// office's duty raise the half-time signal: the petitioner's window to ask for review is not
/// the office's to hurry. A tier the policy no longer has counts with the policy's own
/// handling limit.
pub fn signals(
    row: &MatterRow,
    today: NaiveDate,
    policy: &DeadlinePolicy,
    calendar: &HolidayCalendar,
) -> Vec<Signal> {
    let mut found = Vec::new();
    if let Some(clock) = row.clock.as_ref().filter(|c| c.stage.office_duty()) {
        let due = policy.listed_due(clock, calendar).date;
        // Calendar days, also for working-day limits: "half the time" as on the wall.
        let span = (due - clock.start).num_days();
        let gone = (today - clock.start).num_days();
        // Progress on the day the stage started is the step that started it.
        let nothing_since = row.last_progress <= clock.start;
        if span > 0 && gone * 2 >= span && nothing_since {
            found.push(Signal::HalfTimeNoProgress {
                since: clock.start,
                due,
            });
        }
    }
    if let Some(on) = row.last_revisit {
        found.push(Signal::CameAgain { on });
    }
    for (number, response_by) in &row.open_urges {
        if *response_by < today {
            found.push(Signal::UrgeUnanswered {
                number: *number,
                response_by: *response_by,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests;

//! The lists a supervisor works from (DOMAIN.md, "Reports the office lives by"): overdue, due
//! soon, and everything pending, over the pending rows of the store.
//!
//! Only stages that are the office's duty count as overdue or due soon; a matter whose time is
//! the petitioner's (the window to ask for review) is pending with its date but never late.

use chrono::NaiveDate;

use super::calendar::HolidayCalendar;
use super::deadline::{DeadlinePolicy, Urgency};
use super::pending::MatterRow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportKind {
    /// Past the deadline, the longest late first.
    Overdue,
    /// Due today or within the policy's warning window, the soonest first.
    DueSoon,
    /// Every open matter by its due date; matters without a running limit last.
    Pending,
}

/// One matter in a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportLine<'a> {
    pub row: &'a MatterRow,
    /// The last day in time for the running stage; `None` when no limit runs.
    pub due: Option<NaiveDate>,
    /// Where that day stands; `None` when no limit runs or the time is the petitioner's.
    pub urgency: Option<Urgency>,
    /// The matter's tier, when the policy no longer has it (the policy's own handling limit
    /// was used).
    pub unknown_tier: Option<String>,
}

/// One open matter's due date and where it stands on `today`.
pub fn line<'a>(
    row: &'a MatterRow,
    today: NaiveDate,
    policy: &DeadlinePolicy,
    calendar: &HolidayCalendar,
) -> ReportLine<'a> {
    let Some(clock) = &row.clock else {
        return ReportLine {
            row,
            due: None,
            urgency: None,
            unknown_tier: None,
        };
    };
    let due = policy.listed_due(clock, calendar);
    let urgency = clock
        .stage
        .office_duty()
        .then(|| policy.urgency(due.date, today));
    ReportLine {
        row,
        due: Some(due.date),
        urgency,
        unknown_tier: due.unknown_tier,
    }
}

/// The report of `kind` over `rows` (open matters, in any order) on `today`.
pub fn report<'a>(
    kind: ReportKind,
    rows: &'a [MatterRow],
    today: NaiveDate,
    policy: &DeadlinePolicy,
    calendar: &HolidayCalendar,
) -> Vec<ReportLine<'a>> {
    let all = rows.iter().map(|r| line(r, today, policy, calendar));
    // Ties go to the older number, so the order is the same on every run. Keys are worked
    // out once per line (`sort_by_cached_key`): at 94 000 lines, sorting the lines themselves
    // by a key worked out at each comparison took a third of the pending report.
    let number = |l: &ReportLine| l.row.number;
    match kind {
        ReportKind::Overdue => {
            let mut lines: Vec<_> = all
                .filter(|l| matches!(l.urgency, Some(Urgency::Overdue { .. })))
                .collect();
            lines.sort_by_cached_key(|l| (l.urgency.map(Urgency::days_left), number(l)));
            lines
        }
        ReportKind::DueSoon => {
            let mut lines: Vec<_> = all
                .filter(|l| matches!(l.urgency, Some(Urgency::DueToday | Urgency::DueSoon { .. })))
                .collect();
            lines.sort_by_cached_key(|l| (l.due, number(l)));
            lines
        }
        ReportKind::Pending => order::pending_order(all.collect()),
    }
}

pub fn overdue<'a>(
    rows: &'a [MatterRow],
    today: NaiveDate,
    policy: &DeadlinePolicy,
    calendar: &HolidayCalendar,
) -> Vec<ReportLine<'a>> {
    report(ReportKind::Overdue, rows, today, policy, calendar)
}

pub fn due_soon<'a>(
    rows: &'a [MatterRow],
    today: NaiveDate,
    policy: &DeadlinePolicy,
    calendar: &HolidayCalendar,
) -> Vec<ReportLine<'a>> {
    report(ReportKind::DueSoon, rows, today, policy, calendar)
}

pub fn pending<'a>(
    rows: &'a [MatterRow],
    today: NaiveDate,
    policy: &DeadlinePolicy,
    calendar: &HolidayCalendar,
) -> Vec<ReportLine<'a>> {
    report(ReportKind::Pending, rows, today, policy, calendar)
}

mod order;
#[cfg(test)]
mod tests;

//! The supervisor's desk at a glance: what is open and in which state, what is late or due
//! soon and who holds it, each leader's and department's record, what needs supervision, how
//! old the open matters are, the long-term petitioners (上访老户), group visits and the weekly
//! run of visits. Computed once when the data changes; the screen only draws the result.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate, NaiveDateTime};

use super::{Outcome, percent};
use crate::domain::calendar::HolidayCalendar;
use crate::domain::case::{CaseId, CaseState};
use crate::domain::deadline::DeadlinePolicy;
use crate::domain::organisation::{DepartmentId, LeaderId};
use crate::domain::pending::MatterRow;
use crate::domain::report::{ReportLine, due_soon, overdue};
use crate::domain::serial::SerialNo;
use crate::domain::signals::{Signal, signals};
use crate::domain::visit::Visit;

/// Upper bounds (inclusive, in days since opening) of the aging buckets 0–15, 16–30, 31–60,
/// 61–90; everything older falls in the last, ">90".
pub const AGING_BOUNDS: [i64; 4] = [15, 30, 60, 90];
/// Weeks in the visits sparkline, the current one last.
pub const WEEKS: usize = 12;
/// How long a matter stays open before its petitioner counts as long-term (上访老户).
pub const LONG_TERM_MONTHS: u32 = 24;

/// One matter on a list of the desk, with what the supervisor acts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeskLine {
    pub id: CaseId,
    pub number: SerialNo,
    pub petitioner: String,
    pub category: String,
    pub due: Option<NaiveDate>,
    /// Days late (positive) or left (negative, zero on the last day).
    pub days_late: i64,
    pub leader: Option<LeaderId>,
    pub department: Option<DepartmentId>,
}

impl DeskLine {
    fn of(line: &ReportLine) -> DeskLine {
        let r = line.row;
        DeskLine {
            id: r.id,
            number: r.number,
            petitioner: r.petitioner.to_string(),
            category: r.category.to_string(),
            due: line.due,
            days_late: line.urgency.map_or(0, |u| -u.days_left()),
            leader: r.responsible,
            department: r.department,
        }
    }
}

/// One leader's or department's record. Pending and overdue count open matters now; the
/// rates count the matters of the recent period given to `desk`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub pending: u64,
    pub overdue: u64,
    /// Matters whose keeping of the handling limit is known, and those that kept it.
    pub timed: u64,
    pub on_time: u64,
    pub finished: u64,
    pub settled: u64,
}

impl Tally {
    pub fn on_time_pct(&self) -> Option<u32> {
        percent(self.on_time, self.timed)
    }

    pub fn settled_pct(&self) -> Option<u32> {
        percent(self.settled, self.finished)
    }

    fn add_outcome(&mut self, o: &Outcome) {
        if let Some(kept) = o.on_time {
            self.timed += 1;
            self.on_time += u64::from(kept);
        }
        if o.finished {
            self.finished += 1;
            self.settled += u64::from(o.settled);
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flagged {
    pub line: DeskLine,
    pub signals: Vec<Signal>,
}

/// A petitioner whose matter has stayed open two years or more.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LongTerm {
    pub id: CaseId,
    pub number: SerialNo,
    pub petitioner: String,
    pub since: NaiveDate,
    pub years: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupVisit {
    pub case: CaseId,
    pub number: SerialNo,
    pub received_at: NaiveDateTime,
    pub petitioner: String,
    pub head_count: u32,
    pub category: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Desk {
    /// Open matters per state, in the order of a matter's life, states with none left out.
    pub by_state: Vec<(CaseState, u64)>,
    pub open: u64,
    /// The matters of the recent period that have left the desk, per state, in life order:
    /// the finished side of the counts by state, which the pending rows do not hold.
    pub left: Vec<(CaseState, u64)>,
    /// The longest late first.
    pub overdue: Vec<DeskLine>,
    /// The soonest due first.
    pub due_soon: Vec<DeskLine>,
    /// Keyed by leader; `None` is "nobody holds it yet". Most pending first.
    pub leaders: Vec<(Option<LeaderId>, Tally)>,
    pub departments: Vec<(Option<DepartmentId>, Tally)>,
    pub supervision: Vec<Flagged>,
    /// Open matters per age bucket (see `AGING_BOUNDS`).
    pub aging: [u64; 5],
    /// The oldest first.
    pub long_term: Vec<LongTerm>,
    /// Newest first.
    pub groups: Vec<GroupVisit>,
    /// Visits per week over `WEEKS` weeks ending today, oldest week first.
    pub weekly: Vec<u64>,
}

/// What the desk is computed from.
pub struct DeskInput<'a> {
    /// Every open matter.
    pub rows: &'a [MatterRow],
    /// The matters of the recent period the rates are over, open or finished.
    pub outcomes: &'a [Outcome],
    /// The visits of at least the last `WEEKS` weeks, in any order.
    pub visits: &'a [Visit],
    pub today: NaiveDate,
    pub policy: &'a DeadlinePolicy,
    pub calendar: &'a HolidayCalendar,
}

/// Most pending first, then most overdue; ties by key so the order is the same every time.
fn ranked<K: Ord + Copy>(map: BTreeMap<K, Tally>) -> Vec<(K, Tally)> {
    let mut v: Vec<_> = map.into_iter().collect();
    v.sort_by(|a, b| {
        (b.1.pending, b.1.overdue)
            .cmp(&(a.1.pending, a.1.overdue))
            .then(a.0.cmp(&b.0))
    });
    v
}

/// Counts keyed by a state's place in `CaseState::ALL`, back to states.
fn in_life_order(counts: BTreeMap<usize, u64>) -> Vec<(CaseState, u64)> {
    counts
        .into_iter()
        .filter_map(|(i, n)| CaseState::ALL.get(i).map(|s| (*s, n)))
        .collect()
}

pub fn desk(input: &DeskInput) -> Desk {
    let DeskInput {
        rows,
        outcomes,
        visits,
        today,
        policy,
        calendar,
    } = *input;
    let late = overdue(rows, today, policy, calendar);
    let soon = due_soon(rows, today, policy, calendar);

    let mut by_state: BTreeMap<usize, u64> = BTreeMap::new();
    let mut leaders: BTreeMap<Option<LeaderId>, Tally> = BTreeMap::new();
    let mut departments: BTreeMap<Option<DepartmentId>, Tally> = BTreeMap::new();
    let mut aging = [0u64; 5];
    for r in rows {
        let order = CaseState::ALL.iter().position(|s| *s == r.state);
        *by_state.entry(order.unwrap_or(usize::MAX)).or_default() += 1;
        leaders.entry(r.responsible).or_default().pending += 1;
        departments.entry(r.department).or_default().pending += 1;
        let age = (today - r.opened_at.date()).num_days();
        let bucket = AGING_BOUNDS.iter().position(|b| age <= *b);
        aging[bucket.unwrap_or(AGING_BOUNDS.len())] += 1;
    }
    for l in &late {
        leaders.entry(l.row.responsible).or_default().overdue += 1;
        departments.entry(l.row.department).or_default().overdue += 1;
    }
    let mut left: BTreeMap<usize, u64> = BTreeMap::new();
    for o in outcomes.iter().filter(|o| !o.state.is_open()) {
        let order = CaseState::ALL.iter().position(|s| *s == o.state);
        *left.entry(order.unwrap_or(usize::MAX)).or_default() += 1;
    }
    for o in outcomes {
        leaders.entry(o.responsible).or_default().add_outcome(o);
        departments.entry(o.department).or_default().add_outcome(o);
    }

    let mut supervision: Vec<Flagged> = rows
        .iter()
        .filter_map(|r| {
            let found = signals(r, today, policy, calendar);
            (!found.is_empty()).then(|| {
                let line = crate::domain::report::pending(
                    std::slice::from_ref(r),
                    today,
                    policy,
                    calendar,
                );
                let line = line.first().map(DeskLine::of);
                line.map(|line| Flagged {
                    line,
                    signals: found,
                })
            })?
        })
        .collect();
    // Most signals first, then the longest late.
    supervision.sort_by_key(|f| {
        (
            std::cmp::Reverse(f.signals.len()),
            std::cmp::Reverse(f.line.days_late),
            f.line.number,
        )
    });

    let cutoff = today.checked_sub_months(Months::new(LONG_TERM_MONTHS));
    let mut long_term: Vec<LongTerm> = rows
        .iter()
        .filter(|r| cutoff.is_some_and(|c| r.opened_at.date() <= c))
        .map(|r| {
            let since = r.opened_at.date();
            let years = (1..)
                .take_while(|y| {
                    today
                        .checked_sub_months(Months::new(12 * y))
                        .is_some_and(|d| since <= d)
                })
                .last()
                .unwrap_or(0);
            LongTerm {
                id: r.id,
                number: r.number,
                petitioner: r.petitioner.to_string(),
                since,
                years,
            }
        })
        .collect();
    long_term.sort_by_key(|l| (l.since, l.number));

    let mut groups: Vec<GroupVisit> = visits
        .iter()
        .filter(|v| v.group)
        .map(|v| GroupVisit {
            case: v.case_id,
            number: v.number,
            received_at: v.received_at,
            petitioner: v.petitioner.name.clone(),
            head_count: v.head_count,
            category: v.category.clone(),
        })
        .collect();
    groups.sort_by_key(|g| std::cmp::Reverse((g.received_at, g.number)));

    let mut weekly = vec![0u64; WEEKS];
    for v in visits {
        let ago = (today - v.received_at.date()).num_days();
        if (0..(WEEKS as i64) * 7).contains(&ago) {
            weekly[WEEKS - 1 - (ago / 7) as usize] += 1;
        }
    }

    Desk {
        by_state: in_life_order(by_state),
        open: rows.len() as u64,
        left: in_life_order(left),
        overdue: late.iter().map(DeskLine::of).collect(),
        due_soon: soon.iter().map(DeskLine::of).collect(),
        leaders: ranked(leaders),
        departments: ranked(departments),
        supervision,
        aging,
        long_term,
        groups,
        weekly,
    }
}

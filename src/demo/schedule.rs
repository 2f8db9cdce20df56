//! The steps of every demo matter waiting for their day, and what each becomes when it comes:
//! a `MatterChange` with its stamp. Only the next step of each matter waits in the queue; the
//! rest stay with the matter, so the queue holds one entry per matter under way.
//!
//! Reminders and supervision get their numbers from the store, in the order the changes are
//! written; the demo is the database's only writer, so it counts along and knows which number
//! a department's answer refers to.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};

use chrono::{Datelike, Days, NaiveDateTime};

use crate::domain::case::CaseId;
use crate::domain::deadline::Extension;
use crate::domain::ledger::Stamp;
use crate::domain::lifecycle::Move;
use crate::domain::matter::MatterChange;
use crate::domain::organisation::DepartmentId;
use crate::domain::supervision::{UrgeNo, UrgeSeries};

use super::data::life as text;
use super::life::{Fate, Step};

/// The statutory cap on extensions; the demo's extensions stay within it.
const MAX_EXTENSION_DAYS: u32 = 30;

#[derive(Default)]
pub struct Schedule {
    /// (when, order of scheduling, matter): the next step of each matter under way.
    queue: BinaryHeap<Reverse<(NaiveDateTime, u64, CaseId)>>,
    steps: HashMap<CaseId, VecDeque<(NaiveDateTime, Step)>>,
    /// Reminders and supervision of each matter not answered yet, oldest first.
    open_urges: HashMap<CaseId, VecDeque<UrgeNo>>,
    numbers: HashMap<UrgeSeries, u32>,
    order: u64,
}

impl Schedule {
    pub fn add(&mut self, case: CaseId, fate: Fate) {
        if fate.steps.is_empty() {
            return;
        }
        self.steps.insert(case, fate.steps.into());
        self.enqueue(case);
    }

    fn enqueue(&mut self, case: CaseId) {
        if let Some((at, _)) = self.steps.get(&case).and_then(|s| s.front()) {
            self.order += 1;
            self.queue.push(Reverse((*at, self.order, case)));
        }
    }

    /// When the matter's next step is due, if it has one.
    pub fn next_for(&self, case: CaseId) -> Option<NaiveDateTime> {
        self.steps.get(&case)?.front().map(|(at, _)| *at)
    }

    /// Every step due before `limit`, in time order, as changes to write in this order.
    pub fn due_before(
        &mut self,
        limit: NaiveDateTime,
        departments: &[DepartmentId],
    ) -> Vec<(CaseId, MatterChange, Stamp)> {
        let mut due = Vec::new();
        while let Some(Reverse((at, _, case))) = self.queue.peek().copied() {
            if at >= limit {
                break;
            }
            self.queue.pop();
            // An entry left behind when `take_for` took the step it stood for.
            if self.next_for(case) != Some(at) {
                continue;
            }
            due.extend(self.take_for(case, limit, departments));
        }
        due
    }

    /// The steps of one matter due before `limit`, as changes to write in this order (and
    /// before anything else is drawn from the schedule, which counts document numbers).
    pub fn take_for(
        &mut self,
        case: CaseId,
        limit: NaiveDateTime,
        departments: &[DepartmentId],
    ) -> Vec<(CaseId, MatterChange, Stamp)> {
        let mut due = Vec::new();
        while let Some(at) = self.next_for(case).filter(|at| *at < limit) {
            let Some((_, step)) = self.steps.get_mut(&case).and_then(|s| s.pop_front()) else {
                break;
            };
            if let Some((change, by)) = self.change(case, at, step, departments) {
                due.push((case, change, Stamp::new(at, by)));
            }
        }
        if self.steps.get(&case).is_some_and(|s| s.is_empty()) {
            self.steps.remove(&case);
        }
        // The step the queue held for this matter may be gone: queue the next one. A matter
        // may then stand in the queue twice; the earlier entry is skipped.
        if !due.is_empty() {
            self.enqueue(case);
        }
        due
    }

    /// The change a step makes, and the operator who records it.
    fn change(
        &mut self,
        case: CaseId,
        at: NaiveDateTime,
        step: Step,
        departments: &[DepartmentId],
    ) -> Option<(MatterChange, &'static str)> {
        let pick = |list: &[&'static str], i: usize| list.get(i).copied().unwrap_or_default();
        let moved = |step| MatterChange::Step {
            step,
            note: String::new(),
        };
        let text = |s: &str| s.to_string();
        let change = match step {
            Step::Accept => moved(Move::Accept),
            Step::NotAccept(i) => moved(Move::NotAccept {
                reason: text(pick(text::NOT_ACCEPTED, i)),
            }),
            Step::Forward(i) => moved(Move::Forward {
                to: text(pick(text::FORWARD_TO, i)),
            }),
            Step::Assign(lead, co) => moved(Move::Assign {
                department: *departments.get(lead)?,
                co_departments: co
                    .and_then(|c| departments.get(c))
                    .copied()
                    .into_iter()
                    .collect(),
            }),
            Step::StartHandling => moved(Move::StartHandling),
            Step::CollectiveStudy => MatterChange::CollectiveStudy {
                flagged: true,
                note: String::new(),
            },
            Step::Plan(i) => MatterChange::Plan(text(pick(text::PLANS, i))),
            Step::Extend { days, reason } => MatterChange::Extend {
                extension: Extension {
                    days,
                    reason: text(pick(text::EXTENSION_REASONS, reason)),
                    approved_by: text(pick(text::EXTENSION_APPROVERS, reason % 2)),
                },
                max_total_days: MAX_EXTENSION_DAYS,
                due: None,
            },
            Step::Urge { level, respond_in } => {
                let response_by = at.date().checked_add_days(Days::new(respond_in.into()))?;
                let series = UrgeSeries {
                    kind: level.series_kind(),
                    year: at.year(),
                };
                let seq = self.numbers.entry(series).or_default();
                *seq += 1;
                let number = UrgeNo {
                    year: series.year,
                    seq: *seq,
                    level,
                };
                self.open_urges.entry(case).or_default().push_back(number);
                let texts = match level {
                    crate::domain::supervision::Escalation::Reminder => text::REMINDER_TEXTS,
                    _ => text::SUPERVISION_TEXTS,
                };
                MatterChange::Urge {
                    level,
                    department: None,
                    response_by,
                    text: text(pick(texts, number.seq as usize % texts.len())),
                }
            }
            Step::AnswerUrge => {
                let open = self.open_urges.get_mut(&case)?;
                let number = open.pop_front()?;
                if open.is_empty() {
                    self.open_urges.remove(&case);
                }
                MatterChange::AnswerUrge { number }
            }
            Step::Answer(i) => moved(Move::Answer {
                text: text(pick(text::ANSWERS, i)),
            }),
            Step::RequestReview => moved(Move::RequestReview),
            Step::AnswerReview(i) => moved(Move::AnswerReview {
                text: text(pick(text::REVIEW_ANSWERS, i)),
            }),
            Step::RequestReReview => moved(Move::RequestReReview),
            Step::AnswerReReview(i) => moved(Move::AnswerReReview {
                text: text(pick(text::RE_REVIEW_ANSWERS, i)),
            }),
            Step::Close => moved(Move::Close),
            Step::Settle => moved(Move::Settle),
            Step::Archive => moved(Move::Archive),
        };
        let by = match step {
            Step::Urge { .. } => "demo-supervisor",
            Step::AnswerUrge | Step::Plan(_) | Step::StartHandling | Step::Extend { .. } => {
                "demo-department"
            }
            _ => "demo-clerk",
        };
        Some((change, by))
    }
}

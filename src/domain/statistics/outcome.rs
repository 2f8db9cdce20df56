//! What became of one matter, read from its ledger: the facts the rates and counts of the
//! statistics need, so they never read a ledger themselves.

use chrono::NaiveDate;

use crate::domain::calendar::HolidayCalendar;
use crate::domain::case::{CaseId, CaseState};
use crate::domain::deadline::{DeadlinePolicy, Stage, StageClock};
use crate::domain::ledger::EventKind;
use crate::domain::matter::Matter;
use crate::domain::organisation::{DepartmentId, LeaderId};
use crate::domain::serial::SerialNo;
use crate::domain::visit::{Kind, VisitId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub id: CaseId,
    pub number: SerialNo,
    pub first_visit: VisitId,
    pub opened: NaiveDate,
    pub kind: Kind,
    pub category: String,
    pub state: CaseState,
    pub responsible: Option<LeaderId>,
    pub department: Option<DepartmentId>,
    /// Passed to the competent body (转送).
    pub forwarded: bool,
    /// Assigned to a handling department (交办).
    pub assigned: bool,
    /// At least one reminder or supervision was sent (催办 / 督办).
    pub supervised: bool,
    /// Closed, settled or archived.
    pub finished: bool,
    /// The petitioner stopped petitioning (息诉息访) at some point of its life.
    pub settled: bool,
    /// Whether the handling limit was kept: known once the matter was answered, or once the
    /// limit passed without an answer; `None` while it still runs or never ran.
    pub on_time: Option<bool>,
}

fn moved_to(matter: &Matter, state: CaseState) -> Option<NaiveDate> {
    matter.ledger.iter().find_map(|e| match e.what {
        EventKind::Moved { to, .. } if to == state => Some(e.at.date()),
        _ => None,
    })
}

impl Outcome {
    pub fn of(
        matter: &Matter,
        today: NaiveDate,
        policy: &DeadlinePolicy,
        calendar: &HolidayCalendar,
    ) -> Outcome {
        let case = &matter.case;
        let supervised = matter.ledger.iter().any(|e| {
            matches!(
                e.what,
                EventKind::Urged { .. } | EventKind::Reminded { .. } | EventKind::Supervised { .. }
            )
        });
        // The first answer counts: a review later does not make a late answer timely.
        let on_time = moved_to(matter, CaseState::Accepted).and_then(|accepted| {
            let clock = StageClock {
                stage: Stage::Handle,
                start: accepted,
                tier: matter.tier().map(Into::into),
                extension_days: matter.extension_days(),
            };
            let due = policy.listed_due(&clock, calendar).date;
            match moved_to(matter, CaseState::Answered) {
                Some(answered) => Some(answered <= due),
                None if case.state.is_open() && today > due => Some(false),
                None => None,
            }
        });
        Outcome {
            id: case.id,
            number: case.number,
            first_visit: case.first_visit,
            opened: case.opened_at.date(),
            kind: case.kind,
            category: case.category.clone(),
            state: case.state,
            responsible: matter.package.responsible,
            department: matter.package.department,
            forwarded: moved_to(matter, CaseState::Forwarded).is_some(),
            assigned: moved_to(matter, CaseState::Assigned).is_some(),
            supervised,
            finished: matches!(
                case.state,
                CaseState::Closed | CaseState::Settled | CaseState::Archived
            ),
            settled: moved_to(matter, CaseState::Settled).is_some(),
            on_time,
        }
    }
}

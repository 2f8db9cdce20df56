//! The pending list (待办): one summary row per open matter, holding everything the lists and
//! reports show and the signals read, so that a report over every open matter needs no other
//! record. The store keeps these rows beside the matters and rewrites a matter's row with
//! every change to it.

use chrono::{NaiveDate, NaiveDateTime};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::case::{Case, CaseId, CaseState};
use super::deadline::StageClock;
use super::ledger::{EventKind, LedgerEvent};
use super::matter::{Matter, Package};
use super::organisation::{DepartmentId, LeaderId};
use super::serial::SerialNo;
use super::supervision::{Escalation, UrgeNo};
use super::visit::Kind;

/// Stored (the store's pending index): a new field needs a new row format. The rows are
/// derived from the matters, so a store may rebuild them instead of reading old ones. Dates
/// are stored as numbers (`compact_dates`): every report reads every row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatterRow {
    pub id: CaseId,
    pub number: SerialNo,
    /// The petitioner's name.
    pub petitioner: CompactString,
    pub kind: Kind,
    pub category: CompactString,
    pub state: CaseState,
    #[serde(with = "super::compact_dates::moment")]
    pub opened_at: NaiveDateTime,
    pub responsible: Option<LeaderId>,
    /// The lead department it was assigned to.
    pub department: Option<DepartmentId>,
    pub collective_study: bool,
    pub clock: Option<StageClock>,
    /// The day of the latest entry that records work on the matter: a step, the handling team
    /// or plan, an answer to a reminder. Visits are not progress. The opening day when there
    /// is none.
    #[serde(with = "super::compact_dates::day")]
    pub last_progress: NaiveDate,
    /// The latest visit on the matter since its clock started.
    #[serde(with = "super::compact_dates::optional_day")]
    pub last_revisit: Option<NaiveDate>,
    /// Reminders and supervision not answered yet, with the date each asked a response by.
    #[serde(with = "super::compact_dates::dated_list")]
    pub open_urges: Vec<(UrgeNo, NaiveDate)>,
    /// The highest level of urging so far.
    pub escalation: Option<Escalation>,
}

/// Whether an entry records work on the matter.
fn is_progress(what: &EventKind) -> bool {
    matches!(
        what,
        EventKind::Moved { .. }
            | EventKind::TeamChanged { .. }
            | EventKind::PlanChanged { .. }
            | EventKind::Instructed { .. }
            | EventKind::UrgeAnswered { .. }
    )
}

impl MatterRow {
    pub fn of(matter: &Matter, petitioner_name: &str) -> MatterRow {
        let case = &matter.case;
        let started = StageClock::started(matter);
        let last_progress = matter
            .ledger
            .iter()
            .rev()
            .find(|e| is_progress(&e.what))
            .map_or(case.opened_at.date(), |e| e.at.date());
        let last_revisit = started.as_ref().and_then(|(_, since)| {
            matter.ledger[*since..]
                .iter()
                .rev()
                .find(|e| matches!(e.what, EventKind::Revisited { .. }))
                .map(|e| e.at.date())
        });
        MatterRow {
            id: case.id,
            number: case.number,
            petitioner: petitioner_name.into(),
            kind: case.kind,
            category: case.category.as_str().into(),
            state: case.state,
            opened_at: case.opened_at,
            responsible: matter.package.responsible,
            department: matter.package.department,
            collective_study: matter.package.collective_study,
            clock: started.map(|(clock, _)| clock),
            last_progress,
            last_revisit,
            open_urges: matter.open_urges(),
            escalation: matter.escalation(),
        }
    }

    /// The row after a visit was noted on the matter (`events`, as `Matter::note_visit` wrote
    /// them), without reading the rest of the ledger: a visit changes only who is responsible
    /// and when the petitioner last came, and the petitioner's name may have been corrected.
    /// Gives what `MatterRow::of` gives for the whole matter.
    pub fn after_visit(
        &mut self,
        case: &Case,
        package: &Package,
        events: &[LedgerEvent],
        petitioner_name: &str,
    ) {
        self.petitioner = petitioner_name.into();
        self.responsible = package.responsible;
        self.state = case.state;
        if self.clock.is_some()
            && let Some(on) = events
                .iter()
                .rev()
                .find(|e| matches!(e.what, EventKind::Revisited { .. }))
                .map(|e| e.at.date())
        {
            self.last_revisit = Some(on);
        }
    }
}

#[cfg(test)]
mod tests;

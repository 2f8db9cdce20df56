//! A matter as one aggregate: its `Case` record, its case package (包案, the "五个一") and its
//! ledger. Every action checks the rules, changes the matter and returns the ledger entry it
//! appended, so the store only has to persist the result.
//!
//! Why the package is not part of `Case`: `Case` is already stored, and bincode cannot read a
//! struct that has grown fields. Kept apart, old matters keep decoding untouched, and a matter
//! that has no package yet is simply `Package::default()`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::case::Case;
use super::deadline::{Extension, ExtensionError};
use super::ledger::{EventKind, LedgerEvent, Stamp};
use super::lifecycle::{
    self, CaseState, IllegalMove, Move, MoveDataError, MoveKind, bars_reacceptance, check_move,
};
use super::organisation::{DepartmentId, LeaderId};
use super::responsibility::{
    OnVisit, Transfer, TransferError, check_transfer, responsibility_on_visit,
};
use super::supervision::{Escalation, UrgeNo, UrgeSeries};
use super::text::tidy;
use super::visit::VisitId;

/// The "五个一" beside the `Case` record: responsible leader, handling team, handling plan and
/// where the matter was assigned. The deadline is derived from the ledger by the deadline
/// policy; the ledger itself is kept as its own append-only list.
///
/// Stored: a new field needs a new codec format version, as for any stored struct.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Package {
    pub responsible: Option<LeaderId>,
    /// People handling the matter (专班), as named by the office.
    pub team: Vec<String>,
    pub plan: String,
    /// On the list for the leadership's collective study (group or organised matters).
    pub collective_study: bool,
    pub department: Option<DepartmentId>,
    pub co_departments: Vec<DepartmentId>,
    /// Set once the re-review is answered: the same facts are not accepted again (第36条).
    /// Kept here because the state moves on (closed, settled) and must not take it along.
    pub no_reacceptance: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matter {
    pub case: Case,
    pub package: Package,
    /// Oldest first.
    pub ledger: Vec<LedgerEvent>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MatterError {
    #[error(transparent)]
    Illegal(#[from] IllegalMove),
    #[error(transparent)]
    Data(#[from] MoveDataError),
    #[error(transparent)]
    Transfer(#[from] TransferError),
    #[error("the matter is archived and takes no more changes")]
    Archived,
    #[error(transparent)]
    Extension(#[from] ExtensionError),
    /// A request for review or re-review after its 30 days: the review organ does not take it.
    #[error("the time to ask ended on {due}")]
    RequestAfterWindow { due: NaiveDate },
    /// An extension asked for once the limit has passed: it would wipe out the lateness.
    #[error("the handling limit ended on {due}; it can no longer be extended")]
    ExtensionAfterDue { due: NaiveDate },
    /// Only the handling limit can be extended, so only while it runs.
    #[error("the handling limit can be extended only while it runs; the matter is {state:?}")]
    ExtensionOutsideHandling { state: CaseState },
    /// Nothing is awaited from the office's side: the matter is closed or has left the desk,
    /// or the time is the petitioner's (to ask for review).
    #[error("a matter that is {state:?} awaits nothing from the office to urge")]
    NothingToUrge { state: CaseState },
    #[error("a reminder or supervision needs its text")]
    UrgeTextRequired,
    #[error("the response date {response_by} is before today, {today}")]
    UrgeResponseInPast {
        response_by: NaiveDate,
        today: NaiveDate,
    },
    /// A lower level while a higher one is still unanswered (see `domain::supervision`).
    #[error("{open:?} is still unanswered; escalation does not go down to {asked:?}")]
    UrgeBelowOpen { open: UrgeNo, asked: Escalation },
    #[error("{number:?} is not an unanswered reminder or supervision of this matter")]
    UrgeNotOpen { number: UrgeNo },
    /// The store did not draw a document number for a reminder or supervision: a fault of the
    /// program, never of the clerk.
    #[error("no document number was drawn for the reminder or supervision")]
    NoNumber,
    /// Appointing is for a matter nobody holds; the holder changes only by transfer.
    #[error("leader {0:?} already holds the matter; transfer it instead")]
    AlreadyHeld(LeaderId),
    #[error("an instruction needs its text")]
    InstructionTextRequired,
    /// An imported state is set once, on a matter nothing has been done to yet.
    #[error("the matter has had steps since it was registered; its state is not imported")]
    ImportAfterWork,
}

/// What noting a visit did: the responsibility outcome for the screen, and the entries added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitNoted {
    pub responsibility: OnVisit,
    pub events: Vec<LedgerEvent>,
}

/// One change to a matter, as data. The store runs it with `Matter::change` on what it has
/// just read, so the change can be run again when a transaction retries, with no side effect.
///
/// A change that needs a document number (`Urge`) says from which series
/// (`MatterChange::series`); the store draws the next number in the same transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MatterChange {
    Step {
        step: Move,
        note: String,
    },
    Transfer {
        transfer: Transfer,
        note: String,
    },
    CollectiveStudy {
        flagged: bool,
        note: String,
    },
    Team(Vec<String>),
    Plan(String),
    /// Names the responsible leader of a matter nobody holds yet (no leader received the
    /// petitioner): the leadership's assignment. A held matter changes hands only by transfer.
    Appoint {
        leader: LeaderId,
        note: String,
    },
    /// Puts the matter in a tier of the deadline policy, or back on the policy's own handling
    /// limit (`None`).
    Tier(Option<String>),
    /// Extends the handling limit. `max_total_days` is the policy's cap on all extensions of
    /// one matter; it travels with the change so the store checks it against what it reads.
    Extend {
        extension: Extension,
        max_total_days: u32,
        /// The handling limit's last day as it stands, when the caller knows it (it takes the
        /// office's calendar): an extension is decided before the limit passes, never after.
        due: Option<NaiveDate>,
    },
    /// A reminder or supervision; the store gives it its document number.
    Urge {
        level: Escalation,
        department: Option<DepartmentId>,
        response_by: NaiveDate,
        text: String,
    },
    /// The department answered the reminder or supervision with this number.
    AnswerUrge {
        number: UrgeNo,
    },
    /// A leader's instruction (批示), recorded as given.
    Instruct {
        leader: Option<LeaderId>,
        text: String,
    },
    /// The state and lead department an imported ledger gave the matter.
    Import {
        state: CaseState,
        department: Option<DepartmentId>,
    },
}

impl MatterChange {
    /// The series a change's document number is drawn from, when it needs one: the year is
    /// the year of the stamp.
    pub fn series(&self, stamp: &Stamp) -> Option<UrgeSeries> {
        use chrono::Datelike;
        match self {
            MatterChange::Urge { level, .. } => Some(UrgeSeries {
                kind: level.series_kind(),
                year: stamp.at.year(),
            }),
            _ => None,
        }
    }
}

impl Matter {
    /// A matter as stored: a `Case` written before packages existed comes with the default
    /// package and an empty ledger.
    pub fn new(case: Case, package: Package, ledger: Vec<LedgerEvent>) -> Self {
        Matter {
            case,
            package,
            ledger,
        }
    }

    pub fn state(&self) -> CaseState {
        self.case.state
    }

    pub fn possible_moves(&self) -> Vec<MoveKind> {
        lifecycle::possible_moves(self.case.state)
    }

    /// Records a visit on this matter and applies first-receiving responsibility. `receiving`
    /// is the leader whose reception the visit was registered at, or whom the clerk named.
    /// Never refused: whether a visit may join this matter is decided when it is linked.
    pub fn note_visit(
        &mut self,
        visit: VisitId,
        receiving: Option<LeaderId>,
        stamp: &Stamp,
    ) -> VisitNoted {
        let mut events = Vec::new();
        let what = if visit == self.case.first_visit {
            EventKind::Registered { visit }
        } else {
            EventKind::Revisited { visit }
        };
        events.push(LedgerEvent::new(stamp, what, ""));
        let outcome = responsibility_on_visit(self.package.responsible, receiving);
        match outcome {
            OnVisit::Set(leader) => {
                self.package.responsible = Some(leader);
                let visit = Some(visit);
                let what = EventKind::ResponsibilitySet { leader, visit };
                events.push(LedgerEvent::new(stamp, what, ""));
            }
            OnVisit::KeptFirst { holder, receiving } => {
                let what = EventKind::ResponsibilityKept {
                    holder,
                    receiving,
                    visit,
                };
                events.push(LedgerEvent::new(stamp, what, ""));
            }
            OnVisit::Unchanged(_) => {}
        }
        self.ledger.extend(events.iter().cloned());
        VisitNoted {
            responsibility: outcome,
            events,
        }
    }

    /// Runs one change; the entries it appended are the tail of `ledger`. A change that
    /// changes nothing (a flag already set, the same team) appends nothing. `number` is the
    /// document number the store drew for a change that needs one (`MatterChange::series`).
    pub fn change(
        &mut self,
        change: &MatterChange,
        stamp: &Stamp,
        number: Option<u32>,
    ) -> Result<(), MatterError> {
        match change {
            MatterChange::Step { step, note } => self.apply(step.clone(), note, stamp).map(drop),
            MatterChange::Transfer { transfer, note } => {
                self.transfer(transfer.clone(), note, stamp).map(drop)
            }
            MatterChange::CollectiveStudy { flagged, note } => {
                self.flag_collective_study(*flagged, note, stamp).map(drop)
            }
            MatterChange::Team(team) => self.set_team(team, stamp).map(drop),
            MatterChange::Plan(plan) => self.set_plan(plan, stamp).map(drop),
            MatterChange::Instruct { leader, text } => {
                self.instruct(*leader, text, stamp).map(drop)
            }
            MatterChange::Import { state, department } => {
                self.import_state(*state, *department, stamp).map(drop)
            }
            MatterChange::Appoint { leader, note } => self.appoint(*leader, note, stamp).map(drop),
            MatterChange::Tier(tier) => self.set_tier(tier.as_deref(), stamp).map(drop),
            MatterChange::Extend {
                extension,
                max_total_days,
                due,
            } => self
                .extend(extension, *max_total_days, *due, stamp)
                .map(drop),
            MatterChange::Urge {
                level,
                department,
                response_by,
                text,
            } => {
                let urge = deadlines::Urge {
                    level: *level,
                    department: *department,
                    response_by: *response_by,
                    text,
                };
                self.check_urge(&urge, stamp)?;
                let seq = number.ok_or(MatterError::NoNumber)?;
                self.urge(&urge, seq, stamp).map(drop)
            }
            MatterChange::AnswerUrge { number } => self.answer_urge(*number, stamp).map(drop),
        }
    }

    /// Takes a step of the matter's life.
    pub fn apply(
        &mut self,
        step: Move,
        note: &str,
        stamp: &Stamp,
    ) -> Result<LedgerEvent, MatterError> {
        let from = self.case.state;
        let to = lifecycle::apply(from, &step)?;
        check_move(&step)?;
        if let Move::Assign {
            department,
            co_departments,
        } = &step
        {
            self.package.department = Some(*department);
            self.package.co_departments = co_departments.clone();
        }
        if bars_reacceptance(&step) {
            self.package.no_reacceptance = true;
        }
        self.case.state = to;
        Ok(self.append(stamp, EventKind::Moved { from, to, step }, note))
    }

    /// Hands the matter to another leader; the ledger keeps who held it before.
    pub fn transfer(
        &mut self,
        t: Transfer,
        note: &str,
        stamp: &Stamp,
    ) -> Result<LedgerEvent, MatterError> {
        self.refuse_if_archived()?;
        let from = check_transfer(self.package.responsible, &t)?;
        self.package.responsible = Some(t.to);
        let what = EventKind::ResponsibilityTransferred {
            from,
            to: t.to,
            reason: tidy(&t.reason),
            approved_by: tidy(&t.approved_by),
        };
        Ok(self.append(stamp, what, note))
    }

    /// Names the first responsible leader of a matter nobody holds.
    pub fn appoint(
        &mut self,
        leader: LeaderId,
        note: &str,
        stamp: &Stamp,
    ) -> Result<LedgerEvent, MatterError> {
        self.refuse_if_archived()?;
        if let Some(holder) = self.package.responsible {
            return Err(MatterError::AlreadyHeld(holder));
        }
        self.package.responsible = Some(leader);
        let what = EventKind::ResponsibilitySet {
            leader,
            visit: None,
        };
        Ok(self.append(stamp, what, note))
    }

    /// Leaders who held the matter before its current holder, oldest first.
    pub fn previous_holders(&self) -> Vec<LeaderId> {
        self.ledger
            .iter()
            .filter_map(|e| match e.what {
                EventKind::ResponsibilityTransferred { from, .. } => Some(from),
                _ => None,
            })
            .collect()
    }

    /// Puts the matter on (or takes it off) the leadership's collective-study list. `None`
    /// when it already was so: nothing happened, so nothing is written.
    pub fn flag_collective_study(
        &mut self,
        flagged: bool,
        note: &str,
        stamp: &Stamp,
    ) -> Result<Option<LedgerEvent>, MatterError> {
        self.refuse_if_archived()?;
        if self.package.collective_study == flagged {
            return Ok(None);
        }
        self.package.collective_study = flagged;
        Ok(Some(self.append(
            stamp,
            EventKind::CollectiveStudy { flagged },
            note,
        )))
    }

    /// Names the handling team; names are tidied, blanks and repeats dropped. `None` when the
    /// team is unchanged.
    pub fn set_team(
        &mut self,
        team: &[String],
        stamp: &Stamp,
    ) -> Result<Option<LedgerEvent>, MatterError> {
        self.refuse_if_archived()?;
        let mut tidied: Vec<String> = Vec::new();
        for name in team.iter().map(|n| tidy(n)) {
            if !name.is_empty() && !tidied.contains(&name) {
                tidied.push(name);
            }
        }
        if tidied == self.package.team {
            return Ok(None);
        }
        self.package.team = tidied.clone();
        Ok(Some(self.append(
            stamp,
            EventKind::TeamChanged { team: tidied },
            "",
        )))
    }

    /// Replaces the handling plan. `None` when the text is unchanged.
    pub fn set_plan(
        &mut self,
        plan: &str,
        stamp: &Stamp,
    ) -> Result<Option<LedgerEvent>, MatterError> {
        self.refuse_if_archived()?;
        let plan = plan.trim().to_string();
        if plan == self.package.plan {
            return Ok(None);
        }
        self.package.plan = plan.clone();
        Ok(Some(self.append(
            stamp,
            EventKind::PlanChanged { plan },
            "",
        )))
    }

    /// Records a leader's instruction; its lines are kept, blank ones at either end dropped.
    pub fn instruct(
        &mut self,
        leader: Option<LeaderId>,
        text: &str,
        stamp: &Stamp,
    ) -> Result<LedgerEvent, MatterError> {
        self.refuse_if_archived()?;
        let text = text.trim().to_string();
        if text.is_empty() {
            return Err(MatterError::InstructionTextRequired);
        }
        Ok(self.append(stamp, EventKind::Instructed { leader, text }, ""))
    }

    /// Puts a matter that came in from an earlier ledger in the state, with the lead
    /// department, that ledger gave it. Only a matter still as registered takes it: its clock
    /// then counts from its opening, as for any matter whose starting step is not in the
    /// ledger. The same again is no change, so an import run twice adds nothing.
    pub fn import_state(
        &mut self,
        state: CaseState,
        department: Option<DepartmentId>,
        stamp: &Stamp,
    ) -> Result<Option<LedgerEvent>, MatterError> {
        let department = department.or(self.package.department);
        if self.case.state == state && self.package.department == department {
            return Ok(None);
        }
        let untouched = self.case.state == CaseState::Registered
            && self
                .ledger
                .iter()
                .all(|e| !matches!(e.what, EventKind::Moved { .. } | EventKind::Imported { .. }));
        if !untouched {
            return Err(MatterError::ImportAfterWork);
        }
        self.case.state = state;
        self.package.department = department;
        Ok(Some(self.append(
            stamp,
            EventKind::Imported { state, department },
            "",
        )))
    }

    pub(crate) fn refuse_if_archived(&self) -> Result<(), MatterError> {
        match self.case.state {
            CaseState::Archived => Err(MatterError::Archived),
            _ => Ok(()),
        }
    }

    pub(crate) fn append(&mut self, stamp: &Stamp, what: EventKind, note: &str) -> LedgerEvent {
        let event = LedgerEvent::new(stamp, what, note.trim());
        self.ledger.push(event.clone());
        event
    }
}

mod deadlines;
#[cfg(test)]
mod tests;

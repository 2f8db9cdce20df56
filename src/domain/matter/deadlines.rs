//! What a matter's time limit and its supervision read from the ledger and write into it:
//! the complexity tier, extensions, reminders and supervision (催办 / 督办). The rules of
//! urging are described in `domain::supervision`.

use chrono::NaiveDate;

use super::{Matter, MatterError};
use crate::domain::deadline::{Extension, StageClock};
use crate::domain::ledger::{EventKind, LedgerEvent, Stamp, Supervision};
use crate::domain::lifecycle::CaseState;
use crate::domain::organisation::DepartmentId;
use crate::domain::supervision::{Escalation, UrgeNo};
use crate::domain::text::tidy;

/// A reminder or supervision as the clerk fills it in, before it has a number.
pub(super) struct Urge<'a> {
    pub level: Escalation,
    pub department: Option<DepartmentId>,
    pub response_by: NaiveDate,
    pub text: &'a str,
}

fn legacy_level(level: Supervision) -> Escalation {
    match level {
        Supervision::Notice => Escalation::Notice,
        Supervision::Interview => Escalation::Interview,
        Supervision::Circular => Escalation::Circular,
        Supervision::Listed => Escalation::Listed,
    }
}

impl Matter {
    /// The complexity tier the matter was last put in; `None` means the policy's own limit.
    pub fn tier(&self) -> Option<&str> {
        self.ledger.iter().rev().find_map(|e| match &e.what {
            EventKind::TierSet { tier } => Some(tier.as_deref()),
            _ => None,
        })?
    }

    /// Days of extension granted so far, added up.
    pub fn extension_days(&self) -> u32 {
        self.ledger
            .iter()
            .filter_map(|e| match e.what {
                EventKind::Extended { days, .. } => Some(days),
                _ => None,
            })
            .fold(0, u32::saturating_add)
    }

    /// Reminders and supervision not answered yet, oldest first, with their response dates.
    pub fn open_urges(&self) -> Vec<(UrgeNo, NaiveDate)> {
        let mut open: Vec<(UrgeNo, NaiveDate)> = Vec::new();
        for e in &self.ledger {
            match &e.what {
                EventKind::Urged {
                    number,
                    response_by,
                    ..
                } => open.push((*number, *response_by)),
                EventKind::UrgeAnswered { number } => open.retain(|(n, _)| n != number),
                _ => {}
            }
        }
        open
    }

    /// The highest level of urging the matter has seen, answered or not (older entries without
    /// numbers included).
    pub fn escalation(&self) -> Option<Escalation> {
        self.ledger
            .iter()
            .filter_map(|e| match e.what {
                EventKind::Urged { level, .. } => Some(level),
                EventKind::Reminded { .. } => Some(Escalation::Reminder),
                EventKind::Supervised { level, .. } => Some(legacy_level(level)),
                _ => None,
            })
            .max()
    }

    /// Puts the matter in a tier, or back on the policy's limit (`None`, or a blank name).
    /// Whether the tier exists is the policy's business, checked where the tier is chosen.
    /// `None` when the tier is unchanged.
    pub fn set_tier(
        &mut self,
        tier: Option<&str>,
        stamp: &Stamp,
    ) -> Result<Option<LedgerEvent>, MatterError> {
        self.refuse_if_archived()?;
        let tier = tier.map(tidy).filter(|t| !t.is_empty());
        if tier.as_deref() == self.tier() {
            return Ok(None);
        }
        Ok(Some(self.append(stamp, EventKind::TierSet { tier }, "")))
    }

    /// A petitioner asks for review or re-review within 30 days of the answer [35, 36]; `due`
    /// is the window's last day as the office's calendar gives it. Any other step passes.
    pub fn request_in_time(
        step: &crate::domain::lifecycle::Move,
        due: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<(), MatterError> {
        use crate::domain::lifecycle::Move;
        match (step, due) {
            (Move::RequestReview | Move::RequestReReview, Some(due)) if today > due => {
                Err(MatterError::RequestAfterWindow { due })
            }
            _ => Ok(()),
        }
    }

    /// Extends the handling limit, within `max_total` days for all extensions together.
    pub fn extend(
        &mut self,
        extension: &Extension,
        max_total: u32,
        due: Option<NaiveDate>,
        stamp: &Stamp,
    ) -> Result<LedgerEvent, MatterError> {
        let state = self.state();
        if !matches!(
            state,
            CaseState::Accepted | CaseState::Assigned | CaseState::InHandling
        ) {
            return Err(MatterError::ExtensionOutsideHandling { state });
        }
        if let Some(due) = due.filter(|due| stamp.at.date() > *due) {
            return Err(MatterError::ExtensionAfterDue { due });
        }
        extension.check_total(self.extension_days(), max_total)?;
        let what = EventKind::Extended {
            days: extension.days,
            reason: tidy(&extension.reason),
            approved_by: tidy(&extension.approved_by),
        };
        Ok(self.append(stamp, what, ""))
    }

    /// Checks a reminder or supervision before a number is drawn for it, so a refused one
    /// uses up no number.
    pub(super) fn check_urge(&self, urge: &Urge, stamp: &Stamp) -> Result<(), MatterError> {
        let state = self.state();
        let office_waits = StageClock::of(self).is_some_and(|c| c.stage.office_duty());
        if !office_waits {
            return Err(MatterError::NothingToUrge { state });
        }
        if urge.text.trim().is_empty() {
            return Err(MatterError::UrgeTextRequired);
        }
        let today = stamp.at.date();
        if urge.response_by < today {
            return Err(MatterError::UrgeResponseInPast {
                response_by: urge.response_by,
                today,
            });
        }
        if let Some((open, _)) = self
            .open_urges()
            .into_iter()
            .filter(|(n, _)| n.level > urge.level)
            .max_by_key(|(n, _)| n.level)
        {
            return Err(MatterError::UrgeBelowOpen {
                open,
                asked: urge.level,
            });
        }
        Ok(())
    }

    /// Writes a checked reminder or supervision with the number the store drew.
    pub(super) fn urge(
        &mut self,
        urge: &Urge,
        seq: u32,
        stamp: &Stamp,
    ) -> Result<LedgerEvent, MatterError> {
        use chrono::Datelike;
        self.check_urge(urge, stamp)?;
        let number = UrgeNo {
            year: stamp.at.year(),
            seq,
            level: urge.level,
        };
        let what = EventKind::Urged {
            level: urge.level,
            number,
            department: urge.department,
            response_by: urge.response_by,
            text: urge.text.trim().to_string(),
        };
        Ok(self.append(stamp, what, ""))
    }

    /// Records the department's answer to an open reminder or supervision. Allowed after the
    /// matter closed, as an answer may come late, but not once it is archived.
    pub fn answer_urge(
        &mut self,
        number: UrgeNo,
        stamp: &Stamp,
    ) -> Result<LedgerEvent, MatterError> {
        self.refuse_if_archived()?;
        if !self.open_urges().iter().any(|(n, _)| *n == number) {
            return Err(MatterError::UrgeNotOpen { number });
        }
        Ok(self.append(stamp, EventKind::UrgeAnswered { number }, ""))
    }
}

#[cfg(test)]
#[path = "tests_deadlines.rs"]
mod tests;

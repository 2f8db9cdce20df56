//! The clock of a matter: which stage's time limit runs in the matter's current state, and
//! since when. Read from the ledger, so it needs no stored field of its own:
//!
//! | state | stage | from |
//! | --- | --- | --- |
//! | registered | forward or assign [22] | the day the matter was opened |
//! | accepted, assigned, in handling | handle [34] (tier, extensions) | the day it was accepted |
//! | answered | the petitioner may ask for review [35] | the answer |
//! | review requested | review answer [35] | the request |
//! | review answered | the petitioner may ask for re-review [36] | the review answer |
//! | re-review requested | re-review answer [36] | the request |
//!
//! Every other state has no clock: the matter is closed, has left the desk, or (re-review
//! answered) awaits only the office's closing.

use chrono::NaiveDate;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::{DeadlineError, DeadlinePolicy, Stage};
use crate::domain::calendar::HolidayCalendar;
use crate::domain::case::CaseState;
use crate::domain::ledger::EventKind;
use crate::domain::matter::Matter;

/// Stored inside the pending list's rows: a new field needs a new row format.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StageClock {
    pub stage: Stage,
    /// Day 0 of the limit.
    #[serde(with = "crate::domain::compact_dates::day")]
    pub start: NaiveDate,
    /// The matter's complexity tier; only the handling stage has one. Kept inline, as the
    /// names of tiers are short: a report reads a clock for every open matter.
    pub tier: Option<CompactString>,
    /// Every extension granted, added up; only the handling stage has them.
    pub extension_days: u32,
}

/// The stage that runs in `state`, and the state whose arrival started it.
fn stage_of(state: CaseState) -> Option<(Stage, CaseState)> {
    use CaseState as S;
    Some(match state {
        S::Registered => (Stage::ForwardOrAssign, S::Registered),
        // Assigning and starting to handle do not restart the handling limit: it runs from
        // acceptance (第34条).
        S::Accepted | S::Assigned | S::InHandling => (Stage::Handle, S::Accepted),
        S::Answered => (Stage::AskReview, S::Answered),
        S::ReviewRequested => (Stage::ReviewAnswer, S::ReviewRequested),
        S::ReviewAnswered => (Stage::AskReReview, S::ReviewAnswered),
        S::ReReviewRequested => (Stage::ReReviewAnswer, S::ReReviewRequested),
        S::NotAccepted
        | S::Forwarded
        | S::ReReviewAnswered
        | S::Closed
        | S::Settled
        | S::Archived => return None,
    })
}

impl StageClock {
    pub fn of(matter: &Matter) -> Option<StageClock> {
        Self::started(matter).map(|(clock, _)| clock)
    }

    /// The clock and the position in the ledger from which entries happened while it ran.
    /// A matter whose ledger lacks the step that started the clock (written before ledgers
    /// existed) counts from its opening, so it shows rather than drops out of every list.
    pub(crate) fn started(matter: &Matter) -> Option<(StageClock, usize)> {
        let (stage, entered) = stage_of(matter.state())?;
        let opened = matter.case.opened_at.date();
        let step = (entered != CaseState::Registered)
            .then(|| {
                matter
                    .ledger
                    .iter()
                    .rposition(|e| matches!(e.what, EventKind::Moved { to, .. } if to == entered))
            })
            .flatten();
        let (start, since) = match step {
            Some(i) => (matter.ledger[i].at.date(), i + 1),
            None => (opened, 0),
        };
        let (tier, extension_days) = if stage == Stage::Handle {
            (
                matter.tier().map(CompactString::from),
                matter.extension_days(),
            )
        } else {
            (None, 0)
        };
        let clock = StageClock {
            stage,
            start,
            tier,
            extension_days,
        };
        Some((clock, since))
    }
}

impl DeadlinePolicy {
    /// The last day in time for the clock's stage. A tier the policy no longer has is
    /// `DeadlineError::UnknownTier`; the caller decides what to fall back on.
    pub fn due(
        &self,
        clock: &StageClock,
        calendar: &HolidayCalendar,
    ) -> Result<NaiveDate, DeadlineError> {
        let extension = (clock.extension_days > 0).then_some(clock.extension_days);
        self.due_extended(
            clock.stage,
            clock.start,
            clock.tier.as_deref(),
            extension,
            calendar,
        )
    }
}

/// A due date for the lists, which must show every matter even when the policy changed under
/// it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedDue {
    pub date: NaiveDate,
    /// The matter's tier, when the policy no longer has it and the policy's own handling limit
    /// was used instead: the office should choose a tier again.
    pub unknown_tier: Option<String>,
}

impl DeadlinePolicy {
    /// `due`, falling back on the policy's own handling limit for a tier it no longer has.
    pub fn listed_due(&self, clock: &StageClock, calendar: &HolidayCalendar) -> ListedDue {
        match self.due(clock, calendar) {
            Ok(date) => ListedDue {
                date,
                unknown_tier: None,
            },
            Err(_) => {
                let plain = StageClock {
                    tier: None,
                    ..clock.clone()
                };
                let date = self
                    .due(&plain, calendar)
                    .or_else(|_| self.due_extended(clock.stage, clock.start, None, None, calendar))
                    .unwrap_or(clock.start);
                ListedDue {
                    date,
                    unknown_tier: clock.tier.as_deref().map(str::to_string),
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "tests_clock.rs"]
mod tests;

//! Due dates and extensions.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{DayKind, DeadlinePolicy, Stage};
use crate::domain::calendar::HolidayCalendar;

/// An extension of the handling limit [34]: approved by the handling body's head, and its reason
/// told to the petitioner, so neither may be blank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub days: u32,
    pub reason: String,
    /// The operator who recorded the head's approval.
    pub approved_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExtensionError {
    #[error("an extension needs at least 1 day")]
    NoDays,
    /// `max` is the policy's cap, named so the clerk knows what is allowed.
    #[error("{requested} days asked, at most {max} allowed")]
    OverCap { requested: u32, max: u32 },
    /// The matter's extensions together would pass the cap: `granted` days are already given,
    /// so `max - granted` are left.
    #[error("{requested} days asked, {granted} of at most {max} already granted")]
    OverTotal {
        requested: u32,
        granted: u32,
        max: u32,
    },
    #[error("an extension needs a reason")]
    NoReason,
    #[error("an extension needs the approving operator")]
    NoApprover,
}

impl Extension {
    /// Checks a request against the policy's cap. A granted extension stays valid even if the
    /// policy later lowers the cap: it is a decision already taken.
    pub fn request(
        days: u32,
        reason: &str,
        approved_by: &str,
        policy: &DeadlinePolicy,
    ) -> Result<Self, ExtensionError> {
        if days == 0 {
            return Err(ExtensionError::NoDays);
        }
        if days > policy.max_extension_days {
            return Err(ExtensionError::OverCap {
                requested: days,
                max: policy.max_extension_days,
            });
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(ExtensionError::NoReason);
        }
        let approved_by = approved_by.trim();
        if approved_by.is_empty() {
            return Err(ExtensionError::NoApprover);
        }
        Ok(Extension {
            days,
            reason: reason.to_string(),
            approved_by: approved_by.to_string(),
        })
    }
}

impl Extension {
    /// Checks a request against what the matter already has: every extension of one matter
    /// together stays within `max` days (第34条 allows one extension of at most 30 days; an
    /// office that splits it may not exceed it). Also checks what `request` checks, as an
    /// extension may have been built by hand.
    pub fn check_total(&self, granted: u32, max: u32) -> Result<(), ExtensionError> {
        if self.days == 0 {
            return Err(ExtensionError::NoDays);
        }
        if self.reason.trim().is_empty() {
            return Err(ExtensionError::NoReason);
        }
        if self.approved_by.trim().is_empty() {
            return Err(ExtensionError::NoApprover);
        }
        if granted.saturating_add(self.days) > max {
            return Err(ExtensionError::OverTotal {
                requested: self.days,
                granted,
                max,
            });
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    /// The matter's tier is not in the policy (renamed or removed since it was chosen).
    #[error("tier '{name}' is not in the deadline policy")]
    UnknownTier { name: String },
    #[error("the {stage:?} limit cannot be extended")]
    NotExtendable { stage: Stage },
}

impl DeadlinePolicy {
    /// The last day on which `stage`, started on `start`, is in time. See the module
    /// documentation for how days are counted.
    ///
    /// `tier` replaces the handling limit and is ignored for other stages, so a caller may pass
    /// a matter's tier whatever the stage.
    pub fn due_date(
        &self,
        stage: Stage,
        start: NaiveDate,
        tier: Option<&str>,
        extension: Option<&Extension>,
        calendar: &HolidayCalendar,
    ) -> Result<NaiveDate, DeadlineError> {
        self.due_extended(stage, start, tier, extension.map(|e| e.days), calendar)
    }

    /// `due_date` with the extension as days: a matter's extensions add up, and only their
    /// total matters for the date.
    pub(super) fn due_extended(
        &self,
        stage: Stage,
        start: NaiveDate,
        tier: Option<&str>,
        extension_days: Option<u32>,
        calendar: &HolidayCalendar,
    ) -> Result<NaiveDate, DeadlineError> {
        let mut limit = self.limit(stage);
        if let (Stage::Handle, Some(name)) = (stage, tier) {
            let tier = self.tier(name).ok_or_else(|| DeadlineError::UnknownTier {
                name: name.to_string(),
            })?;
            limit.days = tier.days;
        }
        let mut due = add_days(start, limit.days, limit.count, calendar);
        if let Some(days) = extension_days {
            if !stage.extendable() {
                return Err(DeadlineError::NotExtendable { stage });
            }
            due = add_days(due, days, limit.count, calendar);
        }
        if limit.count == DayKind::Calendar && self.roll_to_working_day {
            due = calendar.on_or_next_working_day(due);
        }
        Ok(due)
    }
}

fn add_days(start: NaiveDate, days: u32, count: DayKind, calendar: &HolidayCalendar) -> NaiveDate {
    match count {
        DayKind::Calendar => start
            .checked_add_days(Days::new(u64::from(days)))
            .unwrap_or(NaiveDate::MAX),
        DayKind::Working => calendar.add_working_days(start, days),
    }
}

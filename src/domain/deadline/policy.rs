//! `policy.toml`: every key optional, each missing one keeps its statutory default, including a
//! stage table that names only `days` (it keeps the stage's own day kind, so
//! `[object_to_assignment] days = 7` stays in working days).

use std::collections::BTreeSet;

use serde::Deserialize;

use crate::domain::config_text::{ConfigProblem, line_of_key};

use super::{DayKind, DeadlinePolicy, Limit, MAX_DAYS, Stage, Tier};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    /// Not valid TOML, an unknown key, or a value of the wrong type. `reason` is toml's message,
    /// which names the line, the column and the key.
    #[error("policy file: {reason}")]
    Toml { reason: String, line: Option<usize> },
    /// A limit or tier of zero days; `field` is its key, e.g. `handle.days` or `tiers.普通`.
    #[error("policy file: {field} must be at least 1 day")]
    ZeroDays { field: String },
    #[error("policy file: {field} = {days} is more than {max} days")]
    TooManyDays { field: String, days: u32, max: u32 },
    #[error("policy file: tier '{name}' is listed twice")]
    DuplicateTier { name: String },
    #[error("policy file: a tier has no name")]
    EmptyTierName,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct RawPolicy {
    due_soon_days: Option<u32>,
    roll_to_working_day: Option<bool>,
    max_extension_days: Option<u32>,
    forward_or_assign: Option<RawLimit>,
    notify_acceptance: Option<RawLimit>,
    object_to_assignment: Option<RawLimit>,
    handle: Option<RawLimit>,
    ask_review: Option<RawLimit>,
    review_answer: Option<RawLimit>,
    ask_re_review: Option<RawLimit>,
    re_review_answer: Option<RawLimit>,
    tiers: Vec<RawTier>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawLimit {
    days: Option<u32>,
    count: Option<DayKind>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTier {
    name: String,
    days: u32,
}

impl DeadlinePolicy {
    /// Reads the text of a `policy.toml`. An empty text is the statutory policy.
    pub fn from_toml(text: &str) -> Result<Self, PolicyError> {
        let raw: RawPolicy = toml::from_str(text).map_err(|e| {
            let line = ConfigProblem::toml(text, &e).line;
            PolicyError::Toml {
                reason: e.message().trim().replace('\n', " "),
                line,
            }
        })?;
        DeadlinePolicy::try_from(raw)
    }
}

impl PolicyError {
    /// The line of `text` (the file it came from) the error is about, when it is known.
    pub fn line_in(&self, text: &str) -> Option<usize> {
        let field = match self {
            PolicyError::Toml { line, .. } => return *line,
            PolicyError::ZeroDays { field } | PolicyError::TooManyDays { field, .. } => field,
            PolicyError::DuplicateTier { name } => &format!("tiers.{name}"),
            PolicyError::EmptyTierName => "tiers",
        };
        let path: Vec<&str> = field.split('.').collect();
        line_of_key(text, &path)
    }
}

fn check_days(field: &str, days: u32, allow_zero: bool) -> Result<u32, PolicyError> {
    if days == 0 && !allow_zero {
        return Err(PolicyError::ZeroDays {
            field: field.to_string(),
        });
    }
    if days > MAX_DAYS {
        return Err(PolicyError::TooManyDays {
            field: field.to_string(),
            days,
            max: MAX_DAYS,
        });
    }
    Ok(days)
}

impl RawPolicy {
    fn stage(&self, stage: Stage) -> Option<&RawLimit> {
        match stage {
            Stage::ForwardOrAssign => self.forward_or_assign.as_ref(),
            Stage::NotifyAcceptance => self.notify_acceptance.as_ref(),
            Stage::ObjectToAssignment => self.object_to_assignment.as_ref(),
            Stage::Handle => self.handle.as_ref(),
            Stage::AskReview => self.ask_review.as_ref(),
            Stage::ReviewAnswer => self.review_answer.as_ref(),
            Stage::AskReReview => self.ask_re_review.as_ref(),
            Stage::ReReviewAnswer => self.re_review_answer.as_ref(),
        }
    }
}

impl TryFrom<RawPolicy> for DeadlinePolicy {
    type Error = PolicyError;

    fn try_from(raw: RawPolicy) -> Result<Self, PolicyError> {
        let mut policy = DeadlinePolicy::default();
        if let Some(days) = raw.due_soon_days {
            policy.due_soon_days = check_days("due_soon_days", days, true)?;
        }
        if let Some(roll) = raw.roll_to_working_day {
            policy.roll_to_working_day = roll;
        }
        if let Some(days) = raw.max_extension_days {
            policy.max_extension_days = check_days("max_extension_days", days, true)?;
        }
        for stage in Stage::ALL {
            let Some(given) = raw.stage(stage) else {
                continue;
            };
            let statutory = stage.statutory();
            let days = match given.days {
                Some(days) => check_days(&format!("{}.days", stage.key()), days, false)?,
                None => statutory.days,
            };
            let count = given.count.unwrap_or(statutory.count);
            policy.set_limit(stage, Limit { days, count });
        }
        let mut seen = BTreeSet::new();
        for tier in raw.tiers {
            let name = tier.name.trim().to_string();
            if name.is_empty() {
                return Err(PolicyError::EmptyTierName);
            }
            let days = check_days(&format!("tiers.{name}"), tier.days, false)?;
            if !seen.insert(name.clone()) {
                return Err(PolicyError::DuplicateTier { name });
            }
            policy.tiers.push(Tier { name, days });
        }
        Ok(policy)
    }
}

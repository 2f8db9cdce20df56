//! Time limits of a petition matter (《信访工作条例》2022, articles in brackets) and the policy an
//! office may change them by (`policy.toml`, see `policy.example.toml` beside this file).
//!
//! Conventions, each a rule a clerk can check by hand:
//! - **Day 0 is the start day.** "15 days from receipt" ends on receipt + 15: the day of receipt
//!   is not counted (《民法典》第201条: 开始的当日不计入). The same holds for working days: the
//!   start day never counts, whether or not it is a working day.
//! - **Calendar days unless the policy says working days** for a stage. Working days follow the
//!   [`HolidayCalendar`](super::calendar::HolidayCalendar) with its make-up working days (调休).
//! - **A calendar-day deadline that ends on a day off moves to the next working day** when
//!   `roll_to_working_day` is on, the default, as for any period in Chinese law whose last day is
//!   a statutory day off (《民法典》第203条; 《民事诉讼法》on 期间). The 条例 itself is silent;
//!   an office that wants the earlier date sets it to `false`.
//! - **The deadline day itself is still in time.** Overdue starts the day after.
//! - An extension [34] runs on from the unextended deadline, in the same kind of days, and only
//!   the handling stage can be extended. Rolling to a working day happens once, at the end.

mod clock;
mod due;
mod policy;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_policy;
mod urgency;

pub use clock::{ListedDue, StageClock};
pub use due::{DeadlineError, Extension, ExtensionError};
pub use policy::PolicyError;
pub use urgency::Urgency;

use serde::{Deserialize, Serialize};

/// Longest limit, extension or warning window a policy may set: ten years. Longer is a typo,
/// and refusing it keeps every date computation within range.
pub const MAX_DAYS: u32 = 3650;

/// The commented example policy (the statutory limits and three sample tiers), for writing
/// beside a new database or showing in help.
pub const EXAMPLE_POLICY: &str = include_str!("policy.example.toml");

/// A step of a matter's life that has a time limit, in the order of DOMAIN.md's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Petition office: register, then forward (转送) or assign (交办) [22].
    ForwardOrAssign,
    /// Handling body: tell the petitioner in writing whether the matter is accepted [23].
    NotifyAcceptance,
    /// Handling body: object that an assigned matter is not within its remit [23].
    ObjectToAssignment,
    /// Handle an accepted matter, from acceptance [34]; complexity tiers replace this limit.
    Handle,
    /// Petitioner: ask for review (复查) after the written answer [35].
    AskReview,
    /// Answer a review request [35].
    ReviewAnswer,
    /// Petitioner: ask for re-review (复核) after the review answer [36].
    AskReReview,
    /// Answer a re-review request [36]; hearing time is not counted.
    ReReviewAnswer,
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::ForwardOrAssign,
        Stage::NotifyAcceptance,
        Stage::ObjectToAssignment,
        Stage::Handle,
        Stage::AskReview,
        Stage::ReviewAnswer,
        Stage::AskReReview,
        Stage::ReReviewAnswer,
    ];

    /// The article of 《信访工作条例》(2022) that sets the limit.
    pub fn article(self) -> u32 {
        match self {
            Stage::ForwardOrAssign => 22,
            Stage::NotifyAcceptance | Stage::ObjectToAssignment => 23,
            Stage::Handle => 34,
            Stage::AskReview | Stage::ReviewAnswer => 35,
            Stage::AskReReview | Stage::ReReviewAnswer => 36,
        }
    }

    /// The table that sets this stage in `policy.toml`.
    pub fn key(self) -> &'static str {
        match self {
            Stage::ForwardOrAssign => "forward_or_assign",
            Stage::NotifyAcceptance => "notify_acceptance",
            Stage::ObjectToAssignment => "object_to_assignment",
            Stage::Handle => "handle",
            Stage::AskReview => "ask_review",
            Stage::ReviewAnswer => "review_answer",
            Stage::AskReReview => "ask_re_review",
            Stage::ReReviewAnswer => "re_review_answer",
        }
    }

    /// Only handling may be extended [34]; the other limits are fixed.
    pub fn extendable(self) -> bool {
        self == Stage::Handle
    }

    /// Whether the office (or its departments) must act by the deadline. The petitioner's
    /// window to ask for review is never "overdue" for the office: when it passes, the office
    /// may close the matter.
    pub fn office_duty(self) -> bool {
        !matches!(self, Stage::AskReview | Stage::AskReReview)
    }

    /// The statutory limit.
    pub fn statutory(self) -> Limit {
        match self {
            Stage::ObjectToAssignment => Limit::working(5),
            Stage::Handle => Limit::calendar(60),
            Stage::ForwardOrAssign | Stage::NotifyAcceptance => Limit::calendar(15),
            Stage::AskReview | Stage::ReviewAnswer => Limit::calendar(30),
            Stage::AskReReview | Stage::ReReviewAnswer => Limit::calendar(30),
        }
    }
}

/// How the days of a limit are counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DayKind {
    #[default]
    Calendar,
    /// Days on which public offices work, by the holiday calendar (调休 included).
    Working,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limit {
    pub days: u32,
    pub count: DayKind,
}

impl Limit {
    pub const fn calendar(days: u32) -> Self {
        Limit {
            days,
            count: DayKind::Calendar,
        }
    }

    pub const fn working(days: u32) -> Self {
        Limit {
            days,
            count: DayKind::Working,
        }
    }
}

/// A local complexity tier (e.g. 普通 7 / 复杂 20 / 重大 60 days) that replaces the handling
/// limit for the matters put in it; counted like the handling limit.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Tier {
    pub name: String,
    pub days: u32,
}

/// The limits an office works to. `Default` is the statutory one; `policy.toml` changes only
/// what it names (see [`DeadlinePolicy::from_toml`]).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "policy::RawPolicy")]
pub struct DeadlinePolicy {
    /// How many days before a deadline a matter shows as due soon.
    pub due_soon_days: u32,
    /// Whether a calendar-day deadline on a day off moves to the next working day.
    pub roll_to_working_day: bool,
    /// The most an extension may add [34].
    pub max_extension_days: u32,
    /// One limit per stage, in the order of [`Stage::ALL`].
    limits: [Limit; 8],
    /// In the order the file lists them, which is the order a screen offers them.
    pub tiers: Vec<Tier>,
}

impl Default for DeadlinePolicy {
    fn default() -> Self {
        DeadlinePolicy {
            due_soon_days: 3,
            roll_to_working_day: true,
            max_extension_days: 30,
            limits: Stage::ALL.map(Stage::statutory),
            tiers: Vec::new(),
        }
    }
}

impl DeadlinePolicy {
    pub fn limit(&self, stage: Stage) -> Limit {
        self.limits[stage as usize]
    }

    pub fn set_limit(&mut self, stage: Stage, limit: Limit) {
        self.limits[stage as usize] = limit;
    }

    pub fn tier(&self, name: &str) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.name == name)
    }
}

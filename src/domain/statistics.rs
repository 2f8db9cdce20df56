//! The figures a supervisor and the office live by (DOMAIN.md, "Reports the office lives by"):
//! the supervisor's desk at a glance (`desk`) and the quarterly and annual reports (`period`).
//! Plain inputs only: the pending rows, the visits of a time range and each matter's outcome,
//! so every figure can be checked by hand on a small data set.

pub mod desk;
mod outcome;
pub mod period;

pub use outcome::Outcome;

/// `part` of `whole` in whole percent, rounded half up; `None` when there is nothing to count,
/// so an empty table shows "—" rather than a misleading 0 %.
pub fn percent(part: u64, whole: u64) -> Option<u32> {
    (whole > 0).then(|| ((part * 200 + whole) / (whole * 2)) as u32)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_period;

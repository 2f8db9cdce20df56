//! What each of a matter's documents needs of the matter before it may be written, so that a
//! notice never says something the record does not support: an acceptance notice for a matter
//! that was never accepted, a reminder with a number the matter never had, a sheet telling
//! "your unit" about a matter no unit was given.
//!
//! - acceptance notice (受理告知书): the matter was accepted, and assigned to the department
//!   the notice names as handling it;
//! - assignment sheet (交办单): the matter was assigned to a department;
//! - reminder (催办单) / supervision notice (督办单): the matter had an urge of that series
//!   (the one asked for, else its latest), and a department it went to.

use super::ledger::EventKind;
use super::lifecycle::CaseState;
use super::matter::Matter;
use super::organisation::DepartmentId;
use super::supervision::{UrgeKind, UrgeNo};
use super::text::fold_fullwidth;

/// The documents a matter produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    Acceptance,
    Assignment,
    Reminder,
    Supervision,
}

/// What the document is written about, once the matter supports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ready {
    /// The department the document names (or is addressed to).
    pub department: DepartmentId,
    /// The reminder's or supervision notice's number.
    pub urge: Option<UrgeNo>,
}

/// Why the matter does not support the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// An acceptance notice for a matter that was never accepted (still registered, not
    /// accepted, forwarded).
    NeverAccepted { state: CaseState },
    /// The document names the handling department, and the matter has none yet.
    NotAssigned { state: CaseState },
    /// The matter has no reminder (or supervision) of the series asked for.
    NoUrge { kind: UrgeKind },
    /// The number asked for is not one of the matter's in that series; `known` are.
    UnknownUrge {
        asked: String,
        kind: UrgeKind,
        known: Vec<UrgeNo>,
    },
}

/// States a matter is in only after it was accepted.
fn accepted_state(s: CaseState) -> bool {
    !matches!(
        s,
        CaseState::Registered | CaseState::NotAccepted | CaseState::Forwarded | CaseState::Archived
    )
}

/// States a matter is in only after it was assigned.
fn assigned_state(s: CaseState) -> bool {
    accepted_state(s) && s != CaseState::Accepted
}

/// Every state the matter has been in that its record shows: the moves, an imported state and
/// the state it is in now (an archived matter keeps what it was before).
fn states_seen(matter: &Matter) -> impl Iterator<Item = CaseState> + '_ {
    matter
        .ledger
        .iter()
        .filter_map(|e| match &e.what {
            EventKind::Moved { to, .. } => Some(*to),
            EventKind::Imported { state, .. } => Some(*state),
            _ => None,
        })
        .chain(std::iter::once(matter.state()))
}

/// The urges of series `kind` the matter had, oldest first, with the department each went to.
fn urges(matter: &Matter, kind: UrgeKind) -> Vec<(UrgeNo, Option<DepartmentId>)> {
    matter
        .ledger
        .iter()
        .filter_map(|e| match &e.what {
            EventKind::Urged {
                number, department, ..
            } if number.level.series_kind() == kind => Some((*number, *department)),
            _ => None,
        })
        .collect()
}

/// A document number as typed: `催〔2026〕3号`, `督[2026]3号`, `R-2026/3`, `S-2026/3`, with
/// full-width digits allowed. The series when the number says it, the year and the sequence.
pub fn parse_urge(typed: &str) -> Option<(Option<UrgeKind>, i32, u32)> {
    let text = fold_fullwidth(typed.trim());
    let kind = match text.chars().next()? {
        '催' | 'R' | 'r' => Some(UrgeKind::Reminder),
        '督' | 'S' | 's' => Some(UrgeKind::Supervision),
        _ => None,
    };
    let numbers: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    match numbers.as_slice() {
        [year, seq] => Some((kind, year.parse().ok()?, seq.parse().ok()?)),
        _ => None,
    }
}

/// Whether `paper` may be written for `matter`, with the urge number `asked` for (a reminder's
/// or supervision notice's; ignored by the others), and if so about what.
pub fn check(paper: Paper, matter: &Matter, asked: Option<&str>) -> Result<Ready, Refusal> {
    let state = matter.state();
    let lead = matter.package.department;
    match paper {
        Paper::Acceptance => {
            if !states_seen(matter).any(accepted_state) {
                return Err(Refusal::NeverAccepted { state });
            }
            let department = lead.ok_or(Refusal::NotAssigned { state })?;
            Ok(Ready {
                department,
                urge: None,
            })
        }
        Paper::Assignment => {
            let department = lead
                .filter(|_| states_seen(matter).any(assigned_state))
                .ok_or(Refusal::NotAssigned { state })?;
            Ok(Ready {
                department,
                urge: None,
            })
        }
        Paper::Reminder | Paper::Supervision => {
            let kind = if paper == Paper::Reminder {
                UrgeKind::Reminder
            } else {
                UrgeKind::Supervision
            };
            let all = urges(matter, kind);
            let (number, department) = match asked.map(str::trim).filter(|s| !s.is_empty()) {
                None => *all.last().ok_or(Refusal::NoUrge { kind })?,
                Some(typed) => {
                    let parsed = parse_urge(typed);
                    let found = parsed.and_then(|(k, year, seq)| {
                        all.iter().find(|(n, _)| {
                            k.is_none_or(|k| k == kind) && n.year == year && n.seq == seq
                        })
                    });
                    match found {
                        Some(found) => *found,
                        None if all.is_empty() => return Err(Refusal::NoUrge { kind }),
                        None => {
                            return Err(Refusal::UnknownUrge {
                                asked: typed.to_string(),
                                kind,
                                known: all.iter().map(|(n, _)| *n).collect(),
                            });
                        }
                    }
                }
            };
            let department = department.or(lead).ok_or(Refusal::NotAssigned { state })?;
            Ok(Ready {
                department,
                urge: Some(number),
            })
        }
    }
}

#[cfg(test)]
mod tests;

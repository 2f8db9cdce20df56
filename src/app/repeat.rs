//! What the intake's repeat panel shows of an earlier petitioner, by role.
//!
//! The search behind the panel is never narrowed: a clerk must find every earlier petitioner,
//! whoever registered them, or duplicates creep in and a returning petitioner's matter is
//! opened twice. What the panel shows is narrowed, because it is a list of *candidates* (a
//! shared name may be a stranger) on a screen the person at the window can often see, and
//! because a clerk's work is registering, not reading other clerks' files:
//!
//! - Everyone sees what identifies the person: name, ID number and phone (masked), why they
//!   match, how many times and when last they came.
//! - A clerk sees each open matter by its number, category and state: enough to join today's
//!   visit to the right matter and to tell the petitioner it is in hand, nothing of what was
//!   said. Other roles, who act on matters, also see the summary.
//! - A matter the operator may not read (an accusation, `domain::permission::may_read`) is
//!   counted, never listed: its number would tie the person to an accusation, and a visit
//!   cannot be joined to a matter its registrar may not see. The supervisor links it.

use crate::domain::case::Case;
use crate::domain::permission::Role;
use crate::domain::repeat::RepeatMatch;
use crate::store::Store;

use super::App;

/// A possible earlier petitioner, as this operator may see them.
#[derive(Clone, Debug)]
pub struct RepeatEntry {
    pub found: RepeatMatch,
    /// The open matters today's visit may join, oldest first; for a clerk without summaries.
    pub open_cases: Vec<Case>,
    /// Open matters the operator may not read: only how many.
    pub confidential: usize,
}

/// Builds the entry of `found` for the signed-in operator.
pub(super) fn entry(
    app: &App,
    store: &dyn Store,
    found: RepeatMatch,
) -> crate::store::Result<RepeatEntry> {
    let history = store.history(found.petitioner.id, 0)?;
    let brief = app.role() == Some(Role::Clerk);
    let mut open_cases = Vec::new();
    let mut confidential = 0;
    for mut case in history.map(|h| h.open_cases).unwrap_or_default() {
        let responsible = store.responsible_leader(case.id)?;
        if !app.may_read(case.kind, responsible) {
            confidential += 1;
            continue;
        }
        if brief {
            case.summary.clear();
        }
        open_cases.push(case);
    }
    Ok(RepeatEntry {
        found,
        open_cases,
        confidential,
    })
}

//! Accusations (检举控告类) are confidential (条例 art. 30): only supervisors and the secretary
//! of the responsible leader read them (`permission::may_read` decides who). Everyone else still
//! sees that such a matter exists (its number, state and deadline), never who brought it, what
//! it is about or what was done about it in words: the petitioner, the category, the summary,
//! the handling team and plan, and every text of the ledger (notes, answers, the reason for not
//! accepting, where it was forwarded, transfer and extension reasons, reminder texts) are
//! blanked. What the deadline is computed from (states, dates, tiers, extension days) stays, so
//! the clock still shows.
//!
//! This module says what is blanked, once, for every reader of the data: the screens blank a
//! record as it is loaded, the exported ledger blanks it before it becomes a row. The words put
//! in its place come from the catalogue, in the reader's language (`Veil`).

use super::case::Case;
use super::ledger::EventKind;
use super::lifecycle::Move;
use super::matter::Matter;
use super::pending::MatterRow;
use super::petitioner::Person;
use super::visit::Visit;

/// The words that stand where something hidden was.
#[derive(Clone, Copy, Debug)]
pub struct Veil<'a> {
    /// For a name, a category, a team, a plan, any text of the ledger: "(保密)".
    pub hidden: &'a str,
    /// For a matter's summary on its own screen: says why it cannot be read.
    pub matter: &'a str,
}

/// A matter's row in a list: the petitioner and the category go.
pub fn row(row: &mut MatterRow, veil: Veil) {
    row.petitioner = veil.hidden.into();
    row.category = veil.hidden.into();
}

/// A matter's record: the category and the summary go.
pub fn case(c: &mut Case, veil: Veil) {
    c.summary = veil.hidden.to_string();
    c.category = veil.hidden.to_string();
}

/// Who brought it: only a name that says it is hidden; no ID number, phone or address.
pub fn person(veil: Veil) -> Person {
    Person {
        name: veil.hidden.to_string(),
        ..Person::default()
    }
}

/// A visit: the petitioner, those who came with them, the category and the summary go; the
/// channel, time and head count stay.
pub fn visit(v: &mut Visit, veil: Veil) {
    v.petitioner = person(veil);
    v.co_petitioners.clear();
    v.summary = veil.hidden.to_string();
    v.category = veil.hidden.to_string();
}

/// A whole matter: its record, the team and plan, and every text of its ledger. The
/// petitioner is not in it: whoever holds one blanks it with `person`.
pub fn matter(m: &mut Matter, veil: Veil) {
    let hidden = veil.hidden;
    m.case.summary = veil.matter.to_string();
    m.case.category = hidden.to_string();
    if !m.package.team.is_empty() {
        m.package.team = vec![hidden.to_string()];
    }
    if !m.package.plan.is_empty() {
        m.package.plan = hidden.to_string();
    }
    for e in &mut m.ledger {
        e.note.clear();
        blank_event(&mut e.what, hidden);
    }
}

/// Replaces every text an entry carries; what it is, who and when stay.
fn blank_event(what: &mut EventKind, hidden: &str) {
    let text = match what {
        EventKind::Moved {
            step:
                Move::NotAccept { reason: t }
                | Move::Forward { to: t }
                | Move::Answer { text: t }
                | Move::AnswerReview { text: t }
                | Move::AnswerReReview { text: t },
            ..
        } => t,
        EventKind::ResponsibilityTransferred { reason, .. } => reason,
        EventKind::PlanChanged { plan } => plan,
        EventKind::Instructed { text, .. } => text,
        EventKind::Extended { reason, .. } => reason,
        EventKind::Urged { text, .. } => text,
        EventKind::TeamChanged { team } if !team.is_empty() => {
            *team = vec![hidden.to_string()];
            return;
        }
        _ => return,
    };
    if !text.is_empty() {
        *text = hidden.to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::organisation::LeaderId;

    /// The steps one matter cannot all take in one life, each with its words.
    #[test]
    fn every_text_an_entry_carries_is_replaced_and_the_rest_kept() {
        let mut entries = [
            EventKind::Moved {
                from: crate::domain::case::CaseState::Registered,
                to: crate::domain::case::CaseState::Forwarded,
                step: Move::Forward {
                    to: "县纪委监委".into(),
                },
            },
            EventKind::Moved {
                from: crate::domain::case::CaseState::Registered,
                to: crate::domain::case::CaseState::NotAccepted,
                step: Move::NotAccept {
                    reason: "已由纪委受理".into(),
                },
            },
            EventKind::ResponsibilityTransferred {
                from: LeaderId(1),
                to: LeaderId(2),
                reason: "涉及本人分管单位".into(),
                approved_by: "sup1".into(),
            },
            EventKind::TeamChanged { team: vec![] },
        ];
        for e in &mut entries {
            blank_event(e, "(保密)");
        }
        let shown = format!("{entries:?}");
        for secret in ["县纪委监委", "已由纪委受理", "涉及本人分管单位"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("sup1") && shown.contains("LeaderId(2)"));
        assert_eq!(
            entries[3],
            EventKind::TeamChanged { team: vec![] },
            "a cleared team stays cleared"
        );
    }
}

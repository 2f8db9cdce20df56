//! Accusations (检举控告类) are confidential (条例 art. 30): only supervisors and the secretary
//! of the responsible leader read them. Everyone else still sees that such a matter exists (its
//! number, state and deadline), never who brought it, what it is about or what was done about
//! it in words: the petitioner, the category, the summary, the handling team and plan, and
//! every text of the ledger (notes, answers, the reason for not accepting, where it was
//! forwarded, transfer and extension reasons, reminder texts) are blanked. What the deadline
//! is computed from (states, dates, tiers, extension days) stays, so the clock still shows.
//! The data is blanked as it is loaded, so no view can show it by mistake.

use crate::domain::case::Case;
use crate::domain::ledger::EventKind;
use crate::domain::lifecycle::Move;
use crate::domain::matter::Matter;
use crate::domain::organisation::LeaderId;
use crate::domain::pending::MatterRow;
use crate::domain::permission::may_read;
use crate::domain::petitioner::Person;
use crate::domain::visit::{Kind, Visit};
use crate::i18n::T;
use crate::store::Store;

use super::{App, Tone};

impl App {
    /// Whether the signed-in operator may read a matter of `kind` held by `responsible`.
    pub fn may_read(&self, kind: Kind, responsible: Option<LeaderId>) -> bool {
        match &self.session {
            Some(s) => may_read(s.role, s.leader, kind, responsible),
            None => kind != Kind::Accusation,
        }
    }
}

fn placeholder(app: &App) -> String {
    app.t(T::Confidential).to_string()
}

pub(super) fn row(app: &App, row: &mut MatterRow) {
    if !app.may_read(row.kind, row.responsible) {
        row.petitioner = placeholder(app).into();
        row.category = placeholder(app).into();
    }
}

/// Blanks a matter's record the operator may not read; true when it did.
pub(super) fn case(app: &App, c: &mut Case, responsible: Option<LeaderId>) -> bool {
    if app.may_read(c.kind, responsible) {
        return false;
    }
    c.summary = placeholder(app);
    c.category = placeholder(app);
    true
}

/// Blanks a visit the operator may not read; `store` answers who holds its matter.
pub(super) fn visit(app: &App, v: &mut Visit, store: &dyn Store) -> bool {
    if v.kind != Kind::Accusation {
        return false;
    }
    let responsible = store.responsible_leader(v.case_id).ok().flatten();
    if app.may_read(v.kind, responsible) {
        return false;
    }
    v.petitioner = Person {
        name: placeholder(app),
        ..Person::default()
    };
    v.co_petitioners.clear();
    v.summary = placeholder(app);
    v.category = placeholder(app);
    true
}

/// Blanks a matter the operator may not read; the caller drops the petitioner.
pub(super) fn matter(app: &App, m: &mut Matter) -> bool {
    if app.may_read(m.case.kind, m.package.responsible) {
        return false;
    }
    let hidden = placeholder(app);
    m.case.summary = app.t(T::ConfidentialMatter).to_string();
    m.case.category = hidden.clone();
    if !m.package.team.is_empty() {
        m.package.team = vec![hidden.clone()];
    }
    if !m.package.plan.is_empty() {
        m.package.plan = hidden.clone();
    }
    for e in &mut m.ledger {
        e.note.clear();
        blank_event(&mut e.what, &hidden);
    }
    true
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

/// Whoever may not read a matter may not act on it either: what they would type (a plan, an
/// answer) would be about a content they cannot see. True when refused, and said.
pub(super) fn refused(app: &mut App) -> bool {
    let Some(m) = app.matter.as_ref().map(|v| &v.matter) else {
        return false;
    };
    if app.may_read(m.case.kind, m.package.responsible) {
        return false;
    }
    let msg = app.t(T::ConfidentialRefused).to_string();
    app.say(Tone::Error, msg);
    true
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

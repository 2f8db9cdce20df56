//! What each change to the records leaves in the evidence log: one event per registered visit,
//! per matter change and per change to a leader or department. The stores write the event in
//! the same atomic step as the change, so neither can exist without the other.
//!
//! Subjects hold numbers only (see `audit::subject`); the detail holds the operator's own words
//! (a note, a reason, a name), never the program's, so the log reads in either language.

use super::audit::{AuditEvent, AuditKind, subject};
use super::case::Case;
use super::ledger::{EventKind, Stamp};
use super::lifecycle::Move;
use super::matter::{Matter, MatterChange};
use super::supervision::UrgeNo;
use super::visit::Visit;

/// Detail of a visit that opened its matter; `LINKED` for one that continued a matter.
pub const NEW_MATTER: &str = "new";
pub const LINKED: &str = "linked";

/// `recorded_at`: when the visit was entered, if not as it came (`NewVisit::recorded_at`); the
/// log keeps the order things were done in, whatever date was typed for the visit.
pub fn visit_registered(
    visit: &Visit,
    case: &Case,
    new_case: bool,
    recorded_at: Option<chrono::NaiveDateTime>,
) -> AuditEvent {
    let subject = [
        subject::visit(visit.number),
        subject::matter(case.number),
        subject::token(subject::PETITIONER, visit.petitioner_id.0),
    ];
    AuditEvent {
        at: recorded_at.unwrap_or(visit.received_at),
        operator: visit.received_by.clone(),
        kind: AuditKind::VisitRegistered,
        subject: subject.join(" "),
        detail: if new_case { NEW_MATTER } else { LINKED }.to_string(),
    }
}

/// The event of a change the rules accepted; `after` is the matter as changed.
pub fn matter_changed(change: &MatterChange, after: &Matter, stamp: &Stamp) -> AuditEvent {
    let mut tokens = vec![subject::matter(after.case.number)];
    let (kind, detail) = match change {
        MatterChange::Step { step, note } => {
            tokens.push(subject::token(
                subject::STATE,
                format!("{:?}", after.state()),
            ));
            if let Move::Assign {
                department,
                co_departments,
            } = step
            {
                for d in std::iter::once(department).chain(co_departments) {
                    tokens.push(subject::token(subject::DEPARTMENT, d.0));
                }
            }
            (AuditKind::MatterMoved, note.clone())
        }
        MatterChange::Transfer { transfer, note } => {
            tokens.push(subject::token(subject::LEADER, transfer.to.0));
            let detail = [transfer.reason.as_str(), note.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" / ");
            (AuditKind::ResponsibilityTransferred, detail)
        }
        MatterChange::Appoint { leader, note } => {
            tokens.push(subject::token(subject::LEADER, leader.0));
            (AuditKind::ResponsibilityAppointed, note.clone())
        }
        MatterChange::CollectiveStudy { flagged, note } => {
            tokens.push(subject::token(subject::FLAGGED, flagged));
            (AuditKind::CollectiveStudySet, note.clone())
        }
        MatterChange::Team(team) => (AuditKind::TeamSet, team.join("、")),
        MatterChange::Plan(plan) => (AuditKind::PlanSet, plan.clone()),
        MatterChange::Instruct { leader, text } => {
            if let Some(l) = leader {
                tokens.push(subject::token(subject::LEADER, l.0));
            }
            (AuditKind::Instructed, text.clone())
        }
        MatterChange::Tier(tier) => (AuditKind::TierSet, tier.clone().unwrap_or_default()),
        MatterChange::Extend { extension, .. } => {
            tokens.push(subject::token(subject::DAYS, extension.days));
            (AuditKind::Extended, extension.reason.clone())
        }
        MatterChange::Urge {
            department, text, ..
        } => {
            if let Some(number) = last_urge(after) {
                tokens.extend(number);
            }
            if let Some(d) = department {
                tokens.push(subject::token(subject::DEPARTMENT, d.0));
            }
            (AuditKind::Urged, text.clone())
        }
        MatterChange::Import { state, department } => {
            tokens.push(subject::token(subject::STATE, format!("{state:?}")));
            if let Some(d) = department {
                tokens.push(subject::token(subject::DEPARTMENT, d.0));
            }
            (AuditKind::StateImported, String::new())
        }
        MatterChange::AnswerUrge { number } => {
            tokens.extend(urge_tokens(number));
            (AuditKind::UrgeAnswered, String::new())
        }
    };
    AuditEvent {
        at: stamp.at,
        operator: stamp.by.clone(),
        kind,
        subject: tokens.join(" "),
        detail,
    }
}

/// The number the store just gave a reminder or supervision: the last one in the ledger.
fn last_urge(after: &Matter) -> Option<[String; 2]> {
    after.ledger.iter().rev().find_map(|e| match &e.what {
        EventKind::Urged { number, .. } => Some(urge_tokens(number)),
        _ => None,
    })
}

/// A document number as tokens: its level (so its series is known) and `year-seq`.
fn urge_tokens(number: &UrgeNo) -> [String; 2] {
    [
        subject::token(subject::LEVEL, format!("{:?}", number.level)),
        subject::token(subject::URGE, format!("{}-{}", number.year, number.seq)),
    ]
}

/// What was done to a leader or department.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgAct {
    Added,
    Edited,
    Activated,
    Deactivated,
    Deleted,
}

/// `key` is `subject::LEADER` or `subject::DEPARTMENT`; the detail is the record's name.
pub fn org_changed(act: OrgAct, key: &str, id: u64, name: &str, stamp: &Stamp) -> AuditEvent {
    let kind = match act {
        OrgAct::Added => AuditKind::OrgAdded,
        OrgAct::Edited => AuditKind::OrgEdited,
        OrgAct::Activated => AuditKind::OrgActivated,
        OrgAct::Deactivated => AuditKind::OrgDeactivated,
        OrgAct::Deleted => AuditKind::OrgDeleted,
    };
    AuditEvent {
        at: stamp.at,
        operator: stamp.by.clone(),
        kind,
        subject: subject::token(key, id),
        detail: name.to_string(),
    }
}

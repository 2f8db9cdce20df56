//! One line per ledger entry, as the matter screen and printed ledgers show it.

use super::{Label, Lang, Localize, T};
use crate::domain::ledger::EventKind;
use crate::domain::organisation::{DepartmentId, LeaderId};

/// Names for the ids a ledger entry carries; the app's directory of leaders and departments.
pub trait Names {
    fn leader_name(&self, id: LeaderId) -> String;
    fn department_name(&self, id: DepartmentId) -> String;
}

/// What happened, in a sentence; the operator's own note is shown beside it, not here.
pub fn describe(what: &EventKind, lang: Lang, names: &dyn Names) -> String {
    use crate::domain::lifecycle::Move;
    match what {
        EventKind::Registered { .. } => lang.t(T::LedgerRegistered).to_string(),
        EventKind::Imported { state, department } => {
            let mut said = lang.f(T::LedgerImported, &[&state.label(lang)]);
            if let Some(d) = department {
                said.push_str(&lang.f(T::LedgerImportedDepartment, &[&names.department_name(*d)]));
            }
            said
        }
        EventKind::Instructed { leader, text } => {
            let who = leader.map_or_else(
                || lang.t(T::LedgerSomeLeader).to_string(),
                |l| names.leader_name(l),
            );
            lang.f(T::LedgerInstructed, &[&who, &text.replace('\n', " / ")])
        }
        EventKind::Revisited { .. } => lang.t(T::LedgerRevisited).to_string(),
        EventKind::Moved { from, to, step } => {
            let base = lang.f(
                T::LedgerMoved,
                &[&step.kind().label(lang), &from.label(lang), &to.label(lang)],
            );
            let detail = match step {
                Move::NotAccept { reason } => reason.clone(),
                Move::Forward { to } => to.clone(),
                Move::Assign {
                    department,
                    co_departments,
                } => {
                    let mut s = names.department_name(*department);
                    if !co_departments.is_empty() {
                        let co: Vec<String> = co_departments
                            .iter()
                            .map(|d| names.department_name(*d))
                            .collect();
                        s = lang.f(T::LedgerCoDepartments, &[&s, &co.join("、")]);
                    }
                    s
                }
                Move::Answer { text }
                | Move::AnswerReview { text }
                | Move::AnswerReReview { text } => text.clone(),
                _ => String::new(),
            };
            if detail.is_empty() {
                base
            } else {
                format!("{base}:{detail}")
            }
        }
        EventKind::ResponsibilitySet { leader, visit } => {
            let key = if visit.is_some() {
                T::LedgerResponsibilitySet
            } else {
                T::LedgerResponsibilityAppointed
            };
            lang.f(key, &[&names.leader_name(*leader)])
        }
        EventKind::ResponsibilityKept {
            holder, receiving, ..
        } => lang.f(
            T::LedgerResponsibilityKept,
            &[&names.leader_name(*receiving), &names.leader_name(*holder)],
        ),
        EventKind::ResponsibilityTransferred {
            from,
            to,
            reason,
            approved_by,
        } => lang.f(
            T::LedgerTransferred,
            &[
                &names.leader_name(*from),
                &names.leader_name(*to),
                reason,
                approved_by,
            ],
        ),
        EventKind::CollectiveStudy { flagged: true } => lang.t(T::LedgerStudyOn).to_string(),
        EventKind::CollectiveStudy { flagged: false } => lang.t(T::LedgerStudyOff).to_string(),
        EventKind::TeamChanged { team } if team.is_empty() => {
            lang.t(T::LedgerTeamCleared).to_string()
        }
        EventKind::TeamChanged { team } => lang.f(T::LedgerTeam, &[&team.join("、")]),
        EventKind::PlanChanged { plan } => lang.f(T::LedgerPlan, &[plan]),
        EventKind::Extended {
            days,
            reason,
            approved_by,
        } => lang.f(T::LedgerExtended, &[days, reason, approved_by]),
        EventKind::Reminded { department } => {
            let to = department.map(|d| names.department_name(d));
            lang.f(T::LedgerReminded, &[&to.unwrap_or_default()])
        }
        EventKind::Supervised { department, level } => {
            let to = department.map(|d| names.department_name(d));
            lang.f(
                T::LedgerSupervised,
                &[&level.label(lang), &to.unwrap_or_default()],
            )
        }
        EventKind::TierSet { tier: Some(t) } => lang.f(T::LedgerTier, &[t]),
        EventKind::TierSet { tier: None } => lang.t(T::LedgerTierCleared).to_string(),
        EventKind::Urged {
            level,
            number,
            department,
            response_by,
            text,
        } => {
            let (level, number) = (level.label(lang), number.localize(lang));
            match department {
                Some(d) => lang.f(
                    T::LedgerUrged,
                    &[
                        &level,
                        &number,
                        &names.department_name(*d),
                        response_by,
                        text,
                    ],
                ),
                None => lang.f(T::LedgerUrgedLead, &[&level, &number, response_by, text]),
            }
        }
        EventKind::UrgeAnswered { number } => {
            lang.f(T::LedgerUrgeAnswered, &[&number.localize(lang)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::supervision::{Escalation, UrgeNo};
    use chrono::NaiveDate;

    struct Office;
    impl Names for Office {
        fn leader_name(&self, _: LeaderId) -> String {
            "李明".into()
        }
        fn department_name(&self, _: DepartmentId) -> String {
            "县自然资源局".into()
        }
    }

    fn urged(department: Option<DepartmentId>) -> EventKind {
        EventKind::Urged {
            level: Escalation::Reminder,
            number: UrgeNo {
                year: 2026,
                seq: 3,
                level: Escalation::Reminder,
            },
            department,
            response_by: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            text: "请报送进展".into(),
        }
    }

    #[test]
    fn a_reminder_names_its_department_or_the_lead_one() {
        assert_eq!(
            describe(&urged(Some(DepartmentId(4))), Lang::Zh, &Office),
            "催办 催〔2026〕3号 致 县自然资源局,2026-11-25前回复:请报送进展"
        );
        assert_eq!(
            describe(&urged(None), Lang::Zh, &Office),
            "催办 催〔2026〕3号 致承办单位,2026-11-25前回复:请报送进展"
        );
    }

    #[test]
    fn a_transfer_names_both_leaders_the_reason_and_the_approver() {
        let what = EventKind::ResponsibilityTransferred {
            from: LeaderId(1),
            to: LeaderId(2),
            reason: "工作调整".into(),
            approved_by: "张主任".into(),
        };
        assert_eq!(
            describe(&what, Lang::En, &Office),
            "Responsibility moved from 李明 to 李明; reason: 工作调整; approved by 张主任"
        );
    }
}

//! Which fields each action asks for, and the `MatterChange` the filled fields make.

use crate::domain::deadline::Extension;
use crate::domain::lifecycle::{Move, MoveKind};
use crate::domain::matter::{Matter, MatterChange};
use crate::domain::organisation::{DepartmentId, LeaderId};
use crate::domain::responsibility::Transfer;
use crate::domain::supervision::Escalation;
use crate::i18n::{Label, Localize, T};

use super::super::App;
use super::super::dialog::{Choice, DialogField, Input};
use super::super::directory::Directory;
use super::{ActionDialog, MatterAction};

fn leaders(dir: Directory<'_>, except: Option<LeaderId>) -> Vec<Choice> {
    dir.active_leaders()
        .filter(|l| Some(l.id) != except)
        .map(|l| Choice {
            label: format!("{} {}", l.name, l.title),
            value: l.id.0,
        })
        .collect()
}

fn departments(dir: Directory<'_>) -> Vec<Choice> {
    dir.active_departments()
        .map(|d| Choice {
            label: d.name.clone(),
            value: d.id.0,
        })
        .collect()
}

fn note() -> DialogField {
    DialogField::text(T::ActNote, false, 500, "")
}

pub(super) fn fields_for(action: MatterAction, matter: &Matter, app: &App) -> Vec<DialogField> {
    use MoveKind as M;
    let dir = app.directory();
    let lang = app.lang;
    match action {
        MatterAction::Step(M::NotAccept) => vec![DialogField::text(T::ActReason, true, 500, "")],
        MatterAction::Step(M::Forward) => {
            vec![DialogField::text(T::ActForwardTo, true, 100, ""), note()]
        }
        MatterAction::Step(M::Assign) => vec![
            DialogField::pick(T::ActDepartment, departments(dir)),
            DialogField::multi(T::ActCoDepartments, departments(dir)),
            note(),
        ],
        MatterAction::Step(M::Answer | M::AnswerReview | M::AnswerReReview) => {
            vec![DialogField::text(T::ActAnswer, true, 2000, "")]
        }
        MatterAction::Step(_) | MatterAction::CollectiveStudy => vec![note()],
        MatterAction::Appoint => vec![DialogField::pick(T::ActLeader, leaders(dir, None)), note()],
        MatterAction::Transfer => vec![
            DialogField::pick(T::ActLeader, leaders(dir, matter.package.responsible)),
            DialogField::text(T::ActReason, true, 500, ""),
            DialogField::text(T::ActApprovedBy, true, 50, ""),
            note(),
        ],
        MatterAction::Team => vec![DialogField::text(
            T::ActTeamNames,
            false,
            500,
            &matter.package.team.join("、"),
        )],
        MatterAction::Instruct => {
            // On a reception day it is the session's leader who instructs; else the holder.
            let today = app.clock.today();
            let leader = app
                .week
                .selected_session()
                .filter(|s| s.plan.date == today)
                .map(|s| s.plan.leader)
                .or(matter.package.responsible);
            let pick = DialogField::pick(T::ActLeader, leaders(dir, None));
            vec![
                match leader {
                    Some(l) => pick.with_picked(l.0),
                    None => pick,
                },
                DialogField::lines(T::ActInstructionText, true, 2000, ""),
            ]
        }
        MatterAction::Plan => vec![DialogField::text(
            T::ActPlanText,
            false,
            2000,
            &matter.package.plan,
        )],
        MatterAction::Tier => {
            let statutory = Choice {
                label: lang.t(T::ActTierStatutory).to_string(),
                value: u64::MAX,
            };
            let tiers = app.policy.tiers.iter().enumerate().map(|(i, t)| Choice {
                label: lang.f(T::ActTierChoice, &[&t.name, &t.days]),
                value: i as u64,
            });
            vec![DialogField::pick(
                T::ActTier,
                std::iter::once(statutory).chain(tiers).collect(),
            )]
        }
        MatterAction::Extend => vec![
            DialogField::text(T::ActDays, true, 3, ""),
            DialogField::text(T::ActReason, true, 500, ""),
            DialogField::text(T::ActApprovedBy, true, 50, ""),
        ],
        MatterAction::Urge => {
            let levels = Escalation::ALL
                .iter()
                .enumerate()
                .map(|(i, l)| Choice {
                    label: l.label(lang).to_string(),
                    value: i as u64,
                })
                .collect();
            // The lead department first: most urging goes to it.
            let mut departments = departments(dir);
            if let Some(lead) = matter.package.department
                && let Some(i) = departments.iter().position(|c| c.value == lead.0)
            {
                let lead = departments.remove(i);
                departments.insert(0, lead);
            }
            let by = app.clock.today() + chrono::Days::new(URGE_DAYS);
            vec![
                DialogField::pick(T::ActLevel, levels),
                DialogField::pick(T::ActDepartment, departments),
                DialogField::text(T::ActResponseBy, true, 10, &by.to_string()),
                DialogField::text(T::ActUrgeText, true, 1000, ""),
            ]
        }
        MatterAction::AnswerUrge => {
            let open = matter
                .open_urges()
                .into_iter()
                .map(|(n, by)| Choice {
                    label: lang.f(T::ActUrgeChoice, &[&n.localize(lang), &by]),
                    value: u64::from(n.seq),
                })
                .collect();
            vec![DialogField::pick(T::ActUrgeNumber, open)]
        }
    }
}

/// The response date a new reminder offers: a week, which the clerk may change.
const URGE_DAYS: u64 = 7;

/// The change the filled dialog asks for, or the text saying what is missing.
pub(super) fn change(
    dialog: &ActionDialog,
    matter: &Matter,
    app: &App,
) -> Result<MatterChange, String> {
    if let Some(f) = dialog.fields.iter().find(|f| f.required && f.is_blank()) {
        let key = match f.input {
            Input::Pick { .. } if f.label == T::ActDepartment => T::ActNoDepartments,
            Input::Pick { .. } => T::ActNoLeaders,
            _ => T::ActRequired,
        };
        return Err(app.lang.f(key, &[&app.t(f.label)]));
    }
    let field = |label: T| dialog.fields.iter().find(|f| f.label == label);
    let text = |label: T| field(label).map_or("", |f| f.text_value()).to_string();
    let note = text(T::ActNote);
    let leader = field(T::ActLeader).and_then(|f| f.picked()).map(LeaderId);
    Ok(match dialog.action {
        MatterAction::Step(kind) => {
            let step = match kind {
                MoveKind::Accept => Move::Accept,
                MoveKind::NotAccept => Move::NotAccept {
                    reason: text(T::ActReason),
                },
                MoveKind::Forward => Move::Forward {
                    to: text(T::ActForwardTo),
                },
                MoveKind::Assign => {
                    let lead = field(T::ActDepartment).and_then(|f| f.picked());
                    let co = field(T::ActCoDepartments).map_or(Vec::new(), |f| f.ticked());
                    Move::Assign {
                        department: DepartmentId(lead.unwrap_or_default()),
                        co_departments: co.into_iter().map(DepartmentId).collect(),
                    }
                }
                MoveKind::StartHandling => Move::StartHandling,
                MoveKind::Answer => Move::Answer {
                    text: text(T::ActAnswer),
                },
                MoveKind::RequestReview => Move::RequestReview,
                MoveKind::AnswerReview => Move::AnswerReview {
                    text: text(T::ActAnswer),
                },
                MoveKind::RequestReReview => Move::RequestReReview,
                MoveKind::AnswerReReview => Move::AnswerReReview {
                    text: text(T::ActAnswer),
                },
                MoveKind::Close => Move::Close,
                MoveKind::Settle => Move::Settle,
                MoveKind::Archive => Move::Archive,
            };
            let due = stage_due(matter, app);
            Matter::request_in_time(&step, due, app.clock.today())
                .map_err(|e| e.localize(app.lang))?;
            MatterChange::Step { step, note }
        }
        MatterAction::Appoint => MatterChange::Appoint {
            leader: leader.unwrap_or(LeaderId(0)),
            note,
        },
        MatterAction::Transfer => MatterChange::Transfer {
            transfer: Transfer {
                to: leader.unwrap_or(LeaderId(0)),
                reason: text(T::ActReason),
                approved_by: text(T::ActApprovedBy),
            },
            note,
        },
        MatterAction::CollectiveStudy => MatterChange::CollectiveStudy {
            flagged: !matter.package.collective_study,
            note,
        },
        MatterAction::Team => MatterChange::Team(split_names(&text(T::ActTeamNames))),
        MatterAction::Plan => MatterChange::Plan(text(T::ActPlanText)),
        MatterAction::Instruct => MatterChange::Instruct {
            leader,
            text: field(T::ActInstructionText).map_or_else(String::new, DialogField::lines_value),
        },
        MatterAction::Tier => {
            let at = field(T::ActTier).and_then(|f| f.picked());
            let tier = at.and_then(|i| app.policy.tiers.get(i as usize));
            MatterChange::Tier(tier.map(|t| t.name.clone()))
        }
        MatterAction::Extend => {
            let days_text = crate::domain::text::fold_fullwidth(&text(T::ActDays));
            let days: u32 = days_text
                .parse()
                .map_err(|_| app.lang.f(T::ActBadDays, &[&days_text]))?;
            let extension = Extension::request(
                days,
                &text(T::ActReason),
                &text(T::ActApprovedBy),
                &app.policy,
            )
            .map_err(|e| e.localize(app.lang))?;
            let due = stage_due(matter, app);
            MatterChange::Extend {
                extension,
                max_total_days: app.policy.max_extension_days,
                due,
            }
        }
        MatterAction::Urge => {
            let level = field(T::ActLevel)
                .and_then(|f| f.picked())
                .and_then(|i| Escalation::ALL.get(i as usize).copied())
                .unwrap_or(Escalation::Reminder);
            let department = field(T::ActDepartment)
                .and_then(|f| f.picked())
                .map(DepartmentId);
            let response_by = crate::domain::date::parse_date(&text(T::ActResponseBy))
                .map_err(|e| e.localize(app.lang))?;
            MatterChange::Urge {
                level,
                department,
                response_by,
                text: text(T::ActUrgeText),
            }
        }
        MatterAction::AnswerUrge => {
            let seq = field(T::ActUrgeNumber).and_then(|f| f.picked());
            let number = matter
                .open_urges()
                .into_iter()
                .map(|(n, _)| n)
                .find(|n| Some(u64::from(n.seq)) == seq)
                .ok_or_else(|| app.lang.f(T::ActRequired, &[&app.t(T::ActUrgeNumber)]))?;
            MatterChange::AnswerUrge { number }
        }
    })
}

/// Names as clerks type lists: separated by 、 , ， ; ； or spaces.
/// The last day of the stage the matter's clock runs, by the office's policy and calendar;
/// the date the lists show, also for a tier the policy no longer has.
fn stage_due(matter: &Matter, app: &App) -> Option<chrono::NaiveDate> {
    let clock = crate::domain::deadline::StageClock::of(matter)?;
    Some(app.policy.listed_due(&clock, &app.calendar).date)
}

pub fn split_names(s: &str) -> Vec<String> {
    s.split(['、', ',', '，', ';', '；', ' ', '\u{3000}'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

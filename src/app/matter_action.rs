//! Acting on a matter: the menu of what its state allows, and one small dialog per action
//! whose fields become a `MatterChange`. A refused change keeps the dialog and what was typed.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::deadline::{DeadlinePolicy, Extension, Stage, StageClock};
use crate::domain::ledger::Stamp;
use crate::domain::lifecycle::{Move, MoveKind};
use crate::domain::matter::{Matter, MatterChange};
use crate::domain::organisation::{DepartmentId, LeaderId};
use crate::domain::responsibility::Transfer;
use crate::domain::supervision::Escalation;
use crate::i18n::{Label, Localize, T};
use crate::store::Store;

use super::directory::Directory;
use super::field::TextField;
use super::{App, Tone};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatterAction {
    Step(MoveKind),
    /// Name the responsible leader of a matter nobody holds.
    Appoint,
    Transfer,
    CollectiveStudy,
    Team,
    Plan,
    /// Put the matter in a complexity tier of the policy, or back on the statutory limit.
    Tier,
    /// Extend the handling limit.
    Extend,
    /// A reminder or a level of supervision, to a department.
    Urge,
    /// Record a department's answer to a reminder or supervision.
    AnswerUrge,
}

impl MatterAction {
    /// What the role must be allowed to take this action.
    pub fn permission(self) -> crate::domain::permission::Permission {
        use crate::domain::permission::Permission as P;
        match self {
            MatterAction::Step(kind) => P::for_step(kind),
            MatterAction::Appoint => P::Appoint,
            MatterAction::Transfer => P::TransferResponsibility,
            MatterAction::CollectiveStudy => P::CollectiveStudy,
            MatterAction::Team => P::Team,
            MatterAction::Plan => P::Plan,
            MatterAction::Tier => P::Tier,
            MatterAction::Extend => P::Extend,
            MatterAction::Urge | MatterAction::AnswerUrge => P::Urge,
        }
    }

    /// What the menu and the dialog's title say.
    pub fn title(self, app: &App, matter: &Matter) -> String {
        let lang = app.lang;
        match self {
            MatterAction::Step(kind) => kind.label(lang).to_string(),
            MatterAction::Appoint => lang.t(T::ActAppoint).to_string(),
            MatterAction::Transfer => lang.t(T::ActTransfer).to_string(),
            MatterAction::CollectiveStudy if matter.package.collective_study => {
                lang.t(T::ActStudyOff).to_string()
            }
            MatterAction::CollectiveStudy => lang.t(T::ActStudyOn).to_string(),
            MatterAction::Team => lang.t(T::ActTeam).to_string(),
            MatterAction::Plan => lang.t(T::ActPlan).to_string(),
            MatterAction::Tier => lang.t(T::ActTier).to_string(),
            MatterAction::Extend => lang.t(T::ActExtend).to_string(),
            MatterAction::Urge => lang.t(T::ActUrge).to_string(),
            MatterAction::AnswerUrge => lang.t(T::ActAnswerUrge).to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionMenu {
    pub items: Vec<MatterAction>,
    pub selected: usize,
}

/// What the matter allows now: its state's steps first, then the package's actions, then the
/// deadline's (tier and extension while handling runs, urging while the office owes a step).
/// An archived matter allows nothing.
pub fn actions(matter: &Matter, policy: &DeadlinePolicy) -> Vec<MatterAction> {
    let mut items: Vec<MatterAction> = matter
        .possible_moves()
        .into_iter()
        .map(MatterAction::Step)
        .collect();
    if matter.state() == crate::domain::case::CaseState::Archived {
        return items;
    }
    items.push(if matter.package.responsible.is_some() {
        MatterAction::Transfer
    } else {
        MatterAction::Appoint
    });
    items.extend([
        MatterAction::CollectiveStudy,
        MatterAction::Team,
        MatterAction::Plan,
    ]);
    let clock = StageClock::of(matter);
    let handling = clock.as_ref().is_some_and(|c| c.stage == Stage::Handle);
    if handling && !policy.tiers.is_empty() {
        items.push(MatterAction::Tier);
    }
    if handling {
        items.push(MatterAction::Extend);
    }
    if clock.as_ref().is_some_and(|c| c.stage.office_duty()) {
        items.push(MatterAction::Urge);
    }
    if !matter.open_urges().is_empty() {
        items.push(MatterAction::AnswerUrge);
    }
    items
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub value: u64,
}

#[derive(Clone, Debug)]
pub enum Input {
    Text(TextField),
    /// One of `options`; Left/Right choose.
    Pick {
        options: Vec<Choice>,
        at: usize,
    },
    /// Any of `options`; Left/Right move, Space ticks.
    Multi {
        options: Vec<Choice>,
        chosen: Vec<bool>,
        at: usize,
    },
}

#[derive(Clone, Debug)]
pub struct DialogField {
    pub label: T,
    pub required: bool,
    pub input: Input,
}

impl DialogField {
    fn text(label: T, required: bool, max: usize, value: &str) -> Self {
        let mut f = TextField::new(max);
        f.set(value);
        DialogField {
            label,
            required,
            input: Input::Text(f),
        }
    }

    fn pick(label: T, options: Vec<Choice>) -> Self {
        DialogField {
            label,
            required: true,
            input: Input::Pick { options, at: 0 },
        }
    }

    fn multi(label: T, options: Vec<Choice>) -> Self {
        let chosen = vec![false; options.len()];
        DialogField {
            label,
            required: false,
            input: Input::Multi {
                options,
                chosen,
                at: 0,
            },
        }
    }

    fn text_value(&self) -> &str {
        match &self.input {
            Input::Text(f) => f.value().trim(),
            _ => "",
        }
    }

    fn picked(&self) -> Option<u64> {
        match &self.input {
            Input::Pick { options, at } => options.get(*at).map(|c| c.value),
            _ => None,
        }
    }

    fn ticked(&self) -> Vec<u64> {
        match &self.input {
            Input::Multi {
                options, chosen, ..
            } => options
                .iter()
                .zip(chosen)
                .filter(|(_, on)| **on)
                .map(|(c, _)| c.value)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Blank: nothing typed, nothing to pick from.
    fn is_blank(&self) -> bool {
        match &self.input {
            Input::Text(f) => f.value().trim().is_empty(),
            Input::Pick { options, .. } => options.is_empty(),
            Input::Multi { .. } => false,
        }
    }
}

#[derive(Clone, Debug)]
pub struct ActionDialog {
    pub action: MatterAction,
    pub fields: Vec<DialogField>,
    pub focus: usize,
    /// Why the last try was refused; the fields keep their values.
    pub error: Option<String>,
    /// Esc was pressed once with text typed: a second Esc discards it.
    pub discard_armed: bool,
}

impl ActionDialog {
    pub fn new(action: MatterAction, matter: &Matter, app: &App) -> Self {
        let fields = fields_for(action, matter, app);
        ActionDialog {
            action,
            fields,
            focus: 0,
            error: None,
            discard_armed: false,
        }
    }

    pub fn focused_text(&self) -> Option<&TextField> {
        match &self.fields.get(self.focus)?.input {
            Input::Text(f) => Some(f),
            _ => None,
        }
    }

    pub fn has_typing(&self) -> bool {
        self.fields
            .iter()
            .any(|f| matches!(&f.input, Input::Text(t) if !t.is_empty()))
    }
}

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

fn fields_for(action: MatterAction, matter: &Matter, app: &App) -> Vec<DialogField> {
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
pub fn change(dialog: &ActionDialog, matter: &Matter, app: &App) -> Result<MatterChange, String> {
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
            MatterChange::Extend {
                extension,
                max_total_days: app.policy.max_extension_days,
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
pub fn split_names(s: &str) -> Vec<String> {
    s.split(['、', ',', '，', ';', '；', ' ', '\u{3000}'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

// ---- Driving the menu and the dialog (called from `update`). ----

pub(super) fn open_menu(app: &mut App) {
    let Some(view) = app.matter.as_mut() else {
        return;
    };
    let items = actions(&view.matter, &app.policy);
    if items.is_empty() {
        let msg = app.t(T::ActNothing).to_string();
        app.say(Tone::Info, msg);
        return;
    }
    view.menu = Some(ActionMenu { items, selected: 0 });
}

pub(super) fn menu_move(app: &mut App, delta: isize) {
    if let Some(menu) = app.matter.as_mut().and_then(|v| v.menu.as_mut()) {
        let len = menu.items.len() as isize;
        menu.selected = (menu.selected as isize + delta).rem_euclid(len.max(1)) as usize;
    }
}

pub(super) fn choose(app: &mut App) {
    let Some(view) = app.matter.as_ref() else {
        return;
    };
    let Some(action) = view
        .menu
        .as_ref()
        .and_then(|m| m.items.get(m.selected).copied())
    else {
        return;
    };
    // Refused before anything is typed, and again on submitting (`submit`).
    if app.refused(action.permission(), false) {
        if let Some(view) = app.matter.as_mut() {
            view.menu = None;
        }
        return;
    }
    let Some(view) = app.matter.as_ref() else {
        return;
    };
    let dialog = ActionDialog::new(action, &view.matter, app);
    if let Some(view) = app.matter.as_mut() {
        view.menu = None;
        view.dialog = Some(dialog);
    }
}

pub(super) fn focus(app: &mut App, forward: bool) {
    if let Some(d) = dialog_mut(app) {
        let len = d.fields.len();
        d.focus = if forward {
            (d.focus + 1) % len
        } else {
            (d.focus + len - 1) % len
        };
        d.discard_armed = false;
    }
}

/// Esc: closes an untouched dialog at once; with text typed, asks for a second Esc.
pub(super) fn back(app: &mut App) {
    let Some(view) = app.matter.as_mut() else {
        return;
    };
    if view.menu.take().is_some() {
        return;
    }
    let Some(d) = view.dialog.as_mut() else {
        return;
    };
    if d.has_typing() && !d.discard_armed {
        d.discard_armed = true;
        d.error = Some(app.lang.t(T::ActDiscardAgain).to_string());
    } else {
        view.dialog = None;
    }
}

pub(super) fn key(app: &mut App, key: KeyEvent) {
    let Some(d) = dialog_mut(app) else {
        return;
    };
    d.discard_armed = false;
    let Some(field) = d.fields.get_mut(d.focus) else {
        return;
    };
    match (&mut field.input, key.code) {
        (Input::Text(f), _) => {
            f.handle_key(key);
        }
        (Input::Pick { options, at }, KeyCode::Left) if !options.is_empty() => {
            *at = (*at + options.len() - 1) % options.len();
        }
        (Input::Pick { options, at }, KeyCode::Right | KeyCode::Char(' '))
            if !options.is_empty() =>
        {
            *at = (*at + 1) % options.len();
        }
        (Input::Multi { options, at, .. }, KeyCode::Left) if !options.is_empty() => {
            *at = (*at + options.len() - 1) % options.len();
        }
        (Input::Multi { options, at, .. }, KeyCode::Right) if !options.is_empty() => {
            *at = (*at + 1) % options.len();
        }
        (Input::Multi { chosen, at, .. }, KeyCode::Char(' ')) => {
            if let Some(c) = chosen.get_mut(*at) {
                *c = !*c;
            }
        }
        _ => {}
    }
}

pub(super) fn paste(app: &mut App, text: &str) {
    if let Some(d) = dialog_mut(app)
        && let Some(DialogField {
            input: Input::Text(f),
            ..
        }) = d.fields.get_mut(d.focus)
    {
        f.paste(text);
    }
}

fn dialog_mut(app: &mut App) -> Option<&mut ActionDialog> {
    app.matter.as_mut().and_then(|v| v.dialog.as_mut())
}

/// Enter: the next field, or on the last one the change itself.
pub(super) fn enter(app: &mut App, store: &dyn Store) {
    let last = app
        .matter
        .as_ref()
        .and_then(|v| v.dialog.as_ref())
        .is_some_and(|d| d.focus + 1 >= d.fields.len());
    if last {
        submit(app, store);
    } else {
        focus(app, true);
    }
}

/// Ctrl-S, or Enter on the last field: runs the change. On success the matter shows as it now
/// is; when refused, the dialog stays with the reason and everything typed.
pub(super) fn submit(app: &mut App, store: &dyn Store) {
    let Some(view) = app.matter.as_ref() else {
        return;
    };
    let Some(dialog) = view.dialog.as_ref() else {
        return;
    };
    let action = dialog.action;
    if app.refused(action.permission(), false) {
        return;
    }
    let Some(view) = app.matter.as_ref() else {
        return;
    };
    let Some(dialog) = view.dialog.as_ref() else {
        return;
    };
    let id = view.id();
    let title = dialog.action.title(app, &view.matter);
    let result = change(dialog, &view.matter, app).and_then(|change| {
        let stamp = Stamp::new(app.clock.now(), app.operator_code().to_string());
        store
            .change_matter(id, &change, &stamp)
            .map_err(|e| e.localize(app.lang))
    });
    match result {
        Ok(mut matter) => {
            super::privacy::matter(app, &mut matter);
            if let Some(view) = app.matter.as_mut() {
                view.replace(matter);
            }
            app.matters.stale = true;
            let msg = app.lang.f(T::ActDone, &[&title]);
            app.say(Tone::Ok, msg);
        }
        Err(reason) => {
            if let Some(d) = dialog_mut(app) {
                d.error = Some(reason);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn team_names_split_the_ways_clerks_type_them() {
        assert_eq!(
            split_names("张伟、李娜, 王强，赵敏;  孙丽"),
            ["张伟", "李娜", "王强", "赵敏", "孙丽"]
        );
        assert!(split_names(" 、 ").is_empty());
    }
}

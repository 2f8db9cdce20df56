//! Acting on a matter: the menu of what its state allows, and one small dialog per action
//! whose fields become a `MatterChange` (see `form`). A refused change keeps the dialog and
//! what was typed.

mod form;

use ratatui::crossterm::event::KeyEvent;

use crate::domain::deadline::{DeadlinePolicy, Stage, StageClock};
use crate::domain::ledger::Stamp;
use crate::domain::lifecycle::MoveKind;
use crate::domain::matter::Matter;
use crate::i18n::{Label, Localize, T};
use crate::store::Store;

use super::dialog::{DialogField, Input};
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
    /// Record a leader's instruction (批示), several lines as given.
    Instruct,
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
            MatterAction::Plan | MatterAction::Instruct => P::Plan,
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
            MatterAction::Instruct => lang.t(T::ActInstruct).to_string(),
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
        MatterAction::Instruct,
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
        let fields = form::fields_for(action, matter, app);
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
        self.fields.iter().any(DialogField::has_typing)
    }
}

// ---- Driving the menu and the dialog (called from `update`). ----

pub(super) fn open_menu(app: &mut App) {
    if super::confidential::refused(app) {
        return;
    }
    let Some(view) = app.matter.as_ref() else {
        return;
    };
    // Only what the role may do is offered: a step offered and then refused reads as a fault.
    let possible = actions(&view.matter, &app.policy);
    let items: Vec<MatterAction> = possible
        .iter()
        .copied()
        .filter(|a| app.may(a.permission()))
        .collect();
    if items.is_empty() {
        if possible.is_empty() {
            let msg = app.t(T::ActNothing).to_string();
            app.say(Tone::Info, msg);
        } else {
            // Says that the role may not: the first step it would have been offered.
            app.refused(possible[0].permission(), false);
        }
        return;
    }
    if let Some(view) = app.matter.as_mut() {
        view.menu = Some(ActionMenu { items, selected: 0 });
    }
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
    if let Some(d) = dialog_mut(app) {
        d.discard_armed = false;
        if let Some(field) = d.fields.get_mut(d.focus) {
            field.key(key);
        }
    }
}

pub(super) fn paste(app: &mut App, text: &str) {
    if let Some(d) = dialog_mut(app)
        && let Some(f) = d.fields.get_mut(d.focus)
    {
        f.paste(text);
    }
}

fn dialog_mut(app: &mut App) -> Option<&mut ActionDialog> {
    app.matter.as_mut().and_then(|v| v.dialog.as_mut())
}

/// Enter: a new line in a lines field, else the next field, or on the last one the change
/// itself.
pub(super) fn enter(app: &mut App, store: &dyn Store) {
    if let Some(d) = dialog_mut(app)
        && let Some(f) = d.fields.get_mut(d.focus)
        && matches!(f.input, Input::Lines { .. })
    {
        f.new_line();
        return;
    }
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
    if app.refused(action.permission(), false) || super::confidential::refused(app) {
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
    let result = form::change(dialog, &view.matter, app).and_then(|change| {
        let stamp = Stamp::new(app.clock.now(), app.operator_code().to_string());
        store
            .change_matter(id, &change, &stamp)
            .map_err(|e| e.localize(app.lang))
    });
    match result {
        Ok(mut matter) => {
            super::confidential::matter(app, &mut matter);
            if let Some(view) = app.matter.as_mut() {
                view.replace(matter);
            }
            app.matters.stale = true;
            app.supervisor.stale = true;
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
    use super::form::split_names;

    #[test]
    fn team_names_split_the_ways_clerks_type_them() {
        assert_eq!(
            split_names("张伟、李娜, 王强，赵敏;  孙丽"),
            ["张伟", "李娜", "王强", "赵敏", "孙丽"]
        );
        assert!(split_names(" 、 ").is_empty());
    }
}

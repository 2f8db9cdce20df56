//! The operators list for administrators, the third tab of the F7 screen: add, change name, role
//! and a secretary's leader, deactivate, reset a PIN, unlock. Every change goes to the store at
//! once and into the evidence log.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::audit::{AuditKind, detail};
use crate::domain::operator::{
    CODE_MAX_CHARS, NewOperator, OPERATOR_NAME_MAX_CHARS, Operator, OperatorEdit, OperatorError,
    PIN_MAX_DIGITS, PinHash, normalise_pin,
};
use crate::domain::organisation::LeaderId;
use crate::domain::permission::{Permission, Role};
use crate::i18n::{Localize, T};
use crate::store::{Store, StoreError};

use super::action::Command;
use super::field::TextField;
use super::{App, Screen, Tone, org, session};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpField {
    Code,
    Name,
    Role,
    Leader,
    Pin,
    PinAgain,
}

impl OpField {
    pub fn label(self) -> T {
        match self {
            OpField::Code => T::OpColCode,
            OpField::Name => T::OpColName,
            OpField::Role => T::OpColRole,
            OpField::Leader => T::OpColLeader,
            OpField::Pin => T::SignInPin,
            OpField::PinAgain => T::FirstAdminPinAgain,
        }
    }

    pub fn secret(self) -> bool {
        matches!(self, OpField::Pin | OpField::PinAgain)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormMode {
    Add,
    Edit(crate::domain::operator::OperatorId),
    Pin(crate::domain::operator::OperatorId),
}

#[derive(Clone, Debug)]
pub struct OperatorForm {
    pub mode: FormMode,
    pub order: Vec<OpField>,
    pub focus: usize,
    pub code: TextField,
    pub name: TextField,
    pub pin: TextField,
    pub pin_again: TextField,
    pub role: usize,
    /// Index into `None` followed by the active leaders.
    pub leader: usize,
    pub error: Option<String>,
}

impl OperatorForm {
    fn new(mode: FormMode) -> OperatorForm {
        let order = match mode {
            FormMode::Add => vec![
                OpField::Code,
                OpField::Name,
                OpField::Role,
                OpField::Leader,
                OpField::Pin,
                OpField::PinAgain,
            ],
            FormMode::Edit(_) => vec![OpField::Name, OpField::Role, OpField::Leader],
            FormMode::Pin(_) => vec![OpField::Pin, OpField::PinAgain],
        };
        OperatorForm {
            mode,
            order,
            focus: 0,
            code: TextField::new(CODE_MAX_CHARS),
            name: TextField::new(OPERATOR_NAME_MAX_CHARS),
            pin: TextField::new(PIN_MAX_DIGITS),
            pin_again: TextField::new(PIN_MAX_DIGITS),
            role: 0,
            leader: 0,
            error: None,
        }
    }

    pub fn focused_field(&self) -> OpField {
        self.order.get(self.focus).copied().unwrap_or(OpField::Name)
    }

    pub fn text(&self, field: OpField) -> Option<&TextField> {
        match field {
            OpField::Code => Some(&self.code),
            OpField::Name => Some(&self.name),
            OpField::Pin => Some(&self.pin),
            OpField::PinAgain => Some(&self.pin_again),
            OpField::Role | OpField::Leader => None,
        }
    }

    fn text_mut(&mut self, field: OpField) -> Option<&mut TextField> {
        match field {
            OpField::Code => Some(&mut self.code),
            OpField::Name => Some(&mut self.name),
            OpField::Pin => Some(&mut self.pin),
            OpField::PinAgain => Some(&mut self.pin_again),
            OpField::Role | OpField::Leader => None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        [&self.code, &self.pin, &self.pin_again]
            .iter()
            .any(|f| !f.is_empty())
    }
}

#[derive(Clone, Debug, Default)]
pub struct OperatorsScreen {
    pub list: Vec<Operator>,
    pub selected: usize,
    pub form: Option<OperatorForm>,
}

impl OperatorsScreen {
    pub fn form_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(OperatorForm::is_dirty)
    }
}

/// The leader choices of the form: none, then the active leaders.
pub fn leader_choices(app: &App) -> Vec<(Option<LeaderId>, String)> {
    let none = (None, app.t(T::OpNoLeader).to_string());
    std::iter::once(none)
        .chain(
            app.org
                .leaders
                .iter()
                .filter(|l| l.active)
                .map(|l| (Some(l.id), format!("{} {}", l.name, l.title))),
        )
        .collect()
}

pub(super) fn open(app: &mut App, store: &dyn Store) {
    if app.refused(Permission::ManageOperators, true) {
        return;
    }
    app.screen = Screen::Operators;
    reload(app, store);
}

fn reload(app: &mut App, store: &dyn Store) {
    match store.operators() {
        Ok(list) => {
            app.ops.selected = app.ops.selected.min(list.len().saturating_sub(1));
            app.ops.list = list;
        }
        Err(e) => say_failed(app, &e),
    }
}

fn say_failed(app: &mut App, e: &StoreError) {
    let msg = app.lang.f(T::OpFailed, &[&e.localize(app.lang)]);
    app.say(Tone::Error, msg);
}

pub(super) fn command(app: &mut App, c: Command, store: &dyn Store) {
    if app.refused(Permission::ManageOperators, true) {
        app.screen = Screen::Organisation;
        return;
    }
    if app.ops.form.is_some() {
        form_command(app, c, store);
        return;
    }
    let len = app.ops.list.len();
    let selected = app.ops.list.get(app.ops.selected).cloned();
    match c {
        Command::Back => super::session::back_home(app, store),
        Command::NextField | Command::PrevField => org::open(app, store),
        Command::Up => app.ops.selected = app.ops.selected.saturating_sub(1),
        Command::Down => app.ops.selected = (app.ops.selected + 1).min(len.saturating_sub(1)),
        Command::Add => app.ops.form = Some(OperatorForm::new(FormMode::Add)),
        Command::Open => {
            if let Some(op) = selected {
                let mut form = OperatorForm::new(FormMode::Edit(op.id));
                form.name.set(&op.name);
                form.role = Role::ALL.iter().position(|r| *r == op.role).unwrap_or(0);
                let choices = leader_choices(app);
                form.leader = choices
                    .iter()
                    .position(|(id, _)| *id == op.leader)
                    .unwrap_or(0);
                app.ops.form = Some(form);
            }
        }
        Command::ResetPin => {
            if let Some(op) = selected {
                app.ops.form = Some(OperatorForm::new(FormMode::Pin(op.id)));
            }
        }
        Command::ToggleActive => {
            let me = app.session.as_ref().map(|s| s.id);
            // Deactivated, the account would keep its rights until it signed out.
            if let Some(op) = selected
                .as_ref()
                .filter(|op| op.active && Some(op.id) == me)
            {
                let msg = app.lang.f(T::OpNotSelf, &[&op.code]);
                app.say(Tone::Error, msg);
            } else if let Some(op) = selected {
                let done = store.set_operator_active(op.id, !op.active);
                let (key, detail) = if op.active {
                    (T::OpDeactivated, detail::DEACTIVATED)
                } else {
                    (T::OpReactivated, detail::REACTIVATED)
                };
                changed(app, store, done, key, detail);
            }
        }
        Command::Unlock => {
            if let Some(op) = selected {
                let done = store.unlock_operator(op.id);
                changed(app, store, done, T::OpUnlocked, detail::UNLOCKED);
            }
        }
        _ => {}
    }
}

/// After a change: the evidence log, the list read again, and what happened on the status line.
fn changed(
    app: &mut App,
    store: &dyn Store,
    done: crate::store::Result<Operator>,
    key: T,
    detail: &str,
) {
    match done {
        Ok(op) => {
            let detail = detail::operator(detail, op.role, op.active);
            session::audit(app, store, AuditKind::OperatorChanged, &op.code, &detail);
            if let Some(me) = app.session.as_mut().filter(|me| me.id == op.id) {
                me.name = op.name.clone();
                me.role = op.role;
                me.leader = op.leader;
            }
            app.ops.form = None;
            reload(app, store);
            let msg = app.lang.f(key, &[&op.code]);
            app.say(Tone::Ok, msg);
        }
        Err(e) => {
            let text = e.localize(app.lang);
            match app.ops.form.as_mut() {
                Some(form) => form.error = Some(text),
                None => say_failed(app, &e),
            }
        }
    }
}

fn form_command(app: &mut App, c: Command, store: &dyn Store) {
    let Some(form) = app.ops.form.as_mut() else {
        return;
    };
    let n = form.order.len();
    match c {
        Command::Back => app.ops.form = None,
        Command::NextField | Command::Down => form.focus = (form.focus + 1) % n,
        Command::PrevField | Command::Up => form.focus = (form.focus + n - 1) % n,
        Command::Open if form.focus + 1 < n => form.focus += 1,
        Command::Open | Command::Save => save(app, store),
        _ => {}
    }
}

pub(super) fn key(app: &mut App, key: KeyEvent) {
    let leaders = leader_choices(app).len();
    let Some(form) = app.ops.form.as_mut() else {
        return;
    };
    let step = match key.code {
        KeyCode::Left => Some(-1),
        KeyCode::Right | KeyCode::Char(' ') => Some(1),
        _ => None,
    };
    let cycle =
        |at: usize, len: usize, by: isize| (at as isize + by).rem_euclid(len as isize) as usize;
    match (form.focused_field(), step) {
        (OpField::Role, Some(by)) => form.role = cycle(form.role, Role::ALL.len(), by),
        (OpField::Leader, Some(by)) => form.leader = cycle(form.leader, leaders.max(1), by),
        (field, _) => {
            if let Some(f) = form.text_mut(field) {
                f.handle_key(key);
            }
        }
    }
}

pub(super) fn paste(app: &mut App, text: &str) {
    if let Some(form) = app.ops.form.as_mut() {
        let field = form.focused_field();
        if let Some(f) = form.text_mut(field) {
            f.paste(text);
        }
    }
}

fn new_pin(form: &OperatorForm) -> Result<PinHash, OperatorError> {
    let pin = normalise_pin(form.pin.value())?;
    if normalise_pin(form.pin_again.value()).ok().as_deref() != Some(pin.as_str()) {
        return Err(OperatorError::PinMismatch);
    }
    PinHash::new(&pin)
}

fn save(app: &mut App, store: &dyn Store) {
    let choices = leader_choices(app);
    let Some(form) = app.ops.form.as_mut() else {
        return;
    };
    let role = Role::ALL.get(form.role).copied().unwrap_or(Role::Clerk);
    let leader = choices.get(form.leader).and_then(|(id, _)| *id);
    let (done, key, detail) = match form.mode {
        FormMode::Add => {
            let done = new_pin(form).map_err(StoreError::from).and_then(|pin| {
                store.add_operator(&NewOperator {
                    code: form.code.value().to_string(),
                    name: form.name.value().to_string(),
                    role,
                    pin,
                    leader,
                })
            });
            (done, T::OpAdded, detail::ADDED)
        }
        FormMode::Edit(id) => {
            let edit = OperatorEdit {
                name: form.name.value().to_string(),
                role,
                leader,
            };
            (store.edit_operator(id, &edit), T::OpSaved, detail::EDITED)
        }
        FormMode::Pin(id) => {
            let done = new_pin(form)
                .map_err(StoreError::from)
                .and_then(|pin| store.reset_operator_pin(id, &pin));
            (done, T::OpPinReset, detail::PIN_RESET)
        }
    };
    // PINs are typed blind: they are typed again only when they were the mistake, not
    // after a taken code or a blank name.
    let pin_wrong = matches!(
        &done,
        Err(StoreError::Operator(
            OperatorError::PinRule | OperatorError::PinMismatch
        ))
    );
    if done.is_ok() || pin_wrong {
        form.pin.clear();
        form.pin_again.clear();
    }
    changed(app, store, done, key, detail);
}

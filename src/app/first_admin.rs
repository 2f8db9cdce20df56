//! The first start of an empty database: before anything else, the first administrator (name,
//! login code, PIN twice). They are signed in at once and may then load demo data or start.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::audit::AuditKind;
use crate::domain::operator::{
    CODE_MAX_CHARS, NewOperator, OPERATOR_NAME_MAX_CHARS, OperatorError, PIN_MAX_DIGITS, PinHash,
    normalise_pin, tidy_code, tidy_name,
};
use crate::domain::permission::Role;
use crate::i18n::{Localize, T};
use crate::store::{Store, StoreError};

use super::action::Command;
use super::field::TextField;
use super::{App, Screen, Tone, session};

/// The fields in focus order.
pub const FIELDS: [T; 4] = [
    T::FirstAdminName,
    T::SignInCode,
    T::SignInPin,
    T::FirstAdminPinAgain,
];

#[derive(Clone, Debug)]
pub struct FirstAdminForm {
    pub fields: [TextField; 4],
    pub focus: usize,
    pub error: Option<String>,
}

impl Default for FirstAdminForm {
    fn default() -> Self {
        FirstAdminForm {
            fields: [
                TextField::new(OPERATOR_NAME_MAX_CHARS),
                TextField::new(CODE_MAX_CHARS),
                TextField::new(PIN_MAX_DIGITS),
                TextField::new(PIN_MAX_DIGITS),
            ],
            focus: 0,
            error: None,
        }
    }
}

impl FirstAdminForm {
    /// PIN fields show dots.
    pub fn secret(i: usize) -> bool {
        i >= 2
    }

    fn value(&self, i: usize) -> &str {
        self.fields[i].value()
    }
}

pub(super) fn command(app: &mut App, c: Command, store: &dyn Store) {
    let f = &mut app.first_admin;
    match c {
        Command::NextField | Command::Down => f.focus = (f.focus + 1) % 4,
        Command::PrevField | Command::Up => f.focus = (f.focus + 3) % 4,
        Command::Open if f.focus < 3 => f.focus += 1,
        Command::Open | Command::Save => create(app, store),
        _ => {}
    }
}

pub(super) fn key(app: &mut App, key: KeyEvent) {
    if key.code == KeyCode::Enter {
        return;
    }
    let f = &mut app.first_admin;
    if f.fields[f.focus].handle_key(key) {
        f.error = None;
    }
}

pub(super) fn paste(app: &mut App, text: &str) {
    let f = &mut app.first_admin;
    f.fields[f.focus].paste(text);
}

fn create(app: &mut App, store: &dyn Store) {
    let f = &app.first_admin;
    // In the order of the fields, so the first mistake named is the first on the screen.
    let checked = (|| {
        let name = tidy_name(f.value(0))?;
        let code = tidy_code(f.value(1))?;
        let pin = normalise_pin(f.value(2))?;
        if normalise_pin(f.value(3)).ok().as_deref() != Some(pin.as_str()) {
            return Err(OperatorError::PinMismatch);
        }
        Ok(NewOperator {
            code,
            name,
            role: Role::Administrator,
            pin: PinHash::new(&pin)?,
            leader: None,
        })
    })();
    let result = checked
        .map_err(StoreError::from)
        .and_then(|new| store.add_operator(&new));
    match result {
        Ok(op) => {
            app.first_admin = FirstAdminForm::default();
            session::start(app, store, &op);
            session::audit(
                app,
                store,
                AuditKind::OperatorChanged,
                &op.code,
                crate::domain::audit::detail::FIRST_ADMIN,
            );
            session::audit(app, store, AuditKind::SignedIn, &op.code, "");
            if store.is_empty().unwrap_or(false) {
                app.screen = Screen::Start;
            }
            let msg = app.lang.f(T::FirstAdminDone, &[&op.name]);
            app.say(Tone::Ok, msg);
        }
        Err(e) => {
            let f = &mut app.first_admin;
            if let StoreError::Operator(e) = &e {
                f.focus = match e {
                    OperatorError::NameBlank | OperatorError::NameTooLong => 0,
                    OperatorError::CodeBlank
                    | OperatorError::CodeChars
                    | OperatorError::DuplicateCode { .. } => 1,
                    OperatorError::PinMismatch => 3,
                    _ => 2,
                };
            }
            // A PIN is typed again only when it was the PIN that was wrong: typed blind, it
            // cannot be corrected by eye.
            if f.focus >= 2 {
                f.fields[2].clear();
                f.fields[3].clear();
                f.focus = 2;
            }
            f.error = Some(e.localize(app.lang));
        }
    }
}

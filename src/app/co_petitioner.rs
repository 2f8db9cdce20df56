//! The small dialog that adds a co-petitioner to a group visit.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::intake::{Field, IntakeContext, IntakeError, validate_co_petitioner};
use crate::domain::visit::CoPetitioner;

use super::field::TextField;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoField {
    Name,
    IdNumber,
    Phone,
    Representative,
}

impl CoField {
    const ORDER: [CoField; 4] = [
        CoField::Name,
        CoField::IdNumber,
        CoField::Phone,
        CoField::Representative,
    ];

    pub fn next(self) -> CoField {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        Self::ORDER[(i + 1) % Self::ORDER.len()]
    }

    pub fn prev(self) -> CoField {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        Self::ORDER[(i + Self::ORDER.len() - 1) % Self::ORDER.len()]
    }
}

#[derive(Clone, Debug)]
pub struct CoDialog {
    pub name: TextField,
    pub id_number: TextField,
    pub phone: TextField,
    pub representative: bool,
    pub focus: CoField,
    pub errors: Vec<(Field, IntakeError)>,
}

impl Default for CoDialog {
    fn default() -> Self {
        CoDialog {
            name: TextField::new(crate::domain::petitioner::NAME_MAX_CHARS),
            id_number: TextField::new(24),
            phone: TextField::new(24),
            representative: false,
            focus: CoField::Name,
            errors: Vec::new(),
        }
    }
}

impl CoDialog {
    pub fn focused_field(&mut self) -> Option<&mut TextField> {
        match self.focus {
            CoField::Name => Some(&mut self.name),
            CoField::IdNumber => Some(&mut self.id_number),
            CoField::Phone => Some(&mut self.phone),
            CoField::Representative => None,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if self.focus == CoField::Representative {
            if matches!(
                key.code,
                KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right
            ) {
                self.representative = !self.representative;
            }
            return;
        }
        if let Some(f) = self.focused_field() {
            f.handle_key(key);
        }
    }

    pub fn error(&self, field: Field) -> Option<&IntakeError> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e)
    }

    /// Checks the dialog; on success the co-petitioner to add.
    pub fn confirm(&mut self, ctx: &IntakeContext) -> Option<CoPetitioner> {
        match validate_co_petitioner(
            self.name.value(),
            self.id_number.value(),
            self.phone.value(),
            self.representative,
            ctx,
        ) {
            Ok(c) => Some(c),
            Err(errors) => {
                if let Some((field, _)) = errors.first() {
                    self.focus = match field {
                        Field::IdNumber => CoField::IdNumber,
                        Field::Phone => CoField::Phone,
                        _ => CoField::Name,
                    };
                }
                self.errors = errors;
                None
            }
        }
    }
}

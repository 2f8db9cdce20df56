//! A small form's fields, shared by the matter actions and the matters list's filter: text,
//! several lines of text (Enter starts a new line), one-of pickers (←/→) and any-of pickers
//! (←/→ to move, Space to tick).

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::{TextArea, WrapMode};

use crate::i18n::T;

use super::field::TextField;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub label: String,
    pub value: u64,
}

#[derive(Clone, Debug)]
pub enum Input {
    Text(TextField),
    /// Several lines, at most `max` characters in all.
    Lines {
        area: Box<TextArea<'static>>,
        max: usize,
    },
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
    pub fn text(label: T, required: bool, max: usize, value: &str) -> Self {
        let mut f = TextField::new(max);
        f.set(value);
        DialogField {
            label,
            required,
            input: Input::Text(f),
        }
    }

    pub fn lines(label: T, required: bool, max: usize, value: &str) -> Self {
        let mut area = TextArea::from(value.lines().map(str::to_string));
        area.set_wrap_mode(WrapMode::Glyph);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        DialogField {
            label,
            required,
            input: Input::Lines {
                area: Box::new(area),
                max,
            },
        }
    }

    /// The text of a several-lines field, lines joined with `\n`.
    pub fn lines_value(&self) -> String {
        match &self.input {
            Input::Lines { area, .. } => area.lines().join("\n"),
            _ => String::new(),
        }
    }

    /// What the field holds, to tell whether a form was changed since it opened.
    pub fn value_signature(&self) -> String {
        format!(
            "{}|{}|{:?}|{:?}",
            self.text_value(),
            self.lines_value(),
            self.picked(),
            self.ticked()
        )
    }

    /// Whether typing goes into this field (text or lines).
    pub fn takes_typing(&self) -> bool {
        matches!(self.input, Input::Text(_) | Input::Lines { .. })
    }

    /// Whether something was typed into it.
    pub fn has_typing(&self) -> bool {
        match &self.input {
            Input::Text(f) => !f.is_empty(),
            Input::Lines { area, .. } => !area.is_empty(),
            _ => false,
        }
    }

    /// A paste into a text or lines field, cut at what the field holds.
    pub fn paste(&mut self, text: &str) {
        match &mut self.input {
            Input::Text(f) => {
                f.paste(text);
            }
            Input::Lines { area, max } => {
                let used: usize = area.lines().iter().map(|l| l.chars().count()).sum();
                let kept: String = text
                    .replace("\r\n", "\n")
                    .chars()
                    .take(max.saturating_sub(used))
                    .collect();
                area.insert_str(&kept);
            }
            _ => {}
        }
    }

    /// Enter in a lines field: a new line, if there is room.
    pub fn new_line(&mut self) {
        if let Input::Lines { area, max } = &mut self.input {
            let used: usize = area.lines().iter().map(|l| l.chars().count()).sum();
            if used < *max {
                area.insert_newline();
            }
        }
    }

    pub fn pick(label: T, options: Vec<Choice>) -> Self {
        DialogField {
            label,
            required: true,
            input: Input::Pick { options, at: 0 },
        }
    }

    pub fn multi(label: T, options: Vec<Choice>) -> Self {
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

    /// The same picker with `value` chosen, when it is one of the options.
    pub fn with_picked(mut self, value: u64) -> Self {
        if let Input::Pick { options, at } = &mut self.input
            && let Some(i) = options.iter().position(|c| c.value == value)
        {
            *at = i;
        }
        self
    }

    /// The same any-of picker with `values` ticked.
    pub fn with_ticked(mut self, values: &[u64]) -> Self {
        if let Input::Multi {
            options, chosen, ..
        } = &mut self.input
        {
            for (c, on) in options.iter().zip(chosen.iter_mut()) {
                *on = values.contains(&c.value);
            }
        }
        self
    }

    pub fn text_value(&self) -> &str {
        match &self.input {
            Input::Text(f) => f.value().trim(),
            _ => "",
        }
    }

    pub fn picked(&self) -> Option<u64> {
        match &self.input {
            Input::Pick { options, at } => options.get(*at).map(|c| c.value),
            _ => None,
        }
    }

    pub fn ticked(&self) -> Vec<u64> {
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
    pub fn is_blank(&self) -> bool {
        match &self.input {
            Input::Text(f) => f.value().trim().is_empty(),
            Input::Lines { area, .. } => area.lines().iter().all(|l| l.trim().is_empty()),
            Input::Pick { options, .. } => options.is_empty(),
            Input::Multi { .. } => false,
        }
    }

    /// Typing in a text field, choosing in a picker; returns whether anything changed.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        match (&mut self.input, key.code) {
            (Input::Text(f), _) => f.handle_key(key),
            (Input::Lines { area, max }, KeyCode::Char(_)) => {
                let used: usize = area.lines().iter().map(|l| l.chars().count()).sum();
                used < *max && area.input(key)
            }
            (Input::Lines { area, .. }, _) => area.input(key),
            (Input::Pick { options, at }, KeyCode::Left) if !options.is_empty() => {
                *at = (*at + options.len() - 1) % options.len();
                true
            }
            (Input::Pick { options, at }, KeyCode::Right | KeyCode::Char(' '))
                if !options.is_empty() =>
            {
                *at = (*at + 1) % options.len();
                true
            }
            (Input::Multi { options, at, .. }, KeyCode::Left) if !options.is_empty() => {
                *at = (*at + options.len() - 1) % options.len();
                true
            }
            (Input::Multi { options, at, .. }, KeyCode::Right) if !options.is_empty() => {
                *at = (*at + 1) % options.len();
                true
            }
            (Input::Multi { chosen, at, .. }, KeyCode::Char(' ')) => {
                if let Some(c) = chosen.get_mut(*at) {
                    *c = !*c;
                }
                true
            }
            _ => false,
        }
    }
}

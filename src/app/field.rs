//! A single-line text field: `tui-input` keeps the caret in display cells (Chinese characters
//! are two cells wide), we add a length limit so a stray 10 000-character paste cannot flood a
//! name field, and paste handling that keeps it on one line.

use ratatui::crossterm::event::{Event, KeyEvent};
use tui_input::backend::crossterm::to_input_request;
use tui_input::{Input, InputRequest};

#[derive(Clone, Debug, Default)]
pub struct TextField {
    input: Input,
    max_chars: usize,
}

/// What a paste did, so the screen can say when text was cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasteOutcome {
    Whole(usize),
    Trimmed { kept: usize },
}

impl TextField {
    pub fn new(max_chars: usize) -> TextField {
        TextField {
            input: Input::default(),
            max_chars,
        }
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    pub fn is_empty(&self) -> bool {
        self.input.value().is_empty()
    }

    pub fn set(&mut self, value: &str) {
        let value: String = value.chars().take(self.max_chars).collect();
        let len = value.chars().count();
        self.input = Input::new(value).with_cursor(len);
    }

    pub fn clear(&mut self) {
        self.input.reset();
    }

    /// Edits with a key; returns whether the text changed.
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        let Some(request) = to_input_request(&Event::Key(key)) else {
            return false;
        };
        if let InputRequest::InsertChar(c) = request
            && (c.is_control() || self.input.value().chars().count() >= self.max_chars)
        {
            return false;
        }
        self.input
            .handle(request)
            .is_some_and(|changed| changed.value)
    }

    /// Inserts pasted text at the caret, on one line, up to the field's limit.
    pub fn paste(&mut self, text: &str) -> PasteOutcome {
        let room = self
            .max_chars
            .saturating_sub(self.input.value().chars().count());
        let clean: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let total = clean.chars().count();
        let kept: String = clean.chars().take(room).collect();
        let kept_len = kept.chars().count();
        let value = self.input.value();
        let at = value
            .char_indices()
            .nth(self.input.cursor())
            .map_or(value.len(), |(i, _)| i);
        let new_value = format!("{}{}{}", &value[..at], kept, &value[at..]);
        let cursor = self.input.cursor() + kept_len;
        self.input = Input::new(new_value).with_cursor(cursor);
        if kept_len < total {
            PasteOutcome::Trimmed { kept: kept_len }
        } else {
            PasteOutcome::Whole(kept_len)
        }
    }

    /// The caret's column in display cells and the first visible cell, for a field `width`
    /// cells wide; the view draws from `scroll` and puts the terminal cursor at `caret - scroll`
    /// so an input method's candidate window opens at the caret.
    pub fn caret(&self, width: usize) -> (usize, usize) {
        (
            self.input.visual_cursor(),
            self.input.visual_scroll(width.max(1)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn type_str(f: &mut TextField, s: &str) {
        for c in s.chars() {
            f.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    #[test]
    fn chinese_characters_move_the_caret_two_cells() {
        let mut f = TextField::new(30);
        type_str(&mut f, "张三");
        assert_eq!(f.value(), "张三");
        assert_eq!(f.caret(20), (4, 0));
        f.handle_key(KeyEvent::new(KeyCode::Left, KeyModifiers::NONE));
        assert_eq!(f.caret(20), (2, 0));
    }

    #[test]
    fn the_limit_stops_typing_and_trims_pastes() {
        let mut f = TextField::new(5);
        type_str(&mut f, "123456");
        assert_eq!(f.value(), "12345");
        let mut g = TextField::new(4);
        assert_eq!(g.paste("张三\n李四王五"), PasteOutcome::Trimmed { kept: 4 });
        assert_eq!(g.value(), "张三 李");
    }

    #[test]
    fn paste_goes_in_at_the_caret() {
        let mut f = TextField::new(30);
        type_str(&mut f, "张丰");
        f.handle_key(KeyEvent::new(KeyCode::Left, KeyModifiers::NONE));
        assert_eq!(f.paste("三"), PasteOutcome::Whole(1));
        assert_eq!(f.value(), "张三丰");
    }

    #[test]
    fn a_long_value_scrolls_to_keep_the_caret_visible() {
        let mut f = TextField::new(100);
        f.set(&"云".repeat(20));
        let (caret, scroll) = f.caret(10);
        assert_eq!(caret, 40);
        assert!(caret - scroll <= 10);
    }
}

//! A single-line text field as drawn on every screen (form, dialog, search box).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;

use crate::app::App;
use crate::app::field::TextField;
use crate::i18n::T;
use crate::theme::Theme;

use super::text::{fit, window};

/// Puts the terminal cursor at `at` when that is on screen. In a small terminal a field can be
/// laid out below the last row; a cursor sent there would land somewhere else, and the input
/// method's candidate window with it.
pub fn place_cursor(frame: &mut Frame, at: impl Into<Position>) {
    let at = at.into();
    if frame.area().contains(at) {
        frame.set_cursor_position(at);
    }
}

/// A single-line field, scrolled so the caret shows; the terminal cursor goes to the caret.
/// `hint` is shown while the field is empty (`T::LangName` means no hint).
pub fn text_line(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    f: &TextField,
    hint: T,
    focus: bool,
    area: Rect,
) -> Line<'static> {
    let w = usize::from(area.width);
    let (caret, scroll) = f.caret(w.saturating_sub(1));
    if focus && app.overlay.is_none() {
        let x = area.x + (caret - scroll).min(w.saturating_sub(1)) as u16;
        place_cursor(frame, Position { x, y: area.y });
    }
    if f.is_empty() && hint != T::LangName {
        return Line::styled(fit(app.t(hint), w), theme.placeholder);
    }
    let style = if focus {
        theme.input.add_modifier(Modifier::UNDERLINED)
    } else {
        theme.input
    };
    Line::styled(window(f.value(), scroll, w), style)
}

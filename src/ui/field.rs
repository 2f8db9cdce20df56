//! Text fields as drawn on every screen: a single line (form, dialog, search box), and several
//! lines (the intake's request, a leader's instruction).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
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
    // Being typed in, the window follows the caret; otherwise a long value shows its start,
    // cut with an ellipsis, as a reader expects.
    if focus {
        let style = theme.input.add_modifier(Modifier::UNDERLINED);
        Line::styled(window(f.value(), scroll, w), style)
    } else {
        Line::styled(fit(f.value(), w), theme.input)
    }
}

/// A several-lines field, wrapped; the terminal cursor goes to the caret so an input method's
/// candidates appear beside it. `placeholder` is shown while it is empty.
pub fn text_area(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: &ratatui_textarea::TextArea<'static>,
    placeholder: Option<&str>,
    focus: bool,
    at: Rect,
) {
    // The form owns the text; drawing a styled copy keeps the view free of state changes.
    let mut ta = area.clone();
    ta.set_style(theme.input);
    ta.set_cursor_line_style(Style::default());
    ta.set_cursor_style(if focus {
        theme.input.add_modifier(Modifier::REVERSED)
    } else {
        theme.input
    });
    if let Some(p) = placeholder {
        ta.set_placeholder_text(p);
        ta.set_placeholder_style(theme.placeholder);
    }
    frame.render_widget(&ta, at);
    if focus && app.overlay.is_none() {
        let sc = ta.screen_cursor();
        let (top, left) = ta.scroll_offset();
        let row = sc.row.saturating_sub(usize::from(top)) as u16;
        let col = sc.col.saturating_sub(usize::from(left)) as u16;
        place_cursor(
            frame,
            Position {
                x: at.x + col.min(at.width.saturating_sub(1)),
                y: at.y + row.min(at.height.saturating_sub(1)),
            },
        );
    }
}

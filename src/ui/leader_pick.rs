//! The receiving-leader field of the intake form: the chosen leader, or while it has focus the
//! typed filter with the caret, and below it a short list to choose from with ↑/↓.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::App;
use crate::domain::organisation::Leader;
use crate::i18n::T;
use crate::theme::Theme;

use super::field::text_line;
use super::text::fit;

/// Rows the dropdown shows at most, "none" included.
const LIST_ROWS: usize = 6;

fn described(l: &Leader) -> String {
    if l.title.is_empty() {
        l.name.clone()
    } else {
        format!("{}  {}", l.name, l.title)
    }
}

/// The field's line. Focused, it is the filter box, so the caret (and an input method's
/// candidate window) sit where the clerk types.
pub fn line(app: &App, theme: &Theme, frame: &mut Frame, focus: bool, area: Rect) -> Line<'static> {
    let pick = &app.intake.leader;
    let w = usize::from(area.width);
    if focus {
        let mut line = text_line(app, theme, frame, &pick.query, T::LangName, true, area);
        if pick.query.is_empty() {
            let chosen = pick
                .chosen_leader()
                .map_or_else(|| app.t(T::LeaderNone).to_string(), described);
            line.push_span(Span::styled(fit(&chosen, w.saturating_sub(1)), theme.input));
        }
        return line;
    }
    match pick.chosen_leader() {
        Some(l) => Line::styled(fit(&described(l), w), theme.input),
        None => Line::styled(fit(app.t(T::HintReceivingLeader), w), theme.placeholder),
    }
}

/// The list under the focused field, drawn over the rows below it.
pub fn dropdown(app: &App, theme: &Theme, frame: &mut Frame, under: Rect, bottom: u16) {
    let pick = &app.intake.leader;
    let mut rows: Vec<(String, bool)> = vec![(app.t(T::LeaderNone).to_string(), pick.cursor == 0)];
    rows.extend(
        pick.matches()
            .enumerate()
            .map(|(i, l)| (described(l), pick.cursor == i + 1)),
    );
    let note = if !pick.has_leaders() {
        Some(app.t(T::LeaderNoneActive).to_string())
    } else if rows.len() == 1 {
        Some(app.lang.f(T::LeaderNoMatch, &[&pick.query.value()]))
    } else {
        None
    };
    // Keep the highlighted row in view.
    let first = pick.cursor.saturating_sub(LIST_ROWS - 1);
    let shown: Vec<(String, bool)> = rows.into_iter().skip(first).take(LIST_ROWS).collect();
    let height = (shown.len() + usize::from(note.is_some()) + 2) as u16;
    let area = Rect {
        x: under.x,
        y: under.y + 1,
        width: under.width.min(40),
        height: height.min(bottom.saturating_sub(under.y + 1)),
    };
    if area.height < 3 {
        return;
    }
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .border_style(theme.focus_border)
        .style(theme.base);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let mut lines: Vec<Line> = shown
        .into_iter()
        .map(|(text, on)| {
            let style = if on { theme.selected } else { theme.base };
            Line::styled(fit(&text, w), style)
        })
        .collect();
    if let Some(note) = note {
        lines.push(Line::styled(fit(&note, w), theme.muted));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

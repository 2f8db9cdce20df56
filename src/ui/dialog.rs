//! A small form in a popup, for the matter actions and the list's filters: one line per field
//! (a few for a several-lines field), text fields with the caret, pickers as ‹ choice ›,
//! multi-pickers as ticked names.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::App;
use crate::app::dialog::{DialogField, Input};
use crate::i18n::T;
use crate::theme::Theme;

use super::centered;
use super::field::text_line;
use super::text::{fit, pad, width};

pub struct Form<'a> {
    pub title: String,
    pub fields: &'a [DialogField],
    pub focus: usize,
    pub error: Option<&'a str>,
    pub keys: T,
}

/// Rows a several-lines field takes.
const LINES_ROWS: u16 = 5;

fn rows_of(field: &DialogField) -> u16 {
    match field.input {
        Input::Lines { .. } => LINES_ROWS,
        _ => 1,
    }
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, form: &Form) {
    let rows: u16 = form.fields.iter().map(rows_of).sum();
    let height = rows + 6;
    let popup = centered(area, 72, height);
    frame.render_widget(Clear, popup);
    let block = super::chrome::panel(
        Span::styled(format!(" {} ", form.title), theme.title),
        true,
        theme,
    )
    .style(theme.base);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let label_w = form
        .fields
        .iter()
        .map(|f| width(app.t(f.label)) + 3)
        .max()
        .unwrap_or(8);
    let mut y = inner.y;
    for (i, field) in form.fields.iter().enumerate() {
        let field_rows = rows_of(field).min((inner.y + inner.height).saturating_sub(y));
        if field_rows == 0 {
            break;
        }
        let focused = i == form.focus;
        // The arrow shows the focus without colour (NO_COLOR), as on the intake form.
        let arrow = if focused { "▶" } else { " " };
        let mark = if field.required { "*" } else { " " };
        let label = pad(&format!("{arrow}{mark}{}", app.t(field.label)), label_w);
        let label_style = if focused {
            theme.focus_label
        } else {
            theme.label
        };
        let row = Rect {
            y,
            height: 1,
            ..inner
        };
        frame.render_widget(Paragraph::new(Span::styled(label, label_style)), row);
        let value_area = Rect {
            x: row.x + label_w as u16 + 1,
            width: row.width.saturating_sub(label_w as u16 + 1),
            height: field_rows,
            ..row
        };
        if let Input::Lines { area, .. } = &field.input {
            super::field::text_area(app, theme, frame, area, None, focused, value_area);
        } else {
            let line = value_line(app, theme, frame, field, focused, value_area);
            frame.render_widget(Paragraph::new(line), value_area);
        }
        y += field_rows;
    }
    let below = Rect {
        y: y + 1,
        height: (inner.y + inner.height).saturating_sub(y + 1),
        ..inner
    };
    let mut lines = Vec::new();
    if let Some(e) = form.error {
        lines.push(Line::styled(e.to_string(), theme.error));
    }
    lines.push(Line::styled(app.t(form.keys), theme.muted));
    frame.render_widget(
        Paragraph::new(super::wrap::rows(lines, below.width, true)),
        below,
    );
}

fn value_line(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    field: &DialogField,
    focused: bool,
    area: Rect,
) -> Line<'static> {
    let w = usize::from(area.width);
    match &field.input {
        Input::Text(f) => text_line(app, theme, frame, f, T::LangName, focused, area),
        Input::Lines { area: text, .. } => {
            Line::styled(fit(&text.lines().join(" / "), w), theme.input)
        }
        Input::Pick { options, at } => match options.get(*at) {
            Some(c) => {
                let style = if focused { theme.selected } else { theme.input };
                Line::styled(fit(&format!("‹ {} ›", c.label), w), style)
            }
            None => Line::styled(fit(app.t(T::PickNothing), w), theme.placeholder),
        },
        Input::Multi {
            options,
            chosen,
            at,
        } => {
            if options.is_empty() {
                return Line::styled(fit(app.t(T::PickNothing), w), theme.placeholder);
            }
            // The cursor's option first, so it is always visible on one line.
            let mut spans = Vec::new();
            let mut used = 0;
            for k in 0..options.len() {
                let i = (at + k) % options.len();
                let tick = if chosen.get(i).copied().unwrap_or(false) {
                    "☑"
                } else {
                    "☐"
                };
                let text = format!("{tick}{} ", options[i].label);
                if used + width(&text) > w {
                    break;
                }
                used += width(&text);
                let style = if focused && k == 0 {
                    theme.selected
                } else {
                    theme.input
                };
                spans.push(Span::styled(text, style));
            }
            Line::from(spans)
        }
    }
}

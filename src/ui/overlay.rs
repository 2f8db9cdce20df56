//! Drawn over any screen: the key list (built from the live key map) and confirmations.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table};

use crate::app::{App, Command, ConfirmKind, Overlay};
use crate::i18n::T;
use crate::theme::Theme;

use super::centered;
use super::text::{fit, width};

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    match app.overlay {
        Some(Overlay::Help) => help(app, theme, frame, area),
        Some(Overlay::Confirm { kind, act }) => confirm(app, theme, frame, area, kind, act),
        None => {}
    }
}

fn help(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let popup = centered(area, 100, Command::ALL.len() as u16 + 6);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", app.t(T::HelpTitle)),
            theme.title,
        ))
        .border_style(theme.focus_border)
        .style(theme.base);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    // This screen's commands first, then the rest: on a small window the ones that matter
    // here are the ones shown.
    let here = super::chrome::footer_commands(app);
    let ordered = here
        .iter()
        .chain(Command::ALL.iter().filter(|c| !here.contains(c)));
    let rows: Vec<(String, String)> = ordered
        .map(|c| {
            let keys: Vec<String> = app.keymap.keys_for(*c).map(|b| b.key.to_string()).collect();
            (keys.join("  "), app.t(c.texts().1).to_string())
        })
        .collect();
    let key_w = rows
        .iter()
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(10)
        .min(24) as u16;
    let text_w = usize::from(inner.width.saturating_sub(key_w + 1));
    let table_h = inner.height.saturating_sub(2);
    let visible = usize::from(table_h.saturating_sub(1)).max(1);
    let scroll = app.help_scroll.min(rows.len().saturating_sub(visible));
    let below = rows.len().saturating_sub(scroll + visible);
    let table_rows: Vec<Row> = rows
        .into_iter()
        .skip(scroll)
        .take(visible)
        .map(|(k, t)| {
            Row::new(vec![
                Cell::from(Span::styled(k, theme.highlight)),
                Cell::from(fit(&t, text_w)),
            ])
        })
        .collect();
    let header = Row::new(vec![
        Cell::from(app.t(T::HelpKey)),
        Cell::from(app.t(T::HelpAction)),
    ])
    .style(theme.label);
    let table = Table::new(table_rows, [Constraint::Length(key_w), Constraint::Fill(1)])
        .header(header)
        .column_spacing(1);
    frame.render_widget(
        table,
        Rect {
            height: table_h,
            ..inner
        },
    );
    let first_note = if below > 0 {
        Line::styled(app.lang.f(T::HelpMore, &[&below]), theme.warning)
    } else {
        Line::styled(app.t(T::HelpTextNote), theme.muted)
    };
    let notes = vec![first_note, Line::styled(app.t(T::HelpClose), theme.muted)];
    frame.render_widget(
        Paragraph::new(super::wrap::rows(notes, inner.width, true)),
        Rect {
            y: inner.y + table_h,
            height: 2,
            ..inner
        },
    );
}

fn confirm(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, kind: ConfirmKind, act: bool) {
    let popup = centered(area, 56, 8);
    frame.render_widget(Clear, popup);
    let (title, message, action) = match kind {
        ConfirmKind::Discard => (T::ConfirmDiscardTitle, T::ConfirmDiscard, T::ButtonDiscard),
        ConfirmKind::Quit if app.intake.is_dirty() => {
            (T::ConfirmDiscardTitle, T::ConfirmQuit, T::ButtonQuit)
        }
        // Only operators who locked the desk left typing: their work, named as theirs.
        ConfirmKind::Quit if !app.own_form_typed() => (
            T::ConfirmFormDiscardTitle,
            T::ConfirmQuitDrafts,
            T::ButtonQuit,
        ),
        // Quitting with only a form of another screen unsaved.
        ConfirmKind::Quit => (
            T::ConfirmFormDiscardTitle,
            T::ConfirmFormDiscard,
            T::ButtonQuit,
        ),
        ConfirmKind::Delete => (T::ConfirmDeleteTitle, T::ConfirmDelete, T::ButtonDelete),
        ConfirmKind::RemoveSession => (
            T::ConfirmDeleteTitle,
            T::ConfirmRemoveSession,
            T::ButtonDelete,
        ),
        ConfirmKind::DiscardForm => (
            T::ConfirmFormDiscardTitle,
            T::ConfirmFormDiscard,
            T::ButtonDiscard,
        ),
        ConfirmKind::ReceiveOver => (
            T::ConfirmDiscardTitle,
            T::ConfirmReceiveOver,
            T::ButtonReceive,
        ),
    };
    let message = match kind {
        ConfirmKind::Delete => {
            let name = app.org.selected_record().map_or("", |(_, name, _)| name);
            app.lang.f(message, &[&name])
        }
        ConfirmKind::RemoveSession => {
            let (date, leader) = app.week.selected_session().map_or_else(
                || (String::new(), String::new()),
                |s| {
                    let date = s.plan.date.to_string();
                    (date, app.directory().leader_name(s.plan.leader))
                },
            );
            app.lang.f(message, &[&date, &leader])
        }
        ConfirmKind::Quit if !app.intake.is_dirty() && !app.own_form_typed() => {
            let sep = app.t(T::ListSeparator);
            app.lang.f(message, &[&app.codes_with_drafts().join(sep)])
        }
        ConfirmKind::ReceiveOver => {
            let arrival = app.week.selected_session().and_then(|s| {
                s.calling_order()
                    .get(app.week.queue_cursor)
                    .map(|a| (a.number, a.name.clone()))
            });
            let (number, name) = arrival.unwrap_or_default();
            app.lang.f(message, &[&number, &name])
        }
        _ => app.t(message).to_string(),
    };
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", app.t(title)), theme.warning))
        .border_style(theme.warning)
        .style(theme.base);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let button = |t: T, on: bool| {
        Span::styled(
            format!("[ {} ]", app.t(t)),
            if on { theme.selected } else { theme.base },
        )
    };
    // Deleting something is not editing it: its way back is to keep it.
    let (keep, keys) = match kind {
        ConfirmKind::Delete | ConfirmKind::RemoveSession => (T::ButtonKeep, T::ConfirmKeepKeys),
        _ => (T::ButtonKeepEditing, T::ConfirmKeys),
    };
    let lines = vec![
        Line::raw(message),
        Line::raw(""),
        Line::from(vec![
            button(keep, !act),
            Span::raw("   "),
            button(action, act),
        ]),
        Line::raw(""),
        Line::styled(app.t(keys), theme.muted),
    ];
    frame.render_widget(
        Paragraph::new(super::wrap::rows(lines, inner.width, false)),
        inner,
    );
}

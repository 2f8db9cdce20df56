//! The visits list with its search box.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use crate::app::App;
use crate::app::visits::page_rows;
use crate::domain::visit::Visit;
use crate::i18n::{Label, T};
use crate::theme::Theme;

use super::field::text_line;
use super::text::{fit, one_line};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Number,
    Received,
    Name,
    Channel,
    Kind,
    Category,
    People,
    Summary,
}

impl Col {
    fn title(self) -> T {
        match self {
            Col::Number => T::ColNumber,
            Col::Received => T::ColReceived,
            Col::Name => T::ColName,
            Col::Channel => T::ColChannel,
            Col::Kind => T::ColKind,
            Col::Category => T::ColCategory,
            Col::People => T::ColPeople,
            Col::Summary => T::ColSummary,
        }
    }

    fn cells(self) -> u16 {
        match self {
            Col::Number => 11,
            Col::Received => 16,
            Col::Name => 12,
            Col::Channel => 8,
            Col::Kind => 10,
            Col::Category => 8,
            Col::People => 4,
            Col::Summary => 12,
        }
    }

    fn value(self, app: &App, v: &Visit) -> String {
        match self {
            Col::Number => v.number.to_string(),
            Col::Received => v.received_at.format("%Y-%m-%d %H:%M").to_string(),
            Col::Name => v.petitioner.name.clone(),
            Col::Channel => v.channel.label(app.lang).to_string(),
            Col::Kind => v.kind.label(app.lang).to_string(),
            Col::Category => v.category.clone(),
            Col::People => v.head_count.to_string(),
            Col::Summary => one_line(&v.summary),
        }
    }
}

/// The columns that fit, dropping the least needed first on narrow terminals.
fn columns(total: u16) -> Vec<Col> {
    use Col::*;
    let mut cols = vec![
        Number, Received, Name, Channel, Kind, Category, People, Summary,
    ];
    for drop in [People, Kind, Category, Channel, Received] {
        let need: u16 = cols.iter().map(|c| c.cells() + 1).sum();
        if need <= total {
            break;
        }
        cols.retain(|c| *c != drop);
    }
    cols
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [search_area, table_area] =
        Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    let list = &app.visits;
    let inner = super::chrome::framed(
        frame,
        search_area,
        app.t(T::SearchLabel),
        list.search_focus,
        theme,
    );
    let line = text_line(
        app,
        theme,
        frame,
        &list.search,
        T::SearchPlaceholder,
        list.search_focus,
        inner,
    );
    frame.render_widget(Paragraph::new(line), inner);

    let title = match &list.query {
        Some(q) if list.rows.is_empty() => app.lang.f(T::SearchNothing, &[q]),
        Some(_) if list.capped => app.lang.f(T::SearchCapped, &[&list.rows.len()]),
        Some(_) if list.more => app.lang.f(T::SearchMore, &[&list.rows.len()]),
        Some(_) => app.lang.f(T::SearchFound, &[&list.rows.len()]),
        None if app.own_visits_only().is_some() => app.t(T::VisitsOwnTitle).to_string(),
        None => match &app.db {
            crate::app::DbStatus::Ready { visits, .. } => {
                format!(
                    "{} · {}",
                    app.t(T::VisitsTitle),
                    app.lang.f(T::DbVisits, &[visits])
                )
            }
            _ => app.t(T::VisitsTitle).to_string(),
        },
    };
    let inner = super::chrome::framed(frame, table_area, &title, !list.search_focus, theme);
    if list.rows.is_empty() {
        let text = if list.query.is_some() {
            String::new()
        } else {
            app.t(T::VisitsEmpty).to_string()
        };
        frame.render_widget(Paragraph::new(Line::styled(text, theme.muted)), inner);
        return;
    }
    visit_table(
        app,
        theme,
        frame,
        inner,
        &list.rows,
        list.offset,
        list.selected,
        page_rows(app),
    );
}

/// Rows `offset..offset+height` of `rows`, the `selected` one highlighted. Only the visible
/// rows are built, whatever the length of the list.
#[allow(clippy::too_many_arguments)]
fn visit_table(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    rows: &[Visit],
    offset: usize,
    selected: usize,
    height: usize,
) {
    let cols = columns(area.width);
    let fixed: u16 = cols
        .iter()
        .filter(|c| **c != Col::Summary)
        .map(|c| c.cells() + 1)
        .sum();
    let widths: Vec<Constraint> = cols
        .iter()
        .map(|c| {
            if *c == Col::Summary {
                Constraint::Min(area.width.saturating_sub(fixed).max(4))
            } else {
                Constraint::Length(c.cells())
            }
        })
        .collect();
    let cell_width = |c: Col| {
        if c == Col::Summary {
            usize::from(area.width.saturating_sub(fixed))
        } else {
            usize::from(c.cells())
        }
    };
    let header = Row::new(
        cols.iter()
            .map(|c| Cell::from(fit(app.t(c.title()), cell_width(*c)))),
    )
    .style(theme.label);
    let end = rows.len().min(offset + height);
    let body: Vec<Row> = rows[offset.min(end)..end]
        .iter()
        .map(|v| {
            Row::new(cols.iter().map(|c| {
                let text = c.value(app, v);
                let style = if *c == Col::Number && v.group {
                    theme.warning
                } else {
                    theme.base
                };
                Cell::from(Span::styled(fit(&text, cell_width(*c)), style))
            }))
        })
        .collect();
    let table = Table::new(body, widths)
        .header(header)
        .column_spacing(1)
        .row_highlight_style(theme.selected);
    let mut state = TableState::default().with_selected(Some(selected.saturating_sub(offset)));
    frame.render_stateful_widget(table, area, &mut state);
}

//! The matters list: tabs with counts, the search box, the active filter, and a table whose
//! days-left column is coloured by urgency. Only the visible rows are built.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use crate::app::App;
use crate::app::matters::{Listed, Tab, page_rows};
use crate::domain::deadline::Urgency;
use crate::i18n::{Label, Localize, T};
use crate::theme::Theme;

use super::field::text_line;
use super::text::{fit, width};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Number,
    Petitioner,
    Category,
    State,
    Stage,
    Due,
    Days,
    Leader,
    Department,
    Flags,
}

impl Col {
    fn title(self) -> T {
        match self {
            Col::Number => T::ColMatterNo,
            Col::Petitioner => T::ColPetitioner,
            Col::Category => T::ColCategory,
            Col::State => T::ColState,
            Col::Stage => T::ColStage,
            Col::Due => T::ColDue,
            Col::Days => T::ColDaysLeft,
            Col::Leader => T::ColLeader,
            Col::Department => T::ColDepartment,
            Col::Flags => T::ColFlags,
        }
    }

    /// Cells wide; the department takes what is left.
    fn cells(self) -> u16 {
        match self {
            Col::Number => 11,
            Col::Petitioner => 12,
            Col::Category => 10,
            Col::State => 10,
            Col::Stage => 8,
            Col::Due => 10,
            Col::Days => 10,
            Col::Leader => 8,
            Col::Department => 12,
            Col::Flags => 4,
        }
    }
}

/// The columns that fit, dropping the least needed first on a narrow terminal.
fn columns(width: u16) -> Vec<Col> {
    use Col::*;
    let mut cols = vec![
        Number, Petitioner, Category, State, Stage, Due, Days, Leader, Department, Flags,
    ];
    for drop in [Stage, Category, Department, State, Leader, Due] {
        let need: u16 = cols.iter().map(|c| c.cells() + 1).sum();
        if need <= width {
            break;
        }
        cols.retain(|c| *c != drop);
    }
    cols
}

fn value(app: &App, l: &Listed, col: Col) -> String {
    let lang = app.lang;
    let r = &l.row;
    match col {
        Col::Number => r.number.to_string(),
        Col::Petitioner => r.petitioner.to_string(),
        Col::Category => r.category.to_string(),
        Col::State => r.state.label(lang).to_string(),
        Col::Stage => r
            .clock
            .as_ref()
            .map_or(String::new(), |c| c.stage.label(lang).to_string()),
        Col::Due => l.due.map_or(String::new(), |d| d.to_string()),
        Col::Days => match (l.urgency, l.due) {
            (Some(u), _) => u.localize(lang),
            (None, Some(due)) => super::petitioner_time(app, due).to_string(),
            (None, None) => String::new(),
        },
        Col::Leader => r
            .responsible
            .map_or(String::new(), |id| app.directory().leader_name(id)),
        Col::Department => r
            .department
            .map_or(String::new(), |id| app.directory().department_name(id)),
        Col::Flags => {
            let mut s = String::new();
            if !l.signals.is_empty() {
                s.push('⚑');
            }
            if r.collective_study {
                s.push('◆');
            }
            s
        }
    }
}

fn urgency_style(theme: &Theme, u: Option<Urgency>) -> Style {
    u.map_or(theme.base, |u| super::detail::urgency_style(theme, u))
}

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [tabs_area, search_area, filter_area, table_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let list = &app.matters;
    tabs(app, theme, frame, tabs_area);

    let inner = super::chrome::framed(
        frame,
        search_area,
        app.t(T::MattersSearch),
        list.search_focus,
        theme,
    );
    let focus = list.search_focus && list.filter_dialog.is_none();
    let line = text_line(
        app,
        theme,
        frame,
        &list.search,
        T::MattersSearchHint,
        focus,
        inner,
    );
    frame.render_widget(Paragraph::new(line), inner);

    frame.render_widget(
        Paragraph::new(fit(&filter_text(app), usize::from(filter_area.width))).style(theme.muted),
        filter_area,
    );

    let title = app.lang.f(T::MattersShown, &[&list.shown.len()]);
    let inner = super::chrome::framed(frame, table_area, &title, !list.search_focus, theme);
    if list.shown.is_empty() {
        let text = if app.db_ready() {
            app.t(T::MattersEmpty)
        } else {
            app.t(T::DbOpening)
        };
        frame.render_widget(Paragraph::new(Line::styled(text, theme.muted)), inner);
    } else {
        table(app, theme, frame, inner);
    }
    if let Some(d) = &list.filter_dialog {
        let form = super::dialog::Form {
            title: app.t(T::FilterTitle).to_string(),
            fields: &d.fields,
            focus: d.focus,
            error: None,
            keys: T::FilterKeys,
        };
        super::dialog::render(app, theme, frame, area, &form);
    }
}

fn tabs(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut spans = vec![Span::raw(" ")];
    for tab in Tab::ALL {
        let name = app.t(tab.title());
        let text = match app.matters.count(tab) {
            Some(n) => format!(" {name} {n} "),
            None => format!(" {name} "),
        };
        let style = if tab == app.matters.tab {
            theme.selected
        } else if matches!(tab, Tab::Overdue) {
            theme.overdue
        } else {
            theme.label
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// "筛选:状态 已交办 · 包案领导 李明" or the keys that set one.
fn filter_text(app: &App) -> String {
    let f = &app.matters.filter;
    let lang = app.lang;
    let mut parts = Vec::new();
    if let Some(s) = f.state {
        parts.push(format!("{} {}", app.t(T::FilterState), s.label(lang)));
    }
    if let Some(l) = f.leader {
        parts.push(format!(
            "{} {}",
            app.t(T::FilterLeader),
            app.directory().leader_name(l)
        ));
    }
    if let Some(d) = f.department {
        parts.push(format!(
            "{} {}",
            app.t(T::FilterDepartment),
            app.directory().department_name(d)
        ));
    }
    if let Some(c) = &f.category {
        parts.push(format!("{} {c}", app.t(T::FilterCategory)));
    }
    let sort = match app.matters.sort {
        crate::app::matters::Sort::Deadline => app.t(T::SortedByDeadline),
        crate::app::matters::Sort::Opened => app.t(T::SortedByOpened),
    };
    if parts.is_empty() {
        format!(" {} · {sort}", app.t(T::FilterNone))
    } else {
        format!(" {}{} · {sort}", app.t(T::FilterActive), parts.join(" · "))
    }
}

fn table(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let list = &app.matters;
    let cols = columns(area.width);
    let height = page_rows(app);
    let shown: Vec<&Listed> = list.rows().skip(list.offset).take(height).collect();
    // Each column its cells, or wider for the widest text on the page (English labels are
    // longer than the Chinese the cells were set for); cut back only where room is short.
    let texts: Vec<Vec<String>> = shown
        .iter()
        .map(|l| cols.iter().map(|c| value(app, l, *c)).collect())
        .collect();
    let wanted: Vec<usize> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            texts
                .iter()
                .map(|row| width(&row[i]))
                .chain([width(app.t(c.title())), usize::from(c.cells())])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let floor: Vec<usize> = cols.iter().map(|c| usize::from(c.cells())).collect();
    let stretch = cols.iter().position(|c| *c == Col::Department);
    let shares = super::columns::share(&wanted, &floor, usize::from(area.width), stretch);
    let cell_w = |c: Col| cols.iter().position(|x| *x == c).map_or(0, |i| shares[i]);
    let widths: Vec<Constraint> = shares
        .iter()
        .map(|w| Constraint::Length(*w as u16))
        .collect();
    let header = Row::new(
        cols.iter()
            .map(|c| Cell::from(fit(app.t(c.title()), cell_w(*c)))),
    )
    .style(theme.label);
    let body: Vec<Row> = shown
        .iter()
        .zip(&texts)
        .map(|(l, row)| {
            Row::new(cols.iter().zip(row).map(|(c, text)| {
                let style = match c {
                    Col::Days | Col::Due => urgency_style(theme, l.urgency),
                    Col::Flags => theme.warning,
                    _ => theme.base,
                };
                Cell::from(Span::styled(fit(text, cell_w(*c)), style))
            }))
        })
        .collect();
    let table = Table::new(body, widths)
        .header(header)
        .column_spacing(1)
        .row_highlight_style(theme.selected);
    let mut state =
        TableState::default().with_selected(Some(list.selected.saturating_sub(list.offset)));
    frame.render_stateful_widget(table, area, &mut state);
}

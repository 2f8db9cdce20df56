//! The leaders and departments screen: a tab per list, columns sized to their Chinese text,
//! retired records dimmed and marked, and the add/edit form over it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table, TableState};

use crate::app::App;
use crate::app::org::page_rows;
use crate::app::org_form::{FormError, OrgForm, OrgTab};
use crate::domain::organisation::OrgField;
use crate::domain::permission::Permission;
use crate::i18n::{Localize, T};
use crate::theme::Theme;

use super::centered;
use super::field::text_line;
use super::text::{fit, pad, width};

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [tabs_area, list_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    tabs(app, theme, frame, tabs_area, false);
    list(app, theme, frame, list_area);
    if let Some(form) = &app.org.form {
        form_dialog(app, form, theme, frame, area);
    }
}

/// The tab bar; administrators also have the operators, shown chosen when `operators` is.
pub(super) fn tabs(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, operators: bool) {
    let org = &app.org;
    let tab = |t: OrgTab, label: T, n: usize| {
        let text = format!(" {} ({n}) ", app.t(label));
        let style = if org.tab == t && !operators {
            theme.selected
        } else {
            theme.muted
        };
        Span::styled(text, style)
    };
    let line = Line::from(vec![
        Span::raw(" "),
        tab(OrgTab::Leaders, T::OrgTabLeaders, org.leaders.len()),
        Span::raw(" "),
        tab(
            OrgTab::Departments,
            T::OrgTabDepartments,
            org.departments.len(),
        ),
    ]);
    let mut line = line;
    if app.may(Permission::ManageOperators) {
        let style = if operators {
            theme.selected
        } else {
            theme.muted
        };
        let text = format!(" {} ({}) ", app.t(T::OrgTabOperators), app.ops.list.len());
        line.spans.push(Span::raw(" "));
        line.spans.push(Span::styled(text, style));
    }
    line.spans.push(Span::styled(
        format!("   {}", app.t(T::OrgTabsHint)),
        theme.muted,
    ));
    frame.render_widget(Paragraph::new(line), area);
}

/// One list row: whether it is active, then its cells.
struct Entry {
    active: bool,
    cells: Vec<String>,
}

fn entries(app: &App) -> (Vec<T>, Vec<Entry>) {
    let org = &app.org;
    match org.tab {
        OrgTab::Leaders => (
            vec![
                T::OrgColState,
                T::OrgLeaderName,
                T::OrgFieldTitle,
                T::OrgFieldPortfolio,
            ],
            org.leaders
                .iter()
                .map(|l| Entry {
                    active: l.active,
                    cells: vec![l.name.clone(), l.title.clone(), l.portfolio.clone()],
                })
                .collect(),
        ),
        OrgTab::Departments => (
            vec![
                T::OrgColState,
                T::OrgDepartmentName,
                T::OrgFieldContact,
                T::OrgFieldPhone,
            ],
            org.departments
                .iter()
                .map(|d| Entry {
                    active: d.active,
                    cells: vec![
                        d.name.clone(),
                        d.contact.clone(),
                        d.phone.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                    ],
                })
                .collect(),
        ),
    }
}

fn list(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let org = &app.org;
    let title = match org.tab {
        OrgTab::Leaders => T::OrgTabLeaders,
        OrgTab::Departments => T::OrgTabDepartments,
    };
    let block = super::chrome::panel(
        Span::styled(format!(" {} ", app.t(title)), theme.title),
        org.form.is_none(),
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (titles, rows) = entries(app);
    if rows.is_empty() {
        let empty = match org.tab {
            OrgTab::Leaders => T::OrgEmptyLeaders,
            OrgTab::Departments => T::OrgEmptyDepartments,
        };
        frame.render_widget(
            Paragraph::new(Line::styled(app.t(empty), theme.muted)),
            inner,
        );
        return;
    }
    let state_w = [T::OrgColState, T::OrgActive, T::OrgInactive]
        .iter()
        .map(|t| width(app.t(*t)))
        .max()
        .unwrap_or(4);
    // Each column as wide as its widest text where there is room; the last takes the rest.
    let mut wanted = vec![state_w];
    for i in 0..3 {
        let widest = rows
            .iter()
            .map(|r| width(&super::text::one_line(&r.cells[i])))
            .chain([width(app.t(titles[i + 1]))])
            .max()
            .unwrap_or(4);
        wanted.push(widest);
    }
    let widths = super::columns::share(
        &wanted,
        &[state_w, 16, 24, 4],
        usize::from(inner.width),
        Some(3),
    );

    let header = Row::new(
        titles
            .iter()
            .zip(&widths)
            .map(|(t, w)| Cell::from(pad(app.t(*t), *w))),
    )
    .style(theme.label);
    let height = page_rows(app);
    let (offset, selected) = (org.offset(), org.selected());
    let end = rows.len().min(offset + height);
    let body: Vec<Row> = rows[offset.min(end)..end]
        .iter()
        .map(|r| {
            let (mark, style) = if r.active {
                (app.t(T::OrgActive), theme.base)
            } else {
                // Dimmed and marked: without colour (NO_COLOR) the mark still tells.
                (
                    app.t(T::OrgInactive),
                    theme.muted.add_modifier(Modifier::DIM),
                )
            };
            let cells = std::iter::once(mark.to_string())
                .chain(r.cells.iter().map(|c| super::text::one_line(c)))
                .zip(&widths)
                .map(|(text, w)| Cell::from(fit(&text, *w)));
            Row::new(cells).style(style)
        })
        .collect();
    let constraints: Vec<Constraint> = widths
        .iter()
        .map(|w| Constraint::Length(*w as u16))
        .collect();
    let table = Table::new(body, constraints)
        .header(header)
        .column_spacing(1)
        .row_highlight_style(theme.selected);
    let mut state = TableState::default().with_selected(Some(selected.saturating_sub(offset)));
    frame.render_stateful_widget(table, inner, &mut state);
}

fn field_label(tab: OrgTab, field: OrgField) -> T {
    match (tab, field) {
        (OrgTab::Leaders, OrgField::Name) => T::OrgLeaderName,
        (OrgTab::Departments, OrgField::Name) => T::OrgDepartmentName,
        (_, OrgField::Title) => T::OrgFieldTitle,
        (_, OrgField::Portfolio) => T::OrgFieldPortfolio,
        (_, OrgField::Contact) => T::OrgFieldContact,
        (_, OrgField::Phone) => T::OrgFieldPhone,
    }
}

fn form_dialog(app: &App, form: &OrgForm, theme: &Theme, frame: &mut Frame, area: Rect) {
    let popup = centered(area, 72, 12);
    frame.render_widget(Clear, popup);
    let title = match (form.tab, form.editing.is_some()) {
        (OrgTab::Leaders, false) => T::OrgFormAddLeader,
        (OrgTab::Leaders, true) => T::OrgFormEditLeader,
        (OrgTab::Departments, false) => T::OrgFormAddDepartment,
        (OrgTab::Departments, true) => T::OrgFormEditDepartment,
    };
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", app.t(title)), theme.title))
        .border_style(theme.focus_border)
        .style(theme.base);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let fields = form.tab.fields();
    let label_w = fields
        .iter()
        .map(|f| width(app.t(field_label(form.tab, *f))))
        .max()
        .unwrap_or(8)
        + 3;
    let mut y = inner.y;
    for (i, field) in fields.iter().enumerate() {
        if y >= inner.bottom().saturating_sub(1) {
            break;
        }
        let focus = form.focus == i;
        let marker = if focus { "▶ " } else { "  " };
        let label_style = if focus {
            theme.focus_label
        } else {
            theme.label
        };
        let label = format!("{marker}{}", app.t(field_label(form.tab, *field)));
        let row = Rect {
            y,
            height: 1,
            ..inner
        };
        frame.render_widget(
            Paragraph::new(Span::styled(pad(&label, label_w), label_style)),
            row,
        );
        let value_area = Rect {
            x: inner.x + label_w as u16,
            y,
            width: inner.width.saturating_sub(label_w as u16),
            height: 1,
        };
        let value = text_line(
            app,
            theme,
            frame,
            &form.fields[i],
            T::LangName,
            focus,
            value_area,
        );
        frame.render_widget(Paragraph::new(value), value_area);
        y += 1;
        if let Some(e) = form.error(*field) {
            let text = match e {
                FormError::Org(e) => e.localize(app.lang),
                FormError::Phone(e) => e.localize(app.lang),
            };
            let w = usize::from(value_area.width);
            let line = Line::styled(fit(&format!("✗ {text}"), w), theme.error);
            frame.render_widget(Paragraph::new(line), Rect { y, ..value_area });
            y += 1;
        }
        y += 1;
    }
    let keys = Rect {
        y: inner.bottom().saturating_sub(1),
        height: 1,
        ..inner
    };
    let hint = fit(app.t(T::OrgFormKeys), usize::from(inner.width));
    frame.render_widget(
        Paragraph::new(Line::styled(hint, theme.muted)).style(Style::default()),
        keys,
    );
}

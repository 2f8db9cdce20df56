//! One visit in full, beside the petitioner's history and open matters.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table, TableState};

use crate::app::App;
use crate::app::detail::VisitDetail;
use crate::domain::deadline::Urgency;
use crate::domain::petitioner::Sex;
use crate::i18n::{Label, Localize, T};
use crate::theme::Theme;

use super::text::{fit, one_line};

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(d) = app.details.last() else { return };
    let (facts_area, history_area) = if area.width >= 100 {
        let [a, b] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(area);
        (a, b)
    } else {
        let [a, b] = Layout::vertical([Constraint::Fill(3), Constraint::Fill(2)]).areas(area);
        (a, b)
    };
    facts(app, d, theme, frame, facts_area);
    history(app, d, theme, frame, history_area);
}

fn facts(app: &App, d: &VisitDetail, theme: &Theme, frame: &mut Frame, area: Rect) {
    let v = &d.visit;
    let lang = app.lang;
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", lang.f(T::DetailVisit, &[&v.number])),
            theme.title,
        ))
        .border_style(theme.border);
    let p = &v.petitioner;
    let mut lines = vec![
        super::pair(
            app,
            theme,
            T::FieldReceivedAt,
            v.received_at.format("%Y-%m-%d %H:%M").to_string(),
        ),
        super::pair(
            app,
            theme,
            T::FieldChannel,
            v.channel.label(lang).to_string(),
        ),
        super::pair(app, theme, T::FieldKind, v.kind.label(lang).to_string()),
        super::pair(app, theme, T::FieldCategory, v.category.clone()),
    ];
    if let Some(c) = &d.case {
        lines.push(super::pair(
            app,
            theme,
            T::DetailCase,
            format!("{} {}", c.number, c.state.label(lang)),
        ));
    }
    lines.push(super::pair(
        app,
        theme,
        T::DetailReceivedBy,
        v.received_by.clone(),
    ));
    if v.group {
        let reps = v.representatives().join("、");
        lines.push(Line::styled(
            lang.f(T::DetailGroup, &[&v.head_count, &reps]),
            theme.warning,
        ));
    } else if v.head_count > 1 {
        lines.push(super::pair(
            app,
            theme,
            T::FieldHeadCount,
            v.head_count.to_string(),
        ));
    }
    if !v.co_petitioners.is_empty() {
        let names: Vec<&str> = v.co_petitioners.iter().map(|c| c.name.as_str()).collect();
        lines.push(super::pair(
            app,
            theme,
            T::DetailCoPetitioners,
            names.join("、"),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t(T::DetailPetitioner), theme.title));
    let name = match p.sex {
        Sex::Unknown => p.name.clone(),
        sex => format!("{} ({})", p.name, sex.label(lang)),
    };
    lines.push(super::pair(app, theme, T::FieldName, name));
    if let Some(id) = &p.id_number {
        let today = app.clock.today();
        // The birth date is what the mask hides: only the age shows until a reveal.
        let shown = app.id_text(v.petitioner_id, id);
        let born = if shown == id.as_str() {
            lang.f(T::DetailBirth, &[&id.birth_date(), &id.age_on(today)])
        } else {
            lang.f(T::DetailAge, &[&id.age_on(today)])
        };
        let id = shown;
        lines.push(super::pair(
            app,
            theme,
            T::FieldIdNumber,
            format!("{id}  {born}"),
        ));
    }
    if let Some(phone) = &p.phone {
        let phone = app.phone_text(v.petitioner_id, phone);
        lines.push(super::pair(app, theme, T::FieldPhone, phone));
    }
    if !p.address.is_empty() {
        lines.push(super::pair(app, theme, T::FieldAddress, p.address.clone()));
    }
    if let Some(h) = &d.history {
        lines.push(Line::styled(
            lang.f(T::DetailFirstSeen, &[&h.petitioner.first_visit_at.date()]),
            theme.muted,
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t(T::FieldSummary), theme.title));
    lines.extend(
        v.summary
            .lines()
            .map(|l| Line::styled(l.to_string(), theme.input)),
    );
    let width = block.inner(area).width;
    frame.render_widget(
        Paragraph::new(super::wrap::rows(lines, width, false)).block(block),
        area,
    );
}

fn history(app: &App, d: &VisitDetail, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(h) = &d.history else { return };
    let open_lines = h.open_cases.len().max(1) as u16 + 2;
    let [visits_area, cases_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(open_lines.min(area.height / 2)),
    ])
    .areas(area);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", app.lang.f(T::DetailHistory, &[&h.visits.len()])),
            theme.title,
        ))
        .border_style(theme.focus_border);
    let inner = block.inner(visits_area);
    frame.render_widget(block, visits_area);
    let summary_w = usize::from(inner.width.saturating_sub(2 + 11 + 10 + 8 + 4));
    let rows: Vec<Row> = h
        .visits
        .iter()
        .map(|v| {
            let mark = if v.id == d.visit.id { "▶" } else { " " };
            Row::new(vec![
                Cell::from(mark),
                Cell::from(v.number.to_string()),
                Cell::from(v.received_at.date().to_string()),
                Cell::from(fit(v.channel.label(app.lang), 8)),
                Cell::from(fit(&one_line(&v.summary), summary_w)),
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(1),
        Constraint::Length(11),
        Constraint::Length(10),
        Constraint::Length(8),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths)
        .column_spacing(1)
        .row_highlight_style(theme.selected);
    let mut state = TableState::default().with_selected(Some(d.selected));
    frame.render_stateful_widget(table, inner, &mut state);

    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", app.t(T::DetailOpenCases)),
            theme.title,
        ))
        .border_style(theme.border);
    let w = usize::from(cases_area.width.saturating_sub(2));
    let lines: Vec<Line> = if h.open_cases.is_empty() {
        vec![Line::styled(app.t(T::DetailNoOpenCases), theme.muted)]
    } else {
        h.open_cases
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut spans = vec![Span::raw(format!("{} {} ", c.number, c.opened_at.date()))];
                if let Some(Some(clock)) = d.open_clocks.get(i) {
                    let (text, style) = match clock.urgency {
                        Some(u) => (u.localize(app.lang), urgency_style(theme, u)),
                        None => (
                            super::petitioner_time(app, clock.due).to_string(),
                            theme.muted,
                        ),
                    };
                    spans.push(Span::styled(
                        format!("{} {} {text} ", clock.stage.label(app.lang), clock.due),
                        style,
                    ));
                }
                let used: usize = spans.iter().map(|s| super::text::width(&s.content)).sum();
                // A clerk gets no summaries (`app::repeat`): the category says what it is.
                let what = if c.summary.is_empty() {
                    c.category.clone()
                } else {
                    one_line(&c.summary)
                };
                spans.push(Span::raw(fit(&what, w.saturating_sub(used))));
                Line::from(spans)
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines).block(block), cases_area);
}

/// Overdue in the theme's overdue style, due soon or today in its due-soon style.
pub(super) fn urgency_style(theme: &Theme, u: Urgency) -> ratatui::style::Style {
    match u {
        Urgency::Overdue { .. } => theme.overdue,
        Urgency::DueSoon { .. } | Urgency::DueToday => theme.due_soon,
        Urgency::Due { .. } => theme.base,
    }
}

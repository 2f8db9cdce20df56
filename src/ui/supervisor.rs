//! The supervisor view: counts and age of the open matters, the weekly run of visits as a
//! sparkline and the open matters per department as bars; the lists of matters (late, due soon,
//! needing supervision, long-term petitioners, group visits) on the left, each leader's and
//! department's record on the right. The quarter tab shows the quarterly summary. Everything
//! drawn here was computed when the screen opened.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Sparkline};

use crate::app::App;
use crate::app::supervisor::{List, Tab};
use crate::domain::deadline::Urgency;
use crate::domain::statistics::desk::{AGING_BOUNDS, Desk, DeskLine, Tally};
use crate::i18n::{Label, Localize, T};
use crate::theme::Theme;

use super::chrome::framed;
use super::text::{fit, pad, width};

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    render_tabs(app, theme, frame, tabs);
    let Some(desk) = &app.supervisor.desk else {
        return;
    };
    match app.supervisor.tab {
        Tab::Desk => render_desk(app, desk, theme, frame, body),
        Tab::Quarter => super::quarter::render(app, theme, frame, body),
    }
}

fn render_tabs(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let quarter = app
        .supervisor
        .quarter
        .as_ref()
        .map(|(q, _, _)| q.to_string())
        .unwrap_or_default();
    let titles = [
        (Tab::Desk, app.t(T::SupTabDesk).to_string()),
        (Tab::Quarter, app.lang.f(T::SupTabQuarter, &[&quarter])),
    ];
    let mut spans = Vec::new();
    for (tab, title) in titles {
        let style = if tab == app.supervisor.tab {
            theme.selected
        } else {
            theme.label
        };
        spans.push(Span::styled(format!(" {title} "), style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(app.t(T::SupHint), theme.muted));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_desk(app: &App, desk: &Desk, theme: &Theme, frame: &mut Frame, area: Rect) {
    let columns = Layout::horizontal([
        Constraint::Percentage(34),
        Constraint::Percentage(26),
        Constraint::Percentage(40),
    ]);
    // The counts, wrapped to their column, set the top's height: at least the charts' eight
    // rows, at most half the screen, so none of the age buckets is cut off.
    let [counts_width, _, _] = columns.areas(Rect::new(0, 0, area.width, 1));
    let counts_rows = count_rows(app, desk, theme, counts_width.width.saturating_sub(2));
    let height = (counts_rows.len() as u16 + 2).clamp(8, (area.height / 2).max(8));
    let [top, rest] =
        Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(area);
    let [counts, spark, bars] = columns.areas(top);
    let inner = framed(
        frame,
        counts,
        &app.lang.f(T::SupStates, &[&desk.open]),
        false,
        theme,
    );
    frame.render_widget(Paragraph::new(counts_rows), inner);
    let inner = framed(frame, spark, app.t(T::SupWeekly), false, theme);
    let total: u64 = desk.weekly.iter().sum();
    let [line, chart] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(app.lang.f(
            T::SupWeeklyTotal,
            &[&total, desk.weekly.iter().max().unwrap_or(&0)],
        ))
        .style(theme.muted),
        line,
    );
    frame.render_widget(
        Sparkline::default()
            .data(&desk.weekly)
            .style(theme.highlight),
        chart,
    );
    render_bars(app, desk, theme, frame, bars);
    let [lists, tables] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Fill(1)]).areas(rest);
    render_lists(app, desk, theme, frame, lists);
    let [leaders, departments] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Fill(1)]).areas(tables);
    let dir = app.directory();
    let nobody = app.t(T::SupNobody).to_string();
    let leader_rows: Vec<(String, &Tally)> = desk
        .leaders
        .iter()
        .map(|(l, t)| (l.map_or(nobody.clone(), |l| dir.leader_name(l)), t))
        .collect();
    render_tallies(
        app,
        app.t(T::SupLeaders),
        &leader_rows,
        theme,
        frame,
        leaders,
    );
    let dept_rows: Vec<(String, &Tally)> = desk
        .departments
        .iter()
        .map(|(d, t)| (d.map_or(nobody.clone(), |d| dir.department_name(d)), t))
        .collect();
    render_tallies(
        app,
        app.t(T::SupDepartments),
        &dept_rows,
        theme,
        frame,
        departments,
    );
}

/// The matters by state, those gone from the desk, and the open ones by age, as rows of
/// `width` cells.
fn count_rows<'a>(app: &App, desk: &Desk, theme: &Theme, width: u16) -> Vec<Line<'a>> {
    let states: Vec<String> = desk
        .by_state
        .iter()
        .map(|(s, n)| format!("{} {n}", s.label(app.lang)))
        .collect();
    let mut lines = vec![Line::raw(states.join("  "))];
    let left: Vec<String> = desk
        .left
        .iter()
        .map(|(s, n)| format!("{} {n}", s.label(app.lang)))
        .collect();
    if !left.is_empty() {
        lines.push(Line::styled(app.t(T::SupLeft), theme.label));
        lines.push(Line::raw(left.join("  ")));
    }
    lines.push(Line::styled(app.t(T::SupAging), theme.label));
    let mut low = 0;
    let mut buckets = Vec::new();
    for (i, n) in desk.aging.iter().enumerate() {
        let range = match AGING_BOUNDS.get(i) {
            Some(high) => format!("{low}–{high}"),
            None => format!(">{}", AGING_BOUNDS[AGING_BOUNDS.len() - 1]),
        };
        low = AGING_BOUNDS.get(i).map_or(low, |h| h + 1);
        buckets.push(format!("{}:{n}", app.lang.f(T::SupDays, &[&range])));
    }
    lines.push(Line::raw(buckets.join("  ")));
    super::wrap::rows(lines, width, true)
}

fn render_bars(app: &App, desk: &Desk, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner = framed(frame, area, app.t(T::SupDeptBars), false, theme);
    let dir = app.directory();
    let label_width = 14;
    let bars: Vec<Bar> = desk
        .departments
        .iter()
        .filter(|(_, t)| t.pending > 0)
        .take(usize::from(inner.height))
        .map(|(d, t)| {
            let name = d.map_or_else(
                || app.t(T::SupNobody).to_string(),
                |d| dir.department_name(d),
            );
            Bar::default()
                .label(Line::raw(pad(&name, label_width)))
                .value(t.pending)
                .style(if t.overdue > 0 {
                    theme.overdue
                } else {
                    theme.highlight
                })
        })
        .collect();
    let chart = BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, inner);
}

/// The matters of every list as lines, headings between them, and which line is selected.
fn list_lines<'a>(app: &App, desk: &Desk, theme: &Theme, width: usize) -> (Vec<Line<'a>>, usize) {
    let dir = app.directory();
    let selection = app.supervisor.selection();
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let who = |l: &DeskLine| {
        let leader = l.leader.map(|id| dir.leader_name(id)).unwrap_or_default();
        let dept = l
            .department
            .map(|id| dir.department_name(id))
            .unwrap_or_default();
        format!("{} {}", pad(&leader, 8), dept)
    };
    let days = |l: &DeskLine| {
        let u = match l.days_late {
            d if d > 0 => Urgency::Overdue {
                days_late: d as u32,
            },
            0 => Urgency::DueToday,
            d => Urgency::DueSoon {
                days_left: (-d) as u32,
            },
        };
        u.localize(app.lang)
    };
    // Overdue and due-soon rows read alike: number, petitioner, days, who holds it.
    let late_row = |l: &DeskLine| {
        format!(
            "{} {} {} {}",
            l.number,
            pad(&l.petitioner, 8),
            pad(&days(l), 14),
            who(l)
        )
    };
    for list in List::ALL {
        let (title, rows): (String, Vec<(String, Style)>) = match list {
            List::Overdue => (
                app.lang.f(T::SupOverdue, &[&desk.overdue.len()]),
                desk.overdue
                    .iter()
                    .map(|l| (late_row(l), theme.overdue))
                    .collect(),
            ),
            List::DueSoon => (
                app.lang.f(T::SupDueSoon, &[&desk.due_soon.len()]),
                desk.due_soon
                    .iter()
                    .map(|l| (late_row(l), theme.due_soon))
                    .collect(),
            ),
            List::Supervision => (
                app.lang
                    .f(T::SupNeedsSupervision, &[&desk.supervision.len()]),
                desk.supervision
                    .iter()
                    .map(|f| {
                        let signals: Vec<String> =
                            f.signals.iter().map(|s| s.localize(app.lang)).collect();
                        let text = format!(
                            "{} {} {}",
                            f.line.number,
                            pad(&f.line.petitioner, 8),
                            signals.join(";")
                        );
                        (text, theme.base)
                    })
                    .collect(),
            ),
            List::LongTerm => (
                app.lang.f(T::SupLongTerm, &[&desk.long_term.len()]),
                desk.long_term
                    .iter()
                    .map(|l| {
                        let years = app.lang.f(T::SupYears, &[&l.years]);
                        (
                            format!("{} {} {} {years}", l.number, pad(&l.petitioner, 8), l.since),
                            theme.base,
                        )
                    })
                    .collect(),
            ),
            List::Groups => (
                app.lang.f(T::SupGroups, &[&desk.groups.len()]),
                desk.groups
                    .iter()
                    .map(|g| {
                        let people = app.lang.f(T::SupPeople, &[&g.head_count]);
                        let text = format!(
                            "{} {} {} {} {}",
                            g.received_at.format("%Y-%m-%d"),
                            g.number,
                            pad(&g.petitioner, 8),
                            pad(&people, 10),
                            g.category
                        );
                        (text, theme.base)
                    })
                    .collect(),
            ),
        };
        lines.push(Line::styled(title, theme.title));
        if rows.is_empty() {
            lines.push(Line::styled(
                format!("  {}", app.t(T::SupEmpty)),
                theme.muted,
            ));
        }
        for (i, (text, style)) in rows.into_iter().enumerate() {
            let chosen = selection == Some((list, i));
            if chosen {
                selected_line = lines.len();
            }
            let marker = if chosen { "▶ " } else { "  " };
            let style = if chosen { theme.selected } else { style };
            lines.push(Line::styled(fit(&format!("{marker}{text}"), width), style));
        }
    }
    (lines, selected_line)
}

fn render_lists(app: &App, desk: &Desk, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner = framed(frame, area, app.t(T::ScreenSupervisor), true, theme);
    let (lines, selected) = list_lines(app, desk, theme, usize::from(inner.width));
    let height = usize::from(inner.height).max(1);
    // Keep the selected matter in view, a third of the way down once the list scrolls.
    let offset = selected
        .saturating_sub(height / 3)
        .min(lines.len().saturating_sub(height));
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    frame.render_widget(Paragraph::new(visible), inner);
}

fn render_tallies(
    app: &App,
    title: &str,
    rows: &[(String, &Tally)],
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let inner = framed(frame, area, title, false, theme);
    let pct = |p: Option<u32>| p.map_or_else(|| "—".to_string(), |p| format!("{p}%"));
    let name_width = usize::from(inner.width).saturating_sub(4 * 8).clamp(6, 24);
    let head = format!(
        "{}{}{}{}{}",
        pad("", name_width),
        right(app.t(T::SupColPending), 8),
        right(app.t(T::SupColOverdue), 8),
        right(app.t(T::SupColOnTime), 8),
        right(app.t(T::SupColSettled), 8),
    );
    let mut lines = vec![Line::styled(head, theme.label)];
    for (name, t) in rows
        .iter()
        .take(usize::from(inner.height).saturating_sub(2))
    {
        let style = if t.overdue > 0 {
            theme.overdue
        } else {
            theme.base
        };
        lines.push(Line::styled(
            format!(
                "{}{}{}{}{}",
                pad(name, name_width),
                right(&t.pending.to_string(), 8),
                right(&t.overdue.to_string(), 8),
                right(&pct(t.on_time_pct()), 8),
                right(&pct(t.settled_pct()), 8),
            ),
            style,
        ));
    }
    lines.push(Line::styled(app.t(T::SupRatesNote), theme.muted));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `text` right-aligned in `cells` terminal cells.
fn right(text: &str, cells: usize) -> String {
    format!("{}{text}", " ".repeat(cells.saturating_sub(width(text))))
}

//! The week of reception sessions: seven day columns, Monday first, each headed by its weekday
//! and date and marked when it is today, a holiday or a make-up working day; the sessions in
//! their days. Below, the selected session's notice line. Enter shows the session in full
//! with its appointments and queue (`session`).

use chrono::{Datelike, Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::domain::schedule::Session;
use crate::i18n::{Label, T};
use crate::theme::Theme;

use super::text::{fit, pad};

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if app.week.detail {
        super::session::render(app, theme, frame, area);
        return;
    }
    let Some(monday) = app.week.monday else {
        return;
    };
    let [title, grid, notice] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(2),
    ])
    .areas(area);
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    let heading = app.lang.f(T::WeekTitle, &[&monday, &sunday]);
    let line = format!(" {heading}   {}", app.t(T::WeekKeys));
    frame.render_widget(
        Paragraph::new(fit(&line, usize::from(title.width))).style(theme.title),
        title,
    );
    let frame_area = super::chrome::framed(frame, grid, app.t(T::ScreenWeek), true, theme);
    days(app, theme, frame, frame_area, monday);
    selected_line(app, theme, frame, notice);
    if let Some(scroll) = app.week.notice {
        super::notice::render(app, theme, frame, area, scroll);
    }
    if let Some(f) = &app.week.form {
        let form = super::dialog::Form {
            title: app
                .t(if f.editing.is_some() {
                    T::SessionEditTitle
                } else {
                    T::SessionFormTitle
                })
                .to_string(),
            fields: &f.fields,
            focus: f.focus,
            error: f.error.as_deref(),
            keys: T::SessionFormKeys,
        };
        super::dialog::render(app, theme, frame, area, &form);
    }
}

fn days(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, monday: NaiveDate) {
    let names: Vec<&str> = app.t(T::WeekDays).split_whitespace().collect();
    let columns = Layout::horizontal([Constraint::Ratio(1, 7); 7]).split(area);
    let today = app.clock.today();
    for (i, column) in columns.iter().enumerate() {
        let Some(date) = monday.checked_add_days(Days::new(i as u64)) else {
            continue;
        };
        let cells = usize::from(column.width.saturating_sub(1));
        let name = names.get(i).copied().unwrap_or_default();
        let head_style = if date == today {
            theme.highlight
        } else {
            theme.label
        };
        let mut lines = vec![Line::styled(
            pad(&format!("{name} {}", date.format("%m-%d")), cells),
            head_style,
        )];
        lines.push(day_mark(app, theme, date, today, cells));
        lines.push(Line::styled("─".repeat(cells), theme.border));
        for (k, s) in app.week.sessions.iter().enumerate() {
            if s.plan.date == date {
                session_lines(app, theme, s, k == app.week.selected, cells, &mut lines);
            }
        }
        if date.weekday().num_days_from_monday() == 0 && app.week.sessions.is_empty() {
            lines.push(Line::styled(
                fit(app.t(T::WeekNoSessions), cells),
                theme.muted,
            ));
        }
        frame.render_widget(Paragraph::new(lines), *column);
    }
}

/// Today, a holiday by name, or a make-up working day: what a planner must see at once.
fn day_mark(
    app: &App,
    theme: &Theme,
    date: NaiveDate,
    today: NaiveDate,
    cells: usize,
) -> Line<'static> {
    let (text, style) = if let Some(name) = app.calendar.holiday_name(date)
        && !app.calendar.is_working_day(date)
    {
        (app.lang.f(T::WeekHoliday, &[&name]), theme.warning)
    } else if app.calendar.is_make_up_day(date) {
        (app.t(T::WeekMakeUp).to_string(), theme.due_soon)
    } else if date == today {
        (app.t(T::WeekToday).to_string(), theme.highlight)
    } else {
        (String::new(), theme.muted)
    };
    let text = if date == today && !text.contains(app.t(T::WeekToday)) && !text.is_empty() {
        format!("{} {text}", app.t(T::WeekToday))
    } else {
        text
    };
    Line::styled(pad(&text, cells), style)
}

fn session_lines(
    app: &App,
    theme: &Theme,
    s: &Session,
    selected: bool,
    cells: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let style = if selected {
        theme.selected
    } else {
        Style::default()
    };
    let time = format!(
        "{}-{}",
        s.plan.start.format("%H:%M"),
        s.plan.end.format("%H:%M")
    );
    let leader = app.directory().leader_name(s.plan.leader);
    lines.push(Line::styled(pad(&time, cells), style));
    lines.push(Line::styled(pad(&leader, cells), style));
    lines.push(Line::styled(pad(s.plan.mode.label(app.lang), cells), style));
    if !s.appointments.is_empty() || !s.queue.is_empty() {
        let counts = app
            .lang
            .f(T::WeekCounts, &[&s.appointments.len(), &s.queue.len()]);
        lines.push(Line::styled(pad(&counts, cells), style));
    }
    if app.week.clashes.contains(&s.id) {
        lines.push(Line::styled(fit(app.t(T::WeekClash), cells), theme.warning));
    }
    if app.week.swap_from == Some(s.id) {
        lines.push(Line::styled(
            fit(app.t(T::WeekSwapMark), cells),
            theme.highlight,
        ));
    }
    lines.push(Line::raw(""));
}

fn selected_line(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if let Some(entry) = &app.week.entry {
        let label = app.t(T::UnavailableField);
        let value = entry.field.value();
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                ratatui::text::Span::styled(format!(" {label}"), theme.focus_label),
                ratatui::text::Span::styled(value.to_string(), theme.input),
            ])),
            area,
        );
        let x = area.x + (1 + super::text::width(label) + super::text::width(value)) as u16;
        super::field::place_cursor(frame, (x.min(area.x + area.width), area.y));
        return;
    }
    let Some(s) = app.week.selected_session() else {
        return;
    };
    let dir = app.directory();
    let leader = match dir.leader(s.plan.leader) {
        Some(l) => format!("{} {}", l.name, l.title),
        None => dir.leader_name(s.plan.leader),
    };
    let sitting: Vec<String> = s
        .plan
        .sitting_in
        .iter()
        .map(|d| dir.department_name(*d))
        .collect();
    let text = format!(
        " {} {}-{}  {}  {}  {}  {}",
        s.plan.date,
        s.plan.start.format("%H:%M"),
        s.plan.end.format("%H:%M"),
        leader,
        s.plan.place,
        s.plan.mode.label(app.lang),
        sitting.join("、"),
    );
    frame.render_widget(
        Paragraph::new(fit(&text, usize::from(area.width))).style(theme.base),
        area,
    );
}

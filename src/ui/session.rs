//! One reception session in full: the notice fields, its appointments with their slots, the
//! matters a 带案下访 takes along, and the day's queue in calling order.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::domain::schedule::ArrivalState;
use crate::i18n::{Label, T};
use crate::theme::Theme;

use super::text::{fit, pad, width};

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(s) = app.week.selected_session() else {
        return;
    };
    let inner = super::chrome::framed(frame, area, app.t(T::SessionNotice), true, theme);
    let cells = usize::from(inner.width);
    let dir = app.directory();
    let leader = dir.leader(s.plan.leader);
    let none = app.t(T::SessionNone).to_string();
    let or_none = |v: String| if v.is_empty() { none.clone() } else { v };
    let sitting: Vec<String> = s
        .plan
        .sitting_in
        .iter()
        .map(|d| dir.department_name(*d))
        .collect();
    let fields = [
        (T::SessionLeader, dir.leader_name(s.plan.leader)),
        (
            T::SessionTitle,
            or_none(leader.map(|l| l.title.clone()).unwrap_or_default()),
        ),
        (
            T::SessionPortfolio,
            or_none(leader.map(|l| l.portfolio.clone()).unwrap_or_default()),
        ),
        (T::SessionDate, s.plan.date.to_string()),
        (
            T::SessionTime,
            format!(
                "{}-{}",
                s.plan.start.format("%H:%M"),
                s.plan.end.format("%H:%M")
            ),
        ),
        (T::SessionPlace, s.plan.place.clone()),
        (T::SessionMode, s.plan.mode.label(app.lang).to_string()),
        (T::SessionSittingIn, or_none(sitting.join("、"))),
        (T::SessionNote, or_none(s.plan.note.clone())),
    ];
    // Labels as wide as the widest (English ones are longer), within half the panel.
    let label_w = fields
        .iter()
        .map(|(label, _)| *label)
        .chain([T::SessionCarried])
        .map(|label| width(app.t(label)) + 2)
        .max()
        .unwrap_or(14)
        .min(cells / 2);
    let mut lines: Vec<Line> = fields
        .into_iter()
        .map(|(label, value)| {
            Line::from(vec![
                Span::styled(pad(app.t(label), label_w), theme.label),
                Span::raw(fit(&value, cells.saturating_sub(label_w))),
            ])
        })
        .collect();
    if app.week.clashes.contains(&s.id) {
        lines.push(Line::styled(app.t(T::WeekClash), theme.warning));
    }
    if !s.plan.carried.is_empty() {
        let carried: Vec<String> = s
            .plan
            .carried
            .iter()
            .map(|c| app.week.matter_number(*c))
            .collect();
        lines.push(Line::from(vec![
            Span::styled(pad(app.t(T::SessionCarried), label_w), theme.label),
            Span::raw(carried.join("、")),
        ]));
    }
    lines.push(Line::raw(""));
    let capacity = app.settings.reception.capacity;
    lines.push(Line::styled(
        app.lang
            .f(T::SessionAppointments, &[&s.appointments.len(), &capacity]),
        theme.title,
    ));
    if s.appointments.is_empty() {
        lines.push(Line::styled(format!("  {none}"), theme.muted));
    }
    for a in &s.appointments {
        let text = format!(
            "  {}  {}  {}  {}",
            a.slot.format("%H:%M"),
            app.week.matter_number(a.case),
            app.week.appointment_name(a.case),
            a.note
        );
        lines.push(Line::raw(fit(&text, cells)));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t(T::SessionQueue), theme.title));
    let order = s.calling_order();
    if order.is_empty() {
        lines.push(Line::styled(format!("  {none}"), theme.muted));
    }
    let state_w = ArrivalState::ALL
        .iter()
        .map(|st| width(st.label(app.lang)))
        .max()
        .unwrap_or(8);
    for (i, a) in order.into_iter().enumerate() {
        let slot = s
            .slot_of(a)
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_default();
        let text = format!(
            "  {:>3}  {}  {}  {}",
            a.number,
            pad(&a.name, 10),
            pad(a.state.label(app.lang), state_w),
            slot
        );
        let style = if i == app.week.queue_cursor {
            theme.selected
        } else if a.state.closed() {
            theme.muted
        } else {
            theme.base
        };
        lines.push(Line::styled(fit(&text, cells), style));
    }
    lines.push(Line::raw(""));
    if let Some(entry) = &app.week.entry {
        let field = &entry.field;
        let label = match entry.kind {
            crate::app::week::EntryKind::Arrival => app.t(T::ArrivalName),
            crate::app::week::EntryKind::Booking => app.t(T::BookingField),
            crate::app::week::EntryKind::Unavailable => app.t(T::UnavailableField),
        };
        let y = inner.y + lines.len() as u16;
        lines.push(Line::from(vec![
            Span::styled(label, theme.focus_label),
            Span::styled(field.value().to_string(), theme.input),
        ]));
        // The caret where the input method expects it.
        if y < inner.y + inner.height {
            let x =
                inner.x + (super::text::width(label) + super::text::width(field.value())) as u16;
            super::field::place_cursor(frame, (x.min(inner.x + inner.width), y));
        }
    } else {
        lines.push(Line::styled(app.t(T::SessionQueueKeys), theme.muted));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

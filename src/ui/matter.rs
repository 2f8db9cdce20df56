//! One matter: facts and the five ones (五个一) with the clock of the current stage on the
//! left; its visits and the full ledger, in time order, on the right. The action menu and
//! dialog open over it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph};

use crate::app::App;
use crate::app::matter::MatterView;
use crate::domain::deadline::{StageClock, Urgency};
use crate::domain::signals::signals;
use crate::i18n::ledger::describe;
use crate::i18n::{Label, Localize, T};
use crate::theme::Theme;

use super::centered;
use super::chrome::panel;
use super::text::{fit, width};

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some(v) = &app.matter else { return };
    let (left, right) = if area.width >= 100 {
        let [a, b] = Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).areas(area);
        (a, b)
    } else {
        let [a, b] = Layout::vertical([Constraint::Fill(3), Constraint::Fill(2)]).areas(area);
        (a, b)
    };
    facts(app, v, theme, frame, left);
    let visits_h = (v.visits.len() as u16 + 3).min(right.height / 3).max(4);
    let [visits_area, ledger_area] =
        Layout::vertical([Constraint::Length(visits_h), Constraint::Fill(1)]).areas(right);
    visits(app, v, theme, frame, visits_area);
    ledger(app, v, theme, frame, ledger_area);
    if let Some(menu) = &v.menu {
        let items: Vec<String> = menu.items.iter().map(|a| a.title(app, &v.matter)).collect();
        menu_popup(app, theme, frame, area, &items, menu.selected);
    }
    if let Some(d) = &v.dialog {
        let form = super::dialog::Form {
            title: d.action.title(app, &v.matter),
            fields: &d.fields,
            focus: d.focus,
            error: d.error.as_deref(),
            keys: T::ActKeys,
        };
        super::dialog::render(app, theme, frame, area, &form);
    }
}

fn facts(app: &App, v: &MatterView, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let m = &v.matter;
    let c = &m.case;
    let p = &m.package;
    let dir = app.directory();
    let block = panel(
        Span::styled(
            format!(" {} ", lang.f(T::MatterTitle, &[&c.number])),
            theme.title,
        ),
        v.menu.is_none() && v.dialog.is_none(),
        theme,
    );
    let mut lines = vec![
        super::pair(app, theme, T::ColState, c.state.label(lang).to_string()),
        super::pair(
            app,
            theme,
            T::FieldKind,
            format!("{} · {}", c.kind.label(lang), c.category),
        ),
        super::pair(
            app,
            theme,
            T::MatterOpened,
            c.opened_at.format("%Y-%m-%d %H:%M").to_string(),
        ),
    ];
    if let Some(pet) = &v.petitioner {
        let person = &pet.person;
        let mut who = person.name.clone();
        if person.sex != crate::domain::petitioner::Sex::Unknown {
            who = format!("{who} {}", person.sex.label(lang));
        }
        if let Some(phone) = &person.phone {
            who = format!("{who} {}", app.phone_text(pet.id, phone));
        }
        lines.push(super::pair(app, theme, T::ColPetitioner, who));
    }
    lines.push(super::pair(app, theme, T::FieldSummary, c.summary.clone()));
    if p.collective_study {
        lines.push(Line::styled(app.t(T::MatterStudyFlag), theme.warning));
    }
    if p.no_reacceptance {
        lines.push(Line::styled(app.t(T::MatterNoReacceptance), theme.warning));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t(T::MatterFiveOnes), theme.title));
    let holder = p.responsible.map_or_else(
        || app.t(T::MatterNobody).to_string(),
        |l| dir.leader_name(l),
    );
    lines.push(super::pair(app, theme, T::MatterLeader, holder));
    let before = m.previous_holders();
    if !before.is_empty() {
        let names: Vec<String> = before.iter().map(|l| dir.leader_name(*l)).collect();
        lines.push(Line::styled(
            lang.f(T::MatterPreviousHolders, &[&names.join("、")]),
            theme.muted,
        ));
    }
    let team = if p.team.is_empty() {
        app.t(T::MatterNone).to_string()
    } else {
        p.team.join("、")
    };
    lines.push(super::pair(app, theme, T::MatterTeam, team));
    let plan = if p.plan.is_empty() {
        app.t(T::MatterNone).to_string()
    } else {
        p.plan.clone()
    };
    lines.push(super::pair(app, theme, T::MatterPlan, plan));
    lines.extend(clock_lines(app, theme, m));
    if let Some(d) = p.department {
        let mut s = dir.department_name(d);
        if !p.co_departments.is_empty() {
            let co: Vec<String> = p
                .co_departments
                .iter()
                .map(|d| dir.department_name(*d))
                .collect();
            s = lang.f(T::LedgerCoDepartments, &[&s, &co.join("、")]);
        }
        lines.push(super::pair(app, theme, T::ColDepartment, s));
    }
    lines.push(super::pair(
        app,
        theme,
        T::MatterLedgerCount,
        m.ledger.len().to_string(),
    ));
    if !v.appointments.is_empty() {
        let booked: Vec<String> = v
            .appointments
            .iter()
            .map(|(date, slot, leader)| {
                format!(
                    "{date} {} {}",
                    slot.format("%H:%M"),
                    dir.leader_name(*leader)
                )
            })
            .collect();
        lines.push(super::pair(
            app,
            theme,
            T::MatterAppointments,
            booked.join("、"),
        ));
    }
    let width = block.inner(area).width;
    frame.render_widget(
        Paragraph::new(super::wrap::rows(lines, width, false)).block(block),
        area,
    );
}

/// The deadline line of the five ones, with the signals that call for supervision.
fn clock_lines(app: &App, theme: &Theme, m: &crate::domain::matter::Matter) -> Vec<Line<'static>> {
    let lang = app.lang;
    let Some(clock) = StageClock::of(m) else {
        return vec![super::pair(
            app,
            theme,
            T::MatterDeadline,
            app.t(T::MatterNoClock).into(),
        )];
    };
    let today = app.clock.today();
    let mut lines = Vec::new();
    let listed = app.policy.listed_due(&clock, &app.calendar);
    let due = listed.date;
    let mut spans = vec![
        Span::styled(format!("{}:", app.t(T::MatterDeadline)), theme.label),
        Span::styled(
            lang.f(
                T::MatterClock,
                &[&clock.stage.label(lang), &clock.start, &due],
            ),
            theme.input,
        ),
    ];
    if clock.stage.office_duty() {
        let u = app.policy.urgency(due, today);
        let style = match u {
            Urgency::Overdue { .. } => theme.overdue,
            Urgency::Due { .. } => theme.ok,
            _ => theme.due_soon,
        };
        spans.push(Span::styled(format!(" {}", u.localize(lang)), style));
    } else {
        spans.push(Span::styled(
            format!(" {}", super::petitioner_time(app, due)),
            theme.muted,
        ));
    }
    lines.push(Line::from(spans));
    if let Some(gone) = &listed.unknown_tier {
        lines.push(Line::styled(
            lang.f(T::MatterTierGone, &[gone]),
            theme.warning,
        ));
    }
    if let Some(tier) = &clock.tier {
        lines.push(Line::styled(lang.f(T::MatterTier, &[tier]), theme.muted));
    }
    if clock.extension_days > 0 {
        lines.push(Line::styled(
            lang.f(T::MatterExtended, &[&clock.extension_days]),
            theme.muted,
        ));
    }
    let row = crate::domain::pending::MatterRow::of(m, "");
    for s in signals(&row, today, &app.policy, &app.calendar) {
        lines.push(Line::styled(
            format!("⚑ {}", s.localize(lang)),
            theme.warning,
        ));
    }
    lines
}

fn visits(app: &App, v: &MatterView, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let block = panel(
        Span::styled(
            format!(" {} ", lang.f(T::MatterVisits, &[&v.visits.len()])),
            theme.title,
        ),
        false,
        theme,
    );
    let w = usize::from(area.width.saturating_sub(2));
    let items: Vec<ListItem> = v
        .visits
        .iter()
        .rev()
        .map(|(visit, leader)| {
            let mut s = format!(
                "{} {} {}",
                visit.received_at.format("%Y-%m-%d"),
                visit.number,
                visit.channel.label(lang)
            );
            if let Some(l) = leader {
                s = format!(
                    "{s} {}",
                    lang.f(T::MatterReceivedBy, &[&app.directory().leader_name(*l)])
                );
            }
            ListItem::new(fit(&s, w))
        })
        .collect();
    frame.render_widget(List::new(items).block(block).style(theme.base), area);
}

fn ledger(app: &App, v: &MatterView, theme: &Theme, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let block = panel(
        Span::styled(format!(" {} ", app.t(T::MatterLedger)), theme.title),
        false,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = Vec::new();
    for e in v.matter.ledger.iter().skip(v.ledger_offset) {
        let head = format!("{} {} ", e.at.format("%Y-%m-%d %H:%M"), e.by);
        let mut spans = vec![
            Span::styled(head, theme.muted),
            Span::styled(describe(&e.what, lang, &app.directory()), theme.input),
        ];
        if !e.note.is_empty() {
            spans.push(Span::styled(format!(" ({})", e.note), theme.label));
        }
        lines.push(Line::from(spans));
        // Wrapped entries take more than one line; never build more than a screenful.
        if lines.len() >= usize::from(inner.height) {
            break;
        }
    }
    frame.render_widget(
        Paragraph::new(super::wrap::rows(lines, inner.width, false)),
        inner,
    );
}

fn menu_popup(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    items: &[String],
    selected: usize,
) {
    let w = items.iter().map(|s| width(s)).max().unwrap_or(10).max(16) as u16 + 6;
    let popup = centered(area, w, items.len() as u16 + 3);
    frame.render_widget(Clear, popup);
    let block = panel(
        Span::styled(format!(" {} ", app.t(T::ActMenuTitle)), theme.title),
        true,
        theme,
    )
    .style(theme.base);
    let list = List::new(items.iter().map(|s| ListItem::new(s.clone())))
        .block(block)
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(list, popup, &mut state);
}

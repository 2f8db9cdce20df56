//! The intake's repeat panel: earlier petitioners who may be the person at the window, as the
//! operator's role may see them (`app::repeat` says what each role sees and why).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::repeat::RepeatEntry;
use crate::domain::case::Case;
use crate::domain::permission::Role;
use crate::i18n::{Label, T};
use crate::theme::Theme;

use super::text::{fit, one_line};

pub(super) fn matches_panel(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let form = &app.intake;
    let focused = form.match_cursor.is_some();
    let title = format!(" {} (F6) ", app.t(T::RepeatTitle));
    let block = super::chrome::panel(Span::styled(title, theme.title), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(warning) = crate::app::reacceptance::warning(app) {
        lines.push(Line::styled(warning, theme.warning));
    }
    if !app.db_ready() {
        lines.push(Line::styled(app.t(T::DbOpening), theme.muted));
    } else if let Some(linked) = &form.linked {
        let name = &linked.found.petitioner.person.name;
        lines.push(Line::styled(
            fit(&app.lang.f(T::RepeatChosen, &[name]), w),
            theme.ok,
        ));
        entry_lines(app, theme, linked, false, w, &mut lines);
    } else if form.matches.is_empty() {
        let blank = form.name.is_empty() && form.id_number.is_empty() && form.phone.is_empty();
        let text = if blank {
            app.t(T::RepeatWaiting).to_string()
        } else if form.same_name > 0 {
            app.lang.f(T::RepeatSameNameOnly, &[&form.same_name])
        } else {
            app.t(T::RepeatNone).to_string()
        };
        lines.push(Line::styled(text, theme.muted));
    } else {
        for (i, e) in form.matches.iter().enumerate() {
            entry_lines(app, theme, e, form.match_cursor == Some(i), w, &mut lines);
            lines.push(Line::raw(""));
        }
        if !focused {
            lines.push(Line::styled(
                fit(app.t(T::RepeatChooseHint), w),
                theme.muted,
            ));
        }
    }
    frame.render_widget(
        Paragraph::new(super::wrap::rows(lines, inner.width, false)),
        inner,
    );
}

fn entry_lines(
    app: &App,
    theme: &Theme,
    e: &RepeatEntry,
    selected: bool,
    w: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let p = &e.found.petitioner;
    let id = p
        .person
        .id_number
        .as_ref()
        .map_or_else(String::new, |i| app.id_text(p.id, i));
    let phone = p
        .person
        .phone
        .as_ref()
        .map_or_else(String::new, |ph| app.phone_text(p.id, ph));
    let head = format!("{} {} {}", p.person.name, id, phone);
    let head_style = if selected {
        theme.selected
    } else {
        theme.highlight
    };
    lines.push(Line::styled(fit(&head, w), head_style));
    let reasons: Vec<&str> = e.found.reasons.iter().map(|r| r.label(app.lang)).collect();
    lines.push(Line::styled(fit(&reasons.join("、"), w), theme.warning));
    // A clerk's panel identifies the person and no more (`app::repeat`).
    if !p.person.address.is_empty() && app.role() != Some(Role::Clerk) {
        lines.push(Line::styled(fit(&p.person.address, w), theme.base));
    }
    let last = p.last_visit_at.date().to_string();
    lines.push(Line::styled(
        fit(&app.lang.f(T::RepeatVisits, &[&p.visit_count, &last]), w),
        theme.base,
    ));
    if !e.open_cases.is_empty() || e.confidential > 0 {
        lines.push(Line::styled(app.t(T::RepeatOpenCases), theme.label));
        for c in &e.open_cases {
            lines.push(Line::raw(fit(&format!("  {}", case_line(app, c)), w)));
        }
        if e.confidential > 0 {
            lines.push(Line::styled(
                fit(
                    &format!(
                        "  {}",
                        app.lang.f(T::RepeatConfidential, &[&e.confidential])
                    ),
                    w,
                ),
                theme.muted,
            ));
        }
    }
}

/// An open matter in one line: its summary, or for a clerk (who gets none) its category and
/// state.
pub(super) fn case_line(app: &App, c: &Case) -> String {
    if c.summary.is_empty() {
        format!("{} {} {}", c.number, c.category, c.state.label(app.lang))
    } else {
        format!("{} {}", c.number, one_line(&c.summary))
    }
}

//! The intake form and, beside it, what the desk already knows about this person.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::App;
use crate::app::co_petitioner::{CoDialog, CoField};
use crate::app::intake::IntakeForm;
use crate::domain::intake::Field;
use crate::i18n::{Label, Localize, T};
use crate::theme::Theme;

use super::centered;
use super::field::text_line;
use super::text::{fit, pad, width};

/// Lines the request (诉求) box takes.
const SUMMARY_LINES: u16 = 4;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let (form_area, panel_area) = if area.width >= 96 {
        let [f, p] = Layout::horizontal([Constraint::Fill(3), Constraint::Fill(2)]).areas(area);
        (f, p)
    } else {
        let [f, p] = Layout::vertical([Constraint::Fill(1), Constraint::Length(7)]).areas(area);
        (f, p)
    };
    form(app, theme, frame, form_area);
    super::repeat::matches_panel(app, theme, frame, panel_area);
    if let Some(dialog) = &app.intake.co_dialog {
        co_dialog(app, dialog, theme, frame, area);
    }
}

/// One row of the form: a field's line(s) and, under it, its error.
struct Row {
    field: Field,
    height: u16,
}

fn form_focus(form: &IntakeForm) -> bool {
    form.co_dialog.is_none() && form.match_cursor.is_none()
}

fn form(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let form = &app.intake;
    let focused = form_focus(form);
    let mut title = vec![Span::styled(
        format!(" {} ", app.t(T::IntakeTitle)),
        theme.title,
    )];
    if let Some(l) = &form.linked {
        title.push(Span::styled(
            format!(
                "{} ",
                app.lang.f(T::IntakeLinked, &[&l.found.petitioner.id.0])
            ),
            theme.highlight,
        ));
    }
    let block = super::chrome::panel(Line::from(title), focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let label_w = Field::ALL
        .iter()
        .map(|f| width(f.label(app.lang)))
        .max()
        .unwrap_or(8)
        + 3;
    let value_x = inner.x + label_w as u16;
    let value_w = usize::from(inner.width.saturating_sub(label_w as u16 + 1));

    let rows: Vec<Row> = Field::ALL
        .iter()
        .map(|&field| {
            let body = if field == Field::Summary {
                SUMMARY_LINES
            } else {
                1
            };
            Row {
                field,
                height: body + u16::from(form.error(field).is_some()),
            }
        })
        .collect();
    // Scroll in whole rows so the focused field is always fully visible.
    let focus_idx = rows.iter().position(|r| r.field == form.focus).unwrap_or(0);
    let mut first = 0;
    while first < focus_idx
        && rows[first..=focus_idx]
            .iter()
            .map(|r| r.height)
            .sum::<u16>()
            > inner.height
    {
        first += 1;
    }
    if first > 0 {
        // On the top border, so scrolling never costs a field row.
        let more = app.t(T::MoreAbove);
        let w = (width(more) as u16).min(area.width.saturating_sub(4));
        frame.render_widget(
            Paragraph::new(more).style(theme.muted),
            Rect {
                x: area.right().saturating_sub(w + 2),
                y: area.y,
                width: w,
                height: 1,
            },
        );
    }
    let mut y = inner.y;
    let mut picker_at = None;
    for row in &rows[first..] {
        if y + row.height > inner.bottom() {
            if y < inner.bottom() {
                let more = Paragraph::new(app.t(T::MoreBelow)).style(theme.muted);
                frame.render_widget(
                    more,
                    Rect {
                        x: inner.x,
                        y,
                        width: inner.width,
                        height: 1,
                    },
                );
            }
            break;
        }
        let is_focus = focused && row.field == form.focus;
        let marker = if is_focus { "▶ " } else { "  " };
        let label_style = if is_focus {
            theme.focus_label
        } else {
            theme.label
        };
        let label = Span::styled(
            pad(&format!("{marker}{}", row.field.label(app.lang)), label_w),
            label_style,
        );
        frame.render_widget(
            Paragraph::new(Line::from(label)),
            Rect {
                x: inner.x,
                y,
                width: inner.width,
                height: 1,
            },
        );
        let value_area = Rect {
            x: value_x,
            y,
            width: value_w as u16,
            height: row.height,
        };
        field_value(app, theme, frame, row.field, is_focus, value_area);
        if is_focus && row.field == Field::ReceivingLeader {
            picker_at = Some(value_area);
        }
        if let Some(e) = form.error(row.field) {
            let line = Line::styled(
                fit(&format!("✗ {}", e.localize(app.lang)), value_w),
                theme.error,
            );
            let err_y = y + row.height - 1;
            frame.render_widget(
                Paragraph::new(line),
                Rect {
                    x: value_x,
                    y: err_y,
                    width: value_w as u16,
                    height: 1,
                },
            );
        }
        y += row.height;
    }
    // Over the rows below, so drawn last.
    if let Some(under) = picker_at {
        super::leader_pick::dropdown(app, theme, frame, under, inner.bottom());
    }
}

fn field_value(app: &App, theme: &Theme, frame: &mut Frame, field: Field, focus: bool, area: Rect) {
    let form = &app.intake;
    let line_area = Rect { height: 1, ..area };
    let w = usize::from(area.width);
    let choice = |text: String| -> Line<'static> {
        if focus {
            Line::from(vec![
                Span::styled("‹ ", theme.muted),
                Span::styled(text, theme.input),
                Span::styled(" ›", theme.muted),
            ])
        } else {
            Line::styled(text, theme.input)
        }
    };
    let line = match field {
        Field::Channel => choice(form.channel.label(app.lang).to_string()),
        Field::Sex => choice(form.sex.label(app.lang).to_string()),
        Field::Kind => choice(form.kind.label(app.lang).to_string()),
        Field::Category => choice(
            app.settings
                .categories
                .get(form.category)
                .cloned()
                .unwrap_or_default(),
        ),
        Field::Case => {
            let text = match form.case_choice {
                0 => app.t(T::CaseNew).to_string(),
                i => form
                    .case_options()
                    .get(i - 1)
                    .map_or_else(String::new, |c| {
                        app.lang
                            .f(T::CaseJoin, &[&super::repeat::case_line(app, c)])
                    }),
            };
            choice(fit(&text, w.saturating_sub(4)))
        }
        Field::CoPetitioners => co_line(app, theme, focus),
        Field::ReceivingLeader => super::leader_pick::line(app, theme, frame, focus, line_area),
        Field::Summary => {
            return summary(
                app,
                theme,
                frame,
                focus,
                Rect {
                    height: SUMMARY_LINES,
                    ..area
                },
            );
        }
        Field::HeadCount => {
            let mut line = text_line(
                app,
                theme,
                frame,
                &form.head_count,
                T::HintHeadCount,
                focus,
                line_area,
            );
            if group_visit(app) {
                line.push_span(Span::styled(
                    format!("  {}", app.t(T::GroupVisit)),
                    theme.warning,
                ));
            }
            line
        }
        Field::ReceivedAt => text_line(
            app,
            theme,
            frame,
            &form.received_at,
            T::HintReceivedAt,
            focus,
            line_area,
        ),
        Field::Name | Field::IdNumber | Field::Phone | Field::Address => {
            let Some(f) = form.text_field_ref(field) else {
                return;
            };
            text_line(app, theme, frame, f, T::LangName, focus, line_area)
        }
    };
    frame.render_widget(Paragraph::new(line), line_area);
}

/// Whether the numbers typed make this a group visit under the office's threshold.
fn group_visit(app: &App) -> bool {
    let form = &app.intake;
    let people = 1 + form.co_petitioners.len() as u32;
    let typed = crate::domain::text::fold_fullwidth(form.head_count.value())
        .trim()
        .parse()
        .unwrap_or(people);
    typed.max(people) >= app.settings.group_threshold
}

fn co_line(app: &App, theme: &Theme, focus: bool) -> Line<'static> {
    let form = &app.intake;
    if form.co_petitioners.is_empty() {
        return Line::styled(app.t(T::HintCoPetitioners).to_string(), theme.placeholder);
    }
    let mut spans = vec![Span::styled(
        format!(
            "{}  ",
            app.lang.f(T::CoCount, &[&form.co_petitioners.len()])
        ),
        theme.muted,
    )];
    for (i, c) in form.co_petitioners.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("、"));
        }
        let mut text = c.name.clone();
        if c.representative {
            text.push_str(&format!("({})", app.t(T::Representative)));
        }
        let style = if focus && i == form.co_selected {
            theme.selected
        } else {
            theme.input
        };
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

fn summary(app: &App, theme: &Theme, frame: &mut Frame, focus: bool, area: Rect) {
    // The textarea puts its cursor cell before the placeholder; unfocused, that cell is just a
    // gap, so the hint is drawn in line with the other fields' hints instead.
    if !focus && app.intake.summary.is_empty() {
        let hint = Line::styled(app.t(T::HintSummary).to_string(), theme.placeholder);
        frame.render_widget(hint, area);
        return;
    }
    // The form owns the text; drawing a styled copy keeps the view free of state changes.
    let mut ta = app.intake.summary.clone();
    ta.set_style(theme.input);
    ta.set_cursor_line_style(Style::default());
    ta.set_cursor_style(if focus {
        theme.input.add_modifier(Modifier::REVERSED)
    } else {
        theme.input
    });
    ta.set_placeholder_text(app.t(T::HintSummary));
    ta.set_placeholder_style(theme.placeholder);
    frame.render_widget(&ta, area);
    if focus && app.overlay.is_none() {
        let sc = ta.screen_cursor();
        let (top, left) = ta.scroll_offset();
        let row = sc.row.saturating_sub(usize::from(top)) as u16;
        let col = sc.col.saturating_sub(usize::from(left)) as u16;
        super::field::place_cursor(
            frame,
            Position {
                x: area.x + col.min(area.width.saturating_sub(1)),
                y: area.y + row.min(area.height.saturating_sub(1)),
            },
        );
    }
}

fn co_dialog(app: &App, d: &CoDialog, theme: &Theme, frame: &mut Frame, area: Rect) {
    let popup = centered(area, 60, 12);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", app.t(T::CoTitle)),
            theme.title,
        ))
        .border_style(theme.focus_border)
        .style(theme.base);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let rows: [(CoField, Field, T); 4] = [
        (CoField::Name, Field::Name, T::FieldName),
        (CoField::IdNumber, Field::IdNumber, T::FieldIdNumber),
        (CoField::Phone, Field::Phone, T::FieldPhone),
        (
            CoField::Representative,
            Field::CoPetitioners,
            T::CoRepresentative,
        ),
    ];
    let label_w = rows
        .iter()
        .map(|(_, _, t)| width(app.t(*t)))
        .max()
        .unwrap_or(8)
        + 3;
    let mut y = inner.y;
    for (cf, field, label) in rows {
        if y >= inner.bottom() {
            break;
        }
        let focus = d.focus == cf;
        let label_style = if focus {
            theme.focus_label
        } else {
            theme.label
        };
        let marker = if focus { "▶ " } else { "  " };
        let line_area = Rect {
            x: inner.x,
            y,
            width: inner.width,
            height: 1,
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                pad(&format!("{marker}{}", app.t(label)), label_w),
                label_style,
            )),
            line_area,
        );
        let value_area = Rect {
            x: inner.x + label_w as u16,
            y,
            width: inner.width.saturating_sub(label_w as u16),
            height: 1,
        };
        let value = match cf {
            CoField::Name => text_line(app, theme, frame, &d.name, T::LangName, focus, value_area),
            CoField::IdNumber => text_line(
                app,
                theme,
                frame,
                &d.id_number,
                T::LangName,
                focus,
                value_area,
            ),
            CoField::Phone => {
                text_line(app, theme, frame, &d.phone, T::LangName, focus, value_area)
            }
            CoField::Representative => {
                let text = app.t(if d.representative { T::Yes } else { T::No });
                Line::styled(
                    if focus {
                        format!("‹ {text} ›")
                    } else {
                        text.to_string()
                    },
                    theme.input,
                )
            }
        };
        frame.render_widget(Paragraph::new(value), value_area);
        y += 1;
        if let Some(e) = d.error(field).filter(|_| cf != CoField::Representative) {
            if y < inner.bottom() {
                let text = fit(
                    &format!("✗ {}", e.localize(app.lang)),
                    usize::from(value_area.width),
                );
                frame.render_widget(
                    Paragraph::new(Line::styled(text, theme.error)),
                    Rect { y, ..value_area },
                );
            }
            y += 1;
        }
    }
    let keys_area = Rect {
        x: inner.x,
        y: inner.bottom().saturating_sub(1),
        width: inner.width,
        height: 1,
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(app.t(T::CoKeys), usize::from(inner.width)),
            theme.muted,
        )),
        keys_area,
    );
}

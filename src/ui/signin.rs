//! The sign-in screen (login code and PIN, the PIN as dots, the wait after wrong PINs counting
//! down) and the first start's administrator form. Neither shows anything of a petitioner.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::App;
use crate::app::field::TextField;
use crate::app::first_admin::{FIELDS, FirstAdminForm};
use crate::domain::permission::Role;
use crate::i18n::{Label, T};
use crate::theme::Theme;

use super::centered;
use super::field::text_line;
use super::text::{pad, width};

/// The demo database's operators, as `demo::operators` creates them.
const DEMO: [(&str, Role); 4] = [
    ("demo-admin", Role::Administrator),
    ("demo-clerk", Role::Clerk),
    ("demo-secretary", Role::Secretary),
    ("demo-supervisor", Role::Supervisor),
];

/// A PIN field: a dot per digit typed, the cursor after the last.
pub fn secret_line(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    f: &TextField,
    focus: bool,
    area: Rect,
) -> Line<'static> {
    let n = f.value().chars().count();
    if focus && app.overlay.is_none() {
        let x = area.x + (n as u16).min(area.width.saturating_sub(1));
        super::field::place_cursor(frame, Position { x, y: area.y });
    }
    let style = if focus {
        theme.input.add_modifier(Modifier::UNDERLINED)
    } else {
        theme.input
    };
    Line::styled("•".repeat(n), style)
}

/// One labelled field of a small form, at row `y`.
#[allow(clippy::too_many_arguments)]
pub fn field_row(
    app: &App,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    label: &str,
    label_w: usize,
    focus: bool,
    value: FieldValue<'_>,
) {
    let marker = if focus { "▶ " } else { "  " };
    let style = if focus {
        theme.focus_label
    } else {
        theme.label
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            pad(&format!("{marker}{label}"), label_w),
            style,
        )),
        area,
    );
    let value_area = Rect {
        x: area.x + label_w as u16,
        width: area.width.saturating_sub(label_w as u16),
        ..area
    };
    let line = match value {
        FieldValue::Text(f) => text_line(app, theme, frame, f, T::LangName, focus, value_area),
        FieldValue::Secret(f) => secret_line(app, theme, frame, f, focus, value_area),
        FieldValue::Choice(text) => {
            let style = if focus { theme.selected } else { theme.input };
            Line::styled(format!("◀ {text} ▶"), style)
        }
    };
    frame.render_widget(Paragraph::new(line), value_area);
}

pub enum FieldValue<'a> {
    Text(&'a TextField),
    Secret(&'a TextField),
    Choice(String),
}

fn row(inner: Rect, y: u16) -> Rect {
    Rect {
        y,
        height: 1,
        ..inner
    }
}

fn framed(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, title: T, h: u16) -> Rect {
    let popup = centered(area, 64, h);
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", app.t(title)), theme.title))
        .border_style(theme.focus_border);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    inner
}

pub fn render_sign_in(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let s = &app.signin;
    let height = if s.demo_list { 15 } else { 9 };
    let inner = framed(app, theme, frame, area, T::SignInTitle, height);
    let label_w = [T::SignInCode, T::SignInPin]
        .iter()
        .map(|t| width(app.t(*t)))
        .max()
        .unwrap_or(8)
        + 3;
    let code = FieldValue::Text(&s.code);
    let pin = FieldValue::Secret(&s.pin);
    let code_label = app.t(T::SignInCode);
    field_row(
        app,
        theme,
        frame,
        row(inner, inner.y),
        code_label,
        label_w,
        s.focus == 0,
        code,
    );
    let pin_label = app.t(T::SignInPin);
    field_row(
        app,
        theme,
        frame,
        row(inner, inner.y + 2),
        pin_label,
        label_w,
        s.focus == 1,
        pin,
    );
    let mut lines = Vec::new();
    // While the wait runs, the countdown replaces the reason.
    match (s.wait_secs(app.clock.now()), &s.error) {
        (Some(secs), _) => lines.push(Line::styled(
            app.lang.f(T::SignInWait, &[&secs]),
            theme.error,
        )),
        (None, Some(e)) => lines.push(Line::styled(e.clone(), theme.error)),
        (None, None) if s.when_open => {
            lines.push(Line::styled(app.t(T::SignInWhenOpen), theme.muted))
        }
        (None, None) => lines.push(Line::raw("")),
    }
    if s.demo_list {
        lines.push(Line::raw(""));
        lines.push(Line::styled(app.t(T::SignInDemoTitle), theme.title));
        for (code, role) in DEMO {
            lines.push(Line::raw(format!("  {code:<16} {}", role.label(app.lang))));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(app.t(T::SignInKeys), theme.muted));
    let rest = Rect {
        y: inner.y + 4,
        height: inner.height.saturating_sub(4),
        ..inner
    };
    frame.render_widget(
        Paragraph::new(super::wrap::rows(lines, rest.width, false)),
        rest,
    );
}

pub fn render_first_admin(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let f = &app.first_admin;
    let inner = framed(app, theme, frame, area, T::FirstAdminTitle, 16);
    let intro = Line::styled(app.t(T::FirstAdminIntro), theme.muted);
    let intro = Paragraph::new(super::wrap::rows([intro], inner.width, false));
    frame.render_widget(intro, Rect { height: 2, ..inner });
    let label_w = FIELDS.iter().map(|t| width(app.t(*t))).max().unwrap_or(8) + 3;
    for (i, label) in FIELDS.iter().enumerate() {
        let value = if FirstAdminForm::secret(i) {
            FieldValue::Secret(&f.fields[i])
        } else {
            FieldValue::Text(&f.fields[i])
        };
        let y = inner.y + 3 + 2 * i as u16;
        field_row(
            app,
            theme,
            frame,
            row(inner, y),
            app.t(*label),
            label_w,
            f.focus == i,
            value,
        );
    }
    let mut lines = vec![match &f.error {
        Some(e) => Line::styled(format!("✗ {e}"), theme.error),
        None => Line::raw(""),
    }];
    lines.push(Line::styled(app.t(T::FirstAdminKeys), theme.muted));
    let rest = Rect {
        y: inner.y + 11,
        height: inner.height.saturating_sub(11),
        ..inner
    };
    frame.render_widget(
        Paragraph::new(super::wrap::rows(lines, rest.width, false)),
        rest,
    );
}

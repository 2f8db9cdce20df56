//! The first screen of an empty database.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Gauge, Paragraph};

use crate::app::App;
use crate::i18n::T;
use crate::theme::Theme;

use super::centered;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let popup = centered(area, 72, 11);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", app.t(T::AppTitle)),
            theme.title,
        ))
        .border_style(theme.focus_border);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let choice = |i: usize, text: String| {
        let selected = app.start.choice == i && app.start.loading.is_none();
        let marker = if selected { "▶ " } else { "  " };
        Line::styled(
            format!("{marker}{text}"),
            if selected { theme.selected } else { theme.base },
        )
    };
    let lines = vec![
        Line::styled(app.t(T::StartEmpty), theme.title),
        Line::styled(
            app.lang.f(T::StartPath, &[&app.db_path.display()]),
            theme.muted,
        ),
        Line::raw(""),
        choice(0, app.lang.f(T::StartDemo, &[&app.demo_visits])),
        choice(1, app.t(T::StartEmptyChoice).to_string()),
        Line::raw(""),
        Line::styled(app.t(T::StartKeys), theme.muted),
    ];
    frame.render_widget(
        Paragraph::new(super::wrap::rows(lines, inner.width, false)),
        inner,
    );
    if let Some((done, total)) = app.start.loading {
        let ratio = if total == 0 {
            0.0
        } else {
            (done as f64 / total as f64).clamp(0.0, 1.0)
        };
        let gauge = Gauge::default()
            .gauge_style(theme.ok)
            .ratio(ratio)
            .label(app.lang.f(T::DemoLoading, &[&done, &total]));
        let y = inner.bottom().saturating_sub(1);
        frame.render_widget(
            gauge,
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
    }
}

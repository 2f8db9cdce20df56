//! The week's public notice (接访公示) on screen, F9 on the week: the same text `xfdesk notice`
//! prints, with the Markdown marks taken off and the headings in bold, scrolled with ↑/↓.

use chrono::Days;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::app::App;
use crate::document::notice::notice_text;
use crate::i18n::T;
use crate::theme::Theme;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, scroll: u16) {
    let Some(monday) = app.week.monday else {
        return;
    };
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    let dir = app.directory();
    let text = notice_text(
        &app.week.sessions,
        dir.leaders,
        dir.departments,
        (monday, sunday),
        app.lang,
    );
    let mut lines = text.lines();
    let title = lines
        .next()
        .map(|l| l.trim_start_matches("# ").to_string())
        .unwrap_or_default();
    let body: Vec<Line> = lines
        .map(|l| match l.strip_prefix("## ") {
            Some(heading) => Line::from(Span::styled(heading.to_string(), theme.title)),
            None => Line::from(
                l.strip_prefix("- ")
                    .map_or(l.to_string(), |r| format!("  {r}")),
            ),
        })
        .collect();
    // The whole body: a popup edge beside a double-width character would split it.
    let popup = area;
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), theme.title))
        .title_bottom(Span::styled(
            format!(" {} ", app.t(T::NoticeKeys)),
            theme.key_label,
        ))
        .border_style(theme.focus_border)
        .style(theme.base);
    let width = block.inner(popup).width;
    frame.render_widget(
        Paragraph::new(super::wrap::rows(body, width, false))
            .block(block)
            .scroll((scroll, 0)),
        popup,
    );
}

//! The supervisor view's quarter tab: this quarter's summary beside the quarter before, in
//! one or two columns as the width allows, from figures computed when the view opened.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::i18n::T;
use crate::i18n::statistics::{self, QUARTER_TOP, Shown};
use crate::theme::Theme;

use super::chrome::framed;
use super::text::pad;

pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Some((quarter, now, before)) = &app.supervisor.quarter else {
        return;
    };
    // The frame's inside, drawn once its title (which may say it scrolls) is known.
    let inner = ratatui::widgets::Block::bordered().inner(area);
    let dir = app.directory();
    let name = |d| dir.department_name(d);
    let lines = statistics::lines(
        now,
        before.as_ref(),
        &name,
        Shown::Top(QUARTER_TOP),
        app.lang,
    );
    let heads = [
        app.t(T::StatColItem),
        app.t(T::StatColValue),
        app.t(T::StatColPrevious),
        app.t(T::StatColChange),
    ];
    let widths = [28, 8, 8, 8];
    let row = |cells: [&str; 4]| {
        cells
            .iter()
            .zip(widths)
            .map(|(c, w)| pad(c, w))
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Two columns of items when the screen is wide enough, so a quarter fits on one page.
    let column_width = widths.iter().sum::<usize>() + 4;
    let columns = (usize::from(inner.width) / (column_width + 2)).clamp(1, 2);
    let mut out: Vec<Vec<Line>> = vec![Vec::new(); columns];
    let per_column = lines.len().div_ceil(columns) + 1;
    let mut section = String::new();
    let mut col = 0;
    for l in &lines {
        if out[col].len() >= usize::from(inner.height).min(per_column + 8) && col + 1 < columns {
            col += 1;
        }
        if l.section != section {
            out[col].push(Line::styled(l.section.clone(), theme.title));
            if out[col].len() == 1 {
                out[col].push(Line::styled(row(heads), theme.label));
            }
            section = l.section.clone();
        }
        let previous = l.previous.clone().unwrap_or_default();
        let change = l.change.clone().unwrap_or_default();
        out[col].push(Line::raw(row([&l.item, &l.value, &previous, &change])));
    }
    // A terminal too short for the tab scrolls it with ↑/↓, and the title says so.
    let longest = out.iter().map(Vec::len).max().unwrap_or(0);
    let overflow = longest.saturating_sub(usize::from(inner.height));
    let scroll = usize::from(app.supervisor.quarter_scroll).min(overflow);
    let title = if overflow > 0 {
        app.lang
            .f(T::StatScroll, &[&quarter, &(scroll + 1), &(overflow + 1)])
    } else {
        quarter.to_string()
    };
    framed(frame, area, &title, false, theme);
    let areas = Layout::horizontal(vec![Constraint::Fill(1); columns]).split(inner);
    for (lines, area) in out.into_iter().zip(areas.iter()) {
        frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), *area);
    }
}

//! Views: pure functions of the app's state. They read `App` and the theme, draw, and place the
//! terminal cursor at the caret of the focused field; they never change state or do I/O.

mod chrome;
mod columns;
mod detail;
mod dialog;
mod field;
mod intake;
mod leader_pick;
mod ledger;
mod matter;
mod matters;
mod notice;
mod operators;
mod org;
mod overlay;
mod quarter;
mod repeat;
mod session;
mod signin;
mod start;
mod supervisor;
pub mod text;
mod visits;
mod week;
pub mod wrap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::{App, DbStatus, Screen};
use crate::i18n::T;
use crate::theme::Theme;

/// Below this the screen shows only a request to enlarge the terminal.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

pub fn view(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(Block::default().style(theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let lines = wrap::rows([Line::raw(app.t(T::TooSmall))], area.width, false);
        frame.render_widget(Paragraph::new(lines).style(theme.warning), area);
        return;
    }
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::header(app, theme, frame, header);
    if let DbStatus::Failed(reason) = &app.db {
        failed(app, theme, frame, body, reason);
    } else {
        match app.screen {
            Screen::Start => start::render(app, theme, frame, body),
            Screen::Intake => intake::render(app, theme, frame, body),
            Screen::Visits => visits::render(app, theme, frame, body),
            Screen::Detail => detail::render(app, theme, frame, body),
            Screen::Matters => matters::render(app, theme, frame, body),
            Screen::Matter => matter::render(app, theme, frame, body),
            Screen::Organisation => org::render(app, theme, frame, body),
            Screen::Ledger => ledger::render(app, theme, frame, body),
            Screen::Operators => operators::render(app, theme, frame, body),
            Screen::Supervisor => supervisor::render(app, theme, frame, body),
            Screen::Week => week::render(app, theme, frame, body),
            Screen::SignIn => signin::render_sign_in(app, theme, frame, body),
            Screen::FirstAdmin => signin::render_first_admin(app, theme, frame, body),
        }
    }
    chrome::status(app, theme, frame, status);
    chrome::footer(app, theme, frame, footer);
    overlay::render(app, theme, frame, area);
}

fn failed(app: &App, theme: &Theme, frame: &mut Frame, area: Rect, reason: &str) {
    let block = Block::bordered()
        .title(app.t(T::ErrorTitle))
        .border_style(theme.error);
    let lines = vec![
        Line::styled(reason.to_string(), theme.error),
        Line::raw(""),
        Line::raw(app.t(T::ErrorKeys)),
    ];
    let width = block.inner(area).width;
    frame.render_widget(
        Paragraph::new(wrap::rows(lines, width, false)).block(block),
        area,
    );
}

/// A rectangle of at most `width`×`height` centred in `area`.
pub(crate) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A fact as "label: value" on a detail screen.
fn pair(app: &App, theme: &Theme, label: T, value: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!("{}{}", app.t(label), app.t(T::LabelSep)),
            theme.label,
        ),
        Span::styled(value, theme.input),
    ])
}

/// While the time is the petitioner's (to ask for review or re-review): waiting for them, or,
/// once its last day has passed, that the time to ask is over.
fn petitioner_time(app: &App, due: chrono::NaiveDate) -> &'static str {
    if app.clock.today() > due {
        app.t(T::PetitionerWindowClosed)
    } else {
        app.t(T::PetitionerWindow)
    }
}

//! The frame around every screen: header, status line and the htop-style key footer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::app::{App, Command, DbStatus, Screen, Tone};
use crate::i18n::{Label, Localize, T};
use crate::theme::Theme;

use super::text::{fit, width};

pub fn header(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let screen = match app.screen {
        Screen::SignIn => T::ScreenSignIn,
        Screen::FirstAdmin => T::ScreenFirstAdmin,
        Screen::Operators => T::OrgTabOperators,
        Screen::Start => T::ScreenStart,
        Screen::Intake => T::ScreenIntake,
        Screen::Visits => T::ScreenVisits,
        Screen::Detail => T::ScreenDetail,
        Screen::Matters => T::ScreenMatters,
        Screen::Matter => T::ScreenMatter,
        Screen::Organisation => T::ScreenOrg,
        Screen::Ledger => T::ScreenLedger,
        Screen::Supervisor => T::ScreenSupervisor,
        Screen::Week => T::ScreenWeek,
    };
    let mut left = format!(" {} │ {}", app.t(T::AppTitle), app.t(screen));
    let db = match &app.db {
        DbStatus::Opening => app.t(T::DbOpening).to_string(),
        DbStatus::Ready { visits, demo } => {
            let mut s = app.lang.f(T::DbVisits, &[visits]);
            if *demo {
                s = format!("{s} [{}]", app.t(T::HeaderDemo));
            }
            s
        }
        DbStatus::Failed(_) => app.t(T::DbFailed).to_string(),
    };
    // Who is signed in, by role and name: the next person at the desk sees whose session it is.
    let who = match &app.session {
        Some(s) => format!("{} {}", s.role.label(app.lang), s.name),
        None => app.t(T::HeaderNobody).to_string(),
    };
    let mut right = format!("{who} │ {} │ {} ", app.clock.today(), db);
    let total = usize::from(area.width);
    // The missing holidays warn in the room left: who is signed in and today's date matter
    // more at a shared terminal. A narrow one gets the short warning, then without the
    // app's name, and only where even that does not fit, none.
    if !app.calendar_missing.is_empty() {
        let years: Vec<String> = app.calendar_missing.iter().map(i32::to_string).collect();
        let years = years.join(app.t(T::ListSeparator));
        let warned = |t: T| format!("{} │ {right}", app.lang.f(t, &[&years]));
        let screen_only = format!(" {}", app.t(screen));
        let tries = [
            (left.clone(), warned(T::CalendarMissing)),
            (left.clone(), warned(T::CalendarMissingShort)),
            (screen_only, warned(T::CalendarMissingShort)),
        ];
        if let Some((l, r)) = tries
            .into_iter()
            .find(|(l, r)| width(l) + 1 + width(r) <= total)
        {
            (left, right) = (l, r);
        }
    }
    let right = fit(&right, total.saturating_sub(width(&left) + 1));
    let gap = total.saturating_sub(width(&left) + width(&right));
    let line = format!("{left}{}{right}", " ".repeat(gap));
    frame.render_widget(Paragraph::new(fit(&line, total)).style(theme.header), area);
}

pub fn status(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let (text, style) = match &app.status {
        Some(s) => {
            let style = match s.tone {
                Tone::Info => theme.base,
                Tone::Ok => theme.ok,
                Tone::Warn => theme.warning,
                Tone::Error => theme.error,
            };
            (s.text.clone(), style)
        }
        None => (hint(app), theme.muted),
    };
    frame.render_widget(
        Paragraph::new(fit(&format!(" {text}"), usize::from(area.width))).style(style),
        area,
    );
}

/// With nothing to report, the status line says what the focused field is waiting for.
fn hint(app: &App) -> String {
    use crate::domain::intake::Field;
    if app.overlay.is_some() {
        return String::new();
    }
    if app.screen == Screen::Organisation && app.org.form.is_some() {
        return app.t(T::OrgFormKeys).to_string();
    }
    if app.screen != Screen::Intake {
        return String::new();
    }
    let form = &app.intake;
    if form.co_dialog.is_some() {
        return app.t(T::CoKeys).to_string();
    }
    if form.match_cursor.is_some() {
        return app.t(T::RepeatChooseHint).to_string();
    }
    if let Some(e) = form.error(form.focus) {
        return e.localize(app.lang);
    }
    match form.focus {
        Field::Channel | Field::Sex | Field::Kind | Field::Category | Field::Case => {
            app.t(T::HintSelect).into()
        }
        Field::CoPetitioners => app.t(T::HintCoKeys).into(),
        Field::Summary => app.t(T::HintSummary).into(),
        Field::ReceivedAt => app.t(T::HintReceivedAt).into(),
        Field::ReceivingLeader => app.t(T::LeaderPickKeys).into(),
        _ => String::new(),
    }
}

/// The commands worth showing on each screen, most used first.
pub(super) fn footer_commands(app: &App) -> &'static [Command] {
    use Command::*;
    match app.screen {
        Screen::SignIn | Screen::FirstAdmin => &[Help, NextField, Open, Quit],
        Screen::Operators if app.ops.form.is_some() => &[Help, Save, NextField, Back, Quit],
        Screen::Operators => &[
            Help,
            Add,
            Open,
            ToggleActive,
            ResetPin,
            Unlock,
            Switch,
            Back,
            // Last but quit: on a narrow terminal it is the one left to the help overlay.
            Backup,
            Quit,
        ],
        Screen::Start => &[Help, Open, Quit],
        Screen::Week if app.week.form.is_some() => &[Help, Save, NextField, Back, Quit],
        Screen::Week if app.week.detail => &[Help, NewIntake, Week, Back, Quit],
        Screen::Week if app.week.notice.is_some() => &[Help, Down, Up, Back, Quit],
        // The title line names the week and month keys.
        Screen::Week => &[
            Help,
            NewIntake,
            Open,
            Sort,
            Menu,
            Edit,
            Delete,
            Add,
            ToggleActive,
            Back,
            Quit,
        ],
        Screen::Intake => &[
            Help,
            NewIntake,
            Search,
            Matters,
            AddCoPetitioner,
            Matches,
            Organisation,
            Save,
            Back,
            Quit,
        ],
        Screen::Visits => &[Help, NewIntake, Search, Matters, Open, Back, Quit],
        Screen::Detail => &[Help, NewIntake, Search, Matters, Reveal, Open, Back, Quit],
        Screen::Matters => &[
            Help, NewIntake, Search, Matters, Supervisor, Menu, Sort, Open, Back, Quit,
        ],
        Screen::Supervisor => &[Help, Matters, Open, PageDown, PageUp, Back, Quit],
        Screen::Matter => &[Help, NewIntake, Search, Matters, Menu, Reveal, Back, Quit],
        Screen::Ledger => &[Help, NewIntake, NextField, PageDown, PageUp, Back, Quit],
        Screen::Organisation if app.org.form.is_some() => &[Help, Save, NextField, Back, Quit],
        Screen::Organisation => &[
            Help,
            NewIntake,
            Search,
            Add,
            Open,
            ToggleActive,
            Delete,
            Back,
            Quit,
        ],
    }
}

pub fn footer(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    let mut used = 0;
    let max = usize::from(area.width);
    for c in footer_commands(app).iter().filter(|c| offered(app, **c)) {
        let Some(key) = app.keymap.first_key(*c) else {
            continue;
        };
        // Only supervisors have the supervisor view; nobody else is shown its key.
        if *c == Command::Supervisor
            && !app.may(crate::domain::permission::Permission::SupervisorView)
        {
            continue;
        }
        let key = key.to_string();
        // Enter on a leader or department edits it.
        let label = match (app.screen, *c) {
            (Screen::Organisation, Command::Open) => app.t(T::CmdEdit),
            (Screen::Week, Command::Add) => app.t(T::CmdRota),
            (Screen::Week, Command::Menu) => app.t(T::CmdPlanSession),
            (Screen::Week, Command::ToggleActive) => app.t(T::CmdSwap),
            (Screen::Week, Command::Sort) => app.t(T::CmdNotice),
            _ => app.t(c.texts().0),
        };
        // "Ctrl-SSave" reads as one word without colour; "Ctrl-S保存" does not.
        let label = if label.starts_with(|c: char| c.is_ascii()) {
            format!(" {label} ")
        } else {
            format!("{label} ")
        };
        let need = width(&key) + width(&label);
        if used + need > max {
            break;
        }
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(label, theme.key_label));
        used += need;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// A bordered panel whose border shows whether the keys go to it.
pub fn panel<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::bordered().title(title).border_style(if focused {
        theme.focus_border
    } else {
        theme.border
    })
}

/// Whether the footer offers a command: not a screen the signed-in role may not open. The key
/// still answers, with the refusal, for whoever presses it anyway.
fn offered(app: &App, c: Command) -> bool {
    use crate::domain::permission::Permission as P;
    let needs = match c {
        Command::Menu | Command::Edit | Command::Delete | Command::Add | Command::ToggleActive
            if app.screen == Screen::Week =>
        {
            P::PlanSchedule
        }
        Command::NewIntake => P::RegisterVisit,
        Command::Search => P::ViewVisits,
        Command::Matters => P::ViewMatters,
        Command::Ledger => P::ViewEvidence,
        Command::Reveal => P::Reveal,
        _ => return true,
    };
    app.session.is_none() || app.may(needs)
}

/// Draws a bordered panel titled ` title ` and returns the area inside it.
pub fn framed(frame: &mut Frame, area: Rect, title: &str, focused: bool, theme: &Theme) -> Rect {
    let block = panel(
        Span::styled(format!(" {title} "), theme.title),
        focused,
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

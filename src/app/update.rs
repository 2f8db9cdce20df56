//! `update`: the one place the app's state changes and the store is written.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::intake::Field;
use crate::i18n::{Localize, T};
use crate::store::Store;
use crate::store::backup_request::BackupAnswer;

use super::action::{Action, Command};
use crate::domain::permission::Permission;

use super::{
    App, ConfirmKind, DbStatus, Overlay, Screen, Tone, detail, first_admin, intake, ledger, matter,
    matter_action, matters, operators, org, privacy, session, supervisor, visits, week,
};

/// Work the shell must start outside `update` (threads, long jobs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Generate this many demo visits into the open store, reporting progress as actions.
    LoadDemo { visits: u64 },
    /// Leave the command line the answer to its backup request `id`.
    AnswerBackup { id: String, answer: BackupAnswer },
}

pub fn update(app: &mut App, action: Action, store: &dyn Store) -> Vec<Effect> {
    if matches!(
        action,
        Action::Key(_) | Action::Command(_) | Action::Paste(_)
    ) {
        app.last_input = app.clock.now();
    }
    match action {
        Action::Tick => {
            privacy::tick(app);
            if let Some(s) = app.status.as_mut() {
                s.ttl = s.ttl.saturating_sub(1);
                if s.ttl == 0 {
                    app.status = None;
                }
            }
            if app.db_ready() {
                session::tick(app, store);
            }
        }
        Action::Resize { width, height } => {
            app.size = (width, height);
            visits::scroll_into_view(app);
        }
        Action::StoreReady => store_ready(app, store),
        Action::StoreFailed(e) => app.db = DbStatus::Failed(e.localize(app.lang)),
        Action::DemoProgress(done, total) => app.start.loading = Some((done, total)),
        Action::DemoFinished(result) => demo_finished(app, result, store),
        Action::BackupStarting { operator } => super::backup::starting(app, &operator),
        Action::BackupRequested(taken) => {
            return vec![super::backup::requested(app, store, taken)];
        }
        Action::Paste(text) => paste(app, &text, store),
        Action::Key(key) => typed(app, key, store),
        Action::Command(c) => return command(app, c, store),
    }
    Vec::new()
}

fn store_ready(app: &mut App, store: &dyn Store) {
    let facts = (|| {
        Ok::<_, crate::store::StoreError>((
            store.visit_count()?,
            store.is_demo()?,
            store.operators()?.is_empty(),
        ))
    })();
    match facts {
        Ok((visits, demo, no_operator)) => {
            app.db = DbStatus::Ready { visits, demo };
            app.signin.demo_list = demo;
            if no_operator {
                app.screen = Screen::FirstAdmin;
            }
            org::reload(app, store);
            app.visits.stale = true;
            app.matters.stale = true;
            if app.screen == Screen::Visits {
                visits::reload(app, store);
            }
            session::store_ready(app, store);
        }
        Err(e) => {
            app.signin.when_open = false;
            app.db = DbStatus::Failed(e.localize(app.lang));
        }
    }
}

fn demo_finished(
    app: &mut App,
    result: Result<(u64, u64), std::sync::Arc<crate::store::StoreError>>,
    store: &dyn Store,
) {
    app.start.loading = None;
    match result {
        Ok((visits, petitioners)) => {
            app.db = DbStatus::Ready {
                visits: store.visit_count().unwrap_or(visits),
                demo: true,
            };
            app.signin.demo_list = true;
            app.screen = Screen::Organisation;
            app.visits.stale = true;
            app.matters.stale = true;
            org::reload(app, store);
            let msg = format!(
                "{} {}",
                app.lang.f(T::DemoLoaded, &[&visits, &petitioners]),
                app.t(T::DemoOperators)
            );
            app.say(Tone::Ok, msg);
        }
        Err(e) => {
            let msg = app.lang.f(T::DemoFailed, &[&e.localize(app.lang)]);
            app.say(Tone::Error, msg);
        }
    }
}

fn paste(app: &mut App, text: &str, store: &dyn Store) {
    if app.overlay.is_some() {
        return;
    }
    match app.screen {
        Screen::SignIn => session::paste(app, text),
        Screen::FirstAdmin => first_admin::paste(app, text),
        _ if app.session.is_none() => {}
        Screen::Intake => intake::paste(app, text, store),
        Screen::Visits if app.visits.search_focus => {
            app.visits.search.paste(text);
            visits::reload(app, store);
        }
        Screen::Matters if app.matters.search_focus && app.matters.filter_dialog.is_none() => {
            app.matters.search.paste(text);
            matters::refilter(app);
        }
        Screen::Matter => matter_action::paste(app, text),
        Screen::Organisation => org::paste(app, text),
        Screen::Ledger => ledger::paste(app, text, store),
        Screen::Operators => operators::paste(app, text),
        Screen::Week => {
            if let Some(entry) = app.week.entry.as_mut() {
                entry.field.paste(text);
            } else if let Some(form) = app.week.form.as_mut()
                && let Some(crate::app::dialog::Input::Text(f)) =
                    form.fields.get_mut(form.focus).map(|d| &mut d.input)
            {
                f.paste(text);
            }
        }
        _ => {}
    }
}

fn typed(app: &mut App, key: KeyEvent, store: &dyn Store) {
    if let Some(Overlay::Confirm { kind, act }) = app.overlay {
        if matches!(key.code, KeyCode::Left | KeyCode::Right) {
            app.overlay = Some(Overlay::Confirm { kind, act: !act });
        }
        return;
    }
    if app.overlay.is_some() {
        return;
    }
    match app.screen {
        Screen::SignIn => session::key(app, key),
        Screen::FirstAdmin => first_admin::key(app, key),
        _ if app.session.is_none() => {}
        Screen::Intake => {
            let form = &app.intake;
            let on_co_list = form.co_dialog.is_none()
                && form.match_cursor.is_none()
                && form.focus == Field::CoPetitioners;
            if on_co_list && key.code == KeyCode::Char(' ') {
                intake::toggle_representative(app);
            } else {
                intake::key(app, key, store);
            }
        }
        Screen::Visits => {
            if app.visits.search_focus {
                if app.visits.search.handle_key(key) {
                    visits::reload(app, store);
                }
            } else {
                match key.code {
                    KeyCode::Home => visits::move_selection(app, isize::MIN / 2, store),
                    KeyCode::End => visits::move_selection(app, isize::MAX / 2, store),
                    _ => {}
                }
            }
        }
        Screen::Matters => matters::key(app, key, store),
        Screen::Supervisor if matches!(key.code, KeyCode::Left | KeyCode::Right) => {
            supervisor::switch_tab(app)
        }
        Screen::Supervisor => {}
        Screen::Matter => {
            if app.matter.as_ref().is_some_and(|m| m.dialog.is_some()) {
                matter_action::key(app, key);
            }
        }
        Screen::Organisation => org::key(app, key),
        Screen::Ledger => ledger::key(app, key, store),
        Screen::Operators => operators::key(app, key),
        Screen::Week => week::key(app, key, store),
        Screen::Start | Screen::Detail => {}
    }
}

fn command(app: &mut App, c: Command, store: &dyn Store) -> Vec<Effect> {
    match app.overlay {
        Some(Overlay::Help) => {
            let step = match c {
                Command::Up => -1,
                Command::Down => 1,
                Command::PageUp => -10,
                Command::PageDown => 10,
                _ => 0,
            };
            if step != 0 {
                app.help_scroll = app.help_scroll.saturating_add_signed(step);
                return Vec::new();
            }
            app.overlay = None;
            app.help_scroll = 0;
            if matches!(c, Command::Help | Command::Back) {
                return Vec::new();
            }
        }
        Some(Overlay::Confirm { kind, act }) => {
            confirm(app, c, kind, act, store);
            return Vec::new();
        }
        None => {}
    }
    if app.screen == Screen::Start && app.start.loading.is_some() && c != Command::Help {
        return Vec::new();
    }
    if app.session.is_none() && !matches!(c, Command::Help | Command::Quit) {
        match app.screen {
            Screen::FirstAdmin => first_admin::command(app, c, store),
            _ => {
                app.screen = Screen::SignIn;
                session::command(app, c, store);
            }
        }
        return Vec::new();
    }
    match c {
        Command::Help => app.overlay = Some(Overlay::Help),
        Command::Switch => session::lock(app, store, false),
        Command::Quit => {
            if app.intake.is_dirty() || app.own_form_typed() || !app.codes_with_drafts().is_empty()
            {
                app.overlay = Some(Overlay::Confirm {
                    kind: ConfirmKind::Quit,
                    act: false,
                });
            } else {
                quit(app, store);
            }
        }
        Command::NewIntake if !app.refused(Permission::RegisterVisit, true) => {
            app.screen = Screen::Intake;
            app.details.clear();
        }
        Command::Matters if !app.refused(Permission::ViewMatters, true) => {
            app.screen = Screen::Matters;
            app.details.clear();
            if app.matters.stale {
                matters::reload(app, store);
            }
        }
        Command::Search if !app.refused(Permission::ViewVisits, true) => {
            app.screen = Screen::Visits;
            app.details.clear();
            app.visits.search_focus = true;
            if app.visits.stale {
                visits::reload(app, store);
            }
        }
        Command::Organisation => org::open(app, store),
        Command::Week => week::open(app, store),
        Command::Reveal if !app.refused(Permission::Reveal, true) => privacy::reveal(app, store),
        Command::Ledger if !app.refused(Permission::ViewEvidence, true) => ledger::open(app, store),
        Command::Supervisor => supervisor::open(app, store),
        Command::Backup => super::backup::run(app, store),
        Command::NewIntake
        | Command::Matters
        | Command::Search
        | Command::Reveal
        | Command::Ledger => {}
        _ => return screen_command(app, c, store),
    }
    Vec::new()
}

/// The desk closes: arrivals its forms were receiving go back to waiting, so the queue does
/// not show them being received by nobody after a restart.
fn quit(app: &mut App, store: &dyn Store) {
    super::reception_day::release_all(app, store);
    app.quit = true;
}

fn confirm(app: &mut App, c: Command, kind: ConfirmKind, act: bool, store: &dyn Store) {
    match c {
        // Keeping the form asked to be received over is going back to it.
        Command::Back | Command::Open
            if kind == ConfirmKind::ReceiveOver && (c == Command::Back || !act) =>
        {
            app.overlay = None;
            app.screen = Screen::Intake;
        }
        Command::Back => app.overlay = None,
        Command::Open => {
            app.overlay = None;
            if act {
                match kind {
                    ConfirmKind::Quit => quit(app, store),
                    ConfirmKind::Discard => {
                        super::reception_day::release(app, store);
                        app.intake.reset_after_save(&app.settings);
                        let msg = app.t(T::Discarded).to_string();
                        app.say(Tone::Info, msg);
                    }
                    ConfirmKind::Delete => org::delete_selected(app, store),
                    ConfirmKind::RemoveSession => week::remove_selected(app, store),
                    ConfirmKind::ReceiveOver => super::reception_day::receive_now(app, store),
                    // The form of the screen it was asked on: a session's or an organisation's.
                    ConfirmKind::DiscardForm => {
                        if app.screen == Screen::Week {
                            app.week.form = None;
                        } else {
                            app.org.form = None;
                        }
                        let msg = app.t(T::FormDiscarded).to_string();
                        app.say(Tone::Info, msg);
                    }
                }
            }
        }
        Command::Quit if kind == ConfirmKind::Quit => quit(app, store),
        _ => {}
    }
}

fn screen_command(app: &mut App, c: Command, store: &dyn Store) -> Vec<Effect> {
    match app.screen {
        Screen::SignIn => session::command(app, c, store),
        Screen::FirstAdmin => first_admin::command(app, c, store),
        Screen::Operators => operators::command(app, c, store),
        Screen::Start => return start_command(app, c, store),
        Screen::Intake => intake_command(app, c, store),
        Screen::Visits => visits_command(app, c, store),
        Screen::Organisation => org::command(app, c, store),
        Screen::Ledger => ledger::command(app, c, store),
        Screen::Week => week::command(app, c, store),
        Screen::Detail => match c {
            Command::Back => {
                app.details.pop();
                if app.details.is_empty() {
                    app.screen = Screen::Visits;
                }
            }
            Command::Up => detail::move_selection(app, -1),
            Command::Down => detail::move_selection(app, 1),
            Command::PageUp => detail::move_selection(app, -10),
            Command::PageDown => detail::move_selection(app, 10),
            Command::Open => detail::open_selected(app, store),
            Command::Menu if !app.refused(Permission::ViewMatters, true) => {
                if let Some(id) = app.details.last().map(|d| d.visit.case_id) {
                    matter::open(app, id, store);
                }
            }
            _ => {}
        },
        Screen::Matters => matters::command(app, c, store),
        Screen::Matter => matter::command(app, c, store),
        Screen::Supervisor => supervisor::command(app, c, store),
    }
    Vec::new()
}

fn start_command(app: &mut App, c: Command, store: &dyn Store) -> Vec<Effect> {
    match c {
        Command::Up | Command::PrevField => app.start.choice = 0,
        Command::Down | Command::NextField => app.start.choice = 1,
        Command::Open if app.start.choice == 0 && app.refused(Permission::LoadDemo, false) => {}
        Command::Open if app.start.choice == 0 => {
            app.start.loading = Some((0, app.demo_visits));
            return vec![Effect::LoadDemo {
                visits: app.demo_visits,
            }];
        }
        Command::Open | Command::Back => session::go_home(app, store),
        _ => {}
    }
    Vec::new()
}

fn intake_command(app: &mut App, c: Command, store: &dyn Store) {
    if app.intake.co_dialog.is_some() {
        let dialog = app.intake.co_dialog.as_mut();
        match (c, dialog) {
            (Command::Back, _) => app.intake.co_dialog = None,
            (Command::Open, _) => intake::confirm_co_dialog(app),
            (Command::NextField | Command::Down, Some(d)) => d.focus = d.focus.next(),
            (Command::PrevField | Command::Up, Some(d)) => d.focus = d.focus.prev(),
            _ => {}
        }
        return;
    }
    if app.intake.match_cursor.is_some() {
        match c {
            Command::Back | Command::Matches => app.intake.match_cursor = None,
            Command::Open => intake::choose_match(app, store),
            Command::Up => intake::key(app, KeyEvent::from(KeyCode::Up), store),
            Command::Down => intake::key(app, KeyEvent::from(KeyCode::Down), store),
            Command::Save if app.refused(Permission::RegisterVisit, false) => {}
            Command::Save => {
                app.intake.match_cursor = None;
                intake::save(app, store);
            }
            _ => {}
        }
        return;
    }
    let in_summary = app.intake.focus == Field::Summary;
    let picking = app.intake.focus == Field::ReceivingLeader;
    match c {
        Command::Save if app.refused(Permission::RegisterVisit, false) => {}
        Command::Save => {
            intake::save(app, store);
            app.matters.stale = true;
        }
        // Esc closes the leader list first, keeping the leader chosen, as leaving it does.
        Command::Back if picking => intake::leave_field(app, true),
        Command::Back => {
            if app.intake.is_dirty() {
                app.overlay = Some(Overlay::Confirm {
                    kind: ConfirmKind::Discard,
                    act: false,
                });
            } else {
                let msg = app.t(T::QuitHint).to_string();
                app.say(Tone::Info, msg);
            }
        }
        Command::NextField => intake::leave_field(app, true),
        Command::PrevField => intake::leave_field(app, false),
        Command::Up if in_summary => intake::key(app, KeyEvent::from(KeyCode::Up), store),
        Command::Down if in_summary => intake::key(app, KeyEvent::from(KeyCode::Down), store),
        Command::Open if in_summary => intake::key(app, KeyEvent::from(KeyCode::Enter), store),
        Command::Up if picking => app.intake.leader.step(false),
        Command::Down if picking => app.intake.leader.step(true),
        Command::Up => intake::leave_field(app, false),
        Command::Down => intake::leave_field(app, true),
        Command::Open if app.intake.focus == Field::CoPetitioners => intake::open_co_dialog(app),
        Command::Open => intake::leave_field(app, true),
        Command::AddCoPetitioner => intake::open_co_dialog(app),
        Command::Matches if !app.intake.matches.is_empty() => app.intake.match_cursor = Some(0),
        _ => {}
    }
}

fn visits_command(app: &mut App, c: Command, store: &dyn Store) {
    let page = visits::page_rows(app) as isize;
    match c {
        Command::Back if app.visits.search_focus && !app.visits.search.is_empty() => {
            app.visits.search.clear();
            visits::reload(app, store);
        }
        Command::Back if app.visits.search_focus => app.visits.search_focus = false,
        Command::Back => session::back_home(app, store),
        Command::NextField | Command::PrevField => {
            app.visits.search_focus = !app.visits.search_focus
        }
        Command::Down if app.visits.search_focus => app.visits.search_focus = false,
        Command::Up => visits::move_selection(app, -1, store),
        Command::Down => visits::move_selection(app, 1, store),
        Command::PageUp => visits::move_selection(app, -page, store),
        Command::PageDown => visits::move_selection(app, page, store),
        Command::Open => {
            if let Some(id) = app.visits.selected_visit().map(|v| v.id) {
                detail::open(app, id, store);
            }
        }
        _ => {}
    }
}

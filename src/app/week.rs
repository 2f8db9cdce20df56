//! The week of reception sessions (Ctrl-W): a Monday-first week with its sessions, moved by
//! week and by month, and one session's detail with its appointments and queue. Planning the
//! rota and swapping leaders are the supervisor's and the administrator's.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::domain::case::CaseId;
use crate::domain::permission::Permission;
use crate::domain::schedule::rota::clashes;
use crate::domain::schedule::{ArrivalState, ScheduleChange, Session, SessionId};
use crate::i18n::{Localize, T};
use crate::store::Store;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::action::Command;
use super::{App, Screen, Tone, reception_day, session_form};

/// A leader's name and a date.
const UNAVAILABLE_CHARS: usize = 40;
/// A week's notice is a few screens at most; scrolling stops well past its end.
const NOTICE_SCROLL_MAX: u16 = 500;

#[derive(Clone, Debug, Default)]
pub struct WeekScreen {
    /// The Monday of the week shown; set when the screen first opens.
    pub monday: Option<NaiveDate>,
    /// The week's sessions, by date.
    pub sessions: Vec<Session>,
    pub selected: usize,
    /// The selected session's detail is open.
    pub detail: bool,
    /// Sessions whose leader marked the date unavailable.
    pub clashes: Vec<SessionId>,
    /// The first session chosen for a swap of leaders.
    pub swap_from: Option<SessionId>,
    /// Numbers of the matters the open detail names (appointments, 带案下访).
    pub matter_numbers: Vec<(CaseId, String)>,
    /// The petitioner's name of each appointment's matter, to know an arrival by.
    pub appointment_names: Vec<(CaseId, String)>,
    /// The same names as the signed-in operator may see them: an accusation's is veiled.
    pub appointment_shown: Vec<(CaseId, String)>,
    /// The highlighted arrival of the open detail's queue, in calling order.
    pub queue_cursor: usize,
    /// The one-line field open in the detail: a new arrival's name or a booking.
    pub entry: Option<Entry>,
    /// A session being planned by hand.
    pub form: Option<super::session_form::SessionForm>,
    /// The arrival whose visit intake is registering.
    /// The week's public notice is shown (F9), scrolled down this many lines.
    pub notice: Option<u16>,
}

/// What the detail's one-line field is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// The name of someone who arrived.
    Arrival,
    /// A matter number and a time slot: `2026-000003 10:30`.
    Booking,
    /// A leader's name and a date they cannot receive: `李建国 2026-12-02`.
    Unavailable,
}

#[derive(Clone, Debug)]
pub struct Entry {
    pub kind: EntryKind,
    pub field: super::field::TextField,
}

impl WeekScreen {
    pub fn selected_session(&self) -> Option<&Session> {
        self.sessions.get(self.selected)
    }

    /// Who an appointment is for, as the operator may see it; empty when unknown.
    pub fn appointment_name(&self, id: CaseId) -> &str {
        self.appointment_shown
            .iter()
            .find(|(c, _)| *c == id)
            .map_or("", |(_, n)| n.as_str())
    }

    pub fn matter_number(&self, id: CaseId) -> String {
        self.matter_numbers
            .iter()
            .find(|(c, _)| *c == id)
            .map_or_else(|| format!("#{}", id.0), |(_, n)| n.clone())
    }
}

pub fn monday_of(date: NaiveDate) -> NaiveDate {
    let back = u64::from(date.weekday().num_days_from_monday());
    date.checked_sub_days(Days::new(back)).unwrap_or(date)
}

pub fn open(app: &mut App, store: &dyn Store) {
    if app.refused(Permission::ViewSchedule, true) {
        return;
    }
    app.screen = Screen::Week;
    app.details.clear();
    if app.week.monday.is_none() {
        app.week.monday = Some(monday_of(app.clock.today()));
    }
    reload(app, store);
}

pub fn reload(app: &mut App, store: &dyn Store) {
    let monday = app
        .week
        .monday
        .unwrap_or_else(|| monday_of(app.clock.today()));
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    let read = (|| {
        Ok::<_, crate::store::StoreError>((
            store.sessions_between(monday, sunday)?,
            store.unavailable()?,
        ))
    })();
    match read {
        Ok((sessions, unavailable)) => {
            app.week.clashes = clashes(&sessions, &unavailable);
            app.week.sessions = sessions;
            app.week.selected = app
                .week
                .selected
                .min(app.week.sessions.len().saturating_sub(1));
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
    if app.week.detail {
        load_matter_numbers(app, store);
    }
}

fn go_to(app: &mut App, monday: NaiveDate, store: &dyn Store) {
    app.week.monday = Some(monday_of(monday));
    app.week.selected = 0;
    app.week.detail = false;
    reload(app, store);
}

pub fn shift_weeks(app: &mut App, weeks: i64, store: &dyn Store) {
    let monday = app
        .week
        .monday
        .unwrap_or_else(|| monday_of(app.clock.today()));
    let days = Days::new(weeks.unsigned_abs() * 7);
    let to = if weeks < 0 {
        monday.checked_sub_days(days)
    } else {
        monday.checked_add_days(days)
    };
    go_to(app, to.unwrap_or(monday), store);
}

pub fn shift_month(app: &mut App, months: i32, store: &dyn Store) {
    let monday = app
        .week
        .monday
        .unwrap_or_else(|| monday_of(app.clock.today()));
    let m = Months::new(months.unsigned_abs());
    let to = if months < 0 {
        monday.checked_sub_months(m)
    } else {
        monday.checked_add_months(m)
    };
    go_to(app, to.unwrap_or(monday), store);
}

pub fn today(app: &mut App, store: &dyn Store) {
    let today = app.clock.today();
    go_to(app, today, store);
}

pub fn move_selection(app: &mut App, step: isize) {
    let last = app.week.sessions.len().saturating_sub(1);
    app.week.selected = app.week.selected.saturating_add_signed(step).min(last);
}

pub fn open_detail(app: &mut App, store: &dyn Store) {
    if app.week.selected_session().is_some() {
        app.week.detail = true;
        to_next_waiting(app);
        load_matter_numbers(app, store);
    }
}

/// The queue's cursor on the first arrival still waiting, in calling order: who is called
/// next. With nobody waiting it stays where it was, within the queue.
pub(super) fn to_next_waiting(app: &mut App) {
    let Some(s) = app.week.selected_session() else {
        return;
    };
    let order = s.calling_order();
    let waiting = order.iter().position(|a| a.state == ArrivalState::Waiting);
    app.week.queue_cursor =
        waiting.unwrap_or(app.week.queue_cursor.min(order.len().saturating_sub(1)));
}

pub(super) fn load_matter_numbers(app: &mut App, store: &dyn Store) {
    let Some(s) = app.week.selected_session() else {
        return;
    };
    let ids: Vec<CaseId> = s
        .appointments
        .iter()
        .map(|a| a.case)
        .chain(s.plan.carried.iter().copied())
        .chain(s.queue.iter().filter_map(|a| a.case))
        .collect();
    let cases: Vec<_> = ids
        .into_iter()
        .filter_map(|id| store.case(id).ok().flatten())
        .collect();
    app.week.matter_numbers = cases.iter().map(|c| (c.id, c.number.to_string())).collect();
    app.week.appointment_names = cases
        .iter()
        .filter_map(|c| {
            let p = store.petitioner(c.petitioner_id).ok().flatten()?;
            Some((c.id, p.person.name.clone()))
        })
        .collect();
    let veiled = app.lang.veil().hidden;
    app.week.appointment_shown = cases
        .iter()
        .filter_map(|c| {
            let (_, name) = app
                .week
                .appointment_names
                .iter()
                .find(|(id, _)| *id == c.id)?;
            let responsible = store.responsible_leader(c.id).ok().flatten();
            let name = if app.may_read(c.kind, responsible) {
                name.clone()
            } else {
                veiled.to_string()
            };
            Some((c.id, name))
        })
        .collect();
}

/// After the planner confirmed: the selected session is removed, or the reason it cannot be
/// (arrivals or appointments) is said.
pub(super) fn remove_selected(app: &mut App, store: &dyn Store) {
    let Some(session) = app.week.selected_session() else {
        return;
    };
    let (id, date) = (session.id, session.plan.date);
    match store.change_schedule(&ScheduleChange::Remove(id), &stamp(app)) {
        Ok(_) => {
            reload(app, store);
            let msg = app.lang.f(T::SessionRemoved, &[&date]);
            app.say(Tone::Ok, msg);
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

pub(super) fn stamp(app: &App) -> crate::domain::ledger::Stamp {
    crate::domain::ledger::Stamp::new(app.clock.now(), app.operator_code().to_string())
}

/// Arrows move by week, Home comes back to today: keys no command is bound to.
pub(super) fn key(app: &mut App, key: KeyEvent, store: &dyn Store) {
    if let Some(entry) = app.week.entry.as_mut() {
        entry.field.handle_key(key);
        return;
    }
    if let Some(form) = app.week.form.as_mut() {
        if let Some(field) = form.fields.get_mut(form.focus) {
            field.key(key);
        }
        return;
    }
    if app.week.detail {
        return;
    }
    match key.code {
        KeyCode::Left => shift_weeks(app, -1, store),
        KeyCode::Right => shift_weeks(app, 1, store),
        KeyCode::Home => today(app, store),
        _ => {}
    }
}

pub(super) fn command(app: &mut App, c: Command, store: &dyn Store) {
    if let Some(kind) = app.week.entry.as_ref().map(|e| e.kind) {
        match (c, kind) {
            (Command::Back, _) => app.week.entry = None,
            (Command::Open | Command::Save, EntryKind::Arrival) => {
                reception_day::add_arrival(app, store)
            }
            (Command::Open | Command::Save, EntryKind::Booking) => reception_day::book(app, store),
            (Command::Open | Command::Save, EntryKind::Unavailable) => {
                super::rota::toggle_unavailable(app, store)
            }
            _ => {}
        }
        return;
    }
    if app.week.form.is_some() {
        match c {
            Command::Back if app.week.form.as_ref().is_some_and(|f| f.is_dirty()) => {
                app.overlay = Some(super::Overlay::Confirm {
                    kind: super::ConfirmKind::DiscardForm,
                    act: false,
                });
            }
            Command::Back => app.week.form = None,
            Command::NextField | Command::Down | Command::Open => session_form::focus(app, 1),
            Command::PrevField | Command::Up => session_form::focus(app, -1),
            Command::Save => session_form::save(app, store),
            _ => {}
        }
        return;
    }
    if let Some(scroll) = app.week.notice {
        app.week.notice = match c {
            Command::Back | Command::Sort => None,
            Command::Up => Some(scroll.saturating_sub(1)),
            Command::Down => Some(scroll.saturating_add(1).min(NOTICE_SCROLL_MAX)),
            Command::PageUp => Some(scroll.saturating_sub(10)),
            Command::PageDown => Some(scroll.saturating_add(10).min(NOTICE_SCROLL_MAX)),
            _ => Some(scroll),
        };
        return;
    }
    if app.week.detail {
        match c {
            Command::Back => app.week.detail = false,
            Command::Up => reception_day::move_cursor(app, -1),
            Command::Down => reception_day::move_cursor(app, 1),
            Command::Add => reception_day::start_arrival(app),
            Command::Menu => reception_day::start_booking(app),
            Command::Open => reception_day::receive(app, store),
            Command::Delete => reception_day::left(app, store),
            _ => {}
        }
        return;
    }
    match c {
        Command::Back => super::session::back_home(app, store),
        Command::Up => move_selection(app, -1),
        Command::Down => move_selection(app, 1),
        Command::PageUp => shift_month(app, -1, store),
        Command::PageDown => shift_month(app, 1, store),
        Command::Open => open_detail(app, store),
        Command::Add => super::rota::generate_rota(app, store),
        Command::Menu => session_form::open(app),
        Command::Sort => app.week.notice = Some(0),
        Command::Edit => session_form::edit(app, store),
        Command::Delete
            if app.week.selected_session().is_some()
                && !app.refused(Permission::PlanSchedule, false) =>
        {
            app.overlay = Some(super::Overlay::Confirm {
                kind: super::ConfirmKind::RemoveSession,
                act: false,
            });
        }
        Command::Unlock if !app.refused(Permission::PlanSchedule, false) => {
            app.week.entry = Some(Entry {
                kind: EntryKind::Unavailable,
                field: super::field::TextField::new(UNAVAILABLE_CHARS),
            });
        }
        Command::ToggleActive => super::rota::swap(app, store),
        _ => {}
    }
}

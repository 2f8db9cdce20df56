//! The reception day at the desk: arrivals numbered in the session's queue, and receiving one.
//! Receiving goes through the ordinary intake with the session's leader as receiving leader,
//! so the responsibility rules decide who holds the matter (a new one: this leader; an old
//! one: its first holder). Once the visit is saved the matter opens, where the leader's
//! instruction (批示) is recorded as its plan and the on-the-spot assignment (当场交办) made.

use crate::domain::case::CaseId;
use crate::domain::date::parse_time;
use crate::domain::permission::Permission;
use crate::domain::repeat::RepeatMatch;
use crate::domain::schedule::{Appointment, Arrival, ArrivalState, ScheduleChange, SessionId};
use crate::domain::serial::SerialNo;
use crate::domain::visit::NewVisit;
use crate::i18n::{Localize, T};
use crate::store::{RecordRef, Registered, Store, StoreError};

use super::field::TextField;
use super::week::{Entry, EntryKind};
use super::{App, ConfirmKind, Overlay, Screen, Tone, week};

/// An arrival's name as called at the desk.
const NAME_CHARS: usize = 20;
/// `2026-000003 10:30` and some room for spaces.
const BOOKING_CHARS: usize = 24;

/// The arrival being received: its session and number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Receiving {
    pub session: SessionId,
    pub number: u32,
}

fn stamp(app: &App) -> crate::domain::ledger::Stamp {
    crate::domain::ledger::Stamp::new(app.clock.now(), app.operator_code().to_string())
}

/// Ctrl-N on a session: the name field of a new arrival.
pub fn start_arrival(app: &mut App) {
    if app.refused(Permission::RunQueue, false) || !on_the_day(app) {
        return;
    }
    app.week.entry = Some(Entry {
        kind: EntryKind::Arrival,
        field: TextField::new(NAME_CHARS),
    });
}

/// Whether today is the selected session's day; says so when it is not. Numbers are given to
/// people standing in the hall, so a queue on any other day would be a mistake.
fn on_the_day(app: &mut App) -> bool {
    let Some(date) = app.week.selected_session().map(|s| s.plan.date) else {
        return false;
    };
    if date == app.clock.today() {
        return true;
    }
    let msg = app.lang.f(T::QueueNotToday, &[&date]);
    app.say(Tone::Warn, msg);
    false
}

/// F8 on a session: the field of a booking (约访), a matter number and a time slot.
pub fn start_booking(app: &mut App) {
    if app.refused(Permission::BookAppointment, false) {
        return;
    }
    app.week.entry = Some(Entry {
        kind: EntryKind::Booking,
        field: TextField::new(BOOKING_CHARS),
    });
}

/// Enter in the booking field: the open matter of that number is booked into the session at
/// that slot, within the session's capacity (`office.toml`, `[reception] capacity`).
pub fn book(app: &mut App, store: &dyn Store) {
    let Some(entry) = app.week.entry.as_ref() else {
        return;
    };
    let Some(session) = app.week.selected_session().map(|s| s.id) else {
        return;
    };
    // An input method gives full-width digits and dashes.
    let typed = crate::domain::text::fold_fullwidth(entry.field.value());
    let mut words = typed.split_whitespace();
    let number = words.next().and_then(|w| w.parse::<SerialNo>().ok());
    let slot = words.next().and_then(|w| parse_time(w).ok());
    let (Some(number), Some(slot)) = (number, slot) else {
        let msg = app.t(T::BookingFormat).to_string();
        app.say(Tone::Error, msg);
        return;
    };
    let rows = match store.pending_matters() {
        Ok(rows) => rows,
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
            return;
        }
    };
    let Some(case) = rows.iter().find(|r| r.number == number).map(|r| r.id) else {
        let msg = app.lang.f(T::BookingNoMatter, &[&number]);
        app.say(Tone::Error, msg);
        return;
    };
    let change = ScheduleChange::Book {
        session,
        appointment: Appointment {
            case,
            slot,
            note: String::new(),
        },
        capacity: app.settings.reception.capacity,
    };
    match store.change_schedule(&change, &stamp(app)) {
        Ok(_) => {
            app.week.entry = None;
            let slot = slot.format("%H:%M").to_string();
            let msg = app.lang.f(T::Booked, &[&number, &slot]);
            app.say(Tone::Ok, msg);
            week::reload(app, store);
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

/// Enter in the name field: the arrival takes the next number. Someone whose name is that of
/// the petitioner of an appointment in this session arrives on that appointment.
pub fn add_arrival(app: &mut App, store: &dyn Store) {
    let Some(entry) = app.week.entry.as_ref() else {
        return;
    };
    let name = crate::domain::text::tidy(entry.field.value());
    let Some(session) = app.week.selected_session() else {
        return;
    };
    if name.is_empty() {
        return;
    }
    let booked: Vec<_> = session.appointments.iter().map(|a| a.case).collect();
    let case = app
        .week
        .appointment_names
        .iter()
        .find(|(c, n)| *n == name && booked.contains(c))
        .map(|(c, _)| *c);
    let change = ScheduleChange::Arrive {
        session: session.id,
        name,
        case,
    };
    match store.change_schedule(&change, &stamp(app)) {
        Ok(done) => {
            app.week.entry = None;
            let n = done.number.unwrap_or_default();
            let msg = app.lang.f(T::ArrivalNumbered, &[&n]);
            app.say(Tone::Ok, msg);
            week::reload(app, store);
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

/// Enter on a waiting arrival: they are being received, and intake opens on a clean form, a
/// walk-in with the session's leader as receiving leader and their name typed. A form with
/// typing in it is not overwritten: the desk asks first (`ConfirmKind::ReceiveOver`).
pub fn receive(app: &mut App, store: &dyn Store) {
    if app.refused(Permission::RunQueue, false) || app.refused(Permission::RegisterVisit, false) {
        return;
    }
    let Some(arrival) = selected_arrival(app) else {
        return;
    };
    if arrival.state.closed() {
        let msg = app.t(T::ArrivalClosed).to_string();
        app.say(Tone::Warn, msg);
        return;
    }
    let same = Receiving {
        session: app.week.selected_session().map_or(SessionId(0), |s| s.id),
        number: arrival.number,
    };
    if app.intake.receiving == Some(same) {
        // Already this form's arrival: back to it, typing and all.
        app.screen = Screen::Intake;
        return;
    }
    // Another operator's locked form is receiving them. One being received by nobody (the
    // desk was quit or stopped meanwhile) may be taken over.
    if let Some((code, _)) = app.drafts.iter().find(|(_, d)| d.receiving() == Some(same)) {
        let msg = app.lang.f(T::ArrivalHeld, &[&arrival.number, code]);
        app.say(Tone::Warn, msg);
        return;
    }
    if app.intake.is_dirty() {
        app.overlay = Some(Overlay::Confirm {
            kind: ConfirmKind::ReceiveOver,
            act: false,
        });
        return;
    }
    receive_now(app, store);
}

fn selected_arrival(app: &App) -> Option<Arrival> {
    let session = app.week.selected_session()?;
    session
        .calling_order()
        .get(app.week.queue_cursor)
        .map(|a| (*a).clone())
}

/// Receives the selected arrival; the form, whatever it held, gives way to theirs.
pub fn receive_now(app: &mut App, store: &dyn Store) {
    let Some(session) = app.week.selected_session().cloned() else {
        return;
    };
    let Some(arrival) = selected_arrival(app) else {
        return;
    };
    // The form given up first: its own arrival, if any, goes back to waiting.
    release(app, store);
    app.intake.clear(&app.settings);
    let change = ScheduleChange::Advance {
        session: session.id,
        number: arrival.number,
        state: ArrivalState::BeingReceived,
        visit: None,
    };
    if let Err(e) = store.change_schedule(&change, &stamp(app)) {
        let msg = e.localize(app.lang);
        app.say(Tone::Error, msg);
        return;
    }
    week::reload(app, store);
    app.intake.receiving = Some(Receiving {
        session: session.id,
        number: arrival.number,
    });
    app.intake.leader.chosen = Some(session.plan.leader);
    app.intake.name.set(&arrival.name);
    // The name is typed already; the identity number comes next.
    app.intake.focus = crate::domain::intake::Field::IdNumber;
    app.screen = Screen::Intake;
    if let Some(case) = arrival.case
        && let Err(e) = link_appointment(app, case, store)
    {
        let msg = e.localize(app.lang);
        app.say(Tone::Error, msg);
        return;
    }
    // Only someone who may record the leader's instruction is told to.
    let key = if app.may(Permission::Plan) {
        T::ArrivalReceiving
    } else {
        T::ArrivalReceivingNoPlan
    };
    let msg = app.lang.f(key, &[&arrival.number]);
    app.say(Tone::Info, msg);
}

/// The form's arrival, when the form is given up unsaved: back to waiting, so the queue
/// does not show them being received by nobody.
pub fn release(app: &mut App, store: &dyn Store) {
    let Some(r) = app.intake.receiving.take() else {
        return;
    };
    let change = ScheduleChange::Advance {
        session: r.session,
        number: r.number,
        state: ArrivalState::Waiting,
        visit: None,
    };
    // Refused when the arrival was closed meanwhile: then there is nothing to give back.
    if let Err(e @ StoreError::Disk { .. } | e @ StoreError::Io(_) | e @ StoreError::Engine(_)) =
        store.change_schedule(&change, &stamp(app))
    {
        let msg = e.localize(app.lang);
        app.say(Tone::Error, msg);
    }
    week::reload(app, store);
}

/// Every form's arrival, the locked drafts' too, back to waiting: the desk is closing.
pub fn release_all(app: &mut App, store: &dyn Store) {
    let held: Vec<(String, Receiving)> = app
        .drafts
        .iter()
        .filter_map(|(code, d)| Some((code.clone(), d.receiving()?)))
        .collect();
    for (code, r) in held {
        let change = ScheduleChange::Advance {
            session: r.session,
            number: r.number,
            state: ArrivalState::Waiting,
            visit: None,
        };
        // In the name of the operator whose form it was. Closed meanwhile: nothing to give.
        let by = crate::domain::ledger::Stamp::new(app.clock.now(), code);
        let _ = store.change_schedule(&change, &by);
    }
    release(app, store);
}

/// Someone who came on an appointment is the petitioner of the booked matter: intake takes
/// them as a repeat and links today's visit to that matter, so its first holder keeps it.
fn link_appointment(app: &mut App, case: CaseId, store: &dyn Store) -> crate::store::Result<()> {
    let Some(found) = store.case(case)? else {
        return Ok(());
    };
    let Some(petitioner) = store.petitioner(found.petitioner_id)? else {
        return Ok(());
    };
    let entry = super::repeat::entry(
        app,
        store,
        RepeatMatch {
            petitioner,
            reasons: Vec::new(),
        },
    )?;
    let position = entry.open_cases.iter().position(|c| c.id == case);
    app.intake.matches = vec![entry];
    app.intake.match_cursor = Some(0);
    super::intake::choose_match(app, store);
    if let Some(i) = position {
        app.intake.case_choice = i + 1;
    }
    Ok(())
}

/// Intake's save: the visit, and when it is the arrival being received, the arrival marked
/// received with it in the same step (`Store::register_received`). When the queue refuses
/// (the arrival was changed meanwhile, at this desk under another operator), the visit is
/// saved on its own and why the arrival was not marked comes back: the queue's state never
/// costs a visit.
pub fn register(
    app: &mut App,
    visit: &NewVisit,
    store: &dyn Store,
) -> (crate::store::Result<Registered>, Option<String>) {
    let Some(r) = app.intake.receiving else {
        return (store.register_visit(visit), None);
    };
    match store.register_received(visit, r.session, r.number, &stamp(app)) {
        Err(e @ (StoreError::Schedule(_) | StoreError::NotFound(RecordRef::Session(_)))) => {
            app.intake.receiving = None;
            let why = app.lang.f(T::ArrivalNotMarked, &[&e.localize(app.lang)]);
            (store.register_visit(visit), Some(why))
        }
        other => (other, None),
    }
}

/// After intake saved the visit of the arrival being received (marked received with it): the
/// matter opens for the instruction and the assignment.
pub fn received(app: &mut App, done: &Registered, store: &dyn Store) {
    week::reload(app, store);
    week::to_next_waiting(app);
    app.screen = Screen::Week;
    super::matter::open(app, done.case.id, store);
}

/// Moves the queue cursor, in calling order.
pub fn move_cursor(app: &mut App, step: isize) {
    let len = app
        .week
        .selected_session()
        .map_or(0, |s| s.queue.len())
        .saturating_sub(1);
    app.week.queue_cursor = app.week.queue_cursor.saturating_add_signed(step).min(len);
}

/// Ctrl-D on an arrival who went home unreceived.
pub fn left(app: &mut App, store: &dyn Store) {
    if app.refused(Permission::RunQueue, false) {
        return;
    }
    let Some(session) = app.week.selected_session() else {
        return;
    };
    let Some(arrival) = session.calling_order().get(app.week.queue_cursor).copied() else {
        return;
    };
    let change = ScheduleChange::Advance {
        session: session.id,
        number: arrival.number,
        state: ArrivalState::Left,
        visit: None,
    };
    match store.change_schedule(&change, &stamp(app)) {
        Ok(_) => week::reload(app, store),
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

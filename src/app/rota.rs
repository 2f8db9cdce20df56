//! Planning who receives when, from the week (supervisors and administrators): the rota of
//! the week shown and the three after it, swapping two sessions' leaders, and leaders'
//! unavailable dates.

use chrono::{Days, NaiveDate};

use crate::domain::permission::Permission;
use crate::domain::schedule::rota::{Rota, RotaRequest, generate, last_leader_before};
use crate::domain::schedule::{ScheduleChange, Session};
use crate::i18n::{Localize, T};
use crate::store::Store;

use super::week::{reload, stamp};
use super::{App, Tone};

/// How far ahead one rota reaches from the week shown: four weeks.
const ROTA_DAYS: u64 = 27;
/// How far back the rota looks for who received last, so the turn carries on.
const TURN_MEMORY_DAYS: u64 = 120;

/// Fills the pattern days of the week shown and the three after it with the active leaders
/// in turn, keeping every session already there.
pub fn generate_rota(app: &mut App, store: &dyn Store) {
    if app.refused(Permission::PlanSchedule, false) {
        return;
    }
    let Some(from) = app.week.monday else {
        return;
    };
    let to = from.checked_add_days(Days::new(ROTA_DAYS)).unwrap_or(from);
    let before = from
        .checked_sub_days(Days::new(TURN_MEMORY_DAYS))
        .unwrap_or(from);
    let read = (|| {
        Ok::<_, crate::store::StoreError>((
            store.active_leaders()?,
            store.sessions_between(before, to)?,
            store.unavailable()?,
        ))
    })();
    let (leaders, sessions, unavailable) = match read {
        Ok(read) => read,
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
            return;
        }
    };
    if leaders.is_empty() {
        let msg = app.t(T::RotaNoLeaders).to_string();
        app.say(Tone::Warn, msg);
        return;
    }
    let ids: Vec<_> = leaders.iter().map(|l| l.id).collect();
    let in_range: Vec<Session> = sessions
        .iter()
        .filter(|s| s.plan.date >= from)
        .cloned()
        .collect();
    let request = RotaRequest {
        from,
        to,
        leaders: &ids,
        after: last_leader_before(&sessions, from),
        setting: &app.settings.reception,
    };
    let rota = generate(&request, &in_range, &unavailable, &app.calendar);
    let outcome = if rota.planned.is_empty() {
        Ok(())
    } else {
        let stamp = stamp(app);
        store
            .change_schedule(&ScheduleChange::Rota(rota.planned.clone()), &stamp)
            .map(drop)
    };
    match outcome {
        Ok(()) => {
            let msg = rota_report(app, &rota);
            app.say(Tone::Ok, msg);
            reload(app, store);
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

/// What a rota did, in one line: how many sessions, and every day it left alone and why.
pub fn rota_report(app: &App, rota: &Rota) -> String {
    let dates = |ds: &mut dyn Iterator<Item = NaiveDate>| {
        ds.map(|d| d.format("%m-%d").to_string())
            .collect::<Vec<_>>()
            .join("、")
    };
    let mut parts = vec![app.lang.f(T::RotaPlanned, &[&rota.planned.len()])];
    for (date, name) in &rota.skipped_holidays {
        let date = date.format("%m-%d").to_string();
        parts.push(app.lang.f(T::RotaHoliday, &[&date, name]));
    }
    if !rota.kept.is_empty() {
        let kept = dates(&mut rota.kept.iter().copied());
        parts.push(app.lang.f(T::RotaKept, &[&kept]));
    }
    if !rota.unfilled.is_empty() {
        let unfilled = dates(&mut rota.unfilled.iter().copied());
        parts.push(app.lang.f(T::RotaUnfilled, &[&unfilled]));
    }
    parts.join(";")
}

/// Marks the selected session for a swap, or swaps its leader with the one marked.
pub fn swap(app: &mut App, store: &dyn Store) {
    if app.refused(Permission::PlanSchedule, false) {
        return;
    }
    let Some(id) = app.week.selected_session().map(|s| s.id) else {
        return;
    };
    match app.week.swap_from.take() {
        None => {
            app.week.swap_from = Some(id);
            let msg = app.t(T::SwapMarked).to_string();
            app.say(Tone::Info, msg);
        }
        Some(first) if first == id => {}
        Some(first) => {
            let stamp = stamp(app);
            match store.change_schedule(&ScheduleChange::Swap(first, id), &stamp) {
                Ok(_) => {
                    let msg = app.t(T::SwapDone).to_string();
                    app.say(Tone::Ok, msg);
                    reload(app, store);
                }
                Err(e) => {
                    let msg = e.localize(app.lang);
                    app.say(Tone::Error, msg);
                }
            }
        }
    }
}

/// Enter in the unavailable field: the leader of that name (or pinyin initials) cannot receive
/// on that date; typed again, the date is free again. The rota avoids such dates.
pub(super) fn toggle_unavailable(app: &mut App, store: &dyn Store) {
    let Some(entry) = app.week.entry.as_ref() else {
        return;
    };
    let typed = entry.field.value().to_string();
    let (name, date) = match typed.trim().rsplit_once(char::is_whitespace) {
        Some((name, date)) => (name.trim(), crate::domain::date::parse_date(date).ok()),
        None => ("", None),
    };
    let leader = app
        .directory()
        .active_leaders()
        .find(|l| l.name == name)
        .map(|l| l.id);
    let (Some(leader), Some(date)) = (leader, date) else {
        let msg = app.t(T::UnavailableFormat).to_string();
        app.say(Tone::Error, msg);
        return;
    };
    let unavailable = match store.unavailable() {
        Ok(all) => !all.get(&leader).is_some_and(|days| days.contains(&date)),
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
            return;
        }
    };
    let change = ScheduleChange::Unavailable {
        leader,
        date,
        unavailable,
    };
    match store.change_schedule(&change, &stamp(app)) {
        Ok(_) => {
            app.week.entry = None;
            let key = if unavailable {
                T::UnavailableSet
            } else {
                T::UnavailableCleared
            };
            let msg = app.lang.f(key, &[&name, &date]);
            app.say(Tone::Ok, msg);
            reload(app, store);
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

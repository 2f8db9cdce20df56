//! Rota generation (轮流接访): the pattern days of a date range filled with the active leaders
//! in turn. Holidays are skipped and named, dates that already have a session keep it, and a
//! leader is never put on a date they marked unavailable.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate};

use super::{Mode, Origin, ReceptionSetting, Session, SessionId, SessionPlan};
use crate::domain::calendar::HolidayCalendar;
use crate::domain::organisation::LeaderId;

/// The dates a leader cannot receive.
pub type Unavailable = BTreeMap<LeaderId, BTreeSet<NaiveDate>>;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rota {
    /// New sessions, in date order.
    pub planned: Vec<SessionPlan>,
    /// Pattern days that are holidays, with the holiday's name.
    pub skipped_holidays: Vec<(NaiveDate, String)>,
    /// Pattern days that already have a session, kept as they are.
    pub kept: Vec<NaiveDate>,
    /// Pattern days on which no leader was available.
    pub unfilled: Vec<NaiveDate>,
}

/// What a rota needs to know.
pub struct RotaRequest<'a> {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The active leaders, in turn order.
    pub leaders: &'a [LeaderId],
    /// The leader the turn starts after (who received last), so rotas continue each other.
    pub after: Option<LeaderId>,
    pub setting: &'a ReceptionSetting,
}

/// The pattern days of `from..=to`: every setting weekday.
pub fn pattern_days(from: NaiveDate, to: NaiveDate, setting: &ReceptionSetting) -> Vec<NaiveDate> {
    let want = setting.weekday();
    let ahead = (7 + want.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    let mut days = Vec::new();
    let mut day = from.checked_add_days(Days::new(u64::from(ahead)));
    while let Some(d) = day.filter(|d| *d <= to) {
        days.push(d);
        day = d.checked_add_days(Days::new(7));
    }
    days
}

pub fn generate(
    request: &RotaRequest,
    existing: &[Session],
    unavailable: &Unavailable,
    calendar: &HolidayCalendar,
) -> Rota {
    let taken: BTreeSet<NaiveDate> = existing.iter().map(|s| s.plan.date).collect();
    let leaders = request.leaders;
    let mut turn = request
        .after
        .and_then(|a| leaders.iter().position(|l| *l == a))
        .map_or(0, |i| i + 1);
    let mut rota = Rota::default();
    for date in pattern_days(request.from, request.to, request.setting) {
        if !calendar.is_working_day(date) {
            let name = calendar.holiday_name(date).unwrap_or_default().to_string();
            rota.skipped_holidays.push((date, name));
            continue;
        }
        if taken.contains(&date) {
            rota.kept.push(date);
            continue;
        }
        let free = |l: &LeaderId| !unavailable.get(l).is_some_and(|days| days.contains(&date));
        let pick = (0..leaders.len())
            .map(|k| (turn + k) % leaders.len())
            .find(|&i| free(&leaders[i]));
        let Some(i) = pick else {
            rota.unfilled.push(date);
            continue;
        };
        turn = i + 1;
        rota.planned.push(SessionPlan {
            date,
            start: request.setting.start,
            end: request.setting.end,
            place: request.setting.place.clone(),
            mode: Mode::FixedPlace,
            leader: leaders[i],
            sitting_in: Vec::new(),
            note: String::new(),
            carried: Vec::new(),
        });
    }
    rota
}

/// Sessions whose leader marked their date unavailable: a hand-made session is kept as set,
/// so the clash is shown, not resolved silently.
pub fn clashes(sessions: &[Session], unavailable: &Unavailable) -> Vec<SessionId> {
    sessions
        .iter()
        .filter(|s| {
            unavailable
                .get(&s.plan.leader)
                .is_some_and(|days| days.contains(&s.plan.date))
        })
        .map(|s| s.id)
        .collect()
}

/// The leader who received last before `date`, for `RotaRequest::after`.
pub fn last_leader_before(sessions: &[Session], date: NaiveDate) -> Option<LeaderId> {
    sessions
        .iter()
        .filter(|s| s.plan.date < date && s.origin == Origin::Rota)
        .max_by_key(|s| s.plan.date)
        .map(|s| s.plan.leader)
}

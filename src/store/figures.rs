//! The statistics' inputs read from a store: only the time range a report covers, and each
//! matter of its visits once. The figures themselves are `domain::statistics`.

use std::collections::BTreeSet;

use chrono::{Months, NaiveDate, NaiveTime};

use super::{Result, Store};
use crate::domain::calendar::HolidayCalendar;
use crate::domain::deadline::DeadlinePolicy;
use crate::domain::statistics::Outcome;
use crate::domain::statistics::desk::{self, Desk, DeskInput};
use crate::domain::statistics::period::{self, Figures, Period, Quarter};
use crate::domain::visit::Visit;

/// How far back the desk's rates (closed on time, settled) and group visits look.
pub const DESK_MONTHS: u32 = 12;

/// What the office's time-limit rules are, to judge timeliness with.
pub struct Rules<'a> {
    pub today: NaiveDate,
    pub policy: &'a DeadlinePolicy,
    pub calendar: &'a HolidayCalendar,
}

fn visits_in(store: &dyn Store, period: Period) -> Result<Vec<Visit>> {
    store.visits_between(
        period.from.and_time(NaiveTime::MIN),
        period.until.and_time(NaiveTime::MIN),
    )
}

/// The outcome of every matter one of `visits` belongs to.
fn outcomes(store: &dyn Store, visits: &[Visit], rules: &Rules) -> Result<Vec<Outcome>> {
    let ids: BTreeSet<_> = visits.iter().map(|v| v.case_id).collect();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(matter) = store.matter(id)? {
            out.push(Outcome::of(
                &matter,
                rules.today,
                rules.policy,
                rules.calendar,
            ));
        }
    }
    Ok(out)
}

/// The figures of one period (a quarter, a year).
pub fn period_figures(store: &dyn Store, period: Period, rules: &Rules) -> Result<Figures> {
    let visits = visits_in(store, period)?;
    let outcomes = outcomes(store, &visits, rules)?;
    Ok(period::figures(period, &visits, &outcomes))
}

/// What the supervisor view shows: the desk and this quarter beside the one before.
pub struct Overview {
    pub desk: Desk,
    pub quarter: Figures,
    pub previous: Figures,
}

/// The supervisor view's figures: every open matter, the matters and visits of the last
/// `DESK_MONTHS` months for the desk's rates and group visits, and the two quarters. The
/// visits and matters of the whole span are read once and shared by all three.
pub fn overview(store: &dyn Store, rules: &Rules, quarter: Quarter) -> Result<Option<Overview>> {
    let (Some(now), Some(before)) = (quarter.range(), quarter.previous().range()) else {
        return Ok(None);
    };
    let rows = store.pending_matters()?;
    let from = rules
        .today
        .checked_sub_months(Months::new(DESK_MONTHS))
        .unwrap_or(rules.today);
    let until = rules.today.succ_opt().unwrap_or(rules.today);
    let recent = Period { from, until };
    let span = Period {
        from: from.min(before.from),
        until: until.max(now.until),
    };
    let visits = visits_in(store, span)?;
    let outcomes = outcomes(store, &visits, rules)?;
    let quarter = period::figures(now, &visits, &outcomes);
    let previous = period::figures(before, &visits, &outcomes);
    // The desk's rates are over the matters opened in its window, not older ones that merely
    // had a visit in it.
    let recent_visits: Vec<Visit> = visits
        .into_iter()
        .filter(|v| recent.contains(v.received_at.date()))
        .collect();
    let recent_outcomes: Vec<Outcome> = outcomes
        .into_iter()
        .filter(|o| recent.contains(o.opened))
        .collect();
    let desk = desk::desk(&DeskInput {
        rows: &rows,
        outcomes: &recent_outcomes,
        visits: &recent_visits,
        today: rules.today,
        policy: rules.policy,
        calendar: rules.calendar,
    });
    Ok(Some(Overview {
        desk,
        quarter,
        previous,
    }))
}

//! A visit's detail with the petitioner's history.

use chrono::NaiveDate;

use crate::domain::case::Case;
use crate::domain::deadline::{Stage, StageClock, Urgency};
use crate::domain::visit::{Visit, VisitId};
use crate::i18n::Localize;
use crate::store::{History, Store};

use super::{App, Screen, Tone};

/// How much of a petitioner's history the detail shows.
const HISTORY_LIMIT: usize = 200;

#[derive(Clone, Debug)]
pub struct VisitDetail {
    pub visit: Visit,
    pub case: Option<Case>,
    pub history: Option<History>,
    /// Highlighted row of the history.
    pub selected: usize,
    /// For each open matter of the history, in order: the stage whose clock runs, its due
    /// date, and how urgent it is when the office owes the step.
    pub open_clocks: Vec<Option<OpenClock>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenClock {
    pub stage: Stage,
    pub due: NaiveDate,
    pub urgency: Option<Urgency>,
}

pub(super) fn open(app: &mut App, id: VisitId, store: &dyn Store) {
    match load(app, id, store).and_then(|d| d.map(|d| with_clocks(app, d, store)).transpose()) {
        Ok(Some(detail)) => {
            app.details.push(detail);
            app.screen = Screen::Detail;
        }
        Ok(None) => {}
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

fn load(app: &App, id: VisitId, store: &dyn Store) -> crate::store::Result<Option<VisitDetail>> {
    let Some(mut visit) = store.visit(id)? else {
        return Ok(None);
    };
    let hidden = super::confidential::visit(app, &mut visit, store);
    let mut case = store.case(visit.case_id)?;
    // The petitioner's other visits would name the accuser.
    let mut history = if hidden {
        None
    } else {
        store.history(visit.petitioner_id, HISTORY_LIMIT)?
    };
    if let Some(c) = case.as_mut().filter(|_| hidden) {
        super::confidential::case(app, c, None);
    }
    if let Some(h) = history.as_mut() {
        // A clerk's history, like their list, is their own work (`app::repeat` says why).
        if let Some(code) = app.own_visits_only() {
            h.visits.retain(|v| v.received_by == code);
            for c in &mut h.open_cases {
                c.summary.clear();
            }
        }
        for v in &mut h.visits {
            super::confidential::visit(app, v, store);
        }
        for c in &mut h.open_cases {
            let responsible = store.responsible_leader(c.id)?;
            super::confidential::case(app, c, responsible);
        }
    }
    let selected = history
        .as_ref()
        .and_then(|h| h.visits.iter().position(|v| v.id == id))
        .unwrap_or(0);
    Ok(Some(VisitDetail {
        visit,
        case,
        history,
        selected,
        open_clocks: Vec::new(),
    }))
}

/// Works out the deadline of each open matter once, when the detail opens.
fn with_clocks(
    app: &App,
    mut d: VisitDetail,
    store: &dyn Store,
) -> crate::store::Result<VisitDetail> {
    let today = app.clock.today();
    let cases = d.history.as_ref().map_or(&[][..], |h| &h.open_cases[..]);
    let mut clocks = Vec::with_capacity(cases.len());
    for case in cases {
        let clock = store.matter(case.id)?.and_then(|m| StageClock::of(&m));
        clocks.push(clock.map(|c| {
            let due = app.policy.listed_due(&c, &app.calendar).date;
            OpenClock {
                stage: c.stage,
                due,
                urgency: c
                    .stage
                    .office_duty()
                    .then(|| app.policy.urgency(due, today)),
            }
        }));
    }
    d.open_clocks = clocks;
    Ok(d)
}

pub(super) fn move_selection(app: &mut App, delta: isize) {
    if let Some(d) = app.details.last_mut() {
        let len = d.history.as_ref().map_or(0, |h| h.visits.len());
        if len > 0 {
            d.selected = (d.selected as isize + delta).clamp(0, len as isize - 1) as usize;
        }
    }
}

/// Enter on a history row opens that visit, unless it is the one shown.
pub(super) fn open_selected(app: &mut App, store: &dyn Store) {
    let Some(d) = app.details.last() else { return };
    let Some(v) = d.history.as_ref().and_then(|h| h.visits.get(d.selected)) else {
        return;
    };
    if v.id != d.visit.id {
        let id = v.id;
        open(app, id, store);
    }
}

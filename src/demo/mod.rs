//! Synthetic demonstration data: a county desk in 普洱 with two years of visits, repeat and
//! long-term petitioners, group visits, leaders and handling departments. The same seed, day
//! and options always give the same data, so a demo or a bug report can be reproduced.
//!
//! `fill` is the only part that talks to the store; the generation itself (people, matters,
//! the timeline, who comes back) lives in the submodules and never sees the store.

mod data;
mod issued;
mod life;
mod matters;
mod org;
mod people;
mod pick;
mod plan;
mod reception_days;
mod roster;
mod schedule;
mod timeline;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_life;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use std::collections::HashSet;

use crate::domain::case::CaseId;
use crate::domain::ledger::Stamp;
use crate::domain::matter::MatterChange;
use crate::domain::office::OfficeSettings;
use crate::domain::operator::{NewOperator, PinHash};
use crate::domain::organisation::{DepartmentId, LeaderId};
use crate::domain::permission::Role;
use crate::domain::visit::{CaseLink, NewVisit};
use crate::store::{Store, StoreError};

use life::Handlers;
use plan::{Life, Origin, Planner};
use schedule::Schedule;

pub use timeline::PERIOD_MONTHS;

/// Visits handed to the store at once, once the start is behind: big enough to be quick,
/// small enough to report progress often.
const CHUNK: u64 = 1000;
/// Changes to matters handed to the store at once.
const CHANGES: usize = 4000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoOptions {
    /// How many visits to generate.
    pub visits: u64,
    pub seed: u64,
    /// The last day of the period; no visit is later.
    pub today: NaiveDate,
    /// Categories and the group threshold the data follows.
    pub settings: OfficeSettings,
}

/// Where demo history ends for a desk opened on `today`: yesterday, because visits at hours
/// of today that have not come yet would look invented on the visits list.
pub fn history_end(today: NaiveDate) -> NaiveDate {
    today.pred_opt().unwrap_or(today)
}

/// What `fill` put into the store.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub visits: u64,
    pub petitioners: u64,
    pub matters: u64,
    pub group_visits: u64,
    /// Visits on a matter registered before.
    pub repeat_visits: u64,
    /// Steps, plans, reminders and the like written as the matters lived their lives.
    pub matter_changes: u64,
    pub leaders: u64,
    pub departments: u64,
    /// Reception sessions planned around today.
    pub sessions: u64,
}

/// Who set up the demo office's leaders and departments.
pub const DEMO_ADMIN: &str = "demo-admin";

/// Fills `store` with demonstration data and marks it as demo data. `progress` is told
/// (visits done, total) after every chunk the store has taken.
///
/// Matters live their lives as the days pass: each new matter's steps are drawn when it is
/// registered and written when their day comes, always before a later visit on the same
/// matter, so every ledger reads in time order.
pub fn fill(
    store: &dyn Store,
    opts: &DemoOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<DemoSummary, StoreError> {
    let mut summary = DemoSummary::default();
    // Leaders and departments draw from their own stream, so the visits do not depend on them;
    // so do the matters' lives.
    let mut org_rng = ChaCha8Rng::seed_from_u64(opts.seed);
    org_rng.set_stream(1);
    let mut life_rng = ChaCha8Rng::seed_from_u64(opts.seed);
    life_rng.set_stream(2);
    let mut planner = Planner::new(
        ChaCha8Rng::seed_from_u64(opts.seed),
        &opts.settings,
        opts.today,
    );
    // The office set up its leaders and departments before the history begins.
    let set_up = chrono::NaiveDate::from_ymd_opt(opts.today.year() - 3, 1, 2)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .unwrap_or_default();
    let stamp = Stamp::new(set_up, DEMO_ADMIN);
    let mut desk = Desk::default();
    let leaders = store.add_leaders(&org::leaders(&mut org_rng, planner.people()), &stamp)?;
    summary.leaders = leaders.len() as u64;
    add_operators(store, leaders.first().map(|l| l.id))?;
    planner.set_rota(leaders.iter().map(|l| l.id).collect());
    let mut names = Vec::new();
    for department in org::departments(&mut org_rng, planner.people()) {
        let added = store.add_department(&department, &stamp)?;
        desk.departments.push(added.id);
        names.push(added.name);
        summary.departments += 1;
    }
    planner.live(Life {
        handlers: Handlers::new(&names),
        end: opts.today,
        rng: life_rng,
    });

    let days = timeline::daily_counts(planner.rng(), opts.today, opts.visits);
    for (date, count) in days {
        for (visit, origin) in planner.day(date, count) {
            if let CaseLink::Existing(case) = visit.case {
                desk.before_visit(store, &mut planner, &mut summary, case, visit.received_at)?;
            }
            let at = visit.received_at;
            desk.visits.push(visit);
            desk.origins.push(origin);
            if desk.visits.len() as u64 >= chunk_size(summary.visits) {
                desk.register(store, &mut planner, &mut summary)?;
                progress(summary.visits, opts.visits);
                desk.write_due(store, at, &mut summary)?;
            }
        }
    }
    if !desk.visits.is_empty() || opts.visits == 0 {
        desk.register(store, &mut planner, &mut summary)?;
        progress(summary.visits, opts.visits);
    }
    let after_history = opts
        .today
        .checked_add_days(Days::new(1))
        .unwrap_or(opts.today)
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default();
    desk.write_due(store, after_history, &mut summary)?;
    // The office plans its reception days in the morning, before the desk opens.
    let morning = opts.today.and_hms_opt(7, 30, 0).unwrap_or_default();
    summary.sessions = reception_days::plan(
        store,
        &opts.settings.reception,
        opts.today,
        &Stamp::new(morning, DEMO_ADMIN),
    )?;
    store.mark_demo()?;
    Ok(summary)
}

/// The demo operators' PIN, told on screen and on the command line: demo data only.
pub const DEMO_PIN: &str = "123456";

/// One operator of each role, so every screen can be tried; the secretary records for the
/// first leader, whose accusations she may therefore read.
fn add_operators(store: &dyn Store, leader: Option<LeaderId>) -> Result<(), StoreError> {
    let operators = [
        ("demo-admin", "演示管理员", Role::Administrator, None),
        ("demo-clerk", "演示登记员", Role::Clerk, None),
        ("demo-secretary", "演示记录员", Role::Secretary, leader),
        ("demo-supervisor", "演示督办员", Role::Supervisor, None),
    ];
    for (code, name, role, leader) in operators {
        let pin = PinHash::new(DEMO_PIN).map_err(StoreError::from)?;
        store.add_operator(&NewOperator {
            code: code.into(),
            name: name.into(),
            role,
            pin,
            leader,
        })?;
    }
    Ok(())
}

/// Small chunks at first, so people can come back (which needs their store id) from early
/// on; full chunks after.
fn chunk_size(done: u64) -> u64 {
    (done / 4).clamp(100, CHUNK)
}

/// What the driver holds between calls to the store: visits waiting to be registered (with
/// what the planner must learn once they are), the matters' steps waiting for their day, and
/// the ids the store gave the departments.
#[derive(Default)]
struct Desk {
    visits: Vec<NewVisit>,
    origins: Vec<Origin>,
    /// Known matters with a visit among `visits`.
    visited: HashSet<CaseId>,
    /// Steps to write before `visits` are registered: those of matters visited again,
    /// dated before the visit.
    before: Vec<(CaseId, MatterChange, Stamp)>,
    schedule: Schedule,
    departments: Vec<DepartmentId>,
}

impl Desk {
    /// Sees that a matter's steps dated before a new visit on it are written before the visit.
    /// Usually they are simply written first; when the matter has a visit already waiting,
    /// that one is registered before them.
    fn before_visit(
        &mut self,
        store: &dyn Store,
        planner: &mut Planner,
        summary: &mut DemoSummary,
        case: CaseId,
        at: NaiveDateTime,
    ) -> Result<(), StoreError> {
        if self.schedule.next_for(case).is_some_and(|next| next < at) {
            if self.visited.contains(&case) {
                self.register(store, planner, summary)?;
                self.write_due(store, at, summary)?;
            } else {
                let due = self.schedule.take_for(case, at, &self.departments);
                self.before.extend(due);
            }
        }
        self.visited.insert(case);
        Ok(())
    }

    fn register(
        &mut self,
        store: &dyn Store,
        planner: &mut Planner,
        summary: &mut DemoSummary,
    ) -> Result<(), StoreError> {
        for batch in self.before.chunks(CHANGES) {
            store.change_matters(batch)?;
            summary.matter_changes += batch.len() as u64;
        }
        self.before.clear();
        self.visited.clear();
        if self.visits.is_empty() {
            return Ok(());
        }
        let done = store.register_visits(&self.visits)?;
        if done.len() != self.visits.len() {
            return Err(StoreError::Engine(format!(
                "{} visits sent, {} registered",
                self.visits.len(),
                done.len()
            )));
        }
        for ((visit, origin), registered) in self.visits.iter().zip(&self.origins).zip(&done) {
            if let Some(fate) = planner.registered(*origin, registered) {
                self.schedule.add(registered.case.id, fate);
            }
            summary.visits += 1;
            summary.petitioners += u64::from(registered.new_petitioner);
            summary.matters += u64::from(registered.new_case);
            summary.group_visits += u64::from(visit.group);
            summary.repeat_visits += u64::from(matches!(visit.case, CaseLink::Existing(_)));
        }
        self.visits.clear();
        self.origins.clear();
        Ok(())
    }

    /// Writes every step due before `limit`, a batch at a time.
    fn write_due(
        &mut self,
        store: &dyn Store,
        limit: NaiveDateTime,
        summary: &mut DemoSummary,
    ) -> Result<(), StoreError> {
        let due = self.schedule.due_before(limit, &self.departments);
        for batch in due.chunks(CHANGES) {
            store.change_matters(batch)?;
            summary.matter_changes += batch.len() as u64;
        }
        Ok(())
    }
}

//! Synthetic demonstration data: a county desk in 普洱 with two years of visits, repeat and
//! long-term petitioners, group visits, leaders and handling departments. The same seed, day
//! and options always give the same data, so a demo or a bug report can be reproduced.
//!
//! `fill` is the only part that talks to the store; the generation itself (people, matters,
//! the timeline, who comes back) lives in the submodules and never sees the store.

mod data;
mod issued;
mod matters;
mod org;
mod people;
mod pick;
mod plan;
mod roster;
mod timeline;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::domain::office::OfficeSettings;
use crate::domain::operator::{NewOperator, PinHash};
use crate::domain::organisation::LeaderId;
use crate::domain::permission::Role;
use crate::domain::visit::{CaseLink, NewVisit};
use crate::store::{Store, StoreError};

use plan::{Origin, Planner};

pub use timeline::PERIOD_MONTHS;

/// Visits handed to the store at once, once the start is behind: big enough to be quick,
/// small enough to report progress often.
const CHUNK: u64 = 1000;

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
    pub leaders: u64,
    pub departments: u64,
}

/// Fills `store` with demonstration data and marks it as demo data. `progress` is told
/// (visits done, total) after every chunk the store has taken.
pub fn fill(
    store: &dyn Store,
    opts: &DemoOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<DemoSummary, StoreError> {
    let mut summary = DemoSummary::default();
    // Leaders and departments draw from their own stream, so the visits do not depend on them.
    let mut org_rng = ChaCha8Rng::seed_from_u64(opts.seed);
    org_rng.set_stream(1);
    let mut planner = Planner::new(
        ChaCha8Rng::seed_from_u64(opts.seed),
        &opts.settings,
        opts.today,
    );
    let leaders = store.add_leaders(&org::leaders(&mut org_rng, planner.people()))?;
    summary.leaders = leaders.len() as u64;
    add_operators(store, leaders.first().map(|l| l.id))?;
    planner.set_rota(leaders.iter().map(|l| l.id).collect());
    for department in org::departments(&mut org_rng, planner.people()) {
        store.add_department(&department)?;
        summary.departments += 1;
    }

    let days = timeline::daily_counts(planner.rng(), opts.today, opts.visits);
    let mut chunk = Chunk::default();
    for (date, count) in days {
        for (visit, origin) in planner.day(date, count) {
            chunk.visits.push(visit);
            chunk.origins.push(origin);
            if chunk.visits.len() as u64 >= chunk_size(summary.visits) {
                chunk.register(store, &mut planner, &mut summary)?;
                progress(summary.visits, opts.visits);
            }
        }
    }
    if !chunk.visits.is_empty() || opts.visits == 0 {
        chunk.register(store, &mut planner, &mut summary)?;
        progress(summary.visits, opts.visits);
    }
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

/// Visits waiting for the store, with what the planner must learn once they are registered.
#[derive(Default)]
struct Chunk {
    visits: Vec<NewVisit>,
    origins: Vec<Origin>,
}

impl Chunk {
    fn register(
        &mut self,
        store: &dyn Store,
        planner: &mut Planner,
        summary: &mut DemoSummary,
    ) -> Result<(), StoreError> {
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
            planner.registered(*origin, registered);
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
}

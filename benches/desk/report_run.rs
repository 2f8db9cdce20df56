//! The supervisor's reports: overdue, due soon and pending, each computed the way
//! `xfdesk report` computes it (every open matter's row read from the store, then the
//! deadline policy applied), in a fresh process so the first report meets a cold database.

use std::path::Path;
use std::time::Instant;

use chrono::Local;
use xfdesk::domain::calendar::HolidayCalendar;
use xfdesk::domain::deadline::DeadlinePolicy;
use xfdesk::domain::report::{ReportKind, report};
use xfdesk::store::Store;
use xfdesk::store::sled_store::SledStore;

use crate::child::{Measures, ms};
use crate::report::summarise;

/// Runs of each report after the first.
pub const RUNS: usize = 5;

pub const KINDS: [(ReportKind, &str); 3] = [
    (ReportKind::Overdue, "overdue"),
    (ReportKind::DueSoon, "due_soon"),
    (ReportKind::Pending, "pending"),
];

pub fn measure(db: &Path) -> Result<Measures, String> {
    let store = SledStore::open(db).map_err(|e| e.to_string())?;
    let (policy, calendar) = (DeadlinePolicy::default(), HolidayCalendar::built_in());
    let today = Local::now().date_naive();
    let mut m = Measures::new();
    for (kind, name) in KINDS {
        let mut took = Vec::with_capacity(RUNS + 1);
        let mut found = 0;
        for run in 0..=RUNS {
            let t = Instant::now();
            let rows = store.pending_matters().map_err(|e| e.to_string())?;
            let lines = report(kind, &rows, today, &policy, &calendar);
            found = lines.len();
            let elapsed = ms(t.elapsed());
            if run == 0 {
                m.insert(format!("report_{name}_first_ms"), elapsed);
                m.insert("pending_rows".into(), rows.len() as f64);
            }
            took.push(elapsed);
        }
        summarise(&mut m, &format!("report_{name}"), &mut took);
        m.insert(format!("report_{name}_lines"), found as f64);
    }
    // Of that, reading the rows alone.
    let mut read = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let t = Instant::now();
        store.pending_matters().map_err(|e| e.to_string())?;
        read.push(ms(t.elapsed()));
    }
    summarise(&mut m, "pending_read", &mut read);
    Ok(m)
}

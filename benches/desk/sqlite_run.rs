//! The baseline: the same three reports answered by SQLite (WAL, `synchronous=FULL`) over the
//! same open matters, so the sled numbers have something to be compared with.
//!
//! The rows come from the sled database being measured. Each row's due date and whether the
//! running stage is the office's duty are worked out once with the statutory policy and stored
//! as columns with an index, which is what a SQL design would do; each report is then one
//! indexed query whose rows are read into Rust values, as the desk would read them. Loading is
//! not timed as a report; the reports run on a fresh connection.
//!
//! Also measured here: the logical size of the sled database (every key and value of every
//! tree), against which its size on disk is judged.

use std::path::Path;
use std::time::Instant;

use chrono::{Local, NaiveDate};
use rusqlite::{Connection, params, params_from_iter};
use xfdesk::domain::calendar::HolidayCalendar;
use xfdesk::domain::deadline::DeadlinePolicy;
use xfdesk::domain::report::{ReportKind, line};
use xfdesk::store::Store;
use xfdesk::store::sled_store::SledStore;

use crate::child::{Measures, ms};
use crate::report::summarise;
use crate::report_run::{KINDS, RUNS};

const SQLITE_FILE: &str = "bench-baseline.sqlite";

/// One report line as read back: what a list on screen shows.
#[allow(dead_code)] // read to make the query pay for its columns, never looked at
struct Line {
    id: i64,
    number: String,
    petitioner: String,
    state: String,
    responsible: Option<i64>,
    department: Option<i64>,
    due: Option<String>,
}

pub fn measure(db: &Path) -> Result<Measures, String> {
    let mut m = Measures::new();
    m.insert("logical_bytes".into(), logical_bytes(db)? as f64);

    let scratch = db.with_extension("sqlite-baseline");
    crate::db::remove(&scratch);
    std::fs::create_dir_all(&scratch)
        .map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
    let file = scratch.join(SQLITE_FILE);
    let today = Local::now().date_naive();
    let measured = load(db, &file, today, &mut m).and_then(|()| reports(&file, today, &mut m));
    crate::db::remove(&scratch);
    measured?;
    Ok(m)
}

/// Every key and value of every tree, in bytes: the data itself, before any layout.
fn logical_bytes(db: &Path) -> Result<u64, String> {
    let dir = db.join(xfdesk::store::sled_store::SLED_DIR);
    let sled = sled::open(&dir).map_err(|e| format!("cannot open {}: {e}", dir.display()))?;
    let mut total = 0_u64;
    for name in sled.tree_names() {
        let tree = sled.open_tree(&name).map_err(|e| e.to_string())?;
        for entry in tree.iter() {
            let (k, v) = entry.map_err(|e| e.to_string())?;
            total += (k.len() + v.len()) as u64;
        }
    }
    Ok(total)
}

fn sql(e: rusqlite::Error) -> String {
    format!("SQLite: {e}")
}

fn connect(file: &Path) -> Result<Connection, String> {
    let conn = Connection::open(file).map_err(sql)?;
    conn.pragma_update(None, "journal_mode", "WAL")
        .and_then(|()| conn.pragma_update(None, "synchronous", "FULL"))
        .map_err(sql)?;
    Ok(conn)
}

/// The open matters of the sled database, into SQLite in one transaction.
fn load(db: &Path, file: &Path, today: NaiveDate, m: &mut Measures) -> Result<(), String> {
    let store = SledStore::open(db).map_err(|e| e.to_string())?;
    let rows = store.pending_matters().map_err(|e| e.to_string())?;
    drop(store);
    let (policy, calendar) = (DeadlinePolicy::default(), HolidayCalendar::built_in());

    let t = Instant::now();
    let mut conn = connect(file)?;
    conn.execute_batch(
        "CREATE TABLE matters (
             id INTEGER PRIMARY KEY, number TEXT NOT NULL, petitioner TEXT NOT NULL,
             state TEXT NOT NULL, opened_at TEXT NOT NULL, responsible INTEGER,
             department INTEGER, due TEXT, office_duty INTEGER NOT NULL);
         CREATE INDEX matters_due ON matters (office_duty, due, number);
         CREATE INDEX matters_pending ON matters (due IS NULL, due, opened_at, number);",
    )
    .map_err(sql)?;
    let tx = conn.transaction().map_err(sql)?;
    {
        let mut insert = tx
            .prepare("INSERT INTO matters VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .map_err(sql)?;
        for row in &rows {
            let l = line(row, today, &policy, &calendar);
            insert
                .execute(params![
                    row.id.0 as i64,
                    row.number.to_string(),
                    row.petitioner.as_str(),
                    format!("{:?}", row.state),
                    row.opened_at.to_string(),
                    row.responsible.map(|l| l.0 as i64),
                    row.department.map(|d| d.0 as i64),
                    l.due.map(|d| d.to_string()),
                    l.urgency.is_some(),
                ])
                .map_err(sql)?;
        }
    }
    tx.commit().map_err(sql)?;
    // Into the main file, so its size is the data's.
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .map_err(sql)?;
    m.insert("sqlite_load_ms".into(), ms(t.elapsed()));
    m.insert("sqlite_rows".into(), rows.len() as f64);
    let size = std::fs::metadata(file).map(|md| md.len()).unwrap_or(0);
    m.insert("sqlite_file_bytes".into(), size as f64);
    Ok(())
}

/// The three reports on a fresh connection: the first of each, then p50 / max of more.
fn reports(file: &Path, today: NaiveDate, m: &mut Measures) -> Result<(), String> {
    let conn = connect(file)?;
    let soon = today + chrono::Days::new(u64::from(DeadlinePolicy::default().due_soon_days));
    let columns = "id, number, petitioner, state, responsible, department, due";
    for (kind, name) in KINDS {
        let (filter, order, bound): (&str, &str, Vec<String>) = match kind {
            ReportKind::Overdue => (
                "WHERE office_duty = 1 AND due < ?1",
                "due, number",
                vec![today.to_string()],
            ),
            ReportKind::DueSoon => (
                "WHERE office_duty = 1 AND due >= ?1 AND due <= ?2",
                "due, number",
                vec![today.to_string(), soon.to_string()],
            ),
            ReportKind::Pending => ("", "due IS NULL, due, opened_at, number", vec![]),
        };
        let query = format!("SELECT {columns} FROM matters {filter} ORDER BY {order}");
        let mut statement = conn.prepare(&query).map_err(sql)?;
        let mut took = Vec::with_capacity(RUNS + 1);
        let mut found = 0;
        for run in 0..=RUNS {
            let t = Instant::now();
            let lines: Vec<Line> = statement
                .query_map(params_from_iter(&bound), |r| {
                    Ok(Line {
                        id: r.get(0)?,
                        number: r.get(1)?,
                        petitioner: r.get(2)?,
                        state: r.get(3)?,
                        responsible: r.get(4)?,
                        department: r.get(5)?,
                        due: r.get(6)?,
                    })
                })
                .and_then(|rows| rows.collect())
                .map_err(sql)?;
            found = lines.len();
            let elapsed = ms(t.elapsed());
            if run == 0 {
                m.insert(format!("sqlite_{name}_first_ms"), elapsed);
            }
            took.push(elapsed);
        }
        summarise(m, &format!("sqlite_{name}"), &mut took);
        m.insert(format!("sqlite_{name}_lines"), found as f64);
    }
    Ok(())
}

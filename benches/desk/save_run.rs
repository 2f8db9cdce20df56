//! Durable saves: visits registered one at a time, as the intake form saves them, each on
//! stable storage before the call returns; next to the floor the disk sets, writing a record of
//! the same size into a file and fsyncing it, in the same directory; and next to the floor sled
//! sets, the same record put into an empty sled database, flushed and fsynced.

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::time::Instant;

use chrono::Local;
use xfdesk::domain::id_number::{IdNumber, check_char};
use xfdesk::domain::phone::Phone;
use xfdesk::domain::visit::{CaseLink, NewVisit, Visit};
use xfdesk::store::sled_store::SledStore;
use xfdesk::store::{RecordRef, Registered, Store, codec};

use crate::child::{Measures, ms};
use crate::report::summarise;

/// Saves per size; override with `XFDESK_BENCH_SAVES`. With 200, the p99 was the second
/// slowest save and moved between 2 and 13 ms from run to run on the same database at a
/// million visits; with 1 000 it stays within 1.5–2.6 ms.
const DEFAULT_SAVES: usize = 1000;
const RAW_FILE: &str = "bench-raw-fsync";
const SLED_FLOOR_DIR: &str = "bench-sled-floor";

pub fn measure(db: &Path) -> Result<Measures, String> {
    let saves = std::env::var("XFDESK_BENCH_SAVES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_SAVES);
    let store = SledStore::open(db).map_err(|e| e.to_string())?;
    let mut m = Measures::new();
    m.insert(
        "peak_after_open_bytes".into(),
        crate::child::peak_memory_bytes().unwrap_or(f64::NAN),
    );
    let recent = store
        .visits_newest_first(None, saves)
        .map_err(|e| e.to_string())?;
    if recent.is_empty() {
        return Err("the database holds no visits to model saves on".into());
    }

    let mut took = Vec::with_capacity(saves);
    let mut record_bytes = 0;
    for i in 0..saves {
        let visit = &recent[i % recent.len()];
        // Half come back about their matter, half are new petitioners with a new matter.
        let new = if i % 2 == 0 {
            return_visit(visit)
        } else {
            newcomer(visit, i)?
        };
        let t = Instant::now();
        let done = store.register_visit(&new).map_err(|e| e.to_string())?;
        took.push(ms(t.elapsed()));
        record_bytes += encoded_len(&done)?;
    }
    let record_bytes = record_bytes / saves.max(1);

    let mut raw = raw_fsyncs(db, record_bytes, saves)?;
    let mut floor = sled_floor(db, record_bytes, saves)?;
    summarise(&mut m, "save", &mut took);
    summarise(&mut m, "raw", &mut raw);
    summarise(&mut m, "sled_floor", &mut floor);
    m.insert("record_bytes".into(), record_bytes as f64);
    Ok(m)
}

/// Writes `bytes` at a time into a file and fsyncs it, `count` times. The file is written
/// and synced in full first, so the timed fsyncs carry the data only, as sled's writes into its
/// preallocated segments do; a file that grows on each write adds a journal commit per fsync.
fn raw_fsyncs(dir: &Path, bytes: usize, count: usize) -> Result<Vec<f64>, String> {
    let path = dir.join(RAW_FILE);
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let mut file = OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(&path)
        .map_err(fail)?;
    file.write_all(&vec![0_u8; bytes * count])
        .and_then(|()| file.sync_all())
        .map_err(fail)?;
    let record = vec![0x5a_u8; bytes];
    let mut took = Vec::with_capacity(count);
    for i in 0..count {
        let t = Instant::now();
        file.write_all_at(&record, (i * bytes) as u64)
            .and_then(|()| file.sync_all())
            .map_err(fail)?;
        took.push(ms(t.elapsed()));
    }
    drop(file);
    let _ = std::fs::remove_file(&path);
    Ok(took)
}

/// Inserts `bytes` at a time into an empty sled database in the same directory, then flushes
/// sled and fsyncs its data file, as a save does, `count` times: what any durable write
/// through sled costs on this disk, before any work of the desk's own.
fn sled_floor(dir: &Path, bytes: usize, count: usize) -> Result<Vec<f64>, String> {
    let path = dir.join(SLED_FLOOR_DIR);
    let fail = |e: String| format!("sled floor in {}: {e}", path.display());
    let _ = std::fs::remove_dir_all(&path);
    let db = sled::Config::new()
        .path(&path)
        .open()
        .map_err(|e| fail(e.to_string()))?;
    let file = std::fs::File::open(path.join("db")).map_err(|e| fail(e.to_string()))?;
    let record = vec![0x5a_u8; bytes];
    let mut took = Vec::with_capacity(count);
    for i in 0..count {
        let t = Instant::now();
        db.insert((i as u64).to_be_bytes(), record.as_slice())
            .and_then(|_| db.flush())
            .map_err(|e| fail(e.to_string()))?;
        file.sync_all().map_err(|e| fail(e.to_string()))?;
        took.push(ms(t.elapsed()));
    }
    drop(db);
    let _ = std::fs::remove_dir_all(&path);
    Ok(took)
}

/// The bytes one registration stores as records (visit, petitioner, matter), indexes aside.
fn encoded_len(done: &Registered) -> Result<usize, String> {
    let err = |e: codec::CodecError| e.to_string();
    Ok(
        codec::encode(&done.visit, RecordRef::Visit(done.visit.id.0))
            .map_err(err)?
            .len()
            + codec::encode(
                &done.petitioner,
                RecordRef::Petitioner(done.petitioner.id.0),
            )
            .map_err(err)?
            .len()
            + codec::encode(&done.case, RecordRef::Case(done.case.id.0))
                .map_err(err)?
                .len(),
    )
}

/// The petitioner of `visit` comes back today about the same matter.
fn return_visit(visit: &Visit) -> NewVisit {
    NewVisit {
        channel: visit.channel,
        received_at: Local::now().naive_local(),
        recorded_at: None,
        received_by: "bench".into(),
        petitioner: visit.petitioner.clone(),
        existing_petitioner: Some(visit.petitioner_id),
        co_petitioners: visit.co_petitioners.clone(),
        head_count: visit.head_count,
        group: visit.group,
        kind: visit.kind,
        category: visit.category.clone(),
        summary: visit.summary.clone(),
        case: CaseLink::Existing(visit.case_id),
        receiving_leader: None,
    }
}

/// Someone new, from the same place and with the same concern as `visit`'s petitioner, with
/// an identity number and phone of their own.
fn newcomer(visit: &Visit, n: usize) -> Result<NewVisit, String> {
    let today = Local::now().date_naive();
    let mut new = return_visit(visit);
    new.existing_petitioner = None;
    new.case = CaseLink::New;
    if let Some(id) = &visit.petitioner.id_number {
        let body = format!("{}{:03}", &id.as_str()[..14], 900 + n % 100);
        let number = format!("{body}{}", check_char(&body));
        new.petitioner.id_number =
            Some(IdNumber::parse(&number, today).map_err(|e| e.to_string())?);
    }
    let phone = format!("139{:08}", 47_000_000 + n);
    new.petitioner.phone = Some(Phone::parse(&phone).map_err(|e| e.to_string())?);
    Ok(new)
}

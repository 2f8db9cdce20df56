//! Rewriting the database compactly. sled is log-structured: after a bulk load (demo data, an
//! import) the files hold every superseded version of every page, about twice the live data,
//! and opening the database reads through all of it. Copying the live records into a fresh
//! sled halves the files and the time and memory it takes to open them.
//!
//! The swap is crash-safe. The copy is written beside the database (`sled.compact`), flushed,
//! fsynced and marked complete; only then is the old one renamed away (`sled.old`) and the copy
//! renamed into place. `recover` runs before every open and finishes or undoes an interrupted
//! swap: a copy without its mark is deleted, a complete copy with no database takes its place,
//! and a leftover old database is deleted once the new one is in place.

use crate::store::open_fault::{OpenFault, OpenStep};
use std::fs;
use std::io;
use std::path::Path;

use crate::store::backup::Entry;
use crate::store::{Result, StoreError};

use super::{CACHE_BYTES, SLED_DIR, SledStore};

const COPY_DIR: &str = "sled.compact";
const OLD_DIR: &str = "sled.old";
/// Written into the copy once every record is in it and on disk.
const COMPLETE: &str = "COMPLETE";

/// Sizes before and after, in bytes, for the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Compacted {
    pub before: u64,
    pub after: u64,
    pub records: u64,
}

impl SledStore {
    /// Rewrites the database compactly and closes it. The database stays locked by this
    /// process throughout, so no other xfdesk sees it half swapped.
    pub fn compact(self) -> Result<Compacted> {
        let SledStore {
            db, path, _lock, ..
        } = self;
        let failed = |step: OpenStep, fault: OpenFault| StoreError::Open {
            path: path.clone(),
            step,
            fault,
        };
        let io = |step: OpenStep| move |e: std::io::Error| failed(step, OpenFault::Io(e));
        let engine = |step: OpenStep| move |e: sled::Error| failed(step, OpenFault::of(e));
        let live = path.join(SLED_DIR);
        let copy = path.join(COPY_DIR);
        let before = dir_size(&live).map_err(io(OpenStep::Measure))?;
        if copy.exists() {
            fs::remove_dir_all(&copy).map_err(io(OpenStep::ClearCopy))?;
        }
        let records = {
            let fresh = sled::Config::new()
                .path(&copy)
                .cache_capacity(CACHE_BYTES)
                .open()
                .map_err(engine(OpenStep::CreateCopy))?;
            let records = fill(&fresh, entries(&db)).map_err(engine(OpenStep::Copy))?;
            fresh.flush().map_err(engine(OpenStep::WriteCopy))?;
            records
        };
        drop(db);
        sync_dir_files(&copy).map_err(io(OpenStep::WriteCopy))?;
        fs::write(copy.join(COMPLETE), b"")
            .and_then(|()| sync_dir_files(&copy))
            .map_err(io(OpenStep::MarkCopy))?;
        swap(&path).map_err(io(OpenStep::SwapCopy))?;
        let after = dir_size(&live).map_err(io(OpenStep::Measure))?;
        Ok(Compacted {
            before,
            after,
            records,
        })
    }
}

/// Every tree of `db`, each name followed by its records: what a compaction copies and what
/// a backup holds.
pub(super) fn entries(db: &sled::Db) -> impl Iterator<Item = sled::Result<Entry>> + '_ {
    db.tree_names().into_iter().flat_map(move |name| {
        let records: Box<dyn Iterator<Item = sled::Result<Entry>>> = match db.open_tree(&name) {
            Ok(tree) => Box::new(
                tree.iter()
                    .map(|item| item.map(|(k, v)| Entry::Record(k.to_vec(), v.to_vec()))),
            ),
            Err(e) => Box::new(std::iter::once(Err(e))),
        };
        std::iter::once(Ok(Entry::Tree(name.to_vec()))).chain(records)
    })
}

/// Writes `entries` into `to`, tree by tree, a record at a time; returns how many records.
///
/// Not in batches: sled 0.34 leaves about twice as many nodes behind a batch as behind the
/// same keys inserted one by one, and it holds every node's place in memory from opening on.
/// At a million visits, a copy written in batches of 20 000 took 88 MB to open and 177 MB
/// after random reads; inserted one by one, 73 MB and 154 MB. Nothing is durable before the
/// copy is flushed and marked complete either way.
pub(super) fn fill<E: From<sled::Error>>(
    to: &sled::Db,
    entries: impl Iterator<Item = std::result::Result<Entry, E>>,
) -> std::result::Result<u64, E> {
    let mut records = 0;
    let mut target: sled::Tree = (**to).clone();
    for entry in entries {
        match entry? {
            Entry::Tree(name) => target = to.open_tree(name)?,
            Entry::Record(key, value) => {
                target.insert(key, value)?;
                records += 1;
            }
            // Not records: whoever restores a backup puts its files in place.
            Entry::File(..) => {}
        }
    }
    Ok(records)
}

/// The two renames; `recover` finishes them if the process stops in between.
fn swap(dir: &Path) -> io::Result<()> {
    let (live, copy, old) = (dir.join(SLED_DIR), dir.join(COPY_DIR), dir.join(OLD_DIR));
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    fs::rename(&live, &old)?;
    fs::rename(&copy, &live)?;
    sync_dir(dir)?;
    fs::remove_file(live.join(COMPLETE))?;
    fs::remove_dir_all(&old)
}

/// Finishes or undoes a compaction the process did not finish. Runs before sled is opened,
/// with the database's lock held.
pub(super) fn recover(dir: &Path) -> io::Result<()> {
    let (live, copy, old) = (dir.join(SLED_DIR), dir.join(COPY_DIR), dir.join(OLD_DIR));
    let complete = copy.join(COMPLETE).exists();
    if copy.exists() && !complete {
        // Stopped while copying: the database itself was never touched.
        fs::remove_dir_all(&copy)?;
    } else if complete && !live.exists() {
        // Stopped between the renames: the complete copy takes its place.
        fs::rename(&copy, &live)?;
        sync_dir(dir)?;
    } else if complete {
        // Stopped before the first rename: the database is intact; the copy is not needed.
        fs::remove_dir_all(&copy)?;
    }
    let mark = live.join(COMPLETE);
    if mark.exists() {
        fs::remove_file(mark)?;
    }
    if old.exists() && live.exists() {
        fs::remove_dir_all(&old)?;
    }
    Ok(())
}

fn dir_size(dir: &Path) -> io::Result<u64> {
    let mut total = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += if meta.is_dir() {
            dir_size(&entry.path())?
        } else {
            meta.len()
        };
    }
    Ok(total)
}

/// fsync every file of sled's directory: sled's own flush does not reach the disk's cache.
pub(super) fn sync_dir_files(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.metadata()?.is_file() {
            fs::File::open(entry.path())?.sync_all()?;
        }
    }
    sync_dir(dir)
}

pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

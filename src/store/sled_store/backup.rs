//! Backups of a sled database and restores from them (the file's layout is `store::backup`).
//! A backup reads every tree while this process holds the database: the command line holds its
//! lock, and the desk takes it inside `update`, which no other change can interleave with.

use crate::store::open_fault::OpenStep;
use std::path::Path;

use chrono::NaiveDateTime;

use crate::config::{HOLIDAYS_FILE, OFFICE_FILE, POLICY_FILE};
use crate::store::backup::{BACKUP_FORMAT, BackupError, BackupReader, BackupWriter, Entry, Header};
use crate::store::{RecordRef, Result, StoreError, codec};

use super::compact::{entries, fill, sync_dir_files};
use super::keys::meta;
use super::read::{decode_record, describe, engine};
use super::{CACHE_BYTES, SLED_DIR, SledStore};

/// The office's own settings, kept in the database directory: a restore without them would
/// count deadlines and holidays differently from the database it came from.
const OFFICE_FILES: [&str; 3] = [OFFICE_FILE, POLICY_FILE, HOLIDAYS_FILE];

impl From<sled::Error> for BackupError {
    fn from(e: sled::Error) -> Self {
        BackupError::Write(describe(&e))
    }
}

impl SledStore {
    /// Writes every record to `to` as a backup taken at `at`, and remembers `at` as the last
    /// backup.
    pub(super) fn write_backup(&self, to: &Path, at: NaiveDateTime) -> Result<Header> {
        let io_err = |error| {
            StoreError::Backup(BackupError::Io {
                path: to.to_path_buf(),
                error,
            })
        };
        let files = self.files_beside().map_err(io_err)?;
        let header = Header {
            files: files.len() as u64,
            ..self.backup_header(at)?
        };
        let mut writer = BackupWriter::create(to, &header).map_err(io_err)?;
        for (name, content) in &files {
            writer.file(name, content).map_err(io_err)?;
        }
        let mut written = 0;
        for entry in entries(&self.db) {
            match entry.map_err(engine)? {
                Entry::Tree(name) => writer.tree(&name),
                Entry::Record(key, value) => {
                    written += 1;
                    writer.record(&key, &value)
                }
                Entry::File(name, content) => writer.file(&name, &content),
            }
            .map_err(io_err)?;
        }
        if written != header.records {
            // Dropping the writer removes the unfinished file.
            return Err(StoreError::Backup(BackupError::Count {
                expected: header.records,
                found: written,
            }));
        }
        writer.finish().map_err(io_err)?;
        self.note_backup(at)?;
        Ok(header)
    }

    /// Counting is a pass over every tree before the copy: the header comes first in the file,
    /// and the reader checks the records against it.
    fn backup_header(&self, at: NaiveDateTime) -> Result<Header> {
        let len = |tree: &sled::Tree| tree.len() as u64;
        let mut records = 0;
        let names = self.db.tree_names();
        for name in &names {
            records += len(&self.db.open_tree(name).map_err(engine)?);
        }
        Ok(Header {
            format: BACKUP_FORMAT,
            xfdesk: env!("CARGO_PKG_VERSION").to_string(),
            created_at: at,
            trees: names.len() as u64,
            records,
            visits: self.visits.count()?,
            petitioners: self.petitioners.count()?,
            matters: self.cases.count()?,
            operators: len(&self.operators),
            audit_entries: self.audit_count()?,
            files: 0,
        })
    }

    /// The office's files beside the records, those it has: named, so that nothing else
    /// left in the directory (an earlier backup written there) is swept in.
    fn files_beside(&self) -> std::io::Result<Vec<(String, Vec<u8>)>> {
        let mut files = Vec::new();
        for name in OFFICE_FILES {
            match std::fs::read(self.path.join(name)) {
                Ok(content) => files.push((name.to_string(), content)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
        Ok(files)
    }

    fn note_backup(&self, at: NaiveDateTime) -> Result<()> {
        let value = codec::encode(&at, RecordRef::Settings)?;
        self.meta.insert(meta::LAST_BACKUP, value).map_err(engine)?;
        self.persist()
    }

    pub(super) fn read_last_backup(&self) -> Result<Option<NaiveDateTime>> {
        decode_record(
            self.meta.get(meta::LAST_BACKUP).map_err(engine)?,
            RecordRef::Settings,
        )
    }

    /// Restores the backup `file` into a new database at `dir`, which must not exist yet, and
    /// opens it. The checksum is verified before anything is written; a restore that fails
    /// half way leaves `dir` for the caller to remove. The restored database remembers the
    /// backup's time as its last backup.
    pub fn restore(file: &Path, dir: &Path) -> Result<(SledStore, Header)> {
        let mut backup = BackupReader::open(file)?;
        let header = backup.header.clone();
        let written = write_raw(&mut backup, dir)?;
        if written != header.records {
            return Err(StoreError::Backup(BackupError::Count {
                expected: header.records,
                found: written,
            }));
        }
        let store = SledStore::open(dir)?;
        store.note_backup(header.created_at)?;
        Ok((store, header))
    }
}

/// The backup's records into a fresh sled at `dir`, on disk before this returns.
fn write_raw(backup: &mut BackupReader, dir: &Path) -> Result<u64> {
    let failed = |e: std::io::Error| StoreError::opening(dir, OpenStep::Restore, e);
    crate::store::lock::create_private_dir(dir).map_err(failed)?;
    let sled_dir = dir.join(SLED_DIR);
    let written = {
        let db = sled::Config::new()
            .path(&sled_dir)
            .cache_capacity(CACHE_BYTES)
            .open()
            .map_err(engine)?;
        let mut placed = Ok(());
        let records = std::iter::from_fn(|| {
            loop {
                match backup.next_entry().transpose()? {
                    Ok(Entry::File(name, content)) => {
                        if placed.is_ok() {
                            placed = std::fs::write(dir.join(name), content);
                        }
                    }
                    other => return Some(other),
                }
            }
        });
        let written = fill(&db, records)?;
        placed.map_err(failed)?;
        db.flush().map_err(engine)?;
        written
    };
    sync_dir_files(&sled_dir).map_err(failed)?;
    Ok(written)
}

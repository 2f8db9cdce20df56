//! One xfdesk per database. sled refuses a second opener with an error dump; we take an advisory
//! lock on our own lock file first, holding our PID, so the second one can say who has it.

use crate::store::open_fault::OpenStep;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::StoreError;

pub const LOCK_FILE: &str = "xfdesk.lock";

/// How long to wait for a lock this process itself still holds (see `DbLock::acquire`).
const OWN_LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_secs(2);

/// Held for as long as the database is open; the operating system releases it when the
/// process ends, however it ends.
#[derive(Debug)]
pub struct DbLock {
    _file: File,
    path: PathBuf,
}

impl DbLock {
    pub fn acquire(dir: &Path) -> Result<DbLock, StoreError> {
        let path = dir.join(LOCK_FILE);
        let open_err = |e: std::io::Error| StoreError::opening(dir, OpenStep::Open, e);
        let mut file = owner_only(
            OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false),
        )
        .open(&path)
        .map_err(open_err)?;
        // Held by this very process, the lock can only belong to a store just closed whose
        // descriptor a child being started still shares until it runs its program: wait for
        // that briefly. Held by another process, the database is in use: say by whom.
        let started = std::time::Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) => {
                    let mut text = String::new();
                    let _ = file.seek(SeekFrom::Start(0));
                    let _ = file.read_to_string(&mut text);
                    let pid: Option<u32> = text.trim().parse().ok();
                    let ours = pid == Some(std::process::id());
                    if !(ours && started.elapsed() < OWN_LOCK_PATIENCE) {
                        return Err(StoreError::InUse {
                            path: dir.to_path_buf(),
                            pid,
                        });
                    }
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(open_err(e)),
            }
        }
        file.set_len(0).map_err(open_err)?;
        file.seek(SeekFrom::Start(0)).map_err(open_err)?;
        write!(file, "{}", std::process::id()).map_err(open_err)?;
        file.sync_all().map_err(open_err)?;
        Ok(DbLock { _file: file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Creates a directory (and its parents) readable by its owner only: it holds personal data.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Makes everything under `dir` owner-only (0700 directories, 0600 files), whatever umask the
/// process runs under: sled creates its files with the umask's permissions, and a copy or a
/// loosened parent must not expose them. Our own files are created owner-only already.
pub fn tighten(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::symlink_metadata(dir)?;
        if meta.file_type().is_symlink() {
            return Ok(());
        }
        let mode = if meta.is_dir() { 0o700 } else { 0o600 };
        if meta.permissions().mode() & 0o777 != mode {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode))?;
        }
        if meta.is_dir() {
            for entry in std::fs::read_dir(dir)? {
                tighten_listed(&entry?.path())?;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// `tighten` for what a directory listing named: sled removes old blobs and snapshots while
/// it runs, and one gone since the listing has nothing left to protect. Failing on it failed
/// the save that called `tighten` after the save was already on disk.
fn tighten_listed(path: &Path) -> std::io::Result<()> {
    match tighten(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        done => done,
    }
}

fn owner_only(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gone_since_the_listing_is_no_error_but_a_missing_database_is() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("blobs").join("123");
        assert!(tighten_listed(&gone).is_ok());
        assert!(tighten(&gone).is_err());
        assert!(tighten(dir.path()).is_ok());
    }

    #[test]
    fn a_second_lock_on_the_same_directory_names_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let first = DbLock::acquire(dir.path()).unwrap();
        match DbLock::acquire(dir.path()) {
            Err(StoreError::InUse { pid, path }) => {
                assert_eq!(pid, Some(std::process::id()));
                assert_eq!(path, dir.path());
            }
            other => panic!("expected InUse, got {other:?}"),
        }
        drop(first);
        assert!(
            DbLock::acquire(dir.path()).is_ok(),
            "the lock is free again once dropped"
        );
    }
}

//! `xfdesk backup --out FILE` and `xfdesk restore FILE --db PATH`.
//!
//! A backup needs the database to itself: the desk holds it while it runs, and then the
//! message says to back up from the desk (Ctrl-B) or to quit it first. A restore writes a new
//! database beside the target under a temporary name, checks the operator against the
//! restored operators (whoever restores must be an administrator of the office whose data it
//! is), records the restore in the restored evidence log, and only then gives it the target's
//! name: a restore that fails or is refused leaves nothing at the target.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use crate::app::{Clock, SystemClock};
use crate::domain::audit::AuditKind;
use crate::domain::permission::Permission;
use crate::i18n::{Lang, Localize, T};
use crate::store::sled_store::SledStore;
use crate::store::{Store, StoreError};

use super::auth::record;

/// Backs up `db` to `out` as `operator` (an administrator); the report of what it holds.
pub fn backup(db: &Path, out: &Path, operator: Option<&str>, lang: Lang) -> Result<String, String> {
    let store = SledStore::open(db).map_err(|e| match e {
        StoreError::InUse { path, pid } => {
            let pid = pid.map_or_else(|| "?".to_string(), |p| p.to_string());
            lang.f(T::BackupDeskRunning, &[&path.display(), &pid])
        }
        e => e.localize(lang),
    })?;
    let code = super::auth::authorize_on(&store, operator, Permission::Maintain, "backup", lang)?;
    let now = now();
    let header = store.backup(out, now).map_err(|e| {
        let e = e.localize(lang);
        lang.f(T::BackupFailed, &[&e])
    })?;
    record(
        &store,
        &code,
        AuditKind::BackedUp,
        "",
        &out.display().to_string(),
    );
    Ok(crate::i18n::backup::written(lang, &header, out))
}

/// Restores `file` as the new database `db`, as `operator`, an administrator in the backup.
pub fn restore(
    file: &Path,
    db: &Path,
    operator: Option<&str>,
    lang: Lang,
) -> Result<String, String> {
    if !is_vacant(db) {
        return Err(lang.f(T::RestoreNotEmpty, &[&db.display()]));
    }
    let staging = staging_dir(db);
    let done = restore_as(file, &staging, db, operator, lang);
    if done.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
        return done;
    }
    let placed = put_in_place(&staging, db);
    if let Err(e) = placed {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(lang.f(T::BackupFailed, &[&e]));
    }
    done
}

fn restore_as(
    file: &Path,
    staging: &Path,
    db: &Path,
    operator: Option<&str>,
    lang: Lang,
) -> Result<String, String> {
    let refused = |e: StoreError| lang.f(T::RestoreRefused, &[&file.display(), &e.localize(lang)]);
    let (store, header) = SledStore::restore(file, staging).map_err(refused)?;
    let code = super::auth::authorize_on(&store, operator, Permission::Maintain, "restore", lang)?;
    let taken = header.created_at.format("%Y-%m-%d %H:%M").to_string();
    let detail = format!("{} ({taken})", file.display());
    record(&store, &code, AuditKind::Restored, "", &detail);
    Ok(lang.f(
        T::Restored,
        &[
            &db.display(),
            &header.visits,
            &header.matters,
            &header.operators,
            &header.audit_entries,
            &taken,
        ],
    ))
}

/// A target that does not exist or is an empty directory.
fn is_vacant(db: &Path) -> bool {
    match std::fs::read_dir(db) {
        Ok(mut entries) => entries.next().is_none(),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    }
}

/// Beside the target, so that the final rename stays on one file system.
fn staging_dir(db: &Path) -> PathBuf {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "xfdesk".into());
    let parent = db.parent().filter(|p| !p.as_os_str().is_empty());
    let staging = format!(".{name}.restoring-{}", std::process::id());
    match parent {
        Some(p) => p.join(staging),
        None => PathBuf::from(staging),
    }
}

fn put_in_place(staging: &Path, db: &Path) -> std::io::Result<()> {
    if db.exists() {
        // An empty directory (checked above): renaming over it is not portable.
        std::fs::remove_dir(db)?;
    }
    std::fs::rename(staging, db)?;
    #[cfg(unix)]
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::File::open(parent)?.sync_all()?;
    }
    Ok(())
}

fn now() -> NaiveDateTime {
    SystemClock { today: None }.now()
}

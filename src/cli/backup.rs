//! `xfdesk backup --out FILE` and `xfdesk restore FILE --db PATH`.
//!
//! While the desk runs it holds the database, so the backup is asked of the desk
//! (`store::backup_request`), which checks the same operator and PIN and writes it. A restore
//! writes a new database beside the target under a temporary name, checks the operator against
//! the restored operators (whoever restores must be an administrator of the office whose data it
//! is), records the restore in the restored evidence log, and only then gives it the target's
//! name: a restore that fails or is refused leaves nothing at the target.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;

use crate::app::{Clock, SystemClock};
use crate::domain::audit::AuditKind;
use crate::domain::permission::Permission;
use crate::i18n::{Lang, Localize, T};
use crate::store::backup_request::{self, BackupRequest, Unanswered};
use crate::store::sled_store::SledStore;
use crate::store::{Store, StoreError};

use super::auth::record;

/// Backs up `db` to `out` as `operator` (an administrator); the report of what it holds. A
/// desk holding the database is asked to take it, and has `wait` seconds to take the request.
pub fn backup(
    db: &Path,
    out: &Path,
    wait: u64,
    operator: Option<&str>,
    lang: Lang,
) -> Result<String, String> {
    let store = match SledStore::open(db) {
        Ok(store) => store,
        Err(StoreError::InUse { path, pid }) => {
            let desk = Desk { path, pid };
            return ask_the_desk(db, out, Duration::from_secs(wait), operator, lang, &desk);
        }
        Err(e) => return Err(e.localize(lang)),
    };
    // No desk holds the database: whatever requests left behind (with a PIN in them) go.
    backup_request::clear_leftovers(db);
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

/// How long a backup by the desk may take: a million visits took 18 s here (2 GB).
const FINISH_WITHIN: Duration = Duration::from_secs(30 * 60);

/// The desk that holds the database, as its lock file names it.
struct Desk {
    path: PathBuf,
    pid: Option<u32>,
}

impl Desk {
    /// Whether its process still runs: told by `/proc` where there is one, else assumed.
    fn alive(&self) -> bool {
        match self.pid {
            Some(pid) if Path::new("/proc/self").exists() => {
                Path::new("/proc").join(pid.to_string()).exists()
            }
            _ => true,
        }
    }
}

/// The desk holds `db`: asks it for the backup and waits for its answer, `take` for the desk to
/// take the request (it looks once an idle second, and may still be opening a large database).
fn ask_the_desk(
    db: &Path,
    out: &Path,
    take: Duration,
    operator: Option<&str>,
    lang: Lang,
    desk: &Desk,
) -> Result<String, String> {
    let code = super::auth::operator_code(operator)
        .ok_or_else(|| lang.t(T::CliNeedsOperator).to_string())?;
    let pin = super::auth::read_pin(&code, lang)?;
    let out = std::path::absolute(out).map_err(|e| lang.f(T::BackupRequestFailed, &[&e]))?;
    let request = BackupRequest {
        id: backup_request::new_id(),
        out,
        operator: code,
        pin,
        lang,
        take_by: backup_request::take_by(take),
    };
    let unanswered = |e: Unanswered| match e {
        Unanswered::NotTaken => lang.f(T::BackupDeskSilent, &[&take.as_secs()]),
        Unanswered::NotFinished => lang.f(T::BackupDeskSlow, &[&(FINISH_WITHIN.as_secs() / 60)]),
        Unanswered::DeskGone => lang.t(T::BackupDeskGone).to_string(),
        Unanswered::Io(e) => lang.f(T::BackupRequestFailed, &[&e]),
    };
    backup_request::send(db, &request).map_err(|e| lang.f(T::BackupRequestFailed, &[&e]))?;
    let pid = desk.pid.map_or_else(|| "?".to_string(), |p| p.to_string());
    eprintln!(
        "{}",
        lang.f(T::BackupAskingDesk, &[&desk.path.display(), &pid])
    );
    let alive = || desk.alive();
    let answer = backup_request::wait(db, &request, FINISH_WITHIN, &alive).map_err(unanswered)?;
    if answer.ok {
        Ok(answer.message)
    } else {
        Err(answer.message)
    }
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

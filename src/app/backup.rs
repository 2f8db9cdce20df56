//! Backups from the desk, and the reminder when the last one is old. The desk holds the
//! database, so the command line cannot back it up while the desk runs: an administrator does
//! it here. `update` runs one action at a time, so the backup sees no change half made.

use chrono::NaiveDateTime;

use crate::domain::audit::{AuditEvent, AuditKind};
use crate::domain::permission::Permission;
use crate::i18n::{Localize, T};
use crate::store::Store;

use super::{App, Command, Tone};

/// An administrator is reminded once the last backup is older than this.
pub const REMIND_AFTER_DAYS: i64 = 7;

/// Where the desk writes its backups: a folder of the database directory, owner-only like the
/// rest of it. The README tells the office to copy them to another device.
pub const BACKUP_DIR: &str = "backups";

/// The backup file for a backup taken at `at`.
pub fn file_name(at: NaiveDateTime) -> String {
    format!("xfdesk-{}.xfbak", at.format("%Y%m%d-%H%M%S"))
}

/// Ctrl-B: writes a backup, records it in the evidence log, and says where it went.
pub(super) fn run(app: &mut App, store: &dyn Store) {
    if app.refused(Permission::Maintain, false) {
        return;
    }
    let now = app.clock.now();
    let path = app.db_path.join(BACKUP_DIR).join(file_name(now));
    match store.backup(&path, now) {
        Ok(header) => {
            let event = AuditEvent {
                at: now,
                operator: app.operator_code().to_string(),
                kind: AuditKind::BackedUp,
                subject: String::new(),
                detail: path.display().to_string(),
            };
            if let Err(e) = store.record_audit(&event) {
                tracing::error!("the evidence log could not be written: {e}");
            }
            let msg = crate::i18n::backup::written(app.lang, &header, &path);
            app.say(Tone::Ok, msg);
        }
        Err(e) => {
            let msg = app.lang.f(T::BackupFailed, &[&e.localize(app.lang)]);
            app.say(Tone::Error, msg);
        }
    }
}

/// What an administrator is told at sign-in when the database is not backed up recently:
/// never backed up though it holds records, or backed up more than a week ago.
pub(super) fn reminder(app: &App, store: &dyn Store) -> Option<String> {
    if !app.may(Permission::Maintain) {
        return None;
    }
    let key = app
        .keymap
        .first_key(Command::Backup)
        .map(|k| k.to_string())
        .unwrap_or_default();
    match store.last_backup() {
        Ok(Some(at)) => {
            let age = app.clock.now() - at;
            let days = age.num_days();
            (age > chrono::Duration::days(REMIND_AFTER_DAYS)).then(|| {
                let when = at.format("%Y-%m-%d").to_string();
                app.lang.f(T::BackupOld, &[&days, &when, &key])
            })
        }
        Ok(None) if !store.is_empty().unwrap_or(true) => Some(app.lang.f(T::BackupNever, &[&key])),
        Ok(None) => None,
        Err(e) => {
            tracing::warn!("when the last backup was taken could not be read: {e}");
            None
        }
    }
}

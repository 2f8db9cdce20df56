//! Backups from the desk, and the reminder when the last one is old. The desk holds the
//! database, so the command line cannot open it while the desk runs: an administrator backs up
//! here, or the command line asks the desk to (`store::backup_request`). `update` runs one
//! action at a time, so the backup sees no change half made.

use chrono::NaiveDateTime;

use crate::domain::audit::{AuditEvent, AuditKind};
use crate::domain::permission::Permission;
use crate::i18n::{Localize, T};
use crate::store::Store;
use crate::store::backup_folder;
use crate::store::backup_request::{BackupAnswer, Taken};

use super::update::Effect;
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

/// Desk backups kept in `BACKUP_DIR`: two weeks of one a day, as the README asks of an office.
pub const KEEP_AT_DESK: usize = 14;

/// Ctrl-B: writes a backup, records it in the evidence log, and says where it went; the oldest
/// beyond `KEEP_AT_DESK` are removed. Refused before writing when the disk has no room for one
/// the size of the largest there and the saves after it, even with those removed first.
pub(super) fn run(app: &mut App, store: &dyn Store) {
    if app.refused(Permission::Maintain, false) {
        return;
    }
    let now = app.clock.now();
    let folder = app.db_path.join(BACKUP_DIR);
    match backup_folder::room(&folder, KEEP_AT_DESK, &app.db_path) {
        Ok(None) => {}
        Ok(Some((free, size))) => {
            let mb = |bytes: u64| bytes / (1024 * 1024);
            let msg = app.lang.f(T::BackupNoRoom, &[&mb(free), &mb(size)]);
            app.say(Tone::Error, msg);
            return;
        }
        // The backup itself then says what the disk refuses.
        Err(e) => tracing::warn!("the room for a backup could not be worked out: {e}"),
    }
    let path = folder.join(file_name(now));
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
            let mut msg = crate::i18n::backup::written(app.lang, &header, &path);
            match backup_folder::prune(&folder, KEEP_AT_DESK, &path) {
                Ok(0) => {}
                Ok(removed) => {
                    let pruned = app.lang.f(T::BackupPruned, &[&removed, &KEEP_AT_DESK]);
                    msg = format!("{msg}{pruned}");
                }
                Err(e) => tracing::warn!("older backups could not be removed: {e}"),
            }
            app.say(Tone::Ok, msg);
        }
        Err(e) => {
            let msg = app.lang.f(T::BackupFailed, &[&e.localize(app.lang)]);
            app.say(Tone::Error, msg);
        }
    }
}

/// Says on the status line what the desk is doing for the command line, unless it shows an
/// error: the clerk's "not confirmed on disk" must stay until read.
fn tell(app: &mut App, tone: Tone, msg: String) {
    if app.status.as_ref().is_some_and(|s| s.tone == Tone::Error) {
        tracing::info!("{msg}");
        return;
    }
    app.say(tone, msg);
}

/// The command line asked for a backup: said before the desk stops to take it.
pub(super) fn starting(app: &mut App, operator: &str) {
    let msg = app.lang.f(T::BackupServing, &[&operator]);
    tell(app, Tone::Info, msg);
}

/// A backup the command line asked for: the operator and PIN it carries are checked as the
/// command line checks them (a refusal is recorded the same way), whoever is signed in at the
/// desk. The desk says what happened; the answer goes back to the command line.
pub(super) fn requested(app: &mut App, store: &dyn Store, taken: Taken) -> Effect {
    let request = match taken {
        Taken::Request(request) => request,
        Taken::Unusable { id } => {
            let message = app.t(T::BackupRequestUnusable).to_string();
            let answer = BackupAnswer { ok: false, message };
            return Effect::AnswerBackup { id, answer };
        }
    };
    let lang = request.lang;
    let (code, pin) = (&request.operator, &request.pin);
    let checked = crate::cli::auth::check(
        store,
        &app.settings,
        code,
        pin,
        Permission::Maintain,
        "backup",
        lang,
    );
    let done = checked.and_then(|code| {
        let now = app.clock.now();
        let header = store
            .backup(&request.out, now)
            .map_err(|e| lang.f(T::BackupFailed, &[&e.localize(lang)]))?;
        let event = AuditEvent {
            at: now,
            operator: code,
            kind: AuditKind::BackedUp,
            subject: String::new(),
            detail: request.out.display().to_string(),
        };
        if let Err(e) = store.record_audit(&event) {
            tracing::error!("the evidence log could not be written: {e}");
        }
        Ok(crate::i18n::backup::written(lang, &header, &request.out))
    });
    let (tone, said) = match &done {
        Ok(_) => (Tone::Ok, T::BackupServed),
        Err(_) => (Tone::Error, T::BackupServeRefused),
    };
    let msg = app
        .lang
        .f(said, &[&request.operator, &request.out.display()]);
    tell(app, tone, msg);
    let ok = done.is_ok();
    let message = done.unwrap_or_else(|e| e);
    Effect::AnswerBackup {
        id: request.id,
        answer: BackupAnswer { ok, message },
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

//! `xfdesk backup` while the desk runs. The desk holds the database, so the command line asks
//! the desk to take the backup: it leaves a request file of its own in the database directory
//! (owner-only, like everything there), the desk claims it on an idle second by renaming it,
//! checks the operator and PIN it carries as the command line would, writes the backup between
//! two actions (so it sees no change half made) and leaves an answer file the command line
//! waits for. A backup scheduled for the night thus works whether or not a desk was left open.
//!
//! Each request has its own files, named by its id, so two command lines never touch each
//! other's; a claim is a rename, so a request is either withdrawn by its command line or taken
//! by the desk, never both. A request carries the time by which it must be taken: the desk
//! removes a later one unread, with the PIN in it, rather than act on it days later.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use serde::{Deserialize, Serialize};

const REQUEST: &str = "backup.request-";
const TAKEN: &str = "backup.taken-";
const ANSWER: &str = "backup.answer-";
/// Files being written; never read as anything else.
const WRITING: &str = "backup.writing-";

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupRequest {
    /// Names the request's files: letters and digits only.
    pub id: String,
    /// Where the backup goes: an absolute path, as the desk runs in another directory.
    pub out: PathBuf,
    pub operator: String,
    pub pin: String,
    /// The command line's language, for the answer.
    pub lang: crate::i18n::Lang,
    /// Seconds since 1970 by which the desk must take it; the command line has given up then.
    pub take_by: u64,
}

impl std::fmt::Debug for BackupRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BackupRequest")
            .field("id", &self.id)
            .field("out", &self.out)
            .field("operator", &self.operator)
            .finish_non_exhaustive()
    }
}

/// What the desk answers: whether the backup was written, and what to print.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupAnswer {
    pub ok: bool,
    pub message: String,
}

/// What the desk found waiting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Taken {
    Request(BackupRequest),
    /// A request that cannot be carried out (another version's, a relative path): answered
    /// with why, so its command line does not wait in vain.
    Unusable {
        id: String,
    },
}

/// Why the command line stopped waiting.
#[derive(Debug)]
pub enum Unanswered {
    /// The desk did not take the request in time (still opening, or gone); it was withdrawn.
    NotTaken,
    /// The desk took it but did not answer in time.
    NotFinished,
    /// The desk's process ended before it answered.
    DeskGone,
    Io(std::io::Error),
}

impl From<std::io::Error> for Unanswered {
    fn from(e: std::io::Error) -> Self {
        Unanswered::Io(e)
    }
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A fresh request id: the process and the time, so two command lines never share one.
pub fn new_id() -> String {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{}x{nanos}", std::process::id())
}

/// The deadline to put in a request the desk has `wait` to take.
pub fn take_by(wait: Duration) -> u64 {
    now_secs().saturating_add(wait.as_secs())
}

fn is_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Writes `contents` as `db/name` whole or not at all, readable by the owner only.
fn write_whole(db: &Path, name: &str, id: &str, contents: &[u8]) -> std::io::Result<()> {
    let tmp = db.join(format!("{WRITING}{id}"));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&tmp)?;
    file.write_all(contents)?;
    file.sync_all()?;
    std::fs::rename(&tmp, db.join(name))
}

/// Leaves `request` for the desk of database `db`.
pub fn send(db: &Path, request: &BackupRequest) -> std::io::Result<()> {
    let bytes = serde_json::to_vec(request).map_err(std::io::Error::other)?;
    write_whole(db, &format!("{REQUEST}{}", request.id), &request.id, &bytes)
}

/// Waits for the desk's answer to `request`: until its `take_by` for the desk to take it (then
/// it is withdrawn), then up to `finish` for the backup. `desk_alive` says whether the desk's
/// process still runs.
pub fn wait(
    db: &Path,
    request: &BackupRequest,
    finish: Duration,
    desk_alive: &dyn Fn() -> bool,
) -> Result<BackupAnswer, Unanswered> {
    let waiting = db.join(format!("{REQUEST}{}", request.id));
    let answer = db.join(format!("{ANSWER}{}", request.id));
    let mut taken_at: Option<Instant> = None;
    loop {
        if let Ok(bytes) = std::fs::read(&answer) {
            let _ = std::fs::remove_file(&answer);
            return serde_json::from_slice(&bytes).map_err(|e| Unanswered::Io(e.into()));
        }
        match taken_at {
            None if !waiting.exists() => taken_at = Some(Instant::now()),
            None if now_secs() >= request.take_by => match std::fs::remove_file(&waiting) {
                Ok(()) => return Err(Unanswered::NotTaken),
                // Taken in the same moment: wait for the answer.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    taken_at = Some(Instant::now())
                }
                Err(e) => return Err(e.into()),
            },
            Some(at) if at.elapsed() >= finish => return Err(Unanswered::NotFinished),
            // It may have answered just before it went.
            Some(_) if !desk_alive() && !answer.exists() => return Err(Unanswered::DeskGone),
            _ => {}
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The desk's side: claims the oldest waiting request, if any, by renaming it, reads it and
/// removes it, so the PIN it carries does not stay on disk. A request past its `take_by` is
/// removed unread: its command line has given up.
pub fn take(db: &Path) -> Option<Taken> {
    let mut waiting: Vec<(SystemTime, String)> = std::fs::read_dir(db)
        .ok()?
        .filter_map(|e| {
            let e = e.ok()?;
            let id = e.file_name().to_str()?.strip_prefix(REQUEST)?.to_string();
            let at = e.metadata().and_then(|m| m.modified()).ok()?;
            Some((at, id))
        })
        .collect();
    waiting.sort();
    for (_, id) in waiting {
        let claimed = db.join(format!("{TAKEN}{id}"));
        if std::fs::rename(db.join(format!("{REQUEST}{id}")), &claimed).is_err() {
            continue; // withdrawn meanwhile
        }
        let bytes = std::fs::read(&claimed);
        let _ = std::fs::remove_file(&claimed);
        if !is_id(&id) {
            tracing::warn!("a backup request with a strange name was removed");
            continue;
        }
        let request = bytes
            .ok()
            .and_then(|b| serde_json::from_slice::<BackupRequest>(&b).ok());
        match request {
            Some(r) if r.take_by < now_secs() => {
                tracing::warn!("a backup request past its time was removed unread: {r:?}");
            }
            Some(r) if r.id == id && r.out.is_absolute() => return Some(Taken::Request(r)),
            _ => {
                tracing::warn!("a backup request could not be used: {id}");
                return Some(Taken::Unusable { id });
            }
        }
    }
    None
}

/// The desk's answer to request `id`.
pub fn answer(db: &Path, id: &str, answer: &BackupAnswer) -> std::io::Result<()> {
    let bytes = serde_json::to_vec(answer).map_err(std::io::Error::other)?;
    write_whole(db, &format!("{ANSWER}{id}"), id, &bytes)
}

/// Removes what requests left behind (a command line stopped while it waited, with the PIN in
/// its request): for whoever holds the database and so knows no desk is serving them.
pub fn clear_leftovers(db: &Path) {
    let Ok(entries) = std::fs::read_dir(db) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if [REQUEST, TAKEN, ANSWER, WRITING]
            .iter()
            .any(|p| name.starts_with(p))
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests;

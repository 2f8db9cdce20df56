//! `xfdesk backup` while the desk runs. The desk holds the database, so the command line asks
//! the desk to take the backup: it leaves a request file in the database directory (owner-only,
//! like everything there), the desk takes it on its next idle second, checks the operator and
//! PIN it carries as the command line would, writes the backup between two actions (so it
//! sees no change half made) and leaves an answer file the command line waits for. A backup
//! scheduled for the night thus works whether or not a desk was left open.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use serde::{Deserialize, Serialize};

/// The request, under the database directory. One at a time.
const REQUEST_FILE: &str = "backup.request";
/// A request older than this was left by a command line that was stopped: it is replaced.
const STALE_AFTER: Duration = Duration::from_secs(60);

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupRequest {
    /// Names the answer file: letters and digits only.
    pub id: String,
    /// Where the backup goes: an absolute path, as the desk runs in another directory.
    pub out: PathBuf,
    pub operator: String,
    pub pin: String,
    /// The command line's language, for the answer.
    pub lang: crate::i18n::Lang,
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

/// Why the command line gave up waiting.
#[derive(Debug)]
pub enum Unanswered {
    /// Another command line's request is waiting.
    Busy,
    /// The desk did not take the request in time (still opening, or gone).
    NotTaken,
    /// The desk took it but did not answer in time.
    NotFinished,
    Io(std::io::Error),
}

impl From<std::io::Error> for Unanswered {
    fn from(e: std::io::Error) -> Self {
        Unanswered::Io(e)
    }
}

fn answer_path(db: &Path, id: &str) -> PathBuf {
    db.join(format!("backup.answer-{id}"))
}

/// A fresh request id: the process and the time, so two command lines never share one.
pub fn new_id() -> String {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{}x{nanos}", std::process::id())
}

/// Writes `contents` to `path` whole or not at all, readable by the owner only.
fn write_new(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp-{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
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
    std::fs::rename(&tmp, path)
}

/// Leaves `request` for the desk of database `db`.
pub fn send(db: &Path, request: &BackupRequest) -> Result<(), Unanswered> {
    let path = db.join(REQUEST_FILE);
    if let Ok(meta) = std::fs::metadata(&path) {
        let age = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .unwrap_or(STALE_AFTER);
        if age < STALE_AFTER {
            return Err(Unanswered::Busy);
        }
    }
    let bytes = serde_json::to_vec(request).map_err(std::io::Error::other)?;
    write_new(&path, &bytes)?;
    Ok(())
}

/// Waits for the desk's answer to request `id`: up to `take` for the desk to take it, then up
/// to `finish` for the backup. A request not taken is withdrawn.
pub fn wait(
    db: &Path,
    id: &str,
    take: Duration,
    finish: Duration,
) -> Result<BackupAnswer, Unanswered> {
    let request = db.join(REQUEST_FILE);
    let answer = answer_path(db, id);
    let started = Instant::now();
    let mut taken_at = None;
    loop {
        if let Ok(bytes) = std::fs::read(&answer) {
            let _ = std::fs::remove_file(&answer);
            return serde_json::from_slice(&bytes).map_err(|e| Unanswered::Io(e.into()));
        }
        let waiting = request.exists();
        match (waiting, taken_at) {
            (true, _) if started.elapsed() >= take => {
                let _ = std::fs::remove_file(&request);
                return Err(Unanswered::NotTaken);
            }
            (false, None) => taken_at = Some(Instant::now()),
            (false, Some(at)) if at.elapsed() >= finish => return Err(Unanswered::NotFinished),
            _ => {}
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The desk's side: the waiting request, if any, removed as it is read so the PIN it carries
/// does not stay on disk. A request that cannot be read is removed and logged.
pub fn take(db: &Path) -> Option<BackupRequest> {
    let path = db.join(REQUEST_FILE);
    let bytes = std::fs::read(&path).ok()?;
    if let Err(e) = std::fs::remove_file(&path) {
        tracing::warn!("a backup request could not be removed: {e}");
        return None;
    }
    match serde_json::from_slice::<BackupRequest>(&bytes) {
        Ok(r) if is_id(&r.id) && r.out.is_absolute() => Some(r),
        Ok(r) => {
            tracing::warn!("a backup request was ignored: {r:?}");
            None
        }
        Err(e) => {
            tracing::warn!("a backup request could not be read: {e}");
            None
        }
    }
}

/// The desk's answer to request `id`.
pub fn answer(db: &Path, id: &str, answer: &BackupAnswer) -> std::io::Result<()> {
    let bytes = serde_json::to_vec(answer).map_err(std::io::Error::other)?;
    write_new(&answer_path(db, id), &bytes)
}

fn is_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(dir: &Path, id: &str) -> BackupRequest {
        BackupRequest {
            id: id.into(),
            out: dir.join("夜间备份.xfbak"),
            operator: "管理员甲".into(),
            pin: "123456".into(),
            lang: crate::i18n::Lang::Zh,
        }
    }

    #[test]
    fn a_request_is_taken_once_and_answered() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path();
        let sent = request(db, "7x1");
        send(db, &sent).unwrap();
        assert!(matches!(
            send(db, &request(db, "8x1")),
            Err(Unanswered::Busy)
        ));

        let desk = std::thread::spawn({
            let db = db.to_path_buf();
            move || {
                let mut taken = None;
                while taken.is_none() {
                    taken = take(&db);
                    std::thread::sleep(Duration::from_millis(20));
                }
                let taken = taken.unwrap();
                assert!(
                    !db.join(REQUEST_FILE).exists(),
                    "the PIN is not left on disk"
                );
                assert_eq!(take(&db), None);
                let said = BackupAnswer {
                    ok: true,
                    message: format!("已备份到 {}", taken.out.display()),
                };
                answer(&db, &taken.id, &said).unwrap();
                taken
            }
        });
        let got = wait(db, "7x1", Duration::from_secs(10), Duration::from_secs(10)).unwrap();
        assert_eq!(desk.join().unwrap(), sent);
        assert!(got.ok);
        assert!(got.message.contains("夜间备份.xfbak"), "{}", got.message);
        let left: Vec<_> = std::fs::read_dir(db).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_request_no_desk_takes_is_withdrawn() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path();
        send(db, &request(db, "9x1")).unwrap();
        let waited = wait(
            db,
            "9x1",
            Duration::from_millis(300),
            Duration::from_secs(1),
        );
        assert!(matches!(waited, Err(Unanswered::NotTaken)), "{waited:?}");
        assert!(!db.join(REQUEST_FILE).exists());
    }

    #[test]
    fn a_request_with_a_relative_path_or_a_strange_id_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path();
        let mut relative = request(db, "1x1");
        relative.out = PathBuf::from("backup.xfbak");
        send(db, &relative).unwrap();
        assert_eq!(take(db), None);
        send(db, &request(db, "../../etc")).unwrap();
        assert_eq!(take(db), None);
        std::fs::write(db.join(REQUEST_FILE), b"not json").unwrap();
        assert_eq!(take(db), None);
        assert!(!db.join(REQUEST_FILE).exists());
    }
}

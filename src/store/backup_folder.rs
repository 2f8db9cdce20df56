//! The desk's own backups (Ctrl-B), in a folder of the database directory: on the disk the
//! database lives on, so they are kept from filling it. A backup is about as large as the
//! database's records (1.8 GB at a million visits), and they used to pile up for good.

use std::io;
use std::path::{Path, PathBuf};

/// Room a desk backup must leave on the disk: saves are refused below 16 MB.
const MARGIN_BYTES: u64 = 64 * 1024 * 1024;

/// The desk's backups in `dir` (`xfdesk-YYYYMMDD-HHMMSS.xfbak`), oldest first, with their
/// sizes. Nothing else in the folder is touched or counted.
pub fn desk_backups(dir: &Path) -> io::Result<Vec<(PathBuf, u64)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("xfdesk-") && name.ends_with(".xfbak") && entry.file_type()?.is_file() {
            found.push((entry.path(), entry.metadata()?.len()));
        }
    }
    // The names hold the time they were taken, so they sort in time.
    found.sort();
    Ok(found)
}

/// After `written` was written: removes the oldest other desk backups in `dir` until `keep`
/// are left, `written` among them whatever its name says (a desk whose clock is behind names
/// it older than the rest); how many went.
pub fn prune(dir: &Path, keep: usize, written: &Path) -> io::Result<usize> {
    let others: Vec<_> = desk_backups(dir)?
        .into_iter()
        .filter(|(path, _)| path != written)
        .collect();
    let old = (others.len() + 1).saturating_sub(keep).min(others.len());
    for (path, _) in &others[..old] {
        std::fs::remove_file(path)?;
    }
    Ok(old)
}

/// Before a backup into `dir` on the disk of `disk`: `None` when there is room for one the
/// size of the largest there and the saves after it, else the free and needed bytes. When
/// there is not, the backups the next `prune` would remove go first.
pub fn room(dir: &Path, keep: usize, disk: &Path) -> io::Result<Option<(u64, u64)>> {
    let all = desk_backups(dir)?;
    let largest = all.iter().map(|(_, size)| *size).max();
    if room_for_another(fs2::available_space(disk)?, largest) {
        return Ok(None);
    }
    let going = (all.len() + 1).saturating_sub(keep).min(all.len());
    for (path, _) in &all[..going] {
        std::fs::remove_file(path)?;
    }
    let free = fs2::available_space(disk)?;
    Ok((!room_for_another(free, largest)).then(|| (free, largest.unwrap_or_default())))
}

/// Whether a disk with `free` bytes takes another backup the size of the newest one and keeps
/// room for saves. Without one to go by, the backup is tried: a backup cut short by a full
/// disk is removed and names the disk.
pub fn room_for_another(free: u64, newest: Option<u64>) -> bool {
    newest.is_none_or(|size| free >= size.saturating_add(MARGIN_BYTES))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_newest_desk_backups_are_kept_and_other_files_are_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        for day in 10..=25 {
            let name = format!("xfdesk-202611{day}-093000.xfbak");
            std::fs::write(dir.path().join(name), vec![0; day]).unwrap();
        }
        std::fs::write(dir.path().join("拷给档案室.xfbak"), b"kept").unwrap();
        std::fs::write(dir.path().join("xfdesk-notes.txt"), b"kept").unwrap();

        let newest = dir.path().join("xfdesk-20261125-093000.xfbak");
        assert_eq!(prune(dir.path(), 14, &newest).unwrap(), 2);
        let left = desk_backups(dir.path()).unwrap();
        assert_eq!(left.len(), 14);
        assert!(left[0].0.ends_with("xfdesk-20261112-093000.xfbak"));
        assert_eq!(left[13].1, 25, "the newest, with its size");
        assert!(dir.path().join("拷给档案室.xfbak").exists());
        assert!(dir.path().join("xfdesk-notes.txt").exists());
        assert_eq!(prune(dir.path(), 14, &newest).unwrap(), 0);

        // Written by a desk whose clock is behind: its name sorts first, and it stays.
        let behind = dir.path().join("xfdesk-20250101-093000.xfbak");
        std::fs::write(&behind, b"just written").unwrap();
        assert_eq!(prune(dir.path(), 14, &behind).unwrap(), 1);
        assert!(behind.exists());
        assert!(!dir.path().join("xfdesk-20261112-093000.xfbak").exists());
        assert!(desk_backups(&dir.path().join("none")).unwrap().is_empty());
    }

    #[test]
    fn a_disk_without_room_for_another_backup_and_the_saves_after_it_is_refused() {
        let mb = 1024 * 1024;
        assert!(room_for_another(10 * mb, None));
        assert!(room_for_another(200 * mb, Some(100 * mb)));
        assert!(!room_for_another(150 * mb, Some(100 * mb)));
        assert!(room_for_another(164 * mb, Some(100 * mb)));
    }
}

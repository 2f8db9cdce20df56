//! sled's snapshot files. sled 0.34 writes a snapshot as `snap.<lsn>.generating`, syncs it,
//! and only then renames it `snap.<lsn>`. A write cut short (a disk that filled up) leaves the
//! `.generating` file behind, and on the next opening sled reads the highest-named snapshot
//! file, finds that one, and refuses the whole database as damaged, however much space has
//! been freed since. Such a file is never a snapshot sled went on to rely on, so it is removed
//! before sled opens; sled then starts from the snapshot before it and replays its log.

use std::io;
use std::path::Path;

const UNFINISHED: &str = ".generating";

/// Removes the unfinished snapshots in sled's directory `sled_dir`; how many there were.
pub(super) fn remove_unfinished(sled_dir: &Path) -> io::Result<usize> {
    let mut removed = 0;
    for entry in std::fs::read_dir(sled_dir)? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.starts_with("snap.") && name.ends_with(UNFINISHED) {
            match std::fs::remove_file(&path) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(removed)
}

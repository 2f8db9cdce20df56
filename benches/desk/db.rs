//! The benchmark's databases: generated once per size by the real binary, kept under the
//! target directory, copied to a scratch directory where a measurement writes.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The `xfdesk` binary cargo built for this benchmark (release, under `cargo bench`).
const XFDESK: &str = env!("CARGO_BIN_EXE_xfdesk");

/// Which generation of demo data the cache holds. Bump it when `xfdesk demo` writes different
/// data (2: matters live their life; 3: the evidence log, operators, compaction; 4: reception
/// sessions and appointments; 5: ledgers as one value a matter, the evidence log in blocks;
/// 6: name entries in lists; 7: records sixteen ids to a key; 8: the people each clerk
/// registered visits of; 9: compacted a record at a time; 10: lists of visits by time and by
/// clerk span an hour; 11: pending rows in blocks of 256), so a database cached by an older
/// build is not measured as if it were current.
const DEMO_DATA: &str = "v11";

/// `<target>/bench-db/<demo data>`, next to the profile directory that holds the binary.
fn cache_root() -> Result<PathBuf, String> {
    let target = Path::new(XFDESK)
        .parent()
        .and_then(Path::parent)
        .ok_or_else(|| format!("cannot tell the target directory from {XFDESK}"))?;
    Ok(target.join("bench-db").join(DEMO_DATA))
}

/// The database with `visits` demo visits, generating it if it is not cached yet. It is
/// generated beside its final place and renamed when complete, so an interrupted run leaves
/// no half database behind to be measured next time.
pub fn cached(visits: u64) -> Result<PathBuf, String> {
    let root = cache_root()?;
    let dir = root.join(visits.to_string());
    if dir.is_dir() {
        return Ok(dir);
    }
    let partial = root.join(format!("{visits}.partial"));
    remove(&partial);
    std::fs::create_dir_all(&root).map_err(|e| format!("cannot create {}: {e}", root.display()))?;
    eprintln!(
        "generating {visits} visits into {} (once; a million takes minutes)",
        dir.display()
    );
    let started = Instant::now();
    let status = Command::new(XFDESK)
        .arg("--db")
        .arg(&partial)
        .args(["demo", "--visits", &visits.to_string(), "--seed", "1"])
        .status()
        .map_err(|e| format!("cannot run {XFDESK}: {e}"))?;
    if !status.success() {
        return Err(format!("xfdesk demo --visits {visits} failed: {status}"));
    }
    std::fs::rename(&partial, &dir).map_err(|e| format!("cannot rename {}: {e}", dir.display()))?;
    eprintln!("generated in {:.1} s", started.elapsed().as_secs_f64());
    Ok(dir)
}

/// A copy of `dir` beside it, for measurements that write.
pub fn scratch_copy(dir: &Path) -> Result<PathBuf, String> {
    let mut name = dir.as_os_str().to_owned();
    name.push(".scratch");
    let scratch = PathBuf::from(name);
    remove(&scratch);
    let status = Command::new("cp")
        .arg("-a")
        .arg(dir)
        .arg(&scratch)
        .status()
        .map_err(|e| format!("cannot run cp: {e}"))?;
    if !status.success() {
        return Err(format!("cannot copy {}: {status}", dir.display()));
    }
    Ok(scratch)
}

pub fn remove(dir: &Path) {
    if dir.exists()
        && let Err(e) = std::fs::remove_dir_all(dir)
    {
        eprintln!("cannot remove {}: {e}", dir.display());
    }
}

/// Bytes the directory takes on disk (allocated blocks, like `du`).
pub fn disk_usage(dir: &Path) -> Result<u64, String> {
    let mut total = 0;
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let entries =
            std::fs::read_dir(&d).map_err(|e| format!("cannot read {}: {e}", d.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot read {}: {e}", d.display()))?;
            let meta = entry
                .metadata()
                .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
            if meta.is_dir() {
                pending.push(entry.path());
            } else {
                total += meta.blocks() * 512;
            }
        }
    }
    Ok(total)
}

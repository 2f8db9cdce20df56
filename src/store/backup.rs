//! The backup file: every record of every tree, as stored, between a header and a checksum.
//!
//! ```text
//! "XFDESKBK"  format version (1 byte)  header length (u32 LE)  header (JSON)
//! 'T' name-length name                      a tree begins
//! 'R' key-length key value-length value     a record of that tree (lengths u32 LE)
//! 'F' name-length name content-length content  a file kept beside the records
//! 'E'                                       the end of the records
//! SHA-256 of everything above (32 bytes)
//! ```
//!
//! The header is JSON so that a later xfdesk can add to it and a technician can read it with
//! `head`. Files are the office's own settings beside the database (office, deadline policy,
//! holidays): a restore without them would count deadlines differently. Records are copied as their bytes: the codec's own version byte travels with each,
//! so a backup restores into the same format it was taken from. A file is written beside its
//! destination under a temporary name, fsynced and only then renamed: a backup that stopped
//! half way never has the name of a backup, and one damaged later fails its checksum.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

const MAGIC: &[u8; 8] = b"XFDESKBK";
/// The layout written today; `read` refuses a newer one.
pub const BACKUP_FORMAT: u8 = 1;
const DIGEST_LEN: u64 = 32;
/// Longer than any header or record we write: a length beyond it is damage, not a reason to
/// allocate gigabytes.
const MAX_LEN: u32 = 256 * 1024 * 1024;

/// What a backup says about itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: u8,
    /// The xfdesk that wrote it.
    pub xfdesk: String,
    pub created_at: NaiveDateTime,
    pub trees: u64,
    /// Every key-value pair, of every tree (indexes included).
    pub records: u64,
    pub visits: u64,
    pub petitioners: u64,
    pub matters: u64,
    pub operators: u64,
    pub audit_entries: u64,
    /// Files kept beside the records.
    #[serde(default)]
    pub files: u64,
}

/// Why a file is not restored. Nothing has been written when one of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("not an xfdesk backup")]
    NotABackup,
    #[error("backup format {0} is newer than this xfdesk reads")]
    NewerFormat(u8),
    #[error("the checksum does not match: the file is damaged or incomplete")]
    Checksum,
    #[error("the file is damaged: {0}")]
    Malformed(String),
    #[error("the header counts {expected} records, the file holds {found}")]
    Count { expected: u64, found: u64 },
    #[error("writing the database: {0}")]
    Write(String),
    #[error("{path}: {error}")]
    Io { path: PathBuf, error: io::Error },
}

/// Writes a backup under a temporary name; `finish` makes it the backup. Dropped unfinished,
/// the temporary file is removed.
pub struct BackupWriter {
    out: BufWriter<File>,
    hash: Sha256,
    temp: PathBuf,
    dest: PathBuf,
    records: u64,
    finished: bool,
}

impl BackupWriter {
    pub fn create(dest: &Path, header: &Header) -> io::Result<BackupWriter> {
        let dir = parent(dest);
        if !dir.exists() {
            super::lock::create_private_dir(&dir)?;
        }
        let name = dest.file_name().map(|n| n.to_string_lossy().to_string());
        let temp = dir.join(format!(
            ".{}.partial-{}",
            name.unwrap_or_default(),
            std::process::id()
        ));
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            // It holds personal data: owner only, like the database.
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(&temp)?;
        let mut writer = BackupWriter {
            out: BufWriter::new(file),
            hash: Sha256::new(),
            temp,
            dest: dest.to_path_buf(),
            records: 0,
            finished: false,
        };
        let json = serde_json::to_vec(header).map_err(io::Error::other)?;
        writer.put(MAGIC)?;
        writer.put(&[BACKUP_FORMAT])?;
        writer.chunk(&json)?;
        Ok(writer)
    }

    pub fn tree(&mut self, name: &[u8]) -> io::Result<()> {
        self.put(b"T")?;
        self.chunk(name)
    }

    pub fn file(&mut self, name: &str, content: &[u8]) -> io::Result<()> {
        self.put(b"F")?;
        self.chunk(name.as_bytes())?;
        self.chunk(content)
    }

    pub fn record(&mut self, key: &[u8], value: &[u8]) -> io::Result<()> {
        self.records += 1;
        self.put(b"R")?;
        self.chunk(key)?;
        self.chunk(value)
    }

    /// Seals the file with its checksum, puts it on disk and gives it its name. Returns how
    /// many records it holds.
    pub fn finish(mut self) -> io::Result<u64> {
        self.put(b"E")?;
        let digest = std::mem::take(&mut self.hash).finalize();
        self.out.write_all(&digest)?;
        self.out.flush()?;
        self.out.get_ref().sync_all()?;
        fs::rename(&self.temp, &self.dest)?;
        self.finished = true;
        // The rename itself must survive a power cut.
        #[cfg(unix)]
        File::open(parent(&self.dest))?.sync_all()?;
        Ok(self.records)
    }

    fn put(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.hash.update(bytes);
        self.out.write_all(bytes)
    }

    fn chunk(&mut self, bytes: &[u8]) -> io::Result<()> {
        let len = u32::try_from(bytes.len())
            .ok()
            .filter(|l| *l <= MAX_LEN)
            .ok_or_else(|| io::Error::other("a record too large for a backup"))?;
        self.put(&len.to_le_bytes())?;
        self.put(bytes)
    }
}

impl Drop for BackupWriter {
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// What a backup holds, in order: a tree's name, then that tree's records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Tree(Vec<u8>),
    Record(Vec<u8>, Vec<u8>),
    /// A file of the database directory: its name (no directories) and content.
    File(String, Vec<u8>),
}

/// A verified backup being read: its header, then its entries one at a time, so that a large
/// database is never held in memory whole.
pub struct BackupReader {
    input: io::Take<BufReader<File>>,
    pub header: Header,
    records: u64,
    done: bool,
}

impl BackupReader {
    /// Checks the whole file's checksum first, then reads the header. A file that fails
    /// either is refused before any record is looked at.
    pub fn open(path: &Path) -> Result<BackupReader, BackupError> {
        let io_err = |error| BackupError::Io {
            path: path.to_path_buf(),
            error,
        };
        verify(path).map_err(|e| match e {
            Verify::Io(error) => io_err(error),
            Verify::Short => BackupError::NotABackup,
            Verify::Mismatch => BackupError::Checksum,
        })?;
        let len = fs::metadata(path).map_err(io_err)?.len();
        let file = File::open(path).map_err(io_err)?;
        let mut input = BufReader::new(file).take(len - DIGEST_LEN);
        let mut magic = [0u8; 8];
        read_exact(&mut input, &mut magic)?;
        if &magic != MAGIC {
            return Err(BackupError::NotABackup);
        }
        let mut format = [0u8; 1];
        read_exact(&mut input, &mut format)?;
        if format[0] > BACKUP_FORMAT {
            return Err(BackupError::NewerFormat(format[0]));
        }
        let json = chunk(&mut input)?;
        let header: Header = serde_json::from_slice(&json)
            .map_err(|e| BackupError::Malformed(format!("header: {e}")))?;
        Ok(BackupReader {
            input,
            header,
            records: 0,
            done: false,
        })
    }

    /// The next entry, or `None` after the last; the records read must then be the records
    /// the header counts.
    pub fn next_entry(&mut self) -> Result<Option<Entry>, BackupError> {
        if self.done {
            return Ok(None);
        }
        match tag(&mut self.input)? {
            b'T' => Ok(Some(Entry::Tree(chunk(&mut self.input)?))),
            b'R' => {
                let key = chunk(&mut self.input)?;
                let value = chunk(&mut self.input)?;
                self.records += 1;
                Ok(Some(Entry::Record(key, value)))
            }
            b'F' => {
                let name = String::from_utf8(chunk(&mut self.input)?)
                    .ok()
                    .filter(|n| is_plain_name(n))
                    .ok_or_else(|| BackupError::Malformed("a file name".into()))?;
                Ok(Some(Entry::File(name, chunk(&mut self.input)?)))
            }
            b'E' => {
                self.done = true;
                if self.records != self.header.records {
                    return Err(BackupError::Count {
                        expected: self.header.records,
                        found: self.records,
                    });
                }
                Ok(None)
            }
            other => Err(BackupError::Malformed(format!("tag {other:#04x}"))),
        }
    }
}

/// A name that stays inside the directory it is restored into.
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && name != "." && name != ".." && !name.contains(['/', '\\', '\0', ':'])
}

enum Verify {
    Io(io::Error),
    Short,
    Mismatch,
}

fn verify(path: &Path) -> Result<(), Verify> {
    let file = File::open(path).map_err(Verify::Io)?;
    let len = file.metadata().map_err(Verify::Io)?.len();
    if len < MAGIC.len() as u64 + 1 + DIGEST_LEN {
        return Err(Verify::Short);
    }
    let mut input = BufReader::new(file);
    let mut hash = Sha256::new();
    let mut body = (&mut input).take(len - DIGEST_LEN);
    io::copy(&mut body, &mut hash).map_err(Verify::Io)?;
    let mut stored = [0u8; DIGEST_LEN as usize];
    input.read_exact(&mut stored).map_err(Verify::Io)?;
    if hash.finalize().as_slice() != stored {
        return Err(Verify::Mismatch);
    }
    Ok(())
}

fn read_exact(input: &mut impl Read, buf: &mut [u8]) -> Result<(), BackupError> {
    input
        .read_exact(buf)
        .map_err(|_| BackupError::Malformed("it ends early".into()))
}

fn tag(input: &mut impl Read) -> Result<u8, BackupError> {
    let mut t = [0u8; 1];
    read_exact(input, &mut t)?;
    Ok(t[0])
}

fn chunk(input: &mut impl Read) -> Result<Vec<u8>, BackupError> {
    let mut len = [0u8; 4];
    read_exact(input, &mut len)?;
    let len = u32::from_le_bytes(len);
    if len > MAX_LEN {
        return Err(BackupError::Malformed(format!("a length of {len} bytes")));
    }
    let mut buf = vec![0u8; len as usize];
    read_exact(input, &mut buf)?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(records: u64) -> Header {
        Header {
            format: BACKUP_FORMAT,
            xfdesk: "test".into(),
            created_at: chrono::NaiveDate::from_ymd_opt(2026, 11, 18)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
            trees: 2,
            records,
            visits: 0,
            petitioners: 0,
            matters: 0,
            operators: 0,
            audit_entries: 0,
            files: 1,
        }
    }

    fn write(path: &Path) {
        let mut w = BackupWriter::create(path, &header(3)).unwrap();
        w.tree(b"visits").unwrap();
        w.record(b"k1", "张三".as_bytes()).unwrap();
        w.record(b"k2", b"").unwrap();
        w.tree(b"meta").unwrap();
        w.record(b"", b"v").unwrap();
        w.file("office.toml", b"name = 1").unwrap();
        assert_eq!(w.finish().unwrap(), 3);
    }

    #[test]
    fn what_is_written_reads_back_tree_by_tree() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.xfbak");
        write(&path);
        let mut r = BackupReader::open(&path).unwrap();
        assert_eq!(r.header, header(3));
        let mut entries = Vec::new();
        while let Some(e) = r.next_entry().unwrap() {
            entries.push(e);
        }
        let v = |s: &[u8]| s.to_vec();
        assert_eq!(
            entries,
            [
                Entry::Tree(v(b"visits")),
                Entry::Record(v(b"k1"), v("张三".as_bytes())),
                Entry::Record(v(b"k2"), v(b"")),
                Entry::Tree(v(b"meta")),
                Entry::Record(v(b""), v(b"v")),
                Entry::File("office.toml".into(), v(b"name = 1")),
            ]
        );
        // Nothing but the backup is left in the directory.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_unfinished_backup_leaves_no_file_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.xfbak");
        let mut w = BackupWriter::create(&path, &header(1)).unwrap();
        w.tree(b"visits").unwrap();
        drop(w);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn any_flipped_byte_or_lost_tail_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.xfbak");
        write(&path);
        let good = fs::read(&path).unwrap();
        for i in 0..good.len() {
            let mut bad = good.clone();
            bad[i] ^= 0x01;
            fs::write(&path, &bad).unwrap();
            let refused = BackupReader::open(&path);
            assert!(
                matches!(refused, Err(BackupError::Checksum)),
                "byte {i}: {:?}",
                refused.err()
            );
        }
        for len in [0, 5, 40, good.len() - 1] {
            fs::write(&path, &good[..len]).unwrap();
            assert!(BackupReader::open(&path).is_err(), "cut to {len}");
        }
    }

    #[test]
    fn a_count_that_disagrees_with_the_records_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.xfbak");
        let mut w = BackupWriter::create(&path, &header(5)).unwrap();
        w.tree(b"visits").unwrap();
        w.record(b"k", b"v").unwrap();
        w.finish().unwrap();
        let mut r = BackupReader::open(&path).unwrap();
        assert!(r.next_entry().unwrap().is_some());
        assert!(r.next_entry().unwrap().is_some());
        assert!(matches!(
            r.next_entry(),
            Err(BackupError::Count {
                expected: 5,
                found: 1
            })
        ));
    }
}

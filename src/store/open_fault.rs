//! Why a database could not be opened, rewritten (`compact`) or restored: the step that failed
//! and what was wrong, kept as values so each is worded in the user's language where it is
//! shown. A damaged database says what an office does about it.

use std::fmt;

/// What opening, compacting or restoring was doing when it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenStep {
    /// Opening sled itself.
    Open,
    CreateDir,
    FinishCompaction,
    RemoveSnapshot,
    OpenDataFile,
    Protect,
    Measure,
    ClearCopy,
    CreateCopy,
    Copy,
    WriteCopy,
    MarkCopy,
    SwapCopy,
    Restore,
}

/// What was wrong.
#[derive(Debug)]
pub enum OpenFault {
    /// sled found its files damaged.
    Damaged,
    /// sled refuses the files, with its reason (another version's files, a setting).
    Refused(String),
    /// sled failed in a way it calls its own bug.
    EngineBug(String),
    /// A part of the database sled expected is not there.
    Missing(String),
    Io(std::io::Error),
}

impl OpenFault {
    pub fn of(e: sled::Error) -> OpenFault {
        match e {
            sled::Error::Io(io) => OpenFault::Io(io),
            sled::Error::Corruption { .. } => OpenFault::Damaged,
            sled::Error::Unsupported(why) => OpenFault::Refused(why),
            sled::Error::ReportableBug(what) => OpenFault::EngineBug(what),
            sled::Error::CollectionNotFound(name) => {
                OpenFault::Missing(String::from_utf8_lossy(&name).into_owned())
            }
        }
    }
}

/// English, for logs and `Display`.
impl fmt::Display for OpenStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OpenStep::Open => "opening",
            OpenStep::CreateDir => "cannot create the directory",
            OpenStep::FinishCompaction => "cannot finish an interrupted compaction",
            OpenStep::RemoveSnapshot => "cannot remove an unfinished snapshot",
            OpenStep::OpenDataFile => "cannot open the data file",
            OpenStep::Protect => "cannot protect the files",
            OpenStep::Measure => "cannot measure the database",
            OpenStep::ClearCopy => "cannot clear an old copy",
            OpenStep::CreateCopy => "cannot create the copy",
            OpenStep::Copy => "copying",
            OpenStep::WriteCopy => "cannot write the copy",
            OpenStep::MarkCopy => "cannot mark the copy complete",
            OpenStep::SwapCopy => "cannot put the copy in place",
            OpenStep::Restore => "cannot write the restored database",
        })
    }
}

impl fmt::Display for OpenFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenFault::Damaged => f.write_str("the database file is damaged"),
            OpenFault::Refused(why) => write!(f, "the storage engine refuses it: {why}"),
            OpenFault::EngineBug(what) => write!(f, "the storage engine failed: {what}"),
            OpenFault::Missing(name) => write!(f, "part of the database is missing ({name})"),
            OpenFault::Io(e) => write!(f, "{e}"),
        }
    }
}

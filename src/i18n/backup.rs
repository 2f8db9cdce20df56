//! What a written backup holds, in words: the same line on the desk and the command line.

use std::path::Path;

use super::{Lang, T};
use crate::store::backup::Header;

pub fn written(lang: Lang, header: &Header, path: &Path) -> String {
    lang.f(
        T::BackupWritten,
        &[
            &header.visits,
            &header.matters,
            &header.operators,
            &header.audit_entries,
            &header.records,
            &path.display(),
        ],
    )
}

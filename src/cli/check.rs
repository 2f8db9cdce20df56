//! `xfdesk check`: verifies the evidence log's chain and every index, and says what is wrong.

use std::io::Write;
use std::path::Path;

use crate::i18n::{Lang, Localize};
use crate::store::Store;
use crate::store::sled_store::SledStore;

/// `Ok(true)` when all is well; the report is written either way. `Err` when the database
/// cannot be checked at all (it does not open).
pub fn check(db: &Path, lang: Lang, out: &mut dyn Write) -> Result<bool, String> {
    let store = SledStore::open(db).map_err(|e| e.localize(lang))?;
    let report = store.check().map_err(|e| e.localize(lang))?;
    super::output(writeln!(
        out,
        "{}",
        crate::i18n::check::report(&report, lang)
    ))?;
    Ok(report.is_clean())
}

//! `xfdesk notice`: the public reception notice (接访公示) of a week or a month as Markdown, to
//! print or to post. It carries only what is published anyway (the leaders' names, titles and
//! portfolios, the departments sitting in, dates, times and places), no petitioner, so it needs
//! no operator.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use crate::document::notice::{notice_text, period};
use crate::i18n::{Lang, Localize, T};
use crate::store::Store;
use crate::store::sled_store::SledStore;

/// Reads the sessions of the period from the database and prints or writes the notice.
pub fn notice(
    db: &Path,
    date: NaiveDate,
    month: bool,
    file: Option<&PathBuf>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let store = SledStore::open(db).map_err(|e| e.localize(lang))?;
    let (from, to) = period(date, month);
    let read = (|| {
        Ok::<_, crate::store::StoreError>((
            store.sessions_between(from, to)?,
            store.leaders()?,
            store.departments()?,
        ))
    })();
    let (sessions, leaders, departments) = read.map_err(|e| e.localize(lang))?;
    let text = notice_text(&sessions, &leaders, &departments, (from, to), lang);
    match file {
        None => super::output(out.write_all(text.as_bytes())),
        Some(path) => {
            std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            let shown = path.display().to_string();
            writeln!(out, "{}", lang.f(T::NoticeWritten, &[&shown])).map_err(|e| e.to_string())
        }
    }
}

//! Importing an office's existing lists from CSV (what Excel saves): `xfdesk leaders import`
//! and `xfdesk departments import`. Every row is checked before anything is written; a bad row
//! is reported with the row number Excel shows (the header is row 1), and the good rows go to
//! the store in one batch, all or nothing.

pub mod ledger;
mod org;
mod table;
mod xlsx;

#[cfg(test)]
mod tests;

use std::io::Write;
use std::path::Path;

use crate::domain::organisation::OrgError;
use crate::domain::phone::PhoneError;
use crate::i18n::{Lang, Localize, T};
use crate::store::Store;
use crate::store::sled_store::SledStore;
use crate::ui::text::pad;

pub use org::{departments, leaders};
pub use table::decode;

/// What makes a whole file unusable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Read {
        path: String,
        reason: String,
    },
    /// Excel on Chinese Windows saves "CSV" as GBK unless told "CSV UTF-8".
    NotUtf8 {
        path: String,
    },
    NoHeader,
    MissingColumn {
        column: &'static str,
        accepted: &'static [&'static str],
    },
}

/// What is wrong with one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    Unreadable(String),
    /// A blank or too long field, or a name an active record already has.
    Org(OrgError),
    Phone {
        text: String,
        error: PhoneError,
    },
    /// The same name twice in the file: the first row keeps it.
    DuplicateInFile {
        first_row: usize,
        name: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    /// As Excel numbers it: the header is row 1.
    pub row: usize,
    pub problem: RowProblem,
}

/// A file's rows, checked: the good ones with their row numbers, and what is wrong with the
/// others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked<N> {
    pub good: Vec<(usize, N)>,
    pub bad: Vec<BadRow>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    Leaders,
    Departments,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Check and list, write nothing.
    pub dry_run: bool,
    /// Import the good rows even when some are bad.
    pub skip_bad: bool,
}

/// Runs an import on the database at `db` as `operator` (who signed in for it), writing the
/// report to `out`. The error is the sentence to print when nothing was imported.
pub fn run(
    db: &Path,
    what: What,
    file: &Path,
    options: Options,
    operator: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let path = file.display().to_string();
    let bytes = std::fs::read(file).map_err(|e| {
        ImportError::Read {
            path: path.clone(),
            reason: e.to_string(),
        }
        .localize(lang)
    })?;
    let text = decode(&bytes, &path).map_err(|e| e.localize(lang))?;
    let store = SledStore::open(db).map_err(|e| e.localize(lang))?;
    let stamp = crate::cli::stamp(operator);
    let io = |e: std::io::Error| e.to_string();
    match what {
        What::Leaders => {
            let existing = store.leaders().map_err(|e| e.localize(lang))?;
            let checked = leaders(text, &existing).map_err(|e| e.localize(lang))?;
            report(&checked, options, lang, out)?;
            for (row, l) in listed(&checked, options) {
                let cells = [&l.name, &l.title, &l.portfolio];
                writeln!(out, "{}", line(lang, *row, &cells)).map_err(io)?;
            }
            let n = finish(
                &checked,
                options,
                |rows| store.add_leaders(rows, &stamp),
                lang,
            )?;
            let done = if options.dry_run {
                T::ImportLeadersDry
            } else {
                T::ImportLeadersDone
            };
            summary(out, lang, done, n, checked.bad.len())
        }
        What::Departments => {
            let existing = store.departments().map_err(|e| e.localize(lang))?;
            let checked = departments(text, &existing).map_err(|e| e.localize(lang))?;
            report(&checked, options, lang, out)?;
            for (row, d) in listed(&checked, options) {
                let phone = d.phone.as_ref().map(|p| p.to_string()).unwrap_or_default();
                let cells = [&d.name, &d.contact, &phone];
                writeln!(out, "{}", line(lang, *row, &cells)).map_err(io)?;
            }
            let n = finish(
                &checked,
                options,
                |rows| store.add_departments(rows, &stamp),
                lang,
            )?;
            let done = if options.dry_run {
                T::ImportDepartmentsDry
            } else {
                T::ImportDepartmentsDone
            };
            summary(out, lang, done, n, checked.bad.len())
        }
    }
}

/// Prints every bad row; refuses the whole file when any is bad and `--skip-bad` was not given.
fn report<N>(
    checked: &Checked<N>,
    options: Options,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    for bad in &checked.bad {
        let reason = bad.problem.localize(lang);
        writeln!(out, "{}", lang.f(T::ImportRow, &[&bad.row, &reason]))
            .map_err(|e| e.to_string())?;
    }
    if !checked.bad.is_empty() && !options.skip_bad {
        return Err(lang.f(T::ImportRefused, &[&checked.bad.len()]));
    }
    Ok(())
}

/// The rows a dry run lists: all it would import.
fn listed<N>(checked: &Checked<N>, options: Options) -> impl Iterator<Item = &(usize, N)> {
    checked.good.iter().filter(move |_| options.dry_run)
}

fn line(lang: Lang, row: usize, cells: &[&String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| pad(c, 16)).collect();
    lang.f(T::ImportRow, &[&row, &cells.join(" ").trim_end()])
}

/// Writes the good rows in one batch, unless this is a dry run; returns how many.
fn finish<N: Clone, R>(
    checked: &Checked<N>,
    options: Options,
    add: impl FnOnce(&[N]) -> crate::store::Result<Vec<R>>,
    lang: Lang,
) -> Result<usize, String> {
    let rows: Vec<N> = checked.good.iter().map(|(_, n)| n.clone()).collect();
    if options.dry_run || rows.is_empty() {
        return Ok(rows.len());
    }
    add(&rows)
        .map(|added| added.len())
        .map_err(|e| e.localize(lang))
}

fn summary(
    out: &mut dyn Write,
    lang: Lang,
    done: T,
    n: usize,
    skipped: usize,
) -> Result<(), String> {
    let mut text = lang.f(done, &[&n]);
    if skipped > 0 {
        text = lang.f(T::Joined, &[&text, &lang.f(T::ImportSkipped, &[&skipped])]);
    }
    writeln!(out, "{text}").map_err(|e| e.to_string())
}

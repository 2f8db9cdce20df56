//! `xfdesk import`: an office's Excel ledger (CSV or XLSX) comes in as visits, each opening
//! its matter. Rows are checked by the intake form's own rules; every bad row is reported with
//! Excel's row number, its column and the reason, and nothing is written unless every row is
//! good. Rows already in the database (the same person, day and request) are recognised and
//! not imported again, so importing the same file twice changes nothing the second time.
//!
//! The 状态, 包案领导 and 责任单位 columns give each matter its standing in the old ledger
//! (`standing`), so an office's closed matters do not come in as new, late work.

mod already;
mod columns;
mod standing;

pub use columns::{LedgerColumn, mapping};

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use super::table;
use super::{ImportError, RowProblem};
use crate::domain::intake::{IntakeContext, IntakeError, IntakeInput};
use crate::domain::lifecycle::CaseState;
use crate::domain::text::{fold_fullwidth, tidy};
use crate::domain::visit::{Channel, Kind, NewVisit};
use crate::i18n::{Label, Lang, Localize, T};
use crate::store::Store;
use crate::store::sled_store::SledStore;
use LedgerColumn as C;
use already::{Fingerprint, in_store};
use columns::{COLUMNS, ORDER};
pub use standing::{Imported, Standing};

/// Why a row cannot come in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LedgerProblem {
    Intake(IntakeError),
    UnknownChannel(String),
    UnknownKind(String),
    UnknownState(String),
    /// No leader, or no department, of that name in the database.
    UnknownLeader(String),
    UnknownDepartment(String),
    /// The CSV reader could not read the row at all.
    File(RowProblem),
}

/// What stops the whole check: an unusable file, or a store that cannot be read.
#[derive(Debug)]
pub enum LedgerError {
    File(ImportError),
    Store(crate::store::StoreError),
}

impl LedgerError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            LedgerError::File(e) => e.localize(lang),
            LedgerError::Store(e) => e.localize(lang),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadLedgerRow {
    /// As Excel numbers it: the header is row 1.
    pub row: usize,
    pub column: Option<LedgerColumn>,
    pub problem: LedgerProblem,
}

impl BadLedgerRow {
    pub fn localize(&self, lang: Lang) -> String {
        let reason = match &self.problem {
            LedgerProblem::Intake(e) => e.localize(lang),
            LedgerProblem::UnknownChannel(text) => {
                let accepted: Vec<&str> = Channel::ALL.iter().map(|c| c.label(lang)).collect();
                lang.f(T::LedgerImportUnknownChannel, &[text, &accepted.join("、")])
            }
            LedgerProblem::UnknownKind(text) => {
                let accepted: Vec<&str> = Kind::ALL.iter().map(|k| k.label(lang)).collect();
                lang.f(T::LedgerImportUnknownKind, &[text, &accepted.join("、")])
            }
            LedgerProblem::UnknownState(text) => {
                let accepted: Vec<&str> = CaseState::ALL.iter().map(|s| s.label(lang)).collect();
                lang.f(T::LedgerImportUnknownState, &[text, &accepted.join("、")])
            }
            LedgerProblem::UnknownLeader(name) => lang.f(T::LedgerImportUnknownLeader, &[name]),
            LedgerProblem::UnknownDepartment(name) => {
                lang.f(T::LedgerImportUnknownDepartment, &[name])
            }
            LedgerProblem::File(p) => p.localize(lang),
        };
        match self.column {
            Some(c) => lang.f(
                T::LedgerImportBadRow,
                &[&self.row, &c.header(lang), &reason],
            ),
            None => lang.f(T::ImportRow, &[&self.row, &reason]),
        }
    }
}

/// A file's rows, checked against the rules and the database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedLedger {
    pub good: Vec<(usize, NewVisit)>,
    pub bad: Vec<BadLedgerRow>,
    /// Rows already in the database, or repeating an earlier row of the file: (row, the
    /// earlier row when it is one of the file's).
    pub already: Vec<(usize, Option<usize>)>,
    /// The standing each row's matter is to be given, where the file gives more than a
    /// registered matter nobody holds.
    pub standings: Vec<(Imported, Standing)>,
}

#[derive(Clone, Debug, Default)]
pub struct LedgerOptions {
    pub dry_run: bool,
    pub map: Option<std::path::PathBuf>,
}

/// Checks every row of `text` (CSV) against the intake rules, and against `store` for rows
/// imported before.
pub fn check(
    text: &str,
    extra: &[Vec<String>],
    store: &dyn Store,
    ctx: &IntakeContext,
) -> Result<CheckedLedger, LedgerError> {
    let (rows, unreadable) = table::rows_with(text, &COLUMNS, extra).map_err(LedgerError::File)?;
    let mut checked = CheckedLedger {
        good: Vec::new(),
        bad: unreadable
            .into_iter()
            .map(|b| BadLedgerRow {
                row: b.row,
                column: None,
                problem: LedgerProblem::File(b.problem),
            })
            .collect(),
        already: Vec::new(),
        standings: Vec::new(),
    };
    let org = standing::Org::of(store).map_err(LedgerError::Store)?;
    let mut seen: HashMap<Fingerprint, usize> = HashMap::new();
    for row in rows {
        let cell = |c: LedgerColumn| {
            let i = ORDER.iter().position(|o| *o == c).unwrap_or_default();
            row.cells
                .get(i)
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        let visit = input(&cell).and_then(|i| {
            i.validate(ctx).map_err(|errors| {
                errors
                    .into_iter()
                    .map(|(f, e)| (Some(LedgerColumn::of_field(f)), LedgerProblem::Intake(e)))
                    .collect::<Problems>()
            })
        });
        let (visit, standing) = match (visit, standing::read(&cell, &org)) {
            (Ok(v), Ok(s)) => (v, s),
            (v, s) => {
                let problems: Problems =
                    [v.err(), s.err()].into_iter().flatten().flatten().collect();
                checked
                    .bad
                    .extend(problems.into_iter().map(|(column, problem)| BadLedgerRow {
                        row: row.number,
                        column,
                        problem,
                    }));
                continue;
            }
        };
        let print = Fingerprint::of(&visit);
        if let Some(first) = seen.get(&print) {
            checked.already.push((row.number, Some(*first)));
            continue;
        }
        seen.insert(print, row.number);
        let (known, existing) = in_store(store, &visit).map_err(LedgerError::Store)?;
        if let Some(case) = known {
            checked.already.push((row.number, None));
            if !standing.is_plain() {
                checked.standings.push((Imported::Known(case), standing));
            }
            continue;
        }
        if !standing.is_plain() {
            checked
                .standings
                .push((Imported::Row(row.number), standing));
        }
        checked.good.push((
            row.number,
            NewVisit {
                existing_petitioner: existing,
                ..visit
            },
        ));
    }
    checked.bad.sort_by_key(|b| b.row);
    Ok(checked)
}

type Problems = Vec<(Option<LedgerColumn>, LedgerProblem)>;

/// The row as the intake form would have received it; a channel or kind no one recognises
/// is the row's problem, reported with whatever else is wrong.
fn input(cell: &dyn Fn(LedgerColumn) -> String) -> Result<IntakeInput, Problems> {
    let channel = label_of(&cell(C::Channel), &Channel::ALL, Channel::WalkIn).ok_or_else(|| {
        vec![(
            Some(C::Channel),
            LedgerProblem::UnknownChannel(cell(C::Channel)),
        )]
    });
    let kind = label_of(&cell(C::Kind), &Kind::ALL, Kind::Appeal)
        .ok_or_else(|| vec![(Some(C::Kind), LedgerProblem::UnknownKind(cell(C::Kind)))]);
    let (channel, kind) = match (channel, kind) {
        (Ok(c), Ok(k)) => (c, k),
        (c, k) => return Err([c.err(), k.err()].into_iter().flatten().flatten().collect()),
    };
    Ok(IntakeInput {
        channel,
        received_at: cell(C::Date),
        name: cell(C::Name),
        id_number: cell(C::IdNumber),
        phone: cell(C::Phone),
        address: cell(C::Address),
        head_count: cell(C::People),
        kind,
        category: tidy(&cell(C::Category)),
        summary: cell(C::Request),
        ..IntakeInput::default()
    })
}

/// The value whose label (in either language) is `text`; `default` for an empty cell. A state
/// may be written without its 已 (办结 for 已办结), as ledgers often do.
fn label_of<L: Label + Copy>(text: &str, all: &[L], default: L) -> Option<L> {
    let text = fold_fullwidth(text).trim().to_lowercase();
    if text.is_empty() {
        return Some(default);
    }
    all.iter().copied().find(|v| {
        [Lang::Zh, Lang::En].iter().any(|l| {
            let label = v.label(*l).to_lowercase();
            label == text || label.strip_prefix('已') == Some(text.as_str())
        })
    })
}

/// Reads `file`, checks it, reports every row and writes the good ones in one batch.
pub fn run(
    db: &Path,
    file: &Path,
    options: LedgerOptions,
    operator: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let path = file.display().to_string();
    let text = read(file, lang)?;
    let extra = match &options.map {
        Some(map) => {
            let shown = map.display().to_string();
            let text = std::fs::read_to_string(map)
                .map_err(|e| lang.f(T::ImportReadFailed, &[&shown, &e]))?;
            mapping(&text, lang).map_err(|e| lang.f(T::LedgerImportBadMap, &[&shown, &e]))?
        }
        None => Vec::new(),
    };
    let store = SledStore::open(db).map_err(|e| e.localize(lang))?;
    let (settings, _) = crate::config::office_settings(db, lang);
    let stamp = crate::cli::stamp(operator);
    let ctx = IntakeContext {
        settings: &settings,
        now: stamp.at,
        operator,
    };
    let checked = check(&text, &extra, &store, &ctx).map_err(|e| e.localize(lang))?;
    for bad in &checked.bad {
        writeln!(out, "{}", bad.localize(lang)).map_err(io)?;
    }
    for (row, first) in &checked.already {
        if let Some(first) = first {
            let same = lang.f(T::LedgerImportSameAsRow, &[first]);
            writeln!(out, "{}", lang.f(T::ImportRow, &[row, &same])).map_err(io)?;
        }
    }
    if !checked.already.is_empty() {
        writeln!(
            out,
            "{}",
            lang.f(T::LedgerImportAlready, &[&checked.already.len()])
        )
        .map_err(io)?;
    }
    if !checked.bad.is_empty() {
        let rows: std::collections::BTreeSet<usize> = checked.bad.iter().map(|b| b.row).collect();
        return Err(lang.f(T::LedgerImportRefused, &[&rows.len()]));
    }
    let visits: Vec<NewVisit> = checked.good.iter().map(|(_, v)| v.clone()).collect();
    if options.dry_run {
        return writeln!(out, "{}", lang.f(T::LedgerImportDry, &[&visits.len()])).map_err(io);
    }
    let registered = if visits.is_empty() {
        Vec::new()
    } else {
        store
            .register_visits(&visits)
            .map_err(|e| e.localize(lang))?
    };
    standing::settle(&store, &checked, &registered, &stamp, lang, out)?;
    let detail = format!(
        "{path} rows:{} already:{}",
        visits.len(),
        checked.already.len()
    );
    crate::cli::ledger::record(
        &store,
        operator,
        crate::domain::audit::AuditKind::Imported,
        "ledger",
        &detail,
    )
    .map_err(|e| e.localize(lang))?;
    writeln!(out, "{}", lang.f(T::LedgerImportDone, &[&visits.len()])).map_err(io)
}

/// The file as CSV text: an XLSX's first sheet, or a CSV decoded as the other imports do.
pub fn read(file: &Path, lang: Lang) -> Result<String, String> {
    let path = file.display().to_string();
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" => {
            super::xlsx::to_csv(file).map_err(|e| lang.f(T::LedgerImportXlsx, &[&path, &e]))
        }
        "csv" | "txt" => {
            let bytes = std::fs::read(file).map_err(|e| {
                ImportError::Read {
                    path: path.clone(),
                    reason: e.to_string(),
                }
                .localize(lang)
            })?;
            super::decode(&bytes, &path)
                .map(str::to_string)
                .map_err(|e| e.localize(lang))
        }
        _ => Err(lang.f(T::LedgerImportNoFormat, &[&path])),
    }
}

//! `xfdesk export` and `xfdesk import`: the ledger out to Excel and back in. Both run as an
//! operator and leave an entry in the evidence log naming the file and the row count.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use clap::ValueEnum;

use crate::app::{Clock, SystemClock};
use crate::domain::audit::{AuditEvent, AuditKind};
use crate::domain::operator::Operator;
use crate::export::Scope;
use crate::i18n::{Lang, Localize, T};
use crate::store::Store;
use crate::store::sled_store::SledStore;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

/// Past this many matters the export shows a progress bar; smaller ones finish before it
/// would be read.
const PROGRESS_FROM: usize = 2000;

/// What to export and where.
pub struct ExportRequest<'a> {
    pub format: ExportFormat,
    pub out: &'a Path,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub today: Option<NaiveDate>,
}

/// Writes the ledger as `operator` sees it and records the export; returns the sentence to
/// print.
pub fn export(
    db: &Path,
    request: &ExportRequest,
    operator: &str,
    lang: Lang,
) -> Result<String, String> {
    // A range that ends before it starts would write an empty file without a word.
    if let (Some(from), Some(to)) = (request.from, request.to)
        && from > to
    {
        return Err(lang.t(T::LedgerDatesReversed).to_string());
    }
    let store = SledStore::open(db).map_err(|e| e.localize(lang))?;
    let who = operator_record(&store, operator, lang)?;
    let (policy, calendar) = super::deadline_setup(db, lang);
    let scope = Scope {
        from: request.from,
        to: request.to,
        today: request
            .today
            .unwrap_or_else(|| SystemClock { today: None }.today()),
        policy: &policy,
        calendar: &calendar,
        operator: &who,
        lang,
    };
    let bar = indicatif::ProgressBar::hidden().with_message(lang.t(T::ExportProgress));
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let rows = crate::export::ledger(&store, &scope, &mut |done, total| {
        if done == 0 && total >= PROGRESS_FROM {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            bar.set_length(total as u64);
        }
        bar.set_position(done as u64);
    })
    .map_err(|e| e.localize(lang))?;
    bar.finish_and_clear();
    let header = crate::export::header(lang);
    let path = request.out.display().to_string();
    match request.format {
        ExportFormat::Csv => crate::export::write_csv(request.out, &header, &rows),
        ExportFormat::Xlsx => crate::export::write_xlsx(request.out, &header, &rows),
    }
    .map_err(|e| lang.f(T::ExportFailed, &[&path, &e]))?;
    let full = who
        .role
        .may(crate::domain::permission::Permission::ExportFull);
    let detail = format!(
        "{path} rows:{} {}",
        rows.len(),
        if full { "full" } else { "masked" }
    );
    record(&store, operator, AuditKind::Exported, "ledger", &detail)
        .map_err(|e| e.localize(lang))?;
    let mut done = lang.f(T::ExportDone, &[&rows.len(), &path]);
    if !full {
        done = format!("{done}\n{}", lang.t(T::ExportMasked));
    }
    Ok(done)
}

/// The operator `authorize` let in, for their role and leader.
pub(crate) fn operator_record(
    store: &dyn Store,
    code: &str,
    lang: Lang,
) -> Result<Operator, String> {
    store
        .operator_by_code(code)
        .map_err(|e| e.localize(lang))?
        .ok_or_else(|| lang.t(T::SignInWrong).to_string())
}

pub(crate) fn record(
    store: &dyn Store,
    operator: &str,
    kind: AuditKind,
    subject: &str,
    detail: &str,
) -> crate::store::Result<u64> {
    store.record_audit(&AuditEvent {
        at: SystemClock { today: None }.now(),
        operator: operator.to_string(),
        kind,
        subject: subject.to_string(),
        detail: detail.to_string(),
    })
}

/// `xfdesk import`: the report of every row goes to `out`; the error is the closing sentence
/// when any row was bad (the exit status is then non-zero).
pub fn import(
    db: &Path,
    file: &Path,
    options: crate::import::ledger::LedgerOptions,
    operator: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    crate::import::ledger::run(db, file, options, operator, lang, out)
}

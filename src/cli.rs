//! The command line: `xfdesk [--db PATH] [--lang zh|en] [--today D]` runs the desk;
//! `demo` fills a database with synthetic data; `search` prints what the screen's search finds;
//! `report` prints the overdue, due-soon and pending lists; `backup` and `restore` keep the
//! office's data safe (see `cli::backup`). Help texts come from the catalogue, in the language
//! `--lang` asks for.

mod report;
mod statistics;

pub use report::{ReportFormat, ReportWhich, Request, report};

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

pub mod auth;

use crate::app::{Clock, SystemClock};
use crate::domain::visit::Visit;
use crate::i18n::{Label, Lang, Localize, T};
use crate::store::Store;
use crate::store::sled_store::SledStore;
use crate::ui::text::pad;

mod check;
pub use check::check;
pub mod board;
pub mod notice;

pub mod backup;
pub mod document;
pub mod ledger;

/// A change made now by `operator`, the one `auth::authorize` let in: what a subcommand's
/// changes are stamped with.
pub fn stamp(operator: &str) -> crate::domain::ledger::Stamp {
    let now = SystemClock { today: None }.now();
    crate::domain::ledger::Stamp::new(now, operator)
}

#[derive(Parser, Debug)]
#[command(name = "xfdesk", version)]
pub struct Cli {
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_today)]
    pub today: Option<NaiveDate>,
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,
    #[arg(long, global = true, value_name = "CODE")]
    pub operator: Option<String>,
    #[command(subcommand)]
    pub command: Option<Sub>,
}

#[derive(Subcommand, Debug)]
pub enum Sub {
    Demo {
        #[arg(long, default_value_t = 20_000)]
        visits: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    Search {
        query: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        reveal: bool,
    },
    Leaders {
        #[command(subcommand)]
        action: OrgAction,
    },
    Departments {
        #[command(subcommand)]
        action: OrgAction,
    },
    Check,
    Compact,
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, value_name = "SECONDS", default_value_t = 60)]
        wait: u64,
    },
    Restore {
        file: PathBuf,
    },
    Notice {
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_today)]
        week: Option<NaiveDate>,
        #[arg(long)]
        month: bool,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    Board,
    Report {
        #[arg(value_enum)]
        which: ReportWhich,
        #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
        #[arg(long)]
        limit: Option<usize>,
        #[arg(long, value_name = "2026Q3", value_parser = parse_quarter)]
        quarter: Option<crate::domain::statistics::period::Quarter>,
        #[arg(long, value_name = "YYYY", value_parser = clap::value_parser!(i32).range(1000..=9999))]
        year: Option<i32>,
    },
    Export {
        #[arg(long, value_enum)]
        format: ledger::ExportFormat,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_today)]
        from: Option<NaiveDate>,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_today)]
        to: Option<NaiveDate>,
    },
    Import {
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
        #[arg(long, value_name = "FILE")]
        map: Option<PathBuf>,
    },
    Document {
        #[arg(value_enum)]
        which: crate::document::DocumentKind,
        #[arg(long, value_name = "NUMBER")]
        matter: String,
        #[arg(long, value_name = "NUMBER")]
        urge: Option<String>,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// What `leaders` and `departments` can do.
#[derive(Subcommand, Debug)]
pub enum OrgAction {
    Import {
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        skip_bad: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}

fn parse_today(s: &str) -> Result<NaiveDate, String> {
    crate::domain::date::parse_date(s).map_err(|_| {
        let lang = requested_lang(std::env::args());
        lang.f(T::CliBadToday, &[&s])
    })
}

fn parse_quarter(s: &str) -> Result<crate::domain::statistics::period::Quarter, String> {
    crate::domain::statistics::period::Quarter::parse(s).ok_or_else(|| {
        let lang = requested_lang(std::env::args());
        lang.f(T::CliBadQuarter, &[&s])
    })
}

/// The language asked for on the command line, read before clap so that its help and its
/// errors can already speak it.
pub fn requested_lang(args: impl Iterator<Item = String>) -> Lang {
    let args: Vec<String> = args.collect();
    for (i, a) in args.iter().enumerate() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => args.get(i + 1).cloned(),
            None => None,
        };
        if value.as_deref() == Some("en") {
            return Lang::En;
        }
    }
    Lang::Zh
}

/// The clap command with every help text from the catalogue.
pub fn command(lang: Lang) -> clap::Command {
    let t = |k: T| lang.t(k);
    Cli::command()
        .about(t(T::CliAbout))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(t(T::CliHelp))
                .global(true),
        )
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(t(T::CliVersion)),
        )
        .mut_arg("db", |a| a.help(t(T::CliDb)))
        .mut_arg("lang", |a| a.help(t(T::CliLang)))
        .mut_arg("today", |a| a.help(t(T::CliToday)))
        .mut_arg("theme", |a| a.help(t(T::CliTheme)))
        .mut_arg("operator", |a| a.help(t(T::CliOperator)))
        .disable_help_subcommand(true)
        .mut_subcommand("demo", |s| {
            s.about(t(T::CliDemo))
                .mut_arg("visits", |a| a.help(t(T::CliDemoVisits)))
                .mut_arg("seed", |a| a.help(t(T::CliDemoSeed)))
        })
        .mut_subcommand("search", |s| {
            s.about(t(T::CliSearch))
                .mut_arg("query", |a| a.help(t(T::CliSearchQuery)))
                .mut_arg("format", |a| a.help(t(T::CliSearchFormat)))
                .mut_arg("limit", |a| a.help(t(T::CliSearchLimit)))
                .mut_arg("reveal", |a| a.help(t(T::CliSearchReveal)))
        })
        .mut_subcommand("check", |s| s.about(t(T::CliCheck)))
        .mut_subcommand("compact", |s| s.about(t(T::CliCompact)))
        .mut_subcommand("backup", |s| {
            s.about(t(T::CliBackup))
                .mut_arg("out", |a| a.help(t(T::CliBackupOut)))
                .mut_arg("wait", |a| a.help(t(T::CliBackupWait)))
        })
        .mut_subcommand("restore", |s| {
            s.about(t(T::CliRestore))
                .mut_arg("file", |a| a.help(t(T::CliRestoreFile)))
        })
        .mut_subcommand("leaders", |s| {
            org_import(s.about(t(T::CliLeaders)), t(T::CliLeadersImport), lang)
        })
        .mut_subcommand("departments", |s| {
            org_import(
                s.about(t(T::CliDepartments)),
                t(T::CliDepartmentsImport),
                lang,
            )
        })
        .mut_subcommand("notice", |s| {
            s.about(t(T::CliNotice))
                .mut_arg("week", |a| a.help(t(T::CliNoticeWeek)))
                .mut_arg("month", |a| a.help(t(T::CliNoticeMonth)))
                .mut_arg("out", |a| a.help(t(T::CliNoticeOut)))
        })
        .mut_subcommand("board", |s| s.about(t(T::CliBoard)))
        .mut_subcommand("report", |s| {
            s.about(t(T::CliReport))
                .mut_arg("which", |a| a.help(t(T::CliReportKind)))
                .mut_arg("format", |a| a.help(t(T::CliReportFormat)))
                .mut_arg("limit", |a| a.help(t(T::CliReportLimit)))
                .mut_arg("quarter", |a| a.help(t(T::CliReportQuarter)))
                .mut_arg("year", |a| a.help(t(T::CliReportYear)))
        })
        .mut_subcommand("export", |s| {
            s.about(t(T::CliExport))
                .mut_arg("format", |a| a.help(t(T::CliExportFormat)))
                .mut_arg("out", |a| a.help(t(T::CliExportOut)))
                .mut_arg("from", |a| a.help(t(T::CliExportFrom)))
                .mut_arg("to", |a| a.help(t(T::CliExportTo)))
        })
        .mut_subcommand("import", |s| {
            s.about(t(T::CliImport))
                .mut_arg("file", |a| a.help(t(T::CliImportLedgerFile)))
                .mut_arg("dry_run", |a| a.help(t(T::CliImportDryRun)))
                .mut_arg("map", |a| a.help(t(T::CliImportMap)))
        })
        .mut_subcommand("document", |s| {
            s.about(t(T::CliDocument))
                .mut_arg("which", |a| a.help(t(T::CliDocumentKind)))
                .mut_arg("matter", |a| a.help(t(T::CliDocumentMatter)))
                .mut_arg("urge", |a| a.help(t(T::CliDocumentUrge)))
                .mut_arg("out", |a| a.help(t(T::CliDocumentOut)))
        })
}

fn org_import(command: clap::Command, about: &'static str, lang: Lang) -> clap::Command {
    let t = |k: T| lang.t(k);
    command
        .disable_help_subcommand(true)
        .mut_subcommand("import", |s| {
            s.about(about)
                .mut_arg("file", |a| a.help(t(T::CliImportFile)))
                .mut_arg("dry_run", |a| a.help(t(T::CliImportDryRun)))
                .mut_arg("skip_bad", |a| a.help(t(T::CliImportSkipBad)))
        })
}

/// `xfdesk leaders import` and `xfdesk departments import`.
pub fn import(
    db: &Path,
    what: crate::import::What,
    action: &OrgAction,
    operator: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let OrgAction::Import {
        file,
        dry_run,
        skip_bad,
    } = action;
    let options = crate::import::Options {
        dry_run: *dry_run,
        skip_bad: *skip_bad,
    };
    crate::import::run(db, what, file, options, operator, lang, out)
}

pub fn parse() -> Cli {
    let lang = requested_lang(std::env::args());
    let matches = command(lang).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The database directory: `--db`, or the per-user default.
pub fn db_path(cli: &Cli) -> Result<PathBuf, String> {
    match &cli.db {
        Some(p) => Ok(p.clone()),
        None => crate::config::default_db().ok_or_else(|| cli.lang.t(T::CliNoDataDir).to_string()),
    }
}

/// `xfdesk demo`: refuses a database that already holds data, shows a progress bar.
pub fn demo(
    db: &Path,
    visits: u64,
    seed: u64,
    lang: Lang,
    today: Option<NaiveDate>,
) -> Result<String, String> {
    let store = SledStore::open(db).map_err(|e| e.localize(lang))?;
    if !store.is_empty().map_err(|e| e.localize(lang))? {
        return Err(lang.f(T::DemoNotEmpty, &[&db.display()]));
    }
    let _ = crate::config::write_default_office(db);
    let (settings, _) = crate::config::office_settings(db, lang);
    let today = today.unwrap_or_else(|| SystemClock { today: None }.today());
    let opts = crate::demo::DemoOptions {
        visits,
        seed,
        today: crate::demo::history_end(today),
        settings,
    };
    let bar = indicatif::ProgressBar::new(visits).with_message(lang.t(T::DemoProgress));
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} {per_sec} {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let summary = crate::demo::fill(&store, &opts, &mut |done, _| bar.set_position(done))
        .map_err(|e| e.localize(lang))?;
    bar.finish_and_clear();
    // A bulk load leaves sled's files twice the size of the data: rewrite them once.
    let compacted = store.compact().map_err(|e| e.localize(lang))?;
    let done = lang.f(
        T::DemoDone,
        &[
            &summary.visits,
            &summary.petitioners,
            &summary.matters,
            &summary.leaders,
            &summary.departments,
            &summary.sessions,
            &db.display(),
        ],
    );
    Ok(format!(
        "{done}\n{}\n{}",
        compacted_text(&compacted, lang),
        lang.t(T::DemoOperators)
    ))
}

/// What a command wrote to its output, as the command's result. A reader that stopped
/// reading (`xfdesk search 张 | head`) has what it wanted: that is no failure to report.
pub fn output(written: std::io::Result<()>) -> Result<(), String> {
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| e.to_string()),
    }
}

/// `xfdesk compact`: rewrites the database's files without their superseded versions.
pub fn compact(db: &Path, lang: Lang) -> Result<String, String> {
    let store = SledStore::open(db).map_err(|e| e.localize(lang))?;
    let done = store.compact().map_err(|e| e.localize(lang))?;
    Ok(compacted_text(&done, lang))
}

fn compacted_text(done: &crate::store::sled_store::Compacted, lang: Lang) -> String {
    let mb = |bytes: u64| format!("{:.1}", bytes as f64 / 1_048_576.0);
    lang.f(
        T::Compacted,
        &[&done.records, &mb(done.before), &mb(done.after)],
    )
}

/// `xfdesk search`: the same rows the screen's search shows. ID numbers and phones are masked
/// as on screen; `reveal` prints them in full and records that in the evidence log first, in
/// the name of `operator`.
#[allow(clippy::too_many_arguments)]
pub fn search(
    db: &Path,
    query: &str,
    format: Format,
    limit: usize,
    reveal: bool,
    operator: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    if query.trim().is_empty() {
        return Err(lang.t(T::CliEmptyQuery).to_string());
    }
    let store: Arc<dyn Store> = Arc::new(SledStore::open(db).map_err(|e| e.localize(lang))?);
    let rows = store
        .search_visits(query, limit)
        .map_err(|e| e.localize(lang))?;
    if reveal && !rows.is_empty() {
        record_reveal(store.as_ref(), operator, query, &rows).map_err(|e| e.localize(lang))?;
    }
    let written = match format {
        Format::Json => writeln!(out, "{}", json(&rows, reveal, lang)),
        Format::Table if rows.is_empty() => {
            writeln!(out, "{}", lang.f(T::CliSearchNone, &[&query]))
        }
        Format::Table => table(&rows, lang, out),
    };
    output(written)
}

fn record_reveal(
    store: &dyn Store,
    operator: &str,
    query: &str,
    rows: &[Visit],
) -> crate::store::Result<u64> {
    use crate::domain::audit::{AuditEvent, AuditKind, subject};
    let mut whom: Vec<u64> = rows.iter().map(|v| v.petitioner_id.0).collect();
    whom.sort_unstable();
    whom.dedup();
    let now = stamp(operator);
    store.record_audit(&AuditEvent {
        at: now.at,
        operator: now.by,
        kind: AuditKind::Revealed,
        subject: whom
            .iter()
            .map(|p| subject::token(subject::PETITIONER, p))
            .collect::<Vec<_>>()
            .join(" "),
        detail: query.to_string(),
    })
}

fn json(rows: &[Visit], reveal: bool, lang: Lang) -> String {
    let items: Vec<serde_json::Value> = rows
        .iter()
        .map(|v| {
            let person = &v.petitioner;
            let id_number = person
                .id_number
                .as_ref()
                .map(|i| if reveal { i.to_string() } else { i.masked() });
            let phone = person
                .phone
                .as_ref()
                .map(|p| if reveal { p.to_string() } else { p.masked() });
            serde_json::json!({
                "id_number": id_number,
                "phone": phone,
                "number": v.number.to_string(),
                "received_at": v.received_at.format("%Y-%m-%d %H:%M").to_string(),
                "name": v.petitioner.name,
                "channel": v.channel.label(lang),
                "kind": v.kind.label(lang),
                "category": v.category,
                "head_count": v.head_count,
                "group": v.group,
                "summary": v.summary,
                "petitioner_id": v.petitioner_id.0,
                "matter_id": v.case_id.0,
            })
        })
        .collect();
    serde_json::Value::Array(items).to_string()
}

fn table(rows: &[Visit], lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let cols = [
        (T::ColNumber, 11),
        (T::ColReceived, 16),
        (T::ColName, 12),
        (T::ColChannel, 8),
        (T::ColCategory, 8),
        (T::ColSummary, 40),
    ];
    let header: Vec<String> = cols.iter().map(|(t, w)| pad(lang.t(*t), *w)).collect();
    writeln!(out, "{}", header.join(" ").trim_end())?;
    for v in rows {
        let cells = [
            v.number.to_string(),
            v.received_at.format("%Y-%m-%d %H:%M").to_string(),
            v.petitioner.name.clone(),
            v.channel.label(lang).to_string(),
            v.category.clone(),
            crate::ui::text::one_line(&v.summary),
        ];
        let line: Vec<String> = cells
            .iter()
            .zip(cols)
            .map(|(c, (_, w))| pad(c, w))
            .collect();
        writeln!(out, "{}", line.join(" ").trim_end())?;
    }
    Ok(())
}

/// `config::deadline_setup` for a subcommand that works out due dates: a policy or holiday
/// file it could not use is named on stderr, as the figures then follow the defaults.
pub(crate) fn deadline_setup(
    db: &Path,
    lang: Lang,
) -> (
    crate::domain::deadline::DeadlinePolicy,
    crate::domain::calendar::HolidayCalendar,
) {
    let (policy, calendar, warnings) = crate::config::deadline_setup(db, lang);
    for w in warnings {
        eprintln!("{w}");
    }
    (policy, calendar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_is_read_before_parsing_in_both_spellings() {
        let args = |v: &[&str]| {
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .into_iter()
        };
        assert_eq!(requested_lang(args(&["xfdesk", "--lang", "en"])), Lang::En);
        assert_eq!(
            requested_lang(args(&["xfdesk", "search", "x", "--lang=en"])),
            Lang::En
        );
        assert_eq!(requested_lang(args(&["xfdesk"])), Lang::Zh);
    }

    #[test]
    fn help_speaks_the_requested_language() {
        let mut zh = command(Lang::Zh);
        let zh_help = zh.render_help().to_string();
        assert!(zh_help.contains("数据库目录"), "{zh_help}");
        let mut en = command(Lang::En);
        let en_help = en.render_help().to_string();
        assert!(en_help.contains("Database directory"), "{en_help}");
        command(Lang::Zh).debug_assert();
        let mut zh = command(Lang::Zh);
        let import = zh
            .find_subcommand_mut("leaders")
            .and_then(|s| s.find_subcommand_mut("import"))
            .map(|s| s.render_help().to_string())
            .unwrap_or_default();
        assert!(import.contains("跳过有误的行"), "{import}");
    }
}

//! `xfdesk report overdue|due-soon|pending`: the supervisor's lists from the pending index,
//! computed with the office's deadline policy and holiday calendar as the desk computes them,
//! as an aligned table, CSV for Excel, or JSON for scripts. `quarterly` and `annual` are the
//! statistics of a period (`cli::statistics`).

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use clap::ValueEnum;

use super::statistics::Span;
use crate::domain::statistics::period::Quarter;
use crate::store::figures::Rules;

use crate::app::{Clock, SystemClock};
use crate::domain::calendar::HolidayCalendar;
use crate::domain::deadline::DeadlinePolicy;
use crate::domain::organisation::{DepartmentId, LeaderId};
use crate::domain::report::{ReportKind, ReportLine};
use crate::domain::signals::signals;
use crate::i18n::{Label, Lang, Localize, T};
use crate::store::Store;
use crate::store::sled_store::SledStore;
use crate::ui::text::{pad, width};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportWhich {
    Overdue,
    DueSoon,
    Pending,
    Quarterly,
    Annual,
}

impl ReportWhich {
    /// The list this report is; `None` for the statistics of a period.
    fn kind(self) -> Option<ReportKind> {
        match self {
            ReportWhich::Overdue => Some(ReportKind::Overdue),
            ReportWhich::DueSoon => Some(ReportKind::DueSoon),
            ReportWhich::Pending => Some(ReportKind::Pending),
            ReportWhich::Quarterly | ReportWhich::Annual => None,
        }
    }

    /// The title of a list. A period's statistics have their own (`cli::statistics`) and
    /// never reach the lists' printing, so they share the pending list's here.
    fn title(self) -> T {
        match self {
            ReportWhich::Overdue => T::ReportOverdue,
            ReportWhich::DueSoon => T::ReportDueSoon,
            ReportWhich::Pending | ReportWhich::Quarterly | ReportWhich::Annual => T::ReportPending,
        }
    }
}

/// What `xfdesk report` was asked for.
#[derive(Clone, Copy, Debug)]
pub struct Request {
    pub which: ReportWhich,
    pub format: ReportFormat,
    pub limit: Option<usize>,
    /// For `quarterly`; the quarter of today when not given.
    pub quarter: Option<Quarter>,
    /// For `annual`; the year of today when not given.
    pub year: Option<i32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    // With a UTF-8 byte-order mark, so Excel on Chinese Windows reads the characters. (Not a
    // doc comment: clap would show it, untranslated, in the help.)
    Csv,
    Json,
}

/// Names of leaders and departments, looked up once per report.
struct Names {
    leaders: HashMap<LeaderId, String>,
    departments: HashMap<DepartmentId, String>,
}

/// One printed row: the cells of the table and CSV, the values of the JSON.
struct Row {
    number: String,
    petitioner: String,
    category: String,
    state: String,
    stage: String,
    due: Option<NaiveDate>,
    days: String,
    days_left: Option<i64>,
    leader: Option<String>,
    department: Option<String>,
    /// Why the matter may need supervision (JSON only; the table stays one line a matter).
    signals: Vec<String>,
}

/// What a row is computed with besides the line itself.
struct Context<'a> {
    names: &'a Names,
    today: NaiveDate,
    policy: &'a DeadlinePolicy,
    calendar: &'a HolidayCalendar,
    lang: Lang,
}

impl Row {
    fn of(line: &ReportLine, cx: &Context) -> Row {
        let (names, lang) = (cx.names, cx.lang);
        let r = line.row;
        Row {
            number: r.number.to_string(),
            petitioner: r.petitioner.to_string(),
            category: r.category.to_string(),
            state: r.state.label(lang).to_string(),
            stage: r
                .clock
                .as_ref()
                .map(|c| c.stage.label(lang).to_string())
                .unwrap_or_default(),
            due: line.due,
            days: line.urgency.map(|u| u.localize(lang)).unwrap_or_default(),
            days_left: line.urgency.map(|u| u.days_left()),
            leader: r.responsible.and_then(|l| names.leaders.get(&l).cloned()),
            department: r
                .department
                .and_then(|d| names.departments.get(&d).cloned()),
            signals: signals(r, cx.today, cx.policy, cx.calendar)
                .iter()
                .map(|s| s.localize(lang))
                .collect(),
        }
    }

    fn cells(&self) -> [String; 9] {
        [
            self.number.clone(),
            self.petitioner.clone(),
            self.category.clone(),
            self.state.clone(),
            self.stage.clone(),
            self.due.map(|d| d.to_string()).unwrap_or_default(),
            self.days.clone(),
            self.leader.clone().unwrap_or_default(),
            self.department.clone().unwrap_or_default(),
        ]
    }
}

const COLUMNS: [(T, usize); 9] = [
    (T::ColNumber, 11),
    (T::ColPetitioner, 12),
    (T::ColCategory, 10),
    (T::ColState, 12),
    (T::ColStage, 18),
    (T::ColDue, 10),
    (T::ColDaysLeft, 12),
    (T::ColLeader, 10),
    (T::ColDepartment, 26),
];

/// Prints the report to `out`; what the user should know about the files it was computed
/// with (a broken policy, missing holiday years, a tier the policy lost) goes to `warn`.
pub fn report(
    db: &Path,
    request: Request,
    lang: Lang,
    today: Option<NaiveDate>,
    out: &mut dyn Write,
    warn: &mut dyn Write,
) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let store = SledStore::open(db).map_err(|e| e.localize(lang))?;
    let (policy, calendar, warnings) = crate::config::deadline_setup(db, lang);
    let today = today.unwrap_or_else(|| SystemClock { today: None }.today());
    for w in warnings {
        writeln!(warn, "{w}").map_err(io)?;
    }
    let missing = calendar.missing_years(today);
    if !missing.is_empty() {
        let years: Vec<String> = missing.iter().map(|y| y.to_string()).collect();
        writeln!(warn, "{}", lang.f(T::HolidaysMissing, &[&years.join(", ")])).map_err(io)?;
    }
    let Request {
        which,
        format,
        limit,
        ..
    } = request;
    let Some(kind) = which.kind() else {
        let span = match which {
            ReportWhich::Annual => Span::Year(request.year.unwrap_or(today.year())),
            _ => Span::Quarter(request.quarter.unwrap_or(Quarter::of(today))),
        };
        let rules = Rules {
            today,
            policy: &policy,
            calendar: &calendar,
        };
        return super::statistics::run(&store, span, format, &rules, lang, out);
    };

    let rows = store.pending_matters().map_err(|e| e.localize(lang))?;
    let lines = crate::domain::report::report(kind, &rows, today, &policy, &calendar);
    let mut lost_tiers: BTreeMap<&str, usize> = BTreeMap::new();
    for tier in lines.iter().filter_map(|l| l.unknown_tier.as_deref()) {
        *lost_tiers.entry(tier).or_default() += 1;
    }
    for (tier, count) in lost_tiers {
        writeln!(warn, "{}", lang.f(T::ReportUnknownTier, &[&tier, &count])).map_err(io)?;
    }
    let names = Names {
        leaders: store
            .leaders()
            .map_err(|e| e.localize(lang))?
            .into_iter()
            .map(|l| (l.id, l.name))
            .collect(),
        departments: store
            .departments()
            .map_err(|e| e.localize(lang))?
            .into_iter()
            .map(|d| (d.id, d.name))
            .collect(),
    };
    let total = lines.len();
    let cx = Context {
        names: &names,
        today,
        policy: &policy,
        calendar: &calendar,
        lang,
    };
    let shown: Vec<Row> = lines
        .iter()
        .take(limit.unwrap_or(usize::MAX))
        .map(|l| Row::of(l, &cx))
        .collect();
    let written = match format {
        ReportFormat::Table => table(which, &shown, total, today, lang, out),
        ReportFormat::Csv => csv(&shown, lang, out),
        ReportFormat::Json => json(which, &shown, total, today, out),
    };
    super::output(written)
}

fn table(
    which: ReportWhich,
    rows: &[Row],
    total: usize,
    today: NaiveDate,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let title = lang.t(which.title());
    if rows.is_empty() && total == 0 {
        return writeln!(out, "{}", lang.f(T::ReportNone, &[&title, &today]));
    }
    let cells: Vec<[String; 9]> = rows.iter().map(Row::cells).collect();
    // Each column as wide as its widest cell, within its cap: Chinese takes two cells each.
    let widths: Vec<usize> = COLUMNS
        .iter()
        .enumerate()
        .map(|(i, (head, cap))| {
            let widest = cells.iter().map(|c| width(&c[i])).max().unwrap_or(0);
            widest.max(width(lang.t(*head))).min(*cap)
        })
        .collect();
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
        padded.join("  ").trim_end().to_string()
    };
    let header = COLUMNS
        .iter()
        .map(|(t, _)| lang.t(*t).to_string())
        .collect();
    writeln!(out, "{}", line(header))?;
    for c in cells {
        writeln!(out, "{}", line(c.to_vec()))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        lang.f(T::ReportSummary, &[&title, &total, &today])
    )?;
    if total > rows.len() {
        writeln!(out, "{}", lang.f(T::ReportMore, &[&(total - rows.len())]))?;
    }
    Ok(())
}

/// One CSV field: quoted when it holds a separator, a quote or a line break.
pub(super) fn csv_field(s: &str) -> String {
    field(s)
}

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv(rows: &[Row], lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    write!(out, "\u{feff}")?;
    let header: Vec<String> = COLUMNS.iter().map(|(t, _)| field(lang.t(*t))).collect();
    write!(out, "{}\r\n", header.join(","))?;
    for row in rows {
        let cells: Vec<String> = row.cells().iter().map(|c| field(c)).collect();
        write!(out, "{}\r\n", cells.join(","))?;
    }
    Ok(())
}

fn json(
    which: ReportWhich,
    rows: &[Row],
    total: usize,
    today: NaiveDate,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let report = match which {
        ReportWhich::Overdue => "overdue",
        ReportWhich::DueSoon => "due-soon",
        ReportWhich::Pending | ReportWhich::Quarterly | ReportWhich::Annual => "pending",
    };
    let matters: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            serde_json::json!({
                "number": r.number,
                "petitioner": r.petitioner,
                "category": r.category,
                "state": r.state,
                "stage": r.stage,
                "due": r.due.map(|d| d.to_string()),
                "days_left": r.days_left,
                "days": r.days,
                "leader": r.leader,
                "department": r.department,
                "signals": r.signals,
            })
        })
        .collect();
    let doc = serde_json::json!({
        "report": report,
        "today": today.to_string(),
        "total": total,
        "matters": matters,
    });
    writeln!(out, "{doc}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_field_is_quoted_only_when_it_must_be() {
        assert_eq!(field("县住建局"), "县住建局");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("说\"明\""), "\"说\"\"明\"\"\"");
    }
}

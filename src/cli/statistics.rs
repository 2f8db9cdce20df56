//! `xfdesk report quarterly --quarter 2026Q3` and `xfdesk report annual --year 2026`: the
//! quarterly summary with the change against the quarter before, and the annual report's
//! fields (article 41), as a table, CSV for Excel, or JSON for scripts.

use std::collections::HashMap;
use std::io::Write;

use chrono::NaiveDate;

use super::report::{ReportFormat, csv_field};
use crate::domain::organisation::DepartmentId;
use crate::domain::statistics::period::{Figures, Period, Quarter};
use crate::i18n::statistics::{Line, Shown, lines};
use crate::i18n::{Label, Lang, Localize, T};
use crate::store::Store;
use crate::store::figures::{Rules, period_figures};
use crate::ui::text::{pad, width};

/// Which period a statistics report covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Quarter(Quarter),
    Year(i32),
}

impl Span {
    pub fn period(self) -> Option<Period> {
        match self {
            Span::Quarter(q) => q.range(),
            Span::Year(y) => Period::year(y),
        }
    }

    /// The period compared against: the quarter before; a year stands alone.
    pub fn previous(self) -> Option<Span> {
        match self {
            Span::Quarter(q) => Some(Span::Quarter(q.previous())),
            Span::Year(_) => None,
        }
    }

    fn title(self, period: Period, lang: Lang) -> String {
        let (from, to) = (period.from, period.last_day());
        match self {
            Span::Quarter(q) => lang.f(T::StatQuarterTitle, &[&q.year, &q.q, &from, &to]),
            Span::Year(y) => lang.f(T::StatAnnualTitle, &[&y, &from, &to]),
        }
    }
}

pub struct Printed<'a> {
    pub span: Span,
    pub figures: &'a Figures,
    pub before: Option<&'a Figures>,
    pub departments: &'a HashMap<DepartmentId, String>,
    pub today: NaiveDate,
    pub lang: Lang,
}

pub fn print(p: &Printed, format: ReportFormat, out: &mut dyn Write) -> std::io::Result<()> {
    let name = |d: DepartmentId| {
        p.departments
            .get(&d)
            .cloned()
            .unwrap_or_else(|| format!("#{}", d.0))
    };
    let lines = lines(p.figures, p.before, &name, Shown::All, p.lang);
    match format {
        ReportFormat::Table => table(p, &lines, out),
        ReportFormat::Csv => csv(p, &lines, out),
        ReportFormat::Json => json(p, out),
    }
}

fn headers(p: &Printed) -> Vec<&'static str> {
    let mut h = vec![
        p.lang.t(T::StatColSection),
        p.lang.t(T::StatColItem),
        p.lang.t(T::StatColValue),
    ];
    if p.before.is_some() {
        h.extend([p.lang.t(T::StatColPrevious), p.lang.t(T::StatColChange)]);
    }
    h
}

fn cells(p: &Printed, l: &Line) -> Vec<String> {
    let mut c = vec![l.section.clone(), l.item.clone(), l.value.clone()];
    if p.before.is_some() {
        c.push(l.previous.clone().unwrap_or_default());
        c.push(l.change.clone().unwrap_or_default());
    }
    c
}

fn table(p: &Printed, lines: &[Line], out: &mut dyn Write) -> std::io::Result<()> {
    let Some(period) = p.span.period() else {
        return Ok(());
    };
    writeln!(out, "{}", p.span.title(period, p.lang))?;
    writeln!(out)?;
    let heads = headers(p);
    let rows: Vec<Vec<String>> = lines.iter().map(|l| cells(p, l)).collect();
    let widths: Vec<usize> = (0..heads.len())
        .map(|i| {
            let widest = rows.iter().map(|r| width(&r[i])).max().unwrap_or(0);
            widest.max(width(heads[i])).min(40)
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| pad(c, *w)).collect();
        padded.join("  ").trim_end().to_string()
    };
    let head: Vec<String> = heads.iter().map(|h| h.to_string()).collect();
    writeln!(out, "{}", line(&head))?;
    let mut last = String::new();
    for (l, mut row) in lines.iter().zip(rows) {
        // The section is named once, where it starts.
        if l.section == last {
            row[0].clear();
        }
        last = l.section.clone();
        writeln!(out, "{}", line(&row))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", p.lang.f(T::StatAsOf, &[&p.today]))
}

fn csv(p: &Printed, lines: &[Line], out: &mut dyn Write) -> std::io::Result<()> {
    write!(out, "\u{feff}")?;
    let head: Vec<String> = headers(p).iter().map(|h| csv_field(h)).collect();
    write!(out, "{}\r\n", head.join(","))?;
    for l in lines {
        let c: Vec<String> = cells(p, l).iter().map(|c| csv_field(c)).collect();
        write!(out, "{}\r\n", c.join(","))?;
    }
    Ok(())
}

fn figures_json(
    f: &Figures,
    departments: &HashMap<DepartmentId, String>,
    lang: Lang,
) -> serde_json::Value {
    let pairs = |v: Vec<(String, u64)>| {
        serde_json::Value::Array(
            v.into_iter()
                .map(|(k, n)| serde_json::json!({"name": k, "count": n}))
                .collect(),
        )
    };
    let no_township = lang.t(T::StatNoTownship);
    serde_json::json!({
        "from": f.period.from.to_string(),
        "to": f.period.last_day().to_string(),
        "visits": f.visits,
        "matters": f.matters,
        "group_visits": f.group_visits,
        "group_people": f.group_people,
        "repeat_visits": f.repeat_visits,
        "finished": f.finished,
        "settled": f.settled,
        "settled_rate": f.settled_pct(),
        "timed": f.timed,
        "on_time": f.on_time,
        "on_time_rate": f.on_time_pct(),
        "forwarded": f.forwarded,
        "assigned": f.assigned,
        "supervised": f.supervised,
        "by_channel": pairs(f.by_channel.iter().map(|(c, n)| (c.label(lang).to_string(), *n)).collect()),
        "by_kind": pairs(f.by_kind.iter().map(|(k, n)| (k.label(lang).to_string(), *n)).collect()),
        "by_category": pairs(f.by_category.clone()),
        "by_township": pairs(f.by_township.iter().map(|(t, n)| (t.clone().unwrap_or_else(|| no_township.to_string()), *n)).collect()),
        "by_month": f.by_month.iter().map(|(y, m, n)| serde_json::json!({"month": format!("{y}-{m:02}"), "count": n})).collect::<Vec<_>>(),
        "by_department": pairs(f.by_department.iter().map(|(d, n)| (departments.get(d).cloned().unwrap_or_else(|| format!("#{}", d.0)), *n)).collect()),
    })
}

fn json(p: &Printed, out: &mut dyn Write) -> std::io::Result<()> {
    let (report, period) = match p.span {
        Span::Quarter(q) => ("quarterly", q.to_string()),
        Span::Year(y) => ("annual", y.to_string()),
    };
    let mut doc = serde_json::json!({
        "report": report,
        "period": period,
        "today": p.today.to_string(),
        "figures": figures_json(p.figures, p.departments, p.lang),
    });
    if let (Some(before), Some(previous)) = (p.before, p.span.previous()) {
        let name = match previous {
            Span::Quarter(q) => q.to_string(),
            Span::Year(y) => y.to_string(),
        };
        doc["previous_period"] = serde_json::json!(name);
        doc["previous"] = figures_json(before, p.departments, p.lang);
    }
    writeln!(out, "{doc}")
}

/// Computes and prints the statistics of `span` (and of the period before, to compare).
pub fn run(
    store: &dyn Store,
    span: Span,
    format: ReportFormat,
    rules: &Rules,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let err = |e: crate::store::StoreError| e.localize(lang);
    let period = span
        .period()
        .ok_or_else(|| lang.t(T::CliBadQuarter).to_string())?;
    let figures = period_figures(store, period, rules).map_err(err)?;
    let before = match span.previous().and_then(Span::period) {
        Some(p) => Some(period_figures(store, p, rules).map_err(err)?),
        None => None,
    };
    let departments = store
        .departments()
        .map_err(err)?
        .into_iter()
        .map(|d| (d.id, d.name))
        .collect();
    let printed = Printed {
        span,
        figures: &figures,
        before: before.as_ref(),
        departments: &departments,
        today: rules.today,
        lang,
    };
    super::output(print(&printed, format, out))
}

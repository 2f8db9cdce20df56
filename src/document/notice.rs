//! The public reception notice (接访公示) of a week or a month, as Markdown: what the week
//! screen shows (F9) and `xfdesk notice` prints. It carries only what is published anyway (the
//! leaders' names, titles and portfolios, the departments sitting in, dates, times and places),
//! no petitioner.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::app::week::monday_of;
use crate::domain::organisation::{Department, Leader};
use crate::domain::schedule::Session;
use crate::i18n::{Label, Lang, T};

/// The first and last day a notice covers: the week of `date`, or its month.
pub fn period(date: NaiveDate, month: bool) -> (NaiveDate, NaiveDate) {
    if month {
        let first = date.with_day(1).unwrap_or(date);
        let last = first
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(first);
        (first, last)
    } else {
        let monday = monday_of(date);
        (
            monday,
            monday.checked_add_days(Days::new(6)).unwrap_or(monday),
        )
    }
}

/// The notice as Markdown: one section per session, in date order.
pub fn notice_text(
    sessions: &[Session],
    leaders: &[Leader],
    departments: &[Department],
    (from, to): (NaiveDate, NaiveDate),
    lang: Lang,
) -> String {
    let mut out = format!("# {}\n\n", lang.f(T::NoticeTitle, &[&from, &to]));
    if sessions.is_empty() {
        out.push_str(lang.t(T::NoticeEmpty));
        out.push('\n');
        return out;
    }
    let days: Vec<&str> = lang.t(T::WeekDays).split_whitespace().collect();
    for s in sessions {
        let p = &s.plan;
        let day = days
            .get(p.date.weekday().num_days_from_monday() as usize)
            .copied()
            .unwrap_or_default();
        let weekday = lang.f(T::NoticeWeekday, &[&day]);
        out.push_str(&format!(
            "## {} {weekday} {}-{}\n\n",
            p.date,
            p.start.format("%H:%M"),
            p.end.format("%H:%M")
        ));
        let leader = leaders.iter().find(|l| l.id == p.leader);
        let sitting: Vec<&str> = p
            .sitting_in
            .iter()
            .filter_map(|id| departments.iter().find(|d| d.id == *id))
            .map(|d| d.name.as_str())
            .collect();
        let none = lang.t(T::SessionNone);
        let or_none = |v: &str| {
            if v.is_empty() {
                none.to_string()
            } else {
                v.to_string()
            }
        };
        let rows = [
            (
                T::SessionLeader,
                leader.map_or(String::new(), |l| l.name.clone()),
            ),
            (
                T::SessionTitle,
                leader.map_or(String::new(), |l| l.title.clone()),
            ),
            (
                T::SessionPortfolio,
                leader.map_or(String::new(), |l| l.portfolio.clone()),
            ),
            (T::SessionPlace, p.place.clone()),
            (T::SessionMode, p.mode.label(lang).to_string()),
            (T::SessionSittingIn, sitting.join("、")),
        ];
        for (label, value) in rows {
            out.push_str(&format!("- {}:{}\n", lang.t(label), or_none(&value)));
        }
        if !p.note.is_empty() {
            out.push_str(&format!("- {}:{}\n", lang.t(T::SessionNote), p.note));
        }
        out.push('\n');
    }
    out
}

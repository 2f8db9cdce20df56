//! The quarterly summary of receptions (每季度汇总分析) and the annual report of article 41:
//! visits by channel, kind, category, township and month; group and repeat visits; the settled
//! rate (息诉息访率) and the on-time rate; forwarded, assigned and supervised counts; the
//! departments that receive the most matters.
//!
//! The visits counted are those received in the period; the matters are those opened in it
//! (their first visit fell in it), so a matter counts in exactly one period.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::{Outcome, percent};
use crate::domain::case::CaseId;
use crate::domain::organisation::DepartmentId;
use crate::domain::visit::{Channel, Kind, Visit};

/// A calendar quarter, written `2026Q3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub q: u32,
}

impl Quarter {
    pub fn parse(text: &str) -> Option<Quarter> {
        let upper = text.trim().to_uppercase();
        let (year, q) = upper.split_once('Q')?;
        let year: i32 = year.parse().ok()?;
        let q: u32 = q.parse().ok()?;
        ((1..=4).contains(&q) && (1000..=9999).contains(&year)).then_some(Quarter { year, q })
    }

    pub fn of(day: NaiveDate) -> Quarter {
        Quarter {
            year: day.year(),
            q: (day.month() - 1) / 3 + 1,
        }
    }

    pub fn previous(self) -> Quarter {
        match self.q {
            1 => Quarter {
                year: self.year - 1,
                q: 4,
            },
            q => Quarter { q: q - 1, ..self },
        }
    }

    pub fn next(self) -> Quarter {
        match self.q {
            4 => Quarter {
                year: self.year + 1,
                q: 1,
            },
            q => Quarter { q: q + 1, ..self },
        }
    }

    /// First day and the day after the last.
    pub fn range(self) -> Option<Period> {
        let from = NaiveDate::from_ymd_opt(self.year, self.q * 3 - 2, 1)?;
        let next = self.next_start()?;
        Some(Period { from, until: next })
    }

    fn next_start(self) -> Option<NaiveDate> {
        match self.q {
            4 => NaiveDate::from_ymd_opt(self.year + 1, 1, 1),
            q => NaiveDate::from_ymd_opt(self.year, q * 3 + 1, 1),
        }
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Q{}", self.year, self.q)
    }
}

/// Days from `from` up to, not including, `until`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub until: NaiveDate,
}

impl Period {
    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            until: NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
        })
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day < self.until
    }

    /// The last day in the period, for headings.
    pub fn last_day(&self) -> NaiveDate {
        self.until.pred_opt().unwrap_or(self.until)
    }
}

/// The township (乡镇 / 街道) of an address, or `None` when the address names none: the text
/// after the county (县 / 区 / 市) up to and including 镇, 乡 or 街道.
///
/// The township word is looked for only after the county, because a county or city may have
/// one in its own name (镇沅县, 镇江市, 乡城县).
pub fn township(address: &str) -> Option<String> {
    let county_end = ["县", "区", "旗"]
        .iter()
        .filter_map(|m| address.find(m).map(|i| i + m.len()))
        .min()
        .or_else(|| address.rfind('市').map(|i| i + '市'.len_utf8()))
        .unwrap_or(0);
    let rest = &address[county_end..];
    let end = county_end
        + ["街道", "镇", "乡"]
            .iter()
            .filter_map(|m| rest.find(m).map(|i| i + m.len()))
            .min()?;
    let head = &address[..end];
    let start = ["县", "区", "市", "旗"]
        .iter()
        .filter_map(|m| {
            head[..head.len().saturating_sub(3)]
                .rfind(m)
                .map(|i| i + m.len())
        })
        .max()
        .unwrap_or(0);
    let name = head.get(start..)?.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// Counts by a key, most first, ties by key.
fn ranked<K: Ord + Clone>(map: BTreeMap<K, u64>) -> Vec<(K, u64)> {
    let mut v: Vec<_> = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    pub period: Period,
    pub visits: u64,
    /// In the order of `Channel::ALL`, every channel (zeros too, so periods line up).
    pub by_channel: Vec<(Channel, u64)>,
    pub by_kind: Vec<(Kind, u64)>,
    /// Most first.
    pub by_category: Vec<(String, u64)>,
    /// Most first; `None` is an address naming no township.
    pub by_township: Vec<(Option<String>, u64)>,
    /// (year, month, visits), in time order, every month of the period.
    pub by_month: Vec<(i32, u32, u64)>,
    pub group_visits: u64,
    /// People who came in group visits.
    pub group_people: u64,
    /// Visits on a matter that an earlier visit opened (重复访).
    pub repeat_visits: u64,
    /// Matters opened in the period.
    pub matters: u64,
    pub finished: u64,
    pub settled: u64,
    pub timed: u64,
    pub on_time: u64,
    pub forwarded: u64,
    pub assigned: u64,
    pub supervised: u64,
    /// Matters assigned to each lead department, most first.
    pub by_department: Vec<(DepartmentId, u64)>,
}

impl Figures {
    /// 息诉息访率: settled of the finished matters.
    pub fn settled_pct(&self) -> Option<u32> {
        percent(self.settled, self.finished)
    }

    /// Matters that kept the handling limit, of those whose keeping is known.
    pub fn on_time_pct(&self) -> Option<u32> {
        percent(self.on_time, self.timed)
    }
}

/// The figures of `period` from the visits received in it and the outcomes of their matters
/// (at least every matter one of the visits belongs to; others are ignored unless opened in
/// the period).
pub fn figures(period: Period, visits: &[Visit], outcomes: &[Outcome]) -> Figures {
    let by_id: HashMap<CaseId, &Outcome> = outcomes.iter().map(|o| (o.id, o)).collect();
    let visits: Vec<&Visit> = visits
        .iter()
        .filter(|v| period.contains(v.received_at.date()))
        .collect();
    let mut channel: HashMap<Channel, u64> = HashMap::new();
    let mut kind: HashMap<Kind, u64> = HashMap::new();
    let mut category: BTreeMap<String, u64> = BTreeMap::new();
    let mut townships: BTreeMap<Option<String>, u64> = BTreeMap::new();
    let mut months: BTreeMap<(i32, u32), u64> = BTreeMap::new();
    let mut day = period.from;
    while day < period.until {
        months.insert((day.year(), day.month()), 0);
        day = day
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(period.until);
    }
    let (mut group_visits, mut group_people, mut repeat_visits) = (0, 0, 0);
    for v in &visits {
        *channel.entry(v.channel).or_default() += 1;
        *kind.entry(v.kind).or_default() += 1;
        *category.entry(v.category.clone()).or_default() += 1;
        *townships
            .entry(township(&v.petitioner.address))
            .or_default() += 1;
        let at = v.received_at.date();
        *months.entry((at.year(), at.month())).or_default() += 1;
        if v.group {
            group_visits += 1;
            group_people += u64::from(v.head_count);
        }
        if by_id.get(&v.case_id).is_some_and(|o| o.first_visit != v.id) {
            repeat_visits += 1;
        }
    }
    let opened: Vec<&Outcome> = outcomes
        .iter()
        .filter(|o| period.contains(o.opened))
        .collect();
    let count = |f: &dyn Fn(&Outcome) -> bool| opened.iter().filter(|o| f(o)).count() as u64;
    let mut departments: BTreeMap<DepartmentId, u64> = BTreeMap::new();
    for d in opened.iter().filter_map(|o| o.department) {
        *departments.entry(d).or_default() += 1;
    }
    Figures {
        period,
        visits: visits.len() as u64,
        by_channel: Channel::ALL
            .iter()
            .map(|c| (*c, channel.get(c).copied().unwrap_or(0)))
            .collect(),
        by_kind: Kind::ALL
            .iter()
            .map(|k| (*k, kind.get(k).copied().unwrap_or(0)))
            .collect(),
        by_category: ranked(category),
        by_township: ranked(townships),
        by_month: months.into_iter().map(|((y, m), n)| (y, m, n)).collect(),
        group_visits,
        group_people,
        repeat_visits,
        matters: opened.len() as u64,
        finished: count(&|o| o.finished),
        settled: count(&|o| o.finished && o.settled),
        timed: count(&|o| o.on_time.is_some()),
        on_time: count(&|o| o.on_time == Some(true)),
        forwarded: count(&|o| o.forwarded),
        assigned: count(&|o| o.assigned),
        supervised: count(&|o| o.supervised),
        by_department: ranked(departments),
    }
}

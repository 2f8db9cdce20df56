//! The quarterly and annual figures in words, one line an item, for the command line's table
//! and CSV and for the supervisor view's quarter tab alike.

use super::{Label, Lang, T};
use crate::domain::organisation::DepartmentId;
use crate::domain::statistics::period::Figures;

/// One printed line: section, item, value, and the previous period's value when compared.
pub struct Line {
    pub section: String,
    pub item: String,
    pub value: String,
    pub previous: Option<String>,
    pub change: Option<String>,
}

fn pct(p: Option<u32>) -> String {
    p.map_or_else(|| "—".to_string(), |p| format!("{p}%"))
}

fn signed(now: i64, before: i64) -> String {
    format!("{:+}", now - before)
}

/// The lines of the report, in reading order. Fields of concern and departments list the
/// first `TOP` only; the JSON carries them all.
const TOP: usize = 10;

pub fn lines(
    f: &Figures,
    before: Option<&Figures>,
    department: &dyn Fn(DepartmentId) -> String,
    lang: Lang,
) -> Vec<Line> {
    let mut out = Vec::new();
    let sec = |t: T| lang.t(t).to_string();
    let mut count = |section: &str, item: String, now: u64, was: Option<u64>| {
        out.push(Line {
            section: section.to_string(),
            item,
            value: now.to_string(),
            previous: was.map(|w| w.to_string()),
            change: was.map(|w| signed(now as i64, w as i64)),
        })
    };
    let totals = sec(T::StatTotals);
    let b = |g: fn(&Figures) -> u64| before.map(g);
    count(&totals, sec(T::StatVisits), f.visits, b(|x| x.visits));
    count(&totals, sec(T::StatMatters), f.matters, b(|x| x.matters));
    count(
        &totals,
        sec(T::StatGroupVisits),
        f.group_visits,
        b(|x| x.group_visits),
    );
    count(
        &totals,
        sec(T::StatGroupPeople),
        f.group_people,
        b(|x| x.group_people),
    );
    count(
        &totals,
        sec(T::StatRepeatVisits),
        f.repeat_visits,
        b(|x| x.repeat_visits),
    );
    count(
        &totals,
        sec(T::StatForwarded),
        f.forwarded,
        b(|x| x.forwarded),
    );
    count(&totals, sec(T::StatAssigned), f.assigned, b(|x| x.assigned));
    count(
        &totals,
        sec(T::StatSupervised),
        f.supervised,
        b(|x| x.supervised),
    );
    let channel = sec(T::StatByChannel);
    for (i, (c, n)) in f.by_channel.iter().enumerate() {
        let was = before.and_then(|x| x.by_channel.get(i)).map(|p| p.1);
        count(&channel, c.label(lang).to_string(), *n, was);
    }
    let kind = sec(T::StatByKind);
    for (i, (k, n)) in f.by_kind.iter().enumerate() {
        let was = before.and_then(|x| x.by_kind.get(i)).map(|p| p.1);
        count(&kind, k.label(lang).to_string(), *n, was);
    }
    let category = sec(T::StatByCategory);
    for (c, n) in f.by_category.iter().take(TOP) {
        let was = before.map(|x| lookup(&x.by_category, c));
        count(&category, c.clone(), *n, was);
    }
    let township = sec(T::StatByTownship);
    for (t, n) in f.by_township.iter().take(TOP) {
        let was = before.map(|x| lookup(&x.by_township, t));
        let name = t.clone().unwrap_or_else(|| sec(T::StatNoTownship));
        count(&township, name, *n, was);
    }
    let month = sec(T::StatByMonth);
    for (y, m, n) in &f.by_month {
        count(
            &month,
            lang.f(T::StatMonth, &[y, &format!("{m:02}")]),
            *n,
            None,
        );
    }
    let units = sec(T::StatUnits);
    for (d, n) in f.by_department.iter().take(TOP) {
        let name = department(*d);
        let was = before.map(|x| lookup(&x.by_department, d));
        count(&units, name, *n, was);
    }
    let rates = sec(T::StatRates);
    let rate = |item: T, now: Option<u32>, was: Option<Option<u32>>| Line {
        section: rates.clone(),
        item: sec(item),
        value: pct(now),
        previous: was.map(pct),
        change: was.and_then(|w| Some(signed(i64::from(now?), i64::from(w?)))),
    };
    out.push(rate(
        T::StatSettledRate,
        f.settled_pct(),
        before.map(Figures::settled_pct),
    ));
    out.push(rate(
        T::StatOnTimeRate,
        f.on_time_pct(),
        before.map(Figures::on_time_pct),
    ));
    out
}

fn lookup<K: PartialEq>(list: &[(K, u64)], key: &K) -> u64 {
    list.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n)
}

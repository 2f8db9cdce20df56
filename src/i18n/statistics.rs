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

/// Items of a ranked list (fields of concern, townships, units) the supervisor view's quarter
/// tab shows before one line for the rest.
pub const QUARTER_TOP: usize = 10;

/// How much of a ranked list (fields of concern, townships, units) is listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Every item: the command line's table and CSV are the report.
    All,
    /// The first `n`, then one line "其余 N 项" for the rest, so that the list still adds up to
    /// the totals: the supervisor view, which fits a quarter on one page.
    Top(usize),
}

/// The lines of the report, in reading order. Every ranked list holds every item of this
/// period, most first, then those only the period before had (0 now), so both columns add up.
pub fn lines(
    f: &Figures,
    before: Option<&Figures>,
    department: &dyn Fn(DepartmentId) -> String,
    shown: Shown,
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
    let rest = |n: usize| lang.f(T::StatOthers, &[&n]);
    let category = sec(T::StatByCategory);
    let was = before.map(|x| x.by_category.as_slice());
    for (name, n, was) in ranked(&f.by_category, was, shown, &|c| c.clone(), &rest) {
        count(&category, name, n, was);
    }
    let township = sec(T::StatByTownship);
    let no_township = |t: &Option<String>| t.clone().unwrap_or_else(|| sec(T::StatNoTownship));
    let was = before.map(|x| x.by_township.as_slice());
    for (name, n, was) in ranked(&f.by_township, was, shown, &no_township, &rest) {
        count(&township, name, n, was);
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
    let was = before.map(|x| x.by_department.as_slice());
    for (name, n, was) in ranked(&f.by_department, was, shown, &|d| department(*d), &rest) {
        count(&units, name, n, was);
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

/// A ranked list as (name, now, before): this period's items in its order, then the items only
/// `before` had; under `Shown::Top(n)` a longer list ends in one line for the rest, named by
/// `rest` with how many it holds.
fn ranked<K: PartialEq>(
    now: &[(K, u64)],
    before: Option<&[(K, u64)]>,
    shown: Shown,
    name: &dyn Fn(&K) -> String,
    rest: &dyn Fn(usize) -> String,
) -> Vec<(String, u64, Option<u64>)> {
    let mut items: Vec<(&K, u64, Option<u64>)> = now
        .iter()
        .map(|(k, n)| (k, *n, before.map(|b| lookup(b, k))))
        .collect();
    for (k, was) in before.unwrap_or_default() {
        if !now.iter().any(|(x, _)| x == k) {
            items.push((k, 0, Some(*was)));
        }
    }
    // One line for a single item left over would say no more than the item itself.
    let keep = match shown {
        Shown::Top(n) if items.len() > n + 1 => n,
        _ => items.len(),
    };
    let mut out: Vec<(String, u64, Option<u64>)> = items[..keep]
        .iter()
        .map(|(k, n, was)| (name(k), *n, *was))
        .collect();
    let others = &items[keep..];
    if !others.is_empty() {
        let n = others.iter().map(|o| o.1).sum();
        let was = before.map(|_| others.iter().filter_map(|o| o.2).sum());
        out.push((rest(others.len()), n, was));
    }
    out
}

fn lookup<K: PartialEq>(list: &[(K, u64)], key: &K) -> u64 {
    list.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::statistics::period::{Period, figures};

    /// A quarter's visits by field of concern, most first.
    fn quarter(categories: &[(&str, u64)]) -> Figures {
        let mut f = figures(Period::year(2026).unwrap(), &[], &[]);
        f.by_category = categories
            .iter()
            .map(|(c, n)| (c.to_string(), *n))
            .collect();
        f.visits = categories.iter().map(|(_, n)| n).sum();
        f
    }

    fn categories(f: &Figures, before: &Figures, shown: Shown) -> Vec<(String, u64, u64)> {
        let name = |d: DepartmentId| d.0.to_string();
        lines(f, Some(before), &name, shown, Lang::Zh)
            .into_iter()
            .filter(|l| l.section == Lang::Zh.t(T::StatByCategory))
            .map(|l| {
                let n = |v: &str| v.parse::<u64>().unwrap();
                (l.item, n(&l.value), n(&l.previous.unwrap()))
            })
            .collect()
    }

    /// Twelve fields this quarter, the last a small one (党纪政纪, as 5 visits); 征地补偿 came up
    /// only the quarter before.
    #[test]
    fn every_field_of_concern_is_counted_and_the_screen_sums_up_the_rest_in_one_line() {
        let now: Vec<(String, u64)> = (0..11).map(|i| (format!("类别{i}"), 20 - i)).collect();
        let mut now: Vec<(&str, u64)> = now.iter().map(|(c, n)| (c.as_str(), *n)).collect();
        now.push(("党纪政纪", 5));
        let f = quarter(&now);
        let before = quarter(&[("类别0", 7), ("党纪政纪", 2), ("征地补偿", 4)]);
        let total = |rows: &[(String, u64, u64)]| {
            (
                rows.iter().map(|r| r.1).sum::<u64>(),
                rows.iter().map(|r| r.2).sum::<u64>(),
            )
        };

        let all = categories(&f, &before, Shown::All);
        assert_eq!(all.len(), 13, "{all:?}");
        assert_eq!(all[11], ("党纪政纪".to_string(), 5, 2));
        assert_eq!(all[12], ("征地补偿".to_string(), 0, 4));
        assert_eq!(total(&all), (f.visits, before.visits));

        let top = categories(&f, &before, Shown::Top(10));
        assert_eq!(top.len(), 11, "{top:?}");
        assert_eq!(top[10], ("其余 3 项".to_string(), 10 + 5, 2 + 4));
        assert_eq!(total(&top), (f.visits, before.visits));
        // One item over the bound is shown as itself.
        assert_eq!(categories(&f, &before, Shown::Top(12)), all);
    }
}

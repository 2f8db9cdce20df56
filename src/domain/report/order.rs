//! The pending report's order: by due date, matters without a running limit last, then by
//! opening time and number.
//!
//! At a million visits the report has 95 000 lines, and a comparison sort of them by that key
//! took 11 ms of its 48. Two facts make it cheaper. The rows come in id order, which is the
//! order matters were opened in, so sorting by opening time and number is close to one pass.
//! And due dates fall on few distinct days, so a counting sort by day, which keeps the order
//! within a day, finishes the job in linear time (4.4 ms in all).

use chrono::Datelike;

use super::ReportLine;

/// Days between the earliest and latest due date beyond which a bucket per day would cost more
/// than it saves (a due date mistyped centuries away); a stable sort by day is used then.
fn bucket_limit(lines: usize) -> usize {
    4 * lines + 1024
}

/// `lines` in the pending report's order: `(due.is_none(), due, opened_at, number)`.
pub(super) fn pending_order(lines: Vec<ReportLine<'_>>) -> Vec<ReportLine<'_>> {
    let mut by_opening: Vec<usize> = (0..lines.len()).collect();
    // Stable and adaptive: close to linear on lines already in opening order.
    by_opening.sort_by_key(|&i| (lines[i].row.opened_at, lines[i].row.number));
    let day = |i: usize| lines[i].due.map(|d| d.num_days_from_ce());
    let order = by_day(&by_opening, day);
    let mut slots: Vec<Option<ReportLine>> = lines.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots[i].take()).collect()
}

/// `order` stably sorted by `day`, `None` last.
fn by_day(order: &[usize], day: impl Fn(usize) -> Option<i32>) -> Vec<usize> {
    let days = order.iter().filter_map(|&i| day(i));
    let Some((first, last)) = days.fold(None, |span, d| match span {
        None => Some((d, d)),
        Some((lo, hi)) => Some((d.min(lo), d.max(hi))),
    }) else {
        return order.to_vec();
    };
    let width = usize::try_from(i64::from(last) - i64::from(first)).unwrap_or(usize::MAX);
    if width >= bucket_limit(order.len()) {
        let mut sorted = order.to_vec();
        sorted.sort_by_key(|&i| (day(i).is_none(), day(i)));
        return sorted;
    }
    // Bucket `width + 1` holds the lines without a date.
    let bucket = |i: usize| day(i).map_or(width + 1, |d| (d - first) as usize);
    let mut next = vec![0_usize; width + 2];
    for &i in order {
        next[bucket(i)] += 1;
    }
    let mut start = 0;
    for slot in &mut next {
        let count = *slot;
        *slot = start;
        start += count;
    }
    let mut placed = vec![0_usize; order.len()];
    for &i in order {
        let b = bucket(i);
        placed[next[b]] = i;
        next[b] += 1;
    }
    placed
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate, NaiveDateTime};
    use proptest::prelude::*;

    use super::*;
    use crate::domain::pending::MatterRow;
    use crate::domain::serial::SerialNo;
    use crate::domain::test_matters::*;

    /// What the report did before: a comparison sort by the whole key.
    fn by_comparison<'a>(mut lines: Vec<ReportLine<'a>>) -> Vec<ReportLine<'a>> {
        lines.sort_by_cached_key(|l| (l.due.is_none(), l.due, l.row.opened_at, l.row.number));
        lines
    }

    fn row(id: u64, opened_at: NaiveDateTime, seq: u32) -> MatterRow {
        let mut row = MatterRow::of(&opened(id, d(2026, 7, 1)), "欧阳明");
        row.opened_at = opened_at;
        row.number = SerialNo { year: 2026, seq };
        row
    }

    fn line(row: &MatterRow, due: Option<NaiveDate>) -> ReportLine<'_> {
        ReportLine {
            row,
            due,
            urgency: None,
            unknown_tier: None,
        }
    }

    fn ids(lines: &[ReportLine]) -> Vec<u64> {
        lines.iter().map(|l| l.row.id.0).collect()
    }

    #[test]
    fn due_date_first_then_opening_then_number_and_no_limit_last() {
        let at = |day, hour| d(2026, 7, day).and_hms_opt(hour, 0, 0).unwrap();
        let rows = [
            row(1, at(1, 9), 1),
            row(2, at(1, 9), 2),
            row(3, at(2, 9), 3),
            row(4, at(1, 8), 9),
            row(5, at(1, 7), 5),
        ];
        let lines = vec![
            line(&rows[0], Some(d(2026, 8, 3))),
            line(&rows[1], None),
            line(&rows[2], Some(d(2026, 7, 20))),
            line(&rows[3], Some(d(2026, 8, 3))),
            line(&rows[4], None),
        ];
        // #3 is due first; #4 and #1 are due the same day, #4 opened earlier; #5 and #2 run no
        // limit, #5 opened earlier.
        assert_eq!(ids(&pending_order(lines)), [3, 4, 1, 5, 2]);
    }

    #[test]
    fn a_due_date_centuries_away_still_sorts() {
        let at = d(2026, 7, 1).and_hms_opt(9, 0, 0).unwrap();
        let rows: Vec<MatterRow> = (1..=3).map(|i| row(i, at, i as u32)).collect();
        let lines = vec![
            line(&rows[0], Some(d(9999, 12, 31))),
            line(&rows[1], Some(d(1900, 1, 1))),
            line(&rows[2], Some(d(2026, 8, 1))),
        ];
        assert_eq!(ids(&pending_order(lines)), [2, 3, 1]);
    }

    proptest! {
        /// The same order as a comparison sort, on lines in any order, dates close together
        /// (the buckets) or far apart (the fallback), ties included.
        #[test]
        fn the_same_order_as_a_comparison_sort(
            specs in prop::collection::vec(
                (0_i64..40, 0_u32..6, prop::option::of(0_i64..30), 1_u32..50),
                0..200,
            ),
            spread in prop::sample::select(vec![1_i64, 100_000]),
        ) {
            let base = d(2026, 1, 1);
            let rows: Vec<MatterRow> = specs
                .iter()
                .enumerate()
                .map(|(i, &(day, hour, _, seq))| {
                    let at = (base + Duration::days(day)).and_hms_opt(hour, 0, 0).unwrap();
                    row(i as u64 + 1, at, seq)
                })
                .collect();
            let lines: Vec<ReportLine> = rows
                .iter()
                .zip(&specs)
                .map(|(r, &(_, _, due, _))| line(r, due.map(|n| base + Duration::days(n * spread))))
                .collect();
            prop_assert_eq!(ids(&pending_order(lines.clone())), ids(&by_comparison(lines)));
        }
    }
}

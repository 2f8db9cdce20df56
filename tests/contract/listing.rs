//! The visits list: newest first, and paging that neither skips nor repeats a visit.

use std::collections::HashSet;

use xfdesk::domain::visit::{Channel, VisitId};
use xfdesk::store::{Store, VisitCursor};

use super::fixtures::*;

fn names(visits: &[xfdesk::domain::visit::Visit]) -> Vec<&str> {
    visits.iter().map(|v| v.petitioner.name.as_str()).collect()
}

fn the_visits_list_is_newest_first_whatever_the_order_of_registration(store: &dyn Store) {
    let reg = |v| store.register_visit(&v).unwrap();
    reg(walk_in("张三", nov(5, 9)));
    reg(walk_in("李四", nov(3, 9)).channel(Channel::Letter));
    reg(walk_in("王芳", nov(9, 9)));
    // Received the same minute as 张三, registered after him: listed before him.
    reg(walk_in("欧阳娜娜", nov(5, 9)));

    let all = store.visits_newest_first(None, 10).unwrap();
    assert_eq!(names(&all), ["王芳", "欧阳娜娜", "张三", "李四"]);
    let top = store.visits_newest_first(None, 2).unwrap();
    assert_eq!(names(&top), ["王芳", "欧阳娜娜"]);
    assert!(store.visits_newest_first(None, 0).unwrap().is_empty());
}

fn paging_through_the_visits_list_never_skips_or_repeats_a_visit(store: &dyn Store) {
    let people = [
        "张三",
        "李四",
        "王芳",
        "欧阳娜娜",
        "单雄信",
        "赵四",
        "孙晓霞",
    ];
    for i in 0..23u32 {
        // Five days, three hours: many visits share a minute, so pages split ties.
        let when = nov(1 + i % 5, 9 + i % 3);
        store
            .register_visit(&walk_in(people[i as usize % people.len()], when))
            .unwrap();
    }
    let all = store.visits_newest_first(None, 100).unwrap();
    assert_eq!(all.len(), 23);
    assert_eq!(store.visit_count().unwrap(), 23);
    assert!(
        all.windows(2)
            .all(|w| (w[0].received_at, w[0].id) > (w[1].received_at, w[1].id)),
        "newest first, the later registration first within a minute"
    );

    let mut paged = Vec::new();
    let mut cursor = None;
    loop {
        let page = store.visits_newest_first(cursor, 4).unwrap();
        assert!(page.len() <= 4);
        let Some(last) = page.last() else { break };
        cursor = Some(VisitCursor::from(last));
        paged.extend(page);
    }
    let paged_ids: Vec<VisitId> = paged.iter().map(|v| v.id).collect();
    let all_ids: Vec<VisitId> = all.iter().map(|v| v.id).collect();
    assert_eq!(paged_ids, all_ids);
    assert_eq!(paged_ids.iter().collect::<HashSet<_>>().len(), 23);

    // A cursor in the middle of a tie continues with the rest of that minute.
    let cut = all
        .windows(2)
        .position(|w| w[0].received_at == w[1].received_at)
        .expect("the data has ties");
    let rest = store
        .visits_newest_first(Some(VisitCursor::from(&all[cut])), 100)
        .unwrap();
    assert_eq!(rest, all[cut + 1..]);
}

/// A report over a time range gets exactly the visits received in it, oldest first, however
/// many pages of the index it spans: the first minute counts, the end is left out.
fn visits_between_gives_exactly_the_range_oldest_first(store: &dyn Store) {
    // 1,300 visits, one every hour from 1 November: more than two pages of the time index.
    let start = nov(1, 0);
    let batch: Vec<_> = (0..1300i64)
        .map(|h| walk_in("张三", start + chrono::Duration::hours(h)))
        .collect();
    store.register_visits(&batch).unwrap();
    let from = start + chrono::Duration::hours(100);
    let until = start + chrono::Duration::hours(1250);
    let got = store.visits_between(from, until).unwrap();
    assert_eq!(got.len(), 1150);
    assert_eq!(got.first().map(|v| v.received_at), Some(from));
    assert_eq!(
        got.last().map(|v| v.received_at),
        Some(until - chrono::Duration::hours(1))
    );
    assert!(got.windows(2).all(|w| w[0].received_at < w[1].received_at));
    assert!(store.visits_between(until, from).unwrap().is_empty());
    let everything = store
        .visits_between(start, start + chrono::Duration::days(365))
        .unwrap();
    assert_eq!(everything.len(), 1300);
}

for_both_backends!(
    the_visits_list_is_newest_first_whatever_the_order_of_registration,
    paging_through_the_visits_list_never_skips_or_repeats_a_visit,
    visits_between_gives_exactly_the_range_oldest_first,
);

//! A clerk's own visits: the list and the search hold only the visits that clerk registered,
//! newest first, paged without skipping; everyone's list is unchanged.

use xfdesk::domain::visit::{Visit, VisitId};
use xfdesk::store::{Store, VisitCursor};

use super::fixtures::*;

fn names(visits: &[Visit]) -> Vec<&str> {
    visits.iter().map(|v| v.petitioner.name.as_str()).collect()
}

fn registered_by(store: &dyn Store, name: &str, clerk: &str, day: u32, hour: u32) {
    let mut visit = walk_in(name, nov(day, hour));
    visit.received_by = clerk.into();
    store.register_visit(&visit).unwrap();
}

fn a_clerks_list_holds_only_the_visits_they_registered_newest_first(store: &dyn Store) {
    registered_by(store, "张三", "clerk-a", 3, 9);
    registered_by(store, "李四", "clerk-b", 4, 9);
    registered_by(store, "王芳", "clerk-a", 5, 9);
    // A code that another code begins with is someone else.
    registered_by(store, "赵四", "clerk-ab", 6, 9);
    registered_by(store, "孙晓霞", "clerk-a", 5, 9);

    let own = store.visits_received_by("clerk-a", None, 10).unwrap();
    assert_eq!(names(&own), ["孙晓霞", "王芳", "张三"]);
    assert!(own.iter().all(|v| v.received_by == "clerk-a"));
    assert_eq!(
        names(&store.visits_received_by("clerk-b", None, 10).unwrap()),
        ["李四"]
    );
    assert!(
        store
            .visits_received_by("nobody", None, 10)
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .visits_received_by("clerk-a", None, 0)
            .unwrap()
            .is_empty()
    );
    assert_eq!(store.visits_newest_first(None, 10).unwrap().len(), 5);
}

fn paging_through_a_clerks_list_never_skips_or_repeats(store: &dyn Store) {
    for i in 0..17u32 {
        // Many share a minute, so pages split ties; every third is another clerk's.
        let clerk = if i % 3 == 0 { "clerk-b" } else { "clerk-a" };
        registered_by(store, &format!("张{i}"), clerk, 1 + i % 4, 9 + i % 2);
    }
    let all = store.visits_received_by("clerk-a", None, 100).unwrap();
    assert_eq!(all.len(), 11);
    assert!(
        all.windows(2)
            .all(|w| (w[0].received_at, w[0].id) > (w[1].received_at, w[1].id))
    );
    let mut paged: Vec<VisitId> = Vec::new();
    let mut cursor = None;
    loop {
        let page = store.visits_received_by("clerk-a", cursor, 3).unwrap();
        assert!(page.len() <= 3);
        let Some(last) = page.last() else { break };
        cursor = Some(VisitCursor::from(last));
        paged.extend(page.iter().map(|v| v.id));
    }
    assert_eq!(paged, all.iter().map(|v| v.id).collect::<Vec<_>>());
}

fn a_clerks_search_finds_only_the_visits_they_registered(store: &dyn Store) {
    let mut first = walk_in("张三", nov(3, 9)).phone("13812345678");
    first.received_by = "clerk-a".into();
    let first = store.register_visit(&first).unwrap();
    let mut again = walk_in("张三", nov(5, 9)).again_on(&first);
    again.received_by = "clerk-b".into();
    store.register_visit(&again).unwrap();
    registered_by(store, "张伟", "clerk-b", 6, 9);

    let everyone = store.search_visits("张", 10).unwrap();
    assert_eq!(everyone.len(), 3);
    let a = store
        .search_visits_received_by("张", "clerk-a", 10)
        .unwrap();
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].id, first.visit.id);
    let b = store
        .search_visits_received_by("5678", "clerk-b", 10)
        .unwrap();
    assert_eq!(names(&b), ["张三"]);
    assert_eq!(b[0].received_at, nov(5, 9));
    assert!(
        store
            .search_visits_received_by("张伟", "clerk-a", 10)
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .search_visits_received_by("", "clerk-a", 10)
            .unwrap()
            .is_empty()
    );
}

/// The people a clerk's search considers are the clerk's own: three hundred newer visits of
/// people named 王芳 at the next window do not hide the one this clerk registered, nor the
/// one registered by a clerk whose code begins alike.
fn a_clerks_search_looks_past_other_clerks_people(store: &dyn Store) {
    registered_by(store, "王芳", "clerk-a", 2, 9);
    registered_by(store, "王芳丽", "clerk-ab", 2, 10);
    let others: Vec<_> = (0..300u32)
        .map(|i| {
            let mut v = walk_in("王芳", nov(3 + i % 20, 9 + i % 8));
            v.received_by = "clerk-b".into();
            v
        })
        .collect();
    store.register_visits(&others).unwrap();

    let a = store
        .search_visits_received_by("王芳", "clerk-a", 30)
        .unwrap();
    assert_eq!(names(&a), ["王芳"]);
    assert_eq!(a[0].received_at, nov(2, 9));
    let ab = store
        .search_visits_received_by("wf", "clerk-ab", 30)
        .unwrap();
    assert_eq!(names(&ab), ["王芳丽"]);
    let b = store
        .search_visits_received_by("王芳", "clerk-b", 30)
        .unwrap();
    assert_eq!(b.len(), 30, "a screen of clerk-b's own");
    assert!(b.iter().all(|v| v.received_by == "clerk-b"));
    assert!(
        store
            .search_visits_received_by("王芳", "clerk-c", 30)
            .unwrap()
            .is_empty()
    );
}

/// A clerk who registered few visits finds their people however many others share the first
/// letters typed: 1 100 people named 王一 by another clerk come before 王芳丽 in every index
/// a search for 王 reads.
fn a_clerk_with_few_visits_finds_them_behind_a_thousand_namesakes(store: &dyn Store) {
    registered_by(store, "王芳丽", "clerk-new", 2, 9);
    for batch in 0..11u32 {
        let others: Vec<_> = (0..100u32)
            .map(|i| {
                let mut v = walk_in("王一", nov(3 + batch, 8 + i % 9));
                v.received_by = "clerk-b".into();
                v
            })
            .collect();
        store.register_visits(&others).unwrap();
    }

    let new = store
        .search_visits_received_by("王", "clerk-new", 30)
        .unwrap();
    assert_eq!(names(&new), ["王芳丽"]);
    let b = store
        .search_visits_received_by("王", "clerk-b", 30)
        .unwrap();
    assert_eq!(b.len(), 30, "a screen of clerk-b's own");
    assert!(b.iter().all(|v| v.petitioner.name == "王一"));
}

for_both_backends!(
    a_clerk_with_few_visits_finds_them_behind_a_thousand_namesakes,
    a_clerks_list_holds_only_the_visits_they_registered_newest_first,
    paging_through_a_clerks_list_never_skips_or_repeats,
    a_clerks_search_finds_only_the_visits_they_registered,
    a_clerks_search_looks_past_other_clerks_people,
);

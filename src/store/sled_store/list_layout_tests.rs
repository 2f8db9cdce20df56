//! Lists of visits by time and by clerk moved from ten-minute to hour spans on opening.

use chrono::Duration;

use super::keys::meta;
use super::lists::{self, list_tag};
use super::tests::{at, walk_in};
use super::*;
use crate::store::check::Problem;

/// The list key an entry had in layout 1, when these lists spanned ten minutes.
fn old_list_of(entry: &[u8]) -> Vec<u8> {
    let (seconds_at, kind, code) = match entry[0] {
        keys::tag::VISIT_BY_TIME => (1, list_tag::BY_TIME, &[][..]),
        _ => (
            entry.len() - 20,
            list_tag::BY_OPERATOR,
            &entry[1..entry.len() - 20],
        ),
    };
    let seconds = u64::from_be_bytes(entry[seconds_at..seconds_at + 8].try_into().unwrap());
    [&[kind][..], code, &(seconds / 600).to_be_bytes()].concat()
}

/// Puts every list of `kind` back where layout 1 kept it; how many lists that made.
fn to_old_layout(store: &SledStore, kind: u8) -> usize {
    let mut old: std::collections::BTreeMap<Vec<u8>, Vec<Vec<u8>>> = Default::default();
    for item in store.index.scan_prefix([kind]) {
        let (key, bytes) = item.unwrap();
        for entry in lists::decode(&bytes).unwrap() {
            old.entry(old_list_of(&entry)).or_default().push(entry);
        }
        store.index.remove(key).unwrap();
    }
    let count = old.len();
    for (key, entries) in old {
        store
            .index
            .insert(key, lists::encode(&entries).unwrap())
            .unwrap();
    }
    count
}

/// What a desk lists: everyone's visits, and each clerk's paged four at a time.
fn listed(store: &SledStore) -> Vec<Vec<VisitId>> {
    let ids = |vs: Vec<Visit>| vs.iter().map(|v| v.id).collect::<Vec<_>>();
    let mut out = vec![ids(store.visits_newest_first(None, 1000).unwrap())];
    for clerk in ["登记员甲", "登记员乙"] {
        let mut paged = Vec::new();
        let mut after = None;
        loop {
            let page = store.visits_received_by(clerk, after, 4).unwrap();
            let Some(last) = page.last() else { break };
            after = Some(VisitCursor::from(last));
            paged.extend(ids(page));
        }
        out.push(paged);
    }
    out
}

#[test]
fn lists_of_ten_minutes_become_lists_of_an_hour_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("xfdesk");
    let store = SledStore::open(&path).unwrap();
    let names = ["张伟", "王芳", "李娜", "欧阳明", "司马光", "陈静"];
    let visits: Vec<NewVisit> = (0..36u32)
        .map(|i| {
            let when = at(2 + i % 3, 8 + i % 4) + Duration::minutes(i64::from(i * 7 % 60));
            let phone = format!("139{:08}", 20_000_000 + i);
            let mut v = walk_in(names[i as usize % names.len()], &phone, when);
            if i % 3 == 0 {
                v.received_by = "登记员乙".into();
            }
            v
        })
        .collect();
    store.register_visits(&visits).unwrap();
    let before = listed(&store);
    assert_eq!(before[0].len(), 36);
    assert_eq!(before[1].len() + before[2].len(), 36);
    let hour_lists = store.index.scan_prefix([list_tag::BY_TIME]).count();

    let ten_minute_lists = to_old_layout(&store, list_tag::BY_TIME);
    to_old_layout(&store, list_tag::BY_OPERATOR);
    assert!(
        ten_minute_lists > hour_lists,
        "{ten_minute_lists} {hour_lists}"
    );
    // A damaged list of a clerk who registered nothing else.
    let damaged = [
        &[list_tag::BY_OPERATOR][..],
        b"nobody\0",
        &1u64.to_be_bytes(),
    ]
    .concat();
    store.index.insert(&damaged, &b"\x01garbage"[..]).unwrap();
    store.meta.remove(meta::LIST_LAYOUT).unwrap();
    assert!(
        store
            .check()
            .unwrap()
            .problems
            .iter()
            .any(|p| matches!(p, Problem::NotIndexed { .. })),
        "in layout 1, the entries are not where this xfdesk looks"
    );
    drop(store);

    let store = SledStore::open(&path).unwrap();
    assert_eq!(listed(&store), before);
    assert_eq!(
        store.index.scan_prefix([list_tag::BY_TIME]).count(),
        hour_lists
    );
    assert!(
        store.index.contains_key(&damaged).unwrap(),
        "a damaged list is left for check"
    );
    for item in store.index.scan_prefix([list_tag::BY_OPERATOR]) {
        let (key, bytes) = item.unwrap();
        if key == damaged {
            continue;
        }
        for entry in lists::decode(&bytes).unwrap() {
            assert_eq!(lists::list_of(&entry).as_deref(), Some(&key[..]));
        }
    }
    let report = store.check().unwrap();
    assert!(
        report
            .problems
            .iter()
            .all(|p| matches!(p, Problem::Unreadable { .. })),
        "{:?}",
        report.problems
    );
    assert_eq!(report.problems.len(), 1);
    drop(store);
    // Opened again, nothing moves.
    let store = SledStore::open(&path).unwrap();
    assert_eq!(listed(&store), before);
}

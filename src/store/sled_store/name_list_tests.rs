//! The name lists on disk: cut as they fill, read across their cuts, found again after a
//! petitioner's next visit, and moved in from keys of their own.

use chrono::Duration;

use super::keys::tag;
use super::name_lists::{self, assert_in_order};
use super::tests::{at, open, walk_in};
use super::*;
use crate::store::memory::MemoryStore;

const SURNAMES: [&str; 8] = ["张", "王", "李", "赵", "欧阳", "单", "曾", "陈"];
const GIVEN: [&str; 6] = ["明", "建", "小", "国", "志", "海"];

/// `n` visits by different people whose names all end in 伟, a minute apart.
fn many_wei(n: usize) -> Vec<NewVisit> {
    (0..n)
        .map(|i| {
            let name = format!(
                "{}{}伟",
                SURNAMES[i % SURNAMES.len()],
                GIVEN[i / SURNAMES.len() % GIVEN.len()]
            );
            let phone = format!("139{i:08}");
            walk_in(&name, &phone, at(2, 8) + Duration::minutes(i as i64))
        })
        .collect()
}

/// Searches on both stores, with room for every match: the lists must find all of them.
fn same_answers(sled: &SledStore, memory: &MemoryStore, typed: &str) -> usize {
    let query = SearchQuery::parse(typed).unwrap();
    let ids = |found: Vec<(MatchQuality, Petitioner)>| -> Vec<_> {
        found.into_iter().map(|(q, p)| (q, p.id)).collect()
    };
    let on_disk = ids(sled.search_petitioners(&query, 1000).unwrap());
    assert_eq!(
        on_disk,
        ids(memory.search_petitioners(&query, 1000).unwrap()),
        "{typed}"
    );
    on_disk.len()
}

fn tail_lists(store: &SledStore) -> usize {
    let list = name_lists::FIRST_TAG;
    assert_eq!(list, 0x0c, "the tail lists' tag is stored on disk");
    store.index.scan_prefix([list]).count()
}

use crate::domain::petitioner::Petitioner;
use crate::domain::search::{MatchQuality, SearchQuery};

#[test]
fn a_name_thousands_share_is_cut_into_lists_and_every_holder_is_found() {
    let (store, _dir) = open();
    let memory = MemoryStore::new();
    let visits = many_wei(400);
    // One large batch (an import), then one at a time (the desk).
    for part in [&visits[..150], &visits[150..]] {
        let chunks: Vec<&[NewVisit]> = if part.len() == 150 {
            vec![part]
        } else {
            part.chunks(1).collect()
        };
        for chunk in chunks {
            store.register_visits(chunk).unwrap();
            memory.register_visits(chunk).unwrap();
        }
    }
    assert_in_order(&store.index);
    assert!(tail_lists(&store) >= 8, "{} tail lists", tail_lists(&store));
    assert!(
        store.index.scan_prefix([tag::NAME_TAIL]).next().is_none(),
        "no name entry is a key of its own"
    );
    assert_eq!(same_answers(&store, &memory, "伟"), 400);
    let ming_wei = visits
        .iter()
        .filter(|v| v.petitioner.name.ends_with("明伟"));
    assert_eq!(same_answers(&store, &memory, "明伟"), ming_wei.count());
    for typed in [
        "张明伟",
        "欧阳",
        "zmw",
        "oy",
        "shan",
        "zengjianwei",
        "wangxiao",
    ] {
        assert!(same_answers(&store, &memory, typed) > 0, "{typed}");
    }
    let named = |s: &dyn Store| s.petitioners_by_name("单小伟").unwrap().len();
    assert_eq!(named(&store), named(&memory));
    assert!(named(&store) > 1);
    assert!(store.check().unwrap().is_clean());

    // The oldest comes back: their entries move to the front of each name, across lists.
    let oldest = store.search_petitioners(&SearchQuery::parse("13900000000").unwrap(), 1);
    let oldest = oldest.unwrap()[0].1.id;
    let mut again = many_wei(1).remove(0);
    again.received_at = at(20, 9);
    again.existing_petitioner = Some(oldest);
    store.register_visit(&again).unwrap();
    memory.register_visit(&again).unwrap();
    assert_in_order(&store.index);
    assert_eq!(same_answers(&store, &memory, "伟"), 400);
    let newest = store.search_petitioners(&SearchQuery::parse("伟").unwrap(), 1);
    assert_eq!(
        newest.unwrap()[0].1.id,
        oldest,
        "the most recent visitor first"
    );
    assert!(store.check().unwrap().is_clean());
}

#[test]
fn name_entries_kept_as_keys_are_moved_into_lists_on_opening() {
    let (store, dir) = open();
    let memory = MemoryStore::new();
    for chunk in many_wei(200).chunks(20) {
        store.register_visits(chunk).unwrap();
        memory.register_visits(chunk).unwrap();
    }
    // As a database from before the name lists held them.
    let lists: Vec<_> = store
        .index
        .range(vec![name_lists::FIRST_TAG]..vec![name_lists::LAST_TAG + 1])
        .map(|l| l.unwrap())
        .collect();
    for (key, bytes) in lists {
        for entry in lists::decode(&bytes).unwrap() {
            store.index.insert(entry, &[][..]).unwrap();
        }
        store.index.remove(key).unwrap();
    }
    assert!(store.index.scan_prefix([tag::INITIALS]).next().is_some());
    drop(store);

    let store = SledStore::open(&dir.path().join("xfdesk")).unwrap();
    for kind in [tag::NAME_TAIL, tag::INITIALS, tag::FULL_PINYIN] {
        assert!(store.index.scan_prefix([kind]).next().is_none(), "{kind}");
    }
    assert!(assert_in_order(&store.index) > 3);
    assert_eq!(same_answers(&store, &memory, "伟"), 200);
    for typed in ["李建伟", "zjw", "chen", "ouyang"] {
        assert!(same_answers(&store, &memory, typed) > 0, "{typed}");
    }
    assert!(store.check().unwrap().is_clean());
}

//! Records kept in packs: moved in from a database that kept them one to a key, read and
//! written beside the other records of their pack, and damage reported, never a panic.

use super::packs::Packed;
use super::tests::{admin, at, open, walk_in};
use super::*;
use crate::domain::organisation::NewLeader;
use crate::domain::visit::CaseLink;
use crate::store::check::{CheckReport, Problem};
use crate::store::{CodecError, Damage};

/// Everything the desk reads of the visits of a store, record by record.
#[derive(Debug, PartialEq)]
struct Seen {
    visits: Vec<Visit>,
    petitioners: Vec<Option<Petitioner>>,
    matters: Vec<Option<Matter>>,
    receptions: Vec<Option<LeaderId>>,
}

fn seen(store: &SledStore) -> Seen {
    let visits = store.visits_newest_first(None, 1000).unwrap();
    Seen {
        petitioners: visits
            .iter()
            .map(|v| store.petitioner(v.petitioner_id).unwrap())
            .collect(),
        matters: visits
            .iter()
            .map(|v| store.matter(v.case_id).unwrap())
            .collect(),
        receptions: visits
            .iter()
            .map(|v| store.receiving_leader(v.id).unwrap())
            .collect(),
        visits,
    }
}

/// Forty visits of Chinese-named people: some received by a leader, some returning on
/// their matter, one matter planned, so that every packed tree holds records.
fn forty(store: &SledStore) {
    let leader = NewLeader {
        name: "周建华".into(),
        title: "副县长".into(),
        portfolio: "信访".into(),
    };
    let leader = store.add_leader(&leader, &admin()).unwrap();
    for n in 0..40u32 {
        let mut v = walk_in(
            &format!("欧阳{}", ["明", "芳", "伟", "单"][n as usize % 4]),
            &format!("1381234{n:04}"),
            at(2 + n / 10, 8) + chrono::Duration::minutes(i64::from(n)),
        );
        if n % 3 == 0 {
            v.receiving_leader = Some(leader.id);
        }
        if n % 5 == 4 {
            let earlier = store.visits_newest_first(None, 1).unwrap().remove(0);
            v.existing_petitioner = Some(earlier.petitioner_id);
            v.case = CaseLink::Existing(earlier.case_id);
        }
        store.register_visit(&v).unwrap();
    }
    let first = store
        .visits_newest_first(None, 1000)
        .unwrap()
        .pop()
        .unwrap();
    let plan = MatterChange::Plan("约谈用人单位负责人".into());
    store.change_matter(first.case_id, &plan, &admin()).unwrap();
}

fn packed_trees(store: &SledStore) -> [&Packed; 6] {
    [
        &store.petitioners,
        &store.visits,
        &store.cases,
        &store.packages,
        &store.ledger,
        &store.receptions,
    ]
}

/// Unpacks the records `which` picks in a store with forty visits, reopens it and checks
/// that the desk reads the same and every record is back in a pack.
fn reopened_after_unpacking(which: fn(u64) -> bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("xfdesk");
    let store = SledStore::open(&path).unwrap();
    forty(&store);
    let before = seen(&store);
    assert_eq!(before.visits.len(), 40);
    assert_eq!(before.receptions.iter().flatten().count(), 14);
    let counts: Vec<u64> = packed_trees(&store)
        .iter()
        .map(|t| t.count().unwrap())
        .collect();
    for tree in packed_trees(&store) {
        tree.unpack(which);
        assert!(!tree.all_packed());
    }
    drop(store);

    let store = SledStore::open(&path).unwrap();
    assert_eq!(seen(&store), before);
    for (tree, count) in packed_trees(&store).into_iter().zip(counts) {
        assert!(tree.all_packed());
        assert_eq!(tree.count().unwrap(), count);
        assert!((tree.tree().len() as u64) < count, "{count} records");
    }
    let report: CheckReport = store.check().unwrap();
    assert!(report.is_clean(), "{report:#?}");
    // The desk goes on writing beside the records moved in.
    let next = store
        .register_visit(&walk_in("司马光", "13900001111", at(9, 9)))
        .unwrap();
    let after = seen(&store);
    assert_eq!(after.visits[0], next.visit);
    assert_eq!(after.visits[1..], before.visits[..]);
    assert!(store.check().unwrap().is_clean());
}

#[test]
fn an_older_database_gets_its_records_packed_on_opening() {
    reopened_after_unpacking(|_| true);
}

#[test]
fn a_move_into_packs_cut_short_is_finished_on_the_next_opening() {
    reopened_after_unpacking(|id| id % 2 == 1);
}

#[test]
fn a_damaged_pack_is_reported_with_a_record_not_a_panic() {
    let (store, _dir) = open();
    let done: Vec<_> = ["张三", "李四", "王五"]
        .iter()
        .enumerate()
        .map(|(n, name)| {
            let phone = format!("1381234567{n}");
            store
                .register_visit(&walk_in(name, &phone, at(2, 9 + n as u32)))
                .unwrap()
        })
        .collect();
    let (key, pack) = store.visits.tree().first().unwrap().unwrap();
    store
        .visits
        .tree()
        .insert(key, &pack[..pack.len() - 3])
        .unwrap();

    let err = store.visit(done[0].visit.id).unwrap_err();
    assert!(err.to_string().contains("visit #"), "{err}");
    let report = store.check().unwrap();
    let unreadable = report
        .problems
        .iter()
        .filter(|p| {
            matches!(
                p,
                Problem::Unreadable(CodecError::Damaged {
                    record: RecordRef::Visit(_),
                    damage: Damage::CutShort
                })
            )
        })
        .count();
    assert_eq!(unreadable, 1, "{report:#?}");
    // The other visits are counted, and the petitioners, kept in other packs, still read.
    assert!(store.visits.count().unwrap() < 3);
    assert_eq!(
        store
            .petitioner(done[2].petitioner.id)
            .unwrap()
            .unwrap()
            .person
            .name,
        "王五"
    );
}

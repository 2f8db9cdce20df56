//! What only the sled store can get wrong: bytes on disk and index entries left behind.
//! Behaviour shared with the memory store is tested in `tests/store_contract.rs`.

use chrono::{NaiveDate, NaiveDateTime};

use super::keys::{id_key, trailing_id};
use super::lists;
use super::*;
use crate::domain::petitioner::Person;
use crate::domain::visit::CaseLink;
use crate::store::CodecError;

pub(super) fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
}

pub(super) fn walk_in(name: &str, phone: &str, received_at: NaiveDateTime) -> NewVisit {
    NewVisit {
        channel: Default::default(),
        received_at,
        recorded_at: None,
        received_by: "登记员甲".into(),
        petitioner: Person {
            name: name.into(),
            phone: Some(Phone::parse(phone).unwrap()),
            address: "云南省普洱市思茅区南屏镇".into(),
            ..Person::default()
        },
        existing_petitioner: None,
        co_petitioners: vec![],
        head_count: 1,
        group: false,
        kind: Default::default(),
        category: "劳动社保".into(),
        summary: "讨要拖欠工资".into(),
        case: CaseLink::New,
        receiving_leader: None,
    }
}

pub(super) fn admin() -> crate::domain::ledger::Stamp {
    crate::domain::ledger::Stamp::new(at(1, 8), "管理员")
}

pub(super) fn open() -> (SledStore, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    (SledStore::open(&dir.path().join("xfdesk")).unwrap(), dir)
}

/// Every key in the index that ends with `id` under one of `tags`.
/// Entries kept in lists count one by one.
fn index_keys_of(store: &SledStore, tags: &[u8], id: u64) -> Vec<Vec<u8>> {
    let mut entries = Vec::new();
    for item in store.index.iter() {
        let (key, bytes) = item.unwrap();
        if lists::is_list(&key) {
            entries.extend(lists::decode(&bytes).unwrap());
        } else {
            entries.push(key.to_vec());
        }
    }
    entries.retain(|k| tags.contains(&k[0]) && trailing_id(k) == Some(id));
    entries
}

const PETITIONER_TAGS: [u8; 6] = [
    tag::ID_NUMBER,
    tag::PHONE,
    tag::PHONE_REVERSED,
    tag::NAME_TAIL,
    tag::INITIALS,
    tag::FULL_PINYIN,
];

#[test]
fn a_damaged_visit_is_reported_by_number_not_a_panic() {
    let (store, _dir) = open();
    let done = store
        .register_visit(&walk_in("张三", "13812345678", at(2, 9)))
        .unwrap();
    let id = done.visit.id.0;
    store.visits.put_bytes(id, &[1, 0xff, 0xfe]);

    let err = store.visit(done.visit.id).unwrap_err();
    assert!(
        matches!(err, StoreError::Damaged(CodecError::Damaged { record: RecordRef::Visit(v), .. }) if v == id),
        "{err:?}"
    );
    assert!(err.to_string().contains(&format!("visit #{id}")), "{err}");
    // The list reaches the same record through the index and says the same.
    let listed = store.visits_newest_first(None, 10).unwrap_err();
    assert!(
        listed.to_string().contains(&format!("visit #{id}")),
        "{listed}"
    );
}

#[test]
fn a_value_from_a_newer_xfdesk_is_refused_with_its_version() {
    let (store, _dir) = open();
    let done = store
        .register_visit(&walk_in("王芳", "13900001111", at(2, 9)))
        .unwrap();
    let id = done.petitioner.id.0;
    store.petitioners.put_bytes(id, &[9, 1, 2]);
    let err = store.petitioner(done.petitioner.id).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Damaged(CodecError::UnknownVersion { version: 9, .. })
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains(&format!("petitioner #{id}")));
}

#[test]
fn a_damaged_petitioner_stops_a_registration_that_writes_nothing() {
    let (store, _dir) = open();
    let first = store
        .register_visit(&walk_in("李建国", "13700002222", at(2, 9)))
        .unwrap();
    let pid = first.petitioner.id.0;
    store.petitioners.put_bytes(pid, &[1]);
    let index_before = store.index.len();

    let mut again = walk_in("李建国", "13700002222", at(3, 9));
    again.existing_petitioner = Some(first.petitioner.id);
    let err = store.register_visit(&again).unwrap_err();
    assert!(
        err.to_string().contains(&format!("petitioner #{pid}")),
        "{err}"
    );
    assert_eq!(store.visit_count().unwrap(), 1);
    assert_eq!(store.index.len(), index_before);
    assert_eq!(store.visits.count().unwrap(), 1);
}

#[test]
fn a_changed_petitioner_leaves_exactly_the_keys_of_what_they_are_now() {
    let (store, _dir) = open();
    let first = store
        .register_visit(&walk_in("张三", "13812345678", at(2, 9)))
        .unwrap();
    let pid = first.petitioner.id.0;
    let mut again = walk_in("张三丰", "13999998888", at(5, 9));
    again.existing_petitioner = Some(first.petitioner.id);
    let second = store.register_visit(&again).unwrap();

    let mut stored = index_keys_of(&store, &PETITIONER_TAGS, pid);
    stored.sort();
    let expected: Vec<Vec<u8>> = keys::petitioner_index(&second.petitioner)
        .into_iter()
        .collect();
    assert_eq!(
        stored, expected,
        "old name, phone and recency keys are gone"
    );
    assert!(
        !stored
            .iter()
            .any(|k| k.starts_with(&exact_text_prefix(tag::NAME_TAIL, "张三")))
    );
}

#[test]
fn a_linked_visit_on_an_existing_matter_keeps_one_key_per_index_for_the_matter() {
    let (store, _dir) = open();
    let first = store
        .register_visit(&walk_in("王芳", "13900001111", at(2, 9)))
        .unwrap();
    let mut again = walk_in("王芳", "13900001111", at(9, 9));
    again.existing_petitioner = Some(first.petitioner.id);
    again.case = CaseLink::Existing(first.case.id);
    store.register_visit(&again).unwrap();
    let case_keys = index_keys_of(
        &store,
        &[tag::CASE_BY_PETITIONER, tag::CASE_BY_STATE],
        first.case.id.0,
    );
    assert_eq!(case_keys.len(), 2, "{case_keys:02x?}");
}

#[test]
fn counters_are_stored_through_the_codec() {
    let (store, _dir) = open();
    store
        .register_visit(&walk_in("张三", "13812345678", at(2, 9)))
        .unwrap();
    let raw = store.meta.get(meta::VISIT_COUNT).unwrap().unwrap();
    assert_eq!(raw[0], codec::FORMAT_VERSION);
    assert_eq!(codec::decode::<u64>(&raw, RecordRef::Counter), Ok(1));
    store.meta.insert(meta::VISIT_COUNT, &[][..]).unwrap();
    assert!(matches!(
        store.visit_count(),
        Err(StoreError::Damaged(CodecError::Empty {
            record: RecordRef::Counter
        }))
    ));
}

/// A database written before leaders' names and references were indexed: the first open
/// builds them, so duplicates and deletes are refused as in a new one.
#[test]
fn an_older_database_gets_its_leader_indexes_on_opening() {
    use crate::domain::organisation::{NewLeader, OrgError};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("xfdesk");
    let store = SledStore::open(&path).unwrap();
    let new = |name: &str| NewLeader {
        name: name.into(),
        ..NewLeader::default()
    };
    let wang = store.add_leader(&new("王红"), &admin()).unwrap();
    let li = store.add_leader(&new("李明"), &admin()).unwrap();
    let mut visit = walk_in("张三", "13812345678", at(2, 9));
    visit.receiving_leader = Some(wang.id);
    store.register_visit(&visit).unwrap();
    // Undo what this version writes, leaving what an older one had.
    for key in store.index.iter().keys() {
        let key = key.unwrap();
        if key[0] >= tag::LEADER_NAME && key[0] <= tag::DEPARTMENT_NAMED_BY {
            store.index.remove(key).unwrap();
        }
    }
    for key in store.meta.scan_prefix(b"refs/").keys() {
        store.meta.remove(key.unwrap()).unwrap();
    }
    store.meta.remove(meta::ORG_INDEX).unwrap();
    drop(store);

    let store = SledStore::open(&path).unwrap();
    assert!(matches!(
        store.delete_leader(wang.id, &admin()),
        Err(StoreError::StillReferenced { matters: 1, .. })
    ));
    assert!(matches!(
        store.add_leader(&new("李明"), &admin()),
        Err(StoreError::Organisation(OrgError::DuplicateName { .. }))
    ));
    store.delete_leader(li.id, &admin()).unwrap();
}

/// A database written before visits were indexed by who registered them: the first open
/// indexes them, so a clerk's list holds their earlier visits and `check` finds nothing amiss.
#[test]
fn an_older_database_gets_its_visits_by_operator_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("xfdesk");
    let store = SledStore::open(&path).unwrap();
    let mut other = walk_in("李四", "13912345678", at(3, 9));
    other.received_by = "clerk-b".into();
    store
        .register_visits(&[walk_in("张三", "13812345678", at(2, 9)), other])
        .unwrap();
    for key in store
        .index
        .scan_prefix([lists::list_tag::BY_OPERATOR])
        .keys()
    {
        store.index.remove(key.unwrap()).unwrap();
    }
    store.meta.remove(meta::OPERATOR_INDEX).unwrap();
    assert!(
        store
            .visits_received_by("登记员甲", None, 10)
            .unwrap()
            .is_empty()
    );
    drop(store);

    let store = SledStore::open(&path).unwrap();
    let own = store.visits_received_by("登记员甲", None, 10).unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].petitioner.name, "张三");
    assert!(store.check().unwrap().is_clean());
}

/// A database written before the index of the people each clerk registered visits of: `check`
/// misses its entries, and the first open builds it, so a clerk's search finds their people.
#[test]
fn an_older_database_gets_its_people_by_operator_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("xfdesk");
    let store = SledStore::open(&path).unwrap();
    let mut other = walk_in("张伟", "13912345678", at(3, 9));
    other.received_by = "clerk-b".into();
    store
        .register_visits(&[walk_in("张三", "13812345678", at(2, 9)), other])
        .unwrap();
    let search = |store: &SledStore, clerk: &str| -> Vec<String> {
        store
            .search_visits_received_by("zh", clerk, 10)
            .unwrap()
            .into_iter()
            .map(|v| v.petitioner.name)
            .collect()
    };
    assert_eq!(search(&store, "clerk-b"), ["张伟"]);
    for key in store
        .index
        .scan_prefix([lists::list_tag::OPERATOR_PETITIONERS])
        .keys()
    {
        store.index.remove(key.unwrap()).unwrap();
    }
    store.meta.remove(meta::OPERATOR_PETITIONERS).unwrap();
    assert!(search(&store, "clerk-b").is_empty());
    assert!(!store.check().unwrap().is_clean(), "the entries are missed");
    drop(store);

    let store = SledStore::open(&path).unwrap();
    assert_eq!(search(&store, "clerk-b"), ["张伟"]);
    assert_eq!(search(&store, "登记员甲"), ["张三"]);
    assert!(store.check().unwrap().is_clean());
    assert!(
        store
            .index
            .scan_prefix([keys::tag::PETITIONER_BY_OPERATOR])
            .next()
            .is_none(),
        "every entry moved into a list"
    );
}

/// A database written with one key a ledger entry (and, from a crash part way through an
/// earlier move, a partial copy of one ledger): the first open moves every ledger whole to one
/// value a matter and drops the old tree and its counters; the matters read and change as
/// before.
#[test]
fn an_older_database_gets_its_ledgers_moved_on_opening() {
    use crate::domain::matter::MatterChange;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("xfdesk");
    let store = SledStore::open(&path).unwrap();
    let first = store
        .register_visit(&walk_in("张三", "13812345678", at(2, 9)))
        .unwrap();
    let second = store
        .register_visit(&walk_in("李四", "13912345678", at(3, 9)))
        .unwrap();
    let plan = MatterChange::Plan("约谈用人单位负责人".into());
    store.change_matter(first.case.id, &plan, &admin()).unwrap();
    let before: Vec<Matter> = [first.case.id, second.case.id]
        .iter()
        .map(|id| store.matter(*id).unwrap().unwrap())
        .collect();
    assert!(before[0].ledger.len() >= 2, "{:?}", before[0].ledger);
    let old = store.db.open_tree("ledger").unwrap();
    for m in &before {
        let id = m.case.id.0;
        for (position, event) in (0u64..).zip(&m.ledger) {
            let bytes = codec::encode(event, RecordRef::Ledger(id)).unwrap();
            old.insert(keys::ledger_key(id, position), bytes).unwrap();
        }
        let len = codec::encode(&(m.ledger.len() as u64), RecordRef::Counter).unwrap();
        let counter = [meta::LEDGER_LEN, &id_key(id)].concat();
        store.meta.insert(counter, len).unwrap();
        store.ledger.remove(id);
    }
    let partial = codec::encode(
        &before[0].ledger[..1].to_vec(),
        RecordRef::Ledger(first.case.id.0),
    );
    // A move cut short left the first matter's ledger half-written, one to a key.
    store
        .ledger
        .tree()
        .insert(id_key(first.case.id.0), partial.unwrap())
        .unwrap();
    drop(old);
    drop(store);

    let store = SledStore::open(&path).unwrap();
    for m in &before {
        assert_eq!(store.matter(m.case.id).unwrap().as_ref(), Some(m));
    }
    assert!(!store.db.tree_names().iter().any(|n| n == b"ledger"));
    assert_eq!(store.meta.scan_prefix(meta::LEDGER_LEN).count(), 0);
    let team = MatterChange::Team(vec!["王五".into()]);
    let after = store.change_matter(first.case.id, &team, &admin()).unwrap();
    assert_eq!(after.ledger[..before[0].ledger.len()], before[0].ledger[..]);
    assert!(after.ledger.len() > before[0].ledger.len());
    assert!(store.check().unwrap().is_clean());
}

/// The `n`th sign-in of a clerk, `n` minutes after the first.
fn signed_in(n: u32) -> AuditEvent {
    AuditEvent {
        at: at(2, 9) + chrono::Duration::minutes(n.into()),
        operator: "登记员甲".into(),
        kind: crate::domain::audit::AuditKind::SignedIn,
        subject: String::new(),
        detail: format!("第 {n} 次"),
    }
}

/// A database whose evidence log has one key an entry: the first open moves it into blocks,
/// and the log reads, pages back, continues and checks as before.
#[test]
fn an_older_database_gets_its_evidence_log_moved_into_blocks_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("xfdesk");
    let store = SledStore::open(&path).unwrap();
    let event = signed_in;
    for n in 1..=40 {
        store.record_audit(&event(n)).unwrap();
    }
    let log = store.audit_log(1, 100).unwrap();
    assert_eq!(log.len(), 40);
    let old = store.db.open_tree("audit").unwrap();
    for block in store.audit.iter() {
        let (key, bytes) = block.unwrap();
        for (seq, entry) in audit::decode_block(audit::block_key(&key).unwrap(), &bytes).unwrap() {
            old.insert(seq.to_be_bytes(), entry).unwrap();
        }
    }
    store.audit.clear().unwrap();
    drop(old);
    drop(store);

    let store = SledStore::open(&path).unwrap();
    assert!(!store.db.tree_names().iter().any(|n| n == b"audit"));
    assert_eq!(store.audit.len(), 3, "40 entries in blocks of 16");
    assert_eq!(store.audit_log(1, 100).unwrap(), log);
    assert_eq!(store.audit_log(17, 2).unwrap(), log[16..18]);
    let back = store.audit_log_back(Some(18), 3).unwrap();
    let seqs: Vec<u64> = back.iter().map(|(seq, _)| *seq).collect();
    assert_eq!(seqs, [17, 16, 15]);
    assert_eq!(store.audit_log_back(None, 1).unwrap()[0].0, 40);
    assert_eq!(store.record_audit(&event(41)).unwrap(), 41);
    let report = store.check().unwrap();
    assert!(report.is_clean(), "{report:#?}");
    assert_eq!(report.audit_entries, 41);
}

/// A block of the log that no longer reads is kept aside, the desk goes on recording, and
/// `check` names where the log breaks.
#[test]
fn a_damaged_block_of_the_evidence_log_is_kept_and_the_log_goes_on() {
    let (store, _dir) = open();
    let event = signed_in(0);
    for _ in 0..3 {
        store.record_audit(&event).unwrap();
    }
    let damaged = [1u8, 0xff, 0xff, 0xff];
    store
        .audit
        .insert(0u64.to_be_bytes(), &damaged[..])
        .unwrap();
    assert_eq!(store.record_audit(&event).unwrap(), 4);
    let aside = [0u64.to_be_bytes(), 4u64.to_be_bytes()].concat();
    assert_eq!(
        store.audit.get(aside).unwrap().as_deref(),
        Some(&damaged[..])
    );
    assert_eq!(store.audit_log(4, 1).unwrap()[0].0, 4);
    let report = store.check().unwrap();
    assert!(matches!(report.chain, Some((4, _))), "{report:#?}");
}

/// A database from before index entries were kept in lists: the first open moves every entry
/// into its list, and the lists page, find and check as the keys did.
#[test]
fn an_older_database_gets_its_visit_and_matter_indexes_moved_into_lists_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("xfdesk");
    let store = SledStore::open(&path).unwrap();
    let mut visits = Vec::new();
    // Ten minutes apart and every few hours, so that they fall into several lists.
    for n in 0..30u32 {
        let at = at(2 + n / 10, 8) + chrono::Duration::minutes(i64::from(n % 10) * 47);
        let mut v = walk_in(&format!("张{n}"), "13812345678", at);
        v.received_by = if n % 3 == 0 {
            "clerk-b"
        } else {
            "登记员甲"
        }
        .into();
        visits.push(v);
    }
    store.register_visits(&visits).unwrap();
    let first = store.visits_received_by("clerk-b", None, 100).unwrap();
    let first = first.last().unwrap();
    let mut again = walk_in("张0", "13812345678", at(9, 9));
    again.existing_petitioner = Some(first.petitioner_id);
    again.case = CaseLink::Existing(first.case_id);
    let again = store.register_visit(&again).unwrap();
    let newest = store.visits_newest_first(None, 100).unwrap();
    let own = store.visits_received_by("登记员甲", None, 100).unwrap();
    let history = |s: &SledStore| {
        (
            s.visits_of_petitioner(again.petitioner.id, 10).unwrap(),
            s.cases_of_petitioner(again.petitioner.id).unwrap(),
            s.visits_of_case(again.case.id).unwrap(),
        )
    };
    let phone = Phone::parse("13812345678").unwrap();
    let by_phone = |s: &SledStore| {
        let query = SearchQuery::parse("5678").unwrap();
        let found = s.search_petitioners(&query, 100).unwrap().len();
        (s.petitioners_by_phone(&phone).unwrap().len(), found)
    };
    assert_eq!(by_phone(&store), (30, 30));
    let registered = store.cases_in_state(CaseState::Registered, 100).unwrap();
    assert_eq!(registered.len(), 30);
    let before = history(&store);
    assert_eq!((before.0.len(), before.1.len(), before.2.len()), (2, 1, 2));
    let lists: Vec<_> = lists::all(&store.index).map(|l| l.unwrap()).collect();
    assert!(lists.len() > 3, "{} lists", lists.len());
    for (key, bytes) in lists {
        for entry in lists::decode(&bytes).unwrap() {
            store.index.insert(entry, &[][..]).unwrap();
        }
        store.index.remove(key).unwrap();
    }
    drop(store);

    let store = SledStore::open(&path).unwrap();
    assert!(
        store
            .index
            .scan_prefix([tag::VISIT_BY_TIME])
            .next()
            .is_none()
    );
    assert_eq!(store.visits_newest_first(None, 100).unwrap(), newest);
    assert_eq!(history(&store), before);
    assert_eq!(by_phone(&store), (30, 30));
    assert_eq!(
        store.cases_in_state(CaseState::Registered, 100).unwrap(),
        registered
    );
    assert_eq!(
        store.cases_in_state(CaseState::Registered, 4).unwrap(),
        registered[..4]
    );
    assert_eq!(
        store.visits_received_by("登记员甲", None, 100).unwrap(),
        own
    );
    assert_eq!(own.len(), 21);
    let page = store.visits_newest_first(None, 7).unwrap();
    let cursor = VisitCursor::from(&page[6]);
    assert_eq!(
        store.visits_newest_first(Some(cursor), 5).unwrap(),
        newest[7..12]
    );
    let mine = store.visits_received_by("登记员甲", Some(VisitCursor::from(&own[3])), 2);
    assert_eq!(mine.unwrap(), own[4..6]);
    let tenth = &newest[10];
    assert_eq!(
        store.visit_by_number(tenth.number).unwrap().as_ref(),
        Some(tenth)
    );
    let report = store.check().unwrap();
    assert!(report.is_clean(), "{report:#?}");
}

/// A disk that filled up while sled wrote a snapshot leaves an empty `snap.*.generating` file,
/// named after every finished one; sled would refuse the database as damaged from then on.
#[test]
fn an_unfinished_snapshot_left_by_a_full_disk_does_not_lock_the_office_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("xfdesk");
    let store = SledStore::open(&path).unwrap();
    let done = store
        .register_visit(&walk_in("欧阳明月", "13812345678", at(2, 9)))
        .unwrap();
    drop(store);
    let sled_dir = path.join(SLED_DIR);
    for name in [
        "snap.FFFFFFFFFFFFFFFF.generating",
        "snap.0000000000000001.generating",
    ] {
        std::fs::write(sled_dir.join(name), b"").unwrap();
    }

    let store = SledStore::open(&path).unwrap();
    let visit = store.visit(done.visit.id).unwrap().unwrap();
    assert_eq!(visit.petitioner.name, "欧阳明月");
    assert!(store.check().unwrap().is_clean());
    let left: Vec<_> = std::fs::read_dir(&sled_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".generating"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

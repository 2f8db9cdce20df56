//! Damage done behind the desk's back, straight in sled's trees, and what `check` says about
//! it: the first broken entry of the evidence log by number, an index entry gone or stray.

use xfdesk::i18n::{Lang, check::report};
use xfdesk::store::RecordRef;
use xfdesk::store::Store;
use xfdesk::store::chain::ChainFault;
use xfdesk::store::check::Problem;
use xfdesk::store::codec;

use super::fixtures::*;
use super::raw_log::{edit_log_block, entry};

fn three_visits(db: &TempSled) {
    for (name, day) in [("张三", 2), ("李四", 3), ("王芳", 4)] {
        let visit = walk_in(name, nov(day, 9)).id(&id_text("530802", "19800101", "123"));
        db.store().register_visit(&visit).unwrap();
    }
    assert!(db.store().check().unwrap().is_clean());
}

#[test]
fn one_word_changed_in_a_stored_event_is_named_by_its_number() {
    let mut db = TempSled::new();
    three_visits(&db);
    {
        let raw = db.raw();
        edit_log_block(&raw, 2, |entries| {
            let bytes = entry(entries, 2);
            // 登记员甲 → 登记员乙: the same length, still a valid record, another clerk.
            let (jia, yi) = ("甲".as_bytes(), "乙".as_bytes());
            let at = bytes
                .windows(jia.len())
                .position(|w| w == jia)
                .expect("the operator's name is stored");
            bytes[at..at + jia.len()].copy_from_slice(yi);
        });
    }
    let store = db.reopen();
    let found = store.check().unwrap();
    assert_eq!(found.chain, Some((2, ChainFault::Altered)), "{found:#?}");
    assert!(found.problems.is_empty(), "the records themselves are fine");
    let zh = report(&found, Lang::Zh);
    assert!(zh.contains("第 2 条") && zh.contains("改动"), "{zh}");
    let en = report(&found, Lang::En);
    assert!(en.contains("entry #2") && en.contains("changed"), "{en}");
    assert_eq!(
        store.audit_log(2, 1).unwrap()[0].1.operator,
        "登记员乙",
        "the forged entry still reads; only the chain gives it away"
    );
}

#[test]
fn a_removed_last_event_and_a_removed_middle_event_are_both_found() {
    let mut db = TempSled::new();
    three_visits(&db);
    {
        let raw = db.raw();
        edit_log_block(&raw, 3, |entries| entries.retain(|(seq, _)| *seq != 3));
    }
    let found = db.reopen().check().unwrap();
    assert_eq!(found.chain, Some((3, ChainFault::Truncated { last: 2 })));
    {
        let raw = db.raw();
        edit_log_block(&raw, 1, |entries| entries.retain(|(seq, _)| *seq != 1));
    }
    let found = db.reopen().check().unwrap();
    assert_eq!(found.chain, Some((2, ChainFault::Gap { expected: 1 })));
}

#[test]
fn an_index_entry_removed_or_added_behind_the_desks_back_is_reported() {
    let mut db = TempSled::new();
    three_visits(&db);
    let zhang = db.store().search_visits("张三", 1).unwrap()[0].petitioner_id;
    {
        let raw = db.raw();
        let index = raw.open_tree("index").unwrap();
        // Identity numbers (tag 0x01 + number + 0x00 + petitioner) are kept in lists under
        // 0x1e and the first 14 characters.
        let (list, stored) = index.scan_prefix([0x1e]).next().unwrap().unwrap();
        let record = RecordRef::IndexList;
        let mut entries: Vec<Vec<u8>> = codec::decode(&stored, record).unwrap();
        let before = entries.len();
        entries.retain(|e| !(e[0] == 0x01 && e.ends_with(&zhang.0.to_be_bytes())));
        assert_eq!(
            entries.len(),
            before - 1,
            "张三's identity number is indexed"
        );
        index
            .insert(list, codec::encode(&entries, record).unwrap())
            .unwrap();
        let mut stray = vec![0x02];
        stray.extend_from_slice(b"13900000000\0");
        stray.extend_from_slice(&999u64.to_be_bytes());
        index.insert(stray, &[][..]).unwrap();
        raw.flush().unwrap();
    }
    let found = db.reopen().check().unwrap();
    assert_eq!(found.chain, None, "the log was not touched");
    assert!(
        found.problems.contains(&Problem::NotIndexed {
            record: RecordRef::Petitioner(zhang.0)
        }),
        "{found:#?}"
    );
    assert!(
        found.problems.iter().any(|p| matches!(
            p,
            Problem::StrayIndex {
                points_at: Some(999),
                ..
            }
        )),
        "{found:#?}"
    );
    let en = report(&found, Lang::En);
    assert!(en.contains(&format!("petitioner #{}", zhang.0)), "{en}");
}

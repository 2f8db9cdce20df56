//! Matters on disk: everything about a matter survives a reopen, and a database written before
//! packages, ledgers or the pending index existed reads and carries on.

use xfdesk::domain::case::CaseState;
use xfdesk::domain::ledger::EventKind;
use xfdesk::domain::lifecycle::Move;
use xfdesk::domain::matter::Package;
use xfdesk::domain::supervision::Escalation;
use xfdesk::store::Store;

use super::fixtures::*;
use super::matters::{assert_state_lists_agree, kinds, leader, matter, stamp, transfer};
use super::pending::{day, in_handling, last_number, row, rows, stamp_on, step, urge};

#[test]
fn a_matters_package_ledger_and_lists_survive_a_reopen() {
    let mut db = TempSled::new();
    let store = db.store();
    let (wang, li) = (leader(store, "王明"), leader(store, "李强"));
    let first = store
        .register_visit(&walk_in("张三", nov(4, 9)).at_reception_of(wang))
        .unwrap();
    let again = store
        .register_visit(
            &walk_in("张三", nov(11, 9))
                .again_on(&first)
                .at_reception_of(li),
        )
        .unwrap();
    let other = store.register_visit(&walk_in("李四", nov(5, 9))).unwrap();
    let id = first.case.id;
    let s = stamp(12, "李文");
    store.apply_move(id, Move::Accept, "材料齐全", &s).unwrap();
    store
        .transfer_responsibility(id, transfer(li, "分管调整"), "", &s)
        .unwrap();
    store
        .set_collective_study(id, true, "涉及多人", &s)
        .unwrap();
    store.set_team(id, &["张伟".into()], &s).unwrap();
    store.set_plan(id, "先核实", &s).unwrap();
    let before = matter(store, id);
    assert_eq!(before.ledger.len(), 9);

    let store = db.reopen();
    assert_eq!(matter(store, id), before);
    assert_eq!(
        store.collective_study_cases().unwrap(),
        std::slice::from_ref(&before.case)
    );
    assert_state_lists_agree(store, &[&first, &other]);
    assert_eq!(store.receiving_leader(again.visit.id).unwrap(), Some(li));

    // The ledger carries on after the last entry written before closing.
    let after = store
        .apply_move(
            id,
            Move::Assign {
                department: xfdesk::domain::organisation::DepartmentId(1),
                co_departments: vec![],
            },
            "",
            &s,
        )
        .unwrap();
    assert_eq!(after.ledger[..9], before.ledger[..]);
    let store = db.reopen();
    assert_eq!(matter(store, id), after);
    assert_eq!(
        store.cases_in_state(CaseState::Assigned, 10).unwrap(),
        [after.case]
    );
}

#[test]
fn a_matter_from_before_packages_and_ledgers_reads_and_takes_steps() {
    let mut db = TempSled::new();
    let wang = leader(db.store(), "王明");
    let old = db
        .store()
        .register_visit(&walk_in("张三", nov(2, 9)).at_reception_of(wang))
        .unwrap();
    {
        // Knowledge of the layout stands in for a database an older xfdesk wrote: no package,
        // no ledger, no reception.
        let raw = db.raw();
        for name in ["packages", "ledgers", "receptions"] {
            assert!(raw.drop_tree(name).unwrap(), "{name} was there");
        }
        raw.flush().unwrap();
    }

    let store = db.reopen();
    let m = matter(store, old.case.id);
    assert_eq!(m.package, Package::default());
    assert!(m.ledger.is_empty());
    assert_eq!(m.case, old.case);
    assert_eq!(store.receiving_leader(old.visit.id).unwrap(), None);

    let m = store
        .apply_move(old.case.id, Move::Accept, "", &stamp(3, "李文"))
        .unwrap();
    assert_eq!(m.ledger.len(), 1);
    assert_eq!(matter(store, old.case.id), m);
    // Nobody held the old matter: the next receiving leader takes it.
    let again = store
        .register_visit(
            &walk_in("张三", nov(9, 9))
                .again_on(&old)
                .at_reception_of(wang),
        )
        .unwrap();
    let m = matter(store, old.case.id);
    assert_eq!(m.package.responsible, Some(wang));
    assert_eq!(
        kinds(&m)[1..],
        [
            EventKind::Revisited {
                visit: again.visit.id
            },
            EventKind::ResponsibilitySet {
                leader: wang,
                visit: Some(again.visit.id)
            }
        ]
    );
}

#[test]
fn urge_numbers_and_rows_survive_a_reopen() {
    let mut db = TempSled::new();
    let a = in_handling(db.store(), "张三").case.id;
    let on = stamp_on(2026, 11, 10);
    let by = day(2026, 11, 20);
    db.store()
        .change_matter(a, &urge(Escalation::Reminder, by, "催办"), &on)
        .unwrap();
    let before = rows(db.store());
    let store = db.reopen();
    assert_eq!(rows(store), before);
    store
        .change_matter(a, &urge(Escalation::Reminder, by, "再次催办"), &on)
        .unwrap();
    assert_eq!(last_number(store, a).seq, 2, "the counter carried on");
}

#[test]
fn a_database_from_before_the_pending_index_builds_it_on_opening() {
    let mut db = TempSled::new();
    let open = in_handling(db.store(), "张三");
    let closed = db
        .store()
        .register_visit(&walk_in("李四", nov(2, 10)))
        .unwrap();
    let forward = Move::Forward {
        to: "县人民法院".into(),
    };
    step(db.store(), closed.case.id, forward, stamp_on(2026, 11, 3));
    let before = rows(db.store());
    assert_eq!(before.keys().collect::<Vec<_>>(), [&open.case.id]);
    {
        // An older xfdesk wrote no `pending` tree and no mark of it.
        let raw = db.raw();
        raw.drop_tree("pending").unwrap();
        let meta = raw.open_tree("meta").unwrap();
        assert!(meta.remove("pending_rows").unwrap().is_some());
        raw.flush().unwrap();
    }
    let store = db.reopen();
    assert_eq!(rows(store), before);
    let answer = Move::Answer {
        text: "已答复".into(),
    };
    step(store, open.case.id, answer, stamp_on(2026, 11, 20));
    assert_eq!(
        row(store, open.case.id).unwrap().state,
        CaseState::Answered,
        "and keeps it from then on"
    );
}

/// A database from before the rows were kept in blocks, with one row per key: the first open
/// writes them again in blocks, and the reports and `check` read them as before.
#[test]
fn rows_stored_one_per_key_are_rewritten_on_opening() {
    use xfdesk::domain::pending::MatterRow;
    use xfdesk::store::{RecordRef, codec};
    let mut db = TempSled::new();
    let open = in_handling(db.store(), "张三");
    let other = db
        .store()
        .register_visit(&walk_in("李四", nov(2, 10)))
        .unwrap();
    let before = rows(db.store());
    assert_eq!(before.len(), 2);
    {
        let raw = db.raw();
        let pending = raw.open_tree("pending").unwrap();
        pending.clear().unwrap();
        for row in before.values() {
            let record = RecordRef::Pending {
                first: row.id.0,
                last: row.id.0,
            };
            let bytes = codec::encode::<MatterRow>(row, record).unwrap();
            pending.insert(row.id.0.to_be_bytes(), bytes).unwrap();
        }
        let meta = raw.open_tree("meta").unwrap();
        let format = codec::encode(&2u64, RecordRef::Settings).unwrap();
        meta.insert("pending_rows", format).unwrap();
        raw.flush().unwrap();
    }
    let store = db.reopen();
    assert_eq!(rows(store), before);
    assert!(store.check().unwrap().is_clean());
    step(store, other.case.id, Move::Accept, stamp_on(2026, 11, 4));
    assert_eq!(
        row(store, other.case.id).unwrap().state,
        CaseState::Accepted
    );
    assert_eq!(row(store, open.case.id), before.get(&open.case.id).cloned());
}

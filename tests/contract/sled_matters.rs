//! Matters on disk: everything about a matter survives a reopen, and a database written before
//! packages and ledgers existed reads and carries on.

use xfdesk::domain::case::CaseState;
use xfdesk::domain::ledger::EventKind;
use xfdesk::domain::lifecycle::Move;
use xfdesk::domain::matter::Package;
use xfdesk::store::Store;

use super::fixtures::*;
use super::matters::{assert_state_lists_agree, kinds, leader, matter, stamp, transfer};

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
    db.close();
    {
        // Knowledge of the layout stands in for a database an older xfdesk wrote: no package,
        // no ledger entries, no ledger counter, no reception.
        let raw = sled::open(db.path().join("sled")).unwrap();
        for name in ["packages", "ledger", "receptions"] {
            raw.drop_tree(name).unwrap();
        }
        let meta = raw.open_tree("meta").unwrap();
        let counter = [b"ledger_len/".as_slice(), &old.case.id.0.to_be_bytes()].concat();
        assert!(meta.remove(counter).unwrap().is_some());
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

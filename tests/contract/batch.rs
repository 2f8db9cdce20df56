//! `register_visits`: several visits in one atomic step (demo data, imports).

use xfdesk::domain::case::CaseId;
use xfdesk::domain::visit::{CaseLink, VisitId};
use xfdesk::store::{RecordRef, Store, StoreError};

use super::fixtures::*;

fn several_visits_are_registered_together_in_order(store: &dyn Store) {
    let batch = [
        walk_in("张三", nov(2, 9)).phone("13812345678"),
        walk_in("欧阳娜娜", nov(1, 9)),
        walk_in("单雄信", nov(3, 9)),
    ];
    let done = store.register_visits(&batch).unwrap();
    let numbers: Vec<String> = done.iter().map(|r| r.visit.number.to_string()).collect();
    assert_eq!(numbers, ["2026-000001", "2026-000002", "2026-000003"]);
    for (r, asked) in done.iter().zip(&batch) {
        assert!(r.new_petitioner && r.new_case);
        assert_eq!(r.visit.petitioner.name, asked.petitioner.name);
        assert_eq!(store.visit(r.visit.id).unwrap().as_ref(), Some(&r.visit));
    }
    assert_eq!(store.visit_count().unwrap(), 3);

    assert!(store.register_visits(&[]).unwrap().is_empty());
    assert_eq!(store.visit_count().unwrap(), 3);
}

fn a_batch_may_name_the_same_petitioner_twice(store: &dyn Store) {
    let first = store.register_visit(&walk_in("王芳", nov(2, 9))).unwrap();
    let batch = [
        walk_in("王芳", nov(5, 9)).by(first.petitioner.id),
        walk_in("王芳", nov(6, 9)).again_on(&first),
    ];
    let done = store.register_visits(&batch).unwrap();
    assert_eq!(
        done[1].petitioner.visit_count, 3,
        "the second saw the first"
    );
    let p = store.petitioner(first.petitioner.id).unwrap().unwrap();
    assert_eq!(p.visit_count, 3);
    assert_eq!(p.last_visit_at, nov(6, 9));
    assert_eq!(store.case(first.case.id).unwrap().unwrap().visit_count, 2);
    assert_eq!(store.cases_of_petitioner(p.id).unwrap().len(), 2);
}

fn a_batch_with_one_refused_visit_registers_none_of_it(store: &dyn Store) {
    let earlier = store.register_visit(&walk_in("李四", nov(1, 9))).unwrap();
    let mut bad = walk_in("单雄信", nov(3, 9));
    bad.case = CaseLink::Existing(CaseId(9999));
    let batch = [
        walk_in("张三", nov(2, 9)).phone("13812345678"),
        walk_in("欧阳娜娜", nov(2, 10)),
        bad,
    ];
    let err = store.register_visits(&batch).unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound(RecordRef::Case(9999))),
        "{err:?}"
    );

    assert_eq!(store.visit_count().unwrap(), 1);
    let listed: Vec<VisitId> = store
        .visits_newest_first(None, 10)
        .unwrap()
        .iter()
        .map(|v| v.id)
        .collect();
    assert_eq!(listed, [earlier.visit.id]);
    for name in ["张三", "欧阳娜娜", "单雄信"] {
        assert!(
            store.petitioners_by_name(name).unwrap().is_empty(),
            "{name}"
        );
    }
    assert!(store.search_visits("zs", 10).unwrap().is_empty());
    assert!(
        store
            .petitioners_by_phone(&phone("13812345678"))
            .unwrap()
            .is_empty()
    );

    // No number was used up by the refused batch.
    let next = store.register_visit(&walk_in("张三", nov(2, 9))).unwrap();
    assert_eq!(next.visit.number.to_string(), "2026-000002");
    assert_eq!(next.case.number.to_string(), "2026-000002");
}

/// An imported ledger may list the same newcomer on two rows (two matters): one petitioner
/// with both, not two people with one identity number. A different name on the same number
/// is someone's typo, not silently taken for the same person.
fn a_newcomer_twice_in_one_batch_is_one_petitioner(store: &dyn Store) {
    let number = id_text("530802", "19700101", "123");
    let batch = [
        walk_in("李秀兰", nov(2, 9)).id(&number),
        walk_in("李秀兰", nov(5, 9)).id(&number),
        walk_in("李秀芝", nov(6, 9)).id(&number),
    ];
    let done = store.register_visits(&batch).unwrap();
    assert!(done[0].new_petitioner);
    assert!(!done[1].new_petitioner, "the second row is the same person");
    assert_eq!(done[1].petitioner.id, done[0].petitioner.id);
    assert_eq!(done[1].petitioner.visit_count, 2);
    assert_ne!(done[1].case.id, done[0].case.id, "each row its own matter");
    assert!(done[2].new_petitioner, "another name is not merged");
    let found = store.petitioners_by_id_number(&id(&number)).unwrap();
    assert_eq!(found.len(), 2);
    assert_eq!(
        store
            .cases_of_petitioner(done[0].petitioner.id)
            .unwrap()
            .len(),
        2
    );
}

for_both_backends!(
    a_newcomer_twice_in_one_batch_is_one_petitioner,
    several_visits_are_registered_together_in_order,
    a_batch_may_name_the_same_petitioner_twice,
    a_batch_with_one_refused_visit_registers_none_of_it,
);

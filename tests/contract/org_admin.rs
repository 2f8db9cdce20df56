//! Looking after leaders and departments: editing, retiring and reactivating them, adding a
//! batch all or nothing, refusing blank and duplicate names, and never deleting one that a
//! matter still names. On disk, all of it survives a reopen.

use xfdesk::domain::lifecycle::Move;
use xfdesk::domain::organisation::{DepartmentId, LeaderId, NewDepartment, NewLeader, OrgError};
use xfdesk::i18n::{Lang, Localize};
use xfdesk::store::{RecordRef, Store, StoreError};

use super::fixtures::*;
use super::matters::{department, leader, stamp, transfer};

fn new_leader(name: &str) -> NewLeader {
    NewLeader {
        name: name.into(),
        title: "副县长".into(),
        portfolio: "自然资源、农业农村".into(),
    }
}

fn new_department(name: &str, phone_text: Option<&str>) -> NewDepartment {
    NewDepartment {
        name: name.into(),
        contact: "赵科长".into(),
        phone: phone_text.map(phone),
    }
}

fn duplicate(e: StoreError) -> String {
    match e {
        StoreError::Organisation(OrgError::DuplicateName { name }) => name,
        other => panic!("expected a duplicate name, got {other:?}"),
    }
}

fn still_referenced(e: StoreError) -> (RecordRef, String, u64) {
    match e {
        StoreError::StillReferenced {
            record,
            name,
            matters,
        } => (record, name, matters),
        other => panic!("expected a refused delete, got {other:?}"),
    }
}

fn a_leader_is_edited_retired_and_reactivated(store: &dyn Store) {
    let wang = store.add_leader(&new_leader("王红"), &admin()).unwrap();
    let li = store.add_leader(&new_leader("李明"), &admin()).unwrap();
    let edit = NewLeader {
        name: " 王红 ".into(),
        title: "常务副县长".into(),
        portfolio: "财政、发展改革".into(),
    };
    let edited = store.edit_leader(wang.id, &edit, &admin()).unwrap();
    assert_eq!(edited.name, "王红", "tidied as typed text is");
    assert_eq!(edited.title, "常务副县长");
    assert!(edited.active);

    let retired = store.set_leader_active(li.id, false, &admin()).unwrap();
    assert!(!retired.active);
    assert_eq!(store.leaders().unwrap(), [edited.clone(), retired]);
    assert_eq!(
        store.active_leaders().unwrap(),
        std::slice::from_ref(&edited)
    );
    assert!(
        !store
            .set_leader_active(li.id, false, &admin())
            .unwrap()
            .active,
        "retiring twice changes nothing"
    );
    let back = store.set_leader_active(li.id, true, &admin()).unwrap();
    assert_eq!(store.active_leaders().unwrap(), [edited, back]);
    assert!(matches!(
        store.edit_leader(LeaderId(999), &edit, &admin()),
        Err(StoreError::NotFound(RecordRef::Leader(999)))
    ));
}

fn blank_and_duplicate_active_names_are_refused(store: &dyn Store) {
    let blank = store
        .add_leader(&new_leader(" \u{3000}"), &admin())
        .unwrap_err();
    assert!(matches!(
        blank,
        StoreError::Organisation(OrgError::NameRequired)
    ));
    let wang = store.add_leader(&new_leader("王红"), &admin()).unwrap();
    assert_eq!(
        duplicate(
            store
                .add_leader(&new_leader("王红 "), &admin())
                .unwrap_err()
        ),
        "王红"
    );
    let li = store.add_leader(&new_leader("李明"), &admin()).unwrap();
    assert_eq!(
        duplicate(
            store
                .edit_leader(li.id, &new_leader("王红"), &admin())
                .unwrap_err()
        ),
        "王红"
    );
    // A retired leader's name is free again, and taking it back needs it free.
    store.set_leader_active(wang.id, false, &admin()).unwrap();
    let second = store.add_leader(&new_leader("王红"), &admin()).unwrap();
    assert_eq!(
        duplicate(
            store
                .set_leader_active(wang.id, true, &admin())
                .unwrap_err()
        ),
        "王红"
    );
    assert!(!store.leaders().unwrap()[0].active, "nothing changed");
    // Editing a record to its own name is no duplicate.
    store
        .edit_leader(second.id, &new_leader("王红"), &admin())
        .unwrap();
    store
        .edit_leader(wang.id, &new_leader("王红"), &admin())
        .unwrap();

    let dept = store
        .add_department(&new_department("县民政局", None), &admin())
        .unwrap();
    assert_eq!(
        duplicate(
            store
                .add_department(&new_department("县民政局", None), &admin())
                .unwrap_err()
        ),
        "县民政局"
    );
    // Leaders and departments are named apart.
    store.add_leader(&new_leader("县民政局"), &admin()).unwrap();
    assert!(dept.active);
}

fn a_batch_is_added_whole_or_not_at_all(store: &dyn Store) {
    store.add_leader(&new_leader("王红"), &admin()).unwrap();
    let before = store.leaders().unwrap();
    for bad in [
        vec![new_leader("李明"), new_leader(""), new_leader("张伟")],
        vec![new_leader("李明"), new_leader("王红")],
        vec![new_leader("李明"), new_leader("赵强"), new_leader("李明")],
    ] {
        assert!(store.add_leaders(&bad, &admin()).is_err(), "{bad:?}");
        assert_eq!(store.leaders().unwrap(), before, "nothing of {bad:?} kept");
    }
    let added = store
        .add_leaders(&[new_leader("李明"), new_leader("赵强")], &admin())
        .unwrap();
    assert_eq!(added.len(), 2);
    assert_eq!(store.leaders().unwrap().len(), 3);
    assert!(store.add_leaders(&[], &admin()).unwrap().is_empty());

    let depts = store
        .add_departments(
            &[
                new_department("县人力资源和社会保障局", Some("0879-2123456")),
                new_department("县自然资源局", Some("13812345678")),
            ],
            &admin(),
        )
        .unwrap();
    assert_eq!(store.departments().unwrap(), depts);
    assert_eq!(depts[1].phone, Some(phone("13812345678")));
}

fn a_department_is_edited_with_its_contact_and_phone(store: &dyn Store) {
    let hr = store
        .add_department(&new_department("县人社局", Some("0879-2123456")), &admin())
        .unwrap();
    let edit = NewDepartment {
        name: "县人力资源和社会保障局".into(),
        contact: "钱主任".into(),
        phone: Some(phone(&full_width("13912345678"))),
    };
    let edited = store.edit_department(hr.id, &edit, &admin()).unwrap();
    assert_eq!(
        edited.phone.as_ref().map(|p| p.as_str()),
        Some("13912345678")
    );
    assert_eq!(edited.contact, "钱主任");
    assert!(
        !store
            .set_department_active(hr.id, false, &admin())
            .unwrap()
            .active
    );
    assert_eq!(
        store.departments().unwrap()[0].name,
        "县人力资源和社会保障局"
    );
}

fn a_leader_or_department_a_matter_names_is_not_deleted(store: &dyn Store) {
    let (wang, li, zhao) = (
        leader(store, "王红"),
        leader(store, "李明"),
        leader(store, "赵强"),
    );
    let first = store
        .register_visit(&walk_in("张三", nov(4, 9)).at_reception_of(wang))
        .unwrap();
    store
        .register_visit(
            &walk_in("张三", nov(11, 9))
                .again_on(&first)
                .at_reception_of(li),
        )
        .unwrap();
    let other = store
        .register_visit(&walk_in("李四", nov(5, 9)).at_reception_of(wang))
        .unwrap();

    let (record, name, matters) =
        still_referenced(store.delete_leader(wang, &admin()).unwrap_err());
    assert_eq!(
        (record, name.as_str(), matters),
        (RecordRef::Leader(wang.0), "王红", 2)
    );
    assert!(
        store
            .delete_leader(wang, &admin())
            .unwrap_err()
            .localize(Lang::Zh)
            .contains("停用"),
        "the message says what to do instead"
    );
    // Received the petitioner although another kept the matter: named too.
    let (_, _, matters) = still_referenced(store.delete_leader(li, &admin()).unwrap_err());
    assert_eq!(matters, 1);
    assert_eq!(store.leaders().unwrap().len(), 3, "nothing deleted");

    // Handed the matter by a transfer: named from then on.
    let s = stamp(12, "李文");
    store
        .transfer_responsibility(other.case.id, transfer(zhao, "分管调整"), "", &s)
        .unwrap();
    still_referenced(store.delete_leader(zhao, &admin()).unwrap_err());

    let lead = department(store, "县人社局");
    let help = department(store, "县住建局");
    let spare = department(store, "县民政局");
    store
        .apply_move(first.case.id, Move::Accept, "", &s)
        .unwrap();
    store
        .apply_move(
            first.case.id,
            Move::Assign {
                department: lead,
                co_departments: vec![help],
            },
            "",
            &s,
        )
        .unwrap();
    let (record, _, _) = still_referenced(store.delete_department(lead, &admin()).unwrap_err());
    assert_eq!(record, RecordRef::Department(lead.0));
    still_referenced(store.delete_department(help, &admin()).unwrap_err());
    store.delete_department(spare, &admin()).unwrap();
    assert_eq!(
        store
            .departments()
            .unwrap()
            .iter()
            .map(|d| d.id)
            .collect::<Vec<_>>(),
        [lead, help]
    );

    let unused = leader(store, "孙丽");
    store.set_leader_active(unused, false, &admin()).unwrap();
    store.delete_leader(unused, &admin()).unwrap();
    assert!(store.leaders().unwrap().iter().all(|l| l.id != unused));
    assert!(matches!(
        store.delete_leader(unused, &admin()),
        Err(StoreError::NotFound(RecordRef::Leader(_)))
    ));
    assert!(matches!(
        store.delete_department(DepartmentId(999), &admin()),
        Err(StoreError::NotFound(RecordRef::Department(999)))
    ));
    // A deleted active leader's name is free for a new one.
    let gone = leader(store, "周平");
    store.delete_leader(gone, &admin()).unwrap();
    leader(store, "周平");
}

fn a_visit_may_name_only_a_leader_that_exists(store: &dyn Store) {
    let gone = leader(store, "王红");
    store.delete_leader(gone, &admin()).unwrap();
    let err = store
        .register_visit(&walk_in("张三", nov(4, 9)).at_reception_of(gone))
        .unwrap_err();
    assert!(
        matches!(err, StoreError::NotFound(RecordRef::Leader(id)) if id == gone.0),
        "{err:?}"
    );
    assert_eq!(store.visit_count().unwrap(), 0, "nothing registered");
}

for_both_backends!(
    a_leader_is_edited_retired_and_reactivated,
    blank_and_duplicate_active_names_are_refused,
    a_batch_is_added_whole_or_not_at_all,
    a_department_is_edited_with_its_contact_and_phone,
    a_leader_or_department_a_matter_names_is_not_deleted,
    a_visit_may_name_only_a_leader_that_exists,
);

#[test]
fn names_retirements_and_references_survive_a_sled_reopen() {
    let mut db = TempSled::new();
    let store = db.store();
    let wang = leader(store, "王红");
    let li = leader(store, "李明");
    let spare = leader(store, "赵强");
    store.set_leader_active(li, false, &admin()).unwrap();
    store.delete_leader(spare, &admin()).unwrap();
    store
        .register_visit(&walk_in("张三", nov(4, 9)).at_reception_of(wang))
        .unwrap();
    let before = store.leaders().unwrap();

    let store = db.reopen();
    assert_eq!(store.leaders().unwrap(), before);
    assert_eq!(
        duplicate(store.add_leader(&new_leader("王红"), &admin()).unwrap_err()),
        "王红"
    );
    let (_, _, matters) = still_referenced(store.delete_leader(wang, &admin()).unwrap_err());
    assert_eq!(matters, 1);
    // 李明 is retired: his name is free, and 赵强's since he was deleted.
    store
        .add_leaders(&[new_leader("李明"), new_leader("赵强")], &admin())
        .unwrap();
    let store = db.reopen();
    assert_eq!(store.active_leaders().unwrap().len(), 3);
}

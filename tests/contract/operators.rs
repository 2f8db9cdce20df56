//! Operators: codes unique and tidied, edits and PIN resets kept, wrong PINs counted until the
//! code locks, the last administrator kept, and (on disk) all of it after a reopen.

use std::sync::OnceLock;

use xfdesk::domain::operator::{NewOperator, OperatorEdit, OperatorError, PinHash};
use xfdesk::domain::organisation::LeaderId;
use xfdesk::domain::permission::Role;
use xfdesk::store::{Store, StoreError};

use super::fixtures::*;

/// One hash for every test: argon2 is slow on purpose.
fn pin() -> PinHash {
    static PIN: OnceLock<PinHash> = OnceLock::new();
    PIN.get_or_init(|| PinHash::new("123456").unwrap()).clone()
}

fn new(code: &str, name: &str, role: Role) -> NewOperator {
    NewOperator {
        code: code.into(),
        name: name.into(),
        role,
        pin: pin(),
        leader: None,
    }
}

fn added_operators_are_found_by_their_tidied_code(store: &dyn Store) {
    assert!(store.operators().unwrap().is_empty());
    let admin = store
        .add_operator(&new(" Admin ", " 王  管理 ", Role::Administrator))
        .unwrap();
    assert_eq!(
        (admin.code.as_str(), admin.name.as_str()),
        ("admin", "王 管理")
    );
    assert!(admin.active && !admin.locked && admin.failures == 0);
    let clerk = store
        .add_operator(&new("clerk1", "李登记", Role::Clerk))
        .unwrap();
    assert_ne!(admin.id, clerk.id);
    assert_eq!(
        store.operator_by_code("ADMIN").unwrap(),
        Some(admin.clone())
    );
    assert_eq!(store.operator_by_code("nobody").unwrap(), None);
    assert_eq!(store.operator_by_code("王").unwrap(), None);
    let codes: Vec<String> = store
        .operators()
        .unwrap()
        .into_iter()
        .map(|o| o.code)
        .collect();
    assert_eq!(codes, ["admin", "clerk1"]);
    assert!(
        store
            .operator_by_code("clerk1")
            .unwrap()
            .unwrap()
            .pin
            .verify("123456")
    );
}

fn a_taken_or_bad_code_is_refused_and_nothing_written(store: &dyn Store) {
    store
        .add_operator(&new("clerk1", "李登记", Role::Clerk))
        .unwrap();
    let err = store
        .add_operator(&new("CLERK1", "另一个", Role::Clerk))
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Operator(OperatorError::DuplicateCode { ref code }) if code == "clerk1"),
        "{err:?}"
    );
    let err = store
        .add_operator(&new("李", "李", Role::Clerk))
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Operator(OperatorError::CodeChars)),
        "{err:?}"
    );
    let err = store
        .add_operator(&new("x1", " ", Role::Clerk))
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Operator(OperatorError::NameBlank)),
        "{err:?}"
    );
    assert_eq!(store.operators().unwrap().len(), 1);
}

fn edits_pins_and_the_active_flag_are_kept(store: &dyn Store) {
    let _admin = store
        .add_operator(&new("admin", "王管理", Role::Administrator))
        .unwrap();
    let op = store
        .add_operator(&new("sec1", "张秘书", Role::Clerk))
        .unwrap();
    let edit = OperatorEdit {
        name: "张秘书".into(),
        role: Role::Secretary,
        leader: Some(LeaderId(7)),
    };
    let edited = store.edit_operator(op.id, &edit).unwrap();
    assert_eq!(
        (edited.role, edited.leader),
        (Role::Secretary, Some(LeaderId(7)))
    );
    let off = store.set_operator_active(op.id, false).unwrap();
    assert!(!off.active);
    let new_pin = PinHash::new("654321").unwrap();
    store.reset_operator_pin(op.id, &new_pin).unwrap();
    let stored = store.operator_by_code("sec1").unwrap().unwrap();
    assert!(!stored.active && stored.role == Role::Secretary);
    assert!(stored.pin.verify("654321") && !stored.pin.verify("123456"));
}

fn wrong_pins_lock_the_code_until_unlocked(store: &dyn Store) {
    let op = store
        .add_operator(&new("clerk1", "李登记", Role::Clerk))
        .unwrap();
    for i in 1..=2 {
        let after = store.note_failed_sign_in(op.id, nov(18, 9), 3).unwrap();
        assert_eq!((after.failures, after.locked), (i, false));
    }
    let after = store.note_failed_sign_in(op.id, nov(18, 9), 3).unwrap();
    assert!(after.locked);
    assert!(store.operator_by_code("clerk1").unwrap().unwrap().locked);
    let open = store.unlock_operator(op.id).unwrap();
    assert_eq!(
        (open.failures, open.locked, open.last_failure),
        (0, false, None)
    );
    store.note_failed_sign_in(op.id, nov(18, 10), 3).unwrap();
    let good = store.note_signed_in(op.id).unwrap();
    assert_eq!(good.failures, 0);
}

fn the_last_administrator_stays(store: &dyn Store) {
    let admin = store
        .add_operator(&new("admin", "王管理", Role::Administrator))
        .unwrap();
    let demote = OperatorEdit {
        name: admin.name.clone(),
        role: Role::Clerk,
        leader: None,
    };
    for err in [
        store.set_operator_active(admin.id, false).unwrap_err(),
        store.edit_operator(admin.id, &demote).unwrap_err(),
    ] {
        assert!(
            matches!(err, StoreError::Operator(OperatorError::LastAdministrator)),
            "{err:?}"
        );
    }
    let second = store
        .add_operator(&new("admin2", "赵管理", Role::Administrator))
        .unwrap();
    store.set_operator_active(admin.id, false).unwrap();
    assert!(store.set_operator_active(second.id, false).is_err());
}

for_both_backends!(
    added_operators_are_found_by_their_tidied_code,
    a_taken_or_bad_code_is_refused_and_nothing_written,
    edits_pins_and_the_active_flag_are_kept,
    wrong_pins_lock_the_code_until_unlocked,
    the_last_administrator_stays,
);

#[test]
fn operators_and_their_lock_survive_a_reopen() {
    let mut db = TempSled::new();
    let op = db
        .store()
        .add_operator(&new("clerk1", "李登记", Role::Clerk))
        .unwrap();
    db.store()
        .note_failed_sign_in(op.id, nov(18, 9), 1)
        .unwrap();
    let store = db.reopen();
    let back = store.operator_by_code("clerk1").unwrap().unwrap();
    assert!(back.locked && back.failures == 1 && back.pin.verify("123456"));
    assert!(
        store
            .add_operator(&new("clerk1", "again", Role::Clerk))
            .is_err()
    );
    let next = store
        .add_operator(&new("clerk2", "王登记", Role::Clerk))
        .unwrap();
    assert!(next.id > back.id);
    // An operator is not a record the desk counts as data: the start screen still offers demo data.
    assert!(store.is_empty().unwrap());
}

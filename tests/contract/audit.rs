//! The evidence log: events come back in the order recorded, numbered, from any point, and
//! (on disk) after a reopen.

use xfdesk::domain::audit::{AuditEvent, AuditKind};
use xfdesk::store::Store;

use super::fixtures::*;

fn event(operator: &str, kind: AuditKind, subject: &str) -> AuditEvent {
    AuditEvent {
        at: nov(18, 9),
        operator: operator.into(),
        kind,
        subject: subject.into(),
        detail: String::new(),
    }
}

fn events_come_back_in_order_numbered_from_one(store: &dyn Store) {
    assert!(store.audit_log(0, 10).unwrap().is_empty());
    let a = store
        .record_audit(&event("clerk1", AuditKind::SignedIn, ""))
        .unwrap();
    let b = store
        .record_audit(&event("clerk1", AuditKind::Revealed, "2026-000001"))
        .unwrap();
    let c = store
        .record_audit(&event("张主任", AuditKind::SignInFailed, ""))
        .unwrap();
    assert_eq!((a, b, c), (1, 2, 3));
    let all = store.audit_log(0, 10).unwrap();
    let kinds: Vec<_> = all.iter().map(|(n, e)| (*n, e.kind)).collect();
    assert_eq!(
        kinds,
        [
            (1, AuditKind::SignedIn),
            (2, AuditKind::Revealed),
            (3, AuditKind::SignInFailed)
        ]
    );
    assert_eq!(all[2].1.operator, "张主任");
    let tail = store.audit_log(2, 1).unwrap();
    assert_eq!(tail.len(), 1);
    assert_eq!(tail[0].1.subject, "2026-000001");
}

for_both_backends!(events_come_back_in_order_numbered_from_one);

#[test]
fn the_log_survives_a_reopen_and_numbering_continues() {
    let mut db = TempSled::new();
    db.store()
        .record_audit(&event("clerk1", AuditKind::SignedIn, ""))
        .unwrap();
    let store = db.reopen();
    assert_eq!(store.audit_log(0, 10).unwrap().len(), 1);
    let next = store
        .record_audit(&event("clerk1", AuditKind::SignedOut, ""))
        .unwrap();
    assert_eq!(next, 2);
}

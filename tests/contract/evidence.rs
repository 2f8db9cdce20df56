//! Every change to the records leaves exactly one event in the evidence log, written with the
//! change: who, when, what and about which numbers; a refused change leaves none. A store
//! that nobody damaged checks clean.

use xfdesk::domain::audit::{AuditEvent, AuditKind};
use xfdesk::domain::deadline::Extension;
use xfdesk::domain::lifecycle::Move;
use xfdesk::domain::matter::MatterChange;
use xfdesk::domain::organisation::NewLeader;
use xfdesk::domain::supervision::Escalation;
use xfdesk::store::Store;

use super::fixtures::*;
use super::matters::{department, leader, stamp, transfer};
use super::scenario::desk_days;

fn log(store: &dyn Store) -> Vec<AuditEvent> {
    store
        .audit_log(0, usize::MAX)
        .unwrap()
        .into_iter()
        .map(|(_, e)| e)
        .collect()
}

fn a_batch_registration_leaves_one_event_per_visit_in_order(store: &dyn Store) {
    let first = store.register_visit(&walk_in("张三", nov(2, 9))).unwrap();
    let batch = store
        .register_visits(&[
            walk_in("李四", nov(3, 9)),
            walk_in("王芳", nov(3, 10)),
            walk_in("张三", nov(3, 11)).again_on(&first),
        ])
        .unwrap();
    let events = log(store);
    assert_eq!(events.len(), 4, "{events:#?}");
    assert!(events.iter().all(|e| e.kind == AuditKind::VisitRegistered));
    let registered = std::iter::once(&first).chain(&batch);
    for (event, done) in events.iter().zip(registered) {
        assert_eq!(event.at, done.visit.received_at);
        assert_eq!(event.operator, "登记员甲");
        assert!(
            event
                .subject
                .contains(&format!("visit:{}", done.visit.number)),
            "{event:?}"
        );
        assert!(event.names_matter(&done.case.number.to_string()));
        let detail = if done.new_case { "new" } else { "linked" };
        assert_eq!(event.detail, detail);
    }
    assert_eq!(events[3].detail, "linked", "张三's second visit continues");
    assert!(events[3].names_matter(&first.case.number.to_string()));
}

fn every_kind_of_matter_change_leaves_its_event(store: &dyn Store) {
    let done = store.register_visit(&walk_in("张三", nov(2, 9))).unwrap();
    let id = done.case.id;
    let (li, wang) = (leader(store, "李明"), leader(store, "王红"));
    let lead = department(store, "县人社局");
    let before = log(store).len();
    let on = stamp(3, "李文");
    let changes = [
        MatterChange::Step {
            step: Move::Accept,
            note: "材料齐全".into(),
        },
        MatterChange::Step {
            step: Move::Assign {
                department: lead,
                co_departments: vec![],
            },
            note: String::new(),
        },
        MatterChange::Step {
            step: Move::StartHandling,
            note: String::new(),
        },
        MatterChange::Appoint {
            leader: li,
            note: "班子决定".into(),
        },
        MatterChange::Transfer {
            transfer: transfer(wang, "分工调整"),
            note: String::new(),
        },
        MatterChange::CollectiveStudy {
            flagged: true,
            note: "涉及多人".into(),
        },
        MatterChange::Team(vec!["赵强".into(), "钱敏".into()]),
        MatterChange::Plan("先核实工资表".into()),
        MatterChange::Tier(Some("复杂".into())),
        MatterChange::Extend {
            extension: Extension {
                days: 10,
                reason: "需现场核查".into(),
                approved_by: "张科长".into(),
            },
            max_total_days: 30,
            due: None,
        },
        MatterChange::Urge {
            level: Escalation::Reminder,
            department: None,
            response_by: nov(10, 9).date(),
            text: "请报送办理情况".into(),
        },
    ];
    for change in &changes {
        store.change_matter(id, change, &on).unwrap();
    }
    let number = match store
        .matter(id)
        .unwrap()
        .unwrap()
        .ledger
        .last()
        .map(|e| &e.what)
    {
        Some(xfdesk::domain::ledger::EventKind::Urged { number, .. }) => *number,
        other => panic!("the last entry is the reminder, not {other:?}"),
    };
    store
        .change_matter(id, &MatterChange::AnswerUrge { number }, &stamp(4, "赵强"))
        .unwrap();

    let events = log(store).split_off(before);
    let kinds: Vec<AuditKind> = events.iter().map(|e| e.kind).collect();
    use AuditKind::*;
    assert_eq!(
        kinds,
        [
            MatterMoved,
            MatterMoved,
            MatterMoved,
            ResponsibilityAppointed,
            ResponsibilityTransferred,
            CollectiveStudySet,
            TeamSet,
            PlanSet,
            TierSet,
            Extended,
            Urged,
            UrgeAnswered
        ]
    );
    let number_text = done.case.number.to_string();
    assert!(events.iter().all(|e| e.names_matter(&number_text)));
    assert!(
        events[..11]
            .iter()
            .all(|e| e.operator == "李文" && e.at == on.at)
    );
    assert_eq!(events[11].operator, "赵强");
    assert_eq!(events[0].detail, "材料齐全");
    assert!(
        events[0].subject.contains("state:Accepted"),
        "{:?}",
        events[0]
    );
    assert!(
        events[1]
            .subject
            .contains(&format!("department:{}", lead.0))
    );
    assert!(events[4].subject.contains(&format!("leader:{}", wang.0)));
    assert_eq!(events[4].detail, "分工调整");
    assert_eq!(events[6].detail, "赵强、钱敏");
    assert_eq!(events[9].detail, "需现场核查");
    assert!(events[10].subject.contains("urge:2026-1"));
    assert!(events[11].subject.contains("urge:2026-1"));
}

fn leader_and_department_changes_leave_their_events(store: &dyn Store) {
    let by = admin();
    let li = leader(store, "李明");
    let edit = NewLeader {
        name: "李明".into(),
        title: "县长".into(),
        portfolio: String::new(),
    };
    store.edit_leader(li, &edit, &by).unwrap();
    store.set_leader_active(li, false, &by).unwrap();
    store.set_leader_active(li, true, &by).unwrap();
    store.delete_leader(li, &by).unwrap();
    let hr = department(store, "县人社局");
    store.set_department_active(hr, false, &by).unwrap();
    store.delete_department(hr, &by).unwrap();

    let seen: Vec<(AuditKind, String, String)> = log(store)
        .into_iter()
        .map(|e| (e.kind, e.subject, e.detail))
        .collect();
    let l = |kind| (kind, format!("leader:{}", li.0), "李明".to_string());
    let d = |kind| (kind, format!("department:{}", hr.0), "县人社局".to_string());
    use AuditKind::*;
    assert_eq!(
        seen,
        [
            l(OrgAdded),
            l(OrgEdited),
            l(OrgDeactivated),
            l(OrgActivated),
            l(OrgDeleted),
            d(OrgAdded),
            d(OrgDeactivated),
            d(OrgDeleted),
        ]
    );
    assert!(
        log(store)
            .iter()
            .all(|e| e.operator == by.by && e.at == by.at)
    );
}

fn a_refused_or_empty_change_leaves_no_event(store: &dyn Store) {
    let zhang = store.register_visit(&walk_in("张三", nov(2, 9))).unwrap();
    let li = store.register_visit(&walk_in("李四", nov(2, 10))).unwrap();
    let wang = leader(store, "王红");
    store
        .set_plan(zhang.case.id, "先核实", &stamp(3, "李文"))
        .unwrap();
    let before = log(store);

    assert!(
        store
            .apply_move(zhang.case.id, Move::Close, "", &stamp(3, "李文"))
            .is_err()
    );
    let other = walk_in("李四", nov(4, 9)).again_on(&li);
    let mut stolen = other.clone();
    stolen.existing_petitioner = Some(zhang.petitioner.id);
    assert!(
        store
            .register_visits(&[walk_in("王芳", nov(4, 9)), stolen])
            .is_err(),
        "a batch with one refused visit writes none"
    );
    let dup = NewLeader {
        name: "王红".into(),
        title: String::new(),
        portfolio: String::new(),
    };
    assert!(store.add_leader(&dup, &admin()).is_err());
    assert!(store.delete_leader(wang, &admin()).is_ok());
    assert!(store.delete_leader(wang, &admin()).is_err(), "already gone");
    store
        .set_plan(zhang.case.id, "先核实", &stamp(5, "李文"))
        .unwrap();

    let after = log(store);
    assert_eq!(after.len(), before.len() + 1, "only the delete: {after:#?}");
    assert_eq!(after.last().map(|e| e.kind), Some(AuditKind::OrgDeleted));
}

fn a_store_nobody_damaged_checks_clean(store: &dyn Store) {
    let done = desk_days(store);
    let id = done[0].case.id;
    store
        .apply_move(id, Move::Accept, "", &stamp(20, "李文"))
        .unwrap();
    store
        .set_collective_study(id, true, "", &stamp(20, "李文"))
        .unwrap();
    let report = store.check().unwrap();
    assert!(report.is_clean(), "{report:#?}");
    assert_eq!(report.visits, store.visit_count().unwrap());
    assert_eq!(report.audit_entries, log(store).len() as u64);
    assert!(
        report.audit_entries > report.visits,
        "visits, org and changes"
    );
}

for_both_backends!(
    a_batch_registration_leaves_one_event_per_visit_in_order,
    every_kind_of_matter_change_leaves_its_event,
    leader_and_department_changes_leave_their_events,
    a_refused_or_empty_change_leaves_no_event,
    a_store_nobody_damaged_checks_clean,
);

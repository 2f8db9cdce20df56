//! A matter's life as the store keeps it: steps, the ledger (台帐), the case package (包案) and
//! first-receiving responsibility (首接负责), and the lists that follow the matters.

use xfdesk::domain::case::{CaseId, CaseState};
use xfdesk::domain::ledger::{EventKind, Stamp};
use xfdesk::domain::lifecycle::{Move, MoveDataError};
use xfdesk::domain::matter::{Matter, MatterError, Package};
use xfdesk::domain::organisation::{DepartmentId, LeaderId, NewDepartment, NewLeader};
use xfdesk::domain::responsibility::{OnVisit, Transfer, TransferError};
use xfdesk::i18n::{Lang, Localize};
use xfdesk::store::{RecordRef, Registered, Store, StoreError};

use super::fixtures::*;

pub fn stamp(day: u32, by: &str) -> Stamp {
    Stamp::new(nov(day, 15), by)
}

pub fn leader(store: &dyn Store, name: &str) -> LeaderId {
    let new = NewLeader {
        name: name.into(),
        title: "副县长".into(),
        portfolio: "信访".into(),
    };
    store.add_leader(&new, &admin()).unwrap().id
}

pub fn department(store: &dyn Store, name: &str) -> DepartmentId {
    let new = NewDepartment {
        name: name.into(),
        contact: "赵科长".into(),
        phone: None,
    };
    store.add_department(&new, &admin()).unwrap().id
}

pub fn matter(store: &dyn Store, id: CaseId) -> Matter {
    store.matter(id).unwrap().expect("the matter exists")
}

pub fn kinds(m: &Matter) -> Vec<EventKind> {
    m.ledger.iter().map(|e| e.what.clone()).collect()
}

pub fn transfer(to: LeaderId, reason: &str) -> Transfer {
    Transfer {
        to,
        reason: reason.into(),
        approved_by: "王局长".into(),
    }
}

fn every_legal_step_is_kept_in_the_ledger_in_order(store: &dyn Store) {
    let lead = department(store, "县人社局");
    let help = department(store, "县住建局");
    let done = store.register_visit(&walk_in("张三", nov(2, 9))).unwrap();
    let id = done.case.id;
    let steps = [
        (Move::Accept, "材料齐全"),
        (
            Move::Assign {
                department: lead,
                co_departments: vec![help],
            },
            "",
        ),
        (Move::StartHandling, ""),
        (
            Move::Answer {
                text: "已督促企业支付".into(),
            },
            "书面答复",
        ),
        (Move::Close, ""),
        (Move::Settle, "信访人表示满意"),
        (Move::Archive, ""),
    ];
    let mut expected = vec![(nov(2, 9), "登记员甲".to_string(), String::new())];
    for (day, (step, note)) in (3..).zip(steps.clone()) {
        let by = format!("办理员{day}");
        let after = store.apply_move(id, step, note, &stamp(day, &by)).unwrap();
        assert_eq!(
            after,
            matter(store, id),
            "what is returned is what is stored"
        );
        expected.push((nov(day, 15), by, note.to_string()));
    }

    let m = matter(store, id);
    assert_eq!(m.state(), CaseState::Archived);
    assert_eq!(store.case(id).unwrap().unwrap().state, CaseState::Archived);
    assert_eq!(m.package.department, Some(lead));
    assert_eq!(m.package.co_departments, [help]);
    let written: Vec<_> = m
        .ledger
        .iter()
        .map(|e| (e.at, e.by.clone(), e.note.clone()))
        .collect();
    assert_eq!(written, expected, "who, when and the note, oldest first");
    assert_eq!(
        m.ledger[0].what,
        EventKind::Registered {
            visit: done.visit.id
        }
    );
    let mut from = CaseState::Registered;
    for (event, (step, _)) in m.ledger[1..].iter().zip(steps) {
        let EventKind::Moved {
            from: f,
            to,
            step: s,
        } = &event.what
        else {
            panic!("expected a step, got {:?}", event.what);
        };
        assert_eq!((*f, s), (from, &step));
        from = *to;
    }
}

fn a_refused_change_writes_nothing(store: &dyn Store) {
    let done = store.register_visit(&walk_in("李四", nov(2, 9))).unwrap();
    let id = done.case.id;
    let before = matter(store, id);

    let err = store
        .apply_move(id, Move::Close, "", &stamp(3, "李文"))
        .unwrap_err();
    let StoreError::Matter(MatterError::Illegal(illegal)) = &err else {
        panic!("expected an illegal step, got {err:?}");
    };
    assert_eq!(illegal.from, CaseState::Registered);
    assert!(
        err.localize(Lang::Zh).contains("可以:受理"),
        "{}",
        err.localize(Lang::Zh)
    );

    let blank = Move::NotAccept { reason: " ".into() };
    let err = store
        .apply_move(id, blank, "", &stamp(3, "李文"))
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::Matter(MatterError::Data(MoveDataError::ReasonRequired))
    ));
    let err = store
        .transfer_responsibility(id, transfer(LeaderId(99), "调整"), "", &stamp(3, "李文"))
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::Matter(MatterError::Transfer(TransferError::NobodyHolds))
    ));

    assert_eq!(matter(store, id), before, "nothing was written");
    assert_eq!(
        store.cases_in_state(CaseState::Registered, 10).unwrap(),
        [done.case]
    );
    assert!(
        store
            .cases_in_state(CaseState::Closed, 10)
            .unwrap()
            .is_empty()
    );

    let missing = CaseId(id.0 + 1000);
    assert_eq!(store.matter(missing).unwrap(), None);
    assert!(matches!(
        store.apply_move(missing, Move::Accept, "", &stamp(3, "李文")),
        Err(StoreError::NotFound(RecordRef::Case(n))) if n == missing.0
    ));
}

fn the_first_receiving_leader_holds_the_matter_until_an_approved_transfer(store: &dyn Store) {
    let (wang, li) = (leader(store, "王明"), leader(store, "李强"));
    let first = store
        .register_visit(&walk_in("张三", nov(4, 9)).at_reception_of(wang))
        .unwrap();
    assert_eq!(first.responsibility, OnVisit::Set(wang));
    let second = store
        .register_visit(
            &walk_in("张三", nov(11, 9))
                .again_on(&first)
                .at_reception_of(li),
        )
        .unwrap();
    assert_eq!(
        second.responsibility,
        OnVisit::KeptFirst {
            holder: wang,
            receiving: li
        },
        "the desk can tell the clerk who already holds it"
    );
    assert_eq!(store.receiving_leader(first.visit.id).unwrap(), Some(wang));
    assert_eq!(store.receiving_leader(second.visit.id).unwrap(), Some(li));

    let id = first.case.id;
    let m = matter(store, id);
    assert_eq!(m.package.responsible, Some(wang));
    assert_eq!(store.responsible_leader(id).unwrap(), Some(wang));
    let (v1, v2) = (first.visit.id, second.visit.id);
    assert_eq!(
        kinds(&m),
        [
            EventKind::Registered { visit: v1 },
            EventKind::ResponsibilitySet {
                leader: wang,
                visit: Some(v1)
            },
            EventKind::Revisited { visit: v2 },
            EventKind::ResponsibilityKept {
                holder: wang,
                receiving: li,
                visit: v2
            },
        ]
    );
    assert_eq!(m.ledger[2].at, nov(11, 9));

    let refused = store.transfer_responsibility(id, transfer(li, ""), "", &stamp(12, "李文"));
    assert!(matches!(
        refused,
        Err(StoreError::Matter(MatterError::Transfer(
            TransferError::ReasonRequired
        )))
    ));
    let moved = store
        .transfer_responsibility(
            id,
            transfer(li, "分管调整"),
            "县长办公会决定",
            &stamp(12, "李文"),
        )
        .unwrap();
    assert_eq!(moved.package.responsible, Some(li));
    assert_eq!(store.responsible_leader(id).unwrap(), Some(li));
    assert_eq!(moved.previous_holders(), [wang]);
    let last = matter(store, id).ledger.pop().unwrap();
    assert_eq!(
        last.what,
        EventKind::ResponsibilityTransferred {
            from: wang,
            to: li,
            reason: "分管调整".into(),
            approved_by: "王局长".into()
        }
    );
    assert_eq!(
        (last.note.as_str(), last.by.as_str()),
        ("县长办公会决定", "李文")
    );
}

fn a_matter_without_a_receiving_leader_has_the_default_package(store: &dyn Store) {
    let done = store.register_visit(&walk_in("王芳", nov(2, 9))).unwrap();
    assert_eq!(done.responsibility, OnVisit::Unchanged(None));
    assert_eq!(store.receiving_leader(done.visit.id).unwrap(), None);
    let m = matter(store, done.case.id);
    assert_eq!(m.package, Package::default());
    assert_eq!(store.responsible_leader(done.case.id).unwrap(), None);
    let unknown = xfdesk::domain::case::CaseId(done.case.id.0 + 1000);
    assert_eq!(store.responsible_leader(unknown).unwrap(), None);
    assert_eq!(m.case, done.case);
    assert_eq!(
        kinds(&m),
        [EventKind::Registered {
            visit: done.visit.id
        }]
    );
}

fn team_plan_and_the_collective_study_list_are_kept(store: &dyn Store) {
    let reg = |name, day| store.register_visit(&walk_in(name, nov(day, 9))).unwrap();
    let (a, b, c) = (reg("张三", 2), reg("李四", 3), reg("王五", 4));
    let s = stamp(5, "李文");
    for r in [&c, &a, &b] {
        store
            .set_collective_study(r.case.id, true, "涉及多人", &s)
            .unwrap();
    }
    store
        .set_collective_study(b.case.id, false, "已分别处理", &s)
        .unwrap();
    let listed: Vec<_> = store.collective_study_cases().unwrap();
    assert_eq!(
        listed,
        [a.case.clone(), c.case.clone()],
        "oldest opened first"
    );

    let once = matter(store, a.case.id);
    let again = store.set_collective_study(a.case.id, true, "", &s).unwrap();
    assert_eq!(again, once, "flagging twice writes nothing");
    assert_eq!(matter(store, a.case.id), once);
    assert_eq!(
        kinds(&matter(store, b.case.id))[1..],
        [
            EventKind::CollectiveStudy { flagged: true },
            EventKind::CollectiveStudy { flagged: false }
        ]
    );

    let team = ["张伟".to_string(), " 张伟".into(), "刘洋".into()];
    let m = store.set_team(a.case.id, &team, &s).unwrap();
    assert_eq!(m.package.team, ["张伟", "刘洋"]);
    let m = store.set_plan(a.case.id, " 先核实工资台账 ", &s).unwrap();
    assert_eq!(m.package.plan, "先核实工资台账");
    let m = matter(store, a.case.id);
    assert!(m.package.collective_study);
    assert_eq!(
        kinds(&m)[2..],
        [
            EventKind::TeamChanged {
                team: vec!["张伟".into(), "刘洋".into()]
            },
            EventKind::PlanChanged {
                plan: "先核实工资台账".into()
            }
        ]
    );
}

/// Every state's list agrees with the records: each matter is listed under its state only.
pub fn assert_state_lists_agree(store: &dyn Store, all: &[&Registered]) {
    for state in CaseState::ALL {
        let listed: Vec<CaseId> = store
            .cases_in_state(state, usize::MAX)
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect();
        let mut expected: Vec<_> = all
            .iter()
            .map(|r| matter(store, r.case.id).case)
            .filter(|c| c.state == state)
            .collect();
        expected.sort_by_key(|c| (c.opened_at, c.id));
        let expected: Vec<CaseId> = expected.iter().map(|c| c.id).collect();
        assert_eq!(listed, expected, "{state:?}");
    }
}

fn the_lists_by_state_follow_every_step(store: &dyn Store) {
    let reg = |name, day| store.register_visit(&walk_in(name, nov(day, 9))).unwrap();
    let all = [
        reg("张三", 2),
        reg("李四", 3),
        reg("王五", 4),
        reg("赵六", 5),
    ];
    let refs: Vec<&Registered> = all.iter().collect();
    assert_state_lists_agree(store, &refs);
    let step = |r: &Registered, m: Move| {
        store
            .apply_move(r.case.id, m, "", &stamp(9, "李文"))
            .unwrap();
        assert_state_lists_agree(store, &refs);
    };
    step(&all[0], Move::Accept);
    step(&all[2], Move::Accept);
    step(
        &all[1],
        Move::Forward {
            to: "市自然资源局".into(),
        },
    );
    step(
        &all[0],
        Move::Assign {
            department: DepartmentId(1),
            co_departments: vec![],
        },
    );
    step(&all[1], Move::Archive);
    let accepted = store.cases_in_state(CaseState::Accepted, 1).unwrap();
    assert_eq!(accepted.len(), 1, "the limit holds");
    assert_eq!(accepted[0].id, all[2].case.id);
    // A later visit to a matter moves nothing out of its state.
    store
        .register_visit(&walk_in("王五", nov(12, 9)).again_on(&all[2]))
        .unwrap();
    assert_state_lists_agree(store, &refs);
}

for_both_backends!(
    every_legal_step_is_kept_in_the_ledger_in_order,
    a_refused_change_writes_nothing,
    the_first_receiving_leader_holds_the_matter_until_an_approved_transfer,
    a_matter_without_a_receiving_leader_has_the_default_package,
    team_plan_and_the_collective_study_list_are_kept,
    the_lists_by_state_follow_every_step,
);

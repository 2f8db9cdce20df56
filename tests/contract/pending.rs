//! The pending list the reports read: one row per open matter, kept with every registration
//! and change; reminder and supervision numbers per year; changes in one batch.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use xfdesk::domain::case::{CaseId, CaseState};
use xfdesk::domain::deadline::{Extension, Stage, StageClock};
use xfdesk::domain::ledger::{EventKind, Stamp};
use xfdesk::domain::lifecycle::Move;
use xfdesk::domain::matter::{MatterChange, MatterError};
use xfdesk::domain::pending::MatterRow;
use xfdesk::domain::supervision::{Escalation, UrgeNo};
use xfdesk::store::{Registered, Store, StoreError};

use super::fixtures::*;
use super::matters::{department, leader, matter};
use super::scenario::desk_days;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn stamp_on(y: i32, m: u32, d: u32) -> Stamp {
    Stamp::new(at(y, m, d, 15, 0), "督办员")
}

pub fn rows(store: &dyn Store) -> BTreeMap<CaseId, MatterRow> {
    let rows = store.pending_matters().unwrap();
    let count = rows.len();
    let by_id: BTreeMap<_, _> = rows.into_iter().map(|r| (r.id, r)).collect();
    assert_eq!(by_id.len(), count, "one row per matter");
    by_id
}

pub fn row(store: &dyn Store, id: CaseId) -> Option<MatterRow> {
    rows(store).remove(&id)
}

pub fn step(store: &dyn Store, id: CaseId, step: Move, on: Stamp) {
    store.apply_move(id, step, "", &on).unwrap();
}

pub fn urge(level: Escalation, by: NaiveDate, text: &str) -> MatterChange {
    MatterChange::Urge {
        level,
        department: None,
        response_by: by,
        text: text.into(),
    }
}

/// The number of the reminder or supervision last written on the matter.
pub fn last_number(store: &dyn Store, id: CaseId) -> UrgeNo {
    matter(store, id)
        .ledger
        .iter()
        .rev()
        .find_map(|e| match e.what {
            EventKind::Urged { number, .. } => Some(number),
            _ => None,
        })
        .expect("an urge was written")
}

/// Accepted, assigned and in handling on 3 November.
pub fn in_handling(store: &dyn Store, name: &str) -> Registered {
    let done = store.register_visit(&walk_in(name, nov(2, 9))).unwrap();
    let dept = department(store, &format!("{name}的承办单位"));
    let id = done.case.id;
    step(store, id, Move::Accept, stamp_on(2026, 11, 3));
    let assign = Move::Assign {
        department: dept,
        co_departments: vec![],
    };
    step(store, id, assign, stamp_on(2026, 11, 3));
    step(store, id, Move::StartHandling, stamp_on(2026, 11, 3));
    done
}

fn rows_appear_on_registration_follow_moves_and_vanish_on_close(store: &dyn Store) {
    let wang = leader(store, "王明");
    let zhang = store
        .register_visit(&walk_in("张三", nov(2, 9)).at_reception_of(wang))
        .unwrap();
    let id = zhang.case.id;
    let first = row(store, id).expect("a new matter is pending");
    assert_eq!(first.petitioner, "张三");
    assert_eq!(first.number, zhang.case.number);
    assert_eq!(first.state, CaseState::Registered);
    assert_eq!(first.responsible, Some(wang));
    let clock = first.clock.expect("forwarding or assigning runs");
    assert_eq!(
        (clock.stage, clock.start),
        (Stage::ForwardOrAssign, day(2026, 11, 2))
    );

    let dept = department(store, "县人社局");
    step(store, id, Move::Accept, stamp_on(2026, 11, 4));
    let assign = Move::Assign {
        department: dept,
        co_departments: vec![],
    };
    step(store, id, assign, stamp_on(2026, 11, 5));
    let handled = row(store, id).unwrap();
    assert_eq!(handled.state, CaseState::Assigned);
    assert_eq!(handled.department, Some(dept));
    assert_eq!(handled.last_progress, day(2026, 11, 5));
    let clock = handled.clock.unwrap();
    assert_eq!(
        (clock.stage, clock.start),
        (Stage::Handle, day(2026, 11, 4))
    );

    store
        .register_visit(&walk_in("张三", nov(9, 10)).again_on(&zhang))
        .unwrap();
    assert_eq!(row(store, id).unwrap().last_revisit, Some(day(2026, 11, 9)));

    step(store, id, Move::StartHandling, stamp_on(2026, 11, 10));
    let answer = Move::Answer {
        text: "已督促支付".into(),
    };
    step(store, id, answer, stamp_on(2026, 11, 20));
    assert_eq!(row(store, id).unwrap().state, CaseState::Answered);
    step(store, id, Move::Close, stamp_on(2026, 11, 25));
    assert_eq!(row(store, id), None, "a closed matter is not pending");

    let li = store.register_visit(&walk_in("李四", nov(3, 9))).unwrap();
    let wang_wu = store.register_visit(&walk_in("王五", nov(3, 10))).unwrap();
    assert_eq!(rows(store).len(), 2);
    let not_accepted = Move::NotAccept {
        reason: "已进入诉讼程序".into(),
    };
    step(store, li.case.id, not_accepted, stamp_on(2026, 11, 4));
    let forward = Move::Forward {
        to: "县人民法院".into(),
    };
    step(store, wang_wu.case.id, forward, stamp_on(2026, 11, 4));
    assert!(rows(store).is_empty(), "both left the desk");
}

fn urge_numbers_run_per_year_and_series_and_a_refused_urge_uses_none(store: &dyn Store) {
    let a = in_handling(store, "张三").case.id;
    let b = in_handling(store, "李四").case.id;
    let by = day(2026, 11, 20);
    let on = stamp_on(2026, 11, 10);
    let no = |seq, level| UrgeNo {
        year: 2026,
        seq,
        level,
    };
    store
        .change_matter(a, &urge(Escalation::Reminder, by, "请报送进展"), &on)
        .unwrap();
    assert_eq!(last_number(store, a), no(1, Escalation::Reminder));
    store
        .change_matter(b, &urge(Escalation::Reminder, by, "请报送进展"), &on)
        .unwrap();
    assert_eq!(last_number(store, b), no(2, Escalation::Reminder));
    store
        .change_matter(a, &urge(Escalation::Notice, by, "督办"), &on)
        .unwrap();
    assert_eq!(
        last_number(store, a),
        no(1, Escalation::Notice),
        "supervision has its own series"
    );

    let refused = store.change_matter(b, &urge(Escalation::Reminder, by, " "), &on);
    assert!(matches!(
        refused,
        Err(StoreError::Matter(MatterError::UrgeTextRequired))
    ));
    let refused = store.change_matter(a, &urge(Escalation::Reminder, by, "催办"), &on);
    assert!(matches!(
        refused,
        Err(StoreError::Matter(MatterError::UrgeBelowOpen { .. }))
    ));
    store
        .change_matter(b, &urge(Escalation::Reminder, by, "再次催办"), &on)
        .unwrap();
    assert_eq!(last_number(store, b), no(3, Escalation::Reminder));

    let new_year = stamp_on(2027, 1, 4);
    store
        .change_matter(
            b,
            &urge(Escalation::Reminder, day(2027, 1, 10), "催办"),
            &new_year,
        )
        .unwrap();
    assert_eq!(
        last_number(store, b),
        UrgeNo {
            year: 2027,
            seq: 1,
            level: Escalation::Reminder
        }
    );
    let open: Vec<u32> = row(store, b)
        .unwrap()
        .open_urges
        .iter()
        .map(|(n, _)| n.seq)
        .collect();
    assert_eq!(open, [2, 3, 1], "the pending row lists them unanswered");
    let answer = MatterChange::AnswerUrge {
        number: no(2, Escalation::Reminder),
    };
    store.change_matter(b, &answer, &new_year).unwrap();
    assert_eq!(row(store, b).unwrap().open_urges.len(), 2);
}

fn a_batch_of_changes_is_written_whole_or_not_at_all(store: &dyn Store) {
    let a = store.register_visit(&walk_in("张三", nov(2, 9))).unwrap();
    let b = store.register_visit(&walk_in("李四", nov(2, 10))).unwrap();
    let (a, b) = (a.case.id, b.case.id);
    let before = (matter(store, a), matter(store, b), rows(store));
    let step = |step| MatterChange::Step {
        step,
        note: String::new(),
    };
    let on = stamp_on(2026, 11, 3);
    let bad = [
        (a, step(Move::Accept), on.clone()),
        (b, step(Move::Accept), on.clone()),
        (b, step(Move::Close), on.clone()),
    ];
    assert!(matches!(
        store.change_matters(&bad),
        Err(StoreError::Matter(MatterError::Illegal(_)))
    ));
    assert_eq!(
        (matter(store, a), matter(store, b), rows(store)),
        before,
        "nothing of the refused batch was written"
    );

    let good = [
        (a, step(Move::Accept), on.clone()),
        (b, step(Move::Accept), on.clone()),
        (
            a,
            urge(Escalation::Reminder, day(2026, 11, 9), "催办"),
            on.clone(),
        ),
        (
            b,
            urge(Escalation::Reminder, day(2026, 11, 9), "催办"),
            on.clone(),
        ),
        (b, MatterChange::Tier(Some("复杂".into())), on.clone()),
    ];
    store.change_matters(&good).unwrap();
    assert_eq!(matter(store, a).state(), CaseState::Accepted);
    assert_eq!(last_number(store, a).seq, 1);
    assert_eq!(last_number(store, b).seq, 2);
    let rows = rows(store);
    assert_eq!(
        rows[&b].clock.as_ref().unwrap().tier.as_deref(),
        Some("复杂")
    );
    assert_eq!(rows[&a], MatterRow::of(&matter(store, a), "张三"));
    assert!(store.change_matters(&[]).is_ok());
}

fn the_index_agrees_with_every_matter_after_a_mixed_scenario(store: &dyn Store) {
    let regs = desk_days(store);
    let (zhang, ouyang, shan, ouyang_second) = (&regs[0], &regs[1], &regs[2], &regs[5]);
    let dept = department(store, "县住建局");
    let on = stamp_on(2026, 11, 12);
    let step = |step| MatterChange::Step {
        step,
        note: String::new(),
    };
    let z = zhang.case.id;
    store
        .change_matters(&[
            (z, step(Move::Accept), on.clone()),
            (
                z,
                step(Move::Assign {
                    department: dept,
                    co_departments: vec![],
                }),
                on.clone(),
            ),
            (z, MatterChange::Plan("约谈企业".into()), on.clone()),
            (z, MatterChange::Tier(Some("复杂".into())), on.clone()),
        ])
        .unwrap();
    let extension = Extension {
        days: 15,
        reason: "需现场核查".into(),
        approved_by: "张科长".into(),
    };
    let extend = MatterChange::Extend {
        extension,
        max_total_days: 30,
        due: None,
    };
    store.change_matter(z, &extend, &on).unwrap();
    store
        .change_matter(z, &urge(Escalation::Notice, day(2026, 11, 20), "督办"), &on)
        .unwrap();
    let not_accepted = Move::NotAccept {
        reason: "不属于信访事项".into(),
    };
    store
        .apply_move(shan.case.id, not_accepted, "", &on)
        .unwrap();
    // 欧阳娜娜 comes again about her second matter and gives her name as corrected: her
    // first matter's row takes it too.
    let mut corrected = walk_in("欧阳娜", nov(13, 9)).again_on(ouyang_second);
    corrected.petitioner.id_number = None;
    store.register_visit(&corrected).unwrap();

    let rows = rows(store);
    let mut open = 0;
    let mut ids: Vec<CaseId> = regs.iter().map(|r| r.case.id).collect();
    ids.sort();
    ids.dedup();
    for id in ids {
        let m = matter(store, id);
        let owner = store.petitioner(m.case.petitioner_id).unwrap().unwrap();
        if m.state().is_open() {
            open += 1;
            assert_eq!(
                rows.get(&id),
                Some(&MatterRow::of(&m, &owner.person.name)),
                "matter {id:?}"
            );
        } else {
            assert!(!rows.contains_key(&id), "{id:?} is not open");
        }
    }
    assert_eq!(rows.len(), open, "no row without a matter");
    assert_eq!(rows[&ouyang.case.id].petitioner, "欧阳娜");
    let z_row = &rows[&z];
    assert_eq!(z_row.escalation, Some(Escalation::Notice));
    assert_eq!(
        z_row.clock,
        Some(StageClock {
            stage: Stage::Handle,
            start: day(2026, 11, 12),
            tier: Some("复杂".into()),
            extension_days: 15,
        })
    );
}

/// A hundred and forty matters, so that some share storage with others and some do not (the
/// sled store keeps rows in blocks of 128 ids): not accepting some (at the edges of a block
/// too), changing another and a visit on a third touch only their own rows.
fn neighbouring_matters_keep_their_own_rows(store: &dyn Store) {
    let names = [
        "张三", "李四", "王五", "赵六", "孙七", "周八", "吴九", "郑十",
    ];
    let visits: Vec<_> = (0..140u32)
        .map(|n| {
            let name = format!("{}{n}", names[n as usize % names.len()]);
            walk_in(&name, at(2026, 11, 2, 8 + n / 20, n % 20))
        })
        .collect();
    let ids = store.register_visits(&visits).unwrap();
    let before = rows(store);
    assert_eq!(before.len(), 140);
    let not_accepted = || Move::NotAccept {
        reason: "已进入诉讼程序".into(),
    };
    let gone = [0, 17, 126, 127, 128, 139].map(|i| ids[i].case.id);
    for id in gone {
        step(store, id, not_accepted(), stamp_on(2026, 11, 4));
    }
    let accepted = ids[18].case.id;
    step(store, accepted, Move::Accept, stamp_on(2026, 11, 5));
    let again = walk_in("李四1", nov(6, 9)).again_on(&ids[1]);
    store.register_visit(&again).unwrap();

    let after = rows(store);
    assert_eq!(after.len(), 134);
    for id in gone {
        assert!(
            !after.contains_key(&id),
            "a matter not accepted is not pending"
        );
    }
    assert_eq!(after[&accepted].state, CaseState::Accepted);
    for (id, row) in &before {
        if gone.contains(id) || *id == accepted || *id == ids[1].case.id {
            continue;
        }
        assert_eq!(&after[id], row, "an untouched neighbour keeps its row");
    }
    assert_eq!(after[&ids[1].case.id].petitioner, "李四1");
}

for_both_backends!(
    neighbouring_matters_keep_their_own_rows,
    rows_appear_on_registration_follow_moves_and_vanish_on_close,
    urge_numbers_run_per_year_and_series_and_a_refused_urge_uses_none,
    a_batch_of_changes_is_written_whole_or_not_at_all,
    the_index_agrees_with_every_matter_after_a_mixed_scenario,
);

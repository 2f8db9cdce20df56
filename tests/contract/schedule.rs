//! The reception schedule: sessions planned by hand and by rota, leaders swapped, unavailable
//! dates, appointments against a session's capacity and the queue of the day. Every change is
//! one event in the evidence log, a refused one leaves nothing; on disk it all survives a
//! reopen and `check` finds nothing wrong.

use chrono::{NaiveDate, NaiveTime};
use xfdesk::domain::audit::AuditKind;
use xfdesk::domain::calendar::HolidayCalendar;
use xfdesk::domain::case::CaseId;
use xfdesk::domain::organisation::LeaderId;
use xfdesk::domain::schedule::rota::{RotaRequest, generate};
use xfdesk::domain::schedule::{
    Appointment, ArrivalState, Mode, Origin, ReceptionSetting, ScheduleChange, ScheduleError,
    SessionId, SessionPlan,
};
use xfdesk::store::{RecordRef, Store, StoreError};

use super::fixtures::*;
use super::matters::{leader, stamp};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn plan(date: NaiveDate, leader: LeaderId) -> SessionPlan {
    SessionPlan {
        date,
        start: t(9, 0),
        end: t(12, 0),
        place: " 信访局接待大厅 ".into(),
        mode: Mode::KeyCase,
        leader,
        sitting_in: vec![],
        note: String::new(),
        carried: vec![],
    }
}

fn kinds(store: &dyn Store) -> Vec<AuditKind> {
    let log = store.audit_log(0, 1000).unwrap();
    log.into_iter()
        .map(|(_, e)| e.kind)
        .filter(|k| {
            use AuditKind::*;
            [
                SessionPlanned,
                SessionRemoved,
                RotaGenerated,
                LeadersSwapped,
                UnavailableSet,
                AppointmentBooked,
                AppointmentCancelled,
                ArrivalQueued,
                ArrivalAdvanced,
            ]
            .contains(k)
        })
        .collect()
}

fn add(store: &dyn Store, date: NaiveDate, leader: LeaderId) -> SessionId {
    let done = store
        .change_schedule(&ScheduleChange::Add(plan(date, leader)), &stamp(2, "sec1"))
        .unwrap();
    done.sessions[0].id
}

fn rota_keeps_hand_made_sessions_and_lists_by_date(store: &dyn Store) {
    let li = leader(store, "李建国");
    let wang = leader(store, "王秀英");
    let hand = add(store, d(3, 11), wang);
    let existing = store.sessions_between(d(3, 1), d(3, 31)).unwrap();
    let setting = ReceptionSetting::default();
    let rota = generate(
        &RotaRequest {
            from: d(3, 1),
            to: d(3, 31),
            leaders: &[li, wang],
            after: None,
            setting: &setting,
        },
        &existing,
        &store.unavailable().unwrap(),
        &HolidayCalendar::built_in(),
    );
    let done = store
        .change_schedule(&ScheduleChange::Rota(rota.planned), &stamp(2, "sup1"))
        .unwrap();
    assert_eq!(done.sessions.len(), 3);

    let listed = store.sessions_between(d(3, 1), d(3, 31)).unwrap();
    let got: Vec<_> = listed
        .iter()
        .map(|s| (s.plan.date, s.plan.leader, s.origin))
        .collect();
    assert_eq!(
        got,
        [
            (d(3, 4), li, Origin::Rota),
            (d(3, 11), wang, Origin::Hand),
            (d(3, 18), wang, Origin::Rota),
            (d(3, 25), li, Origin::Rota),
        ]
    );
    assert_eq!(listed[1].id, hand);
    assert_eq!(
        listed[1].plan.place, "信访局接待大厅",
        "the place is tidied"
    );
    assert_eq!(
        kinds(store),
        [AuditKind::SessionPlanned, AuditKind::RotaGenerated]
    );

    store
        .change_schedule(
            &ScheduleChange::Swap(listed[0].id, listed[1].id),
            &stamp(3, "sup1"),
        )
        .unwrap();
    let first = store.session(listed[0].id).unwrap().unwrap();
    assert_eq!(first.plan.leader, wang);
    assert_eq!(store.session(hand).unwrap().unwrap().plan.leader, li);
}

fn a_full_session_refuses_the_booking_and_writes_nothing(store: &dyn Store) {
    let li = leader(store, "李建国");
    let id = add(store, d(3, 4), li);
    let [seven, eight] = ["王秀英", "赵六"].map(|name| {
        store
            .register_visit(&walk_in(name, nov(2, 10)))
            .unwrap()
            .case
    });
    let book = |case: CaseId, slot| ScheduleChange::Book {
        session: id,
        appointment: Appointment {
            case,
            slot,
            note: "重点约访".into(),
        },
        capacity: 1,
    };
    store
        .change_schedule(&book(seven.id, t(10, 0)), &stamp(2, "sec1"))
        .unwrap();
    // The evidence log names the matter by its number, as people know it.
    let log = store.audit_log(0, 1000).unwrap();
    let booked = log.last().unwrap();
    assert_eq!(booked.1.kind, AuditKind::AppointmentBooked);
    assert!(
        booked
            .1
            .subject
            .contains(&format!("matter:{}", seven.number)),
        "{}",
        booked.1.subject
    );
    let before = store.audit_log(0, 1000).unwrap().len();
    match store.change_schedule(&book(eight.id, t(10, 30)), &stamp(2, "sec1")) {
        Err(StoreError::Schedule(ScheduleError::Full { capacity: 1 })) => {}
        other => panic!("expected a full session, got {other:?}"),
    }
    assert_eq!(store.audit_log(0, 1000).unwrap().len(), before);
    // A matter that does not exist cannot be booked.
    match store.change_schedule(&book(CaseId(9_999), t(11, 0)), &stamp(2, "sec1")) {
        Err(StoreError::NotFound(RecordRef::Case(9_999))) => {}
        other => panic!("expected an unknown matter, got {other:?}"),
    }
    let of_matter = store.appointments_of_matter(seven.id).unwrap();
    assert_eq!(of_matter.len(), 1);
    assert_eq!((of_matter[0].0.id, of_matter[0].1.slot), (id, t(10, 0)));
    assert!(store.appointments_of_matter(eight.id).unwrap().is_empty());
    match store.change_schedule(&ScheduleChange::Remove(id), &stamp(2, "sup1")) {
        Err(StoreError::Schedule(ScheduleError::SessionInUse)) => {}
        other => panic!("a session with an appointment must stay, got {other:?}"),
    }
}

fn the_queue_numbers_arrivals_and_follows_them(store: &dyn Store) {
    let li = leader(store, "李建国");
    let id = add(store, d(3, 4), li);
    let arrive = |name: &str| ScheduleChange::Arrive {
        session: id,
        name: name.into(),
        case: None,
    };
    let one = store
        .change_schedule(&arrive("张三"), &stamp(4, "clerk1"))
        .unwrap();
    let two = store
        .change_schedule(&arrive("李四"), &stamp(4, "clerk1"))
        .unwrap();
    assert_eq!((one.number, two.number), (Some(1), Some(2)));
    store
        .change_schedule(
            &ScheduleChange::Advance {
                session: id,
                number: 2,
                state: ArrivalState::BeingReceived,
                visit: None,
            },
            &stamp(4, "sec1"),
        )
        .unwrap();
    let queue = store.session(id).unwrap().unwrap().queue;
    let states: Vec<_> = queue.iter().map(|a| (a.name.as_str(), a.state)).collect();
    assert_eq!(
        states,
        [
            ("张三", ArrivalState::Waiting),
            ("李四", ArrivalState::BeingReceived)
        ]
    );
    assert_eq!(
        kinds(store),
        [
            AuditKind::SessionPlanned,
            AuditKind::ArrivalQueued,
            AuditKind::ArrivalQueued,
            AuditKind::ArrivalAdvanced
        ]
    );
    match store.change_schedule(
        &ScheduleChange::Arrive {
            session: SessionId(999),
            name: "王五".into(),
            case: None,
        },
        &stamp(4, "clerk1"),
    ) {
        Err(StoreError::NotFound(RecordRef::Session(999))) => {}
        other => panic!("expected no such session, got {other:?}"),
    }
}

fn unavailable_dates_are_kept_per_leader_and_cleared(store: &dyn Store) {
    let li = leader(store, "李建国");
    let mark = |date, unavailable| ScheduleChange::Unavailable {
        leader: li,
        date,
        unavailable,
    };
    store
        .change_schedule(&mark(d(3, 4), true), &stamp(2, "sup1"))
        .unwrap();
    store
        .change_schedule(&mark(d(3, 11), true), &stamp(2, "sup1"))
        .unwrap();
    store
        .change_schedule(&mark(d(3, 4), false), &stamp(2, "sup1"))
        .unwrap();
    let dates: Vec<_> = store.unavailable().unwrap()[&li].iter().copied().collect();
    assert_eq!(dates, [d(3, 11)]);
    assert_eq!(kinds(store), [AuditKind::UnavailableSet; 3]);
}

/// The visit of an arrival being received and the arrival marked received are one step: both
/// or neither. A queue that refuses (no such number) leaves no visit behind.
fn a_received_arrivals_visit_and_its_mark_are_one_step(store: &dyn Store) {
    let li = leader(store, "李建国");
    let id = add(store, d(3, 4), li);
    let arrive = ScheduleChange::Arrive {
        session: id,
        name: "欧阳明月".into(),
        case: None,
    };
    store.change_schedule(&arrive, &stamp(4, "sec1")).unwrap();
    let receiving = ScheduleChange::Advance {
        session: id,
        number: 1,
        state: ArrivalState::BeingReceived,
        visit: None,
    };
    store
        .change_schedule(&receiving, &stamp(4, "sec1"))
        .unwrap();
    let visits_before = store.visit_count().unwrap();

    let refused =
        store.register_received(&walk_in("欧阳明月", nov(4, 9)), id, 7, &stamp(4, "sec1"));
    assert!(refused.is_err(), "{refused:?}");
    assert_eq!(
        store.visit_count().unwrap(),
        visits_before,
        "no visit without its mark"
    );

    let done = store
        .register_received(&walk_in("欧阳明月", nov(4, 9)), id, 1, &stamp(4, "sec1"))
        .unwrap();
    assert_eq!(store.visit_count().unwrap(), visits_before + 1);
    let arrival = &store.session(id).unwrap().unwrap().queue[0];
    assert_eq!(arrival.state, ArrivalState::Done);
    assert_eq!(arrival.visit, Some(done.visit.id));
    assert_eq!(
        kinds(store).last(),
        Some(&AuditKind::ArrivalAdvanced),
        "the mark is in the evidence log"
    );
}

for_both_backends!(
    a_received_arrivals_visit_and_its_mark_are_one_step,
    rota_keeps_hand_made_sessions_and_lists_by_date,
    a_full_session_refuses_the_booking_and_writes_nothing,
    the_queue_numbers_arrivals_and_follows_them,
    unavailable_dates_are_kept_per_leader_and_cleared,
);

#[test]
fn the_schedule_survives_a_reopen_and_checks_clean() {
    let mut db = TempSled::new();
    let li = leader(db.store(), "李建国");
    let id = add(db.store(), d(3, 4), li);
    db.store()
        .change_schedule(
            &ScheduleChange::Unavailable {
                leader: li,
                date: d(3, 11),
                unavailable: true,
            },
            &stamp(2, "sup1"),
        )
        .unwrap();
    let store = db.reopen();
    assert_eq!(store.session(id).unwrap().unwrap().plan.leader, li);
    assert!(store.unavailable().unwrap()[&li].contains(&d(3, 11)));
    let report = store.check().unwrap();
    assert!(report.is_clean(), "{:?}", report.problems);
    // A new record after the reopen does not reuse the session's id.
    assert_ne!(leader(store, "王秀英").0, id.0);
}

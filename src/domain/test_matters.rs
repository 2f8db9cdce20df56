//! Matters for the unit tests of the clock, the pending rows, the signals and the reports:
//! built through `Matter`'s own actions, on dates a clerk can check on a wall calendar.

use chrono::NaiveDate;

use super::case::{Case, CaseId, CaseState};
use super::ledger::Stamp;
use super::lifecycle::Move;
use super::matter::{Matter, Package};
use super::organisation::DepartmentId;
use super::petitioner::PetitionerId;
use super::serial::SerialNo;
use super::visit::{Kind, VisitId};

/// Document number `seq` of 2026 at `level`.
pub fn no(seq: u32, level: super::supervision::Escalation) -> super::supervision::UrgeNo {
    super::supervision::UrgeNo {
        year: 2026,
        seq,
        level,
    }
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// An operator acting at 10:00 on `date`.
pub fn on(date: NaiveDate) -> Stamp {
    Stamp::new(date.and_hms_opt(10, 0, 0).unwrap(), "李文")
}

/// Matter #`id`, its first visit registered at 09:00 on `date`.
pub fn opened(id: u64, date: NaiveDate) -> Matter {
    let at = date.and_hms_opt(9, 0, 0).unwrap();
    let case = Case {
        id: CaseId(id),
        number: SerialNo {
            year: 2026,
            seq: id as u32,
        },
        petitioner_id: PetitionerId(100 + id),
        first_visit: VisitId(1000 + id),
        opened_at: at,
        last_visit_at: at,
        visit_count: 1,
        kind: Kind::Appeal,
        category: "劳动社保".into(),
        summary: "讨要工资".into(),
        state: CaseState::Registered,
    };
    let mut m = Matter::new(case, Package::default(), Vec::new());
    let stamp = Stamp::new(at, "登记员甲");
    m.note_visit(VisitId(1000 + id), None, &stamp);
    m
}

pub fn step(m: &mut Matter, step: Move, date: NaiveDate) {
    m.apply(step, "", &on(date)).unwrap();
}

pub fn assign() -> Move {
    Move::Assign {
        department: DepartmentId(4),
        co_departments: vec![],
    }
}

pub fn answer() -> Move {
    Move::Answer {
        text: "已答复".into(),
    }
}

/// Opened on `opened`, accepted on `accepted`, then assigned and in handling the same day.
pub fn handling(id: u64, opened_on: NaiveDate, accepted: NaiveDate) -> Matter {
    let mut m = opened(id, opened_on);
    step(&mut m, Move::Accept, accepted);
    step(&mut m, assign(), accepted);
    step(&mut m, Move::StartHandling, accepted);
    m
}

/// A later visit on the matter at 09:00 on `date`.
pub fn revisit(m: &mut Matter, visit: u64, date: NaiveDate) {
    let stamp = Stamp::new(date.and_hms_opt(9, 0, 0).unwrap(), "登记员甲");
    m.note_visit(VisitId(visit), None, &stamp);
}

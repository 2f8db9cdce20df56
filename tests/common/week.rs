//! A week of reception sessions to test the schedule screens on: two leaders, one with a long
//! minority name; a hand-made session on Wednesday 18 November (the tests' today) with a
//! department sitting in, and a 带案下访 on Friday.

use std::sync::Arc;

use chrono::{NaiveDate, NaiveTime};
use xfdesk::app::Screen;
use xfdesk::domain::ledger::Stamp;
use xfdesk::domain::organisation::{LeaderId, NewDepartment, NewLeader};
use xfdesk::domain::permission::Role;
use xfdesk::domain::schedule::{Mode, ScheduleChange, SessionPlan};
use xfdesk::i18n::Lang;
use xfdesk::store::Store;
use xfdesk::store::memory::MemoryStore;

use super::{TestDesk, admin, desk_as};

pub fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

pub fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

pub fn leader(name: &str, title: &str, portfolio: &str) -> NewLeader {
    NewLeader {
        name: name.into(),
        title: title.into(),
        portfolio: portfolio.into(),
    }
}

pub fn sup() -> Stamp {
    Stamp::new(super::now(), "sup1")
}

/// Two leaders, one with a long minority name; a hand-made session today (Wednesday 18
/// November) with a department sitting in, and a 带案下访 on Friday.
pub fn store() -> (Arc<MemoryStore>, [LeaderId; 2]) {
    let store = Arc::new(MemoryStore::new());
    let leaders = store
        .add_leaders(
            &[
                leader(
                    "阿依古丽·买买提",
                    "副县长",
                    "教育体育、卫生健康、民政、医疗保障",
                ),
                leader("李建国", "常务副县长", "财政、税务、发展改革"),
            ],
            &admin(),
        )
        .unwrap();
    let dept = store
        .add_department(
            &NewDepartment {
                name: "县自然资源局".into(),
                contact: "赵科长".into(),
                phone: None,
            },
            &admin(),
        )
        .unwrap();
    let ids = [leaders[0].id, leaders[1].id];
    let today = SessionPlan {
        date: d(11, 18),
        start: t(9, 0),
        end: t(12, 0),
        place: "县信访局接待大厅".into(),
        mode: Mode::FixedPlace,
        leader: ids[0],
        sitting_in: vec![dept.id],
        note: String::new(),
        carried: vec![],
    };
    let friday = SessionPlan {
        date: d(11, 20),
        start: t(14, 30),
        end: t(17, 30),
        place: "糯扎渡镇便民服务中心".into(),
        mode: Mode::DownWithCases,
        leader: ids[1],
        ..today.clone()
    };
    for plan in [today, friday] {
        store
            .change_schedule(&ScheduleChange::Add(plan), &sup())
            .unwrap();
    }
    (store, ids)
}

pub fn week_desk(role: Role, lang: Lang) -> (TestDesk, Arc<MemoryStore>, [LeaderId; 2]) {
    let (store, ids) = store();
    let mut desk = desk_as(role, lang, 100, 30, store.clone(), true);
    desk.ctrl('w');
    assert_eq!(desk.app().screen, Screen::Week);
    (desk, store, ids)
}

/// 王秀英's and 赵六's matters, opened in September and still open: matters to book.
pub fn two_open_matters(store: &dyn Store) -> [xfdesk::store::Registered; 2] {
    [
        ("王秀英", "13900001111", super::on(9, 2, 10, 0)),
        ("赵六", "13900003333", super::on(9, 3, 10, 0)),
    ]
    .map(|(name, phone, at)| {
        store
            .register_visit(&super::walk_in(name, phone, at))
            .unwrap()
    })
}

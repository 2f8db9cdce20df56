//! Wording of what the schedule's rules refuse: a session without a place or with its hours
//! reversed, a full session, a closed arrival.

use super::{Localize, say};
use crate::domain::schedule::ScheduleError;
use crate::i18n::Lang;

impl Localize for ScheduleError {
    fn localize(&self, lang: Lang) -> String {
        match self {
            ScheduleError::EndsBeforeStart => say(
                lang,
                "结束时间应晚于开始时间".into(),
                "the session must end after it starts".into(),
            ),
            ScheduleError::PlaceRequired => {
                say(lang, "请填写接访地点".into(), "enter the place".into())
            }
            ScheduleError::TooLong { max } => say(
                lang,
                format!("不能超过{max}个字"),
                format!("at most {max} characters"),
            ),
            ScheduleError::Full { capacity } => say(
                lang,
                format!("本场已约满({capacity}人),请约其他场次"),
                format!("this session is full ({capacity} appointments); book another"),
            ),
            ScheduleError::AlreadyBooked => say(
                lang,
                "该事项已约在本场".into(),
                "this matter is already booked into the session".into(),
            ),
            ScheduleError::SlotOutside => say(
                lang,
                "预约时段不在本场接访时间内".into(),
                "the slot is outside the session's hours".into(),
            ),
            ScheduleError::NoSuchAppointment => say(
                lang,
                "本场没有该事项的预约".into(),
                "no appointment of that matter in this session".into(),
            ),
            ScheduleError::NoSuchArrival(n) => say(
                lang,
                format!("排号中没有 {n} 号"),
                format!("no number {n} in the queue"),
            ),
            ScheduleError::ArrivalClosed => say(
                lang,
                "已接待完毕或已离开的不能再改".into(),
                "an arrival that is done or has left cannot change".into(),
            ),
            ScheduleError::SessionInUse => say(
                lang,
                "本场已有预约或排号,不能取消;可调换领导或改期".into(),
                "the session has appointments or arrivals and cannot be removed".into(),
            ),
        }
    }
}

//! The office's reception pattern (每周三接访): which weekday, which hours, where, and how many
//! appointments a session takes. Part of `office.toml`; every field has a default so files
//! written before the schedule existed still load.

use chrono::{NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReceptionSetting {
    /// 1 = Monday … 7 = Sunday; Wednesday (3) by default. Out of range counts as Wednesday.
    pub weekday: u8,
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// Where the notice says the leader receives (定点接访).
    pub place: String,
    /// Appointments (约访) one session takes.
    pub capacity: u32,
}

impl Default for ReceptionSetting {
    fn default() -> Self {
        ReceptionSetting {
            weekday: 3,
            start: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN),
            end: NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN),
            place: "信访局接待大厅".to_string(),
            capacity: 6,
        }
    }
}

impl ReceptionSetting {
    pub fn weekday(&self) -> Weekday {
        match self.weekday {
            1 => Weekday::Mon,
            2 => Weekday::Tue,
            4 => Weekday::Thu,
            5 => Weekday::Fri,
            6 => Weekday::Sat,
            7 => Weekday::Sun,
            _ => Weekday::Wed,
        }
    }
}

//! The official holiday calendar: which days are working days, with the State Council's
//! holidays (节假日) and make-up working days (调休).
//!
//! Data comes as text in the holiday-cn schema, one object per year:
//! `{"year": 2025, "papers": [...], "days": [{"name": "春节", "date": "2025-01-26", "isOffDay": false}]}`.
//! A listed day with `isOffDay: true` is a day off even on a weekday; one with `isOffDay: false`
//! is a make-up working day even on a weekend; every other day is off on Saturday and Sunday only.
//!
//! The years in `data/` are built in. An office's `holidays.json` (one such object, or an array of
//! them) is merged over them: for a date listed in both, the office's entry wins. Reading that
//! file is the caller's job; this module only parses text.

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Deserialize;

/// The built-in years, from the State Council notices named in each file's `papers`, as the
/// holiday-cn project publishes them; only its `$schema` and `$id` lines are left out. A year
/// whose notice is not yet out is not shipped: it would be a guess.
const BUILT_IN: [(&str, &str); 4] = [
    ("2023", include_str!("data/2023.json")),
    ("2024", include_str!("data/2024.json")),
    ("2025", include_str!("data/2025.json")),
    ("2026", include_str!("data/2026.json")),
];

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The text is not holiday-cn JSON; `origin` names the file, `reason` carries serde's line
    /// and column.
    #[error("{origin}: not a holiday calendar: {reason}")]
    Json {
        origin: String,
        reason: String,
        line: usize,
    },
}

#[derive(Deserialize)]
struct YearFile {
    year: i32,
    days: Vec<DayEntry>,
}

#[derive(Deserialize)]
struct DayEntry {
    name: String,
    date: NaiveDate,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Listed {
    name: String,
    off: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HolidayCalendar {
    days: BTreeMap<NaiveDate, Listed>,
    /// Years whose notice is in: a year file with at least one day. holiday-cn publishes an
    /// empty placeholder before the notice appears, and that must not count as covered.
    years: BTreeSet<i32>,
}

impl HolidayCalendar {
    /// No holidays at all: only weekends are off. Every year is missing.
    pub fn empty() -> Self {
        Self::default()
    }

    /// The years shipped with the program.
    pub fn built_in() -> Self {
        let mut calendar = Self::empty();
        for (year, text) in BUILT_IN {
            // The embedded files are parsed by a unit test, so this cannot fail in a release.
            calendar
                .merge_json(year, text)
                .expect("built-in calendar data is valid");
        }
        calendar
    }

    /// The built-in years with an office's override file merged over them.
    pub fn built_in_with_override(origin: &str, text: &str) -> Result<Self, CalendarError> {
        let mut calendar = Self::built_in();
        calendar.merge_json(origin, text)?;
        Ok(calendar)
    }

    /// Merges one year object or an array of them; for a date already known, the new entry wins.
    /// `origin` names the text in the error (a file name).
    pub fn merge_json(&mut self, origin: &str, text: &str) -> Result<(), CalendarError> {
        let json = |e: serde_json::Error| CalendarError::Json {
            origin: origin.to_string(),
            reason: e.to_string(),
            line: e.line(),
        };
        // Told apart by the first character rather than by an untagged enum, whose error
        // ("did not match any variant") would lose the line that is wrong.
        let files = if text.trim_start().starts_with('[') {
            serde_json::from_str::<Vec<YearFile>>(text).map_err(json)?
        } else {
            vec![serde_json::from_str::<YearFile>(text).map_err(json)?]
        };
        for file in files {
            if !file.days.is_empty() {
                self.years.insert(file.year);
            }
            for day in file.days {
                let listed = Listed {
                    name: day.name,
                    off: day.is_off_day,
                };
                self.days.insert(day.date, listed);
            }
        }
        Ok(())
    }

    /// Whether public offices work on `date`. Outside the covered years only weekends are off,
    /// which is why [`missing_years`](Self::missing_years) must be shown to the user.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        match self.days.get(&date) {
            Some(listed) => !listed.off,
            None => !matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// The holiday a listed date belongs to (also for its make-up working days), e.g. "国庆节".
    pub fn holiday_name(&self, date: NaiveDate) -> Option<&str> {
        self.days.get(&date).map(|l| l.name.as_str())
    }

    /// Whether a make-up working day (调休上班) falls on `date`.
    pub fn is_make_up_day(&self, date: NaiveDate) -> bool {
        self.days.get(&date).is_some_and(|l| !l.off)
    }

    /// The `n`th working day after `start`; `start` itself is never counted, whether or not it
    /// is a working day (the day of receipt is day 0). `n == 0` gives `start`.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut date = start;
        let mut left = n;
        while left > 0 {
            match date.checked_add_days(Days::new(1)) {
                Some(next) => date = next,
                None => return NaiveDate::MAX,
            }
            if self.is_working_day(date) {
                left -= 1;
            }
        }
        date
    }

    /// `date` if it is a working day, else the first working day after it.
    pub fn on_or_next_working_day(&self, date: NaiveDate) -> NaiveDate {
        if self.is_working_day(date) {
            date
        } else {
            self.add_working_days(date, 1)
        }
    }

    /// Whether the official notice for `year` is in the calendar.
    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// The covered years, in order.
    pub fn years(&self) -> Vec<i32> {
        self.years.iter().copied().collect()
    }

    /// Of this year and next, those without official data: deadlines counted in working days
    /// across them treat every weekday as a working day, so the screen must warn.
    pub fn missing_years(&self, today: NaiveDate) -> Vec<i32> {
        [today.year(), today.year() + 1]
            .into_iter()
            .filter(|y| !self.covers(*y))
            .collect()
    }
}

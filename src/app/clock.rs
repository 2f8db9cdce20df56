//! Time for the app layer. The core never reads a clock; the app asks this one, so training
//! (`--today`) and tests can fix the date.

use std::sync::Mutex;

use chrono::{Local, NaiveDate, NaiveDateTime};

pub trait Clock: Send + Sync {
    fn now(&self) -> NaiveDateTime;

    fn today(&self) -> NaiveDate {
        self.now().date()
    }
}

/// The system's local time, with the date replaced when `--today` fixes it.
pub struct SystemClock {
    pub today: Option<NaiveDate>,
}

impl Clock for SystemClock {
    fn now(&self) -> NaiveDateTime {
        let now = Local::now().naive_local();
        match self.today {
            Some(d) => d.and_time(now.time()),
            None => now,
        }
    }
}

/// A clock that moves only when told to, for tests.
pub struct FixedClock(Mutex<NaiveDateTime>);

impl FixedClock {
    pub fn new(at: NaiveDateTime) -> FixedClock {
        FixedClock(Mutex::new(at))
    }

    pub fn advance(&self, by: chrono::Duration) {
        let mut t = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *t += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> NaiveDateTime {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

//! Where a deadline stands on a given day, for the days-left / days-late column of every list.
//! Counted in calendar days even for working-day limits: "3 days left" means what it says on
//! the wall calendar.

use chrono::NaiveDate;

use super::DeadlinePolicy;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Urgency {
    /// More than the due-soon window away.
    Due { days_left: u32 },
    /// Within the window: `1..=due_soon_days` days left.
    DueSoon { days_left: u32 },
    /// Today is the last day, still in time.
    DueToday,
    /// Past the deadline by `days_late` days (1 on the day after it).
    Overdue { days_late: u32 },
}

impl Urgency {
    pub fn of(due: NaiveDate, today: NaiveDate, due_soon_days: u32) -> Self {
        let diff = (due - today).num_days();
        let clamp = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        match diff {
            0 => Urgency::DueToday,
            d if d < 0 => Urgency::Overdue {
                days_late: clamp(-d),
            },
            d if d <= i64::from(due_soon_days) => Urgency::DueSoon {
                days_left: clamp(d),
            },
            d => Urgency::Due {
                days_left: clamp(d),
            },
        }
    }

    /// Days left, negative when late: sorts the most urgent first.
    pub fn days_left(self) -> i64 {
        match self {
            Urgency::Due { days_left } | Urgency::DueSoon { days_left } => i64::from(days_left),
            Urgency::DueToday => 0,
            Urgency::Overdue { days_late } => -i64::from(days_late),
        }
    }

    /// Whether a list should mark the row (due soon, due today or overdue).
    pub fn needs_attention(self) -> bool {
        !matches!(self, Urgency::Due { .. })
    }
}

impl DeadlinePolicy {
    pub fn urgency(&self, due: NaiveDate, today: NaiveDate) -> Urgency {
        Urgency::of(due, today, self.due_soon_days)
    }
}

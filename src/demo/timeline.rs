//! When and how visits arrive: how many on each day of the period, by which channel, at what
//! time. Weekdays carry the work, Wednesday (the leaders' reception day) most of all; weekends
//! and the long holidays are quiet; desk channels keep office hours, the web does not.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime, Weekday};
use rand::Rng;

use crate::domain::visit::Channel;

use super::pick::Weighted;

/// The period covered: a little over two years, so the longest-running petitioners (上访老户)
/// have been coming for more than two years by `today`.
pub const PERIOD_MONTHS: u32 = 25;

/// First day of Spring Festival (正月初一); the office is closed from the eve for a week.
const SPRING_FESTIVAL: &[(i32, u32, u32)] = &[
    (2018, 2, 16),
    (2019, 2, 5),
    (2020, 1, 25),
    (2021, 2, 12),
    (2022, 2, 1),
    (2023, 1, 22),
    (2024, 2, 10),
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
    (2029, 2, 13),
    (2030, 2, 3),
    (2031, 1, 23),
    (2032, 2, 11),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayKind {
    Workday,
    /// Wednesday: a leader receives petitioners in person.
    Reception,
    /// Weekends and public holidays: the web still takes petitions.
    Rest,
}

pub fn day_kind(date: NaiveDate) -> DayKind {
    if is_holiday(date) {
        return DayKind::Rest;
    }
    match date.weekday() {
        Weekday::Sat | Weekday::Sun => DayKind::Rest,
        Weekday::Wed => DayKind::Reception,
        _ => DayKind::Workday,
    }
}

fn is_holiday(date: NaiveDate) -> bool {
    let (m, d) = (date.month(), date.day());
    let fixed = (m == 1 && d == 1) || (m == 5 && d <= 5) || (m == 10 && d <= 7);
    fixed
        || SPRING_FESTIVAL.iter().any(|&(y, fm, fd)| {
            NaiveDate::from_ymd_opt(y, fm, fd).is_some_and(|first| {
                let eve = first - Days::new(1);
                date >= eve && date <= first + Days::new(5)
            })
        })
}

pub fn period_start(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(PERIOD_MONTHS))
        .unwrap_or(today)
        + Days::new(1)
}

/// How many of `total` visits fall on each day from `period_start` to `today`. Each day's
/// share follows its kind with some day-to-day noise; the counts always add up to `total`.
pub fn daily_counts<R: Rng + ?Sized>(
    rng: &mut R,
    today: NaiveDate,
    total: u64,
) -> Vec<(NaiveDate, u64)> {
    let days: Vec<NaiveDate> = period_start(today)
        .iter_days()
        .take_while(|d| *d <= today)
        .collect();
    let weights: Vec<f64> = days
        .iter()
        .map(|d| {
            let base = match day_kind(*d) {
                DayKind::Workday if d.weekday() == Weekday::Fri => 0.9,
                DayKind::Workday => 1.0,
                DayKind::Reception => 1.8,
                DayKind::Rest => 0.06,
            };
            base * rng.random_range(0.7..1.3)
        })
        .collect();
    let sum: f64 = weights.iter().sum();
    let mut running = 0.0;
    let mut given = 0u64;
    let mut counts: Vec<(NaiveDate, u64)> = days
        .into_iter()
        .zip(weights)
        .map(|(day, w)| {
            running += w;
            let upto = (((running / sum) * total as f64).round() as u64).min(total);
            let count = upto.saturating_sub(given);
            given = given.max(upto);
            (day, count)
        })
        .collect();
    // Rounding must not lose a visit: whatever is left falls on the last day.
    if let Some(last) = counts.last_mut() {
        last.1 += total - given;
    }
    counts
}

/// Channels of a county desk: most come in person, then online, by letter and by phone; a few
/// by fax, passed down from above or on a leader's instruction.
pub struct Channels {
    workday: Weighted<Channel>,
    reception: Weighted<Channel>,
    rest: Weighted<Channel>,
}

impl Channels {
    pub fn new() -> Channels {
        let table = |walk_in: u32, online: u32| {
            Weighted::from_table(&[
                (Channel::WalkIn, walk_in),
                (Channel::Online, online),
                (Channel::Letter, 130),
                (Channel::Phone, 80),
                (Channel::Fax, 5),
                (Channel::Referred, 25),
                (Channel::LeaderInstruction, 10),
            ])
        };
        Channels {
            workday: table(480, 230),
            reception: table(1100, 230),
            // Only the web and the phone line are open; letters wait for Monday.
            rest: Weighted::from_table(&[
                (Channel::Online, 85),
                (Channel::Phone, 10),
                (Channel::WalkIn, 5),
            ]),
        }
    }

    pub fn pick<R: Rng + ?Sized>(&self, rng: &mut R, day: DayKind) -> Channel {
        *match day {
            DayKind::Workday => &self.workday,
            DayKind::Reception => &self.reception,
            DayKind::Rest => &self.rest,
        }
        .pick(rng)
    }

    /// For someone who gave neither identity number nor phone: anything but coming in person.
    pub fn pick_remote<R: Rng + ?Sized>(&self, rng: &mut R, day: DayKind) -> Channel {
        loop {
            let c = self.pick(rng, day);
            if c != Channel::WalkIn {
                return c;
            }
        }
    }
}

/// When a contact is registered: office hours (09:00–12:00, 14:30–18:00 in Yunnan) for what
/// reaches the desk, mornings busier and the reception-day morning busiest; online petitions
/// from early morning to late at night.
pub fn time_of_day<R: Rng + ?Sized>(rng: &mut R, channel: Channel, day: DayKind) -> NaiveTime {
    let minute = if channel == Channel::Online {
        rng.random_range(7 * 60..24 * 60)
    } else {
        let morning = match (channel, day) {
            (Channel::WalkIn, DayKind::Reception) => 0.75,
            _ => 0.6,
        };
        if rng.random_bool(morning) {
            rng.random_range(9 * 60..12 * 60)
        } else {
            rng.random_range(14 * 60 + 30..18 * 60)
        }
    };
    NaiveTime::from_hms_opt(minute / 60, minute % 60, rng.random_range(0..60)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Timelike;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn counts_add_up_and_wednesdays_are_busiest() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let counts = daily_counts(&mut rng, today(), 20_000);
        assert_eq!(counts.iter().map(|(_, c)| c).sum::<u64>(), 20_000);
        assert_eq!(counts.last().map(|(d, _)| *d), Some(today()));
        let mean = |wd: Weekday| {
            let days: Vec<u64> = counts
                .iter()
                .filter(|(d, _)| d.weekday() == wd && !is_holiday(*d))
                .map(|(_, c)| *c)
                .collect();
            days.iter().sum::<u64>() as f64 / days.len() as f64
        };
        assert!(mean(Weekday::Wed) > 1.5 * mean(Weekday::Tue));
        assert!(mean(Weekday::Sun) < 0.1 * mean(Weekday::Tue));
    }

    #[test]
    fn national_day_and_spring_festival_are_quiet() {
        assert_eq!(
            day_kind(NaiveDate::from_ymd_opt(2025, 10, 3).unwrap()),
            DayKind::Rest
        );
        assert_eq!(
            day_kind(NaiveDate::from_ymd_opt(2026, 2, 16).unwrap()),
            DayKind::Rest
        );
        assert_eq!(
            day_kind(NaiveDate::from_ymd_opt(2026, 2, 25).unwrap()),
            DayKind::Reception
        );
    }

    #[test]
    fn desk_channels_keep_office_hours() {
        let mut rng = ChaCha8Rng::seed_from_u64(4);
        let open = |t: NaiveTime| {
            let m = t.hour() * 60 + t.minute();
            (540..720).contains(&m) || (870..1080).contains(&m)
        };
        for _ in 0..2000 {
            assert!(open(time_of_day(
                &mut rng,
                Channel::WalkIn,
                DayKind::Reception
            )));
            assert!(open(time_of_day(
                &mut rng,
                Channel::Letter,
                DayKind::Workday
            )));
        }
    }
}

//! How a demo matter lives its life once registered: accepted (or not, or forwarded), assigned
//! to a department by its category, handled, answered, now and then reviewed, closed and
//! settled, with plans, extensions, reminders and supervision where a real office would write
//! them. Drawn once per matter when it is registered, as dated steps; steps after the end of
//! the demo's history are not drawn, so young matters are still under way.
//!
//! Pure: the driver turns each step into a `MatterChange` when its day comes.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use rand::Rng;

use crate::domain::supervision::Escalation;
use crate::domain::visit::Kind;

use super::data::life::HANDLERS;
use super::roster::Persistence;
use super::timeline::{DayKind, day_kind};

/// One step of a matter's life; texts are indexes into the lists of `data::life`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Accept,
    NotAccept(usize),
    Forward(usize),
    /// Lead department and perhaps one co-department, as indexes into the driver's list.
    Assign(usize, Option<usize>),
    StartHandling,
    CollectiveStudy,
    Plan(usize),
    Extend {
        days: u32,
        reason: usize,
    },
    Urge {
        level: Escalation,
        respond_in: u32,
    },
    /// Answers the oldest open reminder or supervision of the matter.
    AnswerUrge,
    Answer(usize),
    RequestReview,
    AnswerReview(usize),
    RequestReReview,
    AnswerReReview(usize),
    Close,
    Settle,
    Archive,
}

/// A matter's steps, oldest first, and the day from which it takes no more visits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fate {
    pub steps: Vec<(NaiveDateTime, Step)>,
    pub leaves_on: Option<NaiveDate>,
}

/// What a fate is drawn for.
pub struct Birth<'a> {
    pub opened_at: NaiveDateTime,
    pub kind: Kind,
    pub category: &'a str,
    pub group: bool,
    pub persistence: Persistence,
}

/// The departments the driver knows, by index: which handle a category, and the townships.
pub struct Handlers {
    by_category: Vec<(String, Vec<usize>)>,
    townships: Vec<usize>,
    count: usize,
}

impl Handlers {
    /// `names` in the order of the driver's department list.
    pub fn new(names: &[String]) -> Handlers {
        let find = |name: &str| names.iter().position(|n| n == name);
        let by_category = HANDLERS
            .iter()
            .map(|(category, depts)| {
                let found: Vec<usize> = depts.iter().filter_map(|d| find(d)).collect();
                (category.to_string(), found)
            })
            .filter(|(_, found)| !found.is_empty())
            .collect();
        let townships = names
            .iter()
            .enumerate()
            .filter(|(_, n)| n.ends_with("人民政府"))
            .map(|(i, _)| i)
            .collect();
        Handlers {
            by_category,
            townships,
            count: names.len(),
        }
    }

    /// The lead department and perhaps a co-department; `None` without departments.
    fn pick<R: Rng + ?Sized>(&self, rng: &mut R, category: &str) -> Option<(usize, Option<usize>)> {
        let own = self
            .by_category
            .iter()
            .find(|(c, _)| c == category)
            .map(|(_, d)| d.as_slice())
            .unwrap_or_default();
        // Much is handled where it arises (属地): by the township government.
        let lead = if own.is_empty() || rng.random_bool(0.3) {
            let township = (!self.townships.is_empty())
                .then(|| self.townships[rng.random_range(0..self.townships.len())]);
            township.or_else(|| own.first().copied())
        } else if own.len() > 1 && rng.random_bool(0.2) {
            Some(own[1])
        } else {
            Some(own[0])
        };
        let lead = lead.or_else(|| (self.count > 0).then_some(0))?;
        let co = own
            .iter()
            .copied()
            .find(|d| *d != lead)
            .filter(|_| rng.random_bool(0.15));
        Some((lead, co))
    }
}

/// Builds a fate day by day; every day moves past weekends and the long holidays, and steps
/// past `end` are dropped.
struct Writer {
    steps: Vec<(NaiveDateTime, Step)>,
    end: NaiveDate,
}

impl Writer {
    /// Office hours: steps are recorded between 09:00 and 17:30.
    fn at<R: Rng + ?Sized>(rng: &mut R, day: NaiveDate) -> NaiveDateTime {
        let minute = rng.random_range(9 * 60..17 * 60 + 30);
        day.and_time(NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap_or_default())
    }

    /// The first working day `days` after `from`. Returns `None` past the end of history.
    fn write<R: Rng + ?Sized>(
        &mut self,
        from: NaiveDate,
        days: u64,
        step: Step,
        rng: &mut R,
    ) -> Option<NaiveDate> {
        let mut day = from.checked_add_days(Days::new(days))?;
        // Never before the last step: the ledger keeps time order.
        if let Some((last, _)) = self.steps.last() {
            day = day.max(last.date());
        }
        while day_kind(day) == DayKind::Rest {
            day = day.succ_opt()?;
        }
        if day > self.end {
            return None;
        }
        let mut at = Self::at(rng, day);
        // Two steps on one day keep their order.
        if let Some((last, _)) = self.steps.last()
            && at <= *last
        {
            at = *last + chrono::Duration::minutes(1);
        }
        self.steps.push((at, step));
        Some(day)
    }
}

/// Draws the life of a matter registered at `birth.opened_at`, with `end` the last day of
/// history.
pub fn fate<R: Rng + ?Sized>(
    rng: &mut R,
    birth: &Birth,
    handlers: &Handlers,
    end: NaiveDate,
) -> Fate {
    let mut w = Writer {
        steps: Vec::new(),
        end,
    };
    let leaves_on = live(rng, birth, handlers, &mut w);
    Fate {
        steps: w.steps,
        leaves_on,
    }
}

/// Writes the steps; returns the day the matter leaves the desk, if it does before `end`.
fn live<R: Rng + ?Sized>(
    rng: &mut R,
    birth: &Birth,
    handlers: &Handlers,
    w: &mut Writer,
) -> Option<NaiveDate> {
    use super::data::life as text;
    let opened = birth.opened_at.date();
    let veteran = birth.persistence == Persistence::Veteran;
    // A few wait past the 15 days for forwarding or assigning.
    let intake = if rng.random_bool(0.06) {
        rng.random_range(16..=30)
    } else {
        rng.random_range(1..=8)
    };
    let accusation = birth.kind == Kind::Accusation && rng.random_bool(0.4);
    if !veteran && (accusation || rng.random_bool(0.09)) {
        let to = if accusation {
            text::FORWARD_TO
                .iter()
                .position(|t| *t == text::ACCUSATIONS_GO_TO)
                .unwrap_or(0)
        } else {
            rng.random_range(0..text::FORWARD_TO.len())
        };
        let left = w.write(opened, intake, Step::Forward(to), rng)?;
        archive(rng, w, left, 0.5);
        return Some(left);
    }
    if !veteran && rng.random_bool(0.07) {
        let reason = rng.random_range(0..text::NOT_ACCEPTED.len());
        let left = w.write(opened, intake, Step::NotAccept(reason), rng)?;
        archive(rng, w, left, 0.5);
        return Some(left);
    }
    let accepted = w.write(opened, intake, Step::Accept, rng)?;
    if birth.group && rng.random_bool(0.5) {
        w.write(accepted, 0, Step::CollectiveStudy, rng)?;
    }
    let (lead, co) = handlers.pick(rng, birth.category)?;
    let assigned = w.write(
        accepted,
        rng.random_range(0..=3),
        Step::Assign(lead, co),
        rng,
    )?;
    let started = w.write(assigned, rng.random_range(0..=4), Step::StartHandling, rng)?;
    let planned = rng.random_bool(0.65);
    if planned {
        let plan = rng.random_range(0..text::PLANS.len());
        w.write(started, rng.random_range(1..=10), Step::Plan(plan), rng)?;
    }

    // Days from acceptance to the answer: most within the 60 days, some extended, some late.
    let extended = !veteran && rng.random_bool(0.06);
    let late = veteran || (!extended && rng.random_bool(0.2));
    let answer_after: u64 = if late {
        rng.random_range(62..=110)
    } else if extended {
        rng.random_range(60..=75)
    } else {
        rng.random_range(15..=58)
    };
    // Everything between starting and answering, by days after acceptance.
    let mut handling: Vec<(u64, Step)> = Vec::new();
    if extended {
        let days = rng.random_range(15..=30);
        let reason = rng.random_range(0..text::EXTENSION_REASONS.len());
        handling.push((rng.random_range(45..=55), Step::Extend { days, reason }));
    }
    let mut urges = Vec::new();
    if answer_after > 45 && (late || !planned) {
        urges.push((rng.random_range(40..=45), Escalation::Reminder));
    }
    if late {
        urges.push((rng.random_range(61..=66), Escalation::Notice));
        if answer_after > 90 {
            let level = if rng.random_bool(0.2) {
                Escalation::Listed
            } else {
                Escalation::Interview
            };
            urges.push((rng.random_range(86..=90), level));
        }
    }
    for (after, level) in urges {
        // Only while the matter is still being handled: an answered one is not urged.
        if after + 2 > answer_after {
            continue;
        }
        let respond_in = if level == Escalation::Reminder { 7 } else { 10 };
        handling.push((after, Step::Urge { level, respond_in }));
        // Most departments answer; some leave a late matter's notice unanswered.
        if rng.random_bool(0.8) {
            handling.push((after + rng.random_range(2..=12), Step::AnswerUrge));
        }
    }
    let answer = rng.random_range(0..text::ANSWERS.len());
    handling.push((answer_after, Step::Answer(answer)));
    handling.sort_by_key(|(after, _)| *after);
    let mut answered = accepted;
    for (after, step) in handling {
        let day = w.write(accepted, after, step, rng)?;
        if matches!(step, Step::Answer(_)) {
            answered = day;
        }
    }
    reviews_and_closing(rng, birth, w, answered)
}

/// After the answer: the petitioner may ask for review and re-review; the office closes the
/// matter when the window passes, and most are settled afterwards.
fn reviews_and_closing<R: Rng + ?Sized>(
    rng: &mut R,
    birth: &Birth,
    w: &mut Writer,
    answered: NaiveDate,
) -> Option<NaiveDate> {
    use super::data::life as text;
    let veteran = birth.persistence == Persistence::Veteran;
    let review = if veteran {
        0.8
    } else if birth.group {
        0.25
    } else {
        0.08
    };
    let closed = if rng.random_bool(review) {
        let asked = w.write(answered, rng.random_range(5..=28), Step::RequestReview, rng)?;
        let answer = rng.random_range(0..text::REVIEW_ANSWERS.len());
        let took = if rng.random_bool(0.05) {
            rng.random_range(31..=45)
        } else {
            rng.random_range(10..=29)
        };
        let reviewed = w.write(asked, took, Step::AnswerReview(answer), rng)?;
        if rng.random_bool(if veteran { 0.7 } else { 0.3 }) {
            let asked = w.write(
                reviewed,
                rng.random_range(5..=28),
                Step::RequestReReview,
                rng,
            )?;
            let answer = rng.random_range(0..text::RE_REVIEW_ANSWERS.len());
            let done = w.write(
                asked,
                rng.random_range(10..=29),
                Step::AnswerReReview(answer),
                rng,
            )?;
            // A long-term petitioner's matter is never closed: the office has answered all it
            // can and the petitioner keeps coming (上访老户).
            if veteran {
                return None;
            }
            w.write(done, rng.random_range(3..=20), Step::Close, rng)?
        } else if veteran {
            return None;
        } else {
            w.write(reviewed, rng.random_range(31..=40), Step::Close, rng)?
        }
    } else if veteran || rng.random_bool(0.01) {
        // Some answered matters wait long for the office to close them.
        return None;
    } else {
        w.write(answered, rng.random_range(31..=45), Step::Close, rng)?
    };
    let settled = if rng.random_bool(0.6) {
        w.write(closed, rng.random_range(0..=30), Step::Settle, rng)
    } else {
        Some(closed)
    };
    if let Some(day) = settled {
        archive(rng, w, day, 0.4);
    }
    Some(closed)
}

fn archive<R: Rng + ?Sized>(rng: &mut R, w: &mut Writer, from: NaiveDate, share: f64) {
    if rng.random_bool(share) {
        w.write(from, rng.random_range(30..=120), Step::Archive, rng);
    }
}

#[cfg(test)]
mod tests;

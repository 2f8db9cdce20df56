//! The petitioners who will come back, as the generator remembers them between chunks: only
//! their store ids and the seeds their details are rebuilt from, so a million visits need a
//! few megabytes, not a copy of the database. One-off petitioners are not kept at all.

use rand::Rng;

use crate::domain::case::CaseId;
use crate::domain::petitioner::PetitionerId;

/// How often a new petitioner will come back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Comes once (most people).
    Once,
    /// Comes back a few times, usually soon after the first visit.
    Returns(u32),
    /// Keeps coming for years (上访老户).
    Veteran,
}

impl Persistence {
    pub fn draw<R: Rng + ?Sized>(rng: &mut R, group: bool) -> Persistence {
        // Groups rarely give up after one visit.
        let (veteran, returns) = if group { (0.15, 0.5) } else { (0.03, 0.22) };
        let x: f64 = rng.random();
        if x < veteran {
            Persistence::Veteran
        } else if x < veteran + returns {
            Persistence::Returns(rng.random_range(1..=4))
        } else {
            Persistence::Once
        }
    }
}

/// A matter of a known petitioner: its store id and the seed its wording is rebuilt from.
#[derive(Clone, Copy, Debug)]
pub struct KnownCase {
    pub id: CaseId,
    pub seed: u64,
    pub group: bool,
    /// Visits on this matter so far, for "第N次反映".
    pub visits: u32,
    /// The day (from the common era) from which the matter takes no more visits: closed, not
    /// accepted or forwarded. `i32::MAX` while it stays open.
    pub leaves_on: i32,
}

impl KnownCase {
    pub fn open_on(&self, day: i32) -> bool {
        day < self.leaves_on
    }
}

#[derive(Clone, Debug)]
pub struct Known {
    pub id: PetitionerId,
    pub person_seed: u64,
    /// Gave neither identity number nor phone, so never registered as a walk-in.
    pub remote_only: bool,
    pub cases: Vec<KnownCase>,
    returns_left: u32,
    /// Day of the last visit, in days from the common era.
    last_day: i32,
}

/// Days at least between two visits of a long-term petitioner, and of anyone else.
const VETERAN_GAP_DAYS: i32 = 12;
const RETURN_GAP_DAYS: i32 = 3;

/// At most this many matters per petitioner; more would read as noise.
pub const MAX_CASES: usize = 3;

#[derive(Default)]
pub struct Roster {
    known: Vec<Known>,
    /// Indexes into `known` of those with returns left, oldest first.
    returning: Vec<u32>,
    /// Indexes into `known` of the long-term petitioners, oldest first.
    veterans: Vec<u32>,
    /// How many in `returning` have no returns left.
    spent: usize,
}

impl Roster {
    /// Remembers a petitioner the store has just registered, if they will come back.
    pub fn add(
        &mut self,
        id: PetitionerId,
        person_seed: u64,
        remote_only: bool,
        persistence: Persistence,
        case: KnownCase,
        day: i32,
    ) {
        let returns_left = match persistence {
            Persistence::Once => return,
            Persistence::Returns(n) => n,
            Persistence::Veteran => u32::MAX,
        };
        let index = self.known.len() as u32;
        self.known.push(Known {
            id,
            person_seed,
            remote_only,
            cases: vec![case],
            returns_left,
            last_day: day,
        });
        if persistence == Persistence::Veteran {
            self.veterans.push(index);
        } else {
            self.returning.push(index);
        }
    }

    /// True when nobody is expected back.
    pub fn is_empty(&self) -> bool {
        self.returning.len() == self.spent && self.veterans.is_empty()
    }

    /// Who comes back on `day` (days from the common era): a long-term petitioner (the
    /// earliest ones most often) or someone with returns left (the recent ones most often).
    /// Nobody comes back within a few days of their last visit, so even the most persistent
    /// come about once a fortnight, as a desk would see them. Spends one of their returns.
    pub fn pick<R: Rng + ?Sized>(&mut self, rng: &mut R, day: i32) -> Option<usize> {
        let veteran =
            !self.veterans.is_empty() && (self.returning.is_empty() || rng.random_bool(0.4));
        // Some tries find someone who was here too recently or has no returns left; those
        // who are spent stay in the list until it is tidied, which keeps it in order cheaply.
        for _ in 0..32 {
            let (pool, gap) = if veteran {
                (&self.veterans, VETERAN_GAP_DAYS)
            } else {
                (&self.returning, RETURN_GAP_DAYS)
            };
            if pool.is_empty() {
                return None;
            }
            let len = pool.len();
            let at = skewed(rng, len);
            let index = pool[if veteran { at } else { len - 1 - at }] as usize;
            let known = &mut self.known[index];
            if known.returns_left == 0 || day - known.last_day < gap {
                continue;
            }
            known.last_day = day;
            if !veteran {
                known.returns_left -= 1;
                if known.returns_left == 0 {
                    self.spent += 1;
                    if self.spent * 2 > len {
                        let known = &self.known;
                        self.returning
                            .retain(|&i| known[i as usize].returns_left > 0);
                        self.spent = 0;
                    }
                }
            }
            return Some(index);
        }
        None
    }

    pub fn get(&self, index: usize) -> &Known {
        &self.known[index]
    }

    pub fn get_mut(&mut self, index: usize) -> &mut Known {
        &mut self.known[index]
    }
}

/// A position in `0..len`, the low ones far more often (a quarter of picks fall in the first
/// sixteenth).
fn skewed<R: Rng + ?Sized>(rng: &mut R, len: usize) -> usize {
    let u: f64 = rng.random();
    (((len as f64) * u * u) as usize).min(len.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn case(id: u64) -> KnownCase {
        KnownCase {
            id: CaseId(id),
            seed: id,
            group: false,
            visits: 1,
            leaves_on: i32::MAX,
        }
    }

    #[test]
    fn one_off_petitioners_are_not_kept_and_returns_run_out() {
        let mut roster = Roster::default();
        roster.add(PetitionerId(1), 1, false, Persistence::Once, case(1), 0);
        assert!(roster.is_empty());
        roster.add(
            PetitionerId(2),
            2,
            false,
            Persistence::Returns(2),
            case(2),
            0,
        );
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        assert_eq!(roster.pick(&mut rng, 1), None, "not the next day");
        assert_eq!(roster.pick(&mut rng, 10), Some(0));
        assert_eq!(roster.pick(&mut rng, 20), Some(0));
        assert_eq!(roster.pick(&mut rng, 30), None);
        assert!(roster.is_empty());
    }

    #[test]
    fn the_earliest_veterans_come_most_often() {
        let mut roster = Roster::default();
        for i in 0..100 {
            roster.add(PetitionerId(i), i, false, Persistence::Veteran, case(i), 0);
        }
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        // Two years of visits, three a day.
        let picks: Vec<usize> = (0..2200)
            .filter_map(|i| roster.pick(&mut rng, 20 + i / 3))
            .collect();
        assert!(
            picks.len() > 2100,
            "veterans never run out: {}",
            picks.len()
        );
        let first_ten = picks.iter().filter(|i| **i < 10).count();
        let last_ten = picks.iter().filter(|i| **i >= 90).count();
        assert!(first_ten > 2 * last_ten, "{first_ten} vs {last_ten}");
        let most = (0..100)
            .map(|i| picks.iter().filter(|p| **p == i).count())
            .max();
        assert!(
            most <= Some(62),
            "at most one visit in twelve days: {most:?}"
        );
    }
}

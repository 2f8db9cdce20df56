//! One day of visits at a time: who comes (someone new, someone back on their matter, a group),
//! how, when and about what. Pure: the store is never asked; the driver reports back the ids
//! the store gave, so later days can send people back to their own matters.

use chrono::{Datelike, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::office::OfficeSettings;
use crate::domain::organisation::LeaderId;
use crate::domain::petitioner::Person;
use crate::domain::visit::{CaseLink, Channel, CoPetitioner, NewVisit};
use crate::store::Registered;

use super::issued::Issued;
use super::life::{self, Birth, Fate, Handlers};
use super::matters::{Matter, Matters, Place, repeat_summary};
use super::people::People;
use super::roster::{KnownCase, MAX_CASES, Persistence, Roster};
use super::timeline::{Channels, DayKind, day_kind, time_of_day};

/// Share of visits by someone who came before, on a matter of theirs: over the ~30% wanted,
/// as now and then nobody is due back yet, and someone whose matters are all closed comes
/// with a new one.
const REPEAT_SHARE: f64 = 0.42;
/// Share of first visits that are group visits (groups coming back add to the ~4% in all).
const NEW_GROUP_SHARE: f64 = 0.035;
/// Share of a returning petitioner's visits that raise a further matter.
const SECOND_MATTER_SHARE: f64 = 0.06;
/// Share of a group matter's later visits that the group again makes together.
const GROUP_AGAIN_SHARE: f64 = 0.6;
/// Largest group drawn (unless the office's threshold is higher).
const MAX_GROUP: u32 = 40;

/// The operator who registers visits at the leader's reception on Wednesdays.
pub const SECRETARY: &str = "demo-secretary";

/// What the driver needs to remember about a visit once the store has registered it.
#[derive(Clone, Copy, Debug)]
pub enum Origin {
    NewPetitioner {
        person_seed: u64,
        remote_only: bool,
        persistence: Persistence,
        case_seed: u64,
        group: bool,
    },
    /// A known petitioner (index in the roster) raising a further matter.
    NewCase {
        known: usize,
        case_seed: u64,
    },
    Repeat,
}

pub struct Planner {
    rng: ChaCha8Rng,
    people: People,
    matters: Matters,
    channels: Channels,
    roster: Roster,
    issued: Issued,
    threshold: u32,
    /// The leaders who take turns at the Wednesday reception, one a week.
    rota: Vec<LeaderId>,
    /// Draws each new matter's life, on its own random stream so the visits do not depend on
    /// it; without it matters stay as registered.
    life: Option<Life>,
}

/// What drawing lives needs: the departments, the end of history, a random stream.
pub struct Life {
    pub handlers: Handlers,
    pub end: NaiveDate,
    pub rng: ChaCha8Rng,
}

fn seeded(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

fn remote_only(p: &Person) -> bool {
    p.id_number.is_none() && p.phone.is_none()
}

impl Planner {
    pub fn new(rng: ChaCha8Rng, settings: &OfficeSettings, today: NaiveDate) -> Planner {
        Planner {
            rng,
            people: People::new(today),
            matters: Matters::new(settings, today),
            channels: Channels::new(),
            roster: Roster::default(),
            issued: Issued::default(),
            // The intake form counts a group from two people at the least; so does the demo.
            threshold: settings.group_threshold.max(2),
            rota: Vec::new(),
            life: None,
        }
    }

    /// The leaders who receive at the Wednesday reception, in turn.
    pub fn set_rota(&mut self, leaders: Vec<LeaderId>) {
        self.rota = leaders;
    }

    /// The leader receiving on a reception day: the rota turns once a week. Taken from the
    /// date, not drawn, so the rest of the data is the same with or without leaders.
    fn receiving(&self, date: NaiveDate) -> Option<LeaderId> {
        let week = date.num_days_from_ce().div_euclid(7);
        let turn = usize::try_from(week).ok()? % self.rota.len().max(1);
        self.rota.get(turn).copied()
    }

    /// From now on, every new matter is given a life.
    pub fn live(&mut self, life: Life) {
        self.life = Some(life);
    }

    pub fn rng(&mut self) -> &mut ChaCha8Rng {
        &mut self.rng
    }

    pub fn people(&self) -> &People {
        &self.people
    }

    /// The day's visits in the order they were received.
    pub fn day(&mut self, date: NaiveDate, count: u64) -> Vec<(NewVisit, Origin)> {
        let kind = day_kind(date);
        let mut visits: Vec<(NewVisit, Origin)> =
            (0..count).map(|_| self.visit(date, kind)).collect();
        visits.sort_by_key(|(v, _)| v.received_at);
        visits
    }

    /// Tells the planner what the store made of a visit it planned; for a new matter, the life
    /// it will live (to be written when its days come).
    pub fn registered(&mut self, origin: Origin, done: &Registered) -> Option<Fate> {
        let (persistence, group) = match origin {
            Origin::NewPetitioner {
                persistence, group, ..
            } => (persistence, group),
            // A further matter of someone who comes back.
            Origin::NewCase { .. } => (Persistence::Returns(1), false),
            Origin::Repeat => return None,
        };
        let fate = self.life.as_mut().map(|l| {
            let birth = Birth {
                opened_at: done.case.opened_at,
                kind: done.case.kind,
                category: &done.case.category,
                group,
                persistence,
            };
            life::fate(&mut l.rng, &birth, &l.handlers, l.end)
        });
        let leaves_on = fate
            .as_ref()
            .and_then(|f| f.leaves_on)
            .map_or(i32::MAX, |d| d.num_days_from_ce());
        let case = KnownCase {
            id: done.case.id,
            seed: 0,
            group,
            visits: 1,
            leaves_on,
        };
        match origin {
            Origin::NewPetitioner {
                person_seed,
                remote_only,
                case_seed,
                ..
            } => self.roster.add(
                done.petitioner.id,
                person_seed,
                remote_only,
                persistence,
                KnownCase {
                    seed: case_seed,
                    ..case
                },
                done.visit.received_at.date().num_days_from_ce(),
            ),
            Origin::NewCase { known, case_seed } => {
                self.roster.get_mut(known).cases.push(KnownCase {
                    seed: case_seed,
                    ..case
                });
            }
            Origin::Repeat => {}
        }
        fate
    }

    fn visit(&mut self, date: NaiveDate, day: DayKind) -> (NewVisit, Origin) {
        if !self.roster.is_empty()
            && self.rng.random_bool(REPEAT_SHARE)
            && let Some(known) = self.roster.pick(&mut self.rng, date.num_days_from_ce())
            && let Some(visit) = self.repeat(known, date, day)
        {
            return visit;
        }
        let group = day != DayKind::Rest && self.rng.random_bool(NEW_GROUP_SHARE);
        self.first(date, day, group)
    }

    /// A first visit by someone new, on a new matter.
    fn first(&mut self, date: NaiveDate, day: DayKind, group: bool) -> (NewVisit, Origin) {
        let channel = if group {
            Channel::WalkIn
        } else {
            self.channels.pick(&mut self.rng, day)
        };
        let (person_seed, person) = loop {
            let seed: u64 = self.rng.random();
            let person = self.people.person(&mut seeded(seed));
            if channel == Channel::WalkIn && remote_only(&person) {
                continue;
            }
            if self
                .issued
                .claim(person.id_number.as_ref(), person.phone.as_ref())
            {
                break (seed, person);
            }
        };
        let (case_seed, matter, together) = loop {
            let seed: u64 = self.rng.random();
            let (matter, together) = self.case_content(seed, group, &person);
            if together.is_empty() || self.issued.claim_all(&together) {
                break (seed, matter, together);
            }
        };
        let origin = Origin::NewPetitioner {
            person_seed,
            remote_only: remote_only(&person),
            persistence: Persistence::draw(&mut self.rng, group),
            case_seed,
            group,
        };
        let visit = self.assemble(date, channel, person, matter, together);
        (visit, origin)
    }

    /// A known petitioner back on one of their matters, or now and then with a new one. Only
    /// a matter still open takes the visit; someone whose matters are all closed comes with a
    /// new one, or (with as many matters as anyone has) does not come.
    fn repeat(
        &mut self,
        known: usize,
        date: NaiveDate,
        day: DayKind,
    ) -> Option<(NewVisit, Origin)> {
        let k = self.roster.get(known);
        let today = date.num_days_from_ce();
        let open: Vec<usize> = (0..k.cases.len())
            .filter(|i| k.cases[*i].open_on(today))
            .collect();
        let (petitioner, person_seed, remote, case_count) =
            (k.id, k.person_seed, k.remote_only, k.cases.len());
        let person = self.people.person(&mut seeded(person_seed));
        let mut channel = if remote {
            self.channels.pick_remote(&mut self.rng, day)
        } else {
            self.channels.pick(&mut self.rng, day)
        };
        let further = open.is_empty() || self.rng.random_bool(SECOND_MATTER_SHARE);
        if further {
            if case_count >= MAX_CASES {
                return None;
            }
            let case_seed: u64 = self.rng.random();
            let (matter, _) = self.case_content(case_seed, false, &person);
            let mut visit = self.assemble(date, channel, person, matter, Vec::new());
            visit.existing_petitioner = Some(petitioner);
            return Some((visit, Origin::NewCase { known, case_seed }));
        }
        // Most come back about their latest open matter.
        let latest = open[open.len() - 1];
        let at = if open.len() == 1 || self.rng.random_bool(0.7) {
            latest
        } else {
            open[self.rng.random_range(0..open.len())]
        };
        let case = &mut self.roster.get_mut(known).cases[at];
        case.visits += 1;
        let case = *case;
        let together_again = case.group
            && !remote
            && day != DayKind::Rest
            && self.rng.random_bool(GROUP_AGAIN_SHARE);
        let (mut matter, mut together) = self.case_content(case.seed, case.group, &person);
        if together_again {
            channel = Channel::WalkIn;
        } else {
            together.clear();
        }
        matter.summary = repeat_summary(&mut self.rng, &matter.summary, case.visits);
        let mut visit = self.assemble(date, channel, person, matter, together);
        visit.existing_petitioner = Some(petitioner);
        visit.case = CaseLink::Existing(case.id);
        Some((visit, Origin::Repeat))
    }

    /// A matter's wording and, for a group, who came with the petitioner: rebuilt from the
    /// matter's seed, so every later visit tells the same story with the same people.
    fn case_content(&self, seed: u64, group: bool, person: &Person) -> (Matter, Vec<CoPetitioner>) {
        let mut rng = seeded(seed);
        let place = Place::of_address(&person.address, &mut rng);
        let matter = self.matters.matter(&mut rng, group, &place);
        let together = if group {
            let n = rng.random_range(2..=8usize);
            // With the petitioner, at most five speak for the group (article 20).
            let reps = rng.random_range(1..=n.min(4));
            (0..n)
                .map(|i| self.people.co_petitioner(&mut rng, i < reps))
                .collect()
        } else {
            Vec::new()
        };
        (matter, together)
    }

    /// The visit as the clerk registers it: head count, time and operator added.
    fn assemble(
        &mut self,
        date: NaiveDate,
        channel: Channel,
        person: Person,
        matter: Matter,
        mut together: Vec<CoPetitioner>,
    ) -> NewVisit {
        let day = day_kind(date);
        let rng = &mut self.rng;
        let head_count = if together.is_empty() {
            // Now and then a walk-in brings a relative along, registered by name only.
            if channel == Channel::WalkIn && rng.random_bool(0.05) {
                let relative = self.people.co_petitioner(rng, false);
                together.push(CoPetitioner {
                    id_number: None,
                    phone: None,
                    ..relative
                });
                rng.random_range(2..=3)
            } else {
                1
            }
        } else {
            let t = self.threshold;
            let top = MAX_GROUP.max(t + 5);
            let u: f64 = rng.random();
            let drawn = t + ((f64::from(top - t + 1)) * u * u) as u32;
            drawn.max(together.len() as u32 + 1)
        };
        let received_at = date.and_time(time_of_day(rng, channel, day));
        let received_by = match (channel, day) {
            (Channel::WalkIn, DayKind::Reception) if rng.random_bool(0.5) => SECRETARY,
            _ if rng.random_bool(0.6) => "demo-clerk",
            _ => "demo-clerk2",
        };
        // The leader's secretary registers those the leader receives in person.
        let receiving_leader = if received_by == "demo-secretary" {
            self.receiving(date)
        } else {
            None
        };
        NewVisit {
            channel,
            received_at,
            recorded_at: None,
            received_by: received_by.to_string(),
            petitioner: person,
            existing_petitioner: None,
            co_petitioners: together,
            head_count,
            group: head_count >= self.threshold,
            kind: matter.kind,
            category: matter.category,
            summary: matter.summary,
            case: CaseLink::New,
            receiving_leader,
        }
    }
}

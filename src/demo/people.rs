//! Synthetic people: names, identity numbers, phones and addresses that look like a county in
//! 普洱 and pass the desk's own validation.

use chrono::{Datelike, Months, NaiveDate};
use rand::Rng;
use rand::seq::IndexedRandom;

use crate::domain::id_number::{IdNumber, check_char};
use crate::domain::petitioner::{Person, Sex};
use crate::domain::phone::Phone;
use crate::domain::visit::CoPetitioner;

use super::data::names::{
    FEMALE_CHARS, MALE_CHARS, MINORITY_FEMALE_FIRST, MINORITY_MALE_FIRST, MINORITY_SECOND, SURNAMES,
};
use super::data::places::{
    CITY_STREETS, ELSEWHERE, ESTATES, GROUPS, HOME, PUER, STREETS, VILLAGES,
};
use super::pick::Weighted;

/// Where someone's identity number was issued: a county of 普洱 (index into `PUER`) or a
/// region code elsewhere.
#[derive(Clone, Copy, Debug)]
enum Origin {
    Puer(usize),
    Elsewhere(&'static str),
}

/// Mobile prefixes of the three carriers.
const MOBILE_PREFIXES: &[&str] = &[
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "147", "150", "151",
    "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178",
    "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "198", "199",
];

const GROUP_NUMERALS: &[&str] = &[
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

/// Builds people from the tables; cheap to keep, built once per fill.
pub struct People {
    today: NaiveDate,
    surnames: Weighted<&'static str>,
    origins: Weighted<Origin>,
    residences: Weighted<usize>,
}

impl People {
    pub fn new(today: NaiveDate) -> People {
        let origins = PUER
            .iter()
            .enumerate()
            .map(|(i, c)| (Origin::Puer(i), c.weight))
            .chain(
                ELSEWHERE
                    .iter()
                    .map(|(code, w)| (Origin::Elsewhere(code), *w)),
            );
        People {
            today,
            surnames: Weighted::from_table(SURNAMES),
            origins: Weighted::new(origins),
            residences: Weighted::new(PUER.iter().enumerate().map(|(i, c)| (i, c.weight))),
        }
    }

    /// A petitioner as they would give their details at the desk. About one in ten gives no
    /// identity number and about one in seven no phone; the caller decides whether such a
    /// person may come in person.
    pub fn person<R: Rng + ?Sized>(&self, rng: &mut R) -> Person {
        let sex = if rng.random_bool(0.58) {
            Sex::Male
        } else {
            Sex::Female
        };
        let name = self.name(rng, sex);
        let origin = *self.origins.pick(rng);
        let id = self.id_number(rng, origin, sex);
        let phone = self.phone(rng);
        let county = match origin {
            Origin::Puer(i) if rng.random_bool(0.8) => i,
            _ => *self.residences.pick(rng),
        };
        let address = address(rng, county);
        Person {
            name,
            sex,
            id_number: rng.random_bool(0.9).then_some(id).flatten(),
            phone: rng.random_bool(0.86).then_some(phone).flatten(),
            address,
        }
    }

    /// Someone who came along on a group visit: a neighbour from the same place, registered
    /// with fewer details.
    pub fn co_petitioner<R: Rng + ?Sized>(
        &self,
        rng: &mut R,
        representative: bool,
    ) -> CoPetitioner {
        let sex = if rng.random_bool(0.55) {
            Sex::Male
        } else {
            Sex::Female
        };
        let name = self.name(rng, sex);
        let id = self.id_number(rng, Origin::Puer(HOME), sex);
        let phone = self.phone(rng);
        // Representatives are asked for more: they are who the office calls back.
        let (p_id, p_phone) = if representative {
            (0.8, 0.9)
        } else {
            (0.3, 0.4)
        };
        CoPetitioner {
            name,
            id_number: rng.random_bool(p_id).then_some(id).flatten(),
            phone: rng.random_bool(p_phone).then_some(phone).flatten(),
            representative,
        }
    }

    /// A Chinese name: a weighted surname and one or two given-name characters, or now and
    /// then an ethnic-minority name (岩温, 玉香, some written with a linked name: 扎约·娜努).
    pub fn name<R: Rng + ?Sized>(&self, rng: &mut R, sex: Sex) -> String {
        if rng.random_bool(0.03) {
            return minority_name(rng, sex);
        }
        let chars = if sex == Sex::Female {
            FEMALE_CHARS
        } else {
            MALE_CHARS
        };
        let mut name = String::with_capacity(9);
        name.push_str(self.surnames.pick(rng));
        push_any(&mut name, chars, rng);
        if rng.random_bool(0.72) {
            push_any(&mut name, chars, rng);
        }
        name
    }

    /// A valid identity number for an adult of 20 to 84 on `today` (so at least 18 at any
    /// visit of the last two years), its sequence digit matching `sex`.
    fn id_number<R: Rng + ?Sized>(
        &self,
        rng: &mut R,
        origin: Origin,
        sex: Sex,
    ) -> Option<IdNumber> {
        let region = match origin {
            Origin::Puer(i) => PUER[i].code,
            Origin::Elsewhere(code) => code,
        };
        // Two uniform draws: most petitioners are middle-aged, few are very young or old.
        let age = 20 + (rng.random_range(0..33u32) + rng.random_range(0..33u32));
        let birth = self
            .today
            .checked_sub_months(Months::new(age * 12))
            .and_then(|d| d.checked_sub_days(chrono::Days::new(rng.random_range(0..360))))?;
        let seq = match sex {
            Sex::Female => 2 * rng.random_range(1..500u32),
            _ => 2 * rng.random_range(0..500u32) + 1,
        };
        let (y, m, d) = (birth.year(), birth.month(), birth.day());
        let body = format!("{region}{y:04}{m:02}{d:02}{seq:03}");
        let text = format!("{body}{}", check_char(&body));
        IdNumber::parse(&text, self.today).ok()
    }

    /// A mobile number, now and then a landline in 普洱 (area code 0879).
    fn phone<R: Rng + ?Sized>(&self, rng: &mut R) -> Option<Phone> {
        if rng.random_bool(0.04) {
            let text = format!(
                "0879-{}{:06}",
                rng.random_range(2..4u32),
                rng.random_range(0..1_000_000u32)
            );
            return Phone::parse(&text).ok();
        }
        mobile(rng)
    }
}

pub fn mobile<R: Rng + ?Sized>(rng: &mut R) -> Option<Phone> {
    let prefix = MOBILE_PREFIXES.choose(rng).copied().unwrap_or("139");
    Phone::parse(&format!(
        "{prefix}{:08}",
        rng.random_range(0..100_000_000u32)
    ))
    .ok()
}

fn push_any<R: Rng + ?Sized>(name: &mut String, list: &[&str], rng: &mut R) {
    if let Some(c) = list.choose(rng) {
        name.push_str(c);
    }
}

fn minority_name<R: Rng + ?Sized>(rng: &mut R, sex: Sex) -> String {
    let first = if sex == Sex::Female {
        MINORITY_FEMALE_FIRST
    } else {
        MINORITY_MALE_FIRST
    };
    let mut name = String::with_capacity(15);
    push_any(&mut name, first, rng);
    push_any(&mut name, MINORITY_SECOND, rng);
    if rng.random_bool(0.5) {
        // The linked name: a parent's or the house's name, of either sex.
        name.push('·');
        let linked = if rng.random_bool(0.5) {
            MINORITY_MALE_FIRST
        } else {
            MINORITY_FEMALE_FIRST
        };
        push_any(&mut name, linked, rng);
        push_any(&mut name, MINORITY_SECOND, rng);
    }
    name
}

/// A village address in the county, or now and then a street address in its town.
fn address<R: Rng + ?Sized>(rng: &mut R, county: usize) -> String {
    let c = &PUER[county];
    let mut a = String::with_capacity(60);
    a.push_str("云南省普洱市");
    a.push_str(c.name);
    if rng.random_bool(0.25) {
        match c.seat {
            Some(seat) => {
                a.push_str(seat);
                push_any(&mut a, STREETS, rng);
            }
            None => push_any(&mut a, CITY_STREETS, rng),
        }
        if rng.random_bool(0.4) {
            push_any(&mut a, ESTATES, rng);
            let (b, u, f, r) = (
                rng.random_range(1..19u32),
                rng.random_range(1..5u32),
                rng.random_range(1..19u32),
                rng.random_range(1..5u32),
            );
            a.push_str(&format!("{b}幢{u}单元{f}{r:02}室"));
        } else {
            a.push_str(&format!("{}号", rng.random_range(1..400u32)));
        }
        return a;
    }
    push_any(&mut a, c.townships, rng);
    push_any(&mut a, VILLAGES, rng);
    a.push('村');
    if rng.random_bool(0.6) {
        push_any(&mut a, GROUPS, rng);
    } else {
        push_any(&mut a, GROUP_NUMERALS, rng);
    }
    a.push('组');
    a
}

/// A village name with 村 in the home county, for requests that name a place.
pub fn village<R: Rng + ?Sized>(rng: &mut R) -> String {
    let mut v = String::with_capacity(12);
    push_any(&mut v, VILLAGES, rng);
    v.push('村');
    v
}

/// A township of the home county.
pub fn township<R: Rng + ?Sized>(rng: &mut R) -> &'static str {
    PUER[HOME]
        .townships
        .choose(rng)
        .copied()
        .unwrap_or("宁洱镇")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::petitioner::validate_name;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn people_pass_the_desks_own_checks() {
        let people = People::new(today());
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut with_id = 0;
        for _ in 0..3000 {
            let p = people.person(&mut rng);
            assert_eq!(validate_name(&p.name).as_deref(), Ok(p.name.as_str()));
            assert!(p.address.starts_with("云南省普洱市"), "{}", p.address);
            if let Some(id) = &p.id_number {
                with_id += 1;
                assert_eq!(id.sex(), p.sex, "{id}");
                assert!((20..=84).contains(&id.age_on(today())), "{id}");
                assert_eq!(IdNumber::parse(id.as_str(), today()).as_ref(), Ok(id));
            }
            if let Some(phone) = &p.phone {
                assert_eq!(Phone::parse(phone.as_str()).as_ref(), Ok(phone));
            }
        }
        assert!(
            (2550..2850).contains(&with_id),
            "{with_id} of 3000 with an id"
        );
    }

    #[test]
    fn most_identity_numbers_are_from_puer() {
        let people = People::new(today());
        let mut rng = ChaCha8Rng::seed_from_u64(8);
        let ids: Vec<IdNumber> = (0..2000)
            .filter_map(|_| people.person(&mut rng).id_number)
            .collect();
        let puer = ids
            .iter()
            .filter(|i| i.region_code().starts_with("5308"))
            .count();
        assert!(puer * 100 > ids.len() * 90, "{puer} of {}", ids.len());
        assert!(puer < ids.len(), "some come from elsewhere");
    }
}

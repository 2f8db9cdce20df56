//! The county's leaders and handling departments, generated once per fill.

use rand::Rng;

use crate::domain::organisation::{NewDepartment, NewLeader};
use crate::domain::petitioner::Sex;
use crate::domain::phone::Phone;

use super::data::org::{DEPARTMENTS, LEADERS};
use super::data::places::{HOME, PUER};
use super::people::{People, mobile};

/// One leader per post; no two share a name, as the store refuses two active leaders of one
/// name (a picker could not tell them apart).
pub fn leaders<R: Rng + ?Sized>(rng: &mut R, people: &People) -> Vec<NewLeader> {
    let mut taken = std::collections::HashSet::new();
    LEADERS
        .iter()
        .map(|&(title, portfolio, women)| {
            let sex = if rng.random_ratio(women, 100) {
                Sex::Female
            } else {
                Sex::Male
            };
            let name = loop {
                let name = people.name(rng, sex);
                if taken.insert(name.clone()) {
                    break name;
                }
            };
            NewLeader {
                name,
                title: title.to_string(),
                portfolio: portfolio.to_string(),
            }
        })
        .collect()
}

/// The county departments, then the home county's township governments (乡镇人民政府), each
/// with a contact person and the office's landline or the contact's mobile.
pub fn departments<R: Rng + ?Sized>(rng: &mut R, people: &People) -> Vec<NewDepartment> {
    let townships = PUER[HOME].townships.iter().map(|t| format!("{t}人民政府"));
    DEPARTMENTS
        .iter()
        .map(|d| d.to_string())
        .chain(townships)
        .map(|name| {
            let sex = if rng.random_bool(0.4) {
                Sex::Female
            } else {
                Sex::Male
            };
            let phone = if rng.random_bool(0.7) {
                Phone::parse(&format!("0879-32{:05}", rng.random_range(0..100_000u32))).ok()
            } else {
                mobile(rng)
            };
            NewDepartment {
                name,
                contact: people.name(rng, sex),
                phone,
            }
        })
        .collect()
}

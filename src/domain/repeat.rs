//! Has this person been here before? The rules, strongest first: the same identity number; the
//! same phone; the same name at a similar address. The store finds candidates by index; these
//! rules decide and explain.

use std::collections::BTreeSet;

use super::id_number::IdNumber;
use super::petitioner::Petitioner;
use super::phone::Phone;
use super::text::tidy;

/// What the clerk has typed so far, already parsed where it could be.
#[derive(Clone, Debug, Default)]
pub struct Probe {
    pub name: String,
    pub id_number: Option<IdNumber>,
    pub phone: Option<Phone>,
    pub address: String,
}

impl Probe {
    pub fn is_empty(&self) -> bool {
        self.name.is_empty() && self.id_number.is_none() && self.phone.is_none()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum RepeatReason {
    SameIdNumber,
    SamePhone,
    SameNameSimilarAddress,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepeatMatch {
    pub petitioner: Petitioner,
    /// Strongest first.
    pub reasons: Vec<RepeatReason>,
}

/// Applies the rules to candidates found by the store, one match per petitioner, strongest
/// reason first and then the most recently seen.
pub fn match_repeats(
    probe: &Probe,
    candidates: impl IntoIterator<Item = Petitioner>,
) -> Vec<RepeatMatch> {
    let mut seen = BTreeSet::new();
    let mut matches: Vec<RepeatMatch> = candidates
        .into_iter()
        .filter(|p| seen.insert(p.id))
        .filter_map(|p| {
            let reasons = reasons(probe, &p);
            (!reasons.is_empty()).then_some(RepeatMatch {
                petitioner: p,
                reasons,
            })
        })
        .collect();
    matches.sort_by(|a, b| {
        a.reasons[0]
            .cmp(&b.reasons[0])
            .then(b.petitioner.last_visit_at.cmp(&a.petitioner.last_visit_at))
            .then(b.petitioner.id.cmp(&a.petitioner.id))
    });
    matches
}

fn reasons(probe: &Probe, p: &Petitioner) -> Vec<RepeatReason> {
    let mut reasons = Vec::new();
    if probe.id_number.is_some() && probe.id_number == p.person.id_number {
        reasons.push(RepeatReason::SameIdNumber);
    }
    if probe.phone.is_some() && probe.phone == p.person.phone {
        reasons.push(RepeatReason::SamePhone);
    }
    if !probe.name.is_empty()
        && tidy(&probe.name) == p.person.name
        && similar_address(&probe.address, &p.person.address)
    {
        reasons.push(RepeatReason::SameNameSimilarAddress);
    }
    reasons
}

/// Two addresses are similar when, after the part they share at the start (province, city,
/// county …), what is left is alike, or one of them stops where the other goes on (a less
/// precise address of the same place). Empty addresses prove nothing.
pub fn similar_address(a: &str, b: &str) -> bool {
    let a: Vec<char> = significant(a);
    let b: Vec<char> = significant(b);
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[common..], &b[common..]);
    if ra.is_empty() || rb.is_empty() {
        return true;
    }
    dice(ra, rb) >= 0.5
}

fn significant(s: &str) -> Vec<char> {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Dice coefficient over character bigrams (single characters for one-character strings).
fn dice(a: &[char], b: &[char]) -> f32 {
    let grams = |s: &[char]| -> BTreeSet<(char, char)> {
        if s.len() == 1 {
            return BTreeSet::from([(s[0], ' ')]);
        }
        s.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (ga, gb) = (grams(a), grams(b));
    let shared = ga.intersection(&gb).count();
    2.0 * shared as f32 / (ga.len() + gb.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::petitioner::{Person, PetitionerId};
    use chrono::NaiveDate;

    fn petitioner(
        id: u64,
        name: &str,
        idn: Option<&str>,
        phone: Option<&str>,
        address: &str,
        day: u32,
    ) -> Petitioner {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let at = NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        Petitioner {
            id: PetitionerId(id),
            person: Person {
                name: name.into(),
                id_number: idn.map(|s| IdNumber::parse(s, today).unwrap()),
                phone: phone.map(|s| Phone::parse(s).unwrap()),
                address: address.into(),
                ..Person::default()
            },
            first_visit_at: at,
            last_visit_at: at,
            visit_count: 1,
        }
    }

    #[test]
    fn each_rule_finds_its_match_and_says_why() {
        let probe = Probe {
            name: "张三".into(),
            id_number: Some(IdNumber::parse("11010519491231002X", NaiveDate::MAX).unwrap()),
            phone: Some(Phone::parse("13812345678").unwrap()),
            address: "云南省普洱市思茅区南屏镇曼连村".into(),
        };
        let found = match_repeats(
            &probe,
            vec![
                petitioner(1, "张三", None, None, "普洱市思茅区南屏镇曼连村3组", 1),
                petitioner(2, "李四", None, Some("13812345678"), "", 2),
                petitioner(
                    3,
                    "张三",
                    Some("11010519491231002X"),
                    Some("13812345678"),
                    "",
                    3,
                ),
                petitioner(4, "张三", None, None, "云南省普洱市思茅区倚象镇", 4),
                petitioner(2, "李四", None, Some("13812345678"), "", 2),
            ],
        );
        let got: Vec<(u64, Vec<RepeatReason>)> = found
            .iter()
            .map(|m| (m.petitioner.id.0, m.reasons.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (3, vec![RepeatReason::SameIdNumber, RepeatReason::SamePhone]),
                (2, vec![RepeatReason::SamePhone]),
                (1, vec![RepeatReason::SameNameSimilarAddress]),
            ]
        );
    }

    #[test]
    fn address_similarity() {
        assert!(similar_address(
            "云南省普洱市思茅区南屏镇曼连村",
            "云南省普洱市思茅区南屏镇曼连村3组"
        ));
        assert!(similar_address(
            "普洱市思茅区南屏镇曼连村",
            "云南省普洱市思茅区南屏镇曼连村"
        ));
        assert!(similar_address("思茅区", "思茅区南屏镇"));
        assert!(!similar_address(
            "云南省普洱市思茅区南屏镇",
            "云南省普洱市思茅区倚象镇"
        ));
        assert!(!similar_address("", "思茅区"));
        assert!(!similar_address("甲", "乙"));
    }
}

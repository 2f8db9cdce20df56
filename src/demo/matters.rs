//! What petitioners ask for: a kind, one of the office's categories and a short request (诉求)
//! worded for that category, naming the petitioner's own village where it names one.

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use rand::seq::IndexedRandom;

use crate::domain::office::OfficeSettings;
use crate::domain::visit::Kind;

use super::data::matters::{
    CATEGORIES, FIRMS, GENERIC, OLD_ENTERPRISES, PROJECTS, REPEAT_PREFIXES, RIVERS, Template,
};
use super::data::places::ESTATES;
use super::people;
use super::pick::Weighted;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matter {
    pub kind: Kind,
    pub category: String,
    pub summary: String,
}

/// The township and village a request may name: the petitioner's own, or for people living
/// in town a village of the home county.
pub struct Place {
    pub township: String,
    pub village: String,
}

impl Place {
    /// Reads the village address written by `people` (…县 + 镇/乡 + …村 + …组).
    pub fn of_address<R: Rng + ?Sized>(address: &str, rng: &mut R) -> Place {
        let village_end = address.find('村').map(|i| i + '村'.len_utf8());
        let township_end = village_end.and_then(|end| {
            address[..end]
                .rfind(['镇', '乡'])
                .map(|i| i + '镇'.len_utf8())
        });
        let county_end = address.find(['县', '区']).map(|i| i + '县'.len_utf8());
        match (county_end, township_end, village_end) {
            (Some(c), Some(t), Some(v)) if c <= t && t < v => Place {
                township: address[c..t].to_string(),
                village: address[t..v].to_string(),
            },
            _ => Place {
                township: people::township(rng).to_string(),
                village: people::village(rng),
            },
        }
    }
}

struct Category {
    name: String,
    individual: Weighted<&'static Template>,
    group: Weighted<&'static Template>,
}

pub struct Matters {
    today: NaiveDate,
    categories: Vec<Category>,
    individual: Weighted<usize>,
    group: Weighted<usize>,
}

/// Requests and complaints far outnumber suggestions; accusations sit between.
fn kind_weight(t: &Template) -> u32 {
    match t.kind {
        Kind::Appeal => 10,
        Kind::Accusation => 5,
        Kind::Suggestion => 3,
    }
}

fn templates(list: &'static [Template], group: bool) -> Option<Weighted<&'static Template>> {
    let chosen: Vec<(&'static Template, u32)> = list
        .iter()
        .filter(|t| t.group == group)
        .map(|t| (t, kind_weight(t)))
        .collect();
    (!chosen.is_empty()).then(|| Weighted::new(chosen))
}

impl Matters {
    /// Uses the office's own categories; one it added itself gets general wording. With no
    /// categories at all, the default list stands in.
    pub fn new(settings: &OfficeSettings, today: NaiveDate) -> Matters {
        let names = if settings.categories.is_empty() {
            OfficeSettings::default().categories
        } else {
            settings.categories.clone()
        };
        let mut categories = Vec::with_capacity(names.len());
        let mut individual = Vec::with_capacity(names.len());
        let mut group = Vec::with_capacity(names.len());
        for (i, name) in names.into_iter().enumerate() {
            let known = CATEGORIES.iter().find(|c| c.category == name);
            let list = known.map_or(GENERIC, |c| c.templates);
            let generic = |g| templates(GENERIC, g);
            let (Some(ind), Some(grp)) = (
                templates(list, false).or_else(|| generic(false)),
                templates(list, true).or_else(|| generic(true)),
            ) else {
                continue;
            };
            individual.push((i, known.map_or(3, |c| c.weight)));
            group.push((i, known.map_or(2, |c| c.group_weight)));
            categories.push(Category {
                name,
                individual: ind,
                group: grp,
            });
        }
        // Group weights may all be zero for an office's own list: then any category will do.
        if group.iter().all(|(_, w)| *w == 0) {
            group = individual.clone();
        }
        Matters {
            today,
            categories,
            individual: Weighted::new(individual),
            group: Weighted::new(group),
        }
    }

    pub fn matter<R: Rng + ?Sized>(&self, rng: &mut R, group: bool, place: &Place) -> Matter {
        let index = *if group { &self.group } else { &self.individual }.pick(rng);
        let category = &self.categories[index];
        let template = if group {
            category.group.pick(rng)
        } else {
            category.individual.pick(rng)
        };
        Matter {
            kind: template.kind,
            category: category.name.clone(),
            summary: self.fill(rng, template.text, &category.name, group, place),
        }
    }

    fn fill<R: Rng + ?Sized>(
        &self,
        rng: &mut R,
        text: &str,
        category: &str,
        group: bool,
        place: &Place,
    ) -> String {
        let mut out = String::with_capacity(text.len() + 32);
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            let key = &rest[open + 1..close];
            let pick = |list: &[&'static str], rng: &mut R| list.choose(rng).copied().unwrap_or("");
            match key {
                "村" => out.push_str(&place.village),
                "镇" => out.push_str(&place.township),
                "项目" => out.push_str(pick(PROJECTS, rng)),
                "企业" => out.push_str(pick(FIRMS, rng)),
                "原企业" => out.push_str(pick(OLD_ENTERPRISES, rng)),
                "小区" => out.push_str(pick(ESTATES, rng)),
                "河流" => out.push_str(pick(RIVERS, rng)),
                "类别" => out.push_str(category),
                "金额" => {
                    let amount = if group {
                        rng.random_range(50..2000u32) * 1000
                    } else {
                        rng.random_range(30..800u32) * 100
                    };
                    out.push_str(&amount.to_string());
                }
                "人数" => out.push_str(&rng.random_range(8..120u32).to_string()),
                "年份" => {
                    let year = self.today.year() - rng.random_range(1..12);
                    out.push_str(&year.to_string());
                }
                "亩数" => {
                    let tenths = rng.random_range(5..120u32);
                    out.push_str(&format!("{}.{}", tenths / 10, tenths % 10));
                }
                _ => out.push_str(&rest[open..=close]),
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// The request of a later visit on the same matter: what the clerk writes when someone comes
/// back (`nth` is this visit's number on the matter).
pub fn repeat_summary<R: Rng + ?Sized>(rng: &mut R, original: &str, nth: u32) -> String {
    let prefix = REPEAT_PREFIXES.choose(rng).copied().unwrap_or("");
    let mut s = prefix.replace("{次}", &nth.to_string());
    s.push_str(original);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn the_petitioners_own_village_is_named() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let place = Place::of_address("云南省普洱市宁洱县磨黑镇团结村大寨组", &mut rng);
        assert_eq!(place.township, "磨黑镇");
        assert_eq!(place.village, "团结村");
        let town = Place::of_address("云南省普洱市思茅区振兴大道12号", &mut rng);
        assert!(town.village.ends_with('村'));
    }

    #[test]
    fn every_request_is_filled_in_and_in_the_offices_categories() {
        let mut settings = OfficeSettings::default();
        settings.categories.push("移民安置".into());
        let matters = Matters::new(&settings, today());
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        let place = Place {
            township: "磨黑镇".into(),
            village: "团结村".into(),
        };
        let mut kinds = [0; 3];
        for i in 0..3000 {
            let m = matters.matter(&mut rng, i % 10 == 0, &place);
            assert!(settings.categories.contains(&m.category), "{}", m.category);
            assert!(!m.summary.contains(['{', '}']), "{}", m.summary);
            kinds[Kind::ALL.iter().position(|k| *k == m.kind).unwrap_or(0)] += 1;
        }
        let [suggestion, accusation, appeal] = kinds;
        assert!(appeal > accusation && accusation > suggestion, "{kinds:?}");
        assert!(appeal > 2000, "{kinds:?}");
    }

    #[test]
    fn land_matters_ask_about_land() {
        let settings = OfficeSettings {
            categories: vec!["土地征收".into()],
            ..OfficeSettings::default()
        };
        let matters = Matters::new(&settings, today());
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let place = Place {
            township: "磨黑镇".into(),
            village: "团结村".into(),
        };
        for group in [false, true] {
            for _ in 0..200 {
                let m = matters.matter(&mut rng, group, &place);
                assert!(m.summary.contains('征'), "{}", m.summary);
            }
        }
    }
}

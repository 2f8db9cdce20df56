//! What the search box understands, the keys a name is found by, and the order of results.
//! Clerks search by name (张三, or part of it), by pinyin initials (zs) or full pinyin (zhangsan)
//! of any reading of the name (单 is shan or dan), by identity-number prefix, or by phone digits
//! (the start, or the last four the petitioner remembers).

use std::cmp::Ordering;

use pinyin::ToPinyinMulti;

use super::petitioner::Petitioner;
use super::text::fold_fullwidth;

/// Readings beyond this many combinations add index entries without helping anyone.
const MAX_READING_COMBINATIONS: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchQuery {
    /// Chinese characters: a name or a part of it.
    Name(String),
    /// Latin letters: pinyin initials or full pinyin, lower case.
    Pinyin(String),
    /// Digits: the start of an identity number or phone, or the end of a phone.
    Digits(String),
    /// Digits ending in X: only an identity number.
    IdNumber(String),
}

impl SearchQuery {
    /// Reads the search box; `None` when there is nothing to search for.
    pub fn parse(raw: &str) -> Option<SearchQuery> {
        let folded: String = fold_fullwidth(raw)
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '\'' | '·'))
            .collect();
        if folded.is_empty() {
            return None;
        }
        if folded.chars().all(|c| c.is_ascii_digit()) {
            return Some(SearchQuery::Digits(folded));
        }
        let upper = folded.to_ascii_uppercase();
        if upper.len() > 1
            && upper.ends_with('X')
            && upper[..upper.len() - 1].bytes().all(|b| b.is_ascii_digit())
        {
            return Some(SearchQuery::IdNumber(upper));
        }
        if folded.chars().all(|c| c.is_ascii_alphabetic()) {
            return Some(SearchQuery::Pinyin(folded.to_ascii_lowercase()));
        }
        Some(SearchQuery::Name(folded))
    }
}

/// How well a petitioner matches, best first. "Primary" is the whole name in its most common
/// reading, a surname in its surname reading (单 shan, 曾 zeng); the other readings of a character (蕊 also reads juan in old dictionaries) and the
/// tail of a name (the given name alone) still find the person, after the primary matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchQuality {
    /// The whole key: 张三, zs, zhangsan, the full ID number or phone.
    Exact,
    /// The whole key in another reading: dxx for 单雄信 (a surname read shan).
    ExactOtherReading,
    /// The start of the key: 张, zha, 1101, 138.
    Partial,
    /// The start of another reading, of the given name, or the end of a phone.
    PartialOther,
}

/// The keys a name is found by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameKeys {
    /// The name and each of its tails (张三丰, 三丰, 丰), so a given name alone finds it.
    pub tails: Vec<String>,
    /// Initials of each reading combination (zsf); the first is the most common reading.
    pub initials: Vec<String>,
    /// Full pinyin of each reading combination (zhangsanfeng); the first is the most common.
    pub full: Vec<String>,
}

pub fn name_keys(name: &str) -> NameKeys {
    let chars: Vec<char> = name.chars().filter(|c| c.is_alphanumeric()).collect();
    let tails = (0..chars.len())
        .map(|i| chars[i..].iter().collect())
        .collect();
    let surname = surname_readings(&chars);
    let mut combos: Vec<(String, String)> = vec![(String::new(), String::new())];
    for (i, c) in chars.iter().enumerate() {
        let mut readings = readings(*c);
        if let Some(r) = surname.get(i) {
            // A surname's own reading is its primary one: 单 is shan, not dan, in a name.
            readings.retain(|x| x != r);
            readings.insert(0, (*r).to_string());
        }
        let mut next = Vec::new();
        'outer: for (ini, full) in &combos {
            for r in &readings {
                if next.len() >= MAX_READING_COMBINATIONS {
                    break 'outer;
                }
                let mut ini = ini.clone();
                // The first character, not byte: a name may hold ｌ, é or Uyghur letters.
                ini.extend(r.chars().next());
                next.push((ini, format!("{full}{r}")));
            }
        }
        combos = next;
    }
    let mut initials: Vec<String> = combos.iter().map(|(i, _)| i.clone()).collect();
    let mut full: Vec<String> = combos.into_iter().map(|(_, f)| f).collect();
    dedup_keep_order(&mut initials);
    dedup_keep_order(&mut full);
    if chars.is_empty() {
        initials.clear();
        full.clear();
    }
    NameKeys {
        tails,
        initials,
        full,
    }
}

/// Surnames whose reading differs from the character's most common one, as clerks read them
/// aloud and type them. Compound surnames come first so 尉迟 wins over a single 尉.
const SURNAME_READINGS: &[(&str, &[&str])] = &[
    ("尉迟", &["yu", "chi"]),
    ("万俟", &["mo", "qi"]),
    ("单于", &["chan", "yu"]),
    ("单", &["shan"]),
    ("曾", &["zeng"]),
    ("解", &["xie"]),
    ("仇", &["qiu"]),
    ("区", &["ou"]),
    ("朴", &["piao"]),
    ("查", &["zha"]),
    ("盖", &["ge"]),
    ("乐", &["yue"]),
    ("覃", &["qin"]),
    ("翟", &["zhai"]),
    ("召", &["shao"]),
    ("缪", &["miao"]),
    ("种", &["chong"]),
    ("任", &["ren"]),
    ("华", &["hua"]),
    ("纪", &["ji"]),
    ("过", &["guo"]),
    ("秘", &["bi"]),
    ("员", &["yun"]),
    ("长孙", &["zhang", "sun"]),
    ("重", &["chong"]),
    ("柏", &["bai"]),
    ("藏", &["zang"]),
    ("宿", &["su"]),
    ("隗", &["wei"]),
    ("眭", &["sui"]),
    ("阚", &["kan"]),
    ("句", &["gou"]),
    ("繁", &["po"]),
    ("能", &["nai"]),
    ("折", &["she"]),
];

/// The surname readings for the first characters of a name, if its surname is in the table.
fn surname_readings(chars: &[char]) -> &'static [&'static str] {
    SURNAME_READINGS
        .iter()
        .find(|(s, _)| s.chars().eq(chars.iter().take(s.chars().count()).copied()))
        .map_or(&[], |(_, r)| r)
}

/// Every toneless reading of a character, most common first; a letter or digit reads as itself.
fn readings(c: char) -> Vec<String> {
    let mut out: Vec<String> = match c.to_pinyin_multi() {
        Some(multi) => multi.into_iter().map(|p| p.plain().to_string()).collect(),
        None => vec![c.to_lowercase().collect()],
    };
    dedup_keep_order(&mut out);
    out.retain(|r| !r.is_empty());
    if out.is_empty() {
        out.push(c.to_string());
    }
    out
}

fn dedup_keep_order(v: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    v.retain(|s| seen.insert(s.clone()));
}

/// How `key` matches `q` when `primary` says whether it is the primary key.
fn key_match(key: &str, q: &str, primary: bool) -> Option<MatchQuality> {
    use MatchQuality::*;
    match (key == q, key.starts_with(q), primary) {
        (true, _, true) => Some(Exact),
        (true, _, false) => Some(ExactOtherReading),
        (false, true, true) => Some(Partial),
        (false, true, false) => Some(PartialOther),
        _ => None,
    }
}

/// The best match among keys, the first of which is the primary one.
fn best<'a>(keys: impl IntoIterator<Item = &'a str>, q: &str) -> Option<MatchQuality> {
    keys.into_iter()
        .enumerate()
        .filter_map(|(i, k)| key_match(k, q, i == 0))
        .min()
}

/// Whether and how well a petitioner matches; the reference every store's search must agree with.
pub fn match_quality(query: &SearchQuery, p: &Petitioner) -> Option<MatchQuality> {
    match query {
        SearchQuery::Name(q) => {
            let keys = name_keys(&p.person.name);
            best(keys.tails.iter().map(String::as_str), q)
        }
        SearchQuery::Pinyin(q) => {
            let keys = name_keys(&p.person.name);
            let initials = best(keys.initials.iter().map(String::as_str), q);
            let full = best(keys.full.iter().map(String::as_str), q);
            initials.into_iter().chain(full).min()
        }
        SearchQuery::IdNumber(q) => best(p.person.id_number.iter().map(|i| i.as_str()), q),
        SearchQuery::Digits(q) => {
            let id = p
                .person
                .id_number
                .as_ref()
                .and_then(|i| best([i.as_str()], q));
            let phone = p.person.phone.as_ref().and_then(|ph| {
                let digits = ph.digits();
                best([digits.as_str()], q).or_else(|| {
                    (q.len() >= 4 && digits.ends_with(q.as_str()))
                        .then_some(MatchQuality::PartialOther)
                })
            });
            id.into_iter().chain(phone).min()
        }
    }
}

/// Result order: exact matches first, then the most recently seen petitioner.
pub fn result_order(a: &(MatchQuality, &Petitioner), b: &(MatchQuality, &Petitioner)) -> Ordering {
    a.0.cmp(&b.0)
        .then(b.1.last_visit_at.cmp(&a.1.last_visit_at))
        .then(b.1.id.cmp(&a.1.id))
}

#[cfg(test)]
mod tests {
    use super::name_keys as keys_of;

    #[test]
    fn names_outside_ascii_and_chinese_have_keys_and_no_panic() {
        // Found by the key-sequence test: a leader named with a full-width digit brought the
        // desk down when its search keys were built.
        for name in ["０", "Ｌｉ", "José", "ئەھمەد", "Мария", "张Ｌ"] {
            let keys = keys_of(name);
            assert!(!keys.initials.is_empty() && !keys.full.is_empty(), "{name}");
        }
        assert_eq!(keys_of("Ｌｉ").initials, ["ｌｉ"]);
    }

    use super::*;

    #[test]
    fn the_search_box_is_read_by_what_was_typed() {
        assert_eq!(
            SearchQuery::parse("张三"),
            Some(SearchQuery::Name("张三".into()))
        );
        assert_eq!(
            SearchQuery::parse(" ZS "),
            Some(SearchQuery::Pinyin("zs".into()))
        );
        assert_eq!(
            SearchQuery::parse("１３８"),
            Some(SearchQuery::Digits("138".into()))
        );
        assert_eq!(
            SearchQuery::parse("138-1234"),
            Some(SearchQuery::Digits("1381234".into()))
        );
        assert_eq!(
            SearchQuery::parse("11010519491231002x"),
            Some(SearchQuery::IdNumber("11010519491231002X".into()))
        );
        assert_eq!(SearchQuery::parse("   "), None);
    }

    #[test]
    fn name_keys_cover_tails_initials_and_full_pinyin() {
        let keys = name_keys("张三丰");
        assert_eq!(keys.tails, vec!["张三丰", "三丰", "丰"]);
        assert_eq!(keys.initials, vec!["zsf"]);
        assert_eq!(keys.full, vec!["zhangsanfeng"]);
    }

    #[test]
    fn every_reading_of_a_surname_is_indexed() {
        let keys = name_keys("单雄信");
        assert!(
            keys.full.iter().any(|f| f == "shanxiongxin"),
            "{:?}",
            keys.full
        );
        assert!(
            keys.full.iter().any(|f| f == "danxiongxin"),
            "{:?}",
            keys.full
        );
        assert!(keys.initials.contains(&"sxx".to_string()));
        assert!(keys.initials.contains(&"dxx".to_string()));
        let zeng = name_keys("曾");
        assert!(zeng.full.contains(&"zeng".to_string()) && zeng.full.contains(&"ceng".to_string()));
    }

    fn someone(name: &str, phone: &str) -> Petitioner {
        use crate::domain::petitioner::{Person, PetitionerId};
        use crate::domain::phone::Phone;
        let at = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        Petitioner {
            id: PetitionerId(1),
            person: Person {
                name: name.into(),
                phone: Some(Phone::parse(phone).unwrap()),
                ..Person::default()
            },
            first_visit_at: at,
            last_visit_at: at,
            visit_count: 1,
        }
    }

    #[test]
    fn common_readings_and_whole_names_rank_before_the_rest() {
        use MatchQuality::*;
        let q = |s: &str| SearchQuery::parse(s).unwrap();
        assert_eq!(
            match_quality(&q("wj"), &someone("王军", "13800000001")),
            Some(Exact)
        );
        assert_eq!(
            match_quality(&q("wj"), &someone("王强", "13800000001")),
            Some(ExactOtherReading)
        );
        assert_eq!(
            match_quality(&q("zhang"), &someone("张三", "13800000001")),
            Some(Partial)
        );
        assert_eq!(
            match_quality(&q("danx"), &someone("单雄信", "13800000001")),
            Some(PartialOther)
        );
        assert_eq!(
            match_quality(&q("张三"), &someone("张三", "13800000001")),
            Some(Exact)
        );
        assert_eq!(
            match_quality(&q("三"), &someone("张三", "13800000001")),
            Some(ExactOtherReading)
        );
        assert_eq!(
            match_quality(&q("5678"), &someone("张三", "13812345678")),
            Some(PartialOther)
        );
        assert_eq!(
            match_quality(&q("138"), &someone("张三", "13812345678")),
            Some(Partial)
        );
        assert_eq!(
            match_quality(&q("lisi"), &someone("张三", "13812345678")),
            None
        );
    }

    #[test]
    fn a_surname_is_first_read_as_a_surname() {
        let shan = name_keys("单雄信");
        assert_eq!(shan.initials[0], "sxx");
        assert_eq!(shan.full[0], "shanxiongxin");
        assert!(shan.full.contains(&"danxiongxin".to_string()));
        assert_eq!(name_keys("尉迟恭").full[0], "yuchigong");
        assert_eq!(name_keys("曾国藩").initials[0], "zgf");
        // Only the surname: 单 inside a given name keeps its common reading.
        assert_eq!(name_keys("王单").full[0], "wangdan");
    }

    #[test]
    fn minority_names_drop_the_dot() {
        let keys = name_keys("阿依古丽·买买提");
        assert_eq!(keys.tails[0], "阿依古丽买买提");
        assert!(keys.initials.iter().all(|i| i.len() == 7));
    }
}

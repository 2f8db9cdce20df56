//! The message catalogue: every string a user reads, in Simplified Chinese (the default) and
//! English (`--lang en`). Texts live in `texts.rs` and its parts by screen in `texts/`; domain
//! and store errors are worded in `errors.rs` (a matter's life in `matter_errors.rs`); labels
//! of domain values in `labels.rs`.
//! Nothing else spells out user text.

pub mod backup;
pub mod check;
mod errors;
mod labels;
pub mod ledger;
mod matter_errors;
pub mod paperwork;
pub mod statistics;
mod texts;

use std::fmt::Display;

use crate::domain::confidential::Veil;

pub use errors::Localize;
pub use labels::Label;
pub use labels::audit::{Names, detail_text, subject_text};
pub use texts::T;

#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    clap::ValueEnum,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn t(self, key: T) -> &'static str {
        key.text(self)
    }

    /// The text with each `{}` replaced by the next argument, in order.
    pub fn f(self, key: T, args: &[&dyn Display]) -> String {
        let text = fill(self.t(key), args);
        match self {
            Lang::Zh => text,
            Lang::En => singular_after_one(&text),
        }
    }

    /// The words that stand where a confidential matter's content was
    /// (`domain::confidential`), on screen and in an export alike.
    pub fn veil(self) -> Veil<'static> {
        Veil {
            hidden: self.t(T::Confidential),
            matter: self.t(T::ConfidentialMatter),
        }
    }
}

/// The English nouns counted in the catalogue, plural as written, with their singular.
const COUNTED: [(&str, &str); 14] = [
    ("visits", "visit"),
    ("matters", "matter"),
    ("petitioners", "petitioner"),
    ("entries", "entry"),
    ("records", "record"),
    ("operators", "operator"),
    ("days", "day"),
    ("leaders", "leader"),
    ("departments", "department"),
    ("sessions", "session"),
    ("rows", "row"),
    ("items", "item"),
    ("others", "other"),
    ("places", "place"),
];

/// "1 visits" as "1 visit": the catalogue writes counts in the plural. Only the nouns it
/// counts are changed, so a verb after a 1 is never touched.
fn singular_after_one(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("1 ") {
        let one_alone = !rest[..i].ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        out.push_str(&rest[..i + 2]);
        rest = &rest[i + 2..];
        if !one_alone {
            continue;
        }
        let word_end = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        if let Some((_, singular)) = COUNTED.iter().find(|(p, _)| *p == &rest[..word_end]) {
            out.push_str(singular);
            rest = &rest[word_end..];
        }
    }
    out.push_str(rest);
    out
}

fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        match args.next() {
            Some(a) => out.push_str(&a.to_string()),
            None => out.push_str("{}"),
        }
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// Declares the catalogue: `Key => "中文", "English";`. A key without both texts does not
/// compile, so a screen can never show a missing translation.
macro_rules! catalogue {
    ($( $(#[$doc:meta])* $key:ident => $zh:literal, $en:literal; )*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T { $( $(#[$doc])* $key, )* }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            pub fn text(self, lang: super::Lang) -> &'static str {
                match (self, lang) {
                    $( (T::$key, super::Lang::Zh) => $zh, (T::$key, super::Lang::En) => $en, )*
                }
            }
        }
    };
}
use catalogue;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_of_a_counted_noun_is_singular_in_english() {
        assert_eq!(Lang::En.f(T::DbVisits, &[&1]), "1 visit");
        assert_eq!(Lang::En.f(T::DbVisits, &[&11]), "11 visits");
        assert_eq!(Lang::En.f(T::DbVisits, &[&21]), "21 visits");
        assert_eq!(Lang::Zh.f(T::DbVisits, &[&1]), "共 1 条来访");
        assert_eq!(
            singular_after_one("1 entries, 1 is late, 2026-000001 matters"),
            "1 entry, 1 is late, 2026-000001 matters"
        );
    }

    #[test]
    fn placeholders_take_arguments_in_order() {
        assert_eq!(
            Lang::Zh.f(T::SavedNewCase, &[&"2026-000001", &"2026-000002"]),
            "已保存:来访 2026-000001,新事项 2026-000002"
        );
        assert_eq!(
            Lang::En.f(T::SavedNewCase, &[&"A", &"B"]),
            "Saved: visit A, new matter B"
        );
    }

    #[test]
    fn every_text_exists_in_both_languages_with_the_same_placeholders() {
        for key in T::ALL {
            let (zh, en) = (key.text(Lang::Zh), key.text(Lang::En));
            assert!(
                !zh.trim().is_empty() && !en.trim().is_empty(),
                "{key:?} is empty"
            );
            assert_eq!(
                zh.matches("{}").count(),
                en.matches("{}").count(),
                "{key:?} placeholders differ"
            );
        }
    }

    #[test]
    fn english_texts_are_not_left_in_chinese() {
        let untranslated: Vec<_> = T::ALL
            .iter()
            .filter(|k| {
                k.text(Lang::En)
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            })
            .filter(|k| !matches!(k, T::LangName))
            .collect();
        assert!(untranslated.is_empty(), "{untranslated:?}");
    }
}

//! Mainland phone numbers: mobile (11 digits, 1[3-9]…) or landline with its area code.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::text::fold_fullwidth;

/// A validated phone number in canonical form: `13812345678` or `0871-65123456[-123]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Phone(String);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("phone number is empty")]
    Empty,
    #[error("'{found}' is not allowed in a phone number")]
    BadCharacter { found: char },
    #[error("a mobile number has 11 digits, this has {len}")]
    MobileLength { len: usize },
    #[error("a mobile number's second digit is 3 to 9, not {found}")]
    MobilePrefix { found: char },
    #[error("a landline needs its area code (for example 0871-)")]
    MissingAreaCode,
    #[error("area code {code} is not valid")]
    AreaCode { code: String },
    #[error("a local number has 7 or 8 digits, this has {len}")]
    LocalLength { len: usize },
}

impl Phone {
    /// Accepts `+86`/`0086` prefixes, spaces, dashes, brackets and full-width digits; an
    /// extension may follow `-`, `转` or `ext`.
    pub fn parse(input: &str) -> Result<Phone, PhoneError> {
        let folded = fold_fullwidth(input).trim().to_ascii_lowercase();
        if folded.is_empty() {
            return Err(PhoneError::Empty);
        }
        let (main, extension) = match split_extension(&folded) {
            (main, None) => dashed_extension(main),
            split => split,
        };
        let mut digits = String::new();
        for c in main.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '(' | ')' | '（' | '）' | '—' => {}
                '+' if digits.is_empty() => {}
                _ => return Err(PhoneError::BadCharacter { found: c }),
            }
        }
        let extension = match extension {
            Some(ext) => {
                let ext: String = ext.chars().filter(|c| !c.is_whitespace()).collect();
                if let Some(bad) = ext.chars().find(|c| !c.is_ascii_digit()) {
                    return Err(PhoneError::BadCharacter { found: bad });
                }
                Some(ext).filter(|e| !e.is_empty())
            }
            None => None,
        };
        let digits = strip_country_code(&digits);
        if digits.is_empty() {
            return Err(PhoneError::Empty);
        }
        if digits.starts_with('1') {
            return parse_mobile(digits);
        }
        parse_landline(digits, extension.as_deref())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_mobile(&self) -> bool {
        self.0.starts_with('1')
    }

    /// Only the digits, for indexing and searching.
    pub fn digits(&self) -> String {
        self.0.chars().filter(char::is_ascii_digit).collect()
    }

    /// For every screen and list: first three and last four digits of a mobile
    /// (`138****5678`); a landline keeps its area code and last four (`0871-****3456`), always
    /// four stars so the mask does not tell how long the local number is. An extension is
    /// dropped: it would name the office.
    pub fn masked(&self) -> String {
        if self.is_mobile() {
            return format!("{}****{}", &self.0[..3], &self.0[7..]);
        }
        let (area, rest) = self.0.split_once('-').unwrap_or(("", &self.0));
        let local: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let keep = local.len().saturating_sub(4);
        format!("{area}-****{}", &local[keep..])
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn split_extension(s: &str) -> (&str, Option<&str>) {
    for marker in ["转", "ext.", "ext", "x"] {
        if let Some((main, ext)) = s.split_once(marker) {
            return (main, Some(ext));
        }
    }
    (s, None)
}

/// The canonical form writes an extension after a second dash (`010-2000000-1`), so that form
/// must read back as itself; it is taken so only when the part before the dash is a whole
/// landline as written, and `0871-6512-3456` stays one number grouped by a clerk.
fn dashed_extension(s: &str) -> (&str, Option<&str>) {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if let Some((main, ext)) = s.rsplit_once('-')
        && digits(ext)
        && main.split('-').count() == 2
        && main.split('-').all(digits)
        && parse_landline(&main.replace('-', ""), None).is_ok_and(|p| p.0 == main)
    {
        return (main, Some(ext));
    }
    (s, None)
}

fn strip_country_code(digits: &str) -> &str {
    if let Some(rest) = digits.strip_prefix("0086") {
        return rest;
    }
    if digits.len() == 13 && digits.starts_with("86") {
        return &digits[2..];
    }
    digits
}

fn parse_mobile(digits: &str) -> Result<Phone, PhoneError> {
    if digits.len() != 11 {
        return Err(PhoneError::MobileLength { len: digits.len() });
    }
    let second = digits.as_bytes()[1] as char;
    if !('3'..='9').contains(&second) {
        return Err(PhoneError::MobilePrefix { found: second });
    }
    Ok(Phone(digits.to_string()))
}

/// Area codes are 0 + two digits for 10 and 20–29 (Beijing, Guangzhou, Shanghai, …) and 0 +
/// three digits elsewhere.
fn parse_landline(digits: &str, extension: Option<&str>) -> Result<Phone, PhoneError> {
    if !digits.starts_with('0') {
        return Err(PhoneError::MissingAreaCode);
    }
    let area_len = if digits.starts_with("010") || digits.starts_with("02") {
        3
    } else {
        4
    };
    if digits.len() <= area_len {
        return Err(PhoneError::LocalLength { len: 0 });
    }
    let (area, local) = digits.split_at(area_len);
    if area == "00" || area.as_bytes()[1] == b'0' && area != "010" {
        return Err(PhoneError::AreaCode {
            code: area.to_string(),
        });
    }
    if !(7..=8).contains(&local.len()) {
        return Err(PhoneError::LocalLength { len: local.len() });
    }
    let mut canonical = format!("{area}-{local}");
    if let Some(ext) = extension {
        canonical.push('-');
        canonical.push_str(ext);
    }
    Ok(Phone(canonical))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobile_numbers_in_the_forms_clerks_type() {
        for input in [
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            "+86 138 1234 5678",
            "１３８１２３４５６７８",
        ] {
            assert_eq!(
                Phone::parse(input).unwrap().as_str(),
                "13812345678",
                "{input}"
            );
        }
    }

    #[test]
    fn mobile_errors_say_what_is_wrong() {
        assert_eq!(
            Phone::parse("1381234567"),
            Err(PhoneError::MobileLength { len: 10 })
        );
        assert_eq!(
            Phone::parse("12812345678"),
            Err(PhoneError::MobilePrefix { found: '2' })
        );
        assert_eq!(
            Phone::parse("138a2345678"),
            Err(PhoneError::BadCharacter { found: 'a' })
        );
        assert_eq!(Phone::parse("  "), Err(PhoneError::Empty));
    }

    #[test]
    fn landlines_need_an_area_code() {
        assert_eq!(
            Phone::parse("0871-65123456").unwrap().as_str(),
            "0871-65123456"
        );
        assert_eq!(
            Phone::parse("(010)12345678").unwrap().as_str(),
            "010-12345678"
        );
        assert_eq!(
            Phone::parse("02112345678").unwrap().as_str(),
            "021-12345678"
        );
        assert_eq!(
            Phone::parse("０８７９－２１２３４５６").unwrap().as_str(),
            "0879-2123456"
        );
        assert_eq!(
            Phone::parse("0871-65123456转301").unwrap().as_str(),
            "0871-65123456-301"
        );
        assert_eq!(
            Phone::parse("010-2000000-1").unwrap().as_str(),
            "010-2000000-1",
            "the canonical form with an extension reads back as itself, not as 010-20000001"
        );
        assert_eq!(
            Phone::parse("0871-6512-3456").unwrap().as_str(),
            "0871-65123456",
            "digits grouped by dashes are still one number"
        );
        assert_eq!(Phone::parse("65123456"), Err(PhoneError::MissingAreaCode));
        assert_eq!(
            Phone::parse("0871-651234"),
            Err(PhoneError::LocalLength { len: 6 })
        );
        assert_eq!(
            Phone::parse("0071-6512345"),
            Err(PhoneError::AreaCode {
                code: "0071".into()
            })
        );
    }

    #[test]
    fn masking_keeps_only_what_identifies_loosely() {
        assert_eq!(Phone::parse("13812345678").unwrap().masked(), "138****5678");
        assert_eq!(
            Phone::parse("0871-65123456").unwrap().masked(),
            "0871-****3456"
        );
        assert_eq!(
            Phone::parse("010-6512345转8").unwrap().masked(),
            "010-****2345",
            "a seven-digit local number and its extension are not told apart"
        );
    }
}

//! The petitioner (信访人) and the personal details given at a contact.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::id_number::IdNumber;
use super::phone::Phone;
use super::text::tidy;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PetitionerId(pub u64);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Sex {
    Male,
    Female,
    #[default]
    Unknown,
}

impl Sex {
    pub const ALL: [Sex; 3] = [Sex::Male, Sex::Female, Sex::Unknown];
}

/// Personal details as given at one contact; a visit keeps its own copy so the record shows
/// what was said that day even after the petitioner's details change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub sex: Sex,
    pub id_number: Option<IdNumber>,
    pub phone: Option<Phone>,
    pub address: String,
}

/// A petitioner known to the desk, with the figures repeat detection and the lists need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Petitioner {
    pub id: PetitionerId,
    pub person: Person,
    pub first_visit_at: NaiveDateTime,
    pub last_visit_at: NaiveDateTime,
    pub visit_count: u32,
}

pub const NAME_MAX_CHARS: usize = 30;
pub const ADDRESS_MAX_CHARS: usize = 120;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("name is required")]
    Required,
    #[error("name is longer than {max} characters")]
    TooLong { max: usize },
    #[error("'{found}' is not allowed in a name")]
    BadCharacter { found: char },
}

/// Names are Chinese characters, letters, spaces and the middle dot used in ethnic-minority and
/// foreign names (阿依古丽·买买提); digits and other symbols are typing mistakes.
pub fn validate_name(input: &str) -> Result<String, NameError> {
    let name = tidy(input).replace(['.', '•', '・', '．'], "·");
    if name.is_empty() {
        return Err(NameError::Required);
    }
    if name.chars().count() > NAME_MAX_CHARS {
        return Err(NameError::TooLong {
            max: NAME_MAX_CHARS,
        });
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_alphabetic() || *c == ' ' || *c == '·'))
    {
        return Err(NameError::BadCharacter { found: bad });
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_minority_names_pass() {
        assert_eq!(validate_name(" 张三 ").unwrap(), "张三");
        assert_eq!(validate_name("阿依古丽.买买提").unwrap(), "阿依古丽·买买提");
    }

    #[test]
    fn bad_names_say_why() {
        assert_eq!(validate_name("　"), Err(NameError::Required));
        assert_eq!(
            validate_name("张3"),
            Err(NameError::BadCharacter { found: '3' })
        );
        assert_eq!(
            validate_name(&"张".repeat(31)),
            Err(NameError::TooLong {
                max: NAME_MAX_CHARS
            })
        );
    }
}

//! Identity numbers and phones: never a panic; what is accepted reads back as itself.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use xfdesk::domain::id_number::{IdNumber, check_char};
use xfdesk::domain::phone::Phone;

fuzz_target!(|text: &str| {
    let today = NaiveDate::from_ymd_opt(2026, 11, 18).unwrap();
    if let Ok(id) = IdNumber::parse(text, today) {
        let s = id.as_str();
        assert_eq!(s.chars().last(), Some(check_char(&s[..17])));
        assert_eq!(IdNumber::parse(s, today), Ok(id.clone()));
        let _ = (id.masked(), id.age_on(today), id.sex());
    }
    if let Ok(phone) = Phone::parse(text) {
        assert_eq!(Phone::parse(phone.as_str()), Ok(phone.clone()));
        let _ = phone.masked();
    }
});

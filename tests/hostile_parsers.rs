//! Whatever a clerk, an input method or a script types into an identity number, phone, date or
//! quarter: never a panic, and what is accepted reads back as itself.

mod common;

use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use clap::Parser;
use common::hostile::{hostile_text, to_fullwidth};
use proptest::prelude::*;
use xfdesk::cli::Cli;
use xfdesk::domain::date::{parse_date, parse_datetime, parse_time};
use xfdesk::domain::id_number::{IdNumber, check_char};
use xfdesk::domain::intake::{IntakeContext, IntakeInput};
use xfdesk::domain::office::OfficeSettings;
use xfdesk::domain::phone::Phone;
use xfdesk::domain::statistics::period::Quarter;

fn today() -> NaiveDate {
    common::now().date()
}

/// A real identity number: a region in use, a birth date between 1900 and today, any sequence.
fn valid_id() -> impl Strategy<Value = String> {
    let regions = prop::sample::select(vec!["110105", "530802", "440305", "650102", "810000"]);
    let span = (today() - NaiveDate::from_ymd_opt(1900, 1, 1).unwrap()).num_days() as u64;
    (regions, 0..=span, 0u32..1000).prop_map(|(region, days, seq)| {
        let birth = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Days::new(days);
        common::id_number(
            region,
            &birth.format("%Y%m%d").to_string(),
            &format!("{seq:03}"),
        )
    })
}

fn valid_mobile() -> impl Strategy<Value = String> {
    (3u8..=9, 0u64..1_000_000_000).prop_map(|(second, rest)| format!("1{second}{rest:09}"))
}

fn cases(n: u32) -> ProptestConfig {
    ProptestConfig::with_cases(n)
}

proptest! {
    #![proptest_config(cases(200))]

    #[test]
    fn any_text_as_an_id_number_is_refused_or_a_consistent_number(text in hostile_text()) {
        if let Ok(id) = IdNumber::parse(&text, today()) {
            let s = id.as_str();
            prop_assert_eq!(s.chars().count(), 18);
            prop_assert_eq!(s.chars().last(), Some(check_char(&s[..17])));
            prop_assert_eq!(IdNumber::parse(s, today()), Ok(id.clone()));
            prop_assert!(id.birth_date() <= today() && id.birth_date().year() >= 1900);
            prop_assert_eq!(id.masked().chars().count(), 18);
            id.age_on(today());
        }
    }

    #[test]
    fn a_valid_id_number_round_trips_however_it_is_typed(id in valid_id(), spaced in any::<bool>()) {
        let parsed = IdNumber::parse(&id, today()).expect("a valid number");
        prop_assert_eq!(parsed.as_str(), id.as_str());
        let mut typed = to_fullwidth(&id.to_lowercase());
        if spaced {
            typed = format!(" {} {} ", &id[..6], &id[6..]);
        }
        prop_assert_eq!(IdNumber::parse(&typed, today()), Ok(parsed.clone()));
        prop_assert_eq!(IdNumber::parse(parsed.as_str(), today()), Ok(parsed));
    }

    #[test]
    fn a_wrong_check_character_is_always_caught(id in valid_id(), wrong in 0usize..11) {
        let right = id.chars().last().unwrap();
        let other = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'][wrong];
        prop_assume!(other != right);
        let typed = format!("{}{other}", &id[..17]);
        prop_assert!(IdNumber::parse(&typed, today()).is_err());
    }

    #[test]
    fn any_text_as_a_phone_is_refused_or_reads_back_as_itself(text in hostile_text()) {
        if let Ok(phone) = Phone::parse(&text) {
            prop_assert_eq!(Phone::parse(phone.as_str()), Ok(phone.clone()));
            prop_assert!(phone.digits().len() >= 7);
            prop_assert!(phone.masked().contains("****"));
        }
    }

    #[test]
    fn a_mobile_typed_full_width_or_with_the_country_code_is_the_same_number(
        mobile in valid_mobile(),
        prefix in prop::sample::select(vec!["", "+86 ", "0086", "86"]),
    ) {
        let phone = Phone::parse(&mobile).expect("a valid mobile");
        prop_assert_eq!(phone.as_str(), mobile.as_str());
        prop_assert_eq!(Phone::parse(&to_fullwidth(&format!("{prefix}{mobile}"))), Ok(phone));
    }

    #[test]
    fn landlines_with_extensions_read_back_as_themselves(
        area in prop::sample::select(vec!["010", "021", "0871", "0335"]),
        local in 2_000_000u64..99_999_999,
        ext in prop::option::of(1u32..10_000),
        marker in prop::sample::select(vec!["转", "-", " ext "]),
    ) {
        let typed = match ext {
            Some(e) => format!("{area}-{local}{marker}{e}"),
            None => format!("{area}-{local}"),
        };
        if let Ok(phone) = Phone::parse(&typed) {
            prop_assert_eq!(Phone::parse(phone.as_str()), Ok(phone.clone()));
        }
    }

    #[test]
    fn any_text_as_a_date_or_time_is_refused_or_a_real_one(text in hostile_text()) {
        if let Ok(date) = parse_date(&text) {
            prop_assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
        }
        if let Ok(time) = parse_time(&text) {
            prop_assert_eq!(parse_time(&time.format("%H:%M").to_string()), Ok(time));
        }
        let _ = parse_datetime(&text, NaiveTime::MIN);
        // Addresses as typed, read for the township in reports and for repeat visits.
        let _ = xfdesk::domain::statistics::period::township(&text);
        let _ = xfdesk::domain::repeat::similar_address(&text, "云南省普洱市思茅区南屏镇");
        let keys = xfdesk::domain::search::name_keys(&text);
        prop_assert!(keys.initials.len() <= keys.full.len().max(1));
        if let Some(q) = Quarter::parse(&text) {
            prop_assert!((1..=4).contains(&q.q));
        }
    }

    #[test]
    fn dates_as_clerks_write_them_read_as_the_same_day(
        days in 0u64..80_000,
        style in 0usize..4,
        full_width in any::<bool>(),
    ) {
        let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Days::new(days);
        let format = ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%Y年%m月%d日"][style];
        let mut typed = date.format(format).to_string();
        if full_width {
            typed = to_fullwidth(&typed);
        }
        prop_assert_eq!(parse_date(&typed), Ok(date));
    }
}

proptest! {
    #![proptest_config(cases(64))]

    /// The intake form's own parsing of every text field at once: a visit, or an error for
    /// each field that is wrong, each on a field that was filled or is required.
    #[test]
    fn any_text_in_the_intake_form_is_a_visit_or_errors_by_field(
        fields in proptest::collection::vec(hostile_text(), 8),
    ) {
        let input = IntakeInput {
            received_at: fields[0].clone(),
            name: fields[1].clone(),
            id_number: fields[2].clone(),
            phone: fields[3].clone(),
            address: fields[4].clone(),
            head_count: fields[5].clone(),
            category: fields[6].clone(),
            summary: fields[7].clone(),
            ..IntakeInput::default()
        };
        let settings = OfficeSettings::default();
        let ctx = IntakeContext { settings: &settings, now: common::now(), operator: "clerk1" };
        match input.validate(&ctx) {
            Ok(visit) => prop_assert!(visit.received_at <= common::now()),
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }

    /// `--today` and `--from` go through clap: a bad value is an error to print, not a panic.
    #[test]
    fn any_text_after_today_or_from_is_an_error_or_a_date(text in hostile_text()) {
        prop_assume!(!text.starts_with('-'));
        for args in [
            vec!["xfdesk", "--today", text.as_str()],
            vec!["xfdesk", "export", "--format", "csv", "--out", "x.csv", "--from", text.as_str()],
        ] {
            match Cli::try_parse_from(&args) {
                Ok(cli) => {
                    if args[1] == "--today" {
                        prop_assert_eq!(cli.today, parse_date(&text).ok());
                    }
                }
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }
}

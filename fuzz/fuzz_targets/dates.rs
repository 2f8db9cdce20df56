//! Dates and times as clerks and scripts type them.
#![no_main]

use chrono::NaiveTime;
use libfuzzer_sys::fuzz_target;
use xfdesk::domain::date::{parse_date, parse_datetime, parse_time};
use xfdesk::domain::statistics::period::Quarter;

fuzz_target!(|text: &str| {
    if let Ok(date) = parse_date(text) {
        assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
    }
    let _ = parse_time(text);
    let _ = parse_datetime(text, NaiveTime::MIN);
    let _ = Quarter::parse(text);
});

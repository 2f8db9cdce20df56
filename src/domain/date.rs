//! Dates and times as clerks type them: `2026-11-20`, `2026/11/20`, `20261120`, `2026年11月20日`,
//! optionally followed by `9:30` or `09:30`; full-width digits accepted.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::text::fold_fullwidth;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{text}' is not a date (use YYYY-MM-DD)")]
    NotADate { text: String },
    #[error("'{text}' is not a time (use HH:MM)")]
    NotATime { text: String },
}

pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let folded = fold_fullwidth(input.trim());
    let normal: String = folded
        .chars()
        .map(|c| match c {
            '/' | '.' | '年' | '月' => '-',
            '日' | '号' => ' ',
            _ => c,
        })
        .collect();
    let normal = normal.trim();
    let not_a_date = || DateError::NotADate {
        text: input.trim().to_string(),
    };
    if normal.len() == 8 && normal.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(normal, "%Y%m%d").map_err(|_| not_a_date());
    }
    let parts: Vec<&str> = normal.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 {
        return Err(not_a_date());
    }
    let nums: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    let nums = nums.ok_or_else(not_a_date)?;
    NaiveDate::from_ymd_opt(nums[0] as i32, nums[1], nums[2]).ok_or_else(not_a_date)
}

pub fn parse_time(input: &str) -> Result<NaiveTime, DateError> {
    let folded = fold_fullwidth(input.trim())
        .replace(['：', '点', '时'], ":")
        .replace('分', "");
    let t = folded.trim().trim_end_matches(':');
    let not_a_time = || DateError::NotATime {
        text: input.trim().to_string(),
    };
    let (h, m) = t.split_once(':').unwrap_or((t, "0"));
    let h: u32 = h.trim().parse().map_err(|_| not_a_time())?;
    let m: u32 = if m.trim().is_empty() {
        0
    } else {
        m.trim().parse().map_err(|_| not_a_time())?
    };
    NaiveTime::from_hms_opt(h, m, 0).ok_or_else(not_a_time)
}

/// A date with an optional time; without one, `default_time` is used.
pub fn parse_datetime(input: &str, default_time: NaiveTime) -> Result<NaiveDateTime, DateError> {
    let folded = fold_fullwidth(input.trim());
    let mut parts = folded.splitn(2, |c: char| c.is_whitespace() || c == 'T');
    let date = parse_date(parts.next().unwrap_or(""))?;
    let time = match parts.next().map(str::trim).filter(|s| !s.is_empty()) {
        Some(t) => parse_time(t)?,
        None => default_time,
    };
    Ok(date.and_time(time))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_forms_of_a_date() {
        for s in [
            "2026-11-20",
            "2026/11/20",
            "20261120",
            "2026年11月20日",
            "２０２６－１１－２０",
            "2026.11.20",
        ] {
            assert_eq!(parse_date(s), Ok(d(2026, 11, 20)), "{s}");
        }
    }

    #[test]
    fn impossible_dates_are_refused_with_the_text() {
        assert_eq!(
            parse_date("2026-02-30"),
            Err(DateError::NotADate {
                text: "2026-02-30".into()
            })
        );
        assert!(parse_date("20-11-2026").is_err());
        assert!(parse_date("").is_err());
        assert!(parse_date("2026-1x-01").is_err());
    }

    #[test]
    fn leap_day() {
        assert_eq!(parse_date("2028-02-29"), Ok(d(2028, 2, 29)));
        assert!(parse_date("2027-02-29").is_err());
    }

    #[test]
    fn date_with_and_without_time() {
        let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap();
        assert_eq!(
            parse_datetime("2026-11-20 14:05", nine),
            Ok(d(2026, 11, 20).and_hms_opt(14, 5, 0).unwrap())
        );
        assert_eq!(
            parse_datetime("2026-11-20", nine),
            Ok(d(2026, 11, 20).and_time(nine))
        );
        assert_eq!(
            parse_datetime("2026-11-20 ９：３０", nine),
            Ok(d(2026, 11, 20).and_hms_opt(9, 30, 0).unwrap())
        );
        assert!(matches!(
            parse_datetime("2026-11-20 25:00", nine),
            Err(DateError::NotATime { .. })
        ));
    }
}

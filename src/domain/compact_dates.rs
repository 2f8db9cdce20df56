//! Dates and times as plain numbers in rows that are read in bulk (the pending index, read
//! whole for every report): chrono's own serde writes text, which costs a parse per date on
//! every read. Used with `#[serde(with = "...")]`; a date out of chrono's range is an error
//! when read, never a panic.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde::de::{Deserialize, DeserializeOwned, Deserializer, Error};
use serde::ser::{Serialize, Serializer};

fn to_day(d: &NaiveDate) -> i32 {
    use chrono::Datelike;
    d.num_days_from_ce()
}

fn from_day<E: Error>(n: i32) -> Result<NaiveDate, E> {
    NaiveDate::from_num_days_from_ce_opt(n)
        .ok_or_else(|| E::custom(format!("day {n} out of range")))
}

/// A date as its day number from the common era.
pub mod day {
    use super::*;

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        to_day(d).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        from_day(i32::deserialize(d)?)
    }
}

pub mod optional_day {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        d.as_ref().map(to_day).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<i32>::deserialize(d)?.map(from_day).transpose()
    }
}

/// A date and time as seconds and nanoseconds since 1970, to the nanosecond.
pub mod moment {
    use super::*;

    pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        let utc = t.and_utc();
        (utc.timestamp(), utc.timestamp_subsec_nanos()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        let (secs, nanos) = <(i64, u32)>::deserialize(d)?;
        DateTime::from_timestamp(secs, nanos)
            .map(|t| t.naive_utc())
            .ok_or_else(|| D::Error::custom(format!("time {secs}.{nanos} out of range")))
    }
}

/// A list of things each with a date, e.g. reminders with their response dates.
pub mod dated_list {
    use super::*;

    pub fn serialize<T: Serialize, S: Serializer>(
        list: &[(T, NaiveDate)],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let plain: Vec<(&T, i32)> = list.iter().map(|(t, d)| (t, to_day(d))).collect();
        plain.serialize(s)
    }

    pub fn deserialize<'de, T: DeserializeOwned, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<(T, NaiveDate)>, D::Error> {
        Vec::<(T, i32)>::deserialize(d)?
            .into_iter()
            .map(|(t, n)| Ok((t, from_day(n)?)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        #[serde(with = "day")]
        day: NaiveDate,
        #[serde(with = "optional_day")]
        maybe: Option<NaiveDate>,
        #[serde(with = "moment")]
        at: NaiveDateTime,
        #[serde(with = "dated_list")]
        list: Vec<(u32, NaiveDate)>,
    }

    #[test]
    fn dates_and_times_round_trip_to_the_nanosecond_also_before_1970() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        for at in [
            d(2026, 11, 23)
                .and_hms_nano_opt(9, 30, 1, 123_456_789)
                .unwrap(),
            d(1960, 2, 29).and_hms_opt(23, 59, 59).unwrap(),
        ] {
            let sample = Sample {
                day: at.date(),
                maybe: Some(d(2024, 2, 29)),
                at,
                list: vec![(3, d(2026, 12, 31)), (4, d(2027, 1, 1))],
            };
            let json = serde_json::to_string(&sample).unwrap();
            assert_eq!(serde_json::from_str::<Sample>(&json).unwrap(), sample);
        }
        let out_of_range = r#"{"day": 2147483647, "maybe": null, "at": [0, 0], "list": []}"#;
        assert!(serde_json::from_str::<Sample>(out_of_range).is_err());
    }
}

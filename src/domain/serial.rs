//! Human-readable numbers per year (`2026-000123`) for visits and matters. The store hands them
//! out from a counter that only ever grows, so a number is never given twice.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SerialNo {
    pub year: i32,
    pub seq: u32,
}

impl fmt::Display for SerialNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:06}", self.year, self.seq)
    }
}

impl FromStr for SerialNo {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        let (year, seq) = s.trim().split_once('-').ok_or(())?;
        Ok(SerialNo {
            year: year.parse().map_err(|_| ())?,
            seq: seq.parse().map_err(|_| ())?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_year_and_six_digits_and_reads_back() {
        let n = SerialNo {
            year: 2026,
            seq: 123,
        };
        assert_eq!(n.to_string(), "2026-000123");
        assert_eq!("2026-000123".parse::<SerialNo>(), Ok(n));
        assert!("2026000123".parse::<SerialNo>().is_err());
    }
}

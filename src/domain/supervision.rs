//! Reminders and supervision (催办 / 督办, 第39条): how far a matter has been escalated, and
//! the document numbers the office gives them, per year and per series: reminders
//! "催〔2026〕3号", every level of supervision "督〔2026〕1号".
//!
//! The rules a careful office keeps, checked by `Matter::urge`:
//! - an urge says what is asked (the text is never blank) and by when, not before today;
//! - only a matter waiting on the office's side can be urged: not one that is closed, nor one
//!   whose time is the petitioner's (the window to ask for review);
//! - escalation does not go down while a higher level is still unanswered: a reminder under an
//!   open supervision notice would tell the department the matter got less pressing. The same
//!   level again (a second reminder) is ordinary practice and allowed.

use serde::{Deserialize, Serialize};

/// Stored inside ledger entries (bincode writes the variant's position), so new levels go at
/// the end only. The declaration order is also the order of escalation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Escalation {
    /// 催办.
    Reminder,
    /// 督办 (督办单).
    Notice,
    /// 约谈.
    Interview,
    /// 通报.
    Circular,
    /// 挂牌督办.
    Listed,
}

impl Escalation {
    pub const ALL: [Escalation; 5] = [
        Escalation::Reminder,
        Escalation::Notice,
        Escalation::Interview,
        Escalation::Circular,
        Escalation::Listed,
    ];

    /// Which number series the level's documents are counted in.
    pub fn series_kind(self) -> UrgeKind {
        match self {
            Escalation::Reminder => UrgeKind::Reminder,
            _ => UrgeKind::Supervision,
        }
    }
}

/// The two series of document numbers: reminders (催) and supervision (督).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum UrgeKind {
    Reminder,
    Supervision,
}

/// The counter a new document number is drawn from: one series in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UrgeSeries {
    pub kind: UrgeKind,
    pub year: i32,
}

/// A reminder's or supervision's document number. `level` says which document it is; the
/// number itself is unique within its series and year (see [`UrgeSeries`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UrgeNo {
    pub year: i32,
    pub seq: u32,
    pub level: Escalation,
}

impl UrgeNo {
    pub fn series(self) -> UrgeSeries {
        UrgeSeries {
            kind: self.level.series_kind(),
            year: self.year,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escalation_only_goes_up_in_declaration_order() {
        let mut sorted = Escalation::ALL;
        sorted.sort();
        assert_eq!(sorted, Escalation::ALL);
        assert!(Escalation::Reminder < Escalation::Notice);
        assert!(Escalation::Circular < Escalation::Listed);
    }

    #[test]
    fn reminders_and_supervision_are_counted_apart() {
        assert_eq!(Escalation::Reminder.series_kind(), UrgeKind::Reminder);
        for level in &Escalation::ALL[1..] {
            assert_eq!(level.series_kind(), UrgeKind::Supervision);
        }
        let n = UrgeNo {
            year: 2026,
            seq: 3,
            level: Escalation::Interview,
        };
        assert_eq!(
            n.series(),
            UrgeSeries {
                kind: UrgeKind::Supervision,
                year: 2026
            }
        );
    }
}

//! The one place that turns records into bytes and back. Every stored value starts with a
//! format-version byte so the encoding can change later: a new version gets its own arm in
//! `decode`, and old values keep reading.
//!
//! bincode writes fields in order and enum variants by position, with no names: a field added,
//! removed or moved in a stored struct, or a variant inserted before the last, changes what old
//! bytes mean. New enum variants go at the end. Any other change to a stored record is a new
//! version of that record, added like this:
//! - keep the old shape as a private struct (`v1::Visit`, field for field as it was) and give
//!   it `fn upgrade(self) -> Visit`, filling what it lacks;
//! - write version 2 from then on (a constant like `SEALED_AUDIT_VERSION`, and an encoder that
//!   sets it, as `encode_sealed` does);
//! - give the decoder an arm `1 => decode_body::<v1::Visit>(..).map(v1::Visit::upgrade)`
//!   beside `2 => decode_body(..)`, as `decode_audit` reads two versions today;
//! - freeze a fixture of the new version in `tests/stored_formats.rs` beside the version-1
//!   ones, which must keep passing untouched.
//!
//! Records are upgraded as they are read and rewritten in the new version when next changed;
//! a database is never rewritten wholesale on opening for a new version of a record. How
//! records are grouped into keys is another matter: a change of that (a matter's ledger as
//! one value, the evidence log in blocks) is moved once on opening (see `sled_store::matters`
//! and `sled_store::audit`).
//!
//! bincode is used here and nowhere else.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::RecordRef;

/// The version written today.
pub const FORMAT_VERSION: u8 = 1;
/// Evidence log entries sealed in the hash chain (`store::chain::Sealed`). Entries of version 1
/// are bare `AuditEvent`s from before the chain; they still read, and `check` reports them as
/// unsealed.
pub const SEALED_AUDIT_VERSION: u8 = 2;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    #[error("{record} is empty")]
    Empty { record: RecordRef },
    #[error("{record} has format version {version}, this xfdesk does not read it")]
    UnknownVersion { record: RecordRef, version: u8 },
    #[error("{record} is damaged: {damage}")]
    Damaged { record: RecordRef, damage: Damage },
    #[error("{record} would take {bytes} bytes, more than {MAX_RECORD_BYTES}")]
    TooLarge { record: RecordRef, bytes: usize },
    #[error("{record} could not be encoded: {reason}")]
    Encode { record: RecordRef, reason: String },
}

/// What is wrong with a record's bytes, kept as a value so `xfdesk check` and the desk can say
/// it in the user's language; bincode's own words are English.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Damage {
    #[error("cut short")]
    CutShort,
    #[error("{0} bytes left over")]
    LeftOver(usize),
    /// A length larger than any record: a damaged length prefix.
    #[error("a length is impossibly large")]
    TooLong,
    #[error("text that is not UTF-8")]
    NotText,
    /// A value its type does not allow (an unknown choice, a number out of range); bincode's
    /// description, shown in English only.
    #[error("{0}")]
    BadValue(String),
    /// The records kept together in one pack are not in order.
    #[error("the records stored with it are out of order")]
    OutOfOrder,
}

impl From<bincode::error::DecodeError> for Damage {
    fn from(e: bincode::error::DecodeError) -> Self {
        use bincode::error::DecodeError as E;
        match e {
            E::UnexpectedEnd { .. } => Damage::CutShort,
            E::LimitExceeded | E::OutsideUsizeRange(_) => Damage::TooLong,
            E::Utf8 { .. } | E::InvalidCharEncoding(_) => Damage::NotText,
            other => Damage::BadValue(other.to_string()),
        }
    }
}

impl CodecError {
    /// The record the error is about.
    pub fn record(&self) -> RecordRef {
        match self {
            CodecError::Empty { record }
            | CodecError::UnknownVersion { record, .. }
            | CodecError::Damaged { record, .. }
            | CodecError::TooLarge { record, .. }
            | CodecError::Encode { record, .. } => *record,
        }
    }
}

/// The largest record written or read. bincode allocates a string's claimed length before
/// reading it, so without a limit one damaged length prefix would abort the process; no real
/// record comes near this size, and `encode` refuses anything larger so all it writes reads.
pub const MAX_RECORD_BYTES: usize = 16 << 20;

fn config() -> bincode::config::Configuration {
    bincode::config::standard()
}

fn decode_config() -> bincode::config::Configuration<
    bincode::config::LittleEndian,
    bincode::config::Varint,
    bincode::config::Limit<MAX_RECORD_BYTES>,
> {
    config().with_limit::<MAX_RECORD_BYTES>()
}

pub fn encode<T: Serialize>(value: &T, record: RecordRef) -> Result<Vec<u8>, CodecError> {
    let mut out = vec![FORMAT_VERSION];
    bincode::serde::encode_into_std_write(value, &mut out, config()).map_err(|e| {
        CodecError::Encode {
            record,
            reason: e.to_string(),
        }
    })?;
    if out.len() > MAX_RECORD_BYTES {
        return Err(CodecError::TooLarge {
            record,
            bytes: out.len(),
        });
    }
    Ok(out)
}

/// A value decoded from `bytes`; it may borrow from them (an index list's entries do).
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8], record: RecordRef) -> Result<T, CodecError> {
    let (&version, body) = bytes.split_first().ok_or(CodecError::Empty { record })?;
    match version {
        1 => decode_body(body, record),
        version => Err(CodecError::UnknownVersion { record, version }),
    }
}

fn decode_body<'a, T: Deserialize<'a>>(body: &'a [u8], record: RecordRef) -> Result<T, CodecError> {
    let (value, used) =
        bincode::serde::borrow_decode_from_slice(body, decode_config()).map_err(|e| {
            CodecError::Damaged {
                record,
                damage: e.into(),
            }
        })?;
    if used != body.len() {
        return Err(CodecError::Damaged {
            record,
            damage: Damage::LeftOver(body.len() - used),
        });
    }
    Ok(value)
}

/// How many items a stored list (`Vec<T>`) holds, read from its length prefix without
/// decoding the items; `None` when the bytes are not a list of this version.
pub fn list_len(bytes: &[u8]) -> Option<usize> {
    let (&version, body) = bytes.split_first()?;
    if version != FORMAT_VERSION {
        return None;
    }
    let (len, _): (u64, usize) = bincode::decode_from_slice(body, decode_config()).ok()?;
    usize::try_from(len).ok()
}

/// Decodes a stored list (`Vec<T>`), appending its items to `out`, which is left as it was
/// when the bytes do not decode. A report reads a hundred thousand rows from blocks of them:
/// decoding each block into a vector of its own and moving the rows again cost a fifth of
/// the time.
pub fn decode_list_into<T: DeserializeOwned>(
    bytes: &[u8],
    record: RecordRef,
    out: &mut Vec<T>,
) -> Result<(), CodecError> {
    let (&version, body) = bytes.split_first().ok_or(CodecError::Empty { record })?;
    if version != FORMAT_VERSION {
        return Err(CodecError::UnknownVersion { record, version });
    }
    let before = out.len();
    let damaged = |damage: Damage| CodecError::Damaged { record, damage };
    let used = bincode::serde::seed_decode_from_slice(Append(&mut *out), body, decode_config())
        .map(|(_, used)| used)
        .map_err(|e| damaged(e.into()));
    let left = used.and_then(|used| match body.len() - used {
        0 => Ok(()),
        left => Err(damaged(Damage::LeftOver(left))),
    });
    if left.is_err() {
        out.truncate(before);
    }
    left
}

/// Deserializes a sequence onto the end of a vector.
struct Append<'a, T>(&'a mut Vec<T>);

impl<'de, T: DeserializeOwned> serde::de::DeserializeSeed<'de> for Append<'_, T> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: DeserializeOwned> serde::de::Visitor<'de> for Append<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut items: A) -> Result<(), A::Error> {
        while let Some(item) = items.next_element()? {
            self.0.push(item);
        }
        Ok(())
    }
}

/// An evidence log entry as stored: sealed in the chain, or from before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredAudit {
    Sealed(super::chain::Sealed),
    Unsealed(crate::domain::audit::AuditEvent),
}

pub fn encode_sealed(entry: &super::chain::Sealed) -> Result<Vec<u8>, CodecError> {
    let mut out = encode(entry, RecordRef::Audit(entry.seq))?;
    if let Some(version) = out.first_mut() {
        *version = SEALED_AUDIT_VERSION;
    }
    Ok(out)
}

pub fn decode_audit(bytes: &[u8], record: RecordRef) -> Result<StoredAudit, CodecError> {
    let (&version, body) = bytes.split_first().ok_or(CodecError::Empty { record })?;
    match version {
        1 => decode_body(body, record).map(StoredAudit::Unsealed),
        SEALED_AUDIT_VERSION => decode_body(body, record).map(StoredAudit::Sealed),
        version => Err(CodecError::UnknownVersion { record, version }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        name: String,
        count: u32,
    }

    const REC: RecordRef = RecordRef::Visit(7);

    #[test]
    fn round_trip_starts_with_the_version() {
        let s = Sample {
            name: "张三".into(),
            count: 3,
        };
        let bytes = encode(&s, REC).unwrap();
        assert_eq!(bytes[0], FORMAT_VERSION);
        assert_eq!(decode::<Sample>(&bytes, REC).unwrap(), s);
    }

    #[test]
    fn a_list_decodes_onto_the_end_of_a_vector_and_tells_its_length() {
        let sample = |n: u32| Sample {
            name: format!("王{n}"),
            count: n,
        };
        let first = encode(&vec![sample(1), sample(2)], REC).unwrap();
        let long: Vec<Sample> = (3..300).map(sample).collect();
        let second = encode(&long, REC).unwrap();
        assert_eq!(list_len(&first), Some(2));
        // Past 250 items the length takes more than one byte.
        assert_eq!(list_len(&second), Some(297));

        let mut out = vec![sample(0)];
        decode_list_into(&first, REC, &mut out).unwrap();
        decode_list_into(&second, REC, &mut out).unwrap();
        assert_eq!(out, (0..300).map(sample).collect::<Vec<_>>());
    }

    #[test]
    fn a_damaged_list_names_the_record_and_adds_nothing() {
        let bytes = encode(
            &vec![
                Sample {
                    name: "张三".into(),
                    count: 3,
                };
                40
            ],
            REC,
        )
        .unwrap();
        let kept = Sample {
            name: "李四".into(),
            count: 4,
        };
        for cut in [bytes.len() - 1, bytes.len() / 2, 2] {
            let mut out = vec![kept.clone()];
            let err = decode_list_into::<Sample>(&bytes[..cut], REC, &mut out).unwrap_err();
            assert!(err.to_string().contains("visit #7"), "{err}");
            assert_eq!(out, vec![kept.clone()]);
        }
        let mut longer = bytes.clone();
        longer.push(0);
        let mut out: Vec<Sample> = Vec::new();
        let err = decode_list_into(&longer, REC, &mut out).unwrap_err();
        assert!(err.to_string().contains("left over"), "{err}");
        assert!(out.is_empty());
        let mut unknown = bytes;
        unknown[0] = 9;
        assert_eq!(list_len(&unknown), None);
        assert!(matches!(
            decode_list_into::<Sample>(&unknown, REC, &mut out),
            Err(CodecError::UnknownVersion { version: 9, .. })
        ));
    }

    #[test]
    fn damage_is_an_error_naming_the_record_never_a_panic() {
        let bytes = encode(
            &Sample {
                name: "张三".into(),
                count: 3,
            },
            REC,
        )
        .unwrap();
        assert_eq!(
            decode::<Sample>(&[], REC),
            Err(CodecError::Empty { record: REC })
        );
        assert_eq!(
            decode::<Sample>(&[9, 1, 2], REC),
            Err(CodecError::UnknownVersion {
                record: REC,
                version: 9
            })
        );
        let err = decode::<Sample>(&bytes[..bytes.len() - 2], REC).unwrap_err();
        assert_eq!(
            err,
            CodecError::Damaged {
                record: REC,
                damage: Damage::CutShort
            }
        );
        assert!(err.to_string().contains("visit #7"));
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(
            decode::<Sample>(&longer, REC),
            Err(CodecError::Damaged {
                record: REC,
                damage: Damage::LeftOver(1)
            })
        );
    }

    #[test]
    fn a_damaged_length_or_text_is_named_as_such() {
        // A string's length prefix claiming far more than any record holds.
        let mut long = vec![FORMAT_VERSION, 0xfd];
        long.extend_from_slice(&u64::MAX.to_le_bytes());
        assert_eq!(
            decode::<String>(&long, REC),
            Err(CodecError::Damaged {
                record: REC,
                damage: Damage::TooLong
            })
        );
        let not_text = [FORMAT_VERSION, 2, 0xff, 0xfe];
        assert_eq!(
            decode::<String>(&not_text, REC),
            Err(CodecError::Damaged {
                record: REC,
                damage: Damage::NotText
            })
        );
    }

    #[test]
    fn a_record_too_large_to_read_back_is_not_written() {
        let huge = "字".repeat(MAX_RECORD_BYTES / 3 + 1);
        assert!(matches!(
            encode(&huge, REC),
            Err(CodecError::TooLarge { record: REC, .. })
        ));
        let largest = "x".repeat(MAX_RECORD_BYTES - 8);
        let bytes = encode(&largest, REC).unwrap();
        assert_eq!(decode::<String>(&bytes, REC).unwrap(), largest);
    }

    /// `Case` as it was stored before the matter's life existed: only `Registered`. Mirrored
    /// field for field so the bytes are exactly what an older xfdesk wrote.
    mod before_lifecycle {
        use chrono::NaiveDateTime;
        use serde::Serialize;

        use crate::domain::case::CaseId;
        use crate::domain::petitioner::PetitionerId;
        use crate::domain::serial::SerialNo;
        use crate::domain::visit::{Kind, VisitId};

        #[derive(Serialize)]
        pub enum CaseState {
            Registered,
        }

        #[derive(Serialize)]
        pub struct Case {
            pub id: CaseId,
            pub number: SerialNo,
            pub petitioner_id: PetitionerId,
            pub first_visit: VisitId,
            pub opened_at: NaiveDateTime,
            pub last_visit_at: NaiveDateTime,
            pub visit_count: u32,
            pub kind: Kind,
            pub category: String,
            pub summary: String,
            pub state: CaseState,
        }
    }

    #[test]
    fn a_case_stored_before_the_matters_life_existed_still_reads() {
        use crate::domain::case::{Case, CaseId, CaseState};
        use crate::domain::petitioner::PetitionerId;
        use crate::domain::serial::SerialNo;
        use crate::domain::visit::{Kind, VisitId};

        let at = chrono::NaiveDate::from_ymd_opt(2025, 3, 5)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let old = before_lifecycle::Case {
            id: CaseId(4),
            number: SerialNo { year: 2025, seq: 4 },
            petitioner_id: PetitionerId(2),
            first_visit: VisitId(9),
            opened_at: at,
            last_visit_at: at,
            visit_count: 2,
            kind: Kind::Appeal,
            category: "征地拆迁".into(),
            summary: "补偿款未到位".into(),
            state: before_lifecycle::CaseState::Registered,
        };
        let rec = RecordRef::Case(4);
        let bytes = encode(&old, rec).unwrap();
        let case: Case = decode(&bytes, rec).unwrap();
        assert_eq!(case.state, CaseState::Registered);
        assert_eq!(case.summary, "补偿款未到位");
        assert_eq!(case.visit_count, 2);

        // bincode writes a variant's position: these must never move.
        for (state, position) in [
            (CaseState::Registered, 0),
            (CaseState::Accepted, 1),
            (CaseState::Closed, 11),
            (CaseState::Archived, 13),
        ] {
            assert_eq!(encode(&state, rec).unwrap(), [FORMAT_VERSION, position]);
        }
        let mut later = case;
        for state in CaseState::ALL {
            later.state = state;
            let bytes = encode(&later, rec).unwrap();
            assert_eq!(decode::<Case>(&bytes, rec).unwrap(), later);
        }
    }

    #[test]
    fn a_package_and_its_ledger_round_trip() {
        use crate::domain::ledger::{EventKind, LedgerEvent, Stamp};
        use crate::domain::lifecycle::{CaseState, Move};
        use crate::domain::matter::Package;
        use crate::domain::organisation::{DepartmentId, LeaderId};

        let package = Package {
            responsible: Some(LeaderId(3)),
            team: vec!["张伟".into()],
            plan: "先核实".into(),
            collective_study: true,
            department: Some(DepartmentId(1)),
            co_departments: vec![DepartmentId(2)],
            no_reacceptance: false,
        };
        let rec = RecordRef::Case(1);
        let bytes = encode(&package, rec).unwrap();
        assert_eq!(decode::<Package>(&bytes, rec).unwrap(), package);

        let at = chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap();
        let event = LedgerEvent::new(
            &Stamp::new(at, "李文"),
            EventKind::Moved {
                from: CaseState::Registered,
                to: CaseState::NotAccepted,
                step: Move::NotAccept {
                    reason: "已进入诉讼程序".into(),
                },
            },
            "告知信访人",
        );
        let bytes = encode(&event, rec).unwrap();
        assert_eq!(decode::<LedgerEvent>(&bytes, rec).unwrap(), event);
    }

    #[test]
    fn ledger_entries_added_later_read_back_and_older_ones_keep_their_place() {
        use crate::domain::ledger::EventKind;
        use crate::domain::organisation::DepartmentId;
        use crate::domain::supervision::{Escalation, UrgeNo};

        let rec = RecordRef::Ledger(1);
        // bincode writes the variant's position first: `Reminded` was the 11th entry kind.
        let reminded = EventKind::Reminded { department: None };
        assert_eq!(encode(&reminded, rec).unwrap()[..2], [FORMAT_VERSION, 10]);
        let number = UrgeNo {
            year: 2026,
            seq: 3,
            level: Escalation::Notice,
        };
        let added = [
            EventKind::TierSet {
                tier: Some("复杂".into()),
            },
            EventKind::Urged {
                level: Escalation::Notice,
                number,
                department: Some(DepartmentId(4)),
                response_by: chrono::NaiveDate::from_ymd_opt(2026, 7, 10).unwrap(),
                text: "请报送办理情况".into(),
            },
            EventKind::UrgeAnswered { number },
        ];
        for (position, what) in (12u8..).zip(added) {
            let bytes = encode(&what, rec).unwrap();
            assert_eq!(bytes[1], position, "{what:?}");
            assert_eq!(decode::<EventKind>(&bytes, rec).unwrap(), what);
        }
    }
}

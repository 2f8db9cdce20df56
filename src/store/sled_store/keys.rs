//! How records, counters and index entries are laid out as sled keys.
//!
//! Every multi-byte number is big-endian, and signed numbers have their sign bit flipped, so
//! that sled's byte order is the order the desk lists things in. Index entries live in one tree
//! and start with a one-byte tag; the id they point at is always the key's last eight bytes, so
//! the value can stay empty.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;

use crate::domain::case::{Case, CaseState};
use crate::domain::matter::Package;
use crate::domain::petitioner::Petitioner;
use crate::domain::search::name_keys;
use crate::domain::serial::SerialNo;
use crate::domain::visit::Visit;

/// Index tags. The values are stored on disk: never renumber one, only add. 0x0b to 0x0f and
/// 0x15 to 0x1f are taken by the keys of lists of entries (`lists::list_tag`, `name_lists`).
pub mod tag {
    /// identity number + 0x00 + petitioner
    pub const ID_NUMBER: u8 = 0x01;
    /// phone digits + 0x00 + petitioner
    pub const PHONE: u8 = 0x02;
    /// phone digits reversed + 0x00 + petitioner: the last digits become a prefix
    pub const PHONE_REVERSED: u8 = 0x03;
    /// name tail + 0x00 + recency + petitioner
    pub const NAME_TAIL: u8 = 0x04;
    /// pinyin initials + 0x00 + recency + petitioner
    pub const INITIALS: u8 = 0x05;
    /// full pinyin + 0x00 + recency + petitioner
    pub const FULL_PINYIN: u8 = 0x06;
    /// received_by + 0x00 + petitioner: the people a clerk registered a visit of, so a
    /// clerk's search reads only petitioners it will list
    pub const PETITIONER_BY_OPERATOR: u8 = 0x07;
    /// received_at + visit
    pub const VISIT_BY_TIME: u8 = 0x10;
    /// year + seq + visit
    pub const VISIT_BY_NUMBER: u8 = 0x11;
    /// petitioner + received_at + visit
    pub const VISIT_BY_PETITIONER: u8 = 0x12;
    /// case + received_at + visit
    pub const VISIT_BY_CASE: u8 = 0x13;
    /// received_by + 0x00 + received_at + visit: a clerk's own visits, newest last
    pub const VISIT_BY_OPERATOR: u8 = 0x14;
    /// petitioner + opened_at + case
    pub const CASE_BY_PETITIONER: u8 = 0x20;
    /// state + opened_at + case
    pub const CASE_BY_STATE: u8 = 0x21;
    /// opened_at + case, while the matter is on the collective-study list
    pub const COLLECTIVE_STUDY: u8 = 0x22;
    /// tidied name of an active leader → the leader's id as the value: no two active leaders
    /// share a name. The only index entries with a value; the key must be found by the name.
    pub const LEADER_NAME: u8 = 0x30;
    /// tidied name of an active department → its id, as for leaders
    pub const DEPARTMENT_NAME: u8 = 0x31;
    /// leader + case: the matter names the leader (see `organisation::Named`)
    pub const LEADER_NAMED_BY: u8 = 0x32;
    /// department + case: the matter names the department
    pub const DEPARTMENT_NAMED_BY: u8 = 0x33;
    /// login code of an operator → the operator's id as the value: codes are unique
    pub const OPERATOR_CODE: u8 = 0x40;
}

/// Ends the text part of a key: it sorts before every character, so an exact key comes before
/// the longer keys it is a prefix of, and a search's exact matches are read first.
pub const END_OF_TEXT: u8 = 0x00;

/// Keys in the `meta` tree.
pub mod meta {
    use crate::domain::supervision::{UrgeKind, UrgeSeries};

    /// The last id handed out, shared by every kind of record.
    pub const LAST_ID: &[u8] = b"last_id";
    pub const VISIT_COUNT: &[u8] = b"visit_count";
    pub const DEMO: &[u8] = b"demo";
    /// The last sequence number of the evidence log.
    pub const AUDIT_SEQ: &[u8] = b"audit_seq";
    /// The format of the rows in the `pending` tree; absent before the tree existed.
    pub const PENDING_ROWS: &[u8] = b"pending_rows";
    /// When the last backup was taken (or the backup this database was restored from).
    pub const LAST_BACKUP: &[u8] = b"last_backup";

    pub fn visit_serial(year: i32) -> Vec<u8> {
        super::concat(&[b"serial/visit/", &super::year_key(year)])
    }

    pub fn case_serial(year: i32) -> Vec<u8> {
        super::concat(&[b"serial/case/", &super::year_key(year)])
    }

    /// The last number of a series of reminders or supervision documents in a year.
    pub fn urge_serial(series: UrgeSeries) -> Vec<u8> {
        let kind: &[u8] = match series.kind {
            UrgeKind::Reminder => b"serial/reminder/",
            UrgeKind::Supervision => b"serial/supervision/",
        };
        super::concat(&[kind, &super::year_key(series.year)])
    }

    /// Set once the leader and department indexes (names, references) have been built for
    /// what a database held before they existed.
    pub const ORG_INDEX: &[u8] = b"org_index";

    /// Set once the visits registered before `tag::VISIT_BY_OPERATOR` existed are indexed.
    pub const OPERATOR_INDEX: &[u8] = b"operator_index";

    /// How index lists are keyed (`list_layout`); absent in a database from before layout 2.
    pub const LIST_LAYOUT: &[u8] = b"list_layout";

    /// Set once the visits registered before `tag::PETITIONER_BY_OPERATOR` existed are indexed.
    pub const OPERATOR_PETITIONERS: &[u8] = b"operator_petitioners";

    /// How many matters name a leader or department, read by a delete in its transaction
    /// (which cannot scan the index). `kind` is the index tag of the references.
    pub fn references(kind: u8, id: u64) -> Vec<u8> {
        super::concat(&[b"refs/", &[kind], &super::id_key(id)])
    }

    /// Where the entries of a matter's ledger were counted while each entry had its own key
    /// (`ledger_len/<case>`); removed when those ledgers are moved.
    pub const LEDGER_LEN: &[u8] = b"ledger_len/";
}

/// The key of a record in its own tree.
pub fn id_key(id: u64) -> [u8; 8] {
    id.to_be_bytes()
}

/// The id an index entry points at, or `None` for a key too short to be one of ours.
pub fn trailing_id(key: &[u8]) -> Option<u64> {
    let start = key.len().checked_sub(8)?;
    let bytes: [u8; 8] = key.get(start..)?.try_into().ok()?;
    Some(u64::from_be_bytes(bytes))
}

fn flip_i64(n: i64) -> u64 {
    (n as u64) ^ (1 << 63)
}

fn year_key(year: i32) -> [u8; 4] {
    ((year as u32) ^ (1 << 31)).to_be_bytes()
}

/// Seconds then nanoseconds: the same order as `NaiveDateTime`, to the nanosecond, so the
/// `(received_at, id)` paging cursor compares exactly as the memory store does.
pub fn time_key(at: NaiveDateTime) -> [u8; 12] {
    let utc = at.and_utc();
    let mut out = [0; 12];
    out[..8].copy_from_slice(&flip_i64(utc.timestamp()).to_be_bytes());
    out[8..].copy_from_slice(&utc.timestamp_subsec_nanos().to_be_bytes());
    out
}

/// Newest first within one exact name key: the most recently seen of many 张伟 is read first.
fn recency_key(last_visit: NaiveDateTime) -> [u8; 8] {
    (u64::MAX - flip_i64(last_visit.and_utc().timestamp_millis())).to_be_bytes()
}

fn concat(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.extend_from_slice(p);
    }
    out
}

/// The start every key of a text index shares for `text` and whatever longer text begins
/// with it.
pub fn text_prefix(tag: u8, text: &str) -> Vec<u8> {
    concat(&[&[tag], text.as_bytes()])
}

/// The start of the keys for exactly `text`.
pub fn exact_text_prefix(tag: u8, text: &str) -> Vec<u8> {
    concat(&[&[tag], text.as_bytes(), &[END_OF_TEXT]])
}

pub fn reversed(digits: &str) -> String {
    digits.chars().rev().collect()
}

/// Every index key that points at this petitioner. When a petitioner changes, the difference
/// between the old and the new set is what must be removed and added.
pub fn petitioner_index(p: &Petitioner) -> BTreeSet<Vec<u8>> {
    let id = id_key(p.id.0);
    let mut keys = BTreeSet::new();
    if let Some(number) = &p.person.id_number {
        keys.insert(concat(&[
            &exact_text_prefix(tag::ID_NUMBER, number.as_str()),
            &id,
        ]));
    }
    if let Some(phone) = &p.person.phone {
        let digits = phone.digits();
        keys.insert(concat(&[&exact_text_prefix(tag::PHONE, &digits), &id]));
        keys.insert(concat(&[
            &exact_text_prefix(tag::PHONE_REVERSED, &reversed(&digits)),
            &id,
        ]));
    }
    let recency = recency_key(p.last_visit_at);
    for (tag, text) in name_texts(&p.person.name) {
        keys.insert(concat(&[&exact_text_prefix(tag, &text), &recency, &id]));
    }
    keys
}

/// Each text a name is indexed by, with the tag of its index.
pub fn name_texts(name: &str) -> impl Iterator<Item = (u8, String)> {
    let names = name_keys(name);
    let tagged = |tag: u8, texts: Vec<String>| texts.into_iter().map(move |t| (tag, t));
    tagged(tag::NAME_TAIL, names.tails)
        .chain(tagged(tag::INITIALS, names.initials))
        .chain(tagged(tag::FULL_PINYIN, names.full))
}

/// Stored on disk inside keys: a new state gets a new byte, never a reused one.
fn state_byte(state: CaseState) -> u8 {
    match state {
        CaseState::Registered => 1,
        CaseState::Accepted => 2,
        CaseState::NotAccepted => 3,
        CaseState::Forwarded => 4,
        CaseState::Assigned => 5,
        CaseState::InHandling => 6,
        CaseState::Answered => 7,
        CaseState::ReviewRequested => 8,
        CaseState::ReviewAnswered => 9,
        CaseState::ReReviewRequested => 10,
        CaseState::ReReviewAnswered => 11,
        CaseState::Closed => 12,
        CaseState::Settled => 13,
        CaseState::Archived => 14,
    }
}

pub fn case_index(c: &Case) -> BTreeSet<Vec<u8>> {
    let opened = time_key(c.opened_at);
    let id = id_key(c.id.0);
    BTreeSet::from([
        concat(&[
            &[tag::CASE_BY_PETITIONER],
            &id_key(c.petitioner_id.0),
            &opened,
            &id,
        ]),
        concat(&[&[tag::CASE_BY_STATE, state_byte(c.state)], &opened, &id]),
    ])
}

/// The case's keys and, while it is flagged, its place on the collective-study list.
pub fn matter_index(c: &Case, p: &Package) -> BTreeSet<Vec<u8>> {
    let mut keys = case_index(c);
    if p.collective_study {
        keys.insert(concat(&[
            &[tag::COLLECTIVE_STUDY],
            &time_key(c.opened_at),
            &id_key(c.id.0),
        ]));
    }
    keys
}

pub fn state_prefix(state: CaseState) -> [u8; 2] {
    [tag::CASE_BY_STATE, state_byte(state)]
}

/// A ledger entry's key in the old `ledger` tree: matter, then the entry's position. Kept to
/// build such a database in the test of moving it.
#[cfg(test)]
pub fn ledger_key(case: u64, position: u64) -> [u8; 16] {
    let mut out = [0; 16];
    out[..8].copy_from_slice(&id_key(case));
    out[8..].copy_from_slice(&id_key(position));
    out
}

/// A visit never changes once registered, so its keys are only ever added. The last, the
/// clerk and the petitioner, is shared by all visits of the pair.
pub fn visit_index(v: &Visit) -> [Vec<u8>; 6] {
    let at = time_key(v.received_at);
    let id = id_key(v.id.0);
    [
        concat(&[&[tag::VISIT_BY_TIME], &at, &id]),
        concat(&[&number_prefix(v.number), &id]),
        concat(&[
            &[tag::VISIT_BY_PETITIONER],
            &id_key(v.petitioner_id.0),
            &at,
            &id,
        ]),
        concat(&[&[tag::VISIT_BY_CASE], &id_key(v.case_id.0), &at, &id]),
        operator_visit_key(v),
        operator_petitioner_key(&v.received_by, v.petitioner_id.0),
    ]
}

/// The entry saying `received_by` registered a visit of `petitioner`.
pub fn operator_petitioner_key(received_by: &str, petitioner: u64) -> Vec<u8> {
    concat(&[
        &[tag::PETITIONER_BY_OPERATOR],
        received_by.as_bytes(),
        &[END_OF_TEXT],
        &id_key(petitioner),
    ])
}

/// A visit's entry in the index of visits by the operator who registered them.
pub fn operator_visit_key(v: &Visit) -> Vec<u8> {
    concat(&[
        &operator_prefix(&v.received_by),
        &time_key(v.received_at),
        &id_key(v.id.0),
    ])
}

/// The visits one operator registered: `tag + received_by + END_OF_TEXT`.
pub fn operator_prefix(received_by: &str) -> Vec<u8> {
    concat(&[
        &[tag::VISIT_BY_OPERATOR],
        received_by.as_bytes(),
        &[END_OF_TEXT],
    ])
}

pub fn number_prefix(number: SerialNo) -> Vec<u8> {
    concat(&[
        &[tag::VISIT_BY_NUMBER],
        &year_key(number.year),
        &number.seq.to_be_bytes(),
    ])
}

/// The visits list's exclusive upper end: everything before `(at, id)` in time order.
pub fn visit_time_before(at: NaiveDateTime, id: u64) -> Vec<u8> {
    concat(&[&[tag::VISIT_BY_TIME], &time_key(at), &id_key(id)])
}

/// Keys of one record's entries under `tag`: `tag + owner`.
pub fn owned_prefix(tag: u8, owner: u64) -> Vec<u8> {
    concat(&[&[tag], &id_key(owner)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, h: u32, nano: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, 3, 1)
            .unwrap()
            .and_hms_nano_opt(h, 0, 0, nano)
            .unwrap()
    }

    #[test]
    fn byte_order_is_time_order_also_before_1970() {
        let times = [
            at(1960, 9, 0),
            at(1969, 23, 5),
            at(1970, 0, 0),
            at(2026, 9, 0),
            at(2026, 9, 1),
            at(2026, 10, 0),
        ];
        let keys: Vec<_> = times.iter().map(|t| time_key(*t)).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
        let recency: Vec<_> = times.iter().map(|t| recency_key(*t)).collect();
        assert!(
            recency.windows(2).all(|w| w[0] >= w[1]),
            "newer sorts first"
        );
        assert!(year_key(-1) < year_key(0) && year_key(2025) < year_key(2026));
    }

    #[test]
    fn an_exact_key_sorts_before_longer_keys_it_starts() {
        let exact = exact_text_prefix(tag::NAME_TAIL, "张三");
        let longer = exact_text_prefix(tag::NAME_TAIL, "张三丰");
        assert!(exact < longer);
        assert!(exact.starts_with(&text_prefix(tag::NAME_TAIL, "张三")));
        assert!(longer.starts_with(&text_prefix(tag::NAME_TAIL, "张三")));
    }

    #[test]
    fn the_trailing_id_reads_back() {
        let key = concat(&[&exact_text_prefix(tag::PHONE, "138"), &id_key(42)]);
        assert_eq!(trailing_id(&key), Some(42));
        assert_eq!(trailing_id(&[1, 2, 3]), None);
    }
}

//! Index entries kept many to a key: the visits by time, by number and by the clerk who
//! registered them; the visits of a petitioner or a matter and the matters of a petitioner;
//! the matters in each state; the matters naming a leader or a department; identity numbers and
//! phones.
//!
//! These indexes gave sled a key per visit, matter or petitioner each, nine million keys at a
//! million visits, and sled's memory and opening time grow with its keys. They are only ever
//! read in order (the visits list, a clerk's own visits, newest first; the matters in a state,
//! oldest first; identity numbers and phones by what was typed of them), by an exact number,
//! all entries of one petitioner or matter, or looked up one by one, so their entries are kept
//! in lists of a few dozen: of one ten-minute span (of one clerk), of one day (of one state),
//! of 64 consecutive numbers, of consecutive petitioner or matter ids, or of numbers that begin
//! (or end) alike, in one value under a list key in the `index` tree. An entry is the same
//! bytes as the key it used to be (`keys`), so what `check` expects is unchanged, and the list
//! key is a function of the entry that keeps its order: a range of entries lies in the lists
//! whose keys lie in the same range, each list sorted. The name indexes are kept in lists too,
//! keyed differently (`name_lists`).

use std::collections::BTreeMap;

use sled::transaction::TransactionalTree;
use sled::{Batch, IVec, Tree};

use crate::store::{RecordRef, Result, StoreError, codec};

use super::keys::tag;
use super::name_lists;
use super::read::{engine, malformed_index};
use super::write::{TxResult, fail};

/// Seconds of received time a list spans: a busy desk's hour is a few dozen visits. It was ten
/// minutes, and sled holds every key's place in memory; `list_layout` moves older lists.
pub(super) const SPAN_SECONDS: u64 = 3600;
/// Visit numbers a list spans.
const NUMBERS: u32 = 64;
/// Petitioner or matter ids a list of their visits or matters spans: a few kilobytes.
const OWNERS: u64 = 64;
/// Seconds of opening time a list of matters in one state spans: a day.
const STATE_SPAN_SECONDS: u64 = 86_400;
/// Matter ids a list of the matters naming one leader or department spans.
const NAMING_CASES: u64 = 1024;
/// Bytes after the operator's code in an entry: received time and visit id.
const TIME_AND_ID: usize = 12 + 8;
/// Petitioner ids a list of one clerk's people spans: at a million visits, a few dozen
/// entries, and a clerk's lists all fit in sled's cache.
const CLERK_PEOPLE: u64 = 256;

/// Tags of the list keys, one per index kept in lists. Stored on disk: never renumber.
pub mod list_tag {
    pub const BY_TIME: u8 = 0x15;
    pub const BY_NUMBER: u8 = 0x16;
    pub const BY_OPERATOR: u8 = 0x17;
    pub const PETITIONER_VISITS: u8 = 0x18;
    pub const CASE_VISITS: u8 = 0x19;
    pub const PETITIONER_CASES: u8 = 0x1a;
    pub const BY_STATE: u8 = 0x1b;
    pub const LEADER_NAMED: u8 = 0x1c;
    pub const DEPARTMENT_NAMED: u8 = 0x1d;
    pub const ID_NUMBERS: u8 = 0x1e;
    pub const PHONES: u8 = 0x1f;
    /// Phones by their last digits (`tag::PHONE_REVERSED`).
    pub const PHONE_ENDINGS: u8 = 0x0f;
    /// The people each clerk registered visits of (`tag::PETITIONER_BY_OPERATOR`).
    pub const OPERATOR_PETITIONERS: u8 = 0x0b;
    pub const LAST: u8 = PHONES;
}

/// The index tags whose entries live in lists.
pub const LISTED: [u8; 13] = [
    tag::PETITIONER_BY_OPERATOR,
    tag::ID_NUMBER,
    tag::PHONE,
    tag::PHONE_REVERSED,
    tag::VISIT_BY_TIME,
    tag::VISIT_BY_NUMBER,
    tag::VISIT_BY_OPERATOR,
    tag::VISIT_BY_PETITIONER,
    tag::VISIT_BY_CASE,
    tag::CASE_BY_PETITIONER,
    tag::CASE_BY_STATE,
    tag::LEADER_NAMED_BY,
    tag::DEPARTMENT_NAMED_BY,
];

/// Lists of identity numbers and phones hold the entries that begin with the same characters:
/// (list tag, index tag, how many). An identity number's first 14 characters are a county and
/// a birth date; a phone's first five digits, or its last four, split a million phones into
/// lists of about a hundred. A prefix of the entry keeps the entries' order whatever its length.
const BY_PREFIX: [(u8, u8, usize); 3] = [
    (list_tag::ID_NUMBERS, tag::ID_NUMBER, 14),
    (list_tag::PHONES, tag::PHONE, 5),
    (list_tag::PHONE_ENDINGS, tag::PHONE_REVERSED, 4),
];

fn by_prefix(kind: u8) -> Option<(u8, usize)> {
    BY_PREFIX
        .iter()
        .find(|(_, k, _)| *k == kind)
        .map(|&(list, _, len)| (list, len))
}

/// The list tag of the entries of an owner (petitioner or matter) under `kind`.
fn owner_list_tag(kind: u8) -> Option<u8> {
    match kind {
        tag::VISIT_BY_PETITIONER => Some(list_tag::PETITIONER_VISITS),
        tag::VISIT_BY_CASE => Some(list_tag::CASE_VISITS),
        tag::CASE_BY_PETITIONER => Some(list_tag::PETITIONER_CASES),
        _ => None,
    }
}

fn owner_list(list_tag: u8, owner: u64) -> Vec<u8> {
    [&[list_tag][..], &(owner / OWNERS).to_be_bytes()].concat()
}

fn span(seconds: &[u8]) -> Option<[u8; 8]> {
    spans(seconds, SPAN_SECONDS)
}

fn spans(seconds: &[u8], length: u64) -> Option<[u8; 8]> {
    let seconds = u64::from_be_bytes(seconds.try_into().ok()?);
    Some((seconds / length).to_be_bytes())
}

/// The key of the list holding `entry`, or `None` when the entry is not one kept in lists (or
/// is too short to be one).
pub fn list_of(entry: &[u8]) -> Option<Vec<u8>> {
    let (&kind, rest) = entry.split_first()?;
    match kind {
        tag::VISIT_BY_TIME => Some([&[list_tag::BY_TIME][..], &span(rest.get(..8)?)?].concat()),
        tag::VISIT_BY_NUMBER => {
            let year = rest.get(..4)?;
            let seq = u32::from_be_bytes(rest.get(4..8)?.try_into().ok()?);
            Some(
                [
                    &[list_tag::BY_NUMBER][..],
                    year,
                    &(seq / NUMBERS).to_be_bytes(),
                ]
                .concat(),
            )
        }
        tag::VISIT_BY_OPERATOR => {
            let code_end = rest.len().checked_sub(TIME_AND_ID)?;
            let (code, time) = rest.split_at(code_end);
            Some([&[list_tag::BY_OPERATOR][..], code, &span(&time[..8])?].concat())
        }
        tag::PETITIONER_BY_OPERATOR => {
            let code_end = rest.len().checked_sub(8)?;
            let (code, petitioner) = rest.split_at(code_end);
            let petitioner = u64::from_be_bytes(petitioner.try_into().ok()?);
            let people = (petitioner / CLERK_PEOPLE).to_be_bytes();
            Some([&[list_tag::OPERATOR_PETITIONERS][..], code, &people].concat())
        }
        tag::CASE_BY_STATE => {
            let state = *rest.first()?;
            let day = spans(rest.get(1..9)?, STATE_SPAN_SECONDS)?;
            Some([&[list_tag::BY_STATE, state][..], &day].concat())
        }
        tag::LEADER_NAMED_BY | tag::DEPARTMENT_NAMED_BY => {
            let named = if kind == tag::LEADER_NAMED_BY {
                list_tag::LEADER_NAMED
            } else {
                list_tag::DEPARTMENT_NAMED
            };
            let case = u64::from_be_bytes(rest.get(8..16)?.try_into().ok()?);
            let cases = (case / NAMING_CASES).to_be_bytes();
            Some([&[named][..], rest.get(..8)?, &cases].concat())
        }
        kind => match by_prefix(kind) {
            Some((list, len)) => Some([&[list][..], &rest[..len.min(rest.len())]].concat()),
            None => {
                let owner = u64::from_be_bytes(rest.get(..8)?.try_into().ok()?);
                Some(owner_list(owner_list_tag(kind)?, owner))
            }
        },
    }
}

/// Every entry under `kind` of one petitioner or matter (`keys::owned_prefix`), oldest first.
pub fn owned(index: &Tree, kind: u8, owner: u64) -> Result<Vec<Vec<u8>>> {
    let Some(list_tag) = owner_list_tag(kind) else {
        return Ok(Vec::new());
    };
    let list = owner_list(list_tag, owner);
    let Some(bytes) = index.get(&list).map_err(engine)? else {
        return Ok(Vec::new());
    };
    let prefix = super::keys::owned_prefix(kind, owner);
    Ok(kept(borrowed(&bytes)?, |e| e.starts_with(&prefix)))
}

/// The list keys of one clerk's visits start with this (`code` ends with `END_OF_TEXT`).
pub fn operator_lists(code_prefix: &[u8]) -> Vec<u8> {
    let code = code_prefix.get(1..).unwrap_or_default();
    [&[list_tag::BY_OPERATOR][..], code].concat()
}

/// Whether an `index` key is the key of a list rather than an entry of its own.
pub fn is_list(key: &[u8]) -> bool {
    matches!(
        key.first(),
        Some(&(list_tag::BY_TIME..=list_tag::LAST))
            | Some(&list_tag::PHONE_ENDINGS)
            | Some(&list_tag::OPERATOR_PETITIONERS)
            | Some(&(name_lists::FIRST_TAG..=name_lists::LAST_TAG))
    )
}

/// The entries of a stored list.
pub fn decode(bytes: &[u8]) -> Result<Vec<Vec<u8>>> {
    Ok(kept(borrowed(bytes)?, |_| true))
}

/// The entries of the list stored under `key`, borrowed from its bytes: a save changes a
/// dozen lists, and giving each entry of each an allocation of its own was a third of a
/// save's time.
pub(super) fn borrowed(bytes: &[u8]) -> Result<Vec<&[u8]>> {
    Ok(codec::decode(bytes, RecordRef::IndexList)?)
}

/// Copies of the entries that `keep` keeps, the others never copied.
fn kept(entries: Vec<&[u8]>, keep: impl Fn(&[u8]) -> bool) -> Vec<Vec<u8>> {
    entries
        .into_iter()
        .filter(|e| keep(e))
        .map(<[u8]>::to_vec)
        .collect()
}

/// An entry as stored: its bytes written in one go (serde writes a plain slice a byte at a
/// time), the same bytes either way.
struct Stored<'a>(&'a [u8]);

impl serde::Serialize for Stored<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

pub(super) fn encode<E: AsRef<[u8]>>(
    entries: &[E],
) -> std::result::Result<Vec<u8>, codec::CodecError> {
    let stored: Vec<Stored> = entries.iter().map(|e| Stored(e.as_ref())).collect();
    codec::encode(&stored, RecordRef::IndexList)
}

/// The key of the list `entry` belongs in, or `None` for an entry that is a key of its own.
/// A name entry's list is found in the index (`name_lists::locate`), which a transaction
/// cannot do: inside one, `name_lists::Directory` finds it.
fn placed(index: &Tree, entry: &[u8]) -> Result<Option<Vec<u8>>> {
    if name_lists::is_name_entry(entry) {
        return name_lists::locate(index, entry).map(Some);
    }
    Ok(list_of(entry))
}

/// `list_of` inside a transaction, which has no way to find a name entry's list.
fn tx_list_of(entry: &[u8]) -> TxResult<Option<Vec<u8>>> {
    if name_lists::is_name_entry(entry) {
        return Err(fail(StoreError::Engine(format!(
            "a name entry was written without its list ({entry:02x?})"
        ))));
    }
    Ok(list_of(entry))
}

/// Adds an index entry inside a transaction: to its list, or as a key of its own.
pub fn add(index: &TransactionalTree, entry: Vec<u8>) -> TxResult<()> {
    add_at(index, tx_list_of(&entry)?, entry)
}

/// Adds an index entry inside a transaction to the list keyed `list`, or as a key of its own.
pub fn add_at(index: &TransactionalTree, list: Option<Vec<u8>>, entry: Vec<u8>) -> TxResult<()> {
    let Some(list) = list else {
        index.insert(entry, IVec::default())?;
        return Ok(());
    };
    let bytes = index.get(&list)?.unwrap_or_default();
    let mut entries = tx_entries(&bytes)?;
    if let Err(at) = find(&entries, &entry) {
        entries.insert(at, &entry);
        index.insert(list, encode(&entries).map_err(fail)?)?;
    }
    Ok(())
}

/// Removes an index entry inside a transaction, from its list or as a key of its own.
pub fn remove(index: &TransactionalTree, entry: &[u8]) -> TxResult<()> {
    remove_at(index, tx_list_of(entry)?, entry)
}

/// Removes an index entry inside a transaction from the list keyed `list`, or as a key of
/// its own.
pub fn remove_at(index: &TransactionalTree, list: Option<Vec<u8>>, entry: &[u8]) -> TxResult<()> {
    let Some(list) = list else {
        index.remove(entry)?;
        return Ok(());
    };
    let bytes = index.get(&list)?.unwrap_or_default();
    let mut entries = tx_entries(&bytes)?;
    if let Ok(at) = find(&entries, entry) {
        entries.remove(at);
        if entries.is_empty() {
            index.remove(list)?;
        } else {
            index.insert(list, encode(&entries).map_err(fail)?)?;
        }
    }
    Ok(())
}

/// Whether an index entry is there, inside a transaction.
pub fn tx_contains(index: &TransactionalTree, entry: &[u8]) -> TxResult<bool> {
    match tx_list_of(entry)? {
        None => Ok(index.get(entry)?.is_some()),
        Some(list) => {
            let bytes = index.get(&list)?.unwrap_or_default();
            Ok(find(&tx_entries(&bytes)?, entry).is_ok())
        }
    }
}

/// Where `entry` is in a list, or where it would go.
fn find<E: AsRef<[u8]>>(list: &[E], entry: &[u8]) -> std::result::Result<usize, usize> {
    list.binary_search_by(|e| e.as_ref().cmp(entry))
}

/// A list's entries inside a transaction; a list not there yet (no bytes) has none.
fn tx_entries(bytes: &[u8]) -> TxResult<Vec<&[u8]>> {
    if bytes.is_empty() {
        return Ok(Vec::new());
    }
    borrowed(bytes).map_err(fail)
}

/// Whether `entry` is in its list (or, for one not kept in lists, in the index).
pub fn contains(index: &Tree, entry: &[u8]) -> Result<bool> {
    let Some(list) = placed(index, entry)? else {
        return index.contains_key(entry).map_err(engine);
    };
    match index.get(&list).map_err(engine)? {
        Some(bytes) => Ok(find(&borrowed(&bytes)?, entry).is_ok()),
        None => Ok(false),
    }
}

/// The entries below `before`, newest (greatest) first, from the lists whose keys start with
/// `lists` and whose entries start with `entries`; at most `limit`.
pub fn back_from(
    index: &Tree,
    lists: &[u8],
    entries: &[u8],
    before: Option<&[u8]>,
    limit: usize,
) -> Result<Vec<Vec<u8>>> {
    let top = match before.map(list_of) {
        Some(Some(list)) => list,
        Some(None) => return Err(malformed_index(before.unwrap_or_default())),
        None => {
            let mut end = lists.to_vec();
            end.push(0xff);
            end
        }
    };
    let mut out = Vec::new();
    for item in index.range(lists.to_vec()..=top).rev() {
        let (_, bytes) = item.map_err(engine)?;
        let list = kept(borrowed(&bytes)?, |e| {
            e.starts_with(entries) && before.is_none_or(|b| e < b)
        });
        for entry in list.into_iter().rev() {
            if out.len() == limit {
                return Ok(out);
            }
            out.push(entry);
        }
    }
    Ok(out)
}

/// The entries from the lists whose keys start with `lists` and that start with `entries`,
/// oldest (smallest) first; at most `limit`.
pub fn forward(index: &Tree, lists: &[u8], entries: &[u8], limit: usize) -> Result<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    for item in index.scan_prefix(lists) {
        let (_, bytes) = item.map_err(engine)?;
        for entry in borrowed(&bytes)? {
            if out.len() == limit {
                return Ok(out);
            }
            if entry.starts_with(entries) {
                out.push(entry.to_vec());
            }
        }
    }
    Ok(out)
}

/// The entries of one visit number (`keys::number_prefix`): one list holds them all.
pub fn of_number(index: &Tree, prefix: &[u8]) -> Result<Vec<Vec<u8>>> {
    // Any visit id completes an entry of the number, and so names its list.
    let probe = [prefix, &[0; 8]].concat();
    let Some(list) = list_of(&probe) else {
        return Ok(Vec::new());
    };
    let Some(bytes) = index.get(&list).map_err(engine)? else {
        return Ok(Vec::new());
    };
    Ok(kept(borrowed(&bytes)?, |e| e.starts_with(prefix)))
}

/// Every list in the index, as its key and stored bytes (see `decode`).
pub fn all(index: &Tree) -> impl Iterator<Item = Result<(IVec, IVec)>> + '_ {
    let end = list_tag::LAST + 1;
    index
        .range(vec![name_lists::FIRST_TAG]..vec![name_lists::LAST_TAG + 1])
        .chain(index.scan_prefix([list_tag::PHONE_ENDINGS]))
        .chain(index.scan_prefix([list_tag::OPERATOR_PETITIONERS]))
        .chain(index.range(vec![list_tag::BY_TIME]..vec![end]))
        .map(|item| item.map_err(engine))
}

/// The entries that start with `prefix` (an index tag and the start of a text), in order,
/// read as they are needed from their lists.
pub fn starting_with<'a>(
    index: &'a Tree,
    prefix: &'a [u8],
) -> Box<dyn Iterator<Item = Result<Vec<u8>>> + 'a> {
    if name_lists::is_name_entry(prefix) {
        return name_lists::starting_with(index, prefix);
    }
    let Some((list_tag, len)) = prefix.first().and_then(|&kind| by_prefix(kind)) else {
        return Box::new(
            index
                .scan_prefix(prefix)
                .map(|item| item.map(|(key, _)| key.to_vec()).map_err(engine)),
        );
    };
    let text = &prefix[1..];
    // Every list whose key starts so holds only entries that start with `prefix`, once the
    // prefix is as long as a list's part of the text; a shorter one spans several lists.
    let lists = [&[list_tag][..], &text[..len.min(text.len())]].concat();
    let entries = index.scan_prefix(lists).flat_map(move |item| {
        let decoded = item.map_err(engine).and_then(|(_, bytes)| decode(&bytes));
        let (entries, failed) = match decoded {
            Ok(entries) => (entries, None),
            Err(e) => (Vec::new(), Some(Err(e))),
        };
        failed.into_iter().chain(
            entries
                .into_iter()
                .filter(move |e| e.starts_with(prefix))
                .map(Ok),
        )
    });
    Box::new(entries)
}

/// Entries written per batch when moving them into lists: bounded memory.
pub(super) const MOVE_BATCH: usize = 50_000;

/// Moves entries that have keys of their own (a database from before the lists, or the
/// visits by operator just built for one older still) into their lists, the name entries
/// too (`name_lists::move_into_lists`). Each batch holds
/// whole lists, merged with what they already hold, and removes the keys it moved: a crash
/// between batches leaves every entry in one place or the other, and the next opening goes on.
pub fn move_into_lists(index: &Tree) -> Result<bool> {
    let mut moved = false;
    for kind in LISTED {
        let mut lists: BTreeMap<Vec<u8>, Vec<Vec<u8>>> = BTreeMap::new();
        let mut held = 0;
        for item in index.scan_prefix([kind]) {
            let (key, _) = item.map_err(engine)?;
            let list = list_of(&key).ok_or_else(|| malformed_index(&key))?;
            // Entries come in order, so a list is whole once the next one starts.
            if held >= MOVE_BATCH && lists.last_key_value().is_some_and(|(l, _)| *l != list) {
                write_lists(index, std::mem::take(&mut lists))?;
                held = 0;
            }
            lists.entry(list).or_default().push(key.to_vec());
            held += 1;
            moved = true;
        }
        write_lists(index, lists)?;
    }
    Ok(name_lists::move_into_lists(index)? || moved)
}

fn write_lists(index: &Tree, lists: BTreeMap<Vec<u8>, Vec<Vec<u8>>>) -> Result<()> {
    merge_lists(index, lists, |batch, list, all| {
        batch.insert(list, encode(all)?);
        Ok(())
    })
}

/// Writes each list merged with the entries moved into it, removing their own keys, in one
/// batch; `put` stores a merged list (sorted, without repeats).
pub(super) fn merge_lists(
    index: &Tree,
    lists: BTreeMap<Vec<u8>, Vec<Vec<u8>>>,
    put: impl Fn(&mut Batch, &[u8], &[Vec<u8>]) -> Result<()>,
) -> Result<()> {
    // Nothing to move is the usual case on opening, and an empty batch is not free: after
    // fifteen of them, sled's first flush took 130 ms at a million visits.
    if lists.is_empty() {
        return Ok(());
    }
    let mut batch = Batch::default();
    for (list, entries) in lists {
        let mut all = match index.get(&list).map_err(engine)? {
            Some(bytes) => decode(&bytes)?,
            None => Vec::new(),
        };
        for entry in entries {
            batch.remove(entry.as_slice());
            all.push(entry);
        }
        all.sort();
        all.dedup();
        put(&mut batch, &list, &all)?;
    }
    index.apply_batch(batch).map_err(engine)
}

/// The visit ids the entries end with.
pub fn listed_ids(entries: &[Vec<u8>]) -> Result<Vec<u64>> {
    entries
        .iter()
        .map(|e| super::keys::trailing_id(e).ok_or_else(|| malformed_index(e)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{CodecError, Damage};
    use proptest::prelude::*;

    #[test]
    fn lists_are_stored_byte_for_byte_as_before_entries_were_borrowed() {
        let entries: Vec<Vec<u8>> = vec![vec![], vec![0x10, 0, 1, 2], (0..=255).collect()];
        let as_before = codec::encode(&entries, RecordRef::IndexList).unwrap();
        assert_eq!(encode(&entries).unwrap(), as_before);
        let read = borrowed(&as_before).unwrap();
        assert_eq!(read, entries.iter().map(Vec::as_slice).collect::<Vec<_>>());
        assert_eq!(decode(&as_before).unwrap(), entries);
        let err = borrowed(&as_before[..as_before.len() - 1]).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::Damaged(CodecError::Damaged {
                    record: RecordRef::IndexList,
                    damage: Damage::CutShort
                })
            ),
            "{err:?}"
        );
    }

    /// An entry of one of the listed kinds: tag, then an owner, a time or a number, an
    /// operator's code for the clerk's list, and the id.
    fn entry() -> impl Strategy<Value = Vec<u8>> {
        let kinds = proptest::sample::select(LISTED.to_vec());
        let code = proptest::sample::select(vec!["a", "ab", "登记员甲", "b"]);
        (kinds, code, any::<[u8; 20]>()).prop_map(|(kind, code, tail)| {
            let mut e = vec![kind];
            if matches!(kind, tag::VISIT_BY_OPERATOR | tag::PETITIONER_BY_OPERATOR) {
                e.extend_from_slice(code.as_bytes());
                e.push(super::super::keys::END_OF_TEXT);
            }
            e.extend_from_slice(&tail);
            e
        })
    }

    proptest! {
        /// What lets a range of entries be read as a range of lists.
        #[test]
        fn list_keys_keep_the_order_of_their_entries(a in entry(), b in entry()) {
            let (la, lb) = (list_of(&a).unwrap(), list_of(&b).unwrap());
            if a[0] == b[0] && a <= b {
                prop_assert!(la <= lb, "{a:02x?} {b:02x?}");
            }
            prop_assert!(is_list(&la) && !is_list(&a));
        }
    }
}

//! The name indexes (a name and its tails, its pinyin initials, its full pinyin) kept many
//! entries to a key, in lists that are cut in pieces as they fill.
//!
//! They were 3.7 million of sled's 8.3 million keys at a million visits, and sled's memory
//! and opening time grow with its keys. Their texts are shared too unevenly for a list key
//! made from the entry alone, as the other lists have (`lists::list_of`): thousands of names
//! end in 伟, most whole names are one person's. So a list is keyed by the entry it began with
//! (under its list tag) and holds the entries from its key up to the next list's key; a list
//! that grows past `MOST` entries is cut into pieces of about `FILL`.
//!
//! A transaction cannot look for the greatest key below an entry (and sled's transactions
//! block any read of the trees outside them), so a registration reads the list keys of the
//! names it may write before its transaction (`Directory`). They stay the keys inside it:
//! only `cut` and `move_into_lists`, outside any transaction, make list keys, and the
//! registrations, the only writers of name entries, take turns (`SledStore::registering`).
//! A transaction may remove a list it emptied; an entry added after that recreates it, which
//! keeps every entry between its list's key and the next.

use std::collections::{BTreeMap, BTreeSet};

use sled::transaction::TransactionalTree;
use sled::{Batch, Tree};

use crate::store::{Result, StoreError};

use super::keys::{END_OF_TEXT, exact_text_prefix, name_texts, tag};
use super::lists::{MOVE_BATCH, add_at, borrowed, encode, merge_lists, remove_at};
use super::read::{engine, malformed_index};
use super::write::{TxResult, fail};

/// A list holding more entries than this after a registration is cut.
const MOST: usize = 64;
/// About how many entries each piece of a cut list holds: room for a few registrations
/// before it is cut again.
const FILL: usize = 48;

/// (index tag of the entries, tag of their lists). Stored on disk: never renumber.
const KINDS: [(u8, u8); 3] = [
    (tag::NAME_TAIL, 0x0c),
    (tag::INITIALS, 0x0d),
    (tag::FULL_PINYIN, 0x0e),
];

/// The list tags, in order, for `lists::is_list` and `lists::all`.
pub const FIRST_TAG: u8 = KINDS[0].1;
pub const LAST_TAG: u8 = KINDS[2].1;

fn list_tag(kind: u8) -> Option<u8> {
    KINDS.iter().find(|(k, _)| *k == kind).map(|&(_, l)| l)
}

/// Whether `entry` is a name entry, kept in these lists.
pub fn is_name_entry(entry: &[u8]) -> bool {
    entry.first().and_then(|&k| list_tag(k)).is_some()
}

/// `entry` as a list key would be: the same bytes under the list tag, so list keys and
/// entries compare alike.
fn as_list_key(entry: &[u8]) -> Option<Vec<u8>> {
    let (&kind, rest) = entry.split_first()?;
    Some([&[list_tag(kind)?][..], rest].concat())
}

/// The key of the list `entry` belongs in: the greatest list key of its kind not after it,
/// or the kind's first key (the bare list tag) while there is none before it. `entry` may
/// also be the start of entries (a tag and the start of a text): the list where they begin.
pub fn locate(index: &Tree, entry: &[u8]) -> Result<Vec<u8>> {
    let at = as_list_key(entry).ok_or_else(|| malformed_index(entry))?;
    let first = vec![at[0]];
    match index.range(first.clone()..=at).next_back() {
        Some(item) => Ok(item.map_err(engine)?.0.to_vec()),
        None => Ok(first),
    }
}

/// The list keys among which the name entries of some names lie, read before a transaction
/// that may add or remove such entries: for each text of each name, the key of the list
/// where the text's entries begin and every key among them.
#[derive(Default)]
pub struct Directory {
    keys: BTreeSet<Vec<u8>>,
    /// The texts read, as list keys would begin with them: list tag, text, `END_OF_TEXT`.
    texts: BTreeSet<Vec<u8>>,
}

impl Directory {
    pub fn of<'n>(index: &Tree, names: impl IntoIterator<Item = &'n str>) -> Result<Directory> {
        let mut dir = Directory::default();
        for name in names {
            for (kind, text) in name_texts(name) {
                dir.read(index, &exact_text_prefix(kind, &text))?;
            }
        }
        Ok(dir)
    }

    /// Reads the list keys of the entries that start with `entries` (a tag, a whole text and
    /// `END_OF_TEXT`).
    fn read(&mut self, index: &Tree, entries: &[u8]) -> Result<()> {
        let start = as_list_key(entries).ok_or_else(|| malformed_index(entries))?;
        if self.texts.contains(&start) {
            return Ok(());
        }
        self.keys.insert(locate(index, entries)?);
        let mut end = start.clone();
        if let Some(last) = end.last_mut() {
            *last += 1;
        }
        for item in index.range(start.clone()..end) {
            self.keys.insert(item.map_err(engine)?.0.to_vec());
        }
        self.texts.insert(start);
        Ok(())
    }

    /// `locate` from what was read: an entry of a text not read is refused, not guessed.
    fn locate(&self, entry: &[u8]) -> TxResult<Vec<u8>> {
        let refused = || {
            fail(StoreError::Engine(format!(
                "the list of a name entry was not read before writing it ({entry:02x?})"
            )))
        };
        let at = as_list_key(entry).ok_or_else(refused)?;
        let text_end = at
            .iter()
            .position(|&b| b == END_OF_TEXT)
            .ok_or_else(refused)?;
        if !self.texts.contains(&at[..=text_end]) {
            return Err(refused());
        }
        let first = vec![at[0]];
        Ok(self
            .keys
            .range(first.clone()..=at)
            .next_back()
            .cloned()
            .unwrap_or(first))
    }
}

/// Adds a name entry inside a transaction, to the list `names` finds for it.
pub fn add(index: &TransactionalTree, names: &Directory, entry: Vec<u8>) -> TxResult<()> {
    add_at(index, Some(names.locate(&entry)?), entry)
}

/// Removes a name entry inside a transaction, from the list `names` finds for it.
pub fn remove(index: &TransactionalTree, names: &Directory, entry: &[u8]) -> TxResult<()> {
    remove_at(index, Some(names.locate(entry)?), entry)
}

/// The entries that start with `prefix` (a name tag and the start of a text), in order:
/// from the list where they begin, through the lists keyed within them.
pub fn starting_with<'a>(
    index: &'a Tree,
    prefix: &'a [u8],
) -> Box<dyn Iterator<Item = Result<Vec<u8>>> + 'a> {
    let (start, within) = match locate(index, prefix).and_then(|start| {
        let within = as_list_key(prefix).ok_or_else(|| malformed_index(prefix))?;
        Ok((start, within))
    }) {
        Ok(found) => found,
        Err(e) => return Box::new(std::iter::once(Err(e))),
    };
    // Past the first list, a list holds such entries only if its key starts so.
    let lists = index.range(start.clone()..).take_while(move |item| {
        item.as_ref()
            .map_or(true, |(key, _)| **key == *start || key.starts_with(&within))
    });
    Box::new(lists.flat_map(move |item| {
        let read = item.map_err(engine).and_then(|(_, bytes)| {
            let entries = borrowed(&bytes)?;
            Ok(entries
                .into_iter()
                .filter(|e| e.starts_with(prefix))
                .map(<[u8]>::to_vec)
                .collect::<Vec<_>>())
        });
        let (entries, failed) = match read {
            Ok(entries) => (entries, None),
            Err(e) => (Vec::new(), Some(Err(e))),
        };
        failed.into_iter().chain(entries.into_iter().map(Ok))
    }))
}

/// Cuts the lists that hold any of `entries` and have grown past `MOST` entries, in one
/// atomic batch. Run after a registration's transaction, before it is made durable.
pub fn cut<'e>(index: &Tree, entries: impl IntoIterator<Item = &'e [u8]>) -> Result<()> {
    let mut batch = Batch::default();
    let mut cut_any = false;
    let mut seen = BTreeSet::new();
    for entry in entries.into_iter().filter(|e| is_name_entry(e)) {
        let list = locate(index, entry)?;
        if !seen.insert(list.clone()) {
            continue;
        }
        let Some(bytes) = index.get(&list).map_err(engine)? else {
            continue;
        };
        let all = borrowed(&bytes)?;
        if all.len() > MOST {
            put_pieces(&mut batch, &list, &all)?;
            cut_any = true;
        }
    }
    // An empty batch still costs: after one, sled's next flush took 130 ms at a million
    // visits.
    if !cut_any {
        return Ok(());
    }
    index.apply_batch(batch).map_err(engine)
}

/// Writes `entries` (sorted) under `list`, in pieces of about `FILL` when there are more than
/// `MOST`: the first piece keeps the key, each other is keyed by its first entry, which lies
/// before the next list's key as every entry of the list does.
fn put_pieces<E: AsRef<[u8]>>(batch: &mut Batch, list: &[u8], entries: &[E]) -> Result<()> {
    if entries.len() <= MOST {
        batch.insert(list, encode(entries)?);
        return Ok(());
    }
    let size = entries.len().div_ceil(entries.len().div_ceil(FILL));
    for (i, piece) in entries.chunks(size).enumerate() {
        let key = match i {
            0 => list.to_vec(),
            _ => as_list_key(piece[0].as_ref()).ok_or_else(|| malformed_index(list))?,
        };
        batch.insert(key, encode(piece)?);
    }
    Ok(())
}

/// Moves name entries that have keys of their own (a database from before these lists) into
/// the lists they belong in. Each batch writes whole lists, merged with what they held, and
/// removes the keys it moved: a crash between batches leaves every entry in one place or the
/// other, and the next opening goes on.
pub fn move_into_lists(index: &Tree) -> Result<bool> {
    let mut moved = false;
    for (kind, _) in KINDS {
        let mut lists: BTreeMap<Vec<u8>, Vec<Vec<u8>>> = BTreeMap::new();
        let mut held = 0;
        for item in index.scan_prefix([kind]) {
            let (key, _) = item.map_err(engine)?;
            // Lists written by the batch before count: entries come in order, so a later one
            // belongs in the batch's last piece or after it.
            lists
                .entry(locate(index, &key)?)
                .or_default()
                .push(key.to_vec());
            held += 1;
            moved = true;
            if held >= MOVE_BATCH {
                write_lists(index, std::mem::take(&mut lists))?;
                held = 0;
            }
        }
        write_lists(index, lists)?;
    }
    Ok(moved)
}

fn write_lists(index: &Tree, lists: BTreeMap<Vec<u8>, Vec<Vec<u8>>>) -> Result<()> {
    merge_lists(index, lists, |batch, list, all| {
        put_pieces(batch, list, all)
    })
}

/// Every name list sorted, holding at most `MOST` entries, each between the list's key and
/// the next list's key: what `locate` relies on.
#[cfg(test)]
pub(super) fn assert_in_order(index: &Tree) -> usize {
    let lists: Vec<_> = index
        .range(vec![FIRST_TAG]..vec![LAST_TAG + 1])
        .map(|item| item.unwrap())
        .collect();
    for (i, (key, bytes)) in lists.iter().enumerate() {
        let entries = borrowed(bytes).unwrap();
        assert!(!entries.is_empty() && entries.len() <= MOST, "{key:02x?}");
        assert!(entries.windows(2).all(|w| w[0] < w[1]), "{key:02x?} sorted");
        let next = lists.get(i + 1).map(|(k, _)| k.to_vec());
        for e in entries {
            let at = as_list_key(e).unwrap();
            assert!(at.as_slice() >= key.as_ref(), "{e:02x?} before {key:02x?}");
            assert!(
                next.as_ref().is_none_or(|n| at < *n),
                "{e:02x?} past its list"
            );
        }
    }
    lists.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_whose_text_was_not_read_is_refused_not_guessed() {
        let dir = tempfile::tempdir().unwrap();
        let db = sled::Config::new().temporary(true).path(dir.path()).open();
        let index = db.unwrap().open_tree("index").unwrap();
        let names = Directory::of(&index, ["张伟"]).unwrap();
        let entry = |text: &str| [&[tag::NAME_TAIL], text.as_bytes(), &[END_OF_TEXT; 17]].concat();
        assert_eq!(names.locate(&entry("伟")).ok(), Some(vec![0x0c]));
        assert_eq!(names.locate(&entry("张伟")).ok(), Some(vec![0x0c]));
        // 伟华 begins like 伟 but is another text, whose lists were not read.
        assert!(names.locate(&entry("伟华")).is_err());
        assert!(names.locate(&entry("李伟")).is_err());
    }
}

//! Records kept sixteen ids to a sled key.
//!
//! sled loads an entry of its page table for every node of its trees when it opens, and a
//! node holds 8 to 16 keys whatever their size. At a million visits the visits, matters,
//! ledgers, packages, petitioners and receptions, one key per record, were 3.7 of the 4.7
//! million keys, and their nodes most of the 200 MB sled took to open. Kept together, the
//! records whose ids differ only in their last four bits share one key (a pack). Ids are given
//! out in turn to every kind of record, so a pack of visits holds the visits among sixteen
//! consecutive ids, seven on average.
//!
//! A pack's key is `p` and the pack's number (id / 16, big-endian). Its value is a format
//! byte, then for each record in slot order: its slot (id % 16), its length (u32,
//! little-endian) and its bytes as the codec wrote them, each with their own format version.

use std::ops::Range;

use serde::Serialize;
use serde::de::DeserializeOwned;
use sled::transaction::TransactionalTree;
use sled::{Batch, IVec, Tree};

use super::keys::trailing_id;
use super::read::engine;
use super::write::{TxResult, fail};
use crate::store::codec::{self, CodecError, Damage};
use crate::store::{KeyOf, RecordRef, Result, StoreError};

const PER_PACK: u64 = 16;
const KEY_TAG: u8 = b'p';
const FORMAT: u8 = 1;
/// Packs written per sled batch when moving records of an older database into packs.
const MOVE_BATCH: usize = 1000;

type Kind = fn(u64) -> RecordRef;

fn pack_key(pack: u64) -> [u8; 9] {
    let mut key = [KEY_TAG; 9];
    key[1..].copy_from_slice(&pack.to_be_bytes());
    key
}

fn pack_of(key: &[u8]) -> Result<u64> {
    match key.split_first() {
        Some((&KEY_TAG, rest)) if rest.len() == 8 => trailing_id(rest)
            // A pack number whose ids would not fit in 64 bits is a damaged key.
            .filter(|&pack| pack <= u64::MAX / PER_PACK)
            .ok_or_else(|| damaged_key(key)),
        _ => Err(damaged_key(key)),
    }
}

fn damaged_key(key: &[u8]) -> StoreError {
    StoreError::damaged_key(KeyOf::Record, key)
}

/// The records a pack's value holds: their ids and where their bytes lie.
fn slots(value: &[u8], pack: u64, kind: Kind) -> Result<Vec<(u64, Range<usize>)>> {
    let first = pack * PER_PACK;
    let damaged = |damage: Damage| CodecError::Damaged {
        record: kind(first),
        damage,
    };
    let (&format, _) = value.split_first().ok_or(CodecError::Empty {
        record: kind(first),
    })?;
    if format != FORMAT {
        return Err(CodecError::UnknownVersion {
            record: kind(first),
            version: format,
        }
        .into());
    }
    let mut at = 1;
    let mut out: Vec<(u64, Range<usize>)> = Vec::new();
    while at < value.len() {
        let header = value
            .get(at..at + 5)
            .ok_or_else(|| damaged(Damage::CutShort))?;
        let slot = u64::from(header[0]);
        let len = u32::from_le_bytes([header[1], header[2], header[3], header[4]]) as usize;
        let in_order = out.last().is_none_or(|(id, _)| *id < first + slot);
        if slot >= PER_PACK || !in_order {
            return Err(damaged(Damage::OutOfOrder).into());
        }
        let start = at + 5;
        let end = start
            .checked_add(len)
            .filter(|&end| end <= value.len())
            .ok_or_else(|| damaged(Damage::CutShort))?;
        out.push((first + slot, start..end));
        at = end;
    }
    Ok(out)
}

fn encode<'a>(records: impl Iterator<Item = (u64, &'a [u8])>) -> Vec<u8> {
    let mut out = vec![FORMAT];
    for (id, bytes) in records {
        out.push((id % PER_PACK) as u8);
        // The codec refuses records over 16 MB, so a length always fits.
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        out.extend_from_slice(bytes);
    }
    out
}

/// The record `id` of a pack's value, if it holds one.
fn find(value: &[u8], id: u64, kind: Kind) -> Result<Option<&[u8]>> {
    let found = slots(value, id / PER_PACK, kind)?
        .into_iter()
        .find(|(at, _)| *at == id);
    Ok(found.map(|(_, range)| &value[range]))
}

/// A pack's value with the record `id` set to `bytes`.
fn with(value: Option<&[u8]>, id: u64, bytes: &[u8], kind: Kind) -> Result<Vec<u8>> {
    let mut records: Vec<(u64, &[u8])> = match value {
        Some(value) => slots(value, id / PER_PACK, kind)?
            .into_iter()
            .map(|(at, range)| (at, &value[range]))
            .collect(),
        None => Vec::new(),
    };
    match records.binary_search_by_key(&id, |(at, _)| *at) {
        Ok(i) => records[i].1 = bytes,
        Err(i) => records.insert(i, (id, bytes)),
    }
    Ok(encode(records.into_iter()))
}

/// One stored record, read while walking a tree of packs.
pub struct Stored {
    pub id: u64,
    pack: IVec,
    range: Range<usize>,
    kind: Kind,
}

impl Stored {
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T> {
        Ok(codec::decode(
            &self.pack[self.range.clone()],
            (self.kind)(self.id),
        )?)
    }
}

/// A tree of records kept in packs.
pub struct Packed {
    tree: Tree,
    kind: Kind,
}

impl Packed {
    pub fn new(tree: Tree, kind: Kind) -> Packed {
        Packed { tree, kind }
    }

    /// The sled tree, for a transaction over it (see `in_tx`) or a copy of the database.
    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    pub fn in_tx<'a>(&self, tree: &'a TransactionalTree) -> TxPacked<'a> {
        TxPacked {
            tree,
            kind: self.kind,
        }
    }

    pub fn get<T: DeserializeOwned>(&self, id: u64) -> Result<Option<T>> {
        let Some(value) = self.tree.get(pack_key(id / PER_PACK)).map_err(engine)? else {
            return Ok(None);
        };
        match find(&value, id, self.kind)? {
            Some(bytes) => Ok(Some(codec::decode(bytes, (self.kind)(id))?)),
            None => Ok(None),
        }
    }

    /// A record an index pointed at: its absence is damage, not "not found".
    pub fn get_indexed<T: DeserializeOwned>(&self, id: u64) -> Result<T> {
        self.get(id)?
            .ok_or_else(|| StoreError::Dangling((self.kind)(id)))
    }

    /// Every record in id order. A damaged pack is one error in place of its records.
    pub fn records(&self) -> impl Iterator<Item = Result<Stored>> + '_ {
        self.tree.scan_prefix([KEY_TAG]).flat_map(move |entry| {
            let unpacked = entry.map_err(engine).and_then(|(key, pack)| {
                let slots = slots(&pack, pack_of(&key)?, self.kind)?;
                Ok(slots
                    .into_iter()
                    .map(|(id, range)| {
                        Ok(Stored {
                            id,
                            pack: pack.clone(),
                            range,
                            kind: self.kind,
                        })
                    })
                    .collect::<Vec<_>>())
            });
            unpacked.unwrap_or_else(|e| vec![Err(e)])
        })
    }

    /// Every record decoded, in id order.
    pub fn each<T: DeserializeOwned>(&self) -> impl Iterator<Item = Result<T>> + '_ {
        self.records().map(|stored| stored.and_then(|s| s.decode()))
    }

    /// How many records read. A damaged pack is left out of the count rather than failing
    /// it: a backup's header counts records, and a damaged database is the one to back up.
    pub fn count(&self) -> Result<u64> {
        let mut n = 0;
        for stored in self.records() {
            match stored {
                Ok(_) => n += 1,
                Err(StoreError::Damaged(_)) => {}
                Err(other) => return Err(other),
            }
        }
        Ok(n)
    }

    /// Stores `bytes` as record `id`, as damage or an older database would leave it.
    #[cfg(test)]
    pub fn put_bytes(&self, id: u64, bytes: &[u8]) {
        let key = pack_key(id / PER_PACK);
        let pack = self.tree.get(key).unwrap();
        let pack = with(pack.as_deref(), id, bytes, self.kind).unwrap();
        self.tree.insert(key, pack).unwrap();
    }

    /// Takes record `id` out of its pack, as an interrupted move of an older database would.
    #[cfg(test)]
    pub fn remove(&self, id: u64) {
        let key = pack_key(id / PER_PACK);
        let pack = self.tree.get(key).unwrap().unwrap();
        let kept = slots(&pack, id / PER_PACK, self.kind).unwrap();
        let kept = kept.into_iter().filter(|(at, _)| *at != id);
        self.tree
            .insert(key, encode(kept.map(|(at, range)| (at, &pack[range]))))
            .unwrap();
    }

    /// Puts the records `which` picks back one to a key, as a database from before packs
    /// (all of them) or a move cut short (some) has them.
    #[cfg(test)]
    pub fn unpack(&self, which: impl Fn(u64) -> bool) {
        let records: Vec<Stored> = self.records().map(|r| r.unwrap()).collect();
        for stored in records.into_iter().filter(|s| which(s.id)) {
            self.remove(stored.id);
            let bytes = &stored.pack[stored.range.clone()];
            self.tree.insert(stored.id.to_be_bytes(), bytes).unwrap();
        }
        for entry in self.tree.scan_prefix([KEY_TAG]) {
            let (key, pack) = entry.unwrap();
            if pack.len() == 1 {
                self.tree.remove(key).unwrap();
            }
        }
    }

    /// Whether every key of the tree is a pack's.
    #[cfg(test)]
    pub fn all_packed(&self) -> bool {
        self.tree
            .iter()
            .keys()
            .all(|k| pack_of(&k.unwrap()).is_ok())
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.tree.first().map_err(engine)?.is_none())
    }

    /// Moves records kept one to a key, as databases before packs kept them, into packs.
    /// Each sled batch writes whole packs and removes the keys it moved, so an interrupted
    /// move leaves every record in one place and goes on at the next opening. Whether
    /// anything moved.
    pub fn pack_loose(&self) -> Result<bool> {
        let mut batch = Batch::default();
        let mut batched = 0;
        let mut current: Option<(u64, Vec<(u64, IVec)>)> = None;
        let write = |(pack, records): (u64, Vec<(u64, IVec)>), batch: &mut Batch| -> Result<()> {
            let key = pack_key(pack);
            let mut value = self.tree.get(key).map_err(engine)?;
            for (id, bytes) in &records {
                value = Some(with(value.as_deref(), *id, bytes, self.kind)?.into());
                batch.remove(&id.to_be_bytes()[..]);
            }
            if let Some(value) = value {
                batch.insert(&key[..], value);
            }
            Ok(())
        };
        for entry in self.tree.range(..[KEY_TAG]) {
            let (key, bytes) = entry.map_err(engine)?;
            let id = Some(&key[..])
                .filter(|k| k.len() == 8)
                .and_then(trailing_id)
                .ok_or_else(|| damaged_key(&key))?;
            match &mut current {
                Some((pack, records)) if *pack == id / PER_PACK => records.push((id, bytes)),
                _ => {
                    if let Some(done) = current.replace((id / PER_PACK, vec![(id, bytes)])) {
                        write(done, &mut batch)?;
                        batched += 1;
                    }
                }
            }
            if batched == MOVE_BATCH {
                self.tree
                    .apply_batch(std::mem::take(&mut batch))
                    .map_err(engine)?;
                batched = 0;
            }
        }
        let Some(done) = current else {
            return Ok(false);
        };
        write(done, &mut batch)?;
        self.tree.apply_batch(batch).map_err(engine)?;
        Ok(true)
    }
}

/// A tree of packs inside a transaction.
#[derive(Clone, Copy)]
pub struct TxPacked<'a> {
    tree: &'a TransactionalTree,
    kind: Kind,
}

impl TxPacked<'_> {
    pub fn get<T: DeserializeOwned>(&self, id: u64) -> TxResult<Option<T>> {
        let Some(value) = self.tree.get(pack_key(id / PER_PACK))? else {
            return Ok(None);
        };
        match find(&value, id, self.kind).map_err(fail)? {
            Some(bytes) => codec::decode(bytes, (self.kind)(id))
                .map(Some)
                .map_err(fail),
            None => Ok(None),
        }
    }

    pub fn put<T: Serialize>(&self, id: u64, value: &T) -> TxResult<()> {
        let bytes = codec::encode(value, (self.kind)(id)).map_err(fail)?;
        let key = pack_key(id / PER_PACK);
        let pack = self.tree.get(key)?;
        let pack = with(pack.as_deref(), id, &bytes, self.kind).map_err(fail)?;
        self.tree.insert(&key[..], pack)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(id: u64) -> RecordRef {
        RecordRef::Visit(id)
    }

    #[test]
    fn a_pack_key_whose_ids_would_overflow_is_damaged_not_a_panic() {
        let last = u64::MAX / PER_PACK;
        assert_eq!(pack_of(&pack_key(last)).unwrap(), last);
        let err = pack_of(&pack_key(last + 1)).unwrap_err();
        assert!(err.to_string().contains("damaged"), "{err}");
        assert!(pack_of(&[KEY_TAG, 1, 2]).is_err());
    }

    #[test]
    fn a_pack_keeps_its_records_in_id_order_and_replaces_one_in_place() {
        let pack = with(None, 37, "张三".as_bytes(), kind).unwrap();
        let pack = with(Some(&pack), 33, b"first", kind).unwrap();
        let pack = with(Some(&pack), 47, b"last", kind).unwrap();
        let pack = with(Some(&pack), 37, "欧阳单".as_bytes(), kind).unwrap();
        let read: Vec<(u64, &[u8])> = slots(&pack, 2, kind)
            .unwrap()
            .into_iter()
            .map(|(id, range)| (id, &pack[range]))
            .collect();
        let expected: Vec<(u64, &[u8])> =
            vec![(33, b"first"), (37, "欧阳单".as_bytes()), (47, b"last")];
        assert_eq!(read, expected);
        assert_eq!(find(&pack, 47, kind).unwrap(), Some(&b"last"[..]));
        assert_eq!(find(&pack, 40, kind).unwrap(), None);
    }

    #[test]
    fn damaged_packs_are_errors_that_name_a_record() {
        let pack = with(None, 33, b"first", kind).unwrap();
        let pack = with(Some(&pack), 34, b"second", kind).unwrap();
        let cut = &pack[..pack.len() - 2];
        let swapped = encode([(34, &b"b"[..]), (33, &b"a"[..])].into_iter());
        let newer = [[9u8].as_slice(), &pack[1..]].concat();
        for (value, says) in [
            (cut, "cut short"),
            (&swapped[..], "out of order"),
            (&newer[..], "format version 9"),
            (&[][..], "is empty"),
        ] {
            let err = find(value, 34, kind).unwrap_err().to_string();
            assert!(err.contains("visit #32") && err.contains(says), "{err}");
        }
    }

    proptest::proptest! {
        /// Damaged bytes read as a pack give an error or records inside the value, never a
        /// panic; whatever records are put in come back in id order.
        #[test]
        fn any_bytes_are_read_safely_and_any_records_come_back(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
            records in proptest::collection::btree_map(
                0u64..16,
                proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
                0..16,
            ),
        ) {
            if let Ok(found) = slots(&bytes, 3, kind) {
                for (id, range) in found {
                    proptest::prop_assert!((48..64).contains(&id) && range.end <= bytes.len());
                }
            }
            let mut pack: Option<Vec<u8>> = None;
            // Put in reverse order, so that each goes in before those already there.
            for (slot, bytes) in records.iter().rev() {
                pack = Some(with(pack.as_deref(), 48 + slot, bytes, kind).unwrap());
            }
            let pack = pack.unwrap_or_else(|| encode(std::iter::empty()));
            let read: Vec<(u64, Vec<u8>)> = slots(&pack, 3, kind)
                .unwrap()
                .into_iter()
                .map(|(id, range)| (id - 48, pack[range].to_vec()))
                .collect();
            let expected: Vec<(u64, Vec<u8>)> = records.into_iter().collect();
            proptest::prop_assert_eq!(read, expected);
        }
    }
}

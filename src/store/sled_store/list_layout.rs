//! Moving lists whose key is worked out differently now (`lists::list_of`): the lists of
//! visits by time and by clerk spanned ten minutes and span an hour since layout 2, which took
//! 150 000 keys off a million-visit database, and sled holds every key's place in memory.
//!
//! All lists of one kind are regrouped in one sled batch, whole or not at all, and the layout
//! is recorded in `meta` after both kinds: an opening cut short regroups them again, which
//! changes nothing already regrouped.

use std::collections::BTreeMap;

use sled::{Batch, Tree};

use crate::store::{RecordRef, Result, codec};

use super::keys::meta;
use super::lists::{self, list_tag};
use super::read::{engine, malformed_index};

/// The layout this xfdesk writes; absent means 1.
const LAYOUT: u8 = 2;

/// Regroups older lists into the current layout; whether anything was written.
pub fn update(index: &Tree, meta_tree: &Tree) -> Result<bool> {
    let stored = match meta_tree.get(meta::LIST_LAYOUT).map_err(engine)? {
        Some(bytes) => codec::decode::<u8>(&bytes, RecordRef::Settings)?,
        None => 1,
    };
    if stored >= LAYOUT {
        return Ok(false);
    }
    for kind in [list_tag::BY_TIME, list_tag::BY_OPERATOR] {
        regroup(index, kind)?;
    }
    let layout = codec::encode(&LAYOUT, RecordRef::Settings)?;
    meta_tree
        .insert(meta::LIST_LAYOUT, layout.as_slice())
        .map_err(engine)?;
    Ok(true)
}

/// Every entry of the lists under `kind`, put in the list `list_of` gives it now. A list that
/// does not read is left where it is for `check` to report, not given up with the rest.
fn regroup(index: &Tree, kind: u8) -> Result<()> {
    let mut batch = Batch::default();
    let mut regrouped: BTreeMap<Vec<u8>, Vec<Vec<u8>>> = BTreeMap::new();
    for item in index.scan_prefix([kind]) {
        let (key, bytes) = item.map_err(engine)?;
        let Ok(entries) = lists::decode(&bytes) else {
            tracing::warn!("an unreadable list was left where it was: {key:02x?}");
            continue;
        };
        batch.remove(key);
        for entry in entries {
            let list = lists::list_of(&entry).ok_or_else(|| malformed_index(&entry))?;
            regrouped.entry(list).or_default().push(entry);
        }
    }
    for (list, mut entries) in regrouped {
        entries.sort();
        entries.dedup();
        batch.insert(list, lists::encode(&entries)?);
    }
    index.apply_batch(batch).map_err(engine)
}

//! Editing the evidence log straight in sled, as someone tampering with it would: the entries
//! are stored sixteen together, each block under its number.

use xfdesk::store::RecordRef;
use xfdesk::store::codec;

/// Runs `edit` on the stored entries `(sequence number, stored bytes)` of the block holding
/// entry `seq`, and writes the block back.
pub fn edit_log_block(raw: &sled::Db, seq: u64, edit: impl FnOnce(&mut Vec<(u64, Vec<u8>)>)) {
    let block = (seq - 1) / 16;
    let record = RecordRef::AuditBlock {
        first: block * 16 + 1,
        last: block * 16 + 16,
    };
    let tree = raw.open_tree("audit_blocks").unwrap();
    let key = block.to_be_bytes();
    let stored = tree.get(key).unwrap().expect("the block is stored");
    let mut entries = codec::decode(&stored, record).unwrap();
    edit(&mut entries);
    tree.insert(key, codec::encode(&entries, record).unwrap())
        .unwrap();
    raw.flush().unwrap();
}

/// The stored bytes of entry `seq` among a block's entries.
pub fn entry(entries: &mut [(u64, Vec<u8>)], seq: u64) -> &mut Vec<u8> {
    let found = entries.iter_mut().find(|(s, _)| *s == seq);
    &mut found.expect("the entry is stored").1
}

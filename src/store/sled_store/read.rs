//! Reading records outside a transaction, and sled's errors in the desk's words.

use serde::de::DeserializeOwned;
use sled::transaction::TransactionError;
use sled::{IVec, Tree};

use crate::store::{KeyOf, RecordRef, Result, StoreError, codec};

use super::keys::{id_key, trailing_id};

/// sled's errors in words a clerk can pass on.
pub fn describe(e: &sled::Error) -> String {
    match e {
        sled::Error::Io(io) => io.to_string(),
        sled::Error::Corruption { at, .. } => match at {
            Some(at) => format!("the database file is damaged (at {at:?})"),
            None => "the database file is damaged".into(),
        },
        sled::Error::Unsupported(why) => why.clone(),
        sled::Error::ReportableBug(what) => format!("the storage engine failed: {what}"),
        sled::Error::CollectionNotFound(name) => format!(
            "part of the database is missing ({})",
            String::from_utf8_lossy(name)
        ),
    }
}

pub fn engine(e: sled::Error) -> StoreError {
    match e {
        sled::Error::Io(io) => StoreError::Io(io),
        other => StoreError::Engine(describe(&other)),
    }
}

pub fn transaction_error(e: TransactionError<StoreError>) -> StoreError {
    match e {
        TransactionError::Abort(ours) => ours,
        TransactionError::Storage(theirs) => engine(theirs),
    }
}

pub fn malformed_index(key: &[u8]) -> StoreError {
    StoreError::damaged_key(KeyOf::Index, key)
}

pub fn decode_record<T: DeserializeOwned>(
    bytes: Option<IVec>,
    record: RecordRef,
) -> Result<Option<T>> {
    match bytes {
        None => Ok(None),
        Some(bytes) => Ok(Some(codec::decode(&bytes, record)?)),
    }
}

pub fn load<T: DeserializeOwned>(tree: &Tree, id: u64, record: RecordRef) -> Result<Option<T>> {
    decode_record(tree.get(id_key(id)).map_err(engine)?, record)
}

/// Every record of a small tree, in id order.
pub fn load_all<T: DeserializeOwned>(tree: &Tree, record: fn(u64) -> RecordRef) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for entry in tree.iter() {
        let (key, bytes) = entry.map_err(engine)?;
        let id = trailing_id(&key).unwrap_or_default();
        out.push(codec::decode(&bytes, record(id))?);
    }
    Ok(out)
}

/// The ids at the end of index keys, at most `limit`.
pub fn ids(
    entries: impl Iterator<Item = sled::Result<(IVec, IVec)>>,
    limit: usize,
) -> Result<Vec<u64>> {
    entries
        .take(limit)
        .map(|entry| {
            let (key, _) = entry.map_err(engine)?;
            trailing_id(&key).ok_or_else(|| malformed_index(&key))
        })
        .collect()
}

//! Stored bytes, damaged any way: every record type decodes to an error, never a panic or an
//! absurd allocation (libFuzzer's -rss_limit_mb catches the latter).
#![no_main]

use std::collections::BTreeSet;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use xfdesk::store::RecordRef;
use xfdesk::store::codec::{decode, decode_audit};

fn one<T: DeserializeOwned>(bytes: &[u8]) {
    let _ = decode::<T>(bytes, RecordRef::Visit(1));
}

fuzz_target!(|bytes: &[u8]| {
    use xfdesk::domain::*;
    one::<visit::Visit>(bytes);
    one::<petitioner::Petitioner>(bytes);
    one::<case::Case>(bytes);
    one::<matter::Package>(bytes);
    one::<ledger::LedgerEvent>(bytes);
    one::<pending::MatterRow>(bytes);
    one::<organisation::Leader>(bytes);
    one::<organisation::Department>(bytes);
    one::<operator::Operator>(bytes);
    one::<schedule::Session>(bytes);
    one::<BTreeSet<NaiveDate>>(bytes);
    one::<u64>(bytes);
    let _ = decode_audit(bytes, RecordRef::Audit(1));
});

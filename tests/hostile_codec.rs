//! Damaged bytes where a record should be: every stored record type decodes them to an error,
//! never a panic, and a length prefix claiming gigabytes allocates nothing like it.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use xfdesk::domain::audit::AuditEvent;
use xfdesk::domain::case::Case;
use xfdesk::domain::ledger::LedgerEvent;
use xfdesk::domain::matter::Package;
use xfdesk::domain::operator::Operator;
use xfdesk::domain::organisation::{Department, Leader};
use xfdesk::domain::pending::MatterRow;
use xfdesk::domain::petitioner::Petitioner;
use xfdesk::domain::schedule::Session;
use xfdesk::domain::visit::Visit;
use xfdesk::store::RecordRef;
use xfdesk::store::codec::{FORMAT_VERSION, decode, decode_audit};

const REC: RecordRef = RecordRef::Visit(1);

fn try_all(bytes: &[u8]) {
    fn one<T: DeserializeOwned>(bytes: &[u8]) {
        let _ = decode::<T>(bytes, REC);
    }
    one::<Visit>(bytes);
    one::<Petitioner>(bytes);
    one::<Case>(bytes);
    one::<Package>(bytes);
    one::<LedgerEvent>(bytes);
    one::<MatterRow>(bytes);
    one::<Leader>(bytes);
    one::<Department>(bytes);
    one::<Operator>(bytes);
    one::<Session>(bytes);
    one::<AuditEvent>(bytes);
    one::<BTreeSet<NaiveDate>>(bytes);
    one::<u64>(bytes);
    one::<bool>(bytes);
    one::<String>(bytes);
    let _ = decode_audit(bytes, RecordRef::Audit(1));
}

/// bincode's varint: 253 then a little-endian u64.
fn huge_length(len: u64) -> Vec<u8> {
    let mut bytes = vec![FORMAT_VERSION, 253];
    bytes.extend_from_slice(&len.to_le_bytes());
    bytes
}

#[test]
fn a_length_prefix_claiming_more_than_memory_is_damage_not_an_abort() {
    // Before the decoder had a limit, bincode allocated the claimed length before reading:
    // these aborted the process (capacity overflow, or allocation failure).
    for len in [u64::MAX, 1 << 62, 1 << 40, 4 << 30] {
        let bytes = huge_length(len);
        assert!(decode::<String>(&bytes, REC).is_err(), "{len}");
        assert!(decode::<Vec<u8>>(&bytes, REC).is_err(), "{len}");
        try_all(&bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic_any_record_decoder(
        body in proptest::collection::vec(any::<u8>(), 0..300),
        version in prop::sample::select(vec![0u8, 1, 2, 3, 255]),
    ) {
        let mut bytes = vec![version];
        bytes.extend(body);
        try_all(&bytes);
        prop_assert!(decode::<u64>(&[], REC).is_err());
    }
}

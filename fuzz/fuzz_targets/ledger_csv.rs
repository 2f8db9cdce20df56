//! An office's CSV ledger and leader/department lists: checked row by row, never a panic.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use xfdesk::domain::intake::IntakeContext;
use xfdesk::domain::office::OfficeSettings;
use xfdesk::import::ledger;
use xfdesk::store::memory::MemoryStore;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = xfdesk::import::decode(bytes, "fuzz.csv") else {
        return;
    };
    let settings = OfficeSettings::default();
    let ctx = IntakeContext {
        settings: &settings,
        now: NaiveDate::from_ymd_opt(2026, 11, 18)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap(),
        operator: "fuzz",
    };
    if let Ok(checked) = ledger::check(text, &[], &MemoryStore::new(), &ctx) {
        for bad in &checked.bad {
            assert!(bad.row >= 2);
        }
    }
    let _ = xfdesk::import::leaders(text, &[]);
    let _ = xfdesk::import::departments(text, &[]);
});

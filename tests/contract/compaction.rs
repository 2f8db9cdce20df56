//! Compaction (sled only): the rewritten database answers exactly as before, and a compaction
//! cut short at any point leaves a database that opens with everything in it.

use std::fs;

use xfdesk::store::Store;

use super::fixtures::*;
use super::scenario::{desk_days, observe};

#[test]
fn a_compacted_database_answers_as_before_and_checks_clean() {
    let mut db = TempSled::new();
    desk_days(db.store());
    let before = observe(db.store());
    let done = db.take().compact().unwrap();
    assert!(done.records > 0);
    assert!(done.after > 0 && done.before > 0);
    let store = db.reopen();
    assert_eq!(observe(store), before);
    let report = store.check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    // Numbering carries on from where it was.
    let next = store
        .register_visit(&walk_in("孙晓霞", nov(20, 9)).phone("13500001234"))
        .unwrap();
    assert!(
        before.visits.iter().all(|v| v.id.0 < next.visit.id.0),
        "no id is given twice"
    );
}

#[test]
fn a_copy_cut_short_is_thrown_away_and_the_database_is_untouched() {
    let mut db = TempSled::new();
    desk_days(db.store());
    let before = observe(db.store());
    db.close();
    // A copy without its completion mark: the process stopped while copying.
    let copy = db.path().join("sled.compact");
    fs::create_dir_all(&copy).unwrap();
    fs::write(copy.join("db"), b"half a copy").unwrap();
    let store = db.reopen();
    assert_eq!(observe(store), before);
    assert!(!copy.exists(), "the half copy is gone");
}

#[test]
fn a_swap_cut_between_its_renames_is_finished_on_open() {
    let mut db = TempSled::new();
    desk_days(db.store());
    let before = observe(db.store());
    // Compact, then put the directories back as they were between the two renames: the old
    // database moved aside, the complete copy not yet in place.
    db.take().compact().unwrap();
    let (live, copy, old) = (
        db.path().join("sled"),
        db.path().join("sled.compact"),
        db.path().join("sled.old"),
    );
    fs::rename(&live, &copy).unwrap();
    fs::write(copy.join("COMPLETE"), b"").unwrap();
    fs::create_dir_all(&old).unwrap();
    let store = db.reopen();
    assert_eq!(observe(store), before);
    assert!(
        !copy.exists() && !old.exists(),
        "nothing is left beside the database"
    );
}

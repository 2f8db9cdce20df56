//! What only a database on disk promises: everything survives closing and reopening, one
//! desk at a time per directory, and damage on disk is reported by record, not a crash.

use xfdesk::domain::serial::SerialNo;
use xfdesk::domain::visit::Channel;
use xfdesk::i18n::{Lang, Localize};
use xfdesk::store::sled_store::SledStore;
use xfdesk::store::{Store, StoreError};

use super::fixtures::*;
use super::scenario::{desk_days, observe};

#[test]
fn everything_registered_is_still_there_after_closing_and_reopening() {
    let mut db = TempSled::new();
    let done = desk_days(db.store());
    db.store().mark_demo().unwrap();
    let before = observe(db.store());
    assert_eq!(before.visit_count, 10);

    let store = db.reopen();
    let after = observe(store);
    assert_eq!(
        after, before,
        "records, counters, indexes and flags survive"
    );
    assert!(after.is_demo);

    // Numbers continue per year; no id given before is given again.
    let highest_id = done
        .iter()
        .flat_map(|r| [r.visit.id.0, r.petitioner.id.0, r.case.id.0])
        .chain(store.leaders().unwrap().iter().map(|l| l.id.0))
        .chain(store.departments().unwrap().iter().map(|d| d.id.0))
        .max()
        .unwrap();
    let next = store
        .register_visit(&walk_in("孙晓霞", nov(20, 9)).phone("13500001234"))
        .unwrap();
    let visits_2026 = done.iter().filter(|r| r.visit.number.year == 2026).count() as u32;
    let cases_2026 = done
        .iter()
        .filter(|r| r.new_case && r.case.number.year == 2026)
        .count() as u32;
    assert_eq!(
        next.visit.number,
        SerialNo {
            year: 2026,
            seq: visits_2026 + 1
        }
    );
    assert_eq!(
        next.case.number,
        SerialNo {
            year: 2026,
            seq: cases_2026 + 1
        }
    );
    assert!(next.visit.id.0 > highest_id && next.petitioner.id.0 > highest_id);
    let late_letter = store
        .register_visit(&walk_in("王芳", at(2025, 12, 30, 9, 0)).channel(Channel::Letter))
        .unwrap();
    assert_eq!(late_letter.visit.number.to_string(), "2025-000002");

    // And once more: what was added after the first reopen is found after the second.
    let store = db.reopen();
    let found = store.search_visits("孙晓霞", 10).unwrap();
    assert_eq!(store.search_visits("1234", 10).unwrap(), found);
    assert_eq!(found, [next.visit]);
    assert_eq!(store.visit_count().unwrap(), 12);
    assert_eq!(
        store.petitioners_by_name("王芳").unwrap().len(),
        2,
        "the scenario's 王芳 and the new one"
    );
}

#[test]
fn a_second_desk_on_the_same_database_is_told_who_holds_it() {
    let mut db = TempSled::new();
    let Err(err) = SledStore::open(db.path()) else {
        panic!("the same directory opened twice");
    };
    match &err {
        StoreError::InUse { path, pid } => {
            assert_eq!(path, db.path());
            assert_eq!(*pid, Some(std::process::id()));
        }
        other => panic!("expected InUse, got {other:?}"),
    }
    let message = err.localize(Lang::Zh);
    assert!(
        message.contains(&format!("PID {}", std::process::id())),
        "{message}"
    );

    // The desk that holds it carries on, and once it closes the next one opens.
    let done = db
        .store()
        .register_visit(&walk_in("张三", nov(2, 9)))
        .unwrap();
    db.close();
    let second = SledStore::open(db.path()).unwrap();
    assert_eq!(second.visit(done.visit.id).unwrap(), Some(done.visit));
}

#[test]
fn a_record_damaged_on_disk_is_named_when_read_and_the_rest_still_reads() {
    let mut db = TempSled::new();
    let zhang = db
        .store()
        .register_visit(&walk_in("张三", nov(2, 9)))
        .unwrap();
    let ouyang = db
        .store()
        .register_visit(&walk_in("欧阳娜娜", nov(3, 9)))
        .unwrap();
    {
        // Knowledge of the layout (the `sled` directory, the `visits` tree keyed by the id in
        // big-endian) stands in for a disk that went bad.
        let raw = db.raw();
        let visits = raw.open_tree("visits").unwrap();
        visits
            .insert(zhang.visit.id.0.to_be_bytes(), &[1, 0xff, 0xfe][..])
            .unwrap();
        raw.flush().unwrap();
    }

    let store = db.reopen();
    let id = zhang.visit.id.0;
    let err = store.visit(zhang.visit.id).unwrap_err();
    assert!(
        err.localize(Lang::Zh).contains(&format!("来访记录 #{id}")),
        "{}",
        err.localize(Lang::Zh)
    );
    assert!(err.localize(Lang::En).contains(&format!("visit #{id}")));
    let listed = store.visits_newest_first(None, 10).unwrap_err();
    assert!(
        listed.to_string().contains(&format!("visit #{id}")),
        "{listed}"
    );
    assert_eq!(
        store.visit(ouyang.visit.id).unwrap(),
        Some(ouyang.visit.clone())
    );
    assert_eq!(
        store.search_visits("欧阳", 10).unwrap(),
        [ouyang.visit],
        "a search that does not reach the damaged record is unaffected"
    );
}

/// The database holds personal data: with a umask that would let anyone read new files, the
/// directory and everything sled writes into it are still the owner's alone.
#[cfg(unix)]
#[test]
fn the_database_files_are_owner_only_even_under_a_permissive_umask() {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: umask only changes the mode of files this process creates; it is restored below.
    let old = unsafe { libc::umask(0) };
    let mut db = TempSled::new();
    db.store()
        .register_visit(&walk_in("张三", nov(2, 9)))
        .unwrap();
    db.reopen();
    unsafe { libc::umask(old) };
    let mut seen = 0;
    let mut stack = vec![db.path().to_path_buf()];
    while let Some(path) = stack.pop() {
        let meta = std::fs::symlink_metadata(&path).unwrap();
        let mode = meta.permissions().mode() & 0o777;
        if meta.is_dir() {
            assert_eq!(mode, 0o700, "{}", path.display());
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            assert_eq!(mode, 0o600, "{}", path.display());
        }
        seen += 1;
    }
    assert!(seen >= 4, "the lock file, sled's directory and its files");
}

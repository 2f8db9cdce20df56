//! `xfdesk check` as an office runs it: exit 0 on a database nobody damaged, and on a
//! tampered one a non-zero exit with the broken entry named.

use assert_cmd::Command;

fn xfdesk(db: &std::path::Path, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("xfdesk")
        .unwrap()
        .arg("--db")
        .arg(db)
        .args(args)
        .assert()
}

#[test]
fn check_passes_a_demo_database_and_names_the_entry_edited_behind_its_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    xfdesk(&db, &["--today", "2026-11-30", "demo", "--visits", "300"]).success();

    let clean = xfdesk(&db, &["check"]).success();
    let out = String::from_utf8_lossy(&clean.get_output().stdout).to_string();
    assert!(
        out.contains("检查通过") && out.contains("300 条来访"),
        "{out}"
    );

    {
        let raw = sled::open(db.join("sled")).unwrap();
        let audit = raw.open_tree("audit").unwrap();
        let key = 5u64.to_be_bytes();
        let mut bytes = audit.get(key).unwrap().unwrap().to_vec();
        // The last byte belongs to the entry's own hash.
        if let Some(last) = bytes.last_mut() {
            *last ^= 0x01;
        }
        audit.insert(key, bytes).unwrap();
        raw.flush().unwrap();
    }
    let broken = xfdesk(&db, &["--lang", "en", "check"]).failure().code(2);
    let out = String::from_utf8_lossy(&broken.get_output().stdout).to_string();
    assert!(
        out.contains("from entry #5") && out.contains("changed after it was written"),
        "{out}"
    );
}

//! The command line acts as an operator: `search` and the imports need a code and PIN, obey the
//! role, and land in the evidence log; `demo` on an empty database needs nobody.

use assert_cmd::Command;
use xfdesk::domain::audit::AuditKind;
use xfdesk::store::Store;
use xfdesk::store::sled_store::SledStore;

fn xfdesk(db: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("xfdesk").unwrap();
    c.env_remove("XFDESK_OPERATOR")
        .env_remove("XFDESK_PIN")
        .args(["--db", db.to_str().unwrap(), "--today", "2026-11-18"]);
    c
}

#[test]
fn search_needs_an_operator_whose_role_allows_it_and_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    let out = xfdesk(&db)
        .args(["demo", "--visits", "30"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("demo-supervisor") && said.contains("123456"),
        "{said}"
    );

    let out = xfdesk(&db).args(["search", "张"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--operator"));

    let out = xfdesk(&db)
        .args(["search", "张", "--operator", "demo-clerk"])
        .env("XFDESK_PIN", "123456")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("登记员") && err.contains("不能执行"), "{err}");

    let out = xfdesk(&db)
        .args(["search", "张", "--format", "json"])
        .env("XFDESK_OPERATOR", "demo-supervisor")
        .env("XFDESK_PIN", "123456")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A wrong PIN (last: the next try would have to wait).
    let out = xfdesk(&db)
        .args(["search", "张"])
        .env("XFDESK_OPERATOR", "demo-supervisor")
        .env("XFDESK_PIN", "000000")
        .output()
        .unwrap();
    assert!(!out.status.success(), "a wrong PIN is refused");

    let store = SledStore::open(&db).unwrap();
    let log = store.audit_log(0, usize::MAX).unwrap();
    let kinds: Vec<(AuditKind, &str, &str)> = log
        .iter()
        .map(|(_, e)| (e.kind, e.operator.as_str(), e.detail.as_str()))
        .collect();
    assert!(
        kinds.contains(&(AuditKind::CommandLine, "demo-clerk", "refused: role")),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(AuditKind::CommandLine, "demo-supervisor", "")),
        "{kinds:?}"
    );
    assert!(
        kinds
            .iter()
            .any(|k| k.0 == AuditKind::SignInFailed && k.1 == "demo-supervisor"),
        "{kinds:?}"
    );
    assert!(
        log.iter()
            .all(|(_, e)| !e.detail.contains("123456") && !e.detail.contains("000000"))
    );
}

#[test]
fn an_import_needs_an_administrator() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    xfdesk(&db)
        .args(["demo", "--visits", "0"])
        .assert()
        .success();
    let csv = dir.path().join("leaders.csv");
    std::fs::write(&csv, "姓名,职务,分管工作\n周平,副县长,交通\n").unwrap();
    let file = csv.to_str().unwrap();
    xfdesk(&db)
        .args(["leaders", "import", file, "--operator", "demo-supervisor"])
        .env("XFDESK_PIN", "123456")
        .assert()
        .failure();
    xfdesk(&db)
        .args(["leaders", "import", file, "--operator", "demo-admin"])
        .env("XFDESK_PIN", "１２３４５６")
        .assert()
        .success();
    let store = SledStore::open(&db).unwrap();
    assert!(store.leaders().unwrap().iter().any(|l| l.name == "周平"));
}

#[test]
fn compacting_is_the_administrators_and_keeps_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    let out = xfdesk(&db)
        .args(["demo", "--visits", "200"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("已整理数据库"), "the demo compacts: {said}");

    let as_role = |code: &str| {
        xfdesk(&db)
            .arg("compact")
            .env("XFDESK_OPERATOR", code)
            .env("XFDESK_PIN", "123456")
            .output()
            .unwrap()
    };
    let refused = as_role("demo-clerk");
    assert!(!refused.status.success(), "a clerk may not compact");
    let done = as_role("demo-admin");
    let said = String::from_utf8_lossy(&done.stdout);
    assert!(done.status.success() && said.contains("MB →"), "{said}");

    let store = SledStore::open(&db).unwrap();
    assert_eq!(store.visit_count().unwrap(), 200);
    assert!(store.check().unwrap().problems.is_empty());
}

/// Every change and record of a run carries the operator who signed in for it, never the
/// account the shell runs under.
#[test]
fn imports_and_reveals_are_stamped_with_the_signed_in_operator() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    xfdesk(&db)
        .args(["demo", "--visits", "30"])
        .assert()
        .success();
    let before = SledStore::open(&db)
        .unwrap()
        .audit_log(0, usize::MAX)
        .unwrap()
        .len();
    let csv = dir.path().join("departments.csv");
    std::fs::write(
        &csv,
        "单位名称,联系人,联系电话\n县信访局,周科长,0879-3212345\n",
    )
    .unwrap();
    // Typed as a person might: the stamp carries the code as stored.
    xfdesk(&db)
        .args(["departments", "import", csv.to_str().unwrap()])
        .args(["--operator", "Demo-Admin"])
        .env("XFDESK_PIN", "123456")
        .env("USER", "shell-account")
        .assert()
        .success();
    xfdesk(&db)
        .args(["search", "张", "--reveal", "--operator", "demo-supervisor"])
        .env("XFDESK_PIN", "123456")
        .env("USER", "shell-account")
        .assert()
        .success();

    let store = SledStore::open(&db).unwrap();
    let log = store.audit_log(0, usize::MAX).unwrap();
    let run: Vec<(AuditKind, &str)> = log[before..]
        .iter()
        .map(|(_, e)| (e.kind, e.operator.as_str()))
        .collect();
    assert!(
        run.contains(&(AuditKind::OrgAdded, "demo-admin")),
        "the department added: {run:?}"
    );
    assert!(
        run.contains(&(AuditKind::Revealed, "demo-supervisor")),
        "{run:?}"
    );
    for (kind, operator) in &run {
        assert!(
            ["demo-admin", "demo-supervisor"].contains(operator),
            "{kind:?} by {operator}"
        );
    }
}

/// Reports print petitioners' names: a supervisor's, signed in.
#[test]
fn a_report_needs_a_supervisor() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    xfdesk(&db)
        .args(["demo", "--visits", "30"])
        .assert()
        .success();
    let out = xfdesk(&db).args(["report", "pending"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--operator"));
    assert!(out.stdout.is_empty());
    let out = xfdesk(&db)
        .args(["report", "pending", "--operator", "demo-clerk"])
        .env("XFDESK_PIN", "123456")
        .output()
        .unwrap();
    assert!(!out.status.success() && out.stdout.is_empty());
    xfdesk(&db)
        .args(["report", "pending", "--operator", "demo-supervisor"])
        .env("XFDESK_PIN", "123456")
        .assert()
        .success();
}

//! `xfdesk document`: a matter's acceptance notice, assignment sheet, reminder and supervision
//! notice, from the shipped templates or the office's own, as text and HTML.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use xfdesk::domain::audit::AuditKind;
use xfdesk::domain::ledger::Stamp;
use xfdesk::domain::lifecycle::Move;
use xfdesk::domain::organisation::{NewDepartment, NewLeader};
use xfdesk::domain::permission::Role;
use xfdesk::store::Store;
use xfdesk::store::sled_store::SledStore;

fn xfdesk(db: &Path, role: Role) -> Command {
    let mut c = Command::cargo_bin("xfdesk").unwrap();
    c.env("XFDESK_OPERATOR", common::code_of(role))
        .env("XFDESK_PIN", common::PIN)
        .args(["--db", db.to_str().unwrap(), "--today", "2026-11-18"]);
    c
}

/// Matter 2026-000001: 李丽燕's land claim, received by 王副县长 on 2 March, accepted and
/// assigned to the land office on the 4th.
fn assigned_matter(dir: &Path) -> PathBuf {
    let db = dir.join("desk");
    let store = SledStore::open(&db).unwrap();
    for role in Role::ALL {
        common::add_operator(&store, role, None);
    }
    let leader = store
        .add_leader(
            &NewLeader {
                name: "王副县长".into(),
                title: "副县长".into(),
                portfolio: "国土".into(),
            },
            &common::admin(),
        )
        .unwrap();
    let land = store
        .add_department(
            &NewDepartment {
                name: "县自然资源局".into(),
                contact: String::new(),
                phone: None,
            },
            &common::admin(),
        )
        .unwrap();
    let mut visit = common::walk_in("李丽燕", "13800138000", common::on(3, 2, 9, 30));
    visit.category = "土地征收".into();
    visit.summary = "反映集体林地被占用，未签订征地协议，要求依法补偿。".into();
    visit.receiving_leader = Some(leader.id);
    let matter = store.register_visit(&visit).unwrap().visit.case_id;
    let stamp = Stamp::new(common::on(3, 4, 10, 0), "sup1");
    store.apply_move(matter, Move::Accept, "", &stamp).unwrap();
    let assign = Move::Assign {
        department: land.id,
        co_departments: vec![],
    };
    store.apply_move(matter, assign, "", &stamp).unwrap();
    db
}

fn write(db: &Path, role: Role, args: &[&str], out: &Path) -> (bool, String, String) {
    let o = xfdesk(db, role)
        .arg("document")
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn the_assignment_sheet_names_the_matter_its_department_leader_and_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let db = assigned_matter(dir.path());
    let out = dir.path().join("交办单.txt");
    let (ok, said, err) = write(
        &db,
        Role::Supervisor,
        &["assignment", "--matter", "2026-000001"],
        &out,
    );
    assert!(ok, "{err}");
    assert!(said.contains("已生成交办单"), "{said}");
    insta::assert_snapshot!(std::fs::read_to_string(&out).unwrap());

    let store = SledStore::open(&db).unwrap();
    let log = store.audit_log(0, usize::MAX).unwrap();
    assert!(
        log.iter().any(|(_, e)| e.kind == AuditKind::Exported
            && e.operator == "sup1"
            && e.subject == "matter:2026-000001"
            && e.detail.starts_with("document:assignment")),
        "{log:?}"
    );
}

#[test]
fn the_supervision_notice_carries_its_number_and_how_late_the_matter_is() {
    let dir = tempfile::tempdir().unwrap();
    let db = assigned_matter(dir.path());
    let out = dir.path().join("督办单.html");
    let args = [
        "supervision",
        "--matter",
        "2026-000001",
        "--urge",
        "督〔2026〕3号",
    ];
    let (ok, _, err) = write(&db, Role::Supervisor, &args, &out);
    assert!(ok, "{err}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<title>督办单</title>"), "{html}");
    assert!(
        html.contains("督〔2026〕3号") && html.contains("县自然资源局"),
        "{html}"
    );
    assert!(
        html.contains("现已超期"),
        "assigned in March, late in November: {html}"
    );

    // A clerk neither urges nor supervises.
    let (ok, _, err) = write(&db, Role::Clerk, &args, &out);
    assert!(!ok && err.contains("不能执行"), "{err}");
}

#[test]
fn an_offices_own_template_replaces_the_shipped_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = assigned_matter(dir.path());
    std::fs::create_dir_all(db.join("templates")).unwrap();
    std::fs::write(
        db.join("templates/acceptance.txt"),
        "宁洱县信访局\n{{petitioner}}:你于{{received}}反映的事项已受理,编号{{number}}。{{unknown}}\n",
    )
    .unwrap();
    let out = dir.path().join("受理.txt");
    let (ok, _, err) = write(
        &db,
        Role::Secretary,
        &["acceptance", "--matter", "2026-000001"],
        &out,
    );
    assert!(ok, "{err}");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "宁洱县信访局\n李丽燕:你于2026年3月2日反映的事项已受理,编号2026-000001。{{unknown}}\n"
    );

    let (ok, _, err) = write(
        &db,
        Role::Secretary,
        &["acceptance", "--matter", "2026-000099"],
        &out,
    );
    assert!(
        !ok && err.contains("没有编号为 2026-000099 的事项"),
        "{err}"
    );
}

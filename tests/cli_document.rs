//! `xfdesk document`: a matter's acceptance notice, assignment sheet, reminder and supervision
//! notice, from the shipped templates or the office's own, as text and HTML.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use xfdesk::domain::audit::AuditKind;
use xfdesk::domain::ledger::Stamp;
use xfdesk::domain::lifecycle::Move;
use xfdesk::domain::matter::MatterChange;
use xfdesk::domain::organisation::NewLeader;
use xfdesk::domain::permission::Role;
use xfdesk::domain::supervision::Escalation;
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
    let land = common::add_department(&store, "县自然资源局");
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

/// A matter of 张建国's, registered on 5 March and left as `steps` leave it.
fn another_matter(db: &Path, phone: &str, steps: &[Move]) {
    let store = SledStore::open(db).unwrap();
    let visit = common::walk_in("张建国", phone, common::on(3, 5, 9, 0));
    let matter = store.register_visit(&visit).unwrap().visit.case_id;
    let stamp = Stamp::new(common::on(3, 6, 10, 0), "sup1");
    for step in steps {
        store.apply_move(matter, step.clone(), "", &stamp).unwrap();
    }
}

/// Sends matter 2026-000001 a reminder or supervision; the store numbers it.
fn urge(db: &Path, level: Escalation) {
    urge_matter(db, "2026-000001", level);
}

fn urge_matter(db: &Path, number: &str, level: Escalation) {
    let store = SledStore::open(db).unwrap();
    let id = xfdesk::domain::lifecycle::CaseState::ALL
        .iter()
        .flat_map(|s| store.cases_in_state(*s, usize::MAX).unwrap())
        .find(|c| c.number.to_string() == number)
        .unwrap()
        .id;
    let change = MatterChange::Urge {
        level,
        department: None,
        response_by: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        text: "请抓紧办理".into(),
    };
    store
        .change_matter(id, &change, &Stamp::new(common::on(11, 16, 10, 0), "sup1"))
        .unwrap();
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
    for _ in 0..3 {
        urge(&db, Escalation::Notice);
    }
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

fn refused(db: &Path, args: &[&str], out: &Path) -> String {
    let _ = std::fs::remove_file(out);
    let (ok, said, err) = write(db, Role::Supervisor, args, out);
    assert!(!ok, "written: {said}");
    assert!(!out.exists(), "a refused document leaves no file");
    err
}

#[test]
fn an_acceptance_notice_is_refused_for_a_matter_not_accepted_or_not_yet_assigned() {
    let dir = tempfile::tempdir().unwrap();
    let db = assigned_matter(dir.path());
    let reason = "不属于信访事项".to_string();
    another_matter(&db, "13900139000", &[Move::NotAccept { reason }]);
    another_matter(&db, "13900139001", &[]);
    another_matter(&db, "13900139002", &[Move::Accept]);
    let out = dir.path().join("受理.txt");
    let acceptance = |n| ["acceptance", "--matter", n];

    let err = refused(&db, &acceptance("2026-000002"), &out);
    assert!(
        err.contains("事项 2026-000002 未经受理(现为「不予受理」),不能出具受理告知书"),
        "{err}"
    );
    let err = refused(&db, &acceptance("2026-000003"), &out);
    assert!(err.contains("未经受理(现为「已登记」)"), "{err}");
    let err = refused(&db, &acceptance("2026-000004"), &out);
    assert!(err.contains("事项 2026-000004 尚未交办承办单位"), "{err}");
    let err = refused(&db, &["assignment", "--matter", "2026-000004"], &out);
    assert!(err.contains("交办单须写明承办单位"), "{err}");

    let o = xfdesk(&db, Role::Supervisor)
        .args(["--lang", "en", "document"])
        .args(acceptance("2026-000003"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("Matter 2026-000003 was never accepted"),
        "{err}"
    );

    // The accepted and assigned matter still has its notice, naming its department.
    let (ok, _, err) = write(&db, Role::Supervisor, &acceptance("2026-000001"), &out);
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("该事项已交由县自然资源局办理"), "{text}");
}

#[test]
fn a_reminder_or_supervision_notice_carries_a_number_the_matter_has() {
    let dir = tempfile::tempdir().unwrap();
    let db = assigned_matter(dir.path());
    let out = dir.path().join("催办单.txt");

    let err = refused(&db, &["reminder", "--matter", "2026-000001"], &out);
    assert!(
        err.contains("事项 2026-000001 没有催办文号,不能出具催办单"),
        "{err}"
    );

    urge(&db, Escalation::Reminder);
    urge(&db, Escalation::Reminder);
    urge(&db, Escalation::Notice);
    let (ok, _, err) = write(
        &db,
        Role::Supervisor,
        &["reminder", "--matter", "2026-000001"],
        &out,
    );
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("催〔2026〕2号"),
        "the latest reminder by default: {text}"
    );
    assert!(text.contains("县自然资源局:"), "{text}");
    assert!(!text.contains("________"), "{text}");

    let args = [
        "supervision",
        "--matter",
        "2026-000001",
        "--urge",
        "督〔2019〕1号",
    ];
    let err = refused(&db, &args, &out);
    assert!(
        err.contains(
            "“督〔2019〕1号”不是事项 2026-000001 的督办文号;该事项的督办文号:督〔2026〕1号"
        ),
        "{err}"
    );
    let args = [
        "reminder",
        "--matter",
        "2026-000001",
        "--urge",
        "催〔2026〕1号",
    ];
    let (ok, _, err) = write(&db, Role::Supervisor, &args, &out);
    assert!(ok, "{err}");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("催〔2026〕1号")
    );
}

#[test]
fn a_reminder_is_refused_for_a_matter_no_department_was_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = assigned_matter(dir.path());
    another_matter(&db, "13900139000", &[Move::Accept]);
    let out = dir.path().join("催办单.txt");
    // Urged while accepted, before any department was given: the reminder would be addressed
    // to "________" and tell it the matter was given to "your unit".
    urge_matter(&db, "2026-000002", Escalation::Reminder);
    let err = refused(&db, &["reminder", "--matter", "2026-000002"], &out);
    assert!(
        err.contains("事项 2026-000002 尚未交办承办单位(现为「已受理」),而催办单须写明承办单位"),
        "{err}"
    );
}

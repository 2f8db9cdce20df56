//! The ledger out to Excel and back in, as an office moving from Excel would use it:
//! `xfdesk export`, `xfdesk import` and `xfdesk document`, run as the binary on a real
//! database, each as an operator whose role allows it.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::{Data, Reader};
use xfdesk::domain::audit::AuditKind;
use xfdesk::domain::id_number::IdNumber;
use xfdesk::domain::lifecycle::{CaseState, Move};
use xfdesk::domain::permission::Role;
use xfdesk::domain::petitioner::Person;
use xfdesk::domain::visit::{Channel, Kind};
use xfdesk::store::Store;
use xfdesk::store::sled_store::SledStore;

fn xfdesk(db: &Path, role: Role) -> Command {
    let mut c = Command::cargo_bin("xfdesk").unwrap();
    c.env("XFDESK_OPERATOR", common::code_of(role))
        .env("XFDESK_PIN", common::PIN)
        .args(["--db", db.to_str().unwrap(), "--today", "2026-11-18"]);
    c
}

/// A database with the operators of every role and no visits.
fn empty_desk(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    let store = SledStore::open(&db).unwrap();
    for role in Role::ALL {
        common::add_operator(&store, role, None);
    }
    db
}

/// Three petitioners, one matter each: a man with an ID number and an address, a woman known
/// by her phone who wrote a letter, and a man with both.
fn three_matters(db: &Path) {
    let store = SledStore::open(db).unwrap();
    let id = |seq| {
        IdNumber::parse(
            &common::id_number("530821", "19800101", seq),
            common::now().date(),
        )
        .unwrap()
    };
    let mut first = common::walk_in("李丽燕", "13800138000", common::on(3, 2, 9, 30));
    first.petitioner = Person {
        name: "李丽燕".into(),
        id_number: Some(id("002")),
        address: "云南省普洱市宁洱县民主村八组".into(),
        ..first.petitioner
    };
    first.category = "土地征收".into();
    first.summary = "反映集体林地被占用，未签订征地协议，要求依法补偿。".into();
    let mut second = common::walk_in("罗静颖", "19171874554", common::on(4, 15, 14, 5));
    second.channel = Channel::Letter;
    second.category = "劳动社保".into();
    second.summary = "要求补缴2019年至2021年的养老保险。".into();
    let mut third = common::walk_in("王建国", "13912345678", common::on(5, 20, 10, 0));
    third.petitioner.id_number = Some(id("013"));
    third.head_count = 3;
    third.summary = "邻居违章搭建，\"影响\"采光，请求处理。".into();
    // Sex as the ID number says: what intake (and the import) would have recorded.
    let mut cases = Vec::new();
    for mut v in [first, second, third] {
        if let Some(id) = &v.petitioner.id_number {
            v.petitioner.sex = id.sex();
        }
        cases.push(store.register_visit(&v).unwrap().case.id);
    }
    // The first was not accepted, the second forwarded: the ledger says so, and an import
    // must not bring them back as new work.
    let steps = [
        Move::NotAccept {
            reason: "属于诉讼程序".into(),
        },
        Move::Forward {
            to: "市人力资源和社会保障局".into(),
        },
    ];
    for (case, step) in cases.into_iter().zip(steps) {
        store.apply_move(case, step, "", &common::admin()).unwrap();
    }
}

fn run(c: &mut Command) -> (bool, String, String) {
    let out = c.output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every petitioner's details and every matter as the desk keeps them, in number order.
fn as_the_desk_sees_it(db: &Path) -> (Vec<Person>, Vec<String>) {
    let store = SledStore::open(db).unwrap();
    let mut visits = store.visits_newest_first(None, usize::MAX).unwrap();
    visits.sort_by_key(|v| v.number);
    let people = visits
        .iter()
        .map(|v| store.petitioner(v.petitioner_id).unwrap().unwrap().person)
        .collect();
    let matters = visits
        .iter()
        .map(|v| {
            let c = store.case(v.case_id).unwrap().unwrap();
            format!(
                "{} {} {:?} {} {} {:?} {} {:?} {}",
                c.number,
                c.opened_at,
                c.kind,
                c.category,
                c.summary,
                c.state,
                c.visit_count,
                v.channel,
                v.head_count
            )
        })
        .collect();
    (people, matters)
}

#[test]
fn an_exported_ledger_imports_into_an_empty_desk_as_the_same_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let a = empty_desk(dir.path(), "a");
    three_matters(&a);
    let csv = dir.path().join("台账.csv");
    let (ok, said, err) = run(xfdesk(&a, Role::Supervisor)
        .args(["export", "--format", "csv", "--out"])
        .arg(&csv));
    assert!(ok, "{err}");
    assert!(said.contains("已导出 3 件事项"), "{said}");
    let exported = std::fs::read(&csv).unwrap();
    assert!(
        exported.starts_with(b"\xEF\xBB\xBF"),
        "Excel on Chinese Windows needs the BOM"
    );

    let b = empty_desk(dir.path(), "b");
    let (ok, said, err) = run(xfdesk(&b, Role::Administrator).arg("import").arg(&csv));
    assert!(ok, "{said}{err}");
    assert!(said.contains("导入 3 条来访"), "{said}");
    assert!(said.contains("2 件事项按原台账设置了状态"), "{said}");
    assert_eq!(as_the_desk_sees_it(&a), as_the_desk_sees_it(&b));

    // Exported again, the new desk's ledger is the same file.
    let again = dir.path().join("again.csv");
    let (ok, _, err) = run(xfdesk(&b, Role::Supervisor)
        .args(["export", "--format", "csv", "--out"])
        .arg(&again));
    assert!(ok, "{err}");
    assert_eq!(
        String::from_utf8(std::fs::read(&again).unwrap()).unwrap(),
        String::from_utf8(exported).unwrap()
    );

    // The same file a second time adds nothing, and says so.
    let (ok, said, err) = run(xfdesk(&b, Role::Administrator).arg("import").arg(&csv));
    assert!(ok, "{said}{err}");
    assert!(
        said.contains("3 行此前已导入") && said.contains("导入 0 条来访"),
        "{said}"
    );
    assert!(!said.contains("设置了状态"), "nothing to set again: {said}");
    assert_eq!(as_the_desk_sees_it(&a), as_the_desk_sees_it(&b));

    let store = SledStore::open(&b).unwrap();
    let log = store.audit_log(0, usize::MAX).unwrap();
    let imports: Vec<&str> = log
        .iter()
        .filter(|(_, e)| e.kind == AuditKind::Imported && e.operator == "admin1")
        .map(|(_, e)| e.detail.as_str())
        .collect();
    assert_eq!(imports.len(), 2, "{log:?}");
    assert!(
        imports[0].ends_with("rows:3 already:0") && imports[1].ends_with("rows:0 already:3"),
        "{imports:?}"
    );
    let exports: Vec<&str> = log
        .iter()
        .filter(|(_, e)| e.kind == AuditKind::Exported && e.operator == "sup1")
        .map(|(_, e)| e.detail.as_str())
        .collect();
    assert_eq!(exports.len(), 1);
    assert!(exports[0].contains("again.csv rows:3 full"), "{exports:?}");
}

#[test]
fn an_export_whose_dates_end_before_they_start_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = empty_desk(dir.path(), "desk");
    three_matters(&db);
    let csv = dir.path().join("none.csv");
    let (ok, _, err) = run(xfdesk(&db, Role::Supervisor)
        .args([
            "export",
            "--format",
            "csv",
            "--from",
            "2026-12-05",
            "--to",
            "2026-12-01",
        ])
        .args(["--out"])
        .arg(&csv));
    assert!(!ok);
    assert!(err.contains("起始日期晚于截止日期"), "{err}");
    assert!(!csv.exists());
}

#[test]
fn a_clerks_export_masks_id_numbers_and_phones() {
    let dir = tempfile::tempdir().unwrap();
    let db = empty_desk(dir.path(), "desk");
    three_matters(&db);
    let csv = dir.path().join("clerk.csv");
    let (ok, said, err) = run(xfdesk(&db, Role::Clerk)
        .args(["export", "--format", "csv", "--out"])
        .arg(&csv));
    assert!(ok, "{err}");
    assert!(said.contains("部分隐藏"), "{said}");
    let text = std::fs::read_to_string(&csv).unwrap();
    let full = common::id_number("530821", "19800101", "002");
    assert!(
        !text.contains(&full) && !text.contains("13800138000"),
        "{text}"
    );
    assert!(text.contains("李丽燕"), "{text}");

    // An administrator keeps the database but does not read the ledger.
    let (ok, _, err) = run(xfdesk(&db, Role::Administrator)
        .args(["export", "--format", "csv", "--out"])
        .arg(&csv));
    assert!(!ok);
    assert!(err.contains("不能执行"), "{err}");
}

/// A desk with two matters: an accusation (检举控告类) received by 王红, who therefore holds
/// it, and an ordinary request; the secretary works for 王红.
fn an_accusation(dir: &Path) -> PathBuf {
    let db = dir.join("desk");
    let store = SledStore::open(&db).unwrap();
    let leader = common::add_leader(&store, "王红", "县长");
    for role in Role::ALL {
        let own = (role == Role::Secretary).then_some(leader.id);
        common::add_operator(&store, role, own);
    }
    let mut accusation = common::walk_in("赵举报", "13600001111", common::on(11, 2, 9, 0));
    accusation.petitioner.address = "宁洱镇民主村".into();
    accusation.kind = Kind::Accusation;
    accusation.category = "党纪政纪".into();
    accusation.summary = "反映某站长收受好处".into();
    accusation.receiving_leader = Some(leader.id);
    store.register_visit(&accusation).unwrap();
    let mut ordinary = common::walk_in("罗静颖", "19171874554", common::on(11, 3, 9, 0));
    ordinary.category = "劳动社保".into();
    ordinary.summary = "要求补缴养老保险".into();
    store.register_visit(&ordinary).unwrap();
    db
}

/// The exported rows as `role` gets them, header first, in `format`.
fn exported_rows(db: &Path, role: Role, format: &str) -> Vec<Vec<String>> {
    let out = db.with_extension(format!("{}.{format}", common::code_of(role)));
    let (ok, _, err) = run(xfdesk(db, role)
        .args(["export", "--format", format, "--out"])
        .arg(&out));
    assert!(ok, "{err}");
    if format == "csv" {
        let text = std::fs::read_to_string(&out).unwrap();
        let mut file = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        file.records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    } else {
        let mut book = calamine::open_workbook_auto(&out).unwrap();
        let sheet = book.worksheet_range_at(0).unwrap().unwrap();
        sheet
            .rows()
            .map(|r| r.iter().map(|d| d.to_string()).collect())
            .collect()
    }
}

#[test]
fn an_export_hides_an_accusation_from_whoever_may_not_read_it_as_the_screen_does() {
    let dir = tempfile::tempdir().unwrap();
    let db = an_accusation(dir.path());
    let secrets = [
        "赵举报",
        "党纪政纪",
        "反映某站长收受好处",
        "宁洱镇民主村",
        "136****1111",
    ];
    for format in ["csv", "xlsx"] {
        let rows = exported_rows(&db, Role::Clerk, format);
        assert_eq!(rows.len(), 3, "{format}: {rows:?}");
        let (accusation, ordinary) = (&rows[1], &rows[2]);
        for cell in accusation {
            assert!(
                !secrets.iter().any(|s| cell.contains(s)),
                "{format}: a clerk's export shows {cell:?} of an accusation: {accusation:?}"
            );
        }
        // As on the screen: the matter is there, its name and category say they are hidden.
        assert_eq!(accusation[0], "2026-000001", "{accusation:?}");
        assert_eq!((&*accusation[1], &*accusation[6]), ("(保密)", "(保密)"));
        assert_eq!(accusation[7], "检举控告类");
        assert_eq!(accusation[14], "已登记", "the state still shows");
        assert!(
            accusation[16].starts_with("2026-"),
            "the due date still shows"
        );
        assert_eq!((&*ordinary[1], &*ordinary[6]), ("罗静颖", "劳动社保"));
    }
    // The supervisor and the secretary of the leader who holds it read it in full.
    for role in [Role::Supervisor, Role::Secretary] {
        let rows = exported_rows(&db, role, "csv");
        let accusation = rows[1].join(",");
        for secret in &secrets[..4] {
            assert!(accusation.contains(secret), "{role:?}: {accusation}");
        }
    }
}

#[test]
fn the_xlsx_keeps_id_numbers_and_phones_as_text_under_the_headers() {
    let dir = tempfile::tempdir().unwrap();
    let db = empty_desk(dir.path(), "desk");
    three_matters(&db);
    let xlsx = dir.path().join("ledger.xlsx");
    let (ok, _, err) = run(xfdesk(&db, Role::Supervisor)
        .args(["--lang", "en", "export", "--format", "xlsx", "--out"])
        .arg(&xlsx));
    assert!(ok, "{err}");

    let mut book = calamine::open_workbook_auto(&xlsx).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    let header: Vec<String> = rows[0].iter().map(|d| d.to_string()).collect();
    assert_eq!(
        header,
        [
            "Number",
            "Name",
            "ID number",
            "Phone",
            "Address",
            "Channel",
            "Category",
            "Kind",
            "Opened",
            "Request",
            "People",
            "Visits",
            "Leader",
            "Department",
            "State",
            "Stage",
            "Due",
            "Days late"
        ]
    );
    assert_eq!(rows.len(), 4);
    let full = common::id_number("530821", "19800101", "002");
    assert_eq!(
        rows[1][2],
        Data::String(full),
        "an 18-digit number would lose its last digits"
    );
    assert_eq!(rows[1][3], Data::String("13800138000".into()));
    assert_eq!(rows[2][1], Data::String("罗静颖".into()));
    assert_eq!(rows[2][5], Data::String("Letter".into()));

    // And it comes back in: the import reads XLSX as it reads CSV.
    let other = empty_desk(dir.path(), "other");
    let (ok, said, err) = run(xfdesk(&other, Role::Administrator)
        .args(["--lang", "en", "import"])
        .arg(&xlsx));
    assert!(ok, "{said}{err}");
    assert_eq!(as_the_desk_sees_it(&db), as_the_desk_sees_it(&other));
}

/// Digits as a Chinese input method types them.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | 'X' | '-' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
            c => c,
        })
        .collect()
}

#[test]
fn every_bad_row_is_reported_with_its_excel_row_and_column_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = empty_desk(dir.path(), "desk");
    let id = common::id_number("530821", "19800101", "002");
    let good = [
        format!(
            "张三,,{},{},其他,要求补发工资",
            full_width("13800138000"),
            full_width("2026-03-02")
        ),
        format!("赵六,{},,2026-03-05,劳动社保,要求调查", full_width(&id)),
    ];
    let bad = [
        "李四,110101199001011234,,2026-03-03,其他,要求退还押金".to_string(),
        "王五,,13900139000,2026-13-45,其他,反映噪音扰民".to_string(),
        ",,13700137000,2026-03-04,其他,反映道路积水".to_string(),
    ];
    let file = dir.path().join("mixed.csv");
    let lines = [
        "姓名,身份证号码,电话,来访日期,类别,反映问题".to_string(),
        good[0].clone(),
        bad[0].clone(),
        bad[1].clone(),
        bad[2].clone(),
        good[1].clone(),
    ];
    std::fs::write(&file, format!("\u{feff}{}\r\n", lines.join("\r\n"))).unwrap();

    let (ok, said, err) = run(xfdesk(&db, Role::Administrator)
        .args(["--lang", "en", "import"])
        .arg(&file));
    assert!(!ok, "a bad row makes the exit status non-zero");
    assert_eq!(
        said.lines().collect::<Vec<_>>(),
        [
            "row 3, column “ID number”: check digit should be 7, not 4",
            "row 4, column “Opened”: “2026-13-45” is not a date (use 2026-11-20)",
            "row 5, column “Name”: enter the name",
        ]
    );
    assert!(err.contains("3 bad row(s); nothing imported"), "{err}");
    assert_eq!(SledStore::open(&db).unwrap().visit_count().unwrap(), 0);

    // Without the bad rows: a dry run writes nothing, the import writes both, normalised.
    std::fs::write(
        &file,
        [lines[0].clone(), good[0].clone(), good[1].clone()].join("\n"),
    )
    .unwrap();
    let (ok, said, _) = run(xfdesk(&db, Role::Administrator)
        .args(["import", "--dry-run"])
        .arg(&file));
    assert!(ok && said.contains("可导入 2 条来访"), "{said}");
    assert_eq!(SledStore::open(&db).unwrap().visit_count().unwrap(), 0);
    let (ok, said, err) = run(xfdesk(&db, Role::Administrator).arg("import").arg(&file));
    assert!(ok, "{said}{err}");
    let store = SledStore::open(&db).unwrap();
    let mut visits = store.visits_newest_first(None, usize::MAX).unwrap();
    visits.sort_by_key(|v| v.number);
    let seen: Vec<(String, String, String, String)> = visits
        .iter()
        .map(|v| {
            let p = &v.petitioner;
            (
                p.name.clone(),
                p.id_number
                    .as_ref()
                    .map(|i| i.to_string())
                    .unwrap_or_default(),
                p.phone.as_ref().map(|i| i.to_string()).unwrap_or_default(),
                v.received_at.date().to_string(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "张三".into(),
                String::new(),
                "13800138000".into(),
                "2026-03-02".into()
            ),
            ("赵六".into(), id, String::new(), "2026-03-05".into()),
        ]
    );
}

#[test]
fn a_mapping_file_names_the_columns_the_import_does_not_know() {
    let dir = tempfile::tempdir().unwrap();
    let db = empty_desk(dir.path(), "desk");
    let file = dir.path().join("old.csv");
    std::fs::write(
        &file,
        "当事人,手机,日期,类别,信访内容\n张三,13800138000,2026-03-02,其他,要求补发工资\n",
    )
    .unwrap();
    let (ok, _, err) = run(xfdesk(&db, Role::Administrator)
        .args(["--lang", "en", "import"])
        .arg(&file));
    assert!(!ok);
    assert!(err.contains("no “姓名” column"), "{err}");

    let map = dir.path().join("map.toml");
    std::fs::write(
        &map,
        "[columns]\nname = \"当事人\"\nrequest = [\"信访内容\", \"内容\"]\ndate = \"日期\"\n",
    )
    .unwrap();
    let (ok, said, err) = run(xfdesk(&db, Role::Administrator)
        .arg("import")
        .arg(&file)
        .arg("--map")
        .arg(&map));
    assert!(ok, "{said}{err}");
    assert_eq!(SledStore::open(&db).unwrap().visit_count().unwrap(), 1);

    std::fs::write(&map, "[columns]\nsurname = \"当事人\"\n").unwrap();
    let (ok, _, err) = run(xfdesk(&db, Role::Administrator)
        .args(["--lang", "en", "import"])
        .arg(&file)
        .arg("--map")
        .arg(&map));
    assert!(!ok);
    assert!(
        err.contains("“surname” in the column mapping is not a column"),
        "{err}"
    );
}

/// A ledger's 状态, 包案领导 and 责任单位 columns: each matter comes in with its state, holder
/// and department; an unknown state, leader or department is the row's problem; a file
/// imported before without them gives them when imported with them.
#[test]
fn the_state_leader_and_department_columns_give_each_matter_its_standing() {
    let dir = tempfile::tempdir().unwrap();
    let db = empty_desk(dir.path(), "desk");
    {
        let store = SledStore::open(&db).unwrap();
        store
            .add_leader(
                &xfdesk::domain::organisation::NewLeader {
                    name: "李明".into(),
                    title: "副县长".into(),
                    portfolio: "人社".into(),
                },
                &common::admin(),
            )
            .unwrap();
        store
            .add_department(
                &xfdesk::domain::organisation::NewDepartment {
                    name: "县人社局".into(),
                    contact: "赵科长".into(),
                    phone: None,
                },
                &common::admin(),
            )
            .unwrap();
    }
    let rows = |second: [&str; 3]| {
        format!(
            "\u{feff}姓名,电话,来访日期,类别,反映问题,办理状态,包案领导,责任单位\r\n\
             张三,13800138000,2026-03-02,其他,要求补发工资,已办结,,\r\n\
             赵六,13900139000,2026-03-05,劳动社保,要求调查,{},{},{}\r\n",
            second[0], second[1], second[2]
        )
    };
    let file = dir.path().join("standing.csv");
    std::fs::write(&file, rows(["处理完了", "王五", "县财政局"])).unwrap();
    let (ok, said, _) = run(xfdesk(&db, Role::Administrator).arg("import").arg(&file));
    assert!(!ok);
    for part in [
        "“处理完了”不是事项状态",
        "没有名为“王五”的领导",
        "没有名为“县财政局”的承办单位",
    ] {
        assert!(said.contains(part), "{part}: {said}");
    }
    assert!(said.contains("第 3 行"), "{said}");

    // First without them, as an office might: both come in registered, held by nobody.
    std::fs::write(&file, rows(["", "", ""]).replace("已办结", "")).unwrap();
    let (ok, said, err) = run(xfdesk(&db, Role::Administrator).arg("import").arg(&file));
    assert!(ok, "{said}{err}");
    let standing = || -> Vec<_> {
        let store = SledStore::open(&db).unwrap();
        let mut visits = store.visits_newest_first(None, 10).unwrap();
        visits.sort_by_key(|v| v.number);
        visits
            .iter()
            .map(|v| {
                let m = store.matter(v.case_id).unwrap().unwrap();
                (
                    m.case.state,
                    m.package.responsible.is_some(),
                    m.package.department.is_some(),
                )
            })
            .collect()
    };
    assert_eq!(
        standing(),
        [
            (CaseState::Registered, false, false),
            (CaseState::Registered, false, false)
        ]
    );

    // Then with them: nothing new is imported, and each matter takes its standing.
    std::fs::write(&file, rows(["办理中", "李明", "县人社局"])).unwrap();
    let (ok, said, err) = run(xfdesk(&db, Role::Administrator).arg("import").arg(&file));
    assert!(ok, "{said}{err}");
    assert!(
        said.contains("导入 0 条来访") && said.contains("2 件事项按原台账设置了"),
        "{said}"
    );
    assert_eq!(
        standing(),
        [
            (CaseState::Closed, false, false),
            (CaseState::InHandling, true, true)
        ]
    );
    let store = SledStore::open(&db).unwrap();
    assert_eq!(
        store.pending_matters().unwrap().len(),
        1,
        "only 赵六's is open work"
    );
    assert!(store.check().unwrap().is_clean());
    drop(store);
    // A third time: nothing to give.
    let (ok, said, _) = run(xfdesk(&db, Role::Administrator).arg("import").arg(&file));
    assert!(ok && !said.contains("设置了"), "{said}");
}

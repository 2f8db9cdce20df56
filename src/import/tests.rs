use super::*;
use crate::domain::organisation::{Department, DepartmentId, Leader, LeaderId};

fn leader(id: u64, name: &str, active: bool) -> Leader {
    Leader {
        id: LeaderId(id),
        name: name.into(),
        title: String::new(),
        portfolio: String::new(),
        active,
    }
}

fn rows_of<N>(checked: &Checked<N>) -> Vec<usize> {
    checked.good.iter().map(|(row, _)| *row).collect()
}

#[test]
fn chinese_headers_and_the_excel_bom_are_read() {
    let file = "\u{FEFF}姓名,职务,分管工作\n王红,副县长,\"自然资源、农业农村\"\n李明,县长,主持县政府全面工作\n";
    let text = decode(file.as_bytes(), "领导.csv").unwrap();
    let checked = leaders(text, &[]).unwrap();
    assert!(checked.bad.is_empty(), "{:?}", checked.bad);
    assert_eq!(rows_of(&checked), [2, 3]);
    let (_, wang) = &checked.good[0];
    assert_eq!(
        (
            wang.name.as_str(),
            wang.title.as_str(),
            wang.portfolio.as_str()
        ),
        ("王红", "副县长", "自然资源、农业农村")
    );
}

#[test]
fn english_headers_in_any_order_and_case_with_extra_columns() {
    let text = "Portfolio, Title ,NAME,备注\n财政,常务副县长,张伟,x\n";
    let checked = leaders(text, &[]).unwrap();
    assert_eq!(checked.good[0].1.name, "张伟");
    assert_eq!(checked.good[0].1.portfolio, "财政");
    let marked = "单位名称*,联系人,电话\n县民政局,钱主任,\n";
    let depts = departments(marked, &[]).unwrap();
    assert_eq!(depts.good[0].1.name, "县民政局");
    assert_eq!(depts.good[0].1.phone, None);
}

#[test]
fn a_bad_phone_is_reported_with_its_excel_row_and_full_width_is_read() {
    let text = "单位名称,联系人,联系电话\n县人社局,赵科长,０８７９－２１２３４５６\n县住建局,孙科长,138123\n";
    let checked = departments(text, &[]).unwrap();
    assert_eq!(rows_of(&checked), [2]);
    assert_eq!(
        checked.good[0].1.phone.as_ref().map(|p| p.as_str()),
        Some("0879-2123456")
    );
    assert_eq!(checked.bad.len(), 1);
    let bad = &checked.bad[0];
    assert_eq!(bad.row, 3);
    assert!(matches!(&bad.problem, RowProblem::Phone { text, .. } if text == "138123"));
    assert_eq!(
        Lang::Zh.f(T::ImportRow, &[&bad.row, &bad.problem.localize(Lang::Zh)]),
        "第 3 行:联系电话“138123”有误:手机号应为11位,现为6位"
    );
    assert_eq!(
        Lang::En.f(T::ImportRow, &[&bad.row, &bad.problem.localize(Lang::En)]),
        "row 3: phone “138123” is wrong: a mobile number has 11 digits; this has 6"
    );
}

#[test]
fn rows_are_numbered_as_excel_shows_them_past_blank_rows_and_multi_line_cells() {
    let text =
        "姓名,职务,分管工作\n王红,副县长,\"自然资源\n农业农村\"\n,,\n\n ,副县长,\n李明,县长,\n";
    let checked = leaders(text, &[]).unwrap();
    assert_eq!(rows_of(&checked), [2, 6]);
    assert_eq!(checked.bad.len(), 1);
    assert_eq!(checked.bad[0].row, 5);
    assert_eq!(
        checked.bad[0].problem,
        RowProblem::Org(OrgError::NameRequired)
    );
    // Windows line ends, as Excel writes them.
    let crlf = leaders("姓名\r\n王红\r\n\r\n李明\r\n", &[]).unwrap();
    assert_eq!(rows_of(&crlf), [2, 4]);
}

#[test]
fn duplicates_of_active_records_and_within_the_file_are_reported() {
    let existing = [leader(1, "王红", true), leader(2, "李明", false)];
    let text = "姓名\n王红\n李明\n张伟\n 张伟\n";
    let checked = leaders(text, &existing).unwrap();
    assert_eq!(rows_of(&checked), [3, 4], "a retired leader's name is free");
    assert_eq!(
        checked.bad,
        [
            BadRow {
                row: 2,
                problem: RowProblem::Org(OrgError::DuplicateName {
                    name: "王红".into()
                })
            },
            BadRow {
                row: 5,
                problem: RowProblem::DuplicateInFile {
                    first_row: 4,
                    name: "张伟".into()
                }
            },
        ]
    );
    assert_eq!(
        checked.bad[1].problem.localize(Lang::Zh),
        "与第 4 行重名:张伟"
    );
    let depts = [Department {
        id: DepartmentId(1),
        name: "县民政局".into(),
        contact: String::new(),
        phone: None,
        active: true,
    }];
    let checked = departments("单位名称\n县民政局\n", &depts).unwrap();
    assert_eq!(checked.bad[0].row, 2);
}

#[test]
fn an_unusable_file_is_refused_whole() {
    // "姓名" in GBK, as Excel on Chinese Windows saves plain "CSV".
    assert_eq!(
        decode(&[0xD0, 0xD5, 0xC3, 0xFB, b'\n'], "a.csv"),
        Err(ImportError::NotUtf8 {
            path: "a.csv".into()
        })
    );
    assert_eq!(leaders("", &[]), Err(ImportError::NoHeader));
    let missing = leaders("职务,分管工作\n副县长,财政\n", &[]).unwrap_err();
    assert!(matches!(
        missing,
        ImportError::MissingColumn {
            column: "姓名", ..
        }
    ));
    assert!(missing.localize(Lang::Zh).contains("没有“姓名”列"));
    assert!(
        departments("联系人\n赵\n", &[])
            .unwrap_err()
            .localize(Lang::En)
            .contains("单位名称 / 承办单位 / 单位 / name")
    );
}

/// The command: nothing written while a row is bad, unless asked to skip; a dry run writes
/// nothing at all.
#[test]
fn the_import_is_all_or_nothing_unless_bad_rows_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk");
    let file = dir.path().join("领导.csv");
    std::fs::write(&file, "姓名,职务\n王红,副县长\n,县长\n李明,县长\n").unwrap();
    let run_with = |options: Options| {
        let mut out = Vec::new();
        let result = run(
            &db,
            What::Leaders,
            &file,
            options,
            "admin1",
            Lang::Zh,
            &mut out,
        );
        (result, String::from_utf8(out).unwrap())
    };
    let count = || SledStore::open(&db).unwrap().leaders().unwrap().len();

    let (result, out) = run_with(Options::default());
    assert_eq!(
        result.unwrap_err(),
        "1 行有误,未导入任何数据;改正后重试,或加 --skip-bad 只导入正确的行"
    );
    assert_eq!(out, "第 3 行:请填写名称\n");
    assert_eq!(count(), 0);

    let dry = Options {
        dry_run: true,
        skip_bad: true,
    };
    let (result, out) = run_with(dry);
    result.unwrap();
    assert!(out.contains("第 2 行:王红"), "{out}");
    assert!(
        out.ends_with("试运行:可导入 2 位领导,未写入数据库;跳过 1 行有误的数据\n"),
        "{out}"
    );
    assert_eq!(count(), 0);

    let skip = Options {
        dry_run: false,
        skip_bad: true,
    };
    let (result, out) = run_with(skip);
    result.unwrap();
    assert!(
        out.ends_with("导入 2 位领导;跳过 1 行有误的数据\n"),
        "{out}"
    );
    assert_eq!(count(), 2);

    // Again: every name is taken now, so nothing more is imported.
    let (result, out) = run_with(skip);
    result.unwrap();
    assert!(out.contains("第 2 行:已有在用的“王红”"), "{out}");
    assert_eq!(count(), 2);
}

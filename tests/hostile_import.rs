//! Whatever an office's spreadsheet holds, the ledger and list imports read it without a panic
//! and report every bad row with the row number Excel shows and, for a bad value, its column.

mod common;

use common::hostile::hostile_text;
use proptest::prelude::*;
use xfdesk::domain::intake::IntakeContext;
use xfdesk::domain::office::OfficeSettings;
use xfdesk::i18n::Lang;
use xfdesk::import::ledger::{self, CheckedLedger, LedgerProblem};
use xfdesk::store::memory::MemoryStore;

const HEADER: [&str; 10] = [
    "姓名",
    "身份证号",
    "联系电话",
    "住址",
    "登记日期",
    "来访方式",
    "事项类别",
    "事项性质",
    "主要诉求",
    "人数",
];

/// A cell: hostile text, or something close to what the column expects.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => hostile_text(),
        1 => Just("2026-11-18".to_string()),
        1 => Just("11010519491231002X".to_string()),
        1 => Just("13812345678".to_string()),
        1 => Just("走访".to_string()),
        1 => Just("土地".to_string()),
        1 => Just(String::new()),
    ]
}

/// Data rows; the name cell is never blank, so every row must be accounted for.
fn rows() -> impl Strategy<Value = Vec<Vec<String>>> {
    proptest::collection::vec(proptest::collection::vec(cell(), 10), 1..8).prop_map(|mut rows| {
        for row in &mut rows {
            row[0] = format!("张{}", row[0]);
        }
        rows
    })
}

fn csv_text(rows: &[Vec<String>]) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(HEADER).unwrap();
    for row in rows {
        out.write_record(row).unwrap();
    }
    String::from_utf8(out.into_inner().unwrap()).unwrap()
}

fn check(text: &str) -> Result<CheckedLedger, String> {
    let settings = OfficeSettings::default();
    let ctx = IntakeContext {
        settings: &settings,
        now: common::now(),
        operator: "clerk1",
    };
    ledger::check(text, &[], &MemoryStore::new(), &ctx).map_err(|_| "unusable file".to_string())
}

/// Every data row (Excel rows 2 ..= n + 1) is good, bad or already there, and nothing else is
/// reported; a bad value names its column, and the message names the row.
fn assert_accounted(checked: &CheckedLedger, n: usize) -> Result<(), TestCaseError> {
    let mut seen: Vec<usize> = checked.good.iter().map(|(r, _)| *r).collect();
    seen.extend(checked.bad.iter().map(|b| b.row));
    seen.extend(checked.already.iter().map(|(r, _)| *r));
    for row in 2..=n + 1 {
        prop_assert!(
            seen.contains(&row),
            "row {} not reported: {:?}",
            row,
            checked
        );
    }
    prop_assert!(seen.iter().all(|r| (2..=n + 1).contains(r)), "{:?}", seen);
    for bad in &checked.bad {
        if matches!(bad.problem, LedgerProblem::Intake(_)) {
            prop_assert!(bad.column.is_some(), "{:?}", bad);
        }
        for lang in [Lang::Zh, Lang::En] {
            let said = bad.localize(lang);
            prop_assert!(said.contains(&bad.row.to_string()), "{}", said);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_cells_in_a_csv_ledger_are_checked_row_by_row(rows in rows()) {
        let checked = check(&csv_text(&rows)).expect("the header is there");
        assert_accounted(&checked, rows.len())?;
    }

    #[test]
    fn any_text_as_a_csv_file_is_refused_or_checked(text in hostile_text()) {
        let _ = check(&text);
        let _ = xfdesk::import::leaders(&text, &[]);
        let _ = xfdesk::import::departments(&text, &[]);
        let _ = xfdesk::import::decode(text.as_bytes(), "x.csv");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Cells as Excel stores them: text, and numbers of any size (an ID number typed as a
    /// number, a date as a serial).
    #[test]
    fn any_cells_in_an_xlsx_ledger_are_checked_row_by_row(
        rows in rows(),
        numbers in proptest::collection::vec((0usize..8, 1u16..10, any::<f64>()), 0..6),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = headed(&mut book);
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                // Excel keeps at most 32 767 characters in a cell.
                let text: String = text.chars().take(32_000).collect();
                let _ = sheet.write_string(r as u32 + 1, c as u16, &text);
            }
        }
        for (r, c, n) in numbers {
            if r < rows.len() {
                let _ = sheet.write_number(r as u32 + 1, c, n);
            }
        }
        book.save(&path).unwrap();
        let text = ledger::read(&path, Lang::Zh).expect("a readable workbook");
        let checked = check(&text).expect("the header is there");
        assert_accounted(&checked, rows.len())?;
    }
}

/// A worksheet of `book` with the ledger's header in row 1.
fn headed(book: &mut rust_xlsxwriter::Workbook) -> &mut rust_xlsxwriter::Worksheet {
    let sheet = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet
}

/// A small workbook as Excel would save it, to be damaged.
fn workbook_bytes() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = headed(&mut book);
    sheet.write_string(1, 0, "欧阳明月").unwrap();
    sheet.write_number(1, 9, 3.0).unwrap();
    book.save(&path).unwrap();
    std::fs::read(&path).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A workbook cut short (a copy interrupted), with bytes changed (a bad USB stick), or
    /// not a workbook at all: refused with a message or read, never a panic.
    #[test]
    fn a_damaged_xlsx_file_is_refused_or_read_never_a_panic(
        cut in any::<prop::sample::Index>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..12),
        garbage in proptest::collection::vec(any::<u8>(), 0..2048),
        kind in 0u8..3,
    ) {
        let whole = workbook_bytes();
        let bytes = match kind {
            0 => whole[..cut.index(whole.len())].to_vec(),
            1 => {
                let mut b = whole.clone();
                for (at, byte) in &flips {
                    let i = at.index(b.len());
                    b[i] ^= byte | 1;
                }
                b
            }
            _ => garbage,
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ledger.xlsx");
        std::fs::write(&path, &bytes).unwrap();
        match ledger::read(&path, Lang::Zh) {
            Ok(text) => { let _ = check(&text); }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

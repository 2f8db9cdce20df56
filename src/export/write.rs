//! The ledger's rows into a file Excel opens as the office expects.

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};
use unicode_width::UnicodeWidthStr;

use super::TEXT_COLUMNS;

/// CSV with a UTF-8 byte-order mark: without it Excel on Chinese Windows reads the file as
/// GBK and every name turns to gibberish. Line ends are CRLF, as Excel writes them.
pub fn write_csv(path: &Path, header: &[String], rows: &[Vec<String>]) -> Result<(), String> {
    let mut file = std::fs::File::create(path).map_err(|e| e.to_string())?;
    file.write_all("\u{feff}".as_bytes())
        .map_err(|e| e.to_string())?;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(file);
    out.write_record(header).map_err(|e| e.to_string())?;
    for row in rows {
        out.write_record(row).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

/// Widest a column is made, in character cells: a long request wraps in Excel instead.
const MAX_WIDTH: usize = 60;

/// XLSX with every cell a string, so ID numbers and phones stay text; the ID and phone
/// columns are also formatted as text (`@`) so what a clerk types into them later stays text
/// too. Columns are as wide as their widest cell, counting a Chinese character as two.
pub fn write_xlsx(path: &Path, header: &[String], rows: &[Vec<String>]) -> Result<(), String> {
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    let text = Format::new().set_num_format("@");
    for (c, title) in header.iter().enumerate() {
        sheet
            .write_string_with_format(0, col(c)?, title, &bold)
            .map_err(e)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|x| x.to_string())?;
        for (c, cell) in row.iter().enumerate() {
            if TEXT_COLUMNS.contains(&c) {
                sheet
                    .write_string_with_format(r, col(c)?, cell, &text)
                    .map_err(e)?;
            } else {
                sheet.write_string(r, col(c)?, cell).map_err(e)?;
            }
        }
    }
    for (c, title) in header.iter().enumerate() {
        let widest = rows
            .iter()
            .filter_map(|row| row.get(c))
            .map(|cell| cell.width())
            .chain(std::iter::once(title.width()))
            .max()
            .unwrap_or(8)
            .min(MAX_WIDTH);
        // Excel's width unit is about one Latin character; a little margin so text is not cut.
        sheet
            .set_column_width(col(c)?, (widest + 2) as f64)
            .map_err(e)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(e)?;
    book.save(path).map_err(e)
}

fn col(c: usize) -> Result<u16, String> {
    u16::try_from(c).map_err(|e| e.to_string())
}

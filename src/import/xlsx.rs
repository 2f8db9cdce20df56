//! An Excel workbook's first sheet as the CSV text the rest of the import reads, row for row,
//! so the row numbers it reports are the ones Excel shows.

use std::path::Path;

use calamine::{Data, DataType, Reader};

/// The first sheet as CSV. Rows above the sheet's first used row become empty lines, so that
/// Excel's row numbers carry over.
pub fn to_csv(path: &Path) -> Result<String, String> {
    let mut book = calamine::open_workbook_auto(path).map_err(|e| e.to_string())?;
    let range = match book.worksheet_range_at(0) {
        Some(range) => range.map_err(|e| e.to_string())?,
        None => return Ok(String::new()),
    };
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for _ in 0..first_row {
        out.write_record([""]).map_err(|e| e.to_string())?;
    }
    for row in range.rows() {
        let lead = std::iter::repeat_n(String::new(), first_col as usize);
        let cells: Vec<String> = lead.chain(row.iter().map(cell)).collect();
        out.write_record(&cells).map_err(|e| e.to_string())?;
    }
    let bytes = out.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// A cell as the text a clerk would have typed. Numbers that are whole print without a
/// decimal point (a phone typed into a number cell); an ID number Excel already rounded
/// prints as it is now and fails its check digit, which is the truth about that cell.
fn cell(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(_) | Data::DateTimeIso(_) => match data.as_datetime() {
            Some(at) if at.time() == chrono::NaiveTime::MIN => at.format("%Y-%m-%d").to_string(),
            Some(at) => at.format("%Y-%m-%d %H:%M").to_string(),
            None => data.to_string(),
        },
        other => other.to_string(),
    }
}

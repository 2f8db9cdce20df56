//! A CSV file as rows of cells under a recognised header, each row with the number Excel
//! shows for it.

use super::{BadRow, ImportError, RowProblem};

/// The text of a CSV file: UTF-8, with the byte-order mark Excel writes taken off.
pub fn decode<'a>(bytes: &'a [u8], path: &str) -> Result<&'a str, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8 {
        path: path.to_string(),
    })
}

/// A column the import knows, with the header spellings it accepts.
pub struct Column {
    pub names: &'static [&'static str],
    pub required: bool,
}

/// Header text as compared: no spaces, lower case, without the `*` or `:` templates add.
fn normalised(header: &str) -> String {
    crate::domain::text::fold_fullwidth(header)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | ':' | '：'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// One data row: its Excel row number and the cells of the known columns, in the order of
/// `columns` (empty where a column is absent or the row is short).
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

/// Reads the rows under the header. Rows whose cells are all empty are skipped, as Excel
/// leaves them; a row the CSV reader cannot read is a bad row, the others go on.
pub fn rows(text: &str, columns: &[Column]) -> Result<(Vec<Row>, Vec<BadRow>), ImportError> {
    rows_with(text, columns, &[])
}

/// As `rows`, with more header spellings for some columns: `extra[i]` for `columns[i]`, from
/// an office's mapping file.
pub fn rows_with(
    text: &str,
    columns: &[Column],
    extra: &[Vec<String>],
) -> Result<(Vec<Row>, Vec<BadRow>), ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        _ => return Err(ImportError::NoHeader),
    };
    let positions = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let more = extra.get(i).map(Vec::as_slice).unwrap_or_default();
            let found = header.iter().position(|h| {
                let h = normalised(h);
                c.names.iter().any(|n| normalised(n) == h)
                    || more.iter().any(|n| normalised(n) == h)
            });
            match found {
                None if c.required => Err(ImportError::MissingColumn {
                    column: c.names[0],
                    accepted: c.names,
                }),
                found => Ok(found),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;

    // A quoted cell may hold line breaks; Excel shows its record as one row, so the line
    // number runs ahead of Excel's row number by the breaks inside earlier records.
    let mut breaks = newlines(header.iter());
    let mut lines = Lines::new(text);
    let (mut good, mut bad) = (Vec::new(), Vec::new());
    for record in records {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| lines.at(p.byte() as usize));
                let number = line.saturating_sub(breaks);
                breaks += newlines(record.iter());
                let cells: Vec<String> = positions
                    .iter()
                    .map(|p| p.and_then(|i| record.get(i)).unwrap_or("").to_string())
                    .collect();
                if cells.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                good.push(Row { number, cells });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.at(p.byte() as usize));
                bad.push(BadRow {
                    row: line.saturating_sub(breaks),
                    problem: RowProblem::Unreadable(e.to_string()),
                });
            }
        }
    }
    Ok((good, bad))
}

/// Line numbers of byte offsets, counted forward as the reader moves on. The reader puts a
/// record that follows a blank line at the blank line's start, so line breaks at the offset
/// are stepped over first.
struct Lines<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    fn at(&mut self, offset: usize) -> usize {
        let mut start = offset.min(self.text.len());
        while matches!(self.text.get(start), Some(b'\n' | b'\r')) {
            start += 1;
        }
        if start >= self.offset {
            let passed = self.text.get(self.offset..start).unwrap_or_default();
            self.line += passed.iter().filter(|b| **b == b'\n').count();
            self.offset = start;
        }
        self.line
    }
}

fn newlines<'a>(cells: impl Iterator<Item = &'a str>) -> usize {
    cells.map(|c| c.matches('\n').count()).sum()
}

//! Leaders and departments from CSV rows: each row checked by the same rules as the screen's
//! form, and against the active records and the rows above it for duplicate names.

use std::collections::HashMap;

use crate::domain::organisation::{
    Department, Leader, NewDepartment, NewLeader, OrgError, duplicate_name,
};
use crate::domain::phone::Phone;
use crate::domain::text::tidy;

use super::table::{Column, Row, rows};
use super::{BadRow, Checked, ImportError, RowProblem};

const LEADER_COLUMNS: [Column; 3] = [
    Column {
        names: &["姓名", "领导姓名", "name"],
        required: true,
    },
    Column {
        names: &["职务", "title"],
        required: false,
    },
    Column {
        names: &["分管工作", "分管", "portfolio"],
        required: false,
    },
];

const DEPARTMENT_COLUMNS: [Column; 3] = [
    Column {
        names: &["单位名称", "承办单位", "单位", "name"],
        required: true,
    },
    Column {
        names: &["联系人", "contact"],
        required: false,
    },
    Column {
        names: &["联系电话", "电话", "phone"],
        required: false,
    },
];

/// Checks rows one by one: a checked record, or what is wrong with it. Also refuses a name an
/// active record has (`taken`) or an earlier good row of the file took.
fn check<N>(
    found: Vec<Row>,
    mut bad: Vec<BadRow>,
    taken: impl Fn(&str) -> bool,
    one: impl Fn(&[String]) -> Result<N, RowProblem>,
    name: impl Fn(&N) -> &str,
) -> Checked<N> {
    let mut good = Vec::new();
    let mut first_rows: HashMap<String, usize> = HashMap::new();
    for row in found {
        let checked = one(&row.cells).and_then(|n| {
            let key = tidy(name(&n));
            if let Some(first_row) = first_rows.get(&key) {
                return Err(RowProblem::DuplicateInFile {
                    first_row: *first_row,
                    name: key,
                });
            }
            if taken(&key) {
                return Err(RowProblem::Org(OrgError::DuplicateName { name: key }));
            }
            first_rows.insert(key, row.number);
            Ok(n)
        });
        match checked {
            Ok(n) => good.push((row.number, n)),
            Err(problem) => bad.push(BadRow {
                row: row.number,
                problem,
            }),
        }
    }
    bad.sort_by_key(|b| b.row);
    Checked { good, bad }
}

fn cell(cells: &[String], i: usize) -> String {
    cells.get(i).cloned().unwrap_or_default()
}

/// Leaders from a CSV file's text; `existing` are the leaders already in the database.
pub fn leaders(text: &str, existing: &[Leader]) -> Result<Checked<NewLeader>, ImportError> {
    let (found, bad) = rows(text, &LEADER_COLUMNS)?;
    let active = || {
        existing
            .iter()
            .filter(|l| l.active)
            .map(|l| (l.id, l.name.as_str()))
    };
    Ok(check(
        found,
        bad,
        |name| duplicate_name(name, None, active()),
        |cells| {
            NewLeader {
                name: cell(cells, 0),
                title: cell(cells, 1),
                portfolio: cell(cells, 2),
            }
            .checked()
            .map_err(RowProblem::Org)
        },
        |l| &l.name,
    ))
}

/// Departments from a CSV file's text; phones are read as the form reads them (full-width
/// digits, spaces and dashes allowed).
pub fn departments(
    text: &str,
    existing: &[Department],
) -> Result<Checked<NewDepartment>, ImportError> {
    let (found, bad) = rows(text, &DEPARTMENT_COLUMNS)?;
    let active = || {
        existing
            .iter()
            .filter(|d| d.active)
            .map(|d| (d.id, d.name.as_str()))
    };
    Ok(check(
        found,
        bad,
        |name| duplicate_name(name, None, active()),
        |cells| {
            let text = cell(cells, 2);
            let phone = if text.trim().is_empty() {
                None
            } else {
                Some(Phone::parse(&text).map_err(|error| RowProblem::Phone {
                    text: text.trim().to_string(),
                    error,
                })?)
            };
            NewDepartment {
                name: cell(cells, 0),
                contact: cell(cells, 1),
                phone,
            }
            .checked()
            .map_err(RowProblem::Org)
        },
        |d| &d.name,
    ))
}

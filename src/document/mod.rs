//! The documents a matter's life produces on paper: the acceptance notice (受理告知书), the
//! assignment sheet (交办单), the reminder (催办单) and the supervision notice (督办单).
//!
//! Each is a plain-text template with `{{placeholder}}`s. The shipped ones are built in; an
//! office puts its own wording (its name, its seal line) in `templates/NAME.txt` beside the
//! database, or in the user's configuration directory, and that file wins. The HTML form is
//! the text inside `templates/page.html`, which an office can restyle the same way.

pub mod notice;

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use clap::ValueEnum;

use crate::i18n::T;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DocumentKind {
    Acceptance,
    Assignment,
    Reminder,
    Supervision,
}

impl DocumentKind {
    /// The template's file name, without `.txt`.
    pub fn file_stem(self) -> &'static str {
        match self {
            DocumentKind::Acceptance => "acceptance",
            DocumentKind::Assignment => "assignment",
            DocumentKind::Reminder => "reminder",
            DocumentKind::Supervision => "supervision",
        }
    }

    /// The document as the domain knows it, for what it needs of the matter.
    pub fn paper(self) -> crate::domain::paperwork::Paper {
        use crate::domain::paperwork::Paper;
        match self {
            DocumentKind::Acceptance => Paper::Acceptance,
            DocumentKind::Assignment => Paper::Assignment,
            DocumentKind::Reminder => Paper::Reminder,
            DocumentKind::Supervision => Paper::Supervision,
        }
    }

    pub fn title(self) -> T {
        match self {
            DocumentKind::Acceptance => T::DocumentAcceptance,
            DocumentKind::Assignment => T::DocumentAssignment,
            DocumentKind::Reminder => T::DocumentReminder,
            DocumentKind::Supervision => T::DocumentSupervision,
        }
    }

    fn shipped(self) -> &'static str {
        match self {
            DocumentKind::Acceptance => include_str!("templates/acceptance.txt"),
            DocumentKind::Assignment => include_str!("templates/assignment.txt"),
            DocumentKind::Reminder => include_str!("templates/reminder.txt"),
            DocumentKind::Supervision => include_str!("templates/supervision.txt"),
        }
    }
}

const PAGE: &str = include_str!("templates/page.html");

/// Where an office's own templates are looked for, first found wins.
pub fn template_dirs(db: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![db.join("templates")];
    if let Some(config) = crate::config::config_dir() {
        dirs.push(config.join("templates"));
    }
    dirs
}

/// The template named `file` from the first of `dirs` that has it, else `shipped`. A file
/// that exists but cannot be read is an error: printing the shipped wording instead would
/// hide that the office's own was not used.
fn template(dirs: &[PathBuf], file: &str, shipped: &str) -> Result<String, (PathBuf, String)> {
    for dir in dirs {
        let path = dir.join(file);
        if path.exists() {
            return std::fs::read_to_string(&path).map_err(|e| (path, e.to_string()));
        }
    }
    Ok(shipped.to_string())
}

/// What fills a document's placeholders, by name.
pub type Values = Vec<(&'static str, String)>;

/// The document as text: each `{{name}}` of the template replaced by its value; a placeholder
/// with no value stays as written, so a typo in an edited template shows on the page.
pub fn fill(template: &str, values: &Values) -> String {
    let mut out = String::with_capacity(template.len() + 256);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = after[..end].trim();
        match values.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// The text and HTML forms of one document.
pub struct Rendered {
    pub text: String,
    pub html: String,
}

/// Renders `kind` with `values`, using the office's templates in `dirs` where it has them.
pub fn render(
    kind: DocumentKind,
    title: &str,
    values: &Values,
    dirs: &[PathBuf],
) -> Result<Rendered, (PathBuf, String)> {
    let stem = kind.file_stem();
    let body = template(dirs, &format!("{stem}.txt"), kind.shipped())?;
    let text = fill(&body, values);
    let page = template(dirs, "page.html", PAGE)?;
    let html_values: Values = vec![("title", escape(title)), ("body", escape(&text))];
    Ok(Rendered {
        html: fill(&page, &html_values),
        text,
    })
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A date as written on Chinese documents: 2026年3月2日.
pub fn chinese_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests;

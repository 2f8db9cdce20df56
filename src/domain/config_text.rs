//! Where in an office's config text a problem is, so that a message can name the line: whoever
//! opens the file in an editor looks for a line number, not a byte offset or a key path.

/// What is wrong in a config file, and the line (from 1) when it is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigProblem {
    pub line: Option<usize>,
    pub reason: ConfigReason,
}

/// Why a key map or theme entry was refused; worded for the user by `i18n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigReason {
    /// Not TOML, or a value of the wrong type: toml's own message (it is English only).
    Toml(String),
    /// The file could not be read.
    Unreadable(String),
    UnknownCommand(String),
    /// A key name the key map cannot read, and why.
    UnknownKey {
        key: String,
        detail: String,
    },
    UnknownStyle(String),
    UnknownColour(String),
    /// A command a desk cannot do without (saving, quitting, going back) was left without a key that works
    /// everywhere, by the file's name for it.
    NoKeyLeft(String),
}

impl ConfigProblem {
    /// toml's own text carries a drawing of the line over several lines; a status line has
    /// room for one, so the message goes without it and the line is kept apart.
    pub fn toml(text: &str, e: &toml::de::Error) -> Self {
        ConfigProblem {
            line: e.span().map(|s| line_at(text, s.start)),
            reason: ConfigReason::Toml(e.message().trim().replace('\n', " ")),
        }
    }

    /// A problem found after parsing, about the key at `path`.
    pub fn at_key(text: &str, path: &[&str], reason: ConfigReason) -> Self {
        ConfigProblem {
            line: line_of_key(text, path),
            reason,
        }
    }
}

/// The line (from 1) of byte `offset`.
pub fn line_at(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The line where the key at `path` is written, e.g. `["handle", "days"]`. In an array of
/// tables, a segment picks the table whose `name` is that segment (`["tiers", "普通"]`).
pub fn line_of_key(text: &str, path: &[&str]) -> Option<usize> {
    let root = toml::de::DeTable::parse(text).ok()?;
    find(root.get_ref(), path).map(|at| line_at(text, at))
}

/// The byte offset of the key at `path` in `table`.
fn find(table: &toml::de::DeTable, path: &[&str]) -> Option<usize> {
    use toml::de::DeValue;
    let (first, rest) = path.split_first()?;
    let (key, value) = table.iter().find(|(k, _)| k.get_ref() == first)?;
    let Some((wanted, after)) = rest.split_first() else {
        return Some(key.span().start);
    };
    match value.get_ref() {
        DeValue::Table(t) => find(t, rest),
        DeValue::Array(items) => items.iter().find_map(|item| match item.get_ref() {
            DeValue::Table(t)
                if t.iter().any(|(k, v)| {
                    k.get_ref() == "name"
                        && matches!(v.get_ref(), DeValue::String(s) if s == wanted)
                }) =>
            {
                find(t, after).or(Some(item.span().start))
            }
            _ => None,
        }),
        _ => Some(key.span().start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_on_their_lines() {
        let text =
            "due_soon_days = 3\n\n[handle]\ndays = 0\n\n[[tiers]]\nname = \"普通\"\ndays = 9\n";
        assert_eq!(line_of_key(text, &["due_soon_days"]), Some(1));
        assert_eq!(line_of_key(text, &["handle", "days"]), Some(4));
        assert_eq!(line_of_key(text, &["tiers", "普通"]), Some(6));
        assert_eq!(line_of_key(text, &["nothing"]), None);
        assert_eq!(line_of_key("not = = toml", &["not"]), None);
    }

    #[test]
    fn a_toml_error_keeps_its_line_and_a_one_line_reason() {
        let text = "a = 1\nb = \n";
        let e = toml::from_str::<toml::Table>(text).unwrap_err();
        let p = ConfigProblem::toml(text, &e);
        assert_eq!(p.line, Some(2));
        let ConfigReason::Toml(reason) = p.reason else {
            panic!("{p:?}")
        };
        assert!(!reason.contains('\n') && !reason.is_empty(), "{reason}");
    }
}

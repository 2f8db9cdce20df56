//! Themes: styles by meaning (`theme.selected`, `theme.error`), never raw colours in views.
//! Built-in themes are the TOML files of `themes/`, embedded so the binary works anywhere; a
//! file of the same name in the user's theme folder patches the built-in one entry by entry.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::domain::config_text::{ConfigProblem, ConfigReason};

pub const BUILT_IN: &[(&str, &str)] = &[
    ("dark", include_str!("../themes/dark.toml")),
    ("light", include_str!("../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../themes/high-contrast.toml"),
    ),
];

pub const DEFAULT_THEME: &str = "dark";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    pub name: String,
    pub base: Style,
    pub header: Style,
    pub title: Style,
    pub border: Style,
    pub focus_border: Style,
    pub label: Style,
    pub focus_label: Style,
    pub input: Style,
    pub placeholder: Style,
    pub selected: Style,
    pub error: Style,
    pub warning: Style,
    pub ok: Style,
    pub muted: Style,
    pub key: Style,
    pub key_label: Style,
    pub overdue: Style,
    pub due_soon: Style,
    pub highlight: Style,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    name: Option<String>,
    #[serde(default)]
    styles: BTreeMap<String, StyleSpec>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    /// Read as text so that a wrong name is reported as itself, on its line; ratatui's own
    /// parser says only that colours failed.
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underline: bool,
    #[serde(default)]
    reverse: bool,
    #[serde(default)]
    dim: bool,
}

impl StyleSpec {
    /// The style, or the colour (`fg` or `bg`) whose name is not one.
    fn style(&self) -> Result<Style, (&'static str, String)> {
        let colour = |field: &'static str, name: &Option<String>| match name {
            None => Ok(None),
            Some(n) => n.parse::<Color>().map(Some).map_err(|_| (field, n.clone())),
        };
        let mut s = Style::default();
        if let Some(fg) = colour("fg", &self.fg)? {
            s = s.fg(fg);
        }
        if let Some(bg) = colour("bg", &self.bg)? {
            s = s.bg(bg);
        }
        for (on, m) in [
            (self.bold, Modifier::BOLD),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reverse, Modifier::REVERSED),
            (self.dim, Modifier::DIM),
        ] {
            if on {
                s = s.add_modifier(m);
            }
        }
        Ok(s)
    }
}

/// What went wrong reading a theme; the caller words it for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThemeProblem {
    Unknown(String),
    Broken {
        file: PathBuf,
        problem: ConfigProblem,
    },
}

impl Theme {
    /// Applies a theme file's entries on top of `self`. Errors name the entry or the line.
    pub fn patch(mut self, text: &str) -> Result<Theme, ConfigProblem> {
        let file: ThemeFile = toml::from_str(text).map_err(|e| ConfigProblem::toml(text, &e))?;
        if let Some(name) = file.name {
            self.name = name;
        }
        for (key, spec) in file.styles {
            let slot = match key.as_str() {
                "base" => &mut self.base,
                "header" => &mut self.header,
                "title" => &mut self.title,
                "border" => &mut self.border,
                "focus_border" => &mut self.focus_border,
                "label" => &mut self.label,
                "focus_label" => &mut self.focus_label,
                "input" => &mut self.input,
                "placeholder" => &mut self.placeholder,
                "selected" => &mut self.selected,
                "error" => &mut self.error,
                "warning" => &mut self.warning,
                "ok" => &mut self.ok,
                "muted" => &mut self.muted,
                "key" => &mut self.key,
                "key_label" => &mut self.key_label,
                "overdue" => &mut self.overdue,
                "due_soon" => &mut self.due_soon,
                "highlight" => &mut self.highlight,
                other => {
                    let reason = ConfigReason::UnknownStyle(other.to_string());
                    return Err(ConfigProblem::at_key(text, &["styles", other], reason));
                }
            };
            *slot = spec.style().map_err(|(field, name)| {
                let reason = ConfigReason::UnknownColour(name);
                ConfigProblem::at_key(text, &["styles", &key, field], reason)
            })?;
        }
        Ok(self)
    }

    pub fn built_in(name: &str) -> Option<Theme> {
        let (_, text) = BUILT_IN.iter().find(|(n, _)| *n == name)?;
        Theme::default().patch(text).ok()
    }

    /// Loads `name` (default: dark), patched by `<user_dir>/<name>.toml` when it exists. A
    /// broken user file falls back to the built-in theme of that name (a high-contrast user
    /// keeps high contrast), an unknown theme to the default; both say why.
    pub fn load(
        name: Option<&str>,
        user_dir: Option<&Path>,
        no_color: bool,
    ) -> (Theme, Option<ThemeProblem>) {
        let fallback = || Theme::built_in(DEFAULT_THEME).unwrap_or_default();
        let name = name.unwrap_or(DEFAULT_THEME);
        let user_file = user_dir
            .map(|d| d.join(format!("{name}.toml")))
            .filter(|p| p.is_file());
        let mut problem = None;
        let theme = match (Theme::built_in(name), user_file) {
            (base, Some(file)) => {
                let base = base.unwrap_or_else(fallback);
                match std::fs::read_to_string(&file)
                    .map_err(|e| ConfigProblem {
                        line: None,
                        reason: ConfigReason::Unreadable(e.to_string()),
                    })
                    .and_then(|t| base.clone().patch(&t))
                {
                    Ok(t) => t,
                    Err(p) => {
                        problem = Some(ThemeProblem::Broken { file, problem: p });
                        base
                    }
                }
            }
            (Some(t), None) => t,
            (None, None) => {
                problem = Some(ThemeProblem::Unknown(name.to_string()));
                fallback()
            }
        };
        (
            if no_color {
                theme.without_color()
            } else {
                theme
            },
            problem,
        )
    }

    /// For NO_COLOR: colours go, and the meanings that matter keep a mark of their own.
    pub fn without_color(self) -> Theme {
        let plain = |s: Style| Style {
            fg: None,
            bg: None,
            underline_color: None,
            ..s
        };
        let marked = |s: Style, m: Modifier| plain(s).add_modifier(m);
        Theme {
            name: self.name.clone(),
            base: plain(self.base),
            header: marked(self.header, Modifier::REVERSED | Modifier::BOLD),
            title: marked(self.title, Modifier::BOLD),
            border: plain(self.border),
            focus_border: marked(self.focus_border, Modifier::BOLD),
            label: plain(self.label),
            focus_label: marked(self.focus_label, Modifier::BOLD | Modifier::UNDERLINED),
            input: plain(self.input),
            placeholder: marked(self.placeholder, Modifier::DIM),
            selected: marked(self.selected, Modifier::REVERSED | Modifier::BOLD),
            error: marked(self.error, Modifier::BOLD | Modifier::UNDERLINED),
            warning: marked(self.warning, Modifier::BOLD),
            ok: marked(self.ok, Modifier::BOLD),
            muted: marked(self.muted, Modifier::DIM),
            key: marked(self.key, Modifier::REVERSED),
            key_label: plain(self.key_label),
            overdue: marked(self.overdue, Modifier::BOLD | Modifier::REVERSED),
            due_soon: marked(self.due_soon, Modifier::BOLD),
            highlight: marked(self.highlight, Modifier::BOLD),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_theme_reads_and_sets_every_meaning() {
        for (name, text) in BUILT_IN {
            let theme = Theme::default()
                .patch(text)
                .unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(theme.name, *name);
            assert_ne!(
                theme.selected,
                Style::default(),
                "{name} leaves selection unmarked"
            );
            assert_ne!(
                theme.error,
                Style::default(),
                "{name} leaves errors unmarked"
            );
        }
    }

    #[test]
    fn no_color_keeps_selection_and_errors_visible() {
        let t = Theme::built_in("dark").unwrap().without_color();
        assert_eq!(t.selected.fg, None);
        assert_eq!(t.selected.bg, None);
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.error.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn a_user_file_patches_the_built_in_and_a_broken_one_falls_back_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("dark.toml"),
            "[styles]\nerror = { fg = \"magenta\" }\n",
        )
        .unwrap();
        let (t, problem) = Theme::load(Some("dark"), Some(dir.path()), false);
        assert_eq!(problem, None);
        assert_eq!(t.error.fg, Some(Color::Magenta));
        assert_eq!(t.selected, Theme::built_in("dark").unwrap().selected);

        std::fs::write(
            dir.path().join("dark.toml"),
            "[styles]\nerror = { fg = \"magenta\"\n",
        )
        .unwrap();
        let (t, problem) = Theme::load(Some("dark"), Some(dir.path()), false);
        assert_eq!(t, Theme::built_in("dark").unwrap());
        match problem {
            Some(ThemeProblem::Broken { file, problem }) => {
                assert!(file.ends_with("dark.toml"));
                assert_eq!(problem.line, Some(2), "{problem:?}");
            }
            other => panic!("expected a broken-file problem, got {other:?}"),
        }
    }

    #[test]
    fn a_broken_high_contrast_file_keeps_the_built_in_high_contrast() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("high-contrast.toml");
        std::fs::write(&file, "[styles]\nerror = { fg = \"nonsense\" }\n").unwrap();
        let (t, problem) = Theme::load(Some("high-contrast"), Some(dir.path()), false);
        assert_eq!(t, Theme::built_in("high-contrast").unwrap());
        assert_ne!(t, Theme::built_in(DEFAULT_THEME).unwrap());
        assert!(
            matches!(problem, Some(ThemeProblem::Broken { .. })),
            "{problem:?}"
        );
    }

    #[test]
    fn an_unknown_theme_name_falls_back_to_the_default() {
        let (t, problem) = Theme::load(Some("purple"), None, false);
        assert_eq!(t.name, DEFAULT_THEME);
        assert_eq!(problem, Some(ThemeProblem::Unknown("purple".into())));
    }
}

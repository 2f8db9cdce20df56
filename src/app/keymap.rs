//! Keys to commands. Global commands sit on keys that still arrive while a Chinese input method
//! is composing (F-keys, Ctrl combinations); plain and punctuation keys (`?`, `/`, `j`, `k`,
//! and their full-width forms) are bound only where no text field has focus.
//!
//! The defaults are a struct a user file only patches: `keys.toml` in the config folder, e.g.
//! `save = ["ctrl-s", "f9"]`, replaces the keys of the commands it names.

use std::collections::BTreeMap;

use crate::domain::config_text::{ConfigProblem, ConfigReason};
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize as _;

use super::action::Command;

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Always,
    /// Only when no text field has focus (the key would otherwise be typed).
    OutsideText,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeySpec {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeySpec {
    const fn new(code: KeyCode, modifiers: KeyModifiers) -> KeySpec {
        KeySpec { code, modifiers }
    }

    fn plain(c: char) -> KeySpec {
        KeySpec::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    /// Reads `f1`, `ctrl-s`, `esc`, `shift-tab`, `?`, `pagedown`, …
    pub fn parse(text: &str) -> Result<KeySpec, String> {
        let lower = text.trim().to_lowercase();
        let (mods, key) = match lower.rsplit_once('-') {
            Some((m, k)) if !k.is_empty() => (m, k),
            _ => ("", lower.as_str()),
        };
        let mut modifiers = KeyModifiers::NONE;
        for m in mods.split('-').filter(|m| !m.is_empty()) {
            modifiers |= match m {
                "ctrl" | "c" => KeyModifiers::CONTROL,
                "alt" | "a" | "m" => KeyModifiers::ALT,
                "shift" | "s" => KeyModifiers::SHIFT,
                other => return Err(format!("unknown modifier “{other}” in “{text}”")),
            };
        }
        let code = match key {
            "esc" | "escape" => KeyCode::Esc,
            "enter" | "return" => KeyCode::Enter,
            "tab" if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "delete" | "del" => KeyCode::Delete,
            "space" => KeyCode::Char(' '),
            f if f.starts_with('f')
                && f.len() > 1
                && f[1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                let n: u8 = f[1..]
                    .parse()
                    .map_err(|_| format!("unknown key “{text}”"))?;
                if !(1..=12).contains(&n) {
                    return Err(format!("unknown key “{text}”"));
                }
                KeyCode::F(n)
            }
            k if k.chars().count() == 1 => KeyCode::Char(k.chars().next().unwrap_or(' ')),
            _ => return Err(format!("unknown key “{text}”")),
        };
        Ok(KeySpec { code, modifiers })
    }

    fn matches(&self, key: &KeyEvent) -> bool {
        let mut mods = key.modifiers;
        // Terminals report Shift with upper-case letters and symbols such as '?'.
        if matches!(key.code, KeyCode::Char(_)) {
            mods.remove(KeyModifiers::SHIFT);
        }
        if key.code == KeyCode::BackTab {
            mods.remove(KeyModifiers::SHIFT);
        }
        let code = match key.code {
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            c => c,
        };
        code == self.code && mods == self.modifiers
    }

    /// Whether this key would type a character into a text field.
    fn types_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::Delete => f.write_str("Del"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub key: KeySpec,
    pub command: Command,
    pub scope: Scope,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyMap {
    bindings: Vec<Binding>,
}

impl Default for KeyMap {
    fn default() -> Self {
        use Command::*;
        use KeyCode as K;
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        let always = |code, modifiers, command| Binding {
            key: KeySpec::new(code, modifiers),
            command,
            scope: Scope::Always,
        };
        let outside = |c: char, command| Binding {
            key: KeySpec::plain(c),
            command,
            scope: Scope::OutsideText,
        };
        KeyMap {
            bindings: vec![
                always(K::F(1), none, Help),
                outside('?', Help),
                outside('？', Help),
                always(K::F(2), none, NewIntake),
                always(K::F(3), none, Search),
                always(K::F(4), none, Matters),
                // Every F-key is taken; Ctrl-G still arrives while an input method composes.
                always(K::Char('g'), ctrl, Supervisor),
                outside('/', Search),
                outside('／', Search),
                always(K::F(10), none, Quit),
                always(K::Char('q'), ctrl, Quit),
                always(K::Char('c'), ctrl, Quit),
                always(K::Char('s'), ctrl, Save),
                always(K::Esc, none, Back),
                always(K::Tab, none, NextField),
                always(K::BackTab, none, PrevField),
                always(K::Up, none, Up),
                outside('k', Up),
                always(K::Down, none, Down),
                outside('j', Down),
                always(K::PageUp, none, PageUp),
                always(K::PageDown, none, PageDown),
                always(K::Enter, none, Open),
                always(K::F(5), none, AddCoPetitioner),
                always(K::F(6), none, Matches),
                always(K::F(8), none, Menu),
                always(K::F(9), none, Sort),
                always(K::F(7), none, Organisation),
                // Ctrl keys for the list's actions still arrive while an input method is on;
                // the letters are the quick way when it is off.
                always(K::Char('n'), ctrl, Add),
                outside('a', Add),
                always(K::Char('t'), ctrl, ToggleActive),
                outside('t', ToggleActive),
                always(K::Char('d'), ctrl, Delete),
                outside('d', Delete),
                outside('e', Edit),
                // Ctrl-E moves to the end of a text field; outside one it edits.
                Binding {
                    key: KeySpec::new(K::Char('e'), ctrl),
                    command: Edit,
                    scope: Scope::OutsideText,
                },
                always(K::Char('r'), ctrl, Reveal),
                outside('r', Reveal),
                always(K::F(11), none, Ledger),
                // Every F-key is taken; Ctrl-W still arrives while an input method composes.
                always(K::Char('w'), ctrl, Week),
                // The next operator takes over: keys that arrive whatever is focused.
                always(K::F(12), none, Switch),
                always(K::Char('l'), ctrl, Switch),
                // Text fields keep Ctrl-P and Ctrl-U for editing; these act on the operators list.
                Binding {
                    key: KeySpec::new(K::Char('p'), ctrl),
                    command: ResetPin,
                    scope: Scope::OutsideText,
                },
                Binding {
                    key: KeySpec::new(K::Char('u'), ctrl),
                    command: Unlock,
                    scope: Scope::OutsideText,
                },
                // Text fields keep Ctrl-B (cursor back); the administrator's lists take it.
                Binding {
                    key: KeySpec::new(K::Char('b'), ctrl),
                    command: Backup,
                    scope: Scope::OutsideText,
                },
            ],
        }
    }
}

impl KeyMap {
    /// The command for a key, given whether a text field has focus.
    pub fn lookup(&self, key: &KeyEvent, text_focus: bool) -> Option<Command> {
        self.bindings
            .iter()
            .filter(|b| b.scope == Scope::Always || !text_focus)
            .find(|b| b.key.matches(key))
            .map(|b| b.command)
    }

    /// The keys bound to a command, in the order a user should learn them.
    pub fn keys_for(&self, command: Command) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.command == command)
    }

    /// The first key bound to a command, for the footer.
    pub fn first_key(&self, command: Command) -> Option<KeySpec> {
        self.keys_for(command).next().map(|b| b.key)
    }

    /// Applies a key-map file: each entry replaces all keys of one command. Keys that would
    /// type text are bound outside text fields only. Errors name the entry or the line.
    pub fn patch(mut self, text: &str) -> Result<KeyMap, ConfigProblem> {
        let table: BTreeMap<String, Vec<String>> =
            toml::from_str(text).map_err(|e| ConfigProblem::toml(text, &e))?;
        for (name, keys) in table {
            let at = |reason| ConfigProblem::at_key(text, &[&name], reason);
            let command: Command = Command::deserialize(serde::de::value::StrDeserializer::<
                serde::de::value::Error,
            >::new(&name))
            .map_err(|_| at(ConfigReason::UnknownCommand(name.clone())))?;
            let specs = keys
                .iter()
                .map(|k| {
                    KeySpec::parse(k).map_err(|detail| {
                        at(ConfigReason::UnknownKey {
                            key: k.clone(),
                            detail,
                        })
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            self.bindings.retain(|b| b.command != command);
            for key in specs {
                // The office's file wins: a key it gives one command no longer runs another.
                self.bindings.retain(|b| b.key != key);
                let scope = if key.types_text() {
                    Scope::OutsideText
                } else {
                    Scope::Always
                };
                self.bindings.push(Binding {
                    key,
                    command,
                    scope,
                });
            }
        }
        for command in ESSENTIAL {
            // A plain letter is no key in a text field, and the intake form is one.
            if !self.keys_for(command).any(|b| b.scope == Scope::Always) {
                let name = file_name_of(command);
                let reason = ConfigReason::NoKeyLeft(name.clone());
                return Err(ConfigProblem::at_key(text, &[&name], reason));
            }
        }
        Ok(self)
    }
}

/// Commands a file may move but not leave without a key that works everywhere: a clerk who
/// cannot save, quit or go back out of a dialog is stuck. (Help may be a plain letter: it is
/// still there outside text fields.)
const ESSENTIAL: [Command; 3] = [Command::Save, Command::Quit, Command::Back];

/// A command's name in a key-map file (snake_case, as it is read).
fn file_name_of(command: Command) -> String {
    let mut name = String::new();
    for (i, c) in format!("{command:?}").chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            name.push('_');
        }
        name.push(c.to_ascii_lowercase());
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn a_file_that_leaves_save_or_quit_without_a_key_is_refused_with_its_line() {
        let emptied = KeyMap::default().patch("help = [\"h\"]\nsave = []\n");
        let problem = emptied.unwrap_err();
        assert_eq!(problem.reason, ConfigReason::NoKeyLeft("save".into()));
        assert_eq!(problem.line, Some(2));
        // Its keys given to other commands: the file has no line for quit itself.
        let taken = KeyMap::default().patch("new_intake = [\"f10\", \"ctrl-q\", \"ctrl-c\"]\n");
        assert_eq!(
            taken.unwrap_err().reason,
            ConfigReason::NoKeyLeft("quit".into())
        );
        // A plain letter only: it would be typed into the form instead.
        let letter = KeyMap::default().patch("save = [\"s\"]\n");
        assert_eq!(
            letter.unwrap_err().reason,
            ConfigReason::NoKeyLeft("save".into())
        );
        // Moved, not lost: fine.
        let moved = KeyMap::default().patch("save = [\"f9\"]\n").unwrap();
        assert_eq!(moved.first_key(Command::Save).unwrap().to_string(), "F9");
        for command in ESSENTIAL {
            let name = file_name_of(command);
            let parsed: Command = Command::deserialize(serde::de::value::StrDeserializer::<
                serde::de::value::Error,
            >::new(&name))
            .unwrap();
            assert_eq!(parsed, command, "{name} is the file's name for it");
        }
    }

    #[test]
    fn f_keys_and_ctrl_work_while_typing_letters_do_not() {
        let map = KeyMap::default();
        assert_eq!(
            map.lookup(&key(KeyCode::F(2), KeyModifiers::NONE), true),
            Some(Command::NewIntake)
        );
        assert_eq!(
            map.lookup(&key(KeyCode::Char('s'), KeyModifiers::CONTROL), true),
            Some(Command::Save)
        );
        assert_eq!(
            map.lookup(&key(KeyCode::Char('/'), KeyModifiers::NONE), true),
            None
        );
        assert_eq!(
            map.lookup(&key(KeyCode::Char('/'), KeyModifiers::NONE), false),
            Some(Command::Search)
        );
        assert_eq!(
            map.lookup(&key(KeyCode::Char('？'), KeyModifiers::NONE), false),
            Some(Command::Help)
        );
        assert_eq!(
            map.lookup(&key(KeyCode::Char('?'), KeyModifiers::SHIFT), false),
            Some(Command::Help)
        );
        assert_eq!(
            map.lookup(&key(KeyCode::Char('j'), KeyModifiers::NONE), false),
            Some(Command::Down)
        );
        assert_eq!(
            map.lookup(&key(KeyCode::BackTab, KeyModifiers::SHIFT), true),
            Some(Command::PrevField)
        );
        assert_eq!(
            map.lookup(&key(KeyCode::F(7), KeyModifiers::NONE), true),
            Some(Command::Organisation)
        );
        // Typing 王 a t d in a form field stays typing; in the list the letters act.
        for (c, command) in [
            ('a', Command::Add),
            ('t', Command::ToggleActive),
            ('d', Command::Delete),
        ] {
            assert_eq!(
                map.lookup(&key(KeyCode::Char(c), KeyModifiers::NONE), true),
                None
            );
            assert_eq!(
                map.lookup(&key(KeyCode::Char(c), KeyModifiers::NONE), false),
                Some(command)
            );
            let with_ctrl = (c != 'a').then_some(command);
            assert_eq!(
                map.lookup(&key(KeyCode::Char(c), KeyModifiers::CONTROL), true),
                with_ctrl
            );
        }
        assert_eq!(
            map.lookup(&key(KeyCode::Char('n'), KeyModifiers::CONTROL), true),
            Some(Command::Add)
        );
    }

    #[test]
    fn key_specs_read_and_show() {
        assert_eq!(KeySpec::parse("ctrl-s").unwrap().to_string(), "Ctrl-S");
        assert_eq!(KeySpec::parse("F10").unwrap().to_string(), "F10");
        assert_eq!(KeySpec::parse("shift-tab").unwrap().code, KeyCode::BackTab);
        assert_eq!(KeySpec::parse("-").unwrap().code, KeyCode::Char('-'));
        assert!(KeySpec::parse("hyper-x").is_err());
        assert!(KeySpec::parse("f13").is_err());
    }

    #[test]
    fn a_key_file_replaces_the_keys_of_the_commands_it_names() {
        let map = KeyMap::default()
            .patch("save = [\"f9\"]\nhelp = [\"h\"]\n")
            .unwrap();
        assert_eq!(
            map.lookup(&key(KeyCode::F(9), KeyModifiers::NONE), true),
            Some(Command::Save)
        );
        assert_eq!(
            map.lookup(&key(KeyCode::Char('s'), KeyModifiers::CONTROL), true),
            None
        );
        assert_eq!(
            map.first_key(Command::Sort),
            None,
            "F9 was taken from sorting"
        );
        // A plain letter never steals typing.
        assert_eq!(
            map.lookup(&key(KeyCode::Char('h'), KeyModifiers::NONE), true),
            None
        );
        assert_eq!(
            map.lookup(&key(KeyCode::Char('h'), KeyModifiers::NONE), false),
            Some(Command::Help)
        );
        assert_eq!(map.first_key(Command::Quit).unwrap().to_string(), "F10");
    }

    #[test]
    fn a_broken_key_file_says_what_is_wrong() {
        let unknown = KeyMap::default()
            .patch("help = [\"f1\"]\n\nsav = [\"f9\"]")
            .unwrap_err();
        assert_eq!(unknown.reason, ConfigReason::UnknownCommand("sav".into()));
        assert_eq!(unknown.line, Some(3));
        let bad_key = KeyMap::default()
            .patch("help = [\"f1\"]\nsave = [\"hyper-s\"]")
            .unwrap_err();
        assert!(
            matches!(&bad_key.reason, ConfigReason::UnknownKey { key, .. } if key == "hyper-s"),
            "{bad_key:?}"
        );
        assert_eq!(bad_key.line, Some(2));
        let syntax = KeyMap::default().patch("save = [\"ctrl-\"").unwrap_err();
        assert_eq!(syntax.line, Some(1));
        let wrong_type = KeyMap::default()
            .patch("help = [\"f1\"]\nsave = \"f9\"\n")
            .unwrap_err();
        assert_eq!(wrong_type.line, Some(2), "{wrong_type:?}");
    }
}

//! What can happen to the app: commands a key can be bound to, and everything else `update`
//! receives (typing, pasting, the database becoming ready, background progress, time).

use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;
use serde::Deserialize;

use crate::store::StoreError;

/// A command a key can be bound to. The names (snake_case) are what a key-map file uses; the
/// help overlay and the footer are built from these and the live bindings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// Show or hide the key list.
    Help,
    /// Go to the intake form.
    NewIntake,
    /// Go to the visits list with the search box focused.
    Search,
    /// Leave the program (asks first when an intake is unsaved).
    Quit,
    /// Save the intake form.
    Save,
    /// Go back, close a dialog, or clear the search.
    Back,
    /// Next field of a form.
    NextField,
    /// Previous field of a form.
    PrevField,
    /// Up one row (previous field in a form).
    Up,
    /// Down one row (next field in a form).
    Down,
    /// Up one page in a list.
    PageUp,
    /// Down one page in a list.
    PageDown,
    /// Open the selected row, confirm a dialog, or move on in a form.
    Open,
    /// Add a co-petitioner to the intake.
    AddCoPetitioner,
    /// Move between the intake form and the repeat-visit matches.
    Matches,
    /// Go to the matters list.
    Matters,
    /// The screen's menu: filters on the matters list, actions on a matter.
    Menu,
    /// Sort the matters list by deadline or by date opened.
    Sort,
    /// Go to the leaders and departments (领导和承办单位).
    Organisation,
    /// Add a leader or department.
    Add,
    /// Deactivate or reactivate the selected leader or department.
    ToggleActive,
    /// Delete the selected leader or department (asks first).
    Delete,
    /// Show the selected petitioner's full ID number and phone for a few seconds (recorded).
    Reveal,
    /// Go to the evidence log (操作日志).
    Ledger,
    /// Lock the screen for the next operator; the unfinished work stays the current one's.
    Switch,
    /// Reset the selected operator's PIN (operators screen).
    ResetPin,
    /// Unlock the selected operator's login code (operators screen).
    Unlock,
    /// Go to the supervisor view (督办总览): what is pending, late and who holds it.
    Supervisor,
    /// Go to the week of reception sessions (领导接访日).
    Week,
    /// Change the selected item (a reception session on the week).
    Edit,
    /// Back up the database into its `backups` folder (administrators).
    Backup,
}

impl Command {
    pub const ALL: [Command; 31] = [
        Command::Help,
        Command::NewIntake,
        Command::Search,
        Command::Quit,
        Command::Save,
        Command::Back,
        Command::NextField,
        Command::PrevField,
        Command::Up,
        Command::Down,
        Command::PageUp,
        Command::PageDown,
        Command::Open,
        Command::AddCoPetitioner,
        Command::Matches,
        Command::Matters,
        Command::Menu,
        Command::Sort,
        Command::Organisation,
        Command::Add,
        Command::ToggleActive,
        Command::Delete,
        Command::Reveal,
        Command::Ledger,
        Command::Switch,
        Command::ResetPin,
        Command::Unlock,
        Command::Supervisor,
        Command::Week,
        Command::Edit,
        Command::Backup,
    ];
}

/// Everything `update` reacts to.
#[derive(Clone)]
#[allow(clippy::large_enum_variant)]
pub enum Action {
    /// A bound command.
    Command(Command),
    /// A key no command is bound to: typing and editing in the focused field.
    Key(KeyEvent),
    /// Text pasted from the terminal (bracketed paste).
    Paste(String),
    /// The terminal's new size in cells.
    Resize { width: u16, height: u16 },
    /// Time passes (about once a second), for messages that fade.
    Tick,
    /// The database finished opening in the background; the shell now passes the real store.
    StoreReady,
    /// The database could not be opened.
    StoreFailed(Arc<StoreError>),
    /// Demo data generation progress (done, total).
    DemoProgress(u64, u64),
    /// Demo data finished: visits and petitioners written, or why it failed.
    DemoFinished(Result<(u64, u64), Arc<StoreError>>),
    /// The command line asks `operator` for a backup: said on screen before it is taken.
    BackupStarting { operator: String },
    /// The command line asks for a backup while the desk holds the database.
    BackupRequested(crate::store::backup_request::Taken),
}

impl std::fmt::Debug for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Action::Command(c) => write!(f, "Command({c:?})"),
            Action::Key(k) => write!(f, "Key({k:?})"),
            Action::Paste(s) => write!(f, "Paste({} chars)", s.chars().count()),
            Action::Resize { width, height } => write!(f, "Resize({width}x{height})"),
            Action::Tick => f.write_str("Tick"),
            Action::StoreReady => f.write_str("StoreReady"),
            Action::StoreFailed(e) => write!(f, "StoreFailed({e})"),
            Action::DemoProgress(d, t) => write!(f, "DemoProgress({d}/{t})"),
            Action::BackupStarting { operator } => write!(f, "BackupStarting({operator})"),
            Action::BackupRequested(r) => write!(f, "BackupRequested({r:?})"),
            Action::DemoFinished(r) => write!(
                f,
                "DemoFinished({:?})",
                r.as_ref().map_err(|e| e.to_string())
            ),
        }
    }
}

impl Command {
    /// The footer label and the help sentence.
    pub fn texts(self) -> (crate::i18n::T, crate::i18n::T) {
        use crate::i18n::T;
        match self {
            Command::Help => (T::CmdHelp, T::CmdHelpLong),
            Command::NewIntake => (T::CmdNewIntake, T::CmdNewIntakeLong),
            Command::Search => (T::CmdSearch, T::CmdSearchLong),
            Command::Quit => (T::CmdQuit, T::CmdQuitLong),
            Command::Save => (T::CmdSave, T::CmdSaveLong),
            Command::Back => (T::CmdBack, T::CmdBackLong),
            Command::NextField => (T::CmdNextField, T::CmdNextFieldLong),
            Command::PrevField => (T::CmdPrevField, T::CmdPrevFieldLong),
            Command::Up => (T::CmdUp, T::CmdUpLong),
            Command::Down => (T::CmdDown, T::CmdDownLong),
            Command::PageUp => (T::CmdPageUp, T::CmdPageUpLong),
            Command::PageDown => (T::CmdPageDown, T::CmdPageDownLong),
            Command::Open => (T::CmdOpen, T::CmdOpenLong),
            Command::AddCoPetitioner => (T::CmdAddCo, T::CmdAddCoLong),
            Command::Matches => (T::CmdMatches, T::CmdMatchesLong),
            Command::Matters => (T::CmdMatters, T::CmdMattersLong),
            Command::Menu => (T::CmdMenu, T::CmdMenuLong),
            Command::Sort => (T::CmdSort, T::CmdSortLong),
            Command::Organisation => (T::CmdOrg, T::CmdOrgLong),
            Command::Add => (T::CmdAdd, T::CmdAddLong),
            Command::ToggleActive => (T::CmdToggleActive, T::CmdToggleActiveLong),
            Command::Delete => (T::CmdDelete, T::CmdDeleteLong),
            Command::Reveal => (T::CmdReveal, T::CmdRevealLong),
            Command::Ledger => (T::CmdLedger, T::CmdLedgerLong),
            Command::Switch => (T::CmdSwitch, T::CmdSwitchLong),
            Command::ResetPin => (T::CmdResetPin, T::CmdResetPinLong),
            Command::Unlock => (T::CmdUnlock, T::CmdUnlockLong),
            Command::Supervisor => (T::CmdSupervisor, T::CmdSupervisorLong),
            Command::Week => (T::CmdWeek, T::CmdWeekLong),
            Command::Edit => (T::CmdEdit, T::CmdEditLong),
            Command::Backup => (T::CmdBackup, T::CmdBackupLong),
        }
    }
}

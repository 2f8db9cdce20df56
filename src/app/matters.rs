//! The matters list: the open matters from the store's covering index, each with its due date,
//! days left or late, and the signals that call for supervision; tabs for what a supervisor
//! looks at (due soon, overdue, needs supervision, collective study, finished), filters by
//! state, leader, department and category, search, and sorting by deadline.

use chrono::NaiveDate;

use crate::domain::case::{CaseId, CaseState};
use crate::domain::deadline::Urgency;
use crate::domain::organisation::{DepartmentId, LeaderId};
use crate::domain::pending::MatterRow;
use crate::domain::signals::{Signal, signals};
use crate::i18n::{Localize, T};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::store::Store;

use super::action::Command;
use super::field::TextField;
use super::matter;

mod filter;
use super::{App, Tone};
pub use filter::FilterDialog;
pub(super) use filter::{apply_filter, filter_focus, filter_key, open_filter};

/// Finished matters are not in the covering index; this many of each finished state are read.
const FINISHED_LIMIT: usize = 200;
/// Header, tabs, search box (3), filter line, table header and borders, status, footer.
pub const CHROME_ROWS: u16 = 10;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Pending,
    DueSoon,
    Overdue,
    Supervision,
    CollectiveStudy,
    Finished,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Pending,
        Tab::DueSoon,
        Tab::Overdue,
        Tab::Supervision,
        Tab::CollectiveStudy,
        Tab::Finished,
    ];

    pub fn title(self) -> T {
        match self {
            Tab::Pending => T::TabPending,
            Tab::DueSoon => T::TabDueSoon,
            Tab::Overdue => T::TabOverdue,
            Tab::Supervision => T::TabSupervision,
            Tab::CollectiveStudy => T::TabCollectiveStudy,
            Tab::Finished => T::TabFinished,
        }
    }

    fn step(self, delta: isize) -> Tab {
        let i = Tab::ALL.iter().position(|t| *t == self).unwrap_or(0) as isize;
        Tab::ALL[(i + delta).rem_euclid(Tab::ALL.len() as isize) as usize]
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Most urgent first: the latest overdue, then the soonest due; no clock last.
    #[default]
    Deadline,
    /// Newest opened first.
    Opened,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub state: Option<CaseState>,
    pub leader: Option<LeaderId>,
    pub department: Option<DepartmentId>,
    pub category: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    fn admits(&self, row: &MatterRow) -> bool {
        self.state.is_none_or(|s| row.state == s)
            && self.leader.is_none_or(|l| row.responsible == Some(l))
            && self.department.is_none_or(|d| row.department == Some(d))
            && self.category.as_ref().is_none_or(|c| row.category == c)
    }
}

/// A row as the list shows it: the due date and signals are worked out once, on loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub row: MatterRow,
    pub due: Option<NaiveDate>,
    /// Only for the office's own time limits; the petitioner's windows are never late.
    pub urgency: Option<Urgency>,
    pub signals: Vec<Signal>,
}

impl Listed {
    fn of(row: MatterRow, app: &App) -> Listed {
        let today = app.clock.today();
        let due = row
            .clock
            .as_ref()
            .map(|c| app.policy.listed_due(c, &app.calendar).date);
        let duty = row.clock.as_ref().is_some_and(|c| c.stage.office_duty());
        let urgency = due.filter(|_| duty).map(|d| app.policy.urgency(d, today));
        let signals = signals(&row, today, &app.policy, &app.calendar);
        Listed {
            row,
            due,
            urgency,
            signals,
        }
    }

    fn in_tab(&self, tab: Tab) -> bool {
        match tab {
            Tab::Pending => self.row.state.is_open(),
            Tab::DueSoon => matches!(
                self.urgency,
                Some(Urgency::DueSoon { .. } | Urgency::DueToday)
            ),
            Tab::Overdue => matches!(self.urgency, Some(Urgency::Overdue { .. })),
            Tab::Supervision => !self.signals.is_empty(),
            Tab::CollectiveStudy => self.row.collective_study,
            Tab::Finished => !self.row.state.is_open(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct MattersList {
    pub tab: Tab,
    pub sort: Sort,
    pub filter: Filter,
    pub search: TextField,
    pub search_focus: bool,
    /// Open matters, from the store's covering index.
    pub open: Vec<Listed>,
    /// Finished matters, read when the tab is first shown.
    pub finished: Option<Vec<Listed>>,
    /// Indexes into the tab's rows, filtered and sorted: what the table shows.
    pub shown: Vec<usize>,
    pub selected: usize,
    pub offset: usize,
    pub stale: bool,
    pub filter_dialog: Option<FilterDialog>,
}

impl Default for MattersList {
    fn default() -> Self {
        MattersList {
            tab: Tab::default(),
            sort: Sort::default(),
            filter: Filter::default(),
            search: TextField::new(40),
            search_focus: false,
            open: Vec::new(),
            finished: None,
            shown: Vec::new(),
            selected: 0,
            offset: 0,
            stale: true,
            filter_dialog: None,
        }
    }
}

impl MattersList {
    pub fn source(&self) -> &[Listed] {
        match self.tab {
            Tab::Finished => self.finished.as_deref().unwrap_or(&[]),
            _ => &self.open,
        }
    }

    pub fn rows(&self) -> impl Iterator<Item = &Listed> {
        let source = self.source();
        self.shown.iter().filter_map(move |i| source.get(*i))
    }

    pub fn selected_row(&self) -> Option<&Listed> {
        self.shown
            .get(self.selected)
            .and_then(|i| self.source().get(*i))
    }

    /// Counts per tab over the open matters, for the tab titles.
    pub fn count(&self, tab: Tab) -> Option<usize> {
        match tab {
            Tab::Finished => self.finished.as_ref().map(Vec::len),
            _ => Some(self.open.iter().filter(|l| l.in_tab(tab)).count()),
        }
    }
}

pub fn page_rows(app: &App) -> usize {
    usize::from(app.size.1.saturating_sub(CHROME_ROWS)).max(1)
}

/// Reads the open matters again (after a change, or on entering the list).
pub(super) fn reload(app: &mut App, store: &dyn Store) {
    if !app.db_ready() {
        return;
    }
    match store.pending_matters() {
        Ok(rows) => {
            let listed = rows
                .into_iter()
                .map(|mut r| {
                    super::confidential::row(app, &mut r);
                    Listed::of(r, app)
                })
                .collect();
            app.matters.open = listed;
            app.matters.finished = None;
            app.matters.stale = false;
            if app.matters.tab == Tab::Finished {
                load_finished(app, store);
            }
            refilter(app);
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

fn load_finished(app: &mut App, store: &dyn Store) {
    let mut out = Vec::new();
    let finished = CaseState::ALL.into_iter().filter(|s| !s.is_open());
    let result = (|| {
        for state in finished {
            for case in store.cases_in_state(state, FINISHED_LIMIT)? {
                let Some(matter) = store.matter(case.id)? else {
                    continue;
                };
                let name = store
                    .petitioner(case.petitioner_id)?
                    .map(|p| p.person.name)
                    .unwrap_or_default();
                let mut row = MatterRow::of(&matter, &name);
                super::confidential::row(app, &mut row);
                out.push(Listed::of(row, app));
            }
        }
        Ok::<_, crate::store::StoreError>(())
    })();
    if let Err(e) = result {
        let msg = e.localize(app.lang);
        app.say(Tone::Error, msg);
    }
    app.matters.finished = Some(out);
}

/// Applies tab, filter, search and sort, keeping the selected matter selected if it stays.
pub(super) fn refilter(app: &mut App) {
    let keep: Option<CaseId> = app.matters.selected_row().map(|l| l.row.id);
    let list = &mut app.matters;
    let query = list.search.value().trim().to_lowercase();
    let tab = list.tab;
    let source = list.source();
    let mut shown: Vec<usize> = source
        .iter()
        .enumerate()
        .filter(|(_, l)| l.in_tab(tab) && list.filter.admits(&l.row) && matches(l, &query))
        .map(|(i, _)| i)
        .collect();
    match list.sort {
        Sort::Deadline => shown.sort_by_key(|i| {
            let l = &source[*i];
            (
                l.urgency.map_or(i64::MAX, |u| u.days_left()),
                l.due.unwrap_or(NaiveDate::MAX),
                l.row.opened_at,
            )
        }),
        Sort::Opened => shown.sort_by_key(|i| std::cmp::Reverse(source[*i].row.opened_at)),
    }
    list.shown = shown;
    list.selected = keep
        .and_then(|id| {
            list.shown
                .iter()
                .position(|i| list.source().get(*i).is_some_and(|l| l.row.id == id))
        })
        .unwrap_or(0);
    list.offset = 0;
    scroll_into_view(app);
}

/// Search by matter number, petitioner name or category.
fn matches(l: &Listed, query: &str) -> bool {
    query.is_empty()
        || l.row.number.to_string().contains(query)
        || l.row.petitioner.to_lowercase().contains(query)
        || l.row.category.contains(query)
}

pub(super) fn switch_tab(app: &mut App, delta: isize, store: &dyn Store) {
    app.matters.tab = app.matters.tab.step(delta);
    if app.matters.tab == Tab::Finished && app.matters.finished.is_none() {
        load_finished(app, store);
    }
    refilter(app);
}

pub(super) fn toggle_sort(app: &mut App) {
    app.matters.sort = match app.matters.sort {
        Sort::Deadline => Sort::Opened,
        Sort::Opened => Sort::Deadline,
    };
    refilter(app);
    let key = match app.matters.sort {
        Sort::Deadline => T::SortedByDeadline,
        Sort::Opened => T::SortedByOpened,
    };
    let msg = app.t(key).to_string();
    app.say(Tone::Info, msg);
}

pub(super) fn move_selection(app: &mut App, delta: isize) {
    let len = app.matters.shown.len();
    if len == 0 {
        return;
    }
    app.matters.selected =
        (app.matters.selected as isize + delta).clamp(0, len as isize - 1) as usize;
    scroll_into_view(app);
}

pub(super) fn scroll_into_view(app: &mut App) {
    let height = page_rows(app);
    let list = &mut app.matters;
    if list.selected < list.offset {
        list.offset = list.selected;
    } else if list.selected >= list.offset + height {
        list.offset = list.selected + 1 - height;
    }
}

/// Keys no command is bound to: typing in the search box or the filter, tabs, Home and End.
pub(super) fn key(app: &mut App, key: KeyEvent, store: &dyn Store) {
    if app.matters.filter_dialog.is_some() {
        filter_key(app, key);
    } else if app.matters.search_focus {
        if app.matters.search.handle_key(key) {
            refilter(app);
        }
    } else {
        match key.code {
            KeyCode::Left => switch_tab(app, -1, store),
            KeyCode::Right => switch_tab(app, 1, store),
            KeyCode::Home => move_selection(app, isize::MIN / 2),
            KeyCode::End => move_selection(app, isize::MAX / 2),
            _ => {}
        }
    }
}

/// The list's commands; the filter dialog, when open, takes them first.
pub(super) fn command(app: &mut App, c: Command, store: &dyn Store) {
    let page = page_rows(app) as isize;
    let list = &app.matters;
    if list.filter_dialog.is_some() {
        match c {
            Command::Back | Command::Menu => app.matters.filter_dialog = None,
            Command::NextField | Command::Down => filter_focus(app, 1),
            Command::PrevField | Command::Up => filter_focus(app, -1),
            Command::Open | Command::Save => apply_filter(app),
            _ => {}
        }
        return;
    }
    match c {
        Command::Back if list.search_focus && !list.search.is_empty() => {
            app.matters.search.clear();
            refilter(app);
        }
        Command::Back if list.search_focus => app.matters.search_focus = false,
        Command::Back => super::session::back_home(app, store),
        Command::NextField | Command::PrevField => {
            app.matters.search_focus = !app.matters.search_focus
        }
        Command::Down if list.search_focus => app.matters.search_focus = false,
        Command::Up => move_selection(app, -1),
        Command::Down => move_selection(app, 1),
        Command::PageUp => move_selection(app, -page),
        Command::PageDown => move_selection(app, page),
        Command::Menu => open_filter(app),
        Command::Sort => toggle_sort(app),
        Command::Open => {
            if let Some(id) = app.matters.selected_row().map(|l| l.row.id) {
                matter::open(app, id, store);
            }
        }
        _ => {}
    }
}

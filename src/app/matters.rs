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
use crate::i18n::{Label, Localize, T};
use crate::store::Store;

use super::dialog::{Choice, DialogField, Input};
use super::field::TextField;
use super::{App, Tone};

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
            && self.category.as_ref().is_none_or(|c| &row.category == c)
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

// ---- The filter dialog (F8 on the list). ----

#[derive(Clone, Debug)]
pub struct FilterDialog {
    pub fields: Vec<DialogField>,
    pub focus: usize,
}

fn with_any(app: &App, options: impl Iterator<Item = Choice>) -> Vec<Choice> {
    let any = Choice {
        label: app.t(T::FilterAny).to_string(),
        value: u64::MAX,
    };
    std::iter::once(any).chain(options).collect()
}

fn pick_at(options: &[Choice], value: Option<u64>) -> usize {
    value
        .and_then(|v| options.iter().position(|c| c.value == v))
        .unwrap_or(0)
}

fn pick(label: T, options: Vec<Choice>, value: Option<u64>) -> DialogField {
    let at = pick_at(&options, value);
    DialogField {
        label,
        required: false,
        input: Input::Pick { options, at },
    }
}

pub(super) fn open_filter(app: &mut App) {
    let lang = app.lang;
    let f = &app.matters.filter;
    let states = CaseState::ALL.iter().enumerate().map(|(i, s)| Choice {
        label: s.label(lang).to_string(),
        value: i as u64,
    });
    let state_at = f
        .state
        .and_then(|s| CaseState::ALL.iter().position(|x| *x == s))
        .map(|i| i as u64);
    let leaders = app.directory().leaders.iter().map(|l| Choice {
        label: l.name.clone(),
        value: l.id.0,
    });
    let departments = app.directory().departments.iter().map(|d| Choice {
        label: d.name.clone(),
        value: d.id.0,
    });
    let categories = app
        .settings
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| Choice {
            label: c.clone(),
            value: i as u64,
        });
    let category_at = f
        .category
        .as_ref()
        .and_then(|c| app.settings.categories.iter().position(|x| x == c))
        .map(|i| i as u64);
    let fields = vec![
        pick(T::FilterState, with_any(app, states), state_at),
        pick(
            T::FilterLeader,
            with_any(app, leaders),
            f.leader.map(|l| l.0),
        ),
        pick(
            T::FilterDepartment,
            with_any(app, departments),
            f.department.map(|d| d.0),
        ),
        pick(T::FilterCategory, with_any(app, categories), category_at),
    ];
    app.matters.filter_dialog = Some(FilterDialog { fields, focus: 0 });
}

pub(super) fn filter_focus(app: &mut App, delta: isize) {
    if let Some(d) = app.matters.filter_dialog.as_mut() {
        let len = d.fields.len() as isize;
        d.focus = (d.focus as isize + delta).rem_euclid(len) as usize;
    }
}

pub(super) fn filter_key(app: &mut App, key: ratatui::crossterm::event::KeyEvent) {
    if let Some(d) = app.matters.filter_dialog.as_mut()
        && let Some(field) = d.fields.get_mut(d.focus)
    {
        field.key(key);
    }
}

/// Enter in the filter dialog: the chosen filter applies.
pub(super) fn apply_filter(app: &mut App) {
    let Some(d) = app.matters.filter_dialog.take() else {
        return;
    };
    let chosen = |i: usize| match d.fields.get(i).map(|f| &f.input) {
        Some(Input::Pick { options, at }) => {
            options.get(*at).map(|c| c.value).filter(|v| *v != u64::MAX)
        }
        _ => None,
    };
    app.matters.filter = Filter {
        state: chosen(0).and_then(|i| CaseState::ALL.get(i as usize).copied()),
        leader: chosen(1).map(LeaderId),
        department: chosen(2).map(DepartmentId),
        category: chosen(3).and_then(|i| app.settings.categories.get(i as usize).cloned()),
    };
    refilter(app);
}

//! The visits list: newest first, fetched a page at a time as the clerk scrolls, and
//! search-as-you-type by name, pinyin initials, identity number or phone. A clerk's list and
//! search hold only the visits they registered (`Role::sees_every_visit`); the store does the
//! narrowing, so paging and the search's limit count only what the clerk may see.

use crate::domain::visit::Visit;
use crate::i18n::Localize;
use crate::store::{Store, VisitCursor};

use super::field::TextField;
use super::{App, Tone};

/// Rows fetched per page while browsing; search results are capped at `SEARCH_LIMIT`.
pub const PAGE: usize = 100;
pub const SEARCH_LIMIT: usize = 200;
/// Search results fetched as the clerk types: one screen, and at least this many. Each result
/// may be a record not read since opening, and at a million visits those reads are what a
/// keystroke waits for, so a keystroke reads what can be seen; scrolling towards the end
/// fetches more, up to `SEARCH_LIMIT`.
pub const SEARCH_PAGE: usize = 30;
/// Lines of the screen that are not table rows: header, search box (3), table header,
/// status line, footer, and the table's borders (2). The view lays out the same.
pub const CHROME_ROWS: u16 = 9;

#[derive(Clone, Debug)]
pub struct VisitsList {
    pub search: TextField,
    pub search_focus: bool,
    pub rows: Vec<Visit>,
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
    /// No more pages to fetch for the current browse.
    pub exhausted: bool,
    /// The rows no longer reflect the database (a visit was saved since).
    pub stale: bool,
    /// The search the rows answer, if any.
    pub query: Option<String>,
    /// The search found as many as it lists (`SEARCH_LIMIT`): there may be more.
    pub capped: bool,
    /// How many results the search fetched; it found that many, and scrolling fetches more.
    pub search_limit: usize,
    /// The search filled `search_limit` below `SEARCH_LIMIT`: more can be fetched.
    pub more: bool,
}

impl Default for VisitsList {
    fn default() -> Self {
        VisitsList {
            search: TextField::new(40),
            search_focus: false,
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            exhausted: false,
            stale: true,
            query: None,
            capped: false,
            search_limit: SEARCH_PAGE,
            more: false,
        }
    }
}

impl VisitsList {
    pub fn selected_visit(&self) -> Option<&Visit> {
        self.rows.get(self.selected)
    }
}

pub fn page_rows(app: &App) -> usize {
    usize::from(app.size.1.saturating_sub(CHROME_ROWS)).max(1)
}

/// How many results a keystroke fetches on a screen showing `rows` table rows.
pub fn first_search_rows(rows: usize) -> usize {
    rows.clamp(SEARCH_PAGE, SEARCH_LIMIT)
}

/// Fetches from the start: the newest page, or the search results for the box's text.
pub(super) fn reload(app: &mut App, store: &dyn Store) {
    if !app.db_ready() {
        return;
    }
    let text = app.visits.search.value().trim().to_string();
    let own = app.own_visits_only();
    let rows = match (text.is_empty(), own) {
        (true, None) => store.visits_newest_first(None, PAGE),
        (true, Some(code)) => store.visits_received_by(code, None, PAGE),
        (false, _) => {
            return search(app, store, &text, first_search_rows(page_rows(app)), 0);
        }
    };
    match rows {
        Ok(mut rows) => {
            for v in &mut rows {
                super::confidential::visit(app, v, store);
            }
            let list = &mut app.visits;
            list.exhausted = rows.len() < PAGE;
            list.rows = rows;
            list.query = None;
            list.capped = false;
            list.more = false;
            list.selected = 0;
            list.offset = 0;
            list.stale = false;
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

/// Runs the search for `text`, fetching up to `limit` results, and selects row `selected`.
fn search(app: &mut App, store: &dyn Store, text: &str, limit: usize, selected: usize) {
    let found = match app.own_visits_only() {
        None => store.search_visits(text, limit),
        Some(code) => store.search_visits_received_by(text, code, limit),
    };
    match found {
        Ok(mut rows) => {
            let full = rows.len() >= limit;
            // A search by name or number must not tie a person to an accusation: unreadable
            // ones are left out of results.
            rows.retain_mut(|v| !super::confidential::visit(app, v, store));
            let list = &mut app.visits;
            list.exhausted = true;
            list.capped = full && limit >= SEARCH_LIMIT;
            list.more = full && limit < SEARCH_LIMIT;
            list.search_limit = limit;
            list.selected = selected.min(rows.len().saturating_sub(1));
            list.rows = rows;
            list.query = Some(text.to_string());
            list.stale = false;
            if selected == 0 {
                list.offset = 0;
            }
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

/// While browsing, fetches the next page when the selection nears the end.
fn fetch_more(app: &mut App, store: &dyn Store) {
    let list = &app.visits;
    if list.selected + page_rows(app) < list.rows.len() {
        return;
    }
    if let Some(text) = list.query.clone() {
        if list.more {
            let limit = (list.search_limit * 2).min(SEARCH_LIMIT);
            search(app, store, &text, limit, list.selected);
        }
        return;
    }
    if list.exhausted {
        return;
    }
    let after = list.rows.last().map(VisitCursor::from);
    let more = match app.own_visits_only() {
        Some(code) => store.visits_received_by(code, after, PAGE),
        None => store.visits_newest_first(after, PAGE),
    };
    match more {
        Ok(mut more) => {
            for v in &mut more {
                super::confidential::visit(app, v, store);
            }
            app.visits.exhausted = more.len() < PAGE;
            app.visits.rows.extend(more);
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

/// Moves the selection by `delta` rows and keeps it on screen.
pub(super) fn move_selection(app: &mut App, delta: isize, store: &dyn Store) {
    let len = app.visits.rows.len();
    if len == 0 {
        return;
    }
    let target = (app.visits.selected as isize + delta).clamp(0, len as isize - 1) as usize;
    app.visits.selected = target;
    fetch_more(app, store);
    scroll_into_view(app);
}

pub(super) fn scroll_into_view(app: &mut App) {
    let height = page_rows(app);
    let list = &mut app.visits;
    if list.selected < list.offset {
        list.offset = list.selected;
    } else if list.selected >= list.offset + height {
        list.offset = list.selected + 1 - height;
    }
}

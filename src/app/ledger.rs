//! The evidence log screen (操作日志, F11): every event newest first, a page at a time, read
//! backwards from the store so a log of millions costs one page. Filters by operator, matter
//! number, date range and kind; a page holds only events that pass them.

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::audit::{AuditEvent, AuditKind};
use crate::i18n::{Localize, T};
use crate::store::Store;

use super::action::Command;
use super::field::TextField;
use super::{App, Screen, Tone};

/// Lines of the screen that are not rows: header, filter box (3), table header and borders
/// (3), status line and footer. The view lays out the same.
pub const CHROME_ROWS: u16 = 9;
/// Entries read from the store per request while filling a filtered page.
const CHUNK: usize = 256;
/// Entries a page may read looking for matches, so a filter nothing passes stays quick.
const SCAN_LIMIT: u64 = 100_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterField {
    Operator,
    Matter,
    From,
    To,
    Kind,
}

impl FilterField {
    pub const ALL: [FilterField; 5] = [
        FilterField::Operator,
        FilterField::Matter,
        FilterField::From,
        FilterField::To,
        FilterField::Kind,
    ];
}

#[derive(Clone, Debug)]
pub struct LedgerScreen {
    pub operator: TextField,
    pub matter: TextField,
    pub from: TextField,
    pub to: TextField,
    pub kind: Option<AuditKind>,
    /// The filter field being edited; `None` while moving in the list.
    pub focus: Option<FilterField>,
    /// This page, newest first.
    pub rows: Vec<(u64, AuditEvent)>,
    pub selected: usize,
    /// Where each page shown so far started reading (`None`: the newest), for PgUp.
    starts: Vec<Option<u64>>,
    /// The entry the next (older) page reads before; `None` once the log's start is reached.
    next: Option<u64>,
}

impl Default for LedgerScreen {
    fn default() -> Self {
        LedgerScreen {
            operator: TextField::new(20),
            matter: TextField::new(12),
            from: TextField::new(10),
            to: TextField::new(10),
            kind: None,
            focus: None,
            rows: Vec::new(),
            selected: 0,
            starts: vec![None],
            next: None,
        }
    }
}

impl LedgerScreen {
    pub fn filter_focus(&self) -> bool {
        self.focus.is_some_and(|f| f != FilterField::Kind)
    }

    pub fn page_number(&self) -> usize {
        self.starts.len()
    }

    pub fn has_older(&self) -> bool {
        self.next.is_some()
    }

    fn field(&mut self, f: FilterField) -> Option<&mut TextField> {
        match f {
            FilterField::Operator => Some(&mut self.operator),
            FilterField::Matter => Some(&mut self.matter),
            FilterField::From => Some(&mut self.from),
            FilterField::To => Some(&mut self.to),
            FilterField::Kind => None,
        }
    }
}

/// What an event must be to be listed.
struct Filter {
    operator: String,
    matter: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    kind: Option<AuditKind>,
}

impl Filter {
    fn passes(&self, e: &AuditEvent) -> bool {
        let day = e.at.date();
        (self.operator.is_empty() || e.operator.contains(&self.operator))
            && (self.matter.is_empty() || e.names_matter(&self.matter))
            && self.from.is_none_or(|d| day >= d)
            && self.to.is_none_or(|d| day <= d)
            && self.kind.is_none_or(|k| e.kind == k)
    }
}

fn filter(screen: &LedgerScreen) -> Result<Filter, T> {
    let date = |f: &TextField| {
        let text = f.value().trim();
        if text.is_empty() {
            return Ok(None);
        }
        crate::domain::date::parse_date(text)
            .map(Some)
            .map_err(|_| T::LedgerBadDate)
    };
    let (from, to) = (date(&screen.from)?, date(&screen.to)?);
    // A range that ends before it starts would list nothing without saying why.
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(T::LedgerDatesReversed);
    }
    Ok(Filter {
        operator: screen.operator.value().trim().to_string(),
        matter: screen.matter.value().trim().to_string(),
        from,
        to,
        kind: screen.kind,
    })
}

pub fn page_rows(app: &App) -> usize {
    usize::from(app.size.1.saturating_sub(CHROME_ROWS)).max(1)
}

pub(super) fn open(app: &mut App, store: &dyn Store) {
    app.screen = Screen::Ledger;
    app.details.clear();
    app.ledger.starts = vec![None];
    load_page(app, store);
}

/// Fills the page that starts reading before `starts.last()`.
fn load_page(app: &mut App, store: &dyn Store) {
    let wanted = filter(&app.ledger);
    let filter = match wanted {
        Ok(f) => f,
        Err(key) => {
            let msg = app.t(key).to_string();
            app.say(Tone::Error, msg);
            return;
        }
    };
    let want = page_rows(app);
    let mut before = app.ledger.starts.last().copied().flatten();
    let mut rows = Vec::new();
    let mut scanned = 0u64;
    let next = loop {
        let chunk = match store.audit_log_back(before, CHUNK) {
            Ok(chunk) => chunk,
            Err(e) => {
                let msg = e.localize(app.lang);
                app.say(Tone::Error, msg);
                return;
            }
        };
        let Some(oldest) = chunk.last().map(|(seq, _)| *seq) else {
            break None;
        };
        for (seq, event) in chunk {
            scanned += 1;
            before = Some(seq);
            if filter.passes(&event) {
                rows.push((seq, event));
                if rows.len() == want {
                    break;
                }
            }
        }
        if rows.len() == want {
            break before.filter(|s| *s > 1);
        }
        if oldest <= 1 {
            break None;
        }
        if scanned >= SCAN_LIMIT {
            let msg = app.lang.f(T::LedgerScanned, &[&scanned]);
            app.say(Tone::Info, msg);
            break before;
        }
    };
    app.ledger.rows = rows;
    app.ledger.next = next;
    app.ledger.selected = 0;
}

pub(super) fn command(app: &mut App, c: Command, store: &dyn Store) {
    let screen = &mut app.ledger;
    match (c, screen.focus) {
        (Command::NextField, focus) | (Command::PrevField, focus) => {
            let all = FilterField::ALL;
            let at = focus.and_then(|f| all.iter().position(|x| *x == f));
            screen.focus = match (c, at) {
                (Command::NextField, None) => Some(all[0]),
                (Command::NextField, Some(i)) => all.get(i + 1).copied(),
                (_, None) => all.last().copied(),
                (_, Some(0)) => None,
                (_, Some(i)) => all.get(i - 1).copied(),
            };
        }
        (Command::Open | Command::Save, Some(_)) => {
            screen.focus = None;
            screen.starts = vec![None];
            load_page(app, store);
        }
        (Command::Back, Some(_)) => screen.focus = None,
        (Command::Back, None) => super::session::back_home(app, store),
        (Command::Up, None) => screen.selected = screen.selected.saturating_sub(1),
        (Command::Down, None) => {
            screen.selected = (screen.selected + 1).min(screen.rows.len().saturating_sub(1))
        }
        (Command::PageDown, _) => {
            if let Some(next) = screen.next {
                screen.starts.push(Some(next));
                load_page(app, store);
            }
        }
        (Command::PageUp, _) if screen.starts.len() > 1 => {
            screen.starts.pop();
            load_page(app, store);
        }
        _ => {}
    }
}

pub(super) fn key(app: &mut App, key: KeyEvent, store: &dyn Store) {
    let screen = &mut app.ledger;
    match screen.focus {
        Some(FilterField::Kind) => {
            let step: isize = match key.code {
                KeyCode::Left => -1,
                KeyCode::Right | KeyCode::Char(' ') => 1,
                _ => return,
            };
            // None, then every kind, round.
            let n = AuditKind::ALL.len() as isize + 1;
            let at = screen
                .kind
                .and_then(|k| AuditKind::ALL.iter().position(|x| *x == k))
                .map_or(0, |i| i as isize + 1);
            let to = (at + step).rem_euclid(n);
            screen.kind = usize::try_from(to - 1)
                .ok()
                .and_then(|i| AuditKind::ALL.get(i).copied());
            screen.starts = vec![None];
            load_page(app, store);
        }
        Some(f) => {
            if let Some(field) = screen.field(f) {
                field.handle_key(key);
            }
        }
        None => {}
    }
}

pub(super) fn paste(app: &mut App, text: &str, _store: &dyn Store) {
    if let Some(f) = app.ledger.focus
        && let Some(field) = app.ledger.field(f)
    {
        let _ = field.paste(text);
    }
}

//! The supervisor view (督办总览, Ctrl-G): the desk's figures and the quarter's, computed when
//! the screen opens and again after a change to any matter, never while drawing. The lists of
//! matters on it share one selection, so ↑↓ and Enter reach every matter the screen shows.

use crate::domain::case::CaseId;
use crate::domain::permission::Permission;
use crate::domain::statistics::desk::Desk;
use crate::domain::statistics::period::{Figures, Quarter};
use crate::i18n::Localize;
use crate::i18n::statistics::{QUARTER_TOP, Shown};
use crate::store::Store;
use crate::store::figures::{Rules, overview, period_figures};

use super::{App, Screen, Tone};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Desk,
    Quarter,
}

/// The lists whose rows open a matter, in the order the screen shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Overdue,
    DueSoon,
    Supervision,
    LongTerm,
    Groups,
}

impl List {
    pub const ALL: [List; 5] = [
        List::Overdue,
        List::DueSoon,
        List::Supervision,
        List::LongTerm,
        List::Groups,
    ];
}

#[derive(Clone, Debug, Default)]
pub struct SupervisorScreen {
    pub tab: Tab,
    pub desk: Option<Desk>,
    /// This quarter and the one before.
    pub quarter: Option<(Quarter, Figures, Option<Figures>)>,
    /// Position over every matter row of every list, in `List::ALL` order.
    pub selected: usize,
    /// A matter changed since the figures were computed.
    pub stale: bool,
    /// Rows of the quarter tab scrolled past, on a terminal too short for it.
    pub quarter_scroll: u16,
}

impl SupervisorScreen {
    /// The matters of each list, in order: what the selection walks through.
    pub fn rows(&self) -> Vec<(List, CaseId)> {
        let Some(d) = &self.desk else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for list in List::ALL {
            let ids: Vec<CaseId> = match list {
                List::Overdue => d.overdue.iter().map(|l| l.id).collect(),
                List::DueSoon => d.due_soon.iter().map(|l| l.id).collect(),
                List::Supervision => d.supervision.iter().map(|f| f.line.id).collect(),
                List::LongTerm => d.long_term.iter().map(|l| l.id).collect(),
                List::Groups => d.groups.iter().map(|g| g.case).collect(),
            };
            out.extend(ids.into_iter().map(|id| (list, id)));
        }
        out
    }

    /// Where the selection is: its list and its place within that list.
    pub fn selection(&self) -> Option<(List, usize)> {
        let rows = self.rows();
        let (list, _) = *rows.get(self.selected)?;
        let first = rows.iter().position(|(l, _)| *l == list)?;
        Some((list, self.selected - first))
    }
}

/// Opens the view; supervisors only. The figures are computed here, once.
pub(super) fn open(app: &mut App, store: &dyn Store) {
    if app.refused(Permission::SupervisorView, true) {
        return;
    }
    app.screen = Screen::Supervisor;
    app.details.clear();
    reload(app, store);
}

pub(super) fn reload(app: &mut App, store: &dyn Store) {
    if !app.db_ready() {
        return;
    }
    let today = app.clock.today();
    let rules = Rules {
        today,
        policy: &app.policy,
        calendar: &app.calendar,
    };
    // The quarter the supervisor chose stays chosen when the figures are brought up to date.
    let quarter = app
        .supervisor
        .quarter
        .as_ref()
        .map_or_else(|| Quarter::of(today), |(q, _, _)| *q);
    match overview(store, &rules, quarter) {
        Ok(figures) => {
            let s = &mut app.supervisor;
            (s.desk, s.quarter) = match figures {
                Some(f) => (Some(f.desk), Some((quarter, f.quarter, Some(f.previous)))),
                None => (None, None),
            };
            s.stale = false;
            let count = s.rows().len();
            s.selected = s.selected.min(count.saturating_sub(1));
        }
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

pub(super) fn command(app: &mut App, c: super::Command, store: &dyn Store) {
    use super::Command as C;
    let count = app.supervisor.rows().len();
    let s = &mut app.supervisor;
    match c {
        C::Back => app.screen = Screen::Matters,
        // The render stops the scroll at the last row.
        C::Up if s.tab == Tab::Quarter => s.quarter_scroll = s.quarter_scroll.saturating_sub(1),
        C::Down if s.tab == Tab::Quarter => {
            // At most as far as the tab has lines; the render stops at the last screenful.
            let rows = s.quarter.as_ref().map_or(0, |(_, now, before)| {
                let name = |_| String::new();
                let shown = Shown::Top(QUARTER_TOP);
                crate::i18n::statistics::lines(now, before.as_ref(), &name, shown, app.lang).len()
            });
            let rows = u16::try_from(rows).unwrap_or(u16::MAX);
            s.quarter_scroll = (s.quarter_scroll + 1).min(rows);
        }
        C::Up => s.selected = s.selected.saturating_sub(1),
        C::Down => s.selected = (s.selected + 1).min(count.saturating_sub(1)),
        C::PageUp if s.tab == Tab::Quarter => shift_quarter(app, false, store),
        C::PageDown if s.tab == Tab::Quarter => shift_quarter(app, true, store),
        C::PageUp => s.selected = s.selected.saturating_sub(10),
        C::PageDown => s.selected = (s.selected + 10).min(count.saturating_sub(1)),
        C::NextField | C::PrevField => switch_tab(app),
        C::Open => {
            let chosen = s.rows().get(s.selected).map(|(_, id)| *id);
            if let Some(id) = chosen.filter(|_| s.tab == Tab::Desk) {
                super::matter::open(app, id, store);
            }
        }
        _ => {}
    }
}

/// PgUp/PgDn on the quarter tab: the quarter before or after, up to the current one, beside
/// the quarter before it. Only the two quarters are computed, not the desk.
fn shift_quarter(app: &mut App, later: bool, store: &dyn Store) {
    let Some((shown, _, _)) = app.supervisor.quarter else {
        return;
    };
    let today = app.clock.today();
    let wanted = if later {
        shown.next()
    } else {
        shown.previous()
    };
    if wanted > Quarter::of(today) {
        return;
    }
    let (Some(now), Some(before)) = (wanted.range(), wanted.previous().range()) else {
        return;
    };
    let rules = Rules {
        today,
        policy: &app.policy,
        calendar: &app.calendar,
    };
    let figures = period_figures(store, now, &rules)
        .and_then(|f| Ok((f, period_figures(store, before, &rules)?)));
    match figures {
        Ok((f, previous)) => app.supervisor.quarter = Some((wanted, f, Some(previous))),
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

pub(super) fn switch_tab(app: &mut App) {
    let s = &mut app.supervisor;
    s.tab = match s.tab {
        Tab::Desk => Tab::Quarter,
        Tab::Quarter => Tab::Desk,
    };
    s.quarter_scroll = 0;
}

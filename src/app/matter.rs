//! One matter in full: its facts, petitioner, visits, the five ones (五个一), the clock of its
//! current stage and the ledger. Actions on it live in `matter_action`.

use crate::domain::case::CaseId;
use crate::domain::matter::Matter;
use crate::domain::organisation::LeaderId;
use crate::domain::petitioner::Petitioner;
use crate::domain::visit::Visit;
use crate::i18n::Localize;
use crate::store::Store;

use super::action::Command;
use super::matter_action::{ActionDialog, ActionMenu};
use super::{App, Screen, Tone};

#[derive(Clone, Debug)]
pub struct MatterView {
    pub matter: Matter,
    pub petitioner: Option<Petitioner>,
    /// Oldest first, each with the leader who received it, if any.
    pub visits: Vec<(Visit, Option<LeaderId>)>,
    /// First ledger entry shown; the ledger reads in time order, oldest first.
    pub ledger_offset: usize,
    pub menu: Option<ActionMenu>,
    pub dialog: Option<ActionDialog>,
    /// Sessions the matter's petitioner is booked into (约访): date, slot, leader.
    pub appointments: Vec<(chrono::NaiveDate, chrono::NaiveTime, LeaderId)>,
}

impl MatterView {
    pub fn id(&self) -> CaseId {
        self.matter.case.id
    }

    /// A matter as it now is; the view keeps its place in the ledger.
    pub fn replace(&mut self, matter: Matter) {
        self.matter = matter;
        self.menu = None;
        self.dialog = None;
    }
}

pub(super) fn load(
    app: &App,
    id: CaseId,
    store: &dyn Store,
) -> crate::store::Result<Option<MatterView>> {
    let Some(mut matter) = store.matter(id)? else {
        return Ok(None);
    };
    let hidden = super::confidential::matter(app, &mut matter);
    let petitioner = if hidden {
        None
    } else {
        store.petitioner(matter.case.petitioner_id)?
    };
    let mut visits = Vec::new();
    for mut v in store.visits_of_case(id)? {
        let leader = store.receiving_leader(v.id)?;
        super::confidential::visit(app, &mut v, store);
        visits.push((v, leader));
    }
    let appointments = store
        .appointments_of_matter(id)?
        .into_iter()
        .map(|(s, a)| (s.plan.date, a.slot, s.plan.leader))
        .collect();
    Ok(Some(MatterView {
        appointments,
        matter,
        petitioner,
        visits,
        ledger_offset: 0,
        menu: None,
        dialog: None,
    }))
}

/// Opens a matter's screen; Esc comes back to where the clerk was.
pub(super) fn open(app: &mut App, id: CaseId, store: &dyn Store) {
    match load(app, id, store) {
        Ok(Some(view)) => {
            app.matter_back = app.screen;
            app.matter = Some(view);
            app.screen = Screen::Matter;
        }
        Ok(None) => {}
        Err(e) => {
            let msg = e.localize(app.lang);
            app.say(Tone::Error, msg);
        }
    }
}

/// Scrolls the ledger; the view keeps the last page full.
pub(super) fn scroll(app: &mut App, delta: isize) {
    if let Some(v) = app.matter.as_mut() {
        let len = v.matter.ledger.len();
        if len > 0 {
            v.ledger_offset =
                (v.ledger_offset as isize + delta).clamp(0, len as isize - 1) as usize;
        }
    }
}

/// The matter screen's commands: the action dialog or menu, when open, takes them first.
pub(super) fn command(app: &mut App, c: Command, store: &dyn Store) {
    let Some(view) = app.matter.as_ref() else {
        app.screen = Screen::Matters;
        return;
    };
    if view.dialog.is_some() {
        match c {
            Command::Back => super::matter_action::back(app),
            Command::NextField | Command::Down => super::matter_action::focus(app, true),
            Command::PrevField | Command::Up => super::matter_action::focus(app, false),
            Command::Open => super::matter_action::enter(app, store),
            Command::Save => super::matter_action::submit(app, store),
            _ => {}
        }
        return;
    }
    if view.menu.is_some() {
        match c {
            Command::Back | Command::Menu => super::matter_action::back(app),
            Command::Up | Command::PrevField => super::matter_action::menu_move(app, -1),
            Command::Down | Command::NextField => super::matter_action::menu_move(app, 1),
            Command::Open => super::matter_action::choose(app),
            _ => {}
        }
        return;
    }
    match c {
        Command::Back => {
            app.screen = app.matter_back;
            if app.screen == Screen::Matters && app.matters.stale {
                super::matters::reload(app, store);
            }
            if app.screen == Screen::Supervisor && app.supervisor.stale {
                super::supervisor::reload(app, store);
            }
            if app.screen == Screen::Detail && app.details.is_empty() {
                app.screen = Screen::Matters;
            }
        }
        Command::Up => scroll(app, -1),
        Command::Down => scroll(app, 1),
        Command::PageUp => scroll(app, -10),
        Command::PageDown => scroll(app, 10),
        Command::Menu | Command::Open => super::matter_action::open_menu(app),
        _ => {}
    }
}

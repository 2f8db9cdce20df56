//! One matter in full: its facts, petitioner, visits, the five ones (五个一), the clock of its
//! current stage and the ledger. Actions on it live in `matter_action`.

use crate::domain::case::CaseId;
use crate::domain::matter::Matter;
use crate::domain::organisation::LeaderId;
use crate::domain::petitioner::Petitioner;
use crate::domain::visit::Visit;
use crate::i18n::Localize;
use crate::store::Store;

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

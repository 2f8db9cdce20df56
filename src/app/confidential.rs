//! Accusations (检举控告类) are confidential (条例 art. 30): only supervisors and the secretary
//! of the responsible leader read them. Everyone else still sees that such a matter exists (its
//! number, state and deadline), never who brought it or what it says. The data is blanked as it
//! is loaded, so no view can show it by mistake.

use crate::domain::matter::Matter;
use crate::domain::organisation::LeaderId;
use crate::domain::pending::MatterRow;
use crate::domain::permission::may_read;
use crate::domain::petitioner::Person;
use crate::domain::visit::{Kind, Visit};
use crate::i18n::T;
use crate::store::Store;

use super::App;

impl App {
    /// Whether the signed-in operator may read a matter of `kind` held by `responsible`.
    pub fn may_read(&self, kind: Kind, responsible: Option<LeaderId>) -> bool {
        match &self.session {
            Some(s) => may_read(s.role, s.leader, kind, responsible),
            None => kind != Kind::Accusation,
        }
    }
}

/// The person as others see them: nothing but the placeholder.
fn hidden_person(app: &App) -> Person {
    Person {
        name: app.t(T::Confidential).to_string(),
        ..Person::default()
    }
}

pub(super) fn row(app: &App, row: &mut MatterRow) {
    if !app.may_read(row.kind, row.responsible) {
        row.petitioner = app.t(T::Confidential).to_string();
    }
}

/// Blanks a visit the operator may not read; `store` answers who holds its matter.
pub(super) fn visit(app: &App, v: &mut Visit, store: &dyn Store) -> bool {
    if v.kind != Kind::Accusation {
        return false;
    }
    let responsible = store
        .matter(v.case_id)
        .ok()
        .flatten()
        .and_then(|m| m.package.responsible);
    if app.may_read(v.kind, responsible) {
        return false;
    }
    v.petitioner = hidden_person(app);
    v.co_petitioners.clear();
    v.summary = app.t(T::Confidential).to_string();
    true
}

/// Blanks a matter the operator may not read: the summary and the ledger's notes; the caller
/// drops the petitioner.
pub(super) fn matter(app: &App, m: &mut Matter) -> bool {
    if app.may_read(m.case.kind, m.package.responsible) {
        return false;
    }
    m.case.summary = app.t(T::ConfidentialMatter).to_string();
    for e in &mut m.ledger {
        e.note.clear();
    }
    true
}

//! Accusations (检举控告类) on screen: what a reader who may not read one sees is blanked as it
//! is loaded, so no view can show it by mistake. Who may read is `domain::permission::may_read`,
//! what is blanked is `domain::confidential`; the exported ledger uses the same two.

use crate::domain::case::Case;
use crate::domain::confidential;
use crate::domain::matter::Matter;
use crate::domain::organisation::LeaderId;
use crate::domain::pending::MatterRow;
use crate::domain::permission::may_read;
use crate::domain::visit::{Kind, Visit};
use crate::i18n::T;
use crate::store::Store;

use super::{App, Tone};

impl App {
    /// Whether the signed-in operator may read a matter of `kind` held by `responsible`.
    pub fn may_read(&self, kind: Kind, responsible: Option<LeaderId>) -> bool {
        match &self.session {
            Some(s) => may_read(s.role, s.leader, kind, responsible),
            None => kind != Kind::Accusation,
        }
    }
}

pub(super) fn row(app: &App, row: &mut MatterRow) {
    if !app.may_read(row.kind, row.responsible) {
        confidential::row(row, app.lang.veil());
    }
}

/// Blanks a matter's record the operator may not read; true when it did.
pub(super) fn case(app: &App, c: &mut Case, responsible: Option<LeaderId>) -> bool {
    if app.may_read(c.kind, responsible) {
        return false;
    }
    confidential::case(c, app.lang.veil());
    true
}

/// Blanks a visit the operator may not read; `store` answers who holds its matter.
pub(super) fn visit(app: &App, v: &mut Visit, store: &dyn Store) -> bool {
    if v.kind != Kind::Accusation {
        return false;
    }
    let responsible = store.responsible_leader(v.case_id).ok().flatten();
    if app.may_read(v.kind, responsible) {
        return false;
    }
    confidential::visit(v, app.lang.veil());
    true
}

/// Blanks a matter the operator may not read; the caller drops the petitioner.
pub(super) fn matter(app: &App, m: &mut Matter) -> bool {
    if app.may_read(m.case.kind, m.package.responsible) {
        return false;
    }
    confidential::matter(m, app.lang.veil());
    true
}

/// Whoever may not read a matter may not act on it either: what they would type (a plan, an
/// answer) would be about a content they cannot see. True when refused, and said.
pub(super) fn refused(app: &mut App) -> bool {
    let Some(m) = app.matter.as_ref().map(|v| &v.matter) else {
        return false;
    };
    if app.may_read(m.case.kind, m.package.responsible) {
        return false;
    }
    let msg = app.t(T::ConfidentialRefused).to_string();
    app.say(Tone::Error, msg);
    true
}

//! A row's standing in the office's old ledger: the matter's state (状态), its responsible
//! leader (包案领导) and its lead department (责任单位), named as the ledger names them.
//!
//! They are given to each matter just after the visits are written: the leader as the
//! leadership's appointment of a matter nobody holds, the state and department as one ledger
//! entry saying they came from the old ledger (`Matter::import_state`). A run cut between the
//! two writes is finished by importing the file again, which also gives rows imported before
//! without these columns their standing.

use std::io::Write;

use crate::domain::case::CaseId;
use crate::domain::ledger::Stamp;
use crate::domain::lifecycle::CaseState;
use crate::domain::matter::{MatterChange, MatterError};
use crate::domain::organisation::{Department, DepartmentId, Leader, LeaderId};
use crate::domain::text::tidy;
use crate::i18n::{Lang, Localize, T};
use crate::store::{Registered, Store, StoreError};

use super::{CheckedLedger, LedgerColumn as C, LedgerProblem, Problems, label_of};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    pub state: CaseState,
    pub leader: Option<LeaderId>,
    pub department: Option<DepartmentId>,
}

impl Standing {
    /// A registered matter nobody holds: what every imported row is anyway.
    pub fn is_plain(&self) -> bool {
        *self == Standing::default()
    }
}

/// A row whose matter takes a standing from the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Imported {
    /// A good row, by its Excel row number: its matter exists once the visits are written.
    Row(usize),
    /// A row in the database from an earlier run.
    Known(CaseId),
}

/// The leaders and departments the names are looked up in, retired ones too: an old ledger
/// names who held a matter then.
pub(super) struct Org {
    leaders: Vec<Leader>,
    departments: Vec<Department>,
}

impl Org {
    pub(super) fn of(store: &dyn Store) -> crate::store::Result<Org> {
        Ok(Org {
            leaders: store.leaders()?,
            departments: store.departments()?,
        })
    }
}

pub(super) fn read(cell: &dyn Fn(C) -> String, org: &Org) -> Result<Standing, Problems> {
    let mut problems = Problems::new();
    let state =
        label_of(&cell(C::State), &CaseState::ALL, CaseState::Registered).unwrap_or_else(|| {
            problems.push((Some(C::State), LedgerProblem::UnknownState(cell(C::State))));
            CaseState::Registered
        });
    let leader = tidy(&cell(C::Leader));
    let leader = (!leader.is_empty()).then(|| {
        let found = org.leaders.iter().find(|l| l.name == leader).map(|l| l.id);
        if found.is_none() {
            problems.push((Some(C::Leader), LedgerProblem::UnknownLeader(leader)));
        }
        found
    });
    let department = tidy(&cell(C::Department));
    let department = (!department.is_empty()).then(|| {
        let found = org
            .departments
            .iter()
            .find(|d| d.name == department)
            .map(|d| d.id);
        if found.is_none() {
            problems.push((
                Some(C::Department),
                LedgerProblem::UnknownDepartment(department),
            ));
        }
        found
    });
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Standing {
        state,
        leader: leader.flatten(),
        department: department.flatten(),
    })
}

/// Gives each matter its row's standing: the new ones, and those of rows imported before. A
/// matter worked on since, or held by a leader already, keeps what the desk has.
pub(super) fn settle(
    store: &dyn Store,
    checked: &CheckedLedger,
    registered: &[Registered],
    stamp: &Stamp,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), String> {
    let case_of_row = |row: usize| {
        let i = checked.good.iter().position(|(r, _)| *r == row)?;
        registered.get(i).map(|r| r.case.id)
    };
    let mut given = 0;
    for (which, standing) in &checked.standings {
        let case = match which {
            Imported::Row(row) => case_of_row(*row),
            Imported::Known(case) => Some(*case),
        };
        let Some(matter) = case
            .map(|c| store.matter(c))
            .transpose()
            .map_err(|e| e.localize(lang))?
            .flatten()
        else {
            continue;
        };
        let mut changes = Vec::new();
        if let Some(leader) = standing.leader
            && matter.package.responsible.is_none()
        {
            changes.push(MatterChange::Appoint {
                leader,
                note: String::new(),
            });
        }
        let department = standing.department.or(matter.package.department);
        if standing.state != matter.case.state || department != matter.package.department {
            changes.push(MatterChange::Import {
                state: standing.state,
                department: standing.department,
            });
        }
        let mut changed = false;
        for change in changes {
            match store.change_matter(matter.case.id, &change, stamp) {
                Ok(_) => changed = true,
                Err(StoreError::Matter(MatterError::ImportAfterWork)) => {}
                Err(e) => return Err(e.localize(lang)),
            }
        }
        given += usize::from(changed);
    }
    if given > 0 {
        writeln!(out, "{}", lang.f(T::LedgerImportStates, &[&given])).map_err(|e| e.to_string())?;
    }
    Ok(())
}

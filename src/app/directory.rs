//! The office's leaders and departments as the screens need them: names for ids, and the active
//! ones to choose from. Loaded when the database opens and again after a change, never per frame.

use crate::domain::organisation::{Department, DepartmentId, Leader, LeaderId};
use crate::store::Store;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Directory {
    pub leaders: Vec<Leader>,
    pub departments: Vec<Department>,
}

impl Directory {
    pub fn load(store: &dyn Store) -> crate::store::Result<Directory> {
        Ok(Directory {
            leaders: store.leaders()?,
            departments: store.departments()?,
        })
    }

    pub fn leader(&self, id: LeaderId) -> Option<&Leader> {
        self.leaders.iter().find(|l| l.id == id)
    }

    pub fn department(&self, id: DepartmentId) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    /// A leader's name, or `#id` for one the directory does not know (never blank, so a ledger
    /// line still says who).
    pub fn leader_name(&self, id: LeaderId) -> String {
        self.leader(id)
            .map_or_else(|| format!("#{}", id.0), |l| l.name.clone())
    }

    pub fn department_name(&self, id: DepartmentId) -> String {
        self.department(id)
            .map_or_else(|| format!("#{}", id.0), |d| d.name.clone())
    }

    pub fn active_leaders(&self) -> impl Iterator<Item = &Leader> {
        self.leaders.iter().filter(|l| l.active)
    }

    pub fn active_departments(&self) -> impl Iterator<Item = &Department> {
        self.departments.iter().filter(|d| d.active)
    }
}

impl crate::i18n::ledger::Names for Directory {
    fn leader_name(&self, id: LeaderId) -> String {
        Directory::leader_name(self, id)
    }

    fn department_name(&self, id: DepartmentId) -> String {
        Directory::department_name(self, id)
    }
}

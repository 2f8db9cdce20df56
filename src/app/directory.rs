//! The office's leaders and departments as the screens need them: names for ids, and the active
//! ones to choose from. A view of the lists the leaders-and-departments screen keeps (loaded
//! when the database opens and after every change), so there is one copy.

use crate::domain::organisation::{Department, DepartmentId, Leader, LeaderId};

#[derive(Clone, Copy, Debug)]
pub struct Directory<'a> {
    pub leaders: &'a [Leader],
    pub departments: &'a [Department],
}

impl<'a> Directory<'a> {
    pub fn leader(&self, id: LeaderId) -> Option<&'a Leader> {
        self.leaders.iter().find(|l| l.id == id)
    }

    pub fn department(&self, id: DepartmentId) -> Option<&'a Department> {
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

    pub fn active_leaders(&self) -> impl Iterator<Item = &'a Leader> + use<'a> {
        self.leaders.iter().filter(|l| l.active)
    }

    pub fn active_departments(&self) -> impl Iterator<Item = &'a Department> + use<'a> {
        self.departments.iter().filter(|d| d.active)
    }
}

impl crate::i18n::ledger::Names for Directory<'_> {
    fn leader_name(&self, id: LeaderId) -> String {
        Directory::leader_name(self, id)
    }

    fn department_name(&self, id: DepartmentId) -> String {
        Directory::department_name(self, id)
    }
}

//! What the stores share about leaders and departments: one set of rules for both kinds of
//! record, so adding, editing, retiring and deleting behave alike in memory and on disk.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::domain::organisation::{
    Department, DepartmentId, Leader, LeaderId, Named, NewDepartment, NewLeader, OrgError,
};

use super::RecordRef;

/// A leader or a department, as the stores handle them.
pub(crate) trait OrgRecord: Clone + Serialize + DeserializeOwned {
    /// The record as added or edited.
    type New;
    type Id: Copy + Ord;

    fn id(&self) -> Self::Id;
    fn raw(id: Self::Id) -> u64;
    fn name(&self) -> &str;
    fn active(&self) -> bool;
    fn set_active(&mut self, active: bool);
    fn record(id: u64) -> RecordRef;
    /// Tidies and checks what was typed.
    fn check(new: &Self::New) -> Result<Self::New, OrgError>;
    fn new_name(new: &Self::New) -> &str;
    /// A new, active record.
    fn build(id: u64, new: &Self::New) -> Self;
    fn edit(&self, new: &Self::New) -> Self;
    /// Whether a matter naming `named` refers to this record.
    fn named_in(id: Self::Id, named: &Named) -> bool;
}

impl OrgRecord for Leader {
    type New = NewLeader;
    type Id = LeaderId;

    fn id(&self) -> LeaderId {
        self.id
    }
    fn raw(id: LeaderId) -> u64 {
        id.0
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn active(&self) -> bool {
        self.active
    }
    fn set_active(&mut self, active: bool) {
        self.active = active;
    }
    fn record(id: u64) -> RecordRef {
        RecordRef::Leader(id)
    }
    fn check(new: &NewLeader) -> Result<NewLeader, OrgError> {
        new.checked()
    }
    fn new_name(new: &NewLeader) -> &str {
        &new.name
    }
    fn build(id: u64, new: &NewLeader) -> Leader {
        Leader {
            id: LeaderId(id),
            name: new.name.clone(),
            title: new.title.clone(),
            portfolio: new.portfolio.clone(),
            active: true,
        }
    }
    fn edit(&self, new: &NewLeader) -> Leader {
        self.edited(new)
    }
    fn named_in(id: LeaderId, named: &Named) -> bool {
        named.leaders.contains(&id)
    }
}

impl OrgRecord for Department {
    type New = NewDepartment;
    type Id = DepartmentId;

    fn id(&self) -> DepartmentId {
        self.id
    }
    fn raw(id: DepartmentId) -> u64 {
        id.0
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn active(&self) -> bool {
        self.active
    }
    fn set_active(&mut self, active: bool) {
        self.active = active;
    }
    fn record(id: u64) -> RecordRef {
        RecordRef::Department(id)
    }
    fn check(new: &NewDepartment) -> Result<NewDepartment, OrgError> {
        new.checked()
    }
    fn new_name(new: &NewDepartment) -> &str {
        &new.name
    }
    fn build(id: u64, new: &NewDepartment) -> Department {
        Department {
            id: DepartmentId(id),
            name: new.name.clone(),
            contact: new.contact.clone(),
            phone: new.phone.clone(),
            active: true,
        }
    }
    fn edit(&self, new: &NewDepartment) -> Department {
        self.edited(new)
    }
    fn named_in(id: DepartmentId, named: &Named) -> bool {
        named.departments.contains(&id)
    }
}

//! Leaders who receive petitioners and the departments that handle matters (承办单位).

use serde::{Deserialize, Serialize};

use super::phone::Phone;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LeaderId(pub u64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DepartmentId(pub u64);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leader {
    pub id: LeaderId,
    pub name: String,
    /// 职务, e.g. 副县长.
    pub title: String,
    /// 分管工作, e.g. 自然资源、农业农村.
    pub portfolio: String,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    pub id: DepartmentId,
    pub name: String,
    pub contact: String,
    pub phone: Option<Phone>,
    pub active: bool,
}

/// A leader or department before the store has given it an id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewLeader {
    pub name: String,
    pub title: String,
    pub portfolio: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewDepartment {
    pub name: String,
    pub contact: String,
    pub phone: Option<Phone>,
}

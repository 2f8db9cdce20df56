//! Leaders who receive petitioners and the departments that handle matters (承办单位): what a
//! record must hold, and which leaders and departments a matter names, so none is deleted while
//! a matter still points at it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::ledger::{EventKind, LedgerEvent};
use super::lifecycle::Move;
use super::matter::Package;
use super::phone::Phone;
use super::text::tidy;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct LeaderId(pub u64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DepartmentId(pub u64);

/// Stored: its layout must not change without a new codec format version.
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

/// Stored: its layout must not change without a new codec format version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    pub id: DepartmentId,
    pub name: String,
    pub contact: String,
    pub phone: Option<Phone>,
    pub active: bool,
}

/// A leader as added or edited, before the store has given it an id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewLeader {
    pub name: String,
    pub title: String,
    pub portfolio: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewDepartment {
    pub name: String,
    pub contact: String,
    pub phone: Option<Phone>,
}

/// Lengths that fit a reception notice and a list column; a longer text is a paste gone wrong.
pub const NAME_MAX_CHARS: usize = 40;
pub const TITLE_MAX_CHARS: usize = 40;
pub const PORTFOLIO_MAX_CHARS: usize = 200;
pub const CONTACT_MAX_CHARS: usize = 30;

/// The parts of a leader or department record, to say which one is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OrgField {
    Name,
    Title,
    Portfolio,
    Contact,
    Phone,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OrgError {
    #[error("the name is required")]
    NameRequired,
    #[error("{field:?} is longer than {max} characters")]
    TooLong { field: OrgField, max: usize },
    /// Two active leaders (or departments) of one name could not be told apart in a picker.
    #[error("an active record is already named {name}")]
    DuplicateName { name: String },
}

impl OrgError {
    pub fn field(&self) -> OrgField {
        match self {
            OrgError::NameRequired | OrgError::DuplicateName { .. } => OrgField::Name,
            OrgError::TooLong { field, .. } => *field,
        }
    }
}

fn checked(text: &str, field: OrgField, max: usize) -> Result<String, OrgError> {
    let text = tidy(text);
    if text.chars().count() > max {
        return Err(OrgError::TooLong { field, max });
    }
    Ok(text)
}

fn checked_name(name: &str) -> Result<String, OrgError> {
    let name = checked(name, OrgField::Name, NAME_MAX_CHARS)?;
    if name.is_empty() {
        return Err(OrgError::NameRequired);
    }
    Ok(name)
}

impl NewLeader {
    /// The record as it will be kept: whitespace tidied, the name required, lengths checked.
    pub fn checked(&self) -> Result<NewLeader, OrgError> {
        Ok(NewLeader {
            name: checked_name(&self.name)?,
            title: checked(&self.title, OrgField::Title, TITLE_MAX_CHARS)?,
            portfolio: checked(&self.portfolio, OrgField::Portfolio, PORTFOLIO_MAX_CHARS)?,
        })
    }
}

impl NewDepartment {
    pub fn checked(&self) -> Result<NewDepartment, OrgError> {
        Ok(NewDepartment {
            name: checked_name(&self.name)?,
            contact: checked(&self.contact, OrgField::Contact, CONTACT_MAX_CHARS)?,
            phone: self.phone.clone(),
        })
    }
}

impl Leader {
    /// The record with `edit`'s fields; id and active flag stay.
    pub fn edited(&self, edit: &NewLeader) -> Leader {
        Leader {
            id: self.id,
            name: edit.name.clone(),
            title: edit.title.clone(),
            portfolio: edit.portfolio.clone(),
            active: self.active,
        }
    }

    pub fn as_new(&self) -> NewLeader {
        NewLeader {
            name: self.name.clone(),
            title: self.title.clone(),
            portfolio: self.portfolio.clone(),
        }
    }
}

impl Department {
    pub fn edited(&self, edit: &NewDepartment) -> Department {
        Department {
            id: self.id,
            name: edit.name.clone(),
            contact: edit.contact.clone(),
            phone: edit.phone.clone(),
            active: self.active,
        }
    }

    pub fn as_new(&self) -> NewDepartment {
        NewDepartment {
            name: self.name.clone(),
            contact: self.contact.clone(),
            phone: self.phone.clone(),
        }
    }
}

/// Whether `name` would be a second active record of that name. `except` is the record being
/// edited or reactivated, which may keep its own name.
pub fn duplicate_name<'a, I: PartialEq>(
    name: &str,
    except: Option<I>,
    active: impl IntoIterator<Item = (I, &'a str)>,
) -> bool {
    let name = tidy(name);
    active
        .into_iter()
        .any(|(id, other)| Some(&id) != except.as_ref() && tidy(other) == name)
}

/// The leaders and departments a matter names, in its package or anywhere in its ledger: the
/// receiving leaders of its visits, every holder of its package, every department it was
/// assigned to or reminded. A record named here must not be deleted, or the ledger would point
/// at nobody. A ledger only grows, so a matter never stops naming someone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Named {
    pub leaders: BTreeSet<LeaderId>,
    pub departments: BTreeSet<DepartmentId>,
}

impl Named {
    pub fn of(package: &Package, events: &[LedgerEvent]) -> Named {
        let mut named = Named::default();
        named.leaders.extend(package.responsible);
        named.departments.extend(package.department);
        named
            .departments
            .extend(package.co_departments.iter().copied());
        for event in events {
            named.note(&event.what);
        }
        named
    }

    fn note(&mut self, what: &EventKind) {
        match what {
            EventKind::ResponsibilitySet { leader, .. } => {
                self.leaders.insert(*leader);
            }
            EventKind::ResponsibilityKept {
                holder, receiving, ..
            } => {
                self.leaders.extend([*holder, *receiving]);
            }
            EventKind::ResponsibilityTransferred { from, to, .. } => {
                self.leaders.extend([*from, *to]);
            }
            EventKind::Moved {
                step:
                    Move::Assign {
                        department,
                        co_departments,
                    },
                ..
            } => {
                self.departments.insert(*department);
                self.departments.extend(co_departments.iter().copied());
            }
            EventKind::Reminded { department } | EventKind::Supervised { department, .. } => {
                self.departments.extend(*department);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ledger::Stamp;
    use crate::domain::visit::VisitId;

    #[test]
    fn a_leader_needs_a_name_and_is_kept_tidied() {
        let typed = NewLeader {
            name: "  王　红 ".into(),
            title: " 副县长".into(),
            portfolio: "自然资源、\n农业农村".into(),
        };
        let kept = typed.checked().unwrap();
        assert_eq!(kept.name, "王 红");
        assert_eq!(kept.title, "副县长");
        assert_eq!(kept.portfolio, "自然资源、 农业农村");
        let blank = NewLeader {
            name: "　".into(),
            ..NewLeader::default()
        };
        assert_eq!(blank.checked(), Err(OrgError::NameRequired));
        let long = NewDepartment {
            name: "县".repeat(NAME_MAX_CHARS + 1),
            ..NewDepartment::default()
        };
        let err = long.checked().unwrap_err();
        assert_eq!(err.field(), OrgField::Name);
    }

    #[test]
    fn a_duplicate_is_another_active_record_of_the_same_name() {
        let names = [(1, "王红"), (2, "李明")];
        let active = || names.iter().map(|(id, n)| (*id, *n));
        assert!(duplicate_name(" 王红 ", None, active()));
        assert!(!duplicate_name("王红", Some(1), active()));
        assert!(!duplicate_name("张伟", None, active()));
    }

    #[test]
    fn a_matter_names_its_holders_receivers_and_departments_for_good() {
        let stamp = Stamp::new(chrono::NaiveDateTime::default(), "李文");
        let event = |what| LedgerEvent::new(&stamp, what, "");
        let package = Package {
            responsible: Some(LeaderId(3)),
            department: Some(DepartmentId(8)),
            ..Package::default()
        };
        let events = [
            event(EventKind::ResponsibilityKept {
                holder: LeaderId(1),
                receiving: LeaderId(2),
                visit: VisitId(5),
            }),
            event(EventKind::ResponsibilityTransferred {
                from: LeaderId(1),
                to: LeaderId(3),
                reason: "分管调整".into(),
                approved_by: "局长".into(),
            }),
            event(EventKind::Moved {
                from: crate::domain::lifecycle::CaseState::Accepted,
                to: crate::domain::lifecycle::CaseState::Assigned,
                step: Move::Assign {
                    department: DepartmentId(7),
                    co_departments: vec![DepartmentId(9)],
                },
            }),
        ];
        let named = Named::of(&package, &events);
        assert_eq!(
            named.leaders,
            BTreeSet::from([LeaderId(1), LeaderId(2), LeaderId(3)])
        );
        assert_eq!(
            named.departments,
            BTreeSet::from([DepartmentId(7), DepartmentId(8), DepartmentId(9)])
        );
    }
}

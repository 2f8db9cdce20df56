//! What the stores share about operators: the one place that decides whether a change may be
//! stored, so memory and disk refuse the same things.

use crate::domain::operator::{NewOperator, Operator, OperatorChange, OperatorError, OperatorId};
use crate::domain::permission::Role;

use super::{RecordRef, Result, StoreError};

/// The new operator as stored, or why not: `all` are the operators there are now.
pub(crate) fn check_new(all: &[Operator], new: &NewOperator) -> Result<NewOperator> {
    let new = new.checked()?;
    if all.iter().any(|o| o.code == new.code) {
        return Err(OperatorError::DuplicateCode { code: new.code }.into());
    }
    Ok(new)
}

/// The operator after `change`, checked against the others.
pub(crate) fn apply(all: &[Operator], id: OperatorId, change: &OperatorChange) -> Result<Operator> {
    let old = all
        .iter()
        .find(|o| o.id == id)
        .ok_or(StoreError::NotFound(RecordRef::Operator(id.0)))?;
    let other_admins = all
        .iter()
        .filter(|o| o.id != id && o.active && o.role == Role::Administrator)
        .count();
    Ok(old.changed(change, other_admins)?)
}

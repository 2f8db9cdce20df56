//! Leaders and departments in memory: the same rules as on disk, checked by brute force.

use std::collections::BTreeMap;

use crate::domain::audit::subject;
use crate::domain::evidence::{OrgAct, org_changed};
use crate::domain::ledger::Stamp;
use crate::domain::organisation::{
    Department, DepartmentId, Leader, LeaderId, Named, OrgError, duplicate_name,
};
use crate::store::org::OrgRecord;
use crate::store::{Result, StoreError};

use super::Inner;

/// Where `Inner` keeps one kind of record.
pub(super) trait Kept: OrgRecord {
    /// How the evidence log names this kind of record (`audit::subject`).
    const SUBJECT: &'static str;
    fn map(inner: &mut Inner) -> &mut BTreeMap<Self::Id, Self>;
}

impl Kept for Leader {
    const SUBJECT: &'static str = subject::LEADER;
    fn map(inner: &mut Inner) -> &mut BTreeMap<LeaderId, Leader> {
        &mut inner.leaders
    }
}

impl Kept for Department {
    const SUBJECT: &'static str = subject::DEPARTMENT;
    fn map(inner: &mut Inner) -> &mut BTreeMap<DepartmentId, Department> {
        &mut inner.departments
    }
}

fn refuse_duplicate<R: Kept>(
    records: &BTreeMap<R::Id, R>,
    name: &str,
    except: Option<R::Id>,
) -> Result<()> {
    let active = records
        .values()
        .filter(|r| r.active())
        .map(|r| (r.id(), r.name()));
    if duplicate_name(name, except, active) {
        return Err(OrgError::DuplicateName {
            name: name.to_string(),
        }
        .into());
    }
    Ok(())
}

fn get<R: Kept>(inner: &mut Inner, id: R::Id) -> Result<R> {
    R::map(inner)
        .get(&id)
        .cloned()
        .ok_or(StoreError::NotFound(R::record(R::raw(id))))
}

/// All or nothing: the batch is built on a copy that replaces the store's only when every
/// record passed.
fn record_event<R: Kept>(inner: &mut Inner, act: OrgAct, record: &R, stamp: &Stamp) -> Result<()> {
    let raw = R::raw(record.id());
    inner
        .append_audit(org_changed(act, R::SUBJECT, raw, record.name(), stamp))
        .map(drop)
}

pub(super) fn add<R: Kept>(inner: &mut Inner, news: &[R::New], stamp: &Stamp) -> Result<Vec<R>> {
    let mut work = inner.clone();
    let mut added = Vec::with_capacity(news.len());
    for new in news {
        let new = R::check(new)?;
        refuse_duplicate(R::map(&mut work), R::new_name(&new), None)?;
        let record = R::build(work.next_id(), &new);
        R::map(&mut work).insert(record.id(), record.clone());
        record_event(&mut work, OrgAct::Added, &record, stamp)?;
        added.push(record);
    }
    *inner = work;
    Ok(added)
}

pub(super) fn edit<R: Kept>(
    inner: &mut Inner,
    id: R::Id,
    edit: &R::New,
    stamp: &Stamp,
) -> Result<R> {
    let old = get::<R>(inner, id)?;
    let edit = R::check(edit)?;
    if old.active() {
        refuse_duplicate(R::map(inner), R::new_name(&edit), Some(id))?;
    }
    let new = old.edit(&edit);
    R::map(inner).insert(id, new.clone());
    record_event(inner, OrgAct::Edited, &new, stamp)?;
    Ok(new)
}

pub(super) fn set_active<R: Kept>(
    inner: &mut Inner,
    id: R::Id,
    active: bool,
    stamp: &Stamp,
) -> Result<R> {
    let mut record = get::<R>(inner, id)?;
    if record.active() == active {
        return Ok(record);
    }
    if active {
        refuse_duplicate(R::map(inner), record.name(), Some(id))?;
    }
    record.set_active(active);
    R::map(inner).insert(id, record.clone());
    let act = if active {
        OrgAct::Activated
    } else {
        OrgAct::Deactivated
    };
    record_event(inner, act, &record, stamp)?;
    Ok(record)
}

pub(super) fn delete<R: Kept>(inner: &mut Inner, id: R::Id, stamp: &Stamp) -> Result<()> {
    let record = get::<R>(inner, id)?;
    let matters = inner
        .cases
        .keys()
        .filter(|case| {
            let package = inner.packages.get(case).cloned().unwrap_or_default();
            let ledger = inner.ledgers.get(case).map_or(&[][..], Vec::as_slice);
            R::named_in(id, &Named::of(&package, ledger))
        })
        .count() as u64;
    if matters > 0 {
        return Err(StoreError::StillReferenced {
            record: R::record(R::raw(id)),
            name: record.name().to_string(),
            matters,
        });
    }
    R::map(inner).remove(&id);
    record_event(inner, OrgAct::Deleted, &record, stamp)
}

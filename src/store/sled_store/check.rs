//! `Store::check` on disk: the chain entry by entry, then every record against the index
//! entries it should have, the pending rows, the reference counts and the counters.
//!
//! Memory stays flat on a large database: the first pass only looks each expected key up
//! and counts them. Only when the index holds more keys than the records account for is the
//! expected set built, to name the stray ones.

use std::collections::{BTreeMap, HashSet};

use sled::IVec;

use crate::domain::case::Case;
use crate::domain::operator::Operator;
use crate::domain::organisation::{Department, Leader, Named};
use crate::domain::pending::MatterRow;
use crate::domain::petitioner::Petitioner;
use crate::domain::visit::Visit;
use crate::store::chain::Walker;
use crate::store::check::{CheckReport, Counter, Problem, hex_key};
use crate::store::{RecordRef, Result, StoreError, codec};

use super::SledStore;
use super::audit::{BLOCK, block_key, decode_block};
use super::keys::{self, id_key, meta, tag, text_prefix, trailing_id};
use super::lists;
use super::read::{decode_record, engine};

/// What the records say the index must hold, fed key by key.
type Sink<'a> = dyn FnMut(Vec<u8>, RecordRef) -> Result<()> + 'a;

#[derive(Default)]
struct Highest {
    id: u64,
    visit_numbers: BTreeMap<i32, u32>,
    matter_numbers: BTreeMap<i32, u32>,
    /// (index tag of the references, record id) → matters naming it.
    named: BTreeMap<(u8, u64), u64>,
}

impl SledStore {
    pub(super) fn check_all(&self) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        self.check_chain(&mut report)?;

        let mut expected = 0u64;
        let mut missing = Vec::new();
        let mut highest = Highest::default();
        let index = &self.index;
        self.expected_keys(&mut report, &mut highest, &mut |key, record| {
            expected += 1;
            // A list that does not read is reported once, below, as unreadable.
            if !lists::contains(index, &key).unwrap_or(false) {
                missing.push(Problem::NotIndexed { record });
            }
            Ok(())
        })?;
        // Entries present = expected − missing + stray: with the counts equal, there is no
        // stray. Entries kept in lists count one by one, not as the key of their list.
        let present = expected - missing.len() as u64;
        missing.dedup();
        report.problems.extend(missing);
        let mut stored = self.index.len() as u64;
        for list in lists::all(index) {
            let (_, bytes) = list?;
            stored -= 1;
            match lists::decode(&bytes) {
                Ok(entries) => stored += entries.len() as u64,
                Err(StoreError::Damaged(e)) => report.problems.push(Problem::Unreadable(e)),
                Err(other) => return Err(other),
            }
        }
        if stored != present {
            self.stray_keys(&mut report)?;
        }
        self.check_references(&mut report, &highest)?;
        self.check_counters(&mut report, &highest)?;
        Ok(report)
    }

    fn check_chain(&self, report: &mut CheckReport) -> Result<()> {
        let mut walker = Walker::default();
        for item in self.audit.iter() {
            let (key, bytes) = item.map_err(engine)?;
            // A block kept aside as damaged: the gap it left is what the walk reports.
            let Some(block) = block_key(&key) else {
                continue;
            };
            let entries: Vec<_> = match decode_block(block, &bytes) {
                Ok(items) => items
                    .into_iter()
                    .map(|(seq, b)| (seq, codec::decode_audit(&b, RecordRef::Audit(seq))))
                    .collect(),
                Err(e) => vec![(block * BLOCK + 1, Err(e))],
            };
            for (seq, stored) in entries {
                if let Err(broken) = walker.step(seq, stored) {
                    report.chain = Some(broken);
                    return Ok(());
                }
            }
        }
        let counter: Option<u64> = decode_record(
            self.meta.get(meta::AUDIT_SEQ).map_err(engine)?,
            RecordRef::Counter,
        )?;
        match walker.finish(counter.unwrap_or(0)) {
            Ok(seen) => report.audit_entries = seen,
            Err(broken) => report.chain = Some(broken),
        }
        Ok(())
    }

    /// Every record in turn, with the index keys it must have; the pending rows are compared
    /// on the way, as each matter is read once.
    fn expected_keys(
        &self,
        report: &mut CheckReport,
        highest: &mut Highest,
        sink: &mut Sink,
    ) -> Result<()> {
        let mut unreadable = Vec::new();
        each(
            self.petitioners.each::<Petitioner>(),
            &mut unreadable,
            |p| {
                report.petitioners += 1;
                highest.id = highest.id.max(p.id.0);
                for key in keys::petitioner_index(&p) {
                    sink(key, RecordRef::Petitioner(p.id.0))?;
                }
                Ok(())
            },
        )?;
        // All visits of one clerk and petitioner share one entry: expected once, so that the
        // entries counted match the entries stored.
        let mut pairs = HashSet::new();
        each(self.visits.each::<Visit>(), &mut unreadable, |v| {
            report.visits += 1;
            highest.id = highest.id.max(v.id.0);
            let seq = highest.visit_numbers.entry(v.number.year).or_default();
            *seq = (*seq).max(v.number.seq);
            for key in keys::visit_index(&v) {
                let shared = key.first() == Some(&tag::PETITIONER_BY_OPERATOR);
                if !shared || pairs.insert(key.clone()) {
                    sink(key, RecordRef::Visit(v.id.0))?;
                }
            }
            Ok(())
        })?;
        drop(pairs);
        let mut found = Vec::new();
        each(self.cases.each::<Case>(), &mut unreadable, |c| {
            report.matters += 1;
            self.expected_of_case(&c, &mut found, highest, sink)
        })?;
        each(
            decoded::<Leader>(&self.leaders, RecordRef::Leader),
            &mut unreadable,
            |l| {
                highest.id = highest.id.max(l.id.0);
                if l.active {
                    let key = text_prefix(tag::LEADER_NAME, &crate::domain::text::tidy(&l.name));
                    sink(key, RecordRef::Leader(l.id.0))?;
                }
                Ok(())
            },
        )?;
        each(
            decoded::<Department>(&self.departments, RecordRef::Department),
            &mut unreadable,
            |d| {
                highest.id = highest.id.max(d.id.0);
                if d.active {
                    let key =
                        text_prefix(tag::DEPARTMENT_NAME, &crate::domain::text::tidy(&d.name));
                    sink(key, RecordRef::Department(d.id.0))?;
                }
                Ok(())
            },
        )?;
        each(
            decoded::<Operator>(&self.operators, RecordRef::Operator),
            &mut unreadable,
            |o| {
                highest.id = highest.id.max(o.id.0);
                sink(
                    super::operators::code_key(&o.code),
                    RecordRef::Operator(o.id.0),
                )
            },
        )?;
        // Sessions draw their ids from the same counter; they have no index entries.
        each(
            decoded::<crate::domain::schedule::Session>(&self.sessions, RecordRef::Session),
            &mut unreadable,
            |s| {
                highest.id = highest.id.max(s.id.0);
                Ok(())
            },
        )?;
        each(
            decoded::<std::collections::BTreeSet<chrono::NaiveDate>>(
                &self.unavailable,
                RecordRef::Unavailable,
            ),
            &mut unreadable,
            |_| Ok(()),
        )?;
        report.problems.extend(unreadable);
        report.problems.extend(found);
        let mut rows = Vec::new();
        for entry in self.pending.iter() {
            let (key, bytes) = entry.map_err(engine)?;
            let record = super::pending::block_ref(&key);
            match codec::decode::<Vec<MatterRow>>(&bytes, record) {
                Ok(block) => rows.extend(block),
                Err(e) => report.problems.push(Problem::Unreadable(e)),
            }
        }
        for row in rows {
            let case = row.id.0;
            let open = self
                .cases
                .get::<Case>(case)
                .ok()
                .flatten()
                .is_some_and(|c| c.state.is_open());
            if !open {
                report.problems.push(Problem::PendingStray { case });
            }
        }
        Ok(())
    }

    fn expected_of_case(
        &self,
        c: &Case,
        problems: &mut Vec<Problem>,
        highest: &mut Highest,
        sink: &mut Sink,
    ) -> Result<()> {
        let id = c.id.0;
        highest.id = highest.id.max(id);
        let seq = highest.matter_numbers.entry(c.number.year).or_default();
        *seq = (*seq).max(c.number.seq);
        let matter = match self.load_matter(c.id) {
            Ok(Some(m)) => m,
            Ok(None) => return Ok(()),
            Err(StoreError::Damaged(e)) => {
                problems.push(Problem::Unreadable(e));
                return Ok(());
            }
            Err(other) => return Err(other),
        };
        for key in keys::matter_index(c, &matter.package) {
            sink(key, RecordRef::Case(id))?;
        }
        let named = Named::of(&matter.package, &matter.ledger);
        let leaders = named.leaders.iter().map(|l| (tag::LEADER_NAMED_BY, l.0));
        let departments = named
            .departments
            .iter()
            .map(|d| (tag::DEPARTMENT_NAMED_BY, d.0));
        for (kind, record) in leaders.chain(departments) {
            let mut key = vec![kind];
            key.extend_from_slice(&id_key(record));
            key.extend_from_slice(&id_key(id));
            sink(key, RecordRef::Case(id))?;
            *highest.named.entry((kind, record)).or_default() += 1;
        }
        let stored = self.stored_row(c.id).ok().flatten();
        if c.state.is_open() {
            let name = self
                .petitioners
                .get::<Petitioner>(c.petitioner_id.0)
                .ok()
                .flatten()
                .map(|p| p.person.name)
                .unwrap_or_default();
            if stored != Some(MatterRow::of(&matter, &name)) {
                problems.push(Problem::PendingWrong { case: id });
            }
        }
        Ok(())
    }

    /// The index holds keys no record accounts for: name each.
    fn stray_keys(&self, report: &mut CheckReport) -> Result<()> {
        let mut wanted = HashSet::new();
        let mut scratch = CheckReport::default();
        self.expected_keys(&mut scratch, &mut Highest::default(), &mut |key, _| {
            wanted.insert(key);
            Ok(())
        })?;
        let mut stray = |key: &[u8]| {
            if wanted.contains(key) {
                return;
            }
            let name_tag = matches!(
                key.first(),
                Some(&tag::LEADER_NAME) | Some(&tag::DEPARTMENT_NAME) | Some(&tag::OPERATOR_CODE)
            );
            report.problems.push(Problem::StrayIndex {
                entry: hex_key(key),
                points_at: if name_tag { None } else { trailing_id(key) },
            });
        };
        for item in self.index.iter() {
            let (key, bytes) = item.map_err(engine)?;
            if !lists::is_list(&key) {
                stray(&key);
                continue;
            }
            // A list that does not read is already reported.
            for entry in lists::decode(&bytes).unwrap_or_default() {
                stray(&entry);
            }
        }
        Ok(())
    }

    fn check_references(&self, report: &mut CheckReport, highest: &Highest) -> Result<()> {
        let record = |kind: u8, id: u64| match kind {
            tag::LEADER_NAMED_BY => RecordRef::Leader(id),
            _ => RecordRef::Department(id),
        };
        let mut stored_counts = BTreeMap::new();
        for entry in self.meta.scan_prefix(b"refs/") {
            let (key, bytes) = entry.map_err(engine)?;
            let (Some(&kind), Some(id)) = (key.get(5), trailing_id(&key)) else {
                continue;
            };
            let count: u64 = codec::decode(&bytes, RecordRef::Counter).unwrap_or(u64::MAX);
            stored_counts.insert((kind, id), count);
        }
        let keys: std::collections::BTreeSet<(u8, u64)> = stored_counts
            .keys()
            .chain(highest.named.keys())
            .copied()
            .collect();
        for (kind, id) in keys {
            let stored = stored_counts.get(&(kind, id)).copied().unwrap_or(0);
            let counted = highest.named.get(&(kind, id)).copied().unwrap_or(0);
            if stored != counted {
                report.problems.push(Problem::ReferenceCount {
                    record: record(kind, id),
                    stored,
                    counted,
                });
            }
        }
        Ok(())
    }

    fn check_counters(&self, report: &mut CheckReport, highest: &Highest) -> Result<()> {
        let read = |key: &[u8]| -> Result<u64> {
            Ok(
                decode_record(self.meta.get(key).map_err(engine)?, RecordRef::Counter)?
                    .unwrap_or(0),
            )
        };
        let mut checks = vec![
            (Counter::Ids, read(meta::LAST_ID)?, highest.id),
            (Counter::VisitCount, read(meta::VISIT_COUNT)?, report.visits),
        ];
        for (year, seq) in &highest.visit_numbers {
            let stored = read(&meta::visit_serial(*year))?;
            checks.push((Counter::VisitNumbers(*year), stored, u64::from(*seq)));
        }
        for (year, seq) in &highest.matter_numbers {
            let stored = read(&meta::case_serial(*year))?;
            checks.push((Counter::MatterNumbers(*year), stored, u64::from(*seq)));
        }
        for (counter, stored, highest) in checks {
            // The visit count must be exact; a number counter only must not fall behind.
            let wrong = match counter {
                Counter::VisitCount => stored != highest,
                _ => stored < highest,
            };
            if wrong {
                report.problems.push(Problem::CounterBehind {
                    counter,
                    stored,
                    highest,
                });
            }
        }
        Ok(())
    }
}

/// Runs `f` on every record that decodes, one at a time; the others are reported.
fn each<T>(
    records: impl Iterator<Item = Result<T>>,
    unreadable: &mut Vec<Problem>,
    mut f: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    for record in records {
        match record {
            Ok(value) => f(value)?,
            Err(StoreError::Damaged(e)) => unreadable.push(Problem::Unreadable(e)),
            Err(other) => return Err(other),
        }
    }
    Ok(())
}

/// The records of a tree kept one to a key, decoded.
fn decoded<T: serde::de::DeserializeOwned>(
    tree: &sled::Tree,
    record: fn(u64) -> RecordRef,
) -> impl Iterator<Item = Result<T>> + '_ {
    tree.iter().map(move |entry| {
        let (key, bytes): (IVec, IVec) = entry.map_err(engine)?;
        let id = trailing_id(&key).unwrap_or_default();
        Ok(codec::decode(&bytes, record(id))?)
    })
}

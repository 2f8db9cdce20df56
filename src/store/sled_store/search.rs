//! The search box over the petitioner indexes. The indexes find candidates quickly; the domain's
//! `match_quality` and `result_order` decide, so the answer is the memory store's answer as long
//! as the candidates were not cut off.

use std::collections::HashSet;

use sled::Tree;

use crate::domain::petitioner::{Petitioner, PetitionerId};
use crate::domain::search::{MatchQuality, SearchQuery, match_quality, result_order};
use crate::store::Result;

use super::SledStore;
use super::keys::{operator_petitioner_key, reversed, tag, text_prefix};
use super::read::malformed_index;

/// How many petitioners one index may offer for one query. Keys sort with a whole key before
/// its extensions (zs before zsf), so the first `limit` entries already hold the exact matches;
/// taking more only loads records that rank below the cut. Each candidate costs a record load,
/// which is what a keystroke waits for at a million visits.
fn candidate_cap(limit: usize) -> usize {
    limit.max(50)
}

/// Where each kind of query looks. Every key under these prefixes belongs to a petitioner who
/// matches, so a candidate is never a false lead unless the index is stale.
fn prefixes(query: &SearchQuery) -> Vec<Vec<u8>> {
    match query {
        SearchQuery::Name(q) => vec![text_prefix(tag::NAME_TAIL, q)],
        SearchQuery::Pinyin(q) => vec![
            text_prefix(tag::INITIALS, q),
            text_prefix(tag::FULL_PINYIN, q),
        ],
        SearchQuery::IdNumber(q) => vec![text_prefix(tag::ID_NUMBER, q)],
        SearchQuery::Digits(q) => {
            let mut p = vec![text_prefix(tag::ID_NUMBER, q), text_prefix(tag::PHONE, q)];
            // Fewer than four trailing digits would match a large part of all phones.
            if q.len() >= 4 {
                p.push(text_prefix(tag::PHONE_REVERSED, &reversed(q)));
            }
            p
        }
    }
}

/// How many index entries a clerk's search may read, per index, for each person it may
/// consider: another clerk's people it passes over cost a look in a small index, not a record.
const OWN_SCAN: usize = 20;
/// A clerk with at most this many visits, whose search stopped at `OWN_SCAN` before it
/// filled the screen, has their visits' people looked at instead: a new clerk's few people
/// sit behind thousands of others' namesakes for the first letters of a name. Reading them
/// costs a record each, as many as a screen of results does four times over.
const OWN_WALK: usize = 200;

/// Petitioner ids `keep` keeps, as `candidates` finds them.
struct Candidates {
    ids: Vec<u64>,
    seen: HashSet<u64>,
    /// An index had more entries than the scan read before it offered `cap` ids.
    cut: bool,
}

/// Distinct petitioner ids that `keep` keeps, each index contributing at most `cap` of them
/// from its first `scan` entries: a prefix that matches many identity numbers must not crowd
/// out the phones that match too.
fn candidates(
    index: &Tree,
    query: &SearchQuery,
    cap: usize,
    scan: usize,
    keep: &mut dyn FnMut(u64) -> Result<bool>,
) -> Result<Candidates> {
    let mut found = Candidates {
        ids: Vec::new(),
        seen: HashSet::new(),
        cut: false,
    };
    for prefix in prefixes(query) {
        let mut taken = 0;
        for (read, key) in super::lists::starting_with(index, &prefix).enumerate() {
            if read == scan {
                found.cut = true;
                break;
            }
            let key = key?;
            let id = super::keys::trailing_id(&key).ok_or_else(|| malformed_index(&key))?;
            if found.seen.insert(id) && keep(id)? {
                found.ids.push(id);
                taken += 1;
                if taken >= cap {
                    break;
                }
            }
        }
    }
    Ok(found)
}

pub fn search(
    store: &SledStore,
    query: &SearchQuery,
    limit: usize,
) -> Result<Vec<(MatchQuality, Petitioner)>> {
    let cap = candidate_cap(limit);
    let found = candidates(&store.index, query, cap, usize::MAX, &mut |_| Ok(true))?;
    ranked(store, query, found.ids, limit)
}

/// The people `received_by` registered visits of, among those matching `query`.
pub fn search_received_by(
    store: &SledStore,
    query: &SearchQuery,
    received_by: &str,
    limit: usize,
) -> Result<Vec<(MatchQuality, Petitioner)>> {
    let cap = candidate_cap(limit);
    let mut theirs = |id| {
        let entry = operator_petitioner_key(received_by, id);
        super::lists::contains(&store.index, &entry)
    };
    let mut found = candidates(
        &store.index,
        query,
        cap,
        cap.saturating_mul(OWN_SCAN),
        &mut theirs,
    )?;
    if found.cut
        && found.ids.len() < cap
        && let Some(visits) = store.all_visits_of_operator(received_by, OWN_WALK)?
    {
        // `ranked` keeps only those who match.
        for v in visits {
            if found.seen.insert(v.petitioner_id.0) {
                found.ids.push(v.petitioner_id.0);
            }
        }
    }
    ranked(store, query, found.ids, limit)
}

/// The petitioners `ids` that match, in result order, at most `limit`.
fn ranked(
    store: &SledStore,
    query: &SearchQuery,
    ids: Vec<u64>,
    limit: usize,
) -> Result<Vec<(MatchQuality, Petitioner)>> {
    if limit == 0 {
        return Ok(Vec::new());
    }
    let mut hits = Vec::new();
    for id in ids {
        let p = store.indexed_petitioner(PetitionerId(id))?;
        if let Some(q) = match_quality(query, &p) {
            hits.push((q, p));
        }
    }
    hits.sort_by(|a, b| result_order(&(a.0, &a.1), &(b.0, &b.1)));
    hits.truncate(limit);
    Ok(hits)
}

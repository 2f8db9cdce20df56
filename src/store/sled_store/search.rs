//! The search box over the petitioner indexes. The indexes find candidates quickly; the domain's
//! `match_quality` and `result_order` decide, so the answer is the memory store's answer as long
//! as the candidates were not cut off.

use std::collections::HashSet;

use sled::Tree;

use crate::domain::petitioner::{Petitioner, PetitionerId};
use crate::domain::search::{MatchQuality, SearchQuery, match_quality, result_order};
use crate::store::Result;

use super::SledStore;
use super::keys::{reversed, tag, text_prefix};
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

/// Distinct petitioner ids, each index contributing at most `cap`: a prefix that matches many
/// identity numbers must not crowd out the phones that match too.
fn candidates(index: &Tree, query: &SearchQuery, cap: usize) -> Result<Vec<u64>> {
    let mut seen = HashSet::new();
    let mut ids = Vec::new();
    for prefix in prefixes(query) {
        let mut taken = 0;
        for key in super::lists::starting_with(index, &prefix) {
            let key = key?;
            let id = super::keys::trailing_id(&key).ok_or_else(|| malformed_index(&key))?;
            if seen.insert(id) {
                ids.push(id);
                taken += 1;
                if taken >= cap {
                    break;
                }
            }
        }
    }
    Ok(ids)
}

pub fn search(
    store: &SledStore,
    query: &SearchQuery,
    limit: usize,
) -> Result<Vec<(MatchQuality, Petitioner)>> {
    if limit == 0 {
        return Ok(Vec::new());
    }
    let mut hits = Vec::new();
    for id in candidates(&store.index, query, candidate_cap(limit))? {
        let p = store.indexed_petitioner(PetitionerId(id))?;
        if let Some(q) = match_quality(query, &p) {
            hits.push((q, p));
        }
    }
    hits.sort_by(|a, b| result_order(&(a.0, &a.1), &(b.0, &b.1)));
    hits.truncate(limit);
    Ok(hits)
}

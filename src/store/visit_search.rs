//! The search box's rows: the matching petitioners' visits, everyone's or one clerk's.

use crate::domain::search::SearchQuery;
use crate::domain::visit::Visit;

use super::{Result, Store};

/// How many more petitioners a clerk's search considers than it shows rows: most matches are
/// other clerks' visitors.
pub const OWN_SEARCH_BREADTH: usize = 5;

pub(super) fn matching_visits<S: Store + ?Sized>(
    store: &S,
    text: &str,
    received_by: Option<&str>,
    limit: usize,
) -> Result<Vec<Visit>> {
    let Some(query) = SearchQuery::parse(text) else {
        return Ok(Vec::new());
    };
    let breadth = match received_by {
        Some(_) => limit.saturating_mul(OWN_SEARCH_BREADTH),
        None => limit,
    };
    let mut rows = Vec::new();
    for (_, p) in store.search_petitioners(&query, breadth)? {
        if rows.len() >= limit {
            break;
        }
        match received_by {
            None => rows.extend(store.visits_of_petitioner(p.id, limit - rows.len())?),
            Some(code) => {
                let mut own = store.visits_of_petitioner(p.id, usize::MAX)?;
                own.retain(|v| v.received_by == code);
                own.truncate(limit - rows.len());
                rows.extend(own);
            }
        }
    }
    Ok(rows)
}

//! The search box's rows: the matching petitioners' visits, everyone's or one clerk's.

use crate::domain::search::SearchQuery;
use crate::domain::visit::Visit;

use super::{Result, Store};

pub(super) fn matching_visits<S: Store + ?Sized>(
    store: &S,
    text: &str,
    received_by: Option<&str>,
    limit: usize,
) -> Result<Vec<Visit>> {
    let Some(query) = SearchQuery::parse(text) else {
        return Ok(Vec::new());
    };
    // Every petitioner found has at least one row to give, so `limit` of them fill the rows.
    let found = match received_by {
        None => store.search_petitioners(&query, limit)?,
        Some(code) => store.search_petitioners_received_by(&query, code, limit)?,
    };
    let mut rows = Vec::new();
    for (_, p) in found {
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

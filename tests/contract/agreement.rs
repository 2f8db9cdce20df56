//! The memory store stands in for sled in every screen test, so it must answer exactly as
//! sled does: the same ids, numbers, orders and match qualities for the same registrations.

use xfdesk::store::memory::MemoryStore;

use super::fixtures::TempSled;
use super::scenario::{desk_days, observe};

#[test]
fn both_backends_answer_every_question_alike_after_the_same_desk_days() {
    let memory = MemoryStore::new();
    let sled = TempSled::new();
    desk_days(&memory);
    desk_days(sled.store());
    let (m, s) = (observe(&memory), observe(sled.store()));
    assert_eq!(m.visit_count, 10);
    assert_eq!(m.visits.len(), 10, "the paged list reaches every visit");
    assert!(m.searches.iter().any(|(found, _)| found.len() > 1));
    assert_eq!(m, s);
}

//! The contract suite's parts; see `tests/store_contract.rs`.

/// Turns contract functions `fn name(store: &dyn Store)` into two tests each: `memory::name`
/// on a new `MemoryStore` and `sled::name` on a new `SledStore` in a temporary directory.
macro_rules! for_both_backends {
    ($($name:ident),+ $(,)?) => {
        mod memory {
            $(
                #[test]
                fn $name() {
                    super::$name(&xfdesk::store::memory::MemoryStore::new());
                }
            )+
        }

        mod sled {
            $(
                #[test]
                fn $name() {
                    let db = crate::contract::fixtures::TempSled::new();
                    super::$name(db.store());
                }
            )+
        }
    };
}

pub mod fixtures;
pub mod scenario;

mod agreement;
mod audit;
mod batch;
mod compaction;
mod evidence;
mod listing;
mod lookup;
pub mod matters;
mod operators;
mod org_admin;
mod organisation;
mod own_visits;
pub mod pending;
#[path = "../common/evidence.rs"]
mod raw_log;
mod registration;
mod schedule;
mod search;
mod sled_matters;
mod sled_only;
mod tamper;

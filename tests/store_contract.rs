//! The store contract: what every `Store` must do, as a clerk would notice it. Each contract
//! test is a function of `&dyn Store`, run once against `MemoryStore` and once against a fresh
//! `SledStore` (`contract::<group>::memory::<test>` and `…::sled::<test>`). What only a
//! database on disk can promise (surviving a reopen, one desk per directory, damage named on
//! reading) is in `contract::sled_only`.

mod contract;

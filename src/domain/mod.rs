//! The domain core: the rules of a petition reception desk as plain types and functions.
//! No terminal, no database, no clock: "today" and "now" are always parameters.

pub mod audit;
pub mod calendar;
pub mod case;
pub mod compact_dates;
pub mod confidential;
pub mod config_text;
pub mod date;
pub mod deadline;
pub mod evidence;
pub mod id_number;
pub mod intake;
pub mod ledger;
pub mod lifecycle;
pub mod matter;
pub mod office;
pub mod operator;
pub mod organisation;
pub mod paperwork;
pub mod pending;
pub mod permission;
pub mod petitioner;
pub mod phone;
pub mod reacceptance;
pub mod registration;
pub mod repeat;
pub mod report;
pub mod responsibility;
pub mod schedule;
pub mod search;
pub mod serial;
pub mod signals;
pub mod statistics;
pub mod supervision;
#[cfg(test)]
pub(crate) mod test_matters;
pub mod text;
pub mod visit;

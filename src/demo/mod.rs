//! Synthetic demonstration data: a county desk in 普洱 with two years of visits, repeat and
//! long-term petitioners, group visits, leaders and handling departments.

// The generators that draw from these tables follow in the next commits.
#[allow(dead_code)]
mod data;
#[allow(dead_code)]
mod pick;

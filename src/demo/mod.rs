//! Synthetic demonstration data: a county desk in 普洱 with two years of visits, repeat and
//! long-term petitioners, group visits, leaders and handling departments.

// The driver that uses these generators follows in the next commit.
#[allow(dead_code)]
mod data;
#[allow(dead_code)]
mod issued;
#[allow(dead_code)]
mod matters;
#[allow(dead_code)]
mod org;
#[allow(dead_code)]
mod people;
#[allow(dead_code)]
mod pick;
#[allow(dead_code)]
mod timeline;

//! Fixed material the generator draws from, kept apart from the code that draws.

pub mod life;
pub mod matters;
pub mod names;
pub mod org;
pub mod places;

//! The first screen of an empty database: load demo data or start empty.

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StartScreen {
    /// 0: demo data, 1: empty.
    pub choice: usize,
    /// Demo data being generated: (done, total).
    pub loading: Option<(u64, u64)>,
}

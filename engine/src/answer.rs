//! A learner's response to one question, in canonical indices (content order),
//! independent of the shuffled order the learner saw.

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    /// Picked option indices, ascending. True/false uses index 0 = true, 1 = false.
    Choices(Vec<u8>),
    /// Canonical item index at each position, first to last.
    Order(Vec<u8>),
    /// For each pair (by canonical index) the pair index whose right side was chosen.
    Matches(Vec<Option<u8>>),
    /// Reflection text.
    Text(String),
    /// The reply chosen at each step of a dialogue, in order (content indices).
    Path(Vec<u8>),
}

//! Whether what the learner does reaches the host: one word every door answers, which
//! the player turns into the notice the learner sees.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Health {
    Good,
    /// Something could not be delivered yet: it is kept on the device and sent again
    /// (every few seconds, and by the next launch if this page cannot).
    Retrying,
    /// The host refused this session for good; the work is kept on the device and
    /// delivered on the next launch.
    Refused,
    /// The LMS opened the quiz to look at (browse, review): nothing is recorded.
    Preview,
}

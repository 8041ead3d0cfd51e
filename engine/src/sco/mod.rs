//! What one SCORM SCO reads at launch and writes as the learner works, as pure
//! functions: the host only carries these words to the LMS API and back.
//!
//! Two kinds of SCO (see docs/moodle.md for why):
//! - a **stage** SCO plays one quiz (`?quiz=<id>`) and reports it as the SCO's own
//!   status and score;
//! - a **course** SCO carries Tere's own stage menu, reports each stage as a
//!   `cmi.objectives.n` entry (id = quiz id, status, score) and the course as the
//!   SCO's status and score, and keeps every stage's progress in `suspend_data`.
//!
//! Rules that hold for both:
//! - a result the LMS (or the local backup) already holds is never lowered: records
//!   are merged (`Record::merged`) before anything is written;
//! - in `browse` or `review` mode nothing is written at all;
//! - interactions and objectives are records in a list whose index the LMS decides
//!   when they are delivered (`Write::Listed`): an index is never guessed.
//!
//! Files: `client` (the delivery client: connecting, queueing, committing, retrying,
//! keeping what did not arrive; every rule that keeps an answer, without I/O), `launch` (what the LMS says at launch, where to start), `outcome` (a stage's
//! and the course's result, and their element names), `writes` (what each event
//! writes), `unsent` (records kept for a later launch).

mod client;
mod launch;
mod outcome;
mod unsent;
mod writes;

pub use crate::cmi::List;
pub use client::{Api, Client, Fault, Launched};
pub use launch::{init_failure, read_launch, records_in_mode, refused_for_good, start, Backup, InitFailure, LmsState, Start};
pub use outcome::{course_outcome, stage_outcome, Outcome};
pub use unsent::{decode_listed, encode_listed, Unsent};
pub use writes::{answered, at_launch, completed, leaving, replied, started};

/// Which SCO this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One quiz, by index.
    Stage(usize),
    /// The whole course behind Tere's own menu.
    Course,
}

/// One thing to tell the LMS, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    /// `SetValue(element, value)`; a later value for the same element replaces a waiting one.
    Value(String, String),
    /// A record appended to `list`, or, with a `key`, the record whose `id` is `key`
    /// (appended when there is none). Fields are `(field, value)`, `id` first.
    Listed { list: List, key: Option<String>, fields: Vec<(String, String)> },
}

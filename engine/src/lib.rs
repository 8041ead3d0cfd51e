//! Tere's quiz engine: content model, scoring, attempt flow and session state; the
//! events a change reports, and everything a host stores or sends (resume text,
//! stored progress, SCORM elements and what a SCO writes), and reading the packed
//! course (`packed`). What the player needs and nothing else: the build-time side
//! (TOML content, validation, lint, packing, GIFT) is the `tere-authoring` crate.
//! Plain Rust with no web dependency and no dependencies at all, so it is tested
//! natively with `cargo test`.

pub mod answer;
pub mod attempt;
pub mod cmi;
pub mod describe;
pub mod dialogue;
pub mod health;
pub mod json;
pub mod kind;
pub mod lang;
pub mod media;
pub mod messages;
pub mod model;
pub mod moodle_rules;
pub mod packed;
pub mod progress;
pub mod report;
pub mod resume;
pub mod sco;
pub mod score;
pub mod session;
pub mod shuffle;
pub mod storage;
pub mod xapi;

pub use answer::Answer;
pub use attempt::{Attempt, Phase, QuizResult};
pub use model::*;
pub use session::{Action, QuizState, Record, Screen, Session, Status};

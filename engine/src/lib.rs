//! Tere's quiz engine: content model, scoring, attempt flow and session state; the
//! events a change reports, and everything a host stores or sends (resume text,
//! stored progress, SCORM elements and what a SCO writes). With the feature
//! `authoring`, the build-time side too: TOML content, validation, lint, packing
//! and GIFT. Plain Rust with no web dependency, so it is tested natively with
//! `cargo test`.

pub mod answer;
pub mod attempt;
pub mod cmi;
pub mod describe;
pub mod model;
pub mod packed;
pub mod progress;
pub mod report;
pub mod resume;
pub mod sco;
pub mod score;
pub mod session;
pub mod shuffle;

#[cfg(feature = "authoring")]
pub mod authoring;
#[cfg(feature = "authoring")]
pub mod gift;

pub use answer::Answer;
pub use attempt::{Attempt, Phase, QuizResult};
pub use model::*;
pub use session::{Action, QuizState, Record, Screen, Session, Status};

//! Where a package opens the player: the course with Tere's stage menu, or one stage
//! with no menu (`?quiz=<id>`, as the player's `src/params.rs` reads it). Relative to
//! the package's root, so they work wherever an LMS unpacks it; a cmi5 LMS merges its
//! own launch parameters into the stage's query.

use tere_engine::Quiz;

/// The course, with the stage menu: the player's page.
pub(crate) const MENU: &str = "index.html";

/// One stage alone.
pub(crate) fn stage(quiz: &Quiz) -> String {
    format!("{MENU}?quiz={}", quiz.id)
}

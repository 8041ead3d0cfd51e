//! What a cmi5 or xAPI descriptor tells an LMS of a course besides its title. Both
//! formats require a description, and a course's source has none of its own (only
//! its quizzes have intros), so its stages' titles, in menu order, stand for one: what
//! a teacher choosing the package wants to know.

use tere_engine::Course;

/// The stages' titles in menu order, separated by middle dots.
pub(crate) fn course_description(course: &Course) -> String {
    course.quizzes.iter().map(|quiz| &*quiz.title).collect::<Vec<_>>().join(" · ")
}

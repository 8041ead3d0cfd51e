//! Any text as saved resume state, against a fixed course: decode refuses it or
//! gives a consistent attempt, and saving that attempt and restoring it again is
//! stable. It never panics.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tere_authoring::load_course;
use tere_engine::resume::{decode, encode};
use tere_engine::{Attempt, Course, Phase, Quiz};

fn course() -> &'static Course {
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE.get_or_init(|| {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixture");
        load_course(&fixture).unwrap_or_else(|e| panic!("fuzz/fixture is invalid: {e:?}")).course
    })
}

/// What the engine promises about any attempt it restores.
fn assert_consistent(quiz: &Quiz, a: &Attempt) {
    assert_eq!(a.answers.len(), a.questions.len());
    assert!(a.current < a.questions.len());
    assert!(a.questions.iter().all(|&q| (q as usize) < quiz.questions.len()));
    match a.phase {
        Phase::Finished => assert!(a.is_last() && a.answers.iter().all(Option::is_some)),
        Phase::Checked => assert!(a.answers[a.current].is_some()),
        Phase::Answering => assert!(a.answers[a.current].is_none()),
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for quiz in course().quizzes.iter() {
        let Ok(restored) = decode(quiz, &text) else { continue };
        assert_consistent(quiz, &restored);
        let saved = encode(quiz, &restored);
        let again = decode(quiz, &saved).unwrap_or_else(|e| panic!("our own `{saved}` is refused: {e:?}"));
        assert_eq!((again.seed, again.current, again.phase), (restored.seed, restored.current, restored.phase), "{saved}");
        assert_eq!(encode(quiz, &again), saved, "saving a restored attempt is not stable");
    }
});

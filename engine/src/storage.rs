//! What a host keeps in the browser's local storage, and under which keys, written
//! once for every door: a standalone page and a plain iframe keep everything there;
//! an LMS door keeps its backup there, per learner, and what the LMS has not
//! received yet. The browser's storage itself is behind `Store`, so this is tested
//! natively.
//!
//! Keys: `tere.v1.<shelf>.<quiz id>` holds one quiz's progress (`progress::encode_quiz`);
//! `tere.v1.<shelf>.~unsent.<sco>` holds what an LMS has not received yet
//! (`sco::encode_listed`); other `~` entries are a door's own (the xAPI door's queue). The shelf names the door and, in an LMS, the learner, so
//! that two people sharing a browser never see each other's results.

use crate::cmi::Version;
use crate::progress;
use crate::report::Event;
use crate::session::{Action, QuizState, Session};
use crate::Course;

/// A key-value store (the browser's local storage). A full or blocked store must not
/// stop the quiz: writes that fail are dropped by the implementation.
pub trait Store {
    fn read(&self, key: &str) -> Option<String>;
    /// Writes `value`, or removes the key when it is `None`.
    fn write(&self, key: &str, value: Option<&str>);
}

/// The key under which a course SCO (Tere's menu in one SCO) keeps its unsent work.
pub const COURSE_SCO: &str = "~course";

/// One door's (and learner's) part of the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shelf {
    name: String,
}

impl Shelf {
    /// A page on its own, or a plain iframe: everything lives here.
    pub fn site() -> Shelf {
        Shelf { name: "site".into() }
    }

    /// The xAPI door's, for one registration (or, without one, one learner): `key`
    /// is narrowed like a learner id.
    pub fn xapi(key: &str) -> Shelf {
        Shelf { name: "xapi".into() }.for_learner(key)
    }

    /// An LMS door's backup, before the LMS has said who the learner is.
    pub fn scorm(version: Version) -> Shelf {
        let name = match version {
            Version::Scorm12 => "scorm12",
            Version::Scorm2004 => "scorm2004",
        };
        Shelf { name: name.into() }
    }

    /// This shelf narrowed to one learner (an LMS user id), so that two people sharing
    /// a browser never see each other's results. An empty id keeps the shelf as it is.
    pub fn for_learner(&self, learner: &str) -> Shelf {
        let safe: String = learner.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '@' | '.')).take(64).collect();
        Shelf { name: if safe.is_empty() { self.name.clone() } else { format!("{}.{safe}", self.name) } }
    }

    fn key(&self, quiz_id: &str) -> String {
        format!("tere.v1.{}.{quiz_id}", self.name)
    }

    /// A door's own entry `name` on this shelf (what is not one quiz's progress).
    fn note_key(&self, name: &str) -> String {
        format!("tere.v1.{}.~{name}", self.name)
    }

    /// Every quiz with readable saved progress; `true` when something saved could not
    /// be read (it is removed, so the learner is told once).
    pub fn load(&self, store: &dyn Store, course: &Course) -> (Vec<(usize, QuizState)>, bool) {
        let mut found = Vec::new();
        let mut discarded = false;
        for (i, quiz) in course.quizzes.iter().enumerate() {
            let Some(saved) = store.read(&self.key(&quiz.id)) else { continue };
            match progress::decode_quiz(course, i, &saved) {
                Some(state) => found.push((i, state)),
                None => {
                    discarded = true;
                    store.write(&self.key(&quiz.id), None);
                }
            }
        }
        (found, discarded)
    }

    /// `load` as reducer actions, for doors whose only store this is.
    pub fn restore(&self, store: &dyn Store, course: &Course) -> (Vec<Action>, bool) {
        let (found, discarded) = self.load(store, course);
        (found.into_iter().map(|(quiz, state)| Action::Restore { quiz, record: state.record, attempt: state.attempt }).collect(), discarded)
    }

    pub fn save(&self, store: &dyn Store, session: &Session, quiz: usize) {
        let text = progress::encode_quiz(session.course, quiz, &session.quizzes[quiz]);
        store.write(&self.key(&session.course.quizzes[quiz].id), Some(&text));
    }

    /// Saves every quiz the events are about.
    pub fn save_touched(&self, store: &dyn Store, session: &Session, events: &[Event]) {
        let mut touched: Vec<usize> = events.iter().map(Event::quiz).collect();
        touched.dedup();
        for quiz in touched {
            self.save(store, session, quiz);
        }
    }

    /// What an LMS has not received from SCO `sco` (`None`: it has everything).
    pub fn unsent(&self, store: &dyn Store, sco: &str) -> Option<String> {
        self.note(store, &format!("unsent.{sco}"))
    }

    pub fn set_unsent(&self, store: &dyn Store, sco: &str, unsent: Option<&str>) {
        self.set_note(store, &format!("unsent.{sco}"), unsent);
    }

    /// A door's own entry (`tere.v1.<shelf>.~<name>`), e.g. the xAPI door's queue.
    pub fn note(&self, store: &dyn Store, name: &str) -> Option<String> {
        store.read(&self.note_key(name))
    }

    pub fn set_note(&self, store: &dyn Store, name: &str, value: Option<&str>) {
        store.write(&self.note_key(name), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_learner_id_is_narrowed_to_safe_characters() {
        let shelf = Shelf::scorm(Version::Scorm2004);
        assert_eq!(shelf.for_learner("anna.k@x"), Shelf { name: "scorm2004.anna.k@x".into() });
        assert_eq!(shelf.for_learner("a b/c"), Shelf { name: "scorm2004.abc".into() });
        assert_eq!(shelf.for_learner(""), shelf);
        assert_eq!(shelf.for_learner(" /"), shelf, "nothing safe left: the learner is unknown");
    }
}

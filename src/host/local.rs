//! Progress in the browser's local storage: the whole store for a standalone
//! page, the backup for every other host. The texts are the engine's
//! (`tere_engine::progress`); this file only reads and writes keys.
//!
//! Keys: `tere.v1.<scope>.<quiz id>` holds one quiz's progress;
//! `tere.v1.<scope>.~unsent.<sco>` holds what an LMS has not received yet. The
//! scope names the host and, in an LMS, the learner, so that two people sharing a
//! browser never see each other's results.

use tere_engine::progress;
use tere_engine::report::Event;
use tere_engine::{Action, Course, QuizState, Session};

use super::{Clock, Health, Host, Launch};

pub struct LocalStore {
    scope: String,
}

impl LocalStore {
    pub fn new(scope: &str) -> Self {
        LocalStore { scope: scope.to_string() }
    }

    /// This store narrowed to one learner, so that two people sharing a browser never
    /// see each other's results.
    pub fn for_learner(&self, learner: &str) -> LocalStore {
        let safe: String = learner.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '@' | '.')).take(64).collect();
        LocalStore { scope: if safe.is_empty() { self.scope.clone() } else { format!("{}.{safe}", self.scope) } }
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    fn key(&self, quiz_id: &str) -> String {
        format!("tere.v1.{}.{quiz_id}", self.scope)
    }

    fn unsent_key(&self, sco: &str) -> String {
        format!("tere.v1.{}.~unsent.{sco}", self.scope)
    }

    /// Every quiz with readable saved progress; `true` when something saved could
    /// not be read (and was therefore dropped).
    pub fn load(&self, course: &Course) -> (Vec<(usize, QuizState)>, bool) {
        let Some(storage) = Self::storage() else { return (Vec::new(), false) };
        let mut found = Vec::new();
        let mut discarded = false;
        for (i, quiz) in course.quizzes.iter().enumerate() {
            let Ok(Some(saved)) = storage.get_item(&self.key(&quiz.id)) else { continue };
            match progress::decode_quiz(course, i, &saved) {
                Some(state) => found.push((i, state)),
                None => {
                    discarded = true;
                    let _ = storage.remove_item(&self.key(&quiz.id));
                }
            }
        }
        (found, discarded)
    }

    /// `load` as reducer actions, for hosts whose only store this is.
    pub fn restore(&self, course: &Course) -> (Vec<Action>, bool) {
        let (found, discarded) = self.load(course);
        (found.into_iter().map(|(quiz, state)| Action::Restore { quiz, record: state.record, attempt: state.attempt }).collect(), discarded)
    }

    pub fn save(&self, session: &Session, quiz: usize) {
        let Some(storage) = Self::storage() else { return };
        let text = progress::encode_quiz(session.course, quiz, &session.quizzes[quiz]);
        // A full or blocked storage must not stop the quiz.
        let _ = storage.set_item(&self.key(&session.course.quizzes[quiz].id), &text);
    }

    pub fn save_touched(&self, session: &Session, events: &[Event]) {
        let mut touched: Vec<usize> = events.iter().map(Event::quiz).collect();
        touched.dedup();
        for quiz in touched {
            self.save(session, quiz);
        }
    }

    /// What an LMS has not received from SCO `sco` (`None`: it has everything).
    pub fn unsent(&self, sco: &str) -> Option<String> {
        Self::storage()?.get_item(&self.unsent_key(sco)).ok().flatten()
    }

    pub fn set_unsent(&self, sco: &str, unsent: Option<&str>) {
        let Some(storage) = Self::storage() else { return };
        let key = self.unsent_key(sco);
        let _ = match unsent {
            Some(text) => storage.set_item(&key, text),
            None => storage.remove_item(&key),
        };
    }
}

/// A page on its own: progress lives in local storage only.
pub struct StandaloneHost {
    store: LocalStore,
}

impl StandaloneHost {
    pub fn new() -> Self {
        StandaloneHost { store: LocalStore::new("site") }
    }
}

impl Host for StandaloneHost {
    fn launch(&mut self, course: &'static Course) -> Launch {
        let (restore, discarded) = self.store.restore(course);
        Launch { restore, discarded, ..Launch::default() }
    }

    fn report(&mut self, session: &Session, events: &[Event], _clock: Clock) {
        self.store.save_touched(session, events);
    }

    fn leave(&mut self, _session: &Session, _unloading: bool, _clock: Clock) {}

    fn retry(&mut self) {}

    fn health(&self) -> Health {
        Health::Good
    }
}

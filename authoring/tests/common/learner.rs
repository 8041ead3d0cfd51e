//! A learner and a browser for the delivery tests: local storage as a map, and the
//! sensible click on each screen (right or wrong, next or try again, retry or practise).

use std::cell::RefCell;
use std::collections::BTreeMap;

use tere_engine::storage::Store;
use tere_engine::{Action, Course, Phase, Session};

use super::{load, single};

/// Local storage: a map.
#[derive(Default)]
pub struct Browser(pub RefCell<BTreeMap<String, String>>);

impl Store for Browser {
    fn read(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key).cloned()
    }

    fn write(&self, key: &str, value: Option<&str>) {
        let mut map = self.0.borrow_mut();
        match value {
            Some(v) => map.insert(key.into(), v.into()),
            None => map.remove(key),
        };
    }
}

impl Browser {
    /// Whether an LMS door keeps work the LMS has not received.
    pub fn has_unsent(&self) -> bool {
        self.0.borrow().keys().any(|k| k.contains(".~unsent."))
    }
}

fn quiz(id: &str, settings: &str) -> String {
    let mut q = format!("id = \"{id}\"\ntitle = \"Quiz {id}\"\nlang = \"et\"\nintro = \"Intro\"\npass_mark = 60\n{settings}\n");
    for n in 0..3 {
        q += &single(&format!("{id}_{n}"), 3, 1);
    }
    q
}

/// The delivery tests' course: two stages of three questions with option 1 right,
/// "alpha" plain and "beta" with two tries.
pub fn two_stages() -> &'static Course {
    thread_local!(static COURSE: &'static Course = {
        let loaded = load(&[("alpha", &quiz("alpha", "")), ("beta", &quiz("beta", "tries = 2\ntry_penalty = 50"))]).unwrap_or_else(|e| panic!("{e:?}"));
        Box::leak(Box::new(loaded.course))
    });
    COURSE.with(|c| *c)
}

/// The sensible action on the screen `session` shows, chosen by `pick`, in a course
/// of two stages whose questions have option 1 right.
pub fn sensible(session: &Session, pick: u8) -> Action {
    let Some((i, quiz)) = session.quiz() else { return Action::Open(usize::from(pick % 2)) };
    if let Some(practice) = session.practice() {
        return match practice.phase {
            Phase::Finished => Action::EndPractice,
            _ => answering(practice, quiz, pick),
        };
    }
    match &session.quizzes[i].attempt {
        None => Action::Start { seed: u64::from(pick) },
        Some(a) if a.phase == Phase::Finished => match pick % 4 {
            0 => Action::Practise { seed: u64::from(pick) },
            1 => Action::ShowMenu,
            _ => Action::Retry { seed: u64::from(pick) },
        },
        Some(a) => answering(a, quiz, pick),
    }
}

fn answering(a: &tere_engine::Attempt, quiz: &tere_engine::Quiz, pick: u8) -> Action {
    match a.phase {
        Phase::Answering if a.can_check(quiz) && !pick.is_multiple_of(3) => Action::Check,
        // Option 1 is right: mostly right, sometimes wrong.
        Phase::Answering => Action::Choose(if pick % 5 < 3 { 1 } else { pick % 3 }),
        Phase::Checked if !a.is_settled(quiz, a.current) => Action::TryAgain,
        Phase::Checked if a.current + 1 < a.questions.len() => Action::Next,
        _ => Action::Finish,
    }
}

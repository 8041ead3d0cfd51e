//! Progress in the browser's local storage: the whole store for a standalone
//! page, the backup for every other host.
//!
//! One entry per quiz, `tere.v1.<scope>.<quiz id>` = `<status>|<best>|<attempts>|<resume text>`.

use tere_engine::report::Event;
use tere_engine::resume;
use tere_engine::{Action, Course, Record, Session, Status};

use super::{Clock, Host, Launch};

pub struct LocalStore {
    scope: &'static str,
}

impl LocalStore {
    pub fn new(scope: &'static str) -> Self {
        LocalStore { scope }
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    fn key(&self, quiz_id: &str) -> String {
        format!("tere.v1.{}.{quiz_id}", self.scope)
    }

    /// Restore actions for every quiz with readable saved progress; `true` when
    /// something saved could not be read (and was therefore dropped).
    pub fn load(&self, course: &Course) -> (Vec<Action>, bool) {
        let Some(storage) = Self::storage() else { return (Vec::new(), false) };
        let mut restore = Vec::new();
        let mut discarded = false;
        for (i, quiz) in course.quizzes.iter().enumerate() {
            let Ok(Some(saved)) = storage.get_item(&self.key(&quiz.id)) else { continue };
            match parse(course, i, &saved) {
                Some(action) => restore.push(action),
                None => {
                    discarded = true;
                    let _ = storage.remove_item(&self.key(&quiz.id));
                }
            }
        }
        (restore, discarded)
    }

    pub fn save(&self, session: &Session, quiz: usize) {
        let Some(storage) = Self::storage() else { return };
        let q = &session.course.quizzes[quiz];
        let state = &session.quizzes[quiz];
        let status = match state.record.status {
            Status::NotStarted => 'n',
            Status::InProgress => 'i',
            Status::Passed => 'p',
            Status::Failed => 'f',
        };
        let best = state.record.best.map_or("-".to_string(), |b| b.to_string());
        let attempt = state.attempt.as_ref().map(|a| resume::encode(q, a)).unwrap_or_default();
        // A full or blocked storage must not stop the quiz.
        let _ = storage.set_item(&self.key(&q.id), &format!("{status}|{best}|{}|{attempt}", state.record.attempts));
    }

    pub fn save_touched(&self, session: &Session, events: &[Event]) {
        let mut touched: Vec<usize> = events.iter().map(event_quiz).collect();
        touched.dedup();
        for quiz in touched {
            self.save(session, quiz);
        }
    }
}

pub fn event_quiz(e: &Event) -> usize {
    match e {
        Event::Started { quiz } | Event::Answered { quiz, .. } | Event::Completed { quiz } => *quiz,
    }
}

fn parse(course: &Course, quiz: usize, saved: &str) -> Option<Action> {
    let mut parts = saved.splitn(4, '|');
    let status = match parts.next()? {
        "n" => Status::NotStarted,
        "i" => Status::InProgress,
        "p" => Status::Passed,
        "f" => Status::Failed,
        _ => return None,
    };
    let best = match parts.next()? {
        "-" => None,
        b => Some(b.parse::<u8>().ok().filter(|b| *b <= 100)?),
    };
    let attempts = parts.next()?.parse().ok()?;
    let attempt = match parts.next()? {
        "" => None,
        text => Some(resume::decode(&course.quizzes[quiz], text).ok()?),
    };
    Some(Action::Restore { quiz, record: Record { status, best, attempts }, attempt })
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
        let (restore, discarded) = self.store.load(course);
        Launch { restore, discarded, ..Launch::default() }
    }

    fn report(&mut self, session: &Session, events: &[Event], _clock: Clock) {
        self.store.save_touched(session, events);
    }

    fn leave(&mut self, _session: &Session, _unloading: bool, _clock: Clock) {}

    fn retry(&mut self, _clock: Clock) {}

    fn healthy(&self) -> bool {
        true
    }
}

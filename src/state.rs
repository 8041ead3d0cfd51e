//! The player's one state and the one reducer every change goes through: the
//! engine's `Session` (changed only by its pure `Session::reduce`) and what the
//! host's launch told the page. Kept apart from `app` so the views never depend on
//! the root component that renders them.

use std::rc::Rc;

use tere_engine::{Action, Session};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::params::LangPrefs;

#[derive(Clone)]
pub struct Model {
    pub session: Session,
    /// What the host's launch told the page; `None` until it has run (in an LMS, after the first paint).
    pub launched: Option<Launched>,
}

/// The launch's display side: what the LMS says about the learner and the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Launched {
    /// The learner's preferred language, from the LMS.
    pub lang: Option<Lang>,
    /// Inside an LMS's player: keep the edges clear of the player's own buttons.
    pub in_lms: bool,
}

/// Every change of the player's state.
pub enum Change {
    /// The learner's (or a test's) action on the session.
    Play(Action),
    /// The host's launch ran: its saved progress (as engine actions) is applied to the
    /// state the page started with, and the page learns the learner's language.
    Launch { actions: Vec<Action>, launched: Launched },
}

impl From<Action> for Change {
    fn from(action: Action) -> Change {
        Change::Play(action)
    }
}

impl Model {
    pub fn new(session: Session) -> Model {
        Model { session, launched: None }
    }

    /// This state with the host's launch applied (`Change::Launch`).
    pub fn launched(&self, actions: Vec<Action>, launched: Launched) -> Model {
        let session = actions.into_iter().fold(self.session.clone(), |s, a| s.reduce(a));
        Model { session, launched: Some(launched) }
    }

    /// The UI language preferences: the page's, with the LMS's once launched.
    pub fn langs(&self, config: &Config) -> LangPrefs {
        LangPrefs { lms: self.launched.and_then(|l| l.lang), ..config.langs }
    }

    pub fn in_lms(&self) -> bool {
        self.launched.is_some_and(|l| l.in_lms)
    }
}

/// Field by field as a derived `==`, except the course: every state of a player plays
/// the same `&'static` course, so its address stands for it (a derived `==` would
/// compare the whole course's text on each change, and link that code into the wasm).
impl PartialEq for Model {
    fn eq(&self, other: &Model) -> bool {
        let Session { course, screen, quizzes, pass_mark_override, practice } = &self.session;
        let o = &other.session;
        std::ptr::eq(*course, o.course)
            && *screen == o.screen
            && *quizzes == o.quizzes
            && *pass_mark_override == o.pass_mark_override
            && *practice == o.practice
            && self.launched == other.launched
    }
}

impl Reducible for Model {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        match change {
            Change::Play(action) => Rc::new(Model { session: self.session.reduce(action), launched: self.launched }),
            Change::Launch { actions, launched } => Rc::new(self.launched(actions, launched)),
        }
    }
}

/// Display settings fixed for the page's lifetime.
#[derive(Clone, PartialEq)]
pub struct Config {
    /// What chooses the UI language before the LMS has said anything (`Model::langs`).
    pub langs: LangPrefs,
    /// Opened with `?quiz=`: no course menu.
    pub single_quiz: bool,
    /// `?quiz=` named no quiz of the course.
    pub unknown_quiz: bool,
}

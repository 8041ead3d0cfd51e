//! The player's one state and the one reducer every change goes through: the
//! engine's `Session` (changed only by its pure `Session::reduce`) and what the
//! host's launch told the page. Kept apart from `app` so the views never depend on
//! the root component that renders them.

use std::rc::Rc;

use tere_engine::health::Health;
use tere_engine::{Action, Session};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::params::LangPrefs;

#[derive(Clone)]
pub struct Model {
    pub session: Session,
    /// What the host's launch told the page; `None` until it has run (in an LMS, after the first paint).
    pub launched: Option<Launched>,
    /// What the learner is told about saving, if anything.
    pub notice: Option<Notice>,
    /// The learner left through the exit (`Launched::exits`): the session is over.
    pub exited: bool,
}

/// A short, non-blocking message about saving.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Results could not be delivered yet; they are kept on the device and sent again.
    HostTrouble,
    /// The LMS refused this session; results are kept on the device for the next launch.
    HostRefused,
    /// The LMS opened the quiz in browse or review mode: nothing is recorded.
    Preview,
    /// Saved progress could not be read; a fresh attempt starts.
    ProgressReset,
}

/// What the learner is told about the host's health (nothing when all is well).
pub fn notice_for(health: Health) -> Option<Notice> {
    match health {
        Health::Good => None,
        Health::Retrying => Some(Notice::HostTrouble),
        Health::Refused => Some(Notice::HostRefused),
        Health::Preview => Some(Notice::Preview),
    }
}

/// The launch's display side: what the LMS says about the learner and the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Launched {
    /// The learner's preferred language, from the LMS.
    pub lang: Option<Lang>,
    /// Inside an LMS's player: keep the edges clear of the player's own buttons.
    pub in_lms: bool,
    /// The host ends the session through the widget's own exit (a cmi5 unit).
    pub exits: bool,
}

/// Every change of the player's state.
pub enum Change {
    /// The learner's (or a test's) action on the session.
    Play(Action),
    /// The host's launch ran: its saved progress (as engine actions) is applied to the
    /// state the page started with, and the page learns the learner's language and
    /// what to tell the learner.
    Launch { actions: Vec<Action>, launched: Launched, notice: Option<Notice> },
    /// The host wrote what the launch means: a notice if it is unwell (an earlier notice stays otherwise).
    Begun(Health),
    /// The host delivered reports (or tried again): the notice follows its health.
    Delivered(Health),
    /// The learner left through the exit.
    Exited,
}

impl From<Action> for Change {
    fn from(action: Action) -> Change {
        Change::Play(action)
    }
}

impl Model {
    pub fn new(session: Session) -> Model {
        Model { session, launched: None, notice: None, exited: false }
    }

    /// This state with the host's launch applied (`Change::Launch`).
    pub fn launched(&self, actions: Vec<Action>, launched: Launched, notice: Option<Notice>) -> Model {
        let session = actions.into_iter().fold(self.session.clone(), |s, a| s.reduce(a));
        Model { session, launched: Some(launched), notice, exited: self.exited }
    }

    /// The one reducer of the player's state.
    pub fn changed(&self, change: Change) -> Model {
        match change {
            Change::Play(action) => Model { session: self.session.reduce(action), launched: self.launched, notice: self.notice, exited: self.exited },
            Change::Launch { actions, launched, notice } => self.launched(actions, launched, notice),
            Change::Begun(health) => Model { notice: notice_for(health).or(self.notice), ..self.clone() },
            Change::Delivered(health) => Model { notice: notice_for(health), ..self.clone() },
            Change::Exited => Model { exited: true, ..self.clone() },
        }
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
            && self.notice == other.notice
            && self.exited == other.exited
    }
}

impl Reducible for Model {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let next = self.changed(change);
        // A change that changes nothing (a delivery that left the notice as it was) re-renders nothing.
        if next == *self {
            self
        } else {
            Rc::new(next)
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

//! What the views are given besides the session: the reducer they dispatch actions
//! to and the page's display settings. Kept apart from `app` so the views never
//! depend on the root component that renders them.

use std::rc::Rc;

use tere_engine::{Action, Session};
use yew::prelude::*;

use crate::params::LangPrefs;

/// Yew's reducer wrapper around the engine's pure `Session::reduce`.
#[derive(Clone, PartialEq)]
pub struct Model(pub Session);

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Model(self.0.reduce(action)))
    }
}

/// Display settings fixed for the page's lifetime.
#[derive(Clone, PartialEq)]
pub struct Config {
    /// What chooses the UI language, with the language of the content on screen.
    pub langs: LangPrefs,
    /// Opened with `?quiz=`: no course menu.
    pub single_quiz: bool,
    /// `?quiz=` named no quiz of the course.
    pub unknown_quiz: bool,
    /// Inside an LMS's player: keep the edges clear of the player's own buttons.
    pub in_lms: bool,
}

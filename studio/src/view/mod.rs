//! The Studio's screens: plain functions from the state to HTML. Automation hooks
//! (`data-action`, `data-quiz-file`, `data-question-id`, `.problem`) are a contract:
//! tests/README.md.

pub mod course;
pub mod fields;
pub mod publish;
pub mod question;

use yew::prelude::*;

use crate::i18n::Ui;
use crate::state::Studio;

pub struct Ctx<'a> {
    pub studio: &'a Studio,
    pub ui: &'static Ui,
    pub dispatch: UseReducerDispatcher<Studio>,
}

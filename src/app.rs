//! The root component: one `Session` in a reducer, rendered by `view`.

use std::rc::Rc;

use tere_engine::{Action, Phase, Screen, Session};
use yew::prelude::*;

use crate::course::COURSE;
use crate::i18n::Lang;
use crate::params::Params;
use crate::view;

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
    pub lang: Lang,
    /// Opened with `?quiz=`: no course menu.
    pub single_quiz: bool,
    /// `?quiz=` named no quiz of the course.
    pub unknown_quiz: bool,
}

#[function_component(App)]
pub fn app() -> Html {
    let setup = use_memo((), |_| {
        let params = Params::from_page();
        let mut session = Session::new(&COURSE);
        let found = params.quiz.as_deref().and_then(|id| COURSE.quizzes.iter().position(|q| q.id == id));
        if let Some(i) = found {
            session = session.reduce(Action::Open(i));
        }
        let config = Config { lang: params.lang, single_quiz: found.is_some(), unknown_quiz: params.quiz.is_some() && found.is_none() };
        (session, config)
    });
    let model = use_reducer({
        let session = setup.0.clone();
        move || Model(session)
    });
    let config = &setup.1;
    use_focus_heading(&model.0);
    let ctx = view::Ctx { session: &model.0, ui: config.lang.ui(), config, dispatch: model.dispatcher() };
    html! {
        <div class="tere" lang={config.lang.code()}>
            { view::screen(&ctx) }
        </div>
    }
}

/// Which screen is showing: quiz, question position and phase, as one comparable key.
fn screen_key(session: &Session) -> (usize, usize, bool) {
    match &session.screen {
        Screen::Menu => (usize::MAX, 0, false),
        Screen::Quiz { quiz, attempt: None } => (*quiz, 0, false),
        Screen::Quiz { quiz, attempt: Some(a) } => (*quiz, a.current + 1, a.phase == Phase::Finished),
    }
}

/// Moves keyboard and screen-reader focus to the new screen's heading whenever the
/// screen or the question changes (not on first load: the host page keeps its focus).
#[hook]
fn use_focus_heading(session: &Session) {
    let first = use_mut_ref(|| true);
    use_effect_with(screen_key(session), move |_| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            view::focus_heading();
        }
    });
}

//! The root component: fetches the course's packs (`content`), shows a loading state
//! while they are on their way and a plain message with a retry when they cannot be
//! read, then hands the course to the `player`. Its few states change only through
//! its reducer.

use std::rc::Rc;

use tere_engine::packed::PackError;
use yew::prelude::*;

use crate::content::{self, Content, Problem};
use crate::host;
use crate::i18n::LangUi;
use crate::params::{choose_lang, Params};
use crate::player::Player;

#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    /// The last load failed; `retrying`: another is on its way (the message and the
    /// button stay, so keyboard focus stays where the learner left it).
    Failed {
        problem: Problem,
        retrying: bool,
    },
    Ready(Rc<Content>),
}

#[derive(Clone, PartialEq)]
struct Load {
    status: Status,
    /// Loads started (a retry starts another, which fetches anew).
    round: u32,
}

enum LoadChange {
    Arrived(Rc<Content>),
    Failed(Problem),
    Retry,
}

impl Reducible for Load {
    type Action = LoadChange;

    fn reduce(self: Rc<Self>, change: LoadChange) -> Rc<Self> {
        let (status, round) = match change {
            LoadChange::Arrived(content) => (Status::Ready(content), self.round),
            LoadChange::Failed(problem) => (Status::Failed { problem, retrying: false }, self.round),
            // One load at a time: a second click while a retry is on its way does nothing.
            LoadChange::Retry => match &self.status {
                Status::Failed { problem, retrying: false } => (Status::Failed { problem: problem.clone(), retrying: true }, self.round + 1),
                _ => return self,
            },
        };
        Rc::new(Load { status, round })
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let params = use_memo((), |_| {
        let params = Params::from_page();
        if let Some(theme) = &params.theme {
            add_stylesheet(theme);
        }
        params
    });
    let load = use_reducer(|| Load { status: Status::Loading, round: 0 });
    {
        let (dispatch, quiz) = (load.dispatcher(), params.quiz.clone());
        use_effect_with(load.round, move |round| {
            let again = *round > 0;
            yew::platform::spawn_local(async move {
                match content::load(quiz.as_deref(), again).await {
                    Ok(content) => {
                        if crate::self_test("panic-after-load") {
                            panic!("self-test panic after the course loaded, requested by the URL");
                        }
                        dispatch.dispatch(LoadChange::Arrived(Rc::new(content)))
                    }
                    Err(problem) => {
                        let message = problem.describe();
                        web_sys::console::error_1(&message.as_str().into());
                        host::report_error(&message);
                        dispatch.dispatch(LoadChange::Failed(problem));
                    }
                }
            });
        });
    }
    let ui = choose_lang(params.lang, None, None, params.browser_lang);
    match &load.status {
        Status::Ready(content) => html! { <Player content={content.clone()} params={params.clone()} /> },
        Status::Loading => html! {
            <div class="tere tere-loading" lang={ui.code()} aria-busy="true">
                <p class="loading" role="status">{ ui.ui().loading }</p>
            </div>
        },
        Status::Failed { problem, retrying } => {
            let text = match problem {
                Problem::Fetch { .. } => ui.ui().load_failed,
                Problem::Pack { error: PackError::Newer { .. }, .. } => ui.ui().load_newer,
                Problem::Pack { .. } => ui.ui().load_damaged,
            };
            let retry = {
                let dispatch = load.dispatcher();
                Callback::from(move |_| dispatch.dispatch(LoadChange::Retry))
            };
            html! {
                <div class="tere" lang={ui.code()}>
                    <div class="load-failed" role="alert">
                        <p>{ text }</p>
                        <button type="button" class="primary" data-action="reload-content" aria-disabled={retrying.to_string()} onclick={retry}>
                            { if *retrying { ui.ui().loading } else { ui.ui().retry } }
                        </button>
                    </div>
                </div>
            }
        }
    }
}

/// Loads a host's theme after the widget's own styles, so its custom properties win.
fn add_stylesheet(href: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let (Ok(link), Some(head)) = (document.create_element("link"), document.head()) {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", href);
        let _ = head.append_child(&link);
    }
}

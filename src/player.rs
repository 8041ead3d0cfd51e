//! The player: one `Model` in a reducer, rendered by `view`, reported to the host
//! after every change. It starts once the course has arrived (`app`).

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Interval;
use tere_engine::report::events;
use tere_engine::{Action, Phase, Screen, Session};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::content::Content;
use crate::host::{self, Clock, Health, Outbox};
use crate::i18n::LangUi;
use crate::params::{LangPrefs, Params};
use crate::state::{notice_for, Change, Config, Launched, Model, Notice};
use crate::view;

type SharedHost = Rc<Outbox>;

/// What the player is given once the course has arrived.
#[derive(Properties)]
pub struct PlayerProps {
    pub content: Rc<Content>,
    pub params: Rc<Params>,
}

impl PartialEq for PlayerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content) && Rc::ptr_eq(&self.params, &other.params)
    }
}

/// The state before the host's launch: the course, at the quiz `?quiz=` names (or
/// its only quiz), started when the page asks (`#start`). The launch's saved
/// progress is applied to it (`launch`).
fn first_session(content: &Content, params: &Params) -> Session {
    let session = Session::new(content.course);
    match content.found {
        Some(i) if params.start => session.reduce(Action::Open(i)).reduce(Action::Start { seed: crate::view::new_seed() }),
        Some(i) => session.reduce(Action::Open(i)),
        None => session,
    }
}

#[function_component(Player)]
pub fn player(props: &PlayerProps) -> Html {
    let content = &props.content;
    let host = use_memo((), |_| Outbox::new(host::open(&props.params)));
    // A host that cannot hold the page (local storage) launches before the first paint;
    // an LMS right after it (`use_launch`).
    let early = use_memo((), |_| (!host.waits_for_paint()).then(|| launch(&host, content)));
    let model = use_reducer(|| match &*early {
        Some(Change::Launch { actions, launched, notice }) => Model::new(first_session(content, &props.params)).launched(actions.clone(), *launched, *notice),
        _ => Model::new(first_session(content, &props.params)),
    });
    let config = use_memo((), |_| Config {
        langs: LangPrefs { url: props.params.lang, lms: None, browser: props.params.browser_lang },
        single_quiz: content.found.is_some(),
        unknown_quiz: content.unknown_quiz,
    });
    use_launch(&host, content, &model);
    let reported = use_mut_ref(|| (*model).clone());
    use_host_reports(&host, &model, &reported);
    use_page_lifecycle(&host, &reported, model.dispatcher());
    use_focus_heading(&model);
    use_fit_and_reveal(&host, &model);
    // After the exit the screen is gone: the message saying so takes the focus.
    use_effect_with(model.exited, |exited| {
        if *exited {
            let message = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(".tere .exited").ok().flatten());
            if let Some(message) = message.and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = message.focus();
            }
        }
    });
    let focus_next = use_mut_ref(|| None);
    {
        let focus_next = focus_next.clone();
        use_effect(move || view::focus_pending(&focus_next));
    }
    // Per screen: the Finnish stage speaks Finnish, the Estonian menu Estonian.
    let lang = model.langs(&config).for_content(model.session.content_lang());
    let ctx = view::Ctx { session: &model.session, lang, ui: lang.ui(), config: &config, dispatch: model.dispatcher(), focus_next };
    let notice_text = model.notice.map(|n| match n {
        Notice::HostTrouble => ctx.ui.host_trouble,
        Notice::HostRefused => ctx.ui.host_refused,
        Notice::Preview => ctx.ui.preview,
        Notice::ProgressReset => ctx.ui.progress_reset,
    });
    // Until the launch has put back what the host saved (a moment after the first
    // paint), the screen is shown but inert: nothing done in that moment could be kept.
    let waiting = model.launched.is_none().then_some("");
    let exit = model.launched.is_some_and(|l| l.exits).then(|| exit_button(&host, &model, ctx.ui));
    html! {
        <div class={classes!("tere", model.in_lms().then_some("in-lms"))} lang={lang.code()} data-launched={model.launched.map(|_| "")} inert={waiting.is_some()} aria-busy={waiting.map(|_| "true")}>
            <p class="host-notice" role="status" hidden={notice_text.is_none()}>{ notice_text.unwrap_or_default() }</p>
            if model.exited {
                <p class="exited" role="status" tabindex="-1">{ ctx.ui.exited }</p>
            } else {
                { view::screen(&ctx) }
                { exit }
            }
        </div>
    }
}

/// The exit of a host that ends its session so (a cmi5 unit): the session is over and
/// the LMS takes the learner back (`Host::exit`).
fn exit_button(host: &SharedHost, model: &UseReducerHandle<Model>, ui: &crate::i18n::Ui) -> Html {
    let onclick = {
        let (host, model) = (host.clone(), model.clone());
        Callback::from(move |_| {
            host.exit(&model.session);
            model.dispatch(Change::Exited);
        })
    };
    html! {
        <p class="exit"><button type="button" data-action="exit" {onclick}>{ ui.exit }</button></p>
    }
}

/// The host connects and reads what it saved: the change that applies it, and what
/// the learner is told about it.
fn launch(host: &Outbox, content: &Content) -> Change {
    let launch = host.launch(content.course);
    let mut actions = vec![Action::ImposePassMark(launch.pass_mark)];
    actions.extend(launch.restore);
    // Back at the quiz `?quiz=` named: now at its resumed attempt, if there is one.
    actions.extend(content.found.map(Action::Open));
    let notice = notice_for(host.health()).or(launch.discarded.then_some(Notice::ProgressReset));
    Change::Launch { actions, launched: Launched { lang: launch.lang, in_lms: launch.in_lms, exits: launch.exits }, notice }
}

/// For a host whose calls may hold the page (an LMS): the launch once the first
/// screen is painted, applied through the reducer.
#[hook]
fn use_launch(host: &SharedHost, content: &Rc<Content>, model: &UseReducerHandle<Model>) {
    let (host, content, dispatch) = (host.clone(), content.clone(), model.dispatcher());
    let pending = model.launched.is_none();
    use_effect_with((), move |_| {
        if pending {
            host::after_paint(move || dispatch.dispatch(launch(&host, &content)));
        }
    });
}

/// Tells the host what each state change means, with the times it needs. Nothing
/// is reported before the launch; the launch itself is not a change the learner made:
/// the host writes what it means (`Host::begin`) once its screen is painted.
#[hook]
fn use_host_reports(host: &SharedHost, model: &UseReducerHandle<Model>, reported: &Rc<RefCell<Model>>) {
    let shown = use_mut_ref(|| (question_key(&model.session), host::now_ms()));
    let begun = use_mut_ref(|| false);
    let host = host.clone();
    let reported = reported.clone();
    let dispatch = model.dispatcher();
    use_effect_with((**model).clone(), move |now| {
        let clock = Clock { now_ms: host::now_ms(), shown_ms: shown.borrow().1 };
        if *begun.borrow() {
            let happened = events(&reported.borrow().session, &now.session);
            if !happened.is_empty() {
                host.report(now.session.clone(), happened, clock, move |health| dispatch.dispatch(Change::Delivered(health)));
            }
        } else if now.launched.is_some() {
            *begun.borrow_mut() = true;
            host.begin(now.session.clone(), move |health| dispatch.dispatch(Change::Begun(health)));
        }
        if shown.borrow().0 != question_key(&now.session) {
            *shown.borrow_mut() = (question_key(&now.session), clock.now_ms);
        }
        *reported.borrow_mut() = now.clone();
    });
}

/// Which question is on screen (for answer latency).
fn question_key(session: &Session) -> Option<(usize, usize)> {
    session.quiz().zip(session.attempt()).map(|((i, _), a)| (i, a.current))
}

/// Saves when the page is hidden, ends the connection when it goes away, retries
/// failed deliveries every few seconds, and reports the content height to a host that wants it.
#[hook]
fn use_page_lifecycle(host: &SharedHost, reported: &Rc<RefCell<Model>>, dispatch: UseReducerDispatcher<Model>) {
    let host = host.clone();
    let reported = reported.clone();
    use_effect_with((), move |_| {
        let window = web_sys::window().expect("a window");
        let document = window.document().expect("a document");
        let leave = {
            let (host, reported) = (host.clone(), reported.clone());
            move |unloading: bool| {
                // Before the launch there is no connection to end and nothing to save.
                let model = reported.borrow();
                if model.launched.is_some() {
                    host.leave(&model.session, unloading);
                }
            }
        };
        let hidden = {
            let (leave, document) = (leave.clone(), document.clone());
            EventListener::new(&document.clone(), "visibilitychange", move |_| {
                if document.visibility_state() == web_sys::VisibilityState::Hidden {
                    leave(false);
                }
            })
        };
        let gone = EventListener::new(&window, "pagehide", move |_| leave(true));
        // A host delivering in the background says when its health changes.
        {
            let dispatch = dispatch.clone();
            host.watch(move |health| dispatch.dispatch(Change::Delivered(health)));
        }
        let retry = {
            let host = host.clone();
            Interval::new(3_000, move || {
                if host.health() == Health::Retrying {
                    host.retry();
                    dispatch.dispatch(Change::Delivered(host.health()));
                }
            })
        };
        // Only a host that sizes the iframe needs the height; others skip the observer's work per frame.
        let resize = if host.wants_height() { observe_height(host) } else { None };
        move || drop((hidden, gone, retry, resize))
    });
}

/// What keeps the height reported: the observer, its callback, the resize listener.
type HeightWatch = (web_sys::ResizeObserver, Closure<dyn Fn()>, EventListener);

/// The widget's height: where its root ends.
fn content_height(root: &web_sys::Element) -> u32 {
    root.dyn_ref::<web_sys::HtmlElement>().map_or(0, |e| (e.offset_top() + e.offset_height()).max(0) as u32)
}

/// Reports the widget's height to the host whenever it changes, and whenever the
/// window is resized (an LMS page may have set the frame's height again). Changes
/// the widget makes itself are reported at once, after each render (`use_fit_and_reveal`).
fn observe_height(host: SharedHost) -> Option<HeightWatch> {
    let root = crate::mount_point();
    let measure = Rc::new({
        let root = root.clone();
        move || host.resized(content_height(&root))
    });
    let window = web_sys::window()?;
    let on_resize = {
        let measure = measure.clone();
        EventListener::new(&window, "resize", move |_| measure())
    };
    let observed = Closure::<dyn Fn()>::new(move || measure());
    let observer = web_sys::ResizeObserver::new(observed.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    Some((observer, observed, on_resize))
}

/// Which screen is showing: quiz, question position and phase, as one comparable key.
fn screen_key(session: &Session) -> (usize, usize, bool) {
    match &session.screen {
        Screen::Menu => (usize::MAX, 0, false),
        Screen::Quiz(quiz) => match &session.quizzes[*quiz].attempt {
            None => (*quiz, 0, false),
            Some(a) => (*quiz, a.current + 1, a.phase == Phase::Finished),
        },
    }
}

/// Moves keyboard and screen-reader focus to the new screen's heading whenever the
/// screen or the question changes (not on first load, nor when the launch puts back a
/// saved attempt: the host page keeps its focus until the learner acts).
#[hook]
fn use_focus_heading(model: &Model) {
    let launched = model.launched.is_some();
    let last = use_mut_ref(|| None);
    use_effect_with((screen_key(&model.session), launched), move |now| {
        let before = last.borrow_mut().replace(*now);
        if before.is_some_and(|(_, was_launched)| was_launched == now.1) {
            view::focus_heading();
        }
    });
}

/// Which check's feedback is showing: quiz, question and tries used, while the
/// question is checked; `None` otherwise.
fn check_key(session: &Session) -> Option<(usize, usize, u8)> {
    let (quiz, _) = session.quiz()?;
    let attempt = session.attempt()?;
    (attempt.phase == Phase::Checked).then(|| (quiz, attempt.current, attempt.tries[attempt.current]))
}

/// After every render, in the task that changed the DOM: the host's frame is sized
/// to the content (the resize observer answers only in the browser's next rendering,
/// after the LMS page's own frame callbacks have seen the old height; in Moodle 4.3 the
/// frame was seen too short until its synchronous commit let go, about 0.7 s); then,
/// after a check, the next action is brought into view in the next frame, the frame
/// already grown.
/// It moves no focus: a check puts focus on the feedback (`feedback::FOCUS`).
#[hook]
fn use_fit_and_reveal(host: &SharedHost, model: &Model) {
    let host = host.clone();
    let now = (check_key(&model.session), model.launched.is_some());
    let last = use_mut_ref(|| None);
    use_effect(move || {
        if host.wants_height() {
            host.resized(content_height(&crate::mount_point()));
        }
        let before = last.borrow_mut().replace(now);
        // A new check by the learner: not one the launch put back.
        if now.0.is_some() && before.is_some_and(|(key, was_launched)| key != now.0 && was_launched == now.1) {
            // In the frame that shows the check, before its layout: scrolling here, in
            // the click's task, would force a layout that the frame then does again.
            before_next_frame(view::reveal_action);
        }
    });
}

/// Runs `f` in the next frame's requestAnimationFrame callbacks, before its style,
/// layout and paint.
fn before_next_frame(f: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(Closure::once_into_js(f).unchecked_ref());
    }
}

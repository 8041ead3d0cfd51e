//! The root component: one `Session` in a reducer, rendered by `view`, reported
//! to the host after every change.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Interval;
use tere_engine::report::events;
use tere_engine::{Action, Phase, Screen, Session};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::course::course;
use crate::host::{self, Clock, Health, Outbox};
use crate::params::{LangPrefs, Params};
use crate::state::{Config, Model};
use crate::view;

/// A short, non-blocking message about saving.
#[derive(Clone, Copy, PartialEq)]
pub enum Notice {
    /// Results could not be delivered yet; they are kept and sent again.
    HostTrouble,
    /// The LMS refused this session; results are kept on the device for the next launch.
    HostRefused,
    /// The LMS opened the quiz in browse or review mode: nothing is recorded.
    Preview,
    /// Saved progress could not be read; a fresh attempt starts.
    ProgressReset,
}

/// What the learner is told about the host's health (nothing when all is well).
fn notice_for(health: Health) -> Option<Notice> {
    match health {
        Health::Good => None,
        Health::Retrying => Some(Notice::HostTrouble),
        Health::Refused => Some(Notice::HostRefused),
        Health::Preview => Some(Notice::Preview),
    }
}

type SharedHost = Rc<Outbox>;

/// What is set up once per page: the host connection, the first state, the config.
struct Setup {
    host: SharedHost,
    session: Session,
    config: Config,
    notice: Option<Notice>,
}

impl Setup {
    fn new() -> Setup {
        let params = Params::from_page();
        if let Some(theme) = &params.theme {
            add_stylesheet(theme);
        }
        let mut host = host::open(&params);
        let launch = host.launch(course());
        let mut session = Session::new(course()).reduce(Action::ImposePassMark(launch.pass_mark));
        for action in launch.restore {
            session = session.reduce(action);
        }
        let found = params.quiz.as_deref().and_then(|id| course().quizzes.iter().position(|q| q.id == id));
        if let Some(i) = found {
            session = session.reduce(Action::Open(i));
        }
        let config = Config {
            langs: LangPrefs { url: params.lang, lms: launch.lang, browser: params.browser_lang },
            single_quiz: found.is_some(),
            unknown_quiz: params.quiz.is_some() && found.is_none(),
            in_lms: launch.in_lms,
        };
        let notice = notice_for(host.health()).or(launch.discarded.then_some(Notice::ProgressReset));
        Setup { host: Outbox::new(host), session, config, notice }
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

#[function_component(App)]
pub fn app() -> Html {
    let setup = use_memo((), |_| Setup::new());
    let model = use_reducer({
        let session = setup.session.clone();
        move || Model(session)
    });
    let notice = use_state_eq(|| setup.notice); // `_eq`: a report that changes nothing re-renders nothing
    let reported = use_mut_ref(|| setup.session.clone());
    use_host_reports(&setup.host, &model.0, &reported, &notice);
    use_page_lifecycle(&setup.host, &reported, &notice);
    use_focus_heading(&model.0);
    let focus_next = use_mut_ref(|| None);
    {
        let focus_next = focus_next.clone();
        use_effect(move || view::focus_pending(&focus_next));
    }
    let config = &setup.config;
    // Per screen: the Finnish stage speaks Finnish, the Estonian menu Estonian.
    let lang = config.langs.for_content(model.0.content_lang());
    let ctx = view::Ctx { session: &model.0, lang, ui: lang.ui(), config, dispatch: model.dispatcher(), focus_next };
    let notice_text = notice.map(|n| match n {
        Notice::HostTrouble => ctx.ui.host_trouble,
        Notice::HostRefused => ctx.ui.host_refused,
        Notice::Preview => ctx.ui.preview,
        Notice::ProgressReset => ctx.ui.progress_reset,
    });
    html! {
        <div class={classes!("tere", config.in_lms.then_some("in-lms"))} lang={lang.code()}>
            <p class="host-notice" role="status" hidden={notice_text.is_none()}>{ notice_text.unwrap_or_default() }</p>
            { view::screen(&ctx) }
        </div>
    }
}

/// Tells the host what each state change means, with the times it needs.
#[hook]
fn use_host_reports(host: &SharedHost, session: &Session, reported: &Rc<RefCell<Session>>, notice: &UseStateHandle<Option<Notice>>) {
    let shown = use_mut_ref(|| (question_key(session), host::now_ms()));
    {
        // What the launch means is written once the first screen is painted.
        let (host, first, notice) = (host.clone(), session.clone(), notice.clone());
        use_effect_with((), move |_| {
            host.begin(first, move |health| {
                if let Some(n) = notice_for(health) {
                    notice.set(Some(n));
                }
            })
        });
    }
    let host = host.clone();
    let reported = reported.clone();
    let notice = notice.clone();
    use_effect_with(session.clone(), move |now| {
        let happened = events(&reported.borrow(), now);
        let clock = Clock { now_ms: host::now_ms(), shown_ms: shown.borrow().1 };
        if !happened.is_empty() {
            let notice = notice.clone();
            host.report(now.clone(), happened, clock, move |health| notice.set(notice_for(health)));
        }
        if shown.borrow().0 != question_key(now) {
            *shown.borrow_mut() = (question_key(now), clock.now_ms);
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
fn use_page_lifecycle(host: &SharedHost, reported: &Rc<RefCell<Session>>, notice: &UseStateHandle<Option<Notice>>) {
    let host = host.clone();
    let reported = reported.clone();
    let notice = notice.clone();
    use_effect_with((), move |_| {
        let window = web_sys::window().expect("a window");
        let document = window.document().expect("a document");
        let leave = {
            let (host, reported) = (host.clone(), reported.clone());
            move |unloading: bool| {
                host.leave(&reported.borrow(), unloading);
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
        let retry = {
            let host = host.clone();
            Interval::new(3_000, move || {
                if host.health() == Health::Retrying {
                    host.retry();
                    notice.set(notice_for(host.health()));
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

/// Reports the widget's height to the host whenever it changes, and whenever the
/// window is resized (an LMS page may have set the frame's height again).
fn observe_height(host: SharedHost) -> Option<HeightWatch> {
    let root = crate::mount_point();
    let measure = Rc::new({
        let root = root.clone();
        move || {
            let height = root.dyn_ref::<web_sys::HtmlElement>().map_or(0, |e| (e.offset_top() + e.offset_height()).max(0) as u32);
            host.resized(height);
        }
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

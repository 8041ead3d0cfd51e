//! The one door to the host. The app talks to a `Host` through the `Outbox` (which
//! delivers after the paint); which protocol is behind it (SCORM 1.2, SCORM 2004,
//! postMessage to a parent page, or local storage alone) is decided once at start,
//! and the quiz never knows.

mod frame;
mod lms;
mod local;
mod outbox;
mod post_message;
mod scorm;

use tere_engine::cmi::Version;
pub use tere_engine::health::Health;
use tere_engine::report::Event;
use tere_engine::sco::Api;
use tere_engine::{Action, Course, Session};

use crate::i18n::Lang;
use crate::params::{HostChoice, Params};
pub use outbox::{after_paint, Outbox};

/// What the host knows when the widget starts.
#[derive(Default)]
pub struct Launch {
    /// Saved progress to put back, as reducer actions.
    pub restore: Vec<Action>,
    /// The learner's preferred language, from the LMS.
    pub lang: Option<Lang>,
    /// A pass mark the LMS imposes (its mastery score).
    pub pass_mark: Option<u8>,
    /// Saved progress existed but could not be read; the learner starts afresh.
    pub discarded: bool,
    /// The widget runs inside an LMS's player (which may overlay its edges).
    pub in_lms: bool,
}

/// Times the reports need, in milliseconds since 1970.
#[derive(Clone, Copy)]
pub struct Clock {
    pub now_ms: u64,
    /// When the current question appeared (for an answer's latency).
    pub shown_ms: u64,
}

impl Clock {
    /// A clock for a call that reports no answer (leaving).
    pub fn now() -> Clock {
        let now_ms = now_ms();
        Clock { now_ms, shown_ms: now_ms }
    }
}

pub trait Host {
    /// Connect and read what the host saved. Called once, first: after the first
    /// paint when `waits_for_paint`, else before it.
    fn launch(&mut self, course: &'static Course) -> Launch;
    /// Whether a call to this host may hold the page (an LMS call can be a synchronous
    /// request): then the launch waits until the first screen is painted. Reading
    /// local storage does not, so those hosts launch before the first paint.
    fn waits_for_paint(&self) -> bool {
        false
    }
    /// The widget's first state, after the first paint: write what the launch means
    /// (the SCO is begun, work an earlier session could not deliver).
    fn begin(&mut self, _session: &Session) {}
    /// The session after `events` happened.
    fn report(&mut self, session: &Session, events: &[Event], clock: Clock);
    /// The page is hidden (`unloading` false) or going away (true): save now;
    /// when going away, end the connection.
    fn leave(&mut self, session: &Session, unloading: bool, clock: Clock);
    /// Try again to deliver what could not be delivered.
    fn retry(&mut self);
    /// Anything other than `Good` is shown to the learner as a notice.
    fn health(&self) -> Health;
    /// Whether the host sizes the widget's iframe to its content (then `resized` is called).
    fn wants_height(&self) -> bool {
        false
    }
    /// The widget's content height changed.
    fn resized(&mut self, _height: u32) {}
}

/// Picks the door: `?host=` when given; else an LMS API found the SCORM way
/// (2004 preferred); else postMessage inside a frame; else local storage alone.
pub fn open(params: &Params) -> Box<dyn Host> {
    let scorm = |version, lms: Option<lms::Lms>| -> Box<dyn Host> {
        let api: Box<dyn Api> = match lms {
            Some(lms) => Box::new(lms),
            None => Box::new(lms::NoLms),
        };
        Box::new(scorm::ScormHost::new(version, api, params.quiz.clone()))
    };
    let post_message = || -> Box<dyn Host> { Box::new(post_message::PostMessageHost::new(params.host_origin.clone())) };
    match params.host {
        Some(HostChoice::Scorm2004) => scorm(Version::Scorm2004, lms::Lms::find(Version::Scorm2004)),
        Some(HostChoice::Scorm12) => scorm(Version::Scorm12, lms::Lms::find(Version::Scorm12)),
        Some(HostChoice::PostMessage) => post_message(),
        Some(HostChoice::Standalone) => Box::new(local::StandaloneHost),
        None => {
            // Each search walks up to 500 windows: do each at most once.
            if let Some(api) = lms::Lms::find(Version::Scorm2004) {
                scorm(Version::Scorm2004, Some(api))
            } else if let Some(api) = lms::Lms::find(Version::Scorm12) {
                scorm(Version::Scorm12, Some(api))
            } else if in_frame() {
                post_message()
            } else {
                Box::new(local::StandaloneHost)
            }
        }
    }
}

pub(super) fn in_frame() -> bool {
    let Some(window) = web_sys::window() else { return false };
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &window),
        _ => false,
    }
}

/// Tells an embedding page that the widget stopped or could not load its course
/// (`tere:error`), under the same origin rules as every other message.
pub fn report_error(message: &str) {
    let origin = crate::params::Params::from_page().host_origin;
    post_message::post_error(origin, message);
}

pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Reports a fault to the console for whoever administers the LMS.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&format!("Tere: {message}").into());
}

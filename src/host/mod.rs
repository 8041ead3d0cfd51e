//! The one door to the host. The app talks to a `Host` through the `Outbox` (which
//! delivers after the paint); which protocol is behind it (SCORM 1.2, SCORM 2004,
//! postMessage to a parent page, or local storage alone) is decided once at start,
//! and the quiz never knows.

// A player carries the doors its package uses (Cargo features, built by xtask):
// SCORM in a SCORM package, postMessage on the site and the offline page.
#[cfg(feature = "scorm")]
mod frame;
#[cfg(feature = "scorm")]
mod lms;
mod local;
mod outbox;
#[cfg(feature = "page")]
mod post_message;
#[cfg(feature = "scorm")]
mod scorm;
#[cfg(feature = "xapi")]
mod xapi;

use std::rc::Rc;

use tere_engine::cmi::Version;
pub use tere_engine::health::Health;
use tere_engine::report::Event;
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
    /// The learner leaves through the widget's own exit (`Host::exit`): a cmi5 unit
    /// ends its session so, and goes back to the LMS.
    pub exits: bool,
}

/// Times the reports need, in milliseconds since 1970.
#[derive(Clone, Copy)]
pub struct Clock {
    pub now_ms: u64,
    /// When the current question appeared (for an answer's latency, which only an
    /// LMS records).
    #[cfg_attr(not(feature = "scorm"), allow(dead_code))]
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
    /// The learner leaves through the widget's exit (when the launch said `exits`).
    fn exit(&mut self, _session: &Session, _clock: Clock) {}
    /// Try again to deliver what could not be delivered.
    fn retry(&mut self);
    /// Anything other than `Good` is shown to the learner as a notice.
    fn health(&self) -> Health;
    /// A host that delivers in the background tells `on_change` when its health
    /// changes between calls.
    fn watch(&mut self, _on_change: Rc<dyn Fn(Health)>) {}
    /// Whether the host sizes the widget's iframe to its content (then `resized` is called).
    fn wants_height(&self) -> bool {
        false
    }
    /// The widget's content height changed.
    fn resized(&mut self, _height: u32) {}
}

/// Picks the door: `?host=` when given; else a cmi5 or xAPI launch in the URL; else an
/// LMS API found the SCORM way (2004 preferred); else postMessage inside a frame;
/// else local storage alone.
/// A door this player does not carry is local storage alone too.
pub fn open(params: &Params) -> Box<dyn Host> {
    let door = match params.host {
        Some(HostChoice::Scorm2004) => scorm_door(Version::Scorm2004, params),
        Some(HostChoice::Scorm12) => scorm_door(Version::Scorm12, params),
        Some(HostChoice::PostMessage) => page_door(params),
        Some(HostChoice::Standalone) => None,
        None => xapi_door(params).or_else(|| lms_door(params)).or_else(|| if in_frame() { page_door(params) } else { None }),
    };
    door.unwrap_or_else(|| Box::new(local::StandaloneHost))
}

/// The SCORM door asked for (2004, or 1.2), with the LMS's API when one is found
/// (without, it keeps the learner's work in local storage).
#[cfg(feature = "scorm")]
fn scorm_door(version: Version, params: &Params) -> Option<Box<dyn Host>> {
    Some(scorm::ScormHost::open(version, lms::Lms::find(version), params.quiz.clone()))
}

/// The SCORM door of an LMS whose API is found (2004 preferred).
#[cfg(feature = "scorm")]
fn lms_door(params: &Params) -> Option<Box<dyn Host>> {
    // Each search walks up to 500 windows: do each at most once.
    [Version::Scorm2004, Version::Scorm12]
        .into_iter()
        .find_map(|version| Some(scorm::ScormHost::open(version, Some(lms::Lms::find(version)?), params.quiz.clone())))
}

#[cfg(not(feature = "scorm"))]
fn scorm_door(_version: Version, _params: &Params) -> Option<Box<dyn Host>> {
    None
}

#[cfg(not(feature = "scorm"))]
fn lms_door(_params: &Params) -> Option<Box<dyn Host>> {
    None
}

/// The cmi5 or xAPI launch-link door, when the URL carries such a launch.
#[cfg(feature = "xapi")]
fn xapi_door(params: &Params) -> Option<Box<dyn Host>> {
    xapi::XapiHost::open(params.quiz.clone())
}

#[cfg(not(feature = "xapi"))]
fn xapi_door(_params: &Params) -> Option<Box<dyn Host>> {
    None
}

#[cfg(feature = "page")]
fn page_door(params: &Params) -> Option<Box<dyn Host>> {
    Some(Box::new(post_message::PostMessageHost::new(params.host_origin.clone())))
}

#[cfg(not(feature = "page"))]
fn page_door(_params: &Params) -> Option<Box<dyn Host>> {
    None
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
/// A player without the postMessage door (a SCORM package's) tells nobody: its LMS
/// listens to no message, and the learner sees the failure.
pub fn report_error(message: &str) {
    #[cfg(feature = "page")]
    post_message::post_error(crate::params::Params::from_page().host_origin, message);
    #[cfg(not(feature = "page"))]
    let _ = message;
}

pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

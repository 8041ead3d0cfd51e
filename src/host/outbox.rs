//! Reports wait for the paint. Telling the host runs on the main thread, and an LMS
//! commit can be a synchronous request (Moodle's SCORM player posts the data and waits
//! for the answer). Done right after a change, it would hold back the frame that shows
//! the learner the feedback. So reports queue here and are delivered once that frame
//! is painted, in order, and always before the host hears anything else.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use tere_engine::report::Event;
use tere_engine::{Course, Session};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{Clock, Health, Host, Launch};

/// Something waiting to be told to the host.
enum Delivery {
    /// The first state, after launch (`Host::begin`).
    Begin(Session),
    Report(Session, Vec<Event>, Clock),
}

/// The longest a report waits when no frame comes (a hidden or throttled page).
const LATEST_MS: i32 = 1_000;

/// Told the host's health once a delivery has been made.
type Delivered = Box<dyn Fn(Health)>;

pub struct Outbox {
    host: RefCell<Box<dyn Host>>,
    /// Deliveries waiting for the paint, each with whom to tell once it is made.
    waiting: RefCell<Vec<(Delivery, Delivered)>>,
    /// Counts deliveries, so that each batch's two timers deliver it at most once.
    batch: Cell<u64>,
}

impl Outbox {
    pub fn new(host: Box<dyn Host>) -> Rc<Outbox> {
        Rc::new(Outbox { host: RefCell::new(host), waiting: RefCell::default(), batch: Cell::new(0) })
    }

    /// Connects to the host and reads what it saved (`Host::launch`): call it after the
    /// first paint, since an LMS call may be a synchronous request.
    pub fn launch(&self, course: &'static Course) -> Launch {
        self.host.borrow_mut().launch(course)
    }

    pub fn waits_for_paint(&self) -> bool {
        self.host.borrow().waits_for_paint()
    }

    /// Queues the first state: what the launch means is written after the first paint
    /// (an LMS commit may be a synchronous request); `delivered` gets the host's health.
    pub fn begin(self: &Rc<Self>, session: Session, delivered: impl Fn(Health) + 'static) {
        self.wait(Delivery::Begin(session), delivered);
    }

    /// Queues a report; `delivered` gets the host's health once it is delivered.
    pub fn report(self: &Rc<Self>, session: Session, events: Vec<Event>, clock: Clock, delivered: impl Fn(Health) + 'static) {
        self.wait(Delivery::Report(session, events, clock), delivered);
    }

    fn wait(self: &Rc<Self>, delivery: Delivery, delivered: impl Fn(Health) + 'static) {
        let first = self.waiting.borrow().is_empty();
        self.waiting.borrow_mut().push((delivery, Box::new(delivered)));
        if !first {
            return;
        }
        let deliver = {
            let (outbox, batch) = (self.clone(), self.batch.get());
            move || {
                if outbox.batch.get() == batch {
                    outbox.deliver();
                }
            }
        };
        after_paint(deliver.clone());
        later(LATEST_MS, &Closure::once_into_js(deliver));
    }

    /// Delivers every waiting report now, then tells each one's listener the health
    /// that follows (every one of a batch: a `Begin` and a `Report` delivered together
    /// both hear it, so no stale notice is left).
    pub fn deliver(&self) {
        self.batch.set(self.batch.get() + 1);
        let waiting = self.waiting.take();
        if waiting.is_empty() {
            return;
        }
        {
            let mut host = self.host.borrow_mut();
            for (delivery, _) in &waiting {
                match delivery {
                    Delivery::Begin(session) => host.begin(session),
                    Delivery::Report(session, events, clock) => host.report(session, events, *clock),
                }
            }
        }
        let health = self.health();
        for (_, delivered) in &waiting {
            delivered(health);
        }
    }

    pub fn leave(&self, session: &Session, unloading: bool) {
        self.deliver();
        self.host.borrow_mut().leave(session, unloading, Clock::now());
    }

    /// The learner leaves through the widget's exit: what waits is delivered first.
    pub fn exit(&self, session: &Session) {
        self.deliver();
        self.host.borrow_mut().exit(session, Clock::now());
    }

    /// `on_change` hears the host's health whenever it changes in the background.
    pub fn watch(&self, on_change: impl Fn(Health) + 'static) {
        self.host.borrow_mut().watch(Rc::new(on_change));
    }

    pub fn retry(&self) {
        self.deliver();
        self.host.borrow_mut().retry();
    }

    pub fn health(&self) -> Health {
        self.host.borrow().health()
    }

    pub fn wants_height(&self) -> bool {
        self.host.borrow().wants_height()
    }

    pub fn resized(&self, height: u32) {
        self.host.borrow_mut().resized(height);
    }
}

/// Runs `f` after the next frame is painted: from a requestAnimationFrame callback,
/// when the browser is next idle (or within 100 ms), so it never delays that frame.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let run = Closure::once_into_js(f);
    let next_frame = Closure::once_into_js(move || {
        let Some(window) = web_sys::window() else { return };
        let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        match idle {
            Some(request_idle) => {
                let options = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&options, &"timeout".into(), &100.into());
                let _ = request_idle.call2(&window, &run, &options);
            }
            None => later(0, &run),
        }
    });
    let _ = window.request_animation_frame(next_frame.unchecked_ref());
}

/// `setTimeout` with a `Closure::once_into_js` function, which frees itself once run.
fn later(ms: i32, f: &JsValue) {
    let Some(window) = web_sys::window() else { return };
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms);
}

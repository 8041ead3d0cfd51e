//! A plain iframe host: versioned `tere:*` messages to the parent page (contract:
//! docs/host-events.md), only to the host's origin; progress kept in local storage.

use js_sys::{Array, Object, Reflect};
use tere_engine::messages::{self, Message, Value};
use tere_engine::report::Event;
use tere_engine::{Course, Session};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use tere_engine::storage::Shelf;

use super::local::LocalStorage;
use super::{Clock, Health, Host, Launch};

pub struct PostMessageHost {
    /// Where messages may go; `None` = nowhere (no `hostOrigin` and no referrer).
    origin: Option<String>,
    last_height: u32,
}

impl PostMessageHost {
    pub fn new(host_origin: Option<String>) -> Self {
        PostMessageHost { origin: target_origin(host_origin), last_height: 0 }
    }

    fn post(&self, message: &Message) {
        post_to(self.origin.as_deref(), message);
    }
}

/// `hostOrigin` when given, else the embedding page's origin from the referrer.
fn target_origin(host_origin: Option<String>) -> Option<String> {
    host_origin.or_else(referrer_origin).filter(|o| o != "null")
}

pub fn post_error(host_origin: Option<String>, message: &str) {
    if super::in_frame() {
        post_to(target_origin(host_origin).as_deref(), &messages::error(message));
    }
}

/// Posts the engine's `message` as the contract's plain object: `type` and `version`
/// first, then its fields in their order. What the fields are is the engine's
/// (`tere_engine::messages`); this only carries them.
fn post_to(origin: Option<&str>, message: &Message) {
    let Some(origin) = origin else { return };
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else { return };
    let o = Object::new();
    set(&o, "type", &message.kind.into());
    set(&o, "version", &messages::VERSION.into());
    set_fields(&o, &message.fields);
    let _ = parent.post_message(&o, origin);
}

fn set(o: &Object, name: &str, value: &JsValue) {
    let _ = Reflect::set(o, &name.into(), value);
}

fn set_fields(o: &Object, fields: &[(&str, Value)]) {
    for (name, value) in fields {
        set(o, name, &to_js(value));
    }
}

/// The one conversion from the engine's values to JavaScript ones.
fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => (*b).into(),
        Value::Int(n) => (*n).into(),
        Value::Num(x) => (*x).into(),
        Value::Str(s) => s.as_ref().into(),
        Value::List(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Object(fields) => {
            let o = Object::new();
            set_fields(&o, fields);
            o.into()
        }
    }
}

fn referrer_origin() -> Option<String> {
    let referrer = web_sys::window()?.document()?.referrer();
    let url = web_sys::Url::new(&referrer).ok()?;
    Some(url.origin())
}

impl Host for PostMessageHost {
    fn launch(&mut self, course: &'static Course) -> Launch {
        let (restore, discarded) = Shelf::site().restore(&LocalStorage, course);
        self.post(&messages::ready(course));
        // A host that attached its listener late may ask again; other origins are ignored.
        if let (Some(origin), Some(window)) = (self.origin.clone(), web_sys::window()) {
            let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let asks = Reflect::get(&e.data(), &"type".into()).ok().and_then(|t| t.as_string());
                if e.origin() == origin && asks.as_deref() == Some("tere:hello") {
                    post_to(Some(&origin), &messages::ready(course));
                }
            });
            let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
            on_message.forget(); // lives as long as the page
        }
        Launch { restore, discarded, ..Launch::default() }
    }

    fn report(&mut self, session: &Session, events: &[Event], _clock: Clock) {
        Shelf::site().save_touched(&LocalStorage, session, events);
        for message in messages::for_events(session, events) {
            self.post(&message);
        }
    }

    fn leave(&mut self, _session: &Session, _unloading: bool, _clock: Clock) {}

    fn retry(&mut self) {}

    fn health(&self) -> Health {
        Health::Good
    }

    fn wants_height(&self) -> bool {
        true
    }

    fn resized(&mut self, height: u32) {
        if height != self.last_height {
            self.last_height = height;
            self.post(&messages::resize(height));
        }
    }
}

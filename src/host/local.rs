//! The browser's local storage as the engine's `Store` (what is kept under which key
//! is `tere_engine::storage`), and the door of a page on its own, which keeps
//! everything there.

use tere_engine::report::Event;
use tere_engine::storage::{Shelf, Store};
use tere_engine::{Course, Session};

use super::{Clock, Health, Host, Launch};

/// `window.localStorage`; a missing, full or blocked storage reads as empty and drops writes.
pub struct LocalStorage;

impl LocalStorage {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }
}

impl Store for LocalStorage {
    fn read(&self, key: &str) -> Option<String> {
        Self::storage()?.get_item(key).ok().flatten()
    }

    fn write(&self, key: &str, value: Option<&str>) {
        let Some(storage) = Self::storage() else { return };
        // A full or blocked storage must not stop the quiz.
        let _ = match value {
            Some(text) => storage.set_item(key, text),
            None => storage.remove_item(key),
        };
    }
}

/// A page on its own: progress lives in local storage only.
pub struct StandaloneHost;

impl Host for StandaloneHost {
    fn launch(&mut self, course: &'static Course) -> Launch {
        let (restore, discarded) = Shelf::site().restore(&LocalStorage, course);
        Launch { restore, discarded, ..Launch::default() }
    }

    fn report(&mut self, session: &Session, events: &[Event], _clock: Clock) {
        Shelf::site().save_touched(&LocalStorage, session, events);
    }

    fn leave(&mut self, _session: &Session, _unloading: bool, _clock: Clock) {}

    fn retry(&mut self) {}

    fn health(&self) -> Health {
        Health::Good
    }
}

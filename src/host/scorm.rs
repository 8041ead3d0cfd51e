//! SCORM 1.2 and 2004: the door that carries the engine's delivery client
//! (`tere_engine::sco::Client`, where every rule about what to write, when, and what
//! to keep lives) to the LMS's API object and to local storage. It holds no policy.

use tere_engine::cmi::Version;
use tere_engine::report::Event;
use tere_engine::sco::{Api, Client};
use tere_engine::{Course, Session};

use super::lms::{Lms, NoLms};
use super::local::LocalStorage;
use super::{Clock, Health, Host, Launch};
use crate::i18n::Lang;

pub struct ScormHost {
    client: Client,
    lms: Box<dyn Api>,
}

impl ScormHost {
    /// The door to `lms`; without an LMS (a package opened outside one), the learner's
    /// work is kept in local storage for when it is.
    pub fn open(version: Version, lms: Option<Lms>, quiz_id: Option<String>) -> Box<dyn Host> {
        let lms: Box<dyn Api> = match lms {
            Some(lms) => Box::new(lms),
            None => Box::new(NoLms),
        };
        Box::new(ScormHost { client: Client::new(version, quiz_id, super::now_ms()), lms })
    }

    /// Tells whoever runs the LMS what failed (each fault once), in the console.
    fn log(&mut self) {
        for message in self.client.take_warnings() {
            web_sys::console::warn_1(&format!("Tere: {message}").into());
        }
    }
}

impl Host for ScormHost {
    fn launch(&mut self, course: &'static Course) -> Launch {
        let launched = self.client.launch(course, &*self.lms, &LocalStorage);
        self.log();
        Launch {
            restore: launched.restore,
            lang: launched.language.as_deref().and_then(Lang::parse),
            pass_mark: launched.pass_mark,
            discarded: launched.discarded,
            in_lms: true,
            exits: false,
        }
    }

    fn begin(&mut self, session: &Session) {
        self.client.begin(session, &*self.lms, &LocalStorage);
        self.log();
    }

    fn report(&mut self, session: &Session, events: &[Event], clock: Clock) {
        self.client.report(session, events, clock.now_ms, clock.shown_ms, &*self.lms, &LocalStorage);
        self.log();
    }

    fn leave(&mut self, session: &Session, unloading: bool, clock: Clock) {
        self.client.leave(session, unloading, clock.now_ms, &*self.lms, &LocalStorage);
        self.log();
    }

    fn retry(&mut self) {
        self.client.retry(&*self.lms, &LocalStorage);
        self.log();
    }

    fn health(&self) -> Health {
        self.client.health()
    }

    fn waits_for_paint(&self) -> bool {
        true
    }

    fn wants_height(&self) -> bool {
        super::frame::fits_frame()
    }

    fn resized(&mut self, height: u32) {
        super::frame::fit_frame(height);
    }
}

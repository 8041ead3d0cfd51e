//! SCORM 1.2 and 2004 behind one adapter. What to write is the engine's
//! (`tere_engine::sco`); this file carries it: it connects, delivers writes in
//! order, asks the LMS for a list's next index when a record is delivered, and
//! keeps what could not be delivered (and the state, in local storage) for the
//! next try or the next launch. Terminate is called once, last.

use tere_engine::cmi::Version;
use tere_engine::report::Event;
use tere_engine::sco::{self, Backup, InitFailure, List, LmsState, Scope, Write};
use tere_engine::{Course, Session};

use super::lms::{Fault, Lms};
use super::local::LocalStore;
use super::{warn, Clock, Health, Host, Launch};
use crate::i18n::Lang;

#[derive(PartialEq)]
enum Connection {
    NotStarted,
    Open,
    Terminated,
    /// The API object will never accept this session (e.g. 2004 error 104).
    Refused,
}

/// A write waiting for delivery. A listed record remembers the index the LMS gave it
/// and how many of its fields arrived, so a retry finishes it instead of starting over.
struct Pending {
    write: Write,
    index: Option<u32>,
    sent: usize,
}

pub struct ScormHost {
    version: Version,
    lms: Option<Lms>,
    /// `?quiz=`: a stage SCO; without it, the course SCO.
    quiz_id: Option<String>,
    scope: Scope,
    connection: Connection,
    /// False in browse or review mode: nothing is written.
    records: bool,
    queue: Vec<Pending>,
    commit_due: bool,
    /// Objective index by id, as found in or given by the LMS.
    objectives: Vec<(String, u32)>,
    lms_state: LmsState,
    unsent_at_launch: bool,
    /// This SCO's key for undelivered work in local storage: the quiz id, or `~course`.
    sco_key: String,
    /// What local storage holds under that key (as far as this page wrote or read it).
    unsent_noted: Option<String>,
    started_ms: u64,
    backup: LocalStore,
    health: Health,
    /// The last fault, so it is logged once, not on every retry.
    last_fault: Option<String>,
}

impl ScormHost {
    pub fn new(version: Version, lms: Option<Lms>, quiz_id: Option<String>) -> Self {
        let scope = match version {
            Version::Scorm12 => "scorm12",
            Version::Scorm2004 => "scorm2004",
        };
        ScormHost {
            version,
            lms,
            quiz_id,
            scope: Scope::Course,
            connection: Connection::NotStarted,
            records: true,
            queue: Vec::new(),
            commit_due: false,
            objectives: Vec::new(),
            lms_state: LmsState::default(),
            unsent_at_launch: false,
            sco_key: String::new(),
            unsent_noted: None,
            started_ms: super::now_ms(),
            backup: LocalStore::new(scope),
            health: Health::Good,
            last_fault: None,
        }
    }

    fn queue(&mut self, writes: Vec<Write>) {
        if !self.records {
            return;
        }
        for write in writes {
            // A newer value replaces one still waiting; records in a list are never replaced.
            if let Write::Value(element, _) = &write {
                self.queue.retain(|p| !matches!(&p.write, Write::Value(e, _) if e == element));
            }
            self.queue.push(Pending { write, index: None, sent: 0 });
            self.commit_due = true;
        }
    }

    fn fault(&mut self, fault: Fault) {
        if self.last_fault.as_deref() != Some(&fault.message) {
            warn(&fault.message);
            self.last_fault = Some(fault.message.clone());
        }
        let lasting = matches!(self.connection, Connection::Refused) || sco::refused_for_good(self.version, &fault.code);
        if lasting {
            self.connection = Connection::Refused;
            self.health = Health::Refused;
        } else {
            self.health = Health::Retrying;
        }
    }

    /// Initialize, unless done. Moodle keeps one API object per player page: "already
    /// initialized" still works, "terminated" never will.
    fn connect(&mut self) -> bool {
        if self.connection != Connection::NotStarted {
            return self.connection == Connection::Open;
        }
        let Some(lms) = &self.lms else {
            self.fault(Fault::new("no LMS API was found".into()));
            return false;
        };
        match lms.initialize() {
            Ok(()) => self.connection = Connection::Open,
            Err(f) => match sco::init_failure(self.version, &f.code) {
                InitFailure::AlreadyOpen => self.connection = Connection::Open,
                InitFailure::ForGood => {
                    self.connection = Connection::Refused;
                    self.fault(f);
                }
                InitFailure::Passing => self.fault(f),
            },
        }
        self.connection == Connection::Open
    }

    /// Connects if needed, delivers the queue in order, commits. Stops at the first fault.
    fn flush(&mut self) {
        if !self.records || !self.connect() {
            return;
        }
        let Some(lms) = self.lms.as_ref() else { return };
        let mut failure = None;
        let mut delivered = 0;
        for pending in &mut self.queue {
            let outcome = match &pending.write {
                Write::Value(element, value) => lms.set(element, value),
                Write::Listed { list, key, fields } => {
                    deliver_listed(lms, &mut self.objectives, *list, key.as_deref(), fields, &mut pending.index, &mut pending.sent)
                }
            };
            if let Err(f) = outcome {
                failure = Some(f);
                break;
            }
            delivered += 1;
        }
        self.queue.drain(..delivered);
        if let Some(f) = failure {
            return self.fault(f);
        }
        if self.commit_due {
            if let Err(f) = lms.commit() {
                return self.fault(f);
            }
            self.commit_due = false;
        }
        self.health = Health::Good;
        self.last_fault = None;
    }

    /// Remembers in local storage whether the LMS is missing anything, and what of it
    /// cannot be derived again from the saved state (interaction and objective records).
    /// Written only when it changes: after most reports there is nothing unsent, and
    /// local storage need not hear that again after every answer.
    fn note_unsent(&mut self) {
        if !self.records {
            return;
        }
        let behind = !self.queue.is_empty() || self.connection == Connection::Refused;
        let text = behind.then(|| sco::encode_listed(self.queue.iter().filter(|p| p.sent == 0).map(|p| &p.write)));
        if text != self.unsent_noted {
            self.backup.set_unsent(&self.sco_key, text.as_deref());
            self.unsent_noted = text;
        }
    }

    fn session_centis(&self, clock: Clock) -> u64 {
        clock.now_ms.saturating_sub(self.started_ms) / 10
    }
}

/// Delivers one record of a list: asks the LMS where it goes (an objective already
/// there keeps its index; anything else is appended at `_count`), then sends the
/// fields not sent yet. A count the LMS does not give is a fault, never index 0.
fn deliver_listed(
    lms: &Lms,
    objectives: &mut Vec<(String, u32)>,
    list: List,
    key: Option<&str>,
    fields: &[(String, String)],
    index: &mut Option<u32>,
    sent: &mut usize,
) -> Result<(), Fault> {
    let n = match *index {
        Some(n) => n,
        None => {
            let found = key.and_then(|k| objectives.iter().find(|(id, _)| id == k).map(|(_, n)| *n));
            let n = match found {
                Some(n) => n,
                None => {
                    let count = lms
                        .get(list.count_element())
                        .and_then(|c| c.trim().parse::<u32>().ok())
                        .ok_or_else(|| Fault::new(format!("the LMS did not give {}", list.count_element())))?;
                    let existing = key.and_then(|k| (0..count).find(|i| lms.get(&format!("{}.{i}.id", list.prefix())).as_deref() == Some(k)));
                    existing.unwrap_or(count)
                }
            };
            if let Some(k) = key {
                objectives.push((k.to_string(), n));
            }
            *index = Some(n);
            n
        }
    };
    for (field, value) in &fields[*sent..] {
        lms.set(&format!("{}.{n}.{field}", list.prefix()), value)?;
        *sent += 1;
    }
    Ok(())
}

impl Host for ScormHost {
    fn launch(&mut self, course: &'static Course) -> Launch {
        self.scope = match self.quiz_id.as_deref().and_then(|id| course.quizzes.iter().position(|q| q.id == id)) {
            Some(i) => Scope::Stage(i),
            None => Scope::Course,
        };
        let open = self.connect();
        let lms_state = match (&self.lms, open) {
            (Some(lms), true) => sco::read_launch(self.version, self.scope, course, &|e| lms.get(e)),
            // No LMS now: carry on from the local backup; deliveries are retried.
            _ => LmsState { records: true, ..LmsState::default() },
        };
        self.records = lms_state.records;
        if !self.records {
            self.health = Health::Preview;
        }
        self.sco_key = match self.scope {
            Scope::Stage(i) => course.quizzes[i].id.to_string(),
            Scope::Course => "~course".to_string(),
        };
        // Work done while the LMS could not say who the learner is (it refused the
        // session) is kept without a name; the next launch that knows the learner takes it.
        let anonymous = std::mem::replace(&mut self.backup, LocalStore::new(""));
        self.backup = anonymous.for_learner(lms_state.learner.as_deref().unwrap_or(""));
        let mut unsent = self.backup.unsent(&self.sco_key);
        self.unsent_noted = unsent.clone();
        let (mut quizzes, mut damaged) = self.backup.load(course);
        if unsent.is_none() && lms_state.learner.is_some() {
            if let Some(orphaned) = anonymous.unsent(&self.sco_key) {
                (quizzes, damaged) = anonymous.load(course);
                anonymous.set_unsent(&self.sco_key, None);
                unsent = Some(orphaned);
            }
        }
        // Records that never reached the LMS come back into the queue, in order.
        let listed = unsent.as_deref().and_then(sco::decode_listed).unwrap_or_default();
        self.unsent_at_launch = unsent.is_some() || !open;
        let backup = Backup { quizzes, unsent: self.unsent_at_launch };
        let start = sco::start(course, self.scope, &lms_state, &backup, lms_state.pass_mark);
        let launch = Launch {
            restore: start.restore,
            lang: lms_state.language.as_deref().and_then(Lang::parse),
            pass_mark: lms_state.pass_mark,
            discarded: start.discarded || damaged,
            in_lms: true,
        };
        self.lms_state = lms_state;
        self.queue(listed);
        launch
    }

    fn begin(&mut self, session: &Session) {
        let writes = sco::at_launch(self.version, session, self.scope, &self.lms_state, self.unsent_at_launch);
        // Listed records from an earlier session go after what the launch itself says.
        let earlier: Vec<Pending> = std::mem::take(&mut self.queue);
        self.queue(writes);
        self.queue.extend(earlier);
        if !self.queue.is_empty() {
            self.commit_due = true;
            self.flush();
            self.note_unsent();
        }
    }

    fn report(&mut self, session: &Session, events: &[Event], clock: Clock) {
        if !self.records {
            return;
        }
        let (version, scope) = (self.version, self.scope);
        for event in events {
            let quiz = event.quiz();
            if matches!(scope, Scope::Stage(i) if i != quiz) {
                continue;
            }
            let writes = match *event {
                Event::Started { quiz } => sco::started(version, session, scope, quiz),
                Event::Answered { quiz, position } => {
                    let latency = clock.now_ms.saturating_sub(clock.shown_ms) / 10;
                    sco::answered(version, session, scope, quiz, position, latency, clock.now_ms)
                }
                Event::Completed { quiz } => {
                    let mut writes = sco::completed(version, session, scope, quiz);
                    writes.extend(sco::leaving(version, session, scope, self.session_centis(clock)));
                    writes
                }
                // Practice is not an attempt: the LMS keeps what the graded attempt reported.
                Event::Practised { .. } => Vec::new(),
            };
            self.queue(writes);
        }
        self.backup.save_touched(session, events);
        if !events.is_empty() {
            self.flush();
            self.note_unsent();
        }
    }

    fn leave(&mut self, session: &Session, unloading: bool, clock: Clock) {
        if matches!(self.connection, Connection::Terminated) {
            return;
        }
        self.queue(sco::leaving(self.version, session, self.scope, self.session_centis(clock)));
        self.flush();
        self.note_unsent();
        if unloading && self.connection == Connection::Open {
            if let Some(lms) = &self.lms {
                if let Err(f) = lms.terminate() {
                    warn(&f.message);
                }
            }
            // Whatever Terminate answered, no call may follow it.
            self.connection = Connection::Terminated;
        }
    }

    fn retry(&mut self) {
        if self.health == Health::Retrying {
            self.flush();
            self.note_unsent();
        }
    }

    fn health(&self) -> Health {
        self.health
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

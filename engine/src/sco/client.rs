//! The SCORM delivery client: every rule that keeps an answer from being lost on its
//! way to an LMS, without I/O. The door in the browser (`src/host/scorm.rs`) gives it
//! the LMS's API object (`Api`) and local storage (`Store`) and only makes the calls
//! and runs the timers; native tests give it a Moodle-faithful LMS and a map.
//!
//! The rules, each in one place here:
//! - **Connect** once, lazily: "already initialized" (2004: 103) still works, a
//!   refusal for good (104) is never asked again; anything else is tried again later.
//! - **Queue in order**; a newer value replaces one still waiting; records in a list
//!   (interactions, objectives) are never replaced, and a record half delivered is
//!   finished where it stopped, at the index the LMS gave it.
//! - **An index is never guessed**: the LMS's `_count` (and, for objectives, their
//!   ids) is asked when a record is delivered; objective indices are cached.
//! - **Only a successful Commit delivers.** Moodle keeps the data model in its page:
//!   after the login ends, SetValue and GetValue still answer from the page and only
//!   Commit (and the one inside Terminate) reaches the server. So what was set is
//!   kept as unsent until a Commit after it succeeded.
//! - **Which errors last**: after Terminate or a refusal for good, no call is made
//!   again; the work waits in local storage for the next launch.
//! - **Trust the local backup** when it holds work the LMS never got, and **adopt**
//!   work kept without a learner id (the LMS refused before saying who) by the next
//!   launch that knows the learner.
//! - **Terminate once, and last.**
//! - **True records**: what is written into an LMS attempt is what that attempt
//!   already holds (what the LMS offered at launch) raised by what the learner did in
//!   it, never a result from another attempt (`Held`).

use super::launch::{init_failure, read_launch, refused_for_good, start, Backup, InitFailure, LmsState};
use super::unsent::Unsent;
use super::writes::{answered, at_launch, completed, leaving, replied, started};
use super::{List, Scope, Write};
use crate::cmi::Version;
use crate::health::Health;
use crate::report::Event;
use crate::session::{Action, QuizState, Record, Session};
use crate::storage::{Shelf, Store, COURSE_SCO};
use crate::Course;

/// A failed LMS call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// The LMS's error code ("" when the call threw or there is no API).
    pub code: String,
    /// What to tell whoever administers the LMS.
    pub message: String,
}

/// The LMS's SCORM API object, as one version's calls. `get` answers `None` when the
/// LMS reports an error for it.
pub trait Api {
    fn initialize(&self) -> Result<(), Fault>;
    fn get(&self, element: &str) -> Option<String>;
    fn set(&self, element: &str, value: &str) -> Result<(), Fault>;
    fn commit(&self) -> Result<(), Fault>;
    fn terminate(&self) -> Result<(), Fault>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Connection {
    NotStarted,
    Open,
    Terminated,
    /// The API object will never accept this session (e.g. 2004 error 104).
    Refused,
}

/// A write waiting for delivery. A listed record remembers the index the LMS gave it
/// and how many of its fields arrived, so a retry finishes it instead of starting over;
/// one from an earlier page remembers where that page put it (`at`), so that a record
/// cut short there (and committed so, by Terminate) is finished in place, not stored twice.
#[derive(Clone, Debug)]
struct Pending {
    write: Write,
    place: Place,
}

/// Where a listed record goes and how far its delivery got.
#[derive(Clone, Copy, Debug, Default)]
struct Place {
    /// The index the LMS gave it in this page.
    index: Option<u32>,
    /// How many of its fields were set.
    sent: usize,
    /// Where an earlier page put it.
    at: Option<u32>,
}

/// What the launch found, for the player.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Launched {
    /// Saved progress to put back, as reducer actions.
    pub restore: Vec<Action>,
    /// The learner's language as the LMS gives it.
    pub language: Option<String>,
    /// A pass mark the LMS imposes (its mastery score).
    pub pass_mark: Option<u8>,
    /// Saved progress existed but could not be read.
    pub discarded: bool,
}

/// One launch of one SCO.
pub struct Client {
    version: Version,
    /// `?quiz=`: a stage SCO; without it, the course SCO.
    quiz_id: Option<String>,
    scope: Scope,
    connection: Connection,
    /// False in browse or review mode: nothing is written.
    records: bool,
    queue: Vec<Pending>,
    /// Listed records the LMS's page accepted, at their index, that no Commit has confirmed yet.
    uncommitted: Vec<(Write, Option<u32>)>,
    /// Something was set since the last successful Commit.
    commit_due: bool,
    /// Objective index by id, as found in or given by the LMS.
    objectives: Vec<(String, u32)>,
    lms_state: LmsState,
    /// The course, once launched.
    course: Option<&'static Course>,
    /// Whether the LMS's launch data was read. A launch that could not connect reads
    /// it when the connection first opens, before anything is written (`read_late`).
    launch_read: bool,
    /// The last state reported while the launch data is unread, to write again from
    /// once it is read.
    unread_session: Option<Session>,
    unsent_at_launch: bool,
    /// What this LMS attempt holds per quiz: what it offered, raised by this launch.
    held: Vec<Record>,
    /// `held` as of the last successful Commit: what differs is not delivered yet.
    held_delivered: Vec<Record>,
    /// This SCO's key for undelivered work: the quiz id, or `COURSE_SCO`.
    sco_key: String,
    /// What the store holds under that key (as far as this client wrote or read it).
    unsent_noted: Option<String>,
    started_ms: u64,
    shelf: Shelf,
    health: Health,
    /// The last fault, so it is logged once, not on every retry.
    last_fault: Option<String>,
    /// Faults to log, taken by the door (`take_warnings`).
    warnings: Vec<String>,
}

impl Client {
    pub fn new(version: Version, quiz_id: Option<String>, now_ms: u64) -> Client {
        Client {
            version,
            quiz_id,
            scope: Scope::Course,
            connection: Connection::NotStarted,
            records: true,
            queue: Vec::new(),
            uncommitted: Vec::new(),
            commit_due: false,
            objectives: Vec::new(),
            lms_state: LmsState::default(),
            course: None,
            launch_read: false,
            unread_session: None,
            unsent_at_launch: false,
            held: Vec::new(),
            held_delivered: Vec::new(),
            sco_key: String::new(),
            unsent_noted: None,
            started_ms: now_ms,
            shelf: Shelf::scorm(version),
            health: Health::Good,
            last_fault: None,
            warnings: Vec::new(),
        }
    }

    pub fn health(&self) -> Health {
        self.health
    }

    /// Faults since the last call, each once, for the console of whoever runs the LMS.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Connects, reads what the LMS and the store hold, and says where to start.
    pub fn launch(&mut self, course: &'static Course, api: &dyn Api, store: &dyn Store) -> Launched {
        self.scope = match self.quiz_id.as_deref().and_then(|id| course.quizzes.iter().position(|q| q.id == id)) {
            Some(i) => Scope::Stage(i),
            None => Scope::Course,
        };
        let open = self.connect(api);
        let lms_state = if open {
            read_launch(self.version, self.scope, course, &|e| api.get(e))
        } else {
            // No LMS now: carry on from the local backup; deliveries are retried.
            LmsState { records: true, ..LmsState::default() }
        };
        self.launch_read = open && lms_state.readable;
        self.records = lms_state.records;
        if !self.records {
            self.health = Health::Preview;
        }
        self.sco_key = match self.scope {
            Scope::Stage(i) => course.quizzes[i].id.to_string(),
            Scope::Course => COURSE_SCO.to_string(),
        };
        // Work done while the LMS could not say who the learner is (it refused the
        // session) is kept without a name; the next launch that knows the learner takes it.
        let anonymous = Shelf::scorm(self.version);
        self.shelf = anonymous.for_learner(lms_state.learner.as_deref().unwrap_or(""));
        let mut unsent = self.shelf.unsent(store, &self.sco_key);
        self.unsent_noted = unsent.clone();
        let (mut quizzes, mut damaged) = self.shelf.load(store, course);
        let mut work = unsent.as_deref().and_then(Unsent::decode).unwrap_or_default();
        if self.shelf != anonymous {
            if let Some(orphaned) = anonymous.unsent(store, &self.sco_key) {
                // Work kept without a name is newer than anything this learner's shelf
                // has not delivered (it is taken each time a launch knows the learner):
                // its records go after theirs, its attempts win, and no result is lowered.
                let (theirs, their_damage) = anonymous.load(store, course);
                quizzes = adopt(quizzes, theirs);
                damaged |= their_damage;
                let adopted = Unsent::decode(&orphaned).unwrap_or_default();
                work.listed.extend(adopted.listed);
                work.held.extend(adopted.held);
                anonymous.set_unsent(store, &self.sco_key, None);
                unsent = Some(orphaned);
            }
        }
        self.unsent_at_launch = unsent.is_some() || !open;
        let backup = Backup { quizzes, unsent: self.unsent_at_launch };
        let begun = start(course, self.scope, &lms_state, &backup, lms_state.pass_mark);
        // What this LMS attempt holds: what it offered, and what an earlier session
        // meant it to hold but could not deliver (never the device's best of every attempt).
        self.held = vec![Record::NONE; course.quizzes.len()];
        for (quiz, record) in &begun.held {
            self.hold(*quiz, record);
        }
        self.held_delivered = self.held.clone();
        self.merge_held(course, &work.held);
        let launched =
            Launched { restore: begun.restore, language: lms_state.language.clone(), pass_mark: lms_state.pass_mark, discarded: begun.discarded || damaged };
        self.lms_state = lms_state;
        self.course = Some(course);
        self.queue_earlier(work.listed);
        launched
    }

    /// The first state after the launch: writes what the launch means (the SCO is
    /// begun, work an earlier session could not deliver) and delivers it.
    pub fn begin(&mut self, session: &Session, api: &dyn Api, store: &dyn Store) {
        self.remember(session);
        let writes = at_launch(self.version, &self.as_held(session), self.scope, &self.lms_state, self.unsent_at_launch);
        // Records an earlier session could not deliver are queued already (`launch`), so
        // the answers come before the outcome they earned: a commit cut short between them
        // (Terminate after a failed SetValue) never leaves a result without its answers.
        // What the launch writes of an objective replaces an earlier page's.
        self.queue(writes);
        if !self.queue.is_empty() {
            self.commit_due = true;
            self.deliver(api, store);
        }
    }

    /// The session after `events` happened, at `now_ms`; the question on screen
    /// appeared at `shown_ms` (an answer's latency).
    pub fn report(&mut self, session: &Session, events: &[Event], now_ms: u64, shown_ms: u64, api: &dyn Api, store: &dyn Store) {
        if !self.records {
            return;
        }
        self.remember(session);
        let (version, scope) = (self.version, self.scope);
        let ours = |event: &&Event| !matches!(scope, Scope::Stage(i) if i != event.quiz());
        // An attempt reaches its summary in a step of its own: what this LMS attempt
        // holds is known before anything of the step is written (one view of it for all).
        for event in events.iter().filter(ours) {
            if let Event::Completed { quiz } = *event {
                self.note_finished(session, quiz);
            }
        }
        let held = self.as_held(session);
        for event in events.iter().filter(ours) {
            let writes = match *event {
                Event::Started { quiz } => started(version, &held, scope, quiz),
                Event::Answered { quiz, position } => {
                    let latency = now_ms.saturating_sub(shown_ms) / 10;
                    answered(version, &held, scope, quiz, position, latency, now_ms)
                }
                Event::Replied { quiz, position, step } => {
                    let latency = now_ms.saturating_sub(shown_ms) / 10;
                    replied(version, &held, scope, quiz, position, step, latency, now_ms)
                }
                Event::Completed { quiz } => {
                    let mut writes = completed(version, &held, scope, quiz);
                    writes.extend(leaving(version, &held, scope, self.session_centis(now_ms)));
                    writes
                }
                // Practice is not an attempt: the LMS keeps what the graded attempt reported.
                Event::Practised { .. } => Vec::new(),
            };
            self.queue(writes);
        }
        self.shelf.save_touched(store, session, events);
        if !events.is_empty() {
            self.deliver(api, store);
        }
    }

    /// The page is hidden (`unloading` false) or going away (true): save now; when
    /// going away, end the connection. No call follows Terminate.
    pub fn leave(&mut self, session: &Session, unloading: bool, now_ms: u64, api: &dyn Api, store: &dyn Store) {
        if self.connection == Connection::Terminated {
            return;
        }
        self.remember(session);
        if self.records {
            self.queue(leaving(self.version, &self.as_held(session), self.scope, self.session_centis(now_ms)));
            self.deliver(api, store);
        }
        if unloading && self.connection == Connection::Open {
            // Terminate commits too: when it succeeds, everything set so far arrived.
            match api.terminate() {
                Ok(()) => self.committed(),
                Err(f) => self.warn(f.message),
            }
            // Whatever Terminate answered, no call may follow it.
            self.connection = Connection::Terminated;
            self.note_unsent(store);
        }
    }

    /// Tries again to deliver what could not be delivered.
    pub fn retry(&mut self, api: &dyn Api, store: &dyn Store) {
        if self.health == Health::Retrying {
            self.deliver(api, store);
        }
    }

    /// The session as this LMS attempt should record it: each quiz's record is what the
    /// attempt holds (`held`), not the best of every attempt the device remembers.
    fn as_held(&self, session: &Session) -> Session {
        let mut held = session.clone();
        for (state, record) in held.quizzes.iter_mut().zip(&self.held) {
            state.record = Record { attempts: state.record.attempts, ..record.clone() };
        }
        held
    }

    /// An attempt of `quiz` reached its summary: this LMS attempt now holds its result.
    fn note_finished(&mut self, session: &Session, quiz: usize) {
        if let Some(attempt) = &session.quizzes[quiz].attempt {
            self.hold(quiz, &Record::of_attempt(&session.course.quizzes[quiz], attempt, session.pass_mark_override));
        }
    }

    /// This LMS attempt holds `record` for `quiz` too (never lowered).
    fn hold(&mut self, quiz: usize, record: &Record) {
        if let Some(held) = self.held.get_mut(quiz) {
            *held = held.merged(record);
        }
    }

    /// Keeps the state while the LMS's launch data is unread (`read_late` writes from it).
    fn remember(&mut self, session: &Session) {
        if !self.launch_read {
            self.unread_session = Some(session.clone());
        }
    }

    /// The connection opened after a launch that could not connect: what the LMS says
    /// is read now, before anything is written. In browse or review mode nothing
    /// queued is written. Otherwise the learner is now known: work kept for them is
    /// adopted, this page's work moves to their shelf, what the LMS attempt holds is
    /// merged in, and the values queued without knowing it are written anew from the
    /// last state (records in a list stay as they were queued).
    fn read_late(&mut self, api: &dyn Api, store: &dyn Store) {
        let Some(course) = self.course else { return };
        let state = read_launch(self.version, self.scope, course, &|e| api.get(e));
        if !state.readable {
            return self.fault(Fault { code: String::new(), message: "the LMS did not give the launch mode and learner".into() });
        }
        self.launch_read = true;
        if !state.records {
            self.records = false;
            self.queue.clear();
            self.commit_due = false;
            self.health = Health::Preview;
            self.shelf.set_unsent(store, &self.sco_key, None);
            self.unsent_noted = None;
            return;
        }
        let theirs = Shelf::scorm(self.version).for_learner(state.learner.as_deref().unwrap_or(""));
        let mut earlier = Vec::new();
        if theirs != self.shelf {
            if let Some(text) = theirs.unsent(store, &self.sco_key) {
                let work = Unsent::decode(&text).unwrap_or_default();
                earlier = work.listed;
                self.merge_held(course, &work.held);
            }
            self.shelf.set_unsent(store, &self.sco_key, None);
            theirs.set_unsent(store, &self.sco_key, None);
            self.unsent_noted = None;
            self.shelf = theirs;
        }
        for (quiz, record) in &state.records_held {
            self.hold(*quiz, record);
        }
        self.lms_state = state;
        // Their records first, then this page's (its values are written anew below).
        let ours: Vec<Pending> = std::mem::take(&mut self.queue).into_iter().filter(|p| matches!(p.write, Write::Listed { .. })).collect();
        self.queue_earlier(earlier);
        for pending in ours {
            self.push(pending);
        }
        if let Some(session) = self.unread_session.take() {
            let writes = at_launch(self.version, &self.as_held(&session), self.scope, &self.lms_state, true);
            self.queue(writes);
        }
        self.commit_due = true;
    }

    fn merge_held(&mut self, course: &Course, held: &[(String, Record)]) {
        for (id, record) in held {
            if let Some(quiz) = course.quizzes.iter().position(|q| q.id == *id) {
                self.hold(quiz, record);
            }
        }
    }

    fn deliver(&mut self, api: &dyn Api, store: &dyn Store) {
        self.flush(api, store);
        self.note_unsent(store);
    }

    fn queue(&mut self, writes: Vec<Write>) {
        for write in writes {
            self.push(Pending { write, place: Place::default() });
        }
    }

    /// Queues a write after what is waiting. A newer value replaces one still waiting,
    /// and so does a newer keyed record (an objective says what it is now) unless it is
    /// half sent: that one is finished, and the newer follows at its index. Interactions
    /// are never replaced.
    fn push(&mut self, pending: Pending) {
        if !self.records {
            return;
        }
        match &pending.write {
            Write::Value(element, _) => self.queue.retain(|p| !matches!(&p.write, Write::Value(e, _) if e == element)),
            Write::Listed { key: Some(_), .. } => self.queue.retain(|p| p.place.sent > 0 || !same_record(&p.write, &pending.write)),
            Write::Listed { key: None, .. } => {}
        }
        self.queue.push(pending);
        self.commit_due = true;
    }

    /// Records an earlier page could not deliver, queued first (they are older than
    /// anything this page writes).
    fn queue_earlier(&mut self, listed: Vec<(Write, Option<u32>)>) {
        for (write, at) in listed {
            self.push(Pending { write, place: Place { at, ..Place::default() } });
        }
    }

    fn warn(&mut self, message: String) {
        if self.last_fault.as_deref() != Some(&message) {
            self.warnings.push(message.clone());
            self.last_fault = Some(message);
        }
    }

    fn fault(&mut self, fault: Fault) {
        let lasting = self.connection == Connection::Refused || refused_for_good(self.version, &fault.code);
        self.warn(fault.message);
        if lasting {
            self.connection = Connection::Refused;
            self.health = Health::Refused;
        } else {
            self.health = Health::Retrying;
        }
    }

    /// Initialize, unless done. Moodle keeps one API object per player page: "already
    /// initialized" still works, "terminated" never will.
    fn connect(&mut self, api: &dyn Api) -> bool {
        if self.connection != Connection::NotStarted {
            return self.connection == Connection::Open;
        }
        match api.initialize() {
            Ok(()) => self.connection = Connection::Open,
            Err(f) => match init_failure(self.version, &f.code) {
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
    fn flush(&mut self, api: &dyn Api, store: &dyn Store) {
        if !self.records || !self.connect(api) {
            return;
        }
        if !self.launch_read {
            self.read_late(api, store);
            if !self.launch_read || !self.records {
                return;
            }
        }
        let mut failure = None;
        let mut delivered = 0;
        for pending in &mut self.queue {
            let outcome = match &pending.write {
                Write::Value(element, value) => api.set(element, value),
                Write::Listed { list, key, fields } => deliver_listed(api, &mut self.objectives, *list, key.as_deref(), fields, &mut pending.place),
            };
            if let Err(f) = outcome {
                failure = Some(f);
                break;
            }
            delivered += 1;
        }
        // Set in the LMS's page, not yet on its server: kept until a Commit succeeds.
        let set = self.queue.drain(..delivered).filter(|p| matches!(p.write, Write::Listed { .. })).map(|p| (p.write, p.place.index));
        self.uncommitted.extend(set);
        if let Some(f) = failure {
            return self.fault(f);
        }
        if self.commit_due {
            if let Err(f) = api.commit() {
                return self.fault(f);
            }
            self.committed();
        }
        self.health = Health::Good;
        self.last_fault = None;
    }

    /// A Commit succeeded: everything set before it has reached the LMS.
    fn committed(&mut self) {
        self.commit_due = false;
        self.uncommitted.clear();
        // The outcome arrived only if everything queued was set before the commit: a
        // Terminate after a failed SetValue commits what came before it, not the rest.
        if self.queue.is_empty() {
            self.held_delivered = self.held.clone();
        }
    }

    /// Remembers in the store whether the LMS is missing anything, and what of it
    /// cannot be derived again from the saved state (interaction and objective
    /// records, set or not). Written only when it changes: after most reports there is
    /// nothing unsent, and the store need not hear that again after every answer.
    fn note_unsent(&mut self, store: &dyn Store) {
        if !self.records {
            return;
        }
        let behind = !self.queue.is_empty() || self.commit_due || self.connection == Connection::Refused;
        let text = behind.then(|| {
            let queued = self.queue.iter().filter(|p| matches!(p.write, Write::Listed { .. })).map(|p| (p.write.clone(), p.place.index.or(p.place.at)));
            let listed = self.uncommitted.iter().cloned().chain(queued).collect();
            let quizzes = self.course.map_or(&[][..], |c| &c.quizzes[..]);
            // Only what the LMS attempt should hold and does not yet.
            let undelivered = self.held.iter().zip(&self.held_delivered).zip(quizzes).filter(|((held, delivered), _)| held != delivered);
            let held = undelivered.map(|((held, _), q)| (q.id.to_string(), held.clone())).collect();
            Unsent { listed, held }.encode()
        });
        if text != self.unsent_noted {
            self.shelf.set_unsent(store, &self.sco_key, text.as_deref());
            self.unsent_noted = text;
        }
    }

    fn session_centis(&self, now_ms: u64) -> u64 {
        now_ms.saturating_sub(self.started_ms) / 10
    }
}

/// Whether two writes are the same keyed record (an objective by its id).
fn same_record(a: &Write, b: &Write) -> bool {
    matches!((a, b), (Write::Listed { list: l1, key: Some(k1), .. }, Write::Listed { list: l2, key: Some(k2), .. }) if l1 == l2 && k1 == k2)
}

/// One learner's saved quizzes with those kept without a name added: the records
/// merged (never lowered), the nameless attempt where there is one.
fn adopt(mine: Vec<(usize, QuizState)>, theirs: Vec<(usize, QuizState)>) -> Vec<(usize, QuizState)> {
    let mut out = mine;
    for (quiz, state) in theirs {
        match out.iter_mut().find(|(q, _)| *q == quiz) {
            Some((_, kept)) => {
                kept.record = kept.record.merged(&state.record);
                if state.attempt.is_some() {
                    kept.attempt = state.attempt;
                }
            }
            None => out.push((quiz, state)),
        }
    }
    out
}

/// Delivers one record of a list: asks the LMS where it goes (where an earlier page put
/// it, if the record is still there; an objective already there keeps its index;
/// anything else is appended at `_count`), then sends the fields not sent yet. A count
/// the LMS does not give is a fault, never index 0.
fn deliver_listed(
    api: &dyn Api,
    objectives: &mut Vec<(String, u32)>,
    list: List,
    key: Option<&str>,
    fields: &[(String, String)],
    place: &mut Place,
) -> Result<(), Fault> {
    let n = match place.index {
        Some(n) => n,
        None => {
            let id = fields.first().map(|(_, v)| v.as_str());
            let placed = place.at.filter(|&n| api.get(&list.field(n, "id")).as_deref() == id && id.is_some());
            let found = placed.or_else(|| key.and_then(|k| objectives.iter().find(|(id, _)| id == k).map(|(_, n)| *n)));
            let n = match found {
                Some(n) => n,
                None => {
                    let count = api
                        .get(list.count_element())
                        .and_then(|c| c.trim().parse::<u32>().ok())
                        .ok_or_else(|| Fault { code: String::new(), message: format!("the LMS did not give {}", list.count_element()) })?;
                    let existing = key.and_then(|k| (0..count).find(|i| api.get(&list.field(*i, "id")).as_deref() == Some(k)));
                    existing.unwrap_or(count)
                }
            };
            if let Some(k) = key {
                objectives.push((k.to_string(), n));
            }
            place.index = Some(n);
            n
        }
    };
    for (field, value) in &fields[place.sent..] {
        api.set(&list.field(n, field), value)?;
        place.sent += 1;
    }
    Ok(())
}

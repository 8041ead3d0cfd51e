//! The xAPI delivery client: every rule that keeps a statement from being lost on its
//! way to a Learning Record Store, and cmi5's session rules, without I/O. The door in
//! the browser (`src/host/xapi.rs`) makes the requests it asks for (`launch_request`,
//! `next_request`) and hands back the answers; native tests play the LRS.
//!
//! The rules, each in one place here:
//! - **Launch**: cmi5 POSTs the fetch URL once for the token and reads `LMS.LaunchData`;
//!   a reload of the same launch keeps the token and the session it began (no second
//!   `initialized`). A refusal (a fetch error, no launch data) records nothing and keeps
//!   the learner's work on the device.
//! - **Queue in order**, one request at a time, kept in local storage after every
//!   change, so a reload or a closed browser loses nothing; the next launch sends it.
//! - **Ids are made here**, so a statement sent again (its answer was lost) is stored
//!   once: an LRS answers 204 or 409 for an id it has, both count as delivered.
//! - **Retry with backoff** while the LRS fails (2 s doubling to a minute); a statement
//!   the LRS refuses as malformed is dropped (and logged) rather than block the queue;
//!   401/403 stop this page's sending (the token is over) and keep the queue.
//! - **cmi5 verbs**: `initialized` first, once a session; `completed` and `passed` at
//!   most once a registration; at most one of `passed`/`failed` a session, `failed`
//!   never after `passed` and only when the learner leaves failing (a pass later in the
//!   same sitting would otherwise have to wait for another session); in Browse and
//!   Review only `initialized` and `terminated`; `terminated` when the learner leaves
//!   through the exit, last.

use super::ids;
use super::launch::{preferred_lang, read_launch_data, read_token, xapi_version, Entry, LaunchData, LaunchUrl, Mode};
use super::statements::{Judged, Statement, Subject, Used, Verb};
use crate::cmi::{self, Interaction, StepInteraction, Version};
use crate::health::Health;
use crate::kind::Response;
use crate::lang::Lang;
use crate::report::Event;
use crate::sco::{course_outcome, stage_outcome, Outcome, Scope};
use crate::session::{Action, Session};
use crate::shuffle::{fnv1a, Rng};
use crate::storage::{Shelf, Store};
use crate::Course;

/// The xAPI version Tere speaks unless the LRS's `about` says it speaks only 2.0 (cmi5
/// is defined on 1.0.3).
pub const XAPI_VERSION: &str = "1.0.3";

/// The longest wait between two tries of a failing LRS.
const MAX_BACKOFF_MS: u64 = 60_000;

/// The most a page's last batch carries (a `keepalive` request may hold 64 KB).
const PARTING_BYTES: usize = 60_000;

/// How often a launch request that failed on the way is tried before the launch gives up.
const LAUNCH_TRIES: u32 = 3;

/// An HTTP request the door must make.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// POST (empty body), no Authorization: the cmi5 fetch URL.
    Token { url: String },
    /// GET a document from the LRS.
    Document { url: String },
    /// PUT a statement to the LRS.
    Statement { url: String, id: String, body: String },
}

/// An answer: its HTTP status (0 when the request failed on the way) and its body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub body: String,
}

impl Reply {
    /// Whether asking again later may help: the request failed on the way or the
    /// server failed (5xx), rather than the server answering.
    fn is_passing(&self) -> bool {
        self.status == 0 || self.status >= 500
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Token,
    LaunchData,
    Preferences,
    Ready,
    /// Nothing can be sent this launch (the token or the launch data was refused).
    Refused,
}

/// What one cmi5 session (one launch, kept across reloads of it) has sent.
#[derive(Clone, Debug, Default, PartialEq)]
struct SessionNote {
    token: String,
    /// The `LMS.LaunchData` document as read (a reload needs no LRS to start).
    launch_data: String,
    started_ms: u64,
    initialized: bool,
    terminated: bool,
    /// Objects judged (passed or failed) in this session.
    judged: Vec<String>,
}

impl SessionNote {
    fn encode(&self) -> String {
        let mut lines = vec![
            self.token.clone(),
            self.launch_data.clone(),
            self.started_ms.to_string(),
            u8::from(self.initialized).to_string(),
            u8::from(self.terminated).to_string(),
        ];
        lines.extend(self.judged.iter().cloned());
        lines.join("\n")
    }

    fn decode(text: &str) -> Option<SessionNote> {
        let mut lines = text.lines();
        let token = lines.next()?.to_string();
        let launch_data = lines.next()?.to_string();
        let started_ms = lines.next()?.parse().ok()?;
        let initialized = lines.next()? == "1";
        let terminated = lines.next()? == "1";
        Some(SessionNote { token, launch_data, started_ms, initialized, terminated, judged: lines.map(str::to_string).collect() })
    }
}

/// What a registration has had, per object: cmi5 allows one `completed` and one
/// `passed` a registration.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Sent {
    completed: bool,
    passed: bool,
}

/// What the launch found, for the player.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Launched {
    pub restore: Vec<Action>,
    pub lang: Option<Lang>,
    pub pass_mark: Option<u8>,
    pub discarded: bool,
}

pub struct Client {
    url: LaunchUrl,
    /// The `X-Experience-API-Version` this LRS speaks (its `about`, asked first and
    /// remembered; asked again before any statement while unknown).
    version: Option<&'static str>,
    /// Whether the launch asked `about` already (it goes on without an answer).
    asked_about: bool,
    quiz_id: Option<String>,
    scope: Scope,
    phase: Phase,
    launch_failures: u32,
    data: LaunchData,
    lang: Option<Lang>,
    note: SessionNote,
    rng: Rng,
    shelf: Shelf,
    course: Option<&'static Course>,
    queue: Vec<Statement>,
    in_flight: Option<String>,
    failures: u32,
    retry_at: u64,
    health: Health,
    /// The page's own sending stopped (401/403): the queue waits for the next launch.
    stopped: bool,
    warnings: Vec<String>,
}

impl Client {
    /// A client for `url`; `seed` makes its statement ids (random, from the host).
    pub fn new(url: LaunchUrl, quiz_id: Option<String>, seed: u64, store: &dyn Store) -> Client {
        // One shelf a registration (the launch link may have none: then one a learner).
        let key = url.registration.clone().unwrap_or_else(|| format!("{:08x}", fnv1a(url.actor.write().as_bytes())));
        let shelf = Shelf::xapi(&key);
        let (phase, note) = match &url.entry {
            // A reload of the same launch: the token was fetched once already, and the
            // launch data read (its JSON holds no line break: `Json::write`).
            Entry::Cmi5 { fetch } => match shelf.note(store, &session_key(fetch)).as_deref().and_then(SessionNote::decode) {
                Some(note) => (Phase::LaunchData, note),
                None => (Phase::Token, SessionNote::default()),
            },
            Entry::LaunchLink { auth } => (Phase::Preferences, SessionNote { token: auth.clone(), ..SessionNote::default() }),
        };
        let queue = shelf.note(store, "queue").map(|q| decode_queue(&q)).unwrap_or_default();
        let known = read_launch_data(&note.launch_data);
        let phase = if known.is_some() { Phase::Preferences } else { phase };
        let version = shelf.note(store, &version_key(&url.endpoint)).and_then(|v| [XAPI_VERSION, "2.0.0"].into_iter().find(|known| *known == v));
        Client {
            url,
            version,
            asked_about: false,
            quiz_id,
            scope: Scope::Course,
            phase,
            launch_failures: 0,
            data: known.unwrap_or_else(LaunchData::plain),
            lang: None,
            note,
            rng: Rng::new(seed),
            shelf,
            course: None,
            queue,
            in_flight: None,
            failures: 0,
            retry_at: 0,
            health: Health::Good,
            stopped: false,
            warnings: Vec::new(),
        }
    }

    /// The headers every request to the LRS carries.
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        vec![("Authorization", self.note.token.clone()), ("X-Experience-API-Version", self.version.unwrap_or(XAPI_VERSION).to_string())]
    }

    /// The next request the launch needs, until it is over.
    pub fn launch_request(&self) -> Option<Request> {
        let agent = encode(&self.url.actor.write());
        if self.version.is_none() && !self.asked_about {
            return Some(self.about());
        }
        match self.phase {
            Phase::Token => match &self.url.entry {
                Entry::Cmi5 { fetch } => Some(Request::Token { url: fetch.clone() }),
                Entry::LaunchLink { .. } => None,
            },
            Phase::LaunchData => {
                let activity = encode(self.url.activity.as_deref().unwrap_or(""));
                let registration = encode(self.url.registration.as_deref().unwrap_or(""));
                let url =
                    format!("{}activities/state?stateId=LMS.LaunchData&activityId={activity}&agent={agent}&registration={registration}", self.url.endpoint);
                Some(Request::Document { url })
            }
            Phase::Preferences => {
                Some(Request::Document { url: format!("{}agents/profile?profileId={}&agent={agent}", self.url.endpoint, self.url.entry.preferences_id()) })
            }
            Phase::Ready | Phase::Refused => None,
        }
    }

    /// The answer to `launch_request`'s request.
    pub fn launch_reply(&mut self, reply: Reply, now_ms: u64, store: &dyn Store) {
        let passing = reply.is_passing();
        if self.version.is_none() && !self.asked_about {
            self.asked_about = true;
            self.about_reply(reply, now_ms, store);
            return;
        }
        match self.phase {
            Phase::Token => match read_token(reply.status, &reply.body) {
                Ok(token) => {
                    self.note = SessionNote { token: format!("Basic {token}"), started_ms: now_ms, ..SessionNote::default() };
                    self.save_note(store);
                    self.phase = Phase::LaunchData;
                }
                // The fetch URL is for one use: asking again cannot help.
                Err(said) => self.refuse(said),
            },
            Phase::LaunchData => match (reply.status, read_launch_data(&reply.body)) {
                (200, Some(data)) if data.session_id().is_some() => {
                    // Written back on one line: the note is line-based.
                    self.note.launch_data = crate::json::Json::parse(&reply.body).map(|j| j.write()).unwrap_or_default();
                    self.save_note(store);
                    self.data = data;
                    self.phase = Phase::Preferences;
                }
                _ if passing && self.launch_failures + 1 < LAUNCH_TRIES => self.launch_failures += 1,
                _ => self.refuse(format!("the LRS gave no usable LMS.LaunchData (status {})", reply.status)),
            },
            Phase::Preferences => match reply.status {
                200 => {
                    self.lang = preferred_lang(&reply.body);
                    self.phase = Phase::Ready;
                }
                _ if passing && self.launch_failures + 1 < LAUNCH_TRIES => self.launch_failures += 1,
                // Without preferences the learner's browser decides the language.
                _ => self.phase = Phase::Ready,
            },
            Phase::Ready | Phase::Refused => {}
        }
    }

    fn refuse(&mut self, said: String) {
        self.phase = Phase::Refused;
        self.health = Health::Refused;
        self.warnings.push(said);
    }

    /// Whether results are recorded (a Normal launch that was not refused).
    pub fn records(&self) -> bool {
        self.phase == Phase::Ready && self.data.mode == Mode::Normal
    }

    /// Once the launch requests are over: where the learner starts.
    pub fn launch(&mut self, course: &'static Course, store: &dyn Store) -> Launched {
        self.course = Some(course);
        self.scope = match self.quiz_id.as_deref().and_then(|id| course.quizzes.iter().position(|q| q.id == id)) {
            Some(i) => Scope::Stage(i),
            None => Scope::Course,
        };
        if self.phase == Phase::Ready && self.data.mode != Mode::Normal {
            self.health = Health::Preview;
        }
        let (restore, discarded) = self.shelf.restore(store, course);
        Launched { restore, lang: self.lang, pass_mark: self.data.pass_mark, discarded }
    }

    fn subject(&self) -> Subject {
        let course = self.course.map_or(String::new(), |c| ids::course_iri(&c.title));
        let cmi5 = matches!(self.url.entry, Entry::Cmi5 { .. });
        Subject {
            actor: self.url.actor.clone(),
            registration: self.url.registration.clone(),
            context: self.data.context.clone(),
            course,
            cmi5,
            mastery: self.data.mastery.clone(),
        }
    }

    /// The activity that stands for quiz `quiz`: the launch's own for the stage it
    /// launched, else the quiz's IRI.
    fn quiz_object(&self, quiz: usize) -> String {
        let course = self.course.expect("launched");
        match (self.scope, &self.url.activity) {
            (Scope::Stage(i), Some(activity)) if i == quiz => activity.clone(),
            _ => ids::quiz_iri(&course.title, &course.quizzes[quiz].id),
        }
    }

    /// The activity the session is about: the launch's, else the stage's or the course's IRI.
    fn launched_object(&self) -> String {
        let course = self.course.expect("launched");
        match (&self.url.activity, self.scope) {
            (Some(activity), _) => activity.clone(),
            (None, Scope::Stage(i)) => self.quiz_object(i),
            (None, Scope::Course) => ids::course_iri(&course.title),
        }
    }

    /// The first state: `initialized` (once a session), then whatever result the
    /// learner's saved work holds that this registration has not had (work done while
    /// the LRS could not be reached, or a pass that had to wait for a new session).
    pub fn begin(&mut self, session: &Session, now_ms: u64, store: &dyn Store) {
        if self.phase != Phase::Ready || self.note.terminated {
            return;
        }
        if !self.note.initialized {
            let object = self.launched_object();
            let statement = self.subject().session(&mut self.rng, Verb::Initialized, &object, None, now_ms);
            self.note.initialized = true;
            if self.note.started_ms == 0 {
                self.note.started_ms = now_ms;
            }
            self.push(statement, store);
            self.save_note(store);
        }
        if self.records() {
            self.judge_all(session, false, now_ms, store);
        }
    }

    /// The session after `events`: progress saved, and the statements they mean.
    pub fn report(&mut self, session: &Session, events: &[Event], now_ms: u64, shown_ms: u64, store: &dyn Store) {
        self.shelf.save_touched(store, session, events);
        if !self.records() || self.note.terminated {
            return;
        }
        for event in events {
            match *event {
                Event::Answered { quiz, position } => self.answered(session, quiz, position, now_ms, shown_ms, store),
                Event::Replied { quiz, position, step } => self.replied(session, quiz, position, step, now_ms, shown_ms, store),
                Event::Completed { .. } => self.judge_all(session, false, now_ms, store),
                // A new attempt says nothing by itself; a practice round is never recorded.
                Event::Started { .. } | Event::Practised { .. } => {}
            }
        }
    }

    fn answered(&mut self, session: &Session, quiz: usize, position: usize, now_ms: u64, shown_ms: u64, store: &dyn Store) {
        let q = &session.course.quizzes[quiz];
        let Some(attempt) = &session.quizzes[quiz].attempt else { return };
        let Some(answer) = &attempt.answers[position] else { return };
        let question = attempt.question_at(q, position);
        let response = question.kind.response(answer);
        // Only a settled answer is a result; a dialogue's record is its replies'.
        if !attempt.is_settled(q, position) || response == Response::Path {
            return;
        }
        let latency_centis = now_ms.saturating_sub(shown_ms) / 10;
        let interaction = Interaction { question, answer, credit: attempt.credit_at(q, position), latency_centis, epoch_ms: now_ms, lang: &q.lang };
        let used = Used { tries: u32::from(attempt.tries[position]), hints: attempt.hints_shown(position) as u32 };
        let parent = self.quiz_object(quiz);
        let statement = self.subject().answered(&mut self.rng, &parent, &interaction.record(Version::Scorm2004), cmi::components(&response), used);
        self.push(statement, store);
    }

    #[allow(clippy::too_many_arguments)]
    fn replied(&mut self, session: &Session, quiz: usize, position: usize, step: usize, now_ms: u64, shown_ms: u64, store: &dyn Store) {
        let q = &session.course.quizzes[quiz];
        let Some(attempt) = &session.quizzes[quiz].attempt else { return };
        let Some((question, dialogue, taken)) = attempt.replied_at(q, position, step) else { return };
        let latency_centis = now_ms.saturating_sub(shown_ms) / 10;
        let interaction = StepInteraction { question, dialogue, taken, latency_centis, epoch_ms: now_ms, lang: &q.lang };
        let choices = cmi::step_choices(&dialogue.steps[usize::from(taken.step)]);
        let used = Used { tries: u32::from(attempt.tries[position]) + 1, hints: attempt.hints_shown(position) as u32 };
        let parent = self.quiz_object(quiz);
        let statement = self.subject().answered(&mut self.rng, &parent, &interaction.record(Version::Scorm2004), vec![("choices", choices)], used);
        self.push(statement, store);
    }

    /// The results every object of this launch has earned and not yet had: `completed`
    /// and `passed` as soon as earned, `failed` only when `leaving`.
    fn judge_all(&mut self, session: &Session, leaving: bool, now_ms: u64, store: &dyn Store) {
        let mut judged: Vec<(String, Outcome)> = Vec::new();
        match self.scope {
            Scope::Stage(i) => judged.push((self.quiz_object(i), stage_outcome(session, i))),
            Scope::Course => {
                for i in 0..session.quizzes.len() {
                    judged.push((self.quiz_object(i), stage_outcome(session, i)));
                }
                judged.push((self.launched_object(), course_outcome(session)));
            }
        }
        for (object, outcome) in judged {
            for verb in self.due(&object, &outcome, leaving, store) {
                let result = Judged { score: outcome.score, duration_centis: now_ms.saturating_sub(self.note.started_ms) / 10 };
                let statement = self.subject().judged(&mut self.rng, verb, &object, result, now_ms);
                self.push(statement, store);
                let mut sent = self.sent(&object, store);
                match verb {
                    Verb::Completed => sent.completed = true,
                    Verb::Passed => sent.passed = true,
                    Verb::Failed | Verb::Initialized | Verb::Answered | Verb::Terminated => {}
                }
                if matches!(verb, Verb::Passed | Verb::Failed) {
                    self.note.judged.push(object.clone());
                    self.save_note(store);
                }
                self.shelf.set_note(store, &sent_key(&object), Some(&format!("{}{}", u8::from(sent.completed), u8::from(sent.passed))));
            }
        }
    }

    /// cmi5's verb rules for one object's outcome.
    fn due(&self, object: &str, outcome: &Outcome, leaving: bool, store: &dyn Store) -> Vec<Verb> {
        let sent = self.sent(object, store);
        let judged_now = self.note.judged.iter().any(|o| o == object);
        let mut out = Vec::new();
        if outcome.completed && !sent.completed {
            out.push(Verb::Completed);
        }
        if !judged_now && !sent.passed {
            match outcome.success {
                Some(true) => out.push(Verb::Passed),
                Some(false) if leaving => out.push(Verb::Failed),
                Some(false) | None => {}
            }
        }
        out
    }

    fn sent(&self, object: &str, store: &dyn Store) -> Sent {
        let note = self.shelf.note(store, &sent_key(object)).unwrap_or_default();
        let flag = |i: usize| note.as_bytes().get(i) == Some(&b'1');
        Sent { completed: flag(0), passed: flag(1) }
    }

    /// The page is hidden or going away: progress is saved, a failing result is said
    /// (nothing later in this session can pass it), and what waits is sent at once.
    pub fn leave(&mut self, session: &Session, unloading: bool, now_ms: u64, store: &dyn Store) {
        for quiz in 0..session.quizzes.len() {
            if session.quizzes[quiz].attempt.is_some() || session.quizzes[quiz].record.attempts > 0 {
                self.shelf.save(store, session, quiz);
            }
        }
        if unloading && self.records() && !self.note.terminated {
            self.judge_all(session, true, now_ms, store);
        }
        self.retry_at = 0;
    }

    /// The learner leaves through the exit: a failing result, then `terminated`, last.
    pub fn exit(&mut self, session: &Session, now_ms: u64, store: &dyn Store) {
        if self.phase != Phase::Ready || self.note.terminated {
            return;
        }
        if self.records() {
            self.judge_all(session, true, now_ms, store);
        }
        let object = self.launched_object();
        let duration = now_ms.saturating_sub(self.note.started_ms) / 10;
        let statement = self.subject().session(&mut self.rng, Verb::Terminated, &object, Some(duration), now_ms);
        self.push(statement, store);
        self.note.terminated = true;
        self.save_note(store);
        self.retry_at = 0;
    }

    fn push(&mut self, statement: Statement, store: &dyn Store) {
        self.queue.push(statement);
        self.save_queue(store);
    }

    fn save_queue(&self, store: &dyn Store) {
        let text = encode_queue(&self.queue);
        self.shelf.set_note(store, "queue", (!text.is_empty()).then_some(text.as_str()));
    }

    fn save_note(&self, store: &dyn Store) {
        if let Entry::Cmi5 { fetch } = &self.url.entry {
            self.shelf.set_note(store, &session_key(fetch), Some(&self.note.encode()));
        }
    }

    fn about(&self) -> Request {
        Request::Document { url: format!("{}about", self.url.endpoint) }
    }

    /// One more failure: the next try waits 2 s, 4 s, … up to `MAX_BACKOFF_MS`.
    fn back_off(&mut self, now_ms: u64) {
        self.failures += 1;
        self.retry_at = now_ms + (1_000u64 << self.failures.min(6)).min(MAX_BACKOFF_MS);
    }

    /// The LRS's `about`: the version to speak. One that failed on the way is asked
    /// again before the next statement; an LRS that answers without saying keeps cmi5's.
    pub fn about_reply(&mut self, reply: Reply, now_ms: u64, store: &dyn Store) {
        self.in_flight = None;
        if reply.is_passing() {
            self.back_off(now_ms);
            return;
        }
        let version = xapi_version(&reply.body).filter(|_| reply.status == 200).unwrap_or(XAPI_VERSION);
        self.version = Some(version);
        self.failures = 0;
        self.retry_at = 0;
        self.shelf.set_note(store, &version_key(&self.url.endpoint), Some(version));
    }

    /// The next request to make, when one waits, none is on its way and any backoff is
    /// over: the LRS's `about` while its version is unknown, else the next statement.
    pub fn next_request(&mut self, now_ms: u64) -> Option<Request> {
        if self.phase != Phase::Ready || self.stopped || self.in_flight.is_some() || now_ms < self.retry_at {
            return None;
        }
        let head = self.queue.first()?;
        if self.version.is_none() {
            self.in_flight = Some(String::new());
            return Some(self.about());
        }
        self.in_flight = Some(head.id.clone());
        Some(Request::Statement { url: format!("{}statements?statementId={}", self.url.endpoint, head.id), id: head.id.clone(), body: head.body.clone() })
    }

    /// The LRS's answer to the statement `id`.
    pub fn statement_reply(&mut self, id: &str, reply: Reply, now_ms: u64, store: &dyn Store) {
        if self.in_flight.as_deref() != Some(id) {
            return;
        }
        self.in_flight = None;
        let delivered = (200..300).contains(&reply.status) || reply.status == 409;
        let malformed = reply.status == 400 || reply.status == 404 || reply.status == 413;
        if delivered || malformed {
            if malformed {
                self.warnings.push(format!("the LRS refused statement {id} ({}): {}", reply.status, cmi::one_line(&reply.body, 300)));
            }
            self.queue.retain(|s| s.id != id);
            self.save_queue(store);
            self.failures = 0;
            self.retry_at = 0;
            if self.health == Health::Retrying {
                self.health = Health::Good;
            }
        } else if reply.status == 401 || reply.status == 403 {
            self.stopped = true;
            self.health = Health::Refused;
            self.warnings.push(format!("the LRS refused the credentials ({}); what waits is kept for the next launch", reply.status));
        } else {
            self.back_off(now_ms);
            self.health = Health::Retrying;
        }
    }

    /// What waits, as one batch for the page's last moment (`pagehide`): a POST of the
    /// queue's statements in order, as many as fit a `keepalive` request (browsers allow
    /// 64 KB in flight). Nothing is taken off the queue: whatever the LRS stored, the
    /// next launch sends again and the LRS recognises by its id.
    pub fn parting_batch(&self) -> Option<(String, String)> {
        if self.phase != Phase::Ready || self.stopped || self.version.is_none() || self.queue.is_empty() {
            return None;
        }
        let mut body = String::from("[");
        for statement in &self.queue {
            if body.len() + statement.body.len() + 2 > PARTING_BYTES {
                break;
            }
            if body.len() > 1 {
                body.push(',');
            }
            body.push_str(&statement.body);
        }
        body.push(']');
        (body.len() > 2).then(|| (format!("{}statements", self.url.endpoint), body))
    }

    /// When the next try is due (for the door's timer), if one waits.
    pub fn retry_at(&self) -> Option<u64> {
        (!self.queue.is_empty() && self.in_flight.is_none() && !self.stopped && self.phase == Phase::Ready).then_some(self.retry_at)
    }

    /// Where the LMS wants the learner to go after the exit.
    pub fn return_url(&self) -> Option<String> {
        self.data.return_url.clone().filter(|_| self.phase == Phase::Ready)
    }

    /// Try again now (the learner's retry, or the page coming back).
    pub fn retry(&mut self) {
        self.retry_at = 0;
    }

    pub fn health(&self) -> Health {
        self.health
    }

    /// How many statements wait (for tests and the console).
    pub fn waiting(&self) -> usize {
        self.queue.len()
    }

    /// What went wrong since the last call, to tell whoever runs the LRS.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }
}

fn version_key(endpoint: &str) -> String {
    format!("version.{:08x}", fnv1a(endpoint.as_bytes()))
}

fn session_key(fetch: &str) -> String {
    format!("session.{:08x}", fnv1a(fetch.as_bytes()))
}

fn sent_key(object: &str) -> String {
    format!("sent.{:08x}", fnv1a(object.as_bytes()))
}

/// The queue as text: a statement a line, its id, a tab, its JSON (which holds no raw
/// line break or tab: `Json::write` escapes them).
fn encode_queue(queue: &[Statement]) -> String {
    queue.iter().map(|s| format!("{}\t{}", s.id, s.body)).collect::<Vec<_>>().join("\n")
}

fn decode_queue(text: &str) -> Vec<Statement> {
    text.lines().filter_map(|line| line.split_once('\t')).map(|(id, body)| Statement { id: id.to_string(), body: body.to_string() }).collect()
}

/// Percent-encodes a URL query value.
fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_queue_and_the_note_read_back() {
        let queue = vec![
            Statement { id: "a".into(), body: r#"{"x":"line\nbreak\ttab"}"#.replace('\n', "\\n").replace('\t', "\\t") },
            Statement { id: "b".into(), body: "{}".into() },
        ];
        assert_eq!(decode_queue(&encode_queue(&queue)), queue);
        let note = SessionNote {
            token: "Basic QQ==".into(),
            launch_data: "{}".into(),
            started_ms: 5,
            initialized: true,
            terminated: false,
            judged: vec!["urn:a".into()],
        };
        assert_eq!(SessionNote::decode(&note.encode()), Some(note));
        assert_eq!(encode("a b/ä"), "a%20b%2F%C3%A4");
    }
}

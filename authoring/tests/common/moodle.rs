//! A Moodle-faithful LMS in memory (mod/scorm 4.3, SCORM 1.2 and 2004), for native
//! tests of the delivery client (`tere_engine::sco::Client`). Where Moodle is stricter
//! than the standard's examples, this is Moodle:
//! - **the page and the server are apart**: the player page keeps the data model;
//!   SetValue and GetValue answer from it, and only Commit (and the commit inside
//!   Terminate) reaches the server. After the login ends, SetValue and GetValue still
//!   answer and every Commit fails with 101. A relaunch offers only what was committed;
//! - one API object per player page, with Initialized/Terminated flags (2004: 103 for
//!   a second Initialize, 104 after Terminate, 122/123, 132/133, 142/143 for calls
//!   before Initialize or after Terminate); 1.2's LMSFinish only clears Initialized;
//! - `_count`s counted from the page's records;
//! - a relaunch's data by Moodle's rules (`loaddatamodel.php`, `scorm_12.js.php`,
//!   `scorm1_3.js.php`): 1.2 loads the attempt's tracks; 2004 loads them only when a
//!   `cmi.exit` other than `time-out` was stored; entry is `ab-initio` before any
//!   status, `resume` after an exit of `suspend`, else empty;
//! - "Force new attempt: when previous attempt completed, passed or failed" (the
//!   stage setting of docs/moodle.md): a relaunch after such a status is a new
//!   attempt, which holds nothing; "No" (the course setting) keeps one attempt;
//! - `cmi.mode`/`cmi.core.lesson_mode` browse or review;
//! - every SetValue checked against Moodle's patterns (`tere_engine::moodle_rules`).
//!
//! Faults are injected by call number (`Fault`).

use std::cell::RefCell;
use std::collections::BTreeMap;

use regex::Regex;
use tere_engine::cmi::Version;
use tere_engine::moodle_rules::RULES;
use tere_engine::sco::{Api, Fault};

/// One attempt's stored values, as Moodle's tracks.
pub type Tracks = BTreeMap<String, String>;

/// A fault injected at a call number (counted over every call of every page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Injected {
    /// That one call fails (a passing server error).
    Once(usize),
    /// Every call from that one on throws (the LMS window is gone), until `heal`.
    Gone(usize),
    /// From that call on the login has ended: SetValue and GetValue answer from the
    /// page, every Commit (and Terminate) fails with 101, until `heal`.
    LoginEnds(usize),
    /// The next player page's API object was already terminated (an earlier SCO
    /// switch): its Initialize answers 104 (2004) or 101 (1.2).
    Terminated,
}

/// What "Force new attempt" is set to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewAttempt {
    /// A new attempt after one whose status is completed, passed or failed (stages).
    WhenFinished,
    /// Never (the whole-course SCO).
    No,
}

/// Every call one page received, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    pub method: &'static str,
    pub element: String,
    pub value: String,
    pub ok: bool,
}

pub struct Moodle {
    pub version: Version,
    pub new_attempt: NewAttempt,
    pub mode: &'static str,
    pub learner: String,
    pub fault: Option<Injected>,
    server: RefCell<Server>,
    page: RefCell<Page>,
    rules: Vec<(Version, Regex, Regex, usize)>,
    index: Regex,
}

/// What Moodle's database holds.
#[derive(Default)]
struct Server {
    /// Every attempt's committed tracks, oldest first.
    attempts: Vec<Tracks>,
    /// Each attempt's stored (score, status) after every commit.
    history: Vec<Vec<(Option<String>, Option<String>)>>,
}

#[derive(Default)]
struct Page {
    /// The attempt this page writes into.
    attempt: usize,
    model: Tracks,
    initialized: bool,
    terminated: bool,
    /// Initialize answers "terminated" (an earlier SCO on this page terminated).
    dead: bool,
    last_error: String,
    calls_total: usize,
    /// The login ended while this page was open.
    logged_out: bool,
    gone: bool,
    pub log: Vec<Call>,
}

impl Moodle {
    pub fn new(version: Version, new_attempt: NewAttempt) -> Moodle {
        let rules = RULES.iter().map(|r| (r.version, Regex::new(r.element).unwrap(), Regex::new(r.value).unwrap(), r.max_chars)).collect();
        Moodle {
            version,
            new_attempt,
            mode: "normal",
            learner: "student1".into(),
            fault: None,
            server: RefCell::default(),
            page: RefCell::default(),
            rules,
            index: Regex::new(r"^(cmi\.(interactions|objectives))\.([0-9]+)\.").unwrap(),
        }
    }

    fn names(&self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self.version {
            Version::Scorm12 => ("cmi.core.lesson_status", "cmi.core.exit", "cmi.core.entry", "cmi.core.score.raw"),
            Version::Scorm2004 => ("cmi.completion_status", "cmi.exit", "cmi.entry", "cmi.score.raw"),
        }
    }

    /// The status that says how far the attempt got (1.2's one word, 2004's success or completion).
    pub fn status_of(&self, tracks: &Tracks) -> Option<String> {
        match self.version {
            Version::Scorm12 => tracks.get("cmi.core.lesson_status").cloned(),
            Version::Scorm2004 => tracks.get("cmi.success_status").filter(|s| *s != "unknown").or(tracks.get("cmi.completion_status")).cloned(),
        }
    }

    /// The learner opens the activity: a new player page with a fresh API object,
    /// writing into the last attempt or a new one, as Moodle decides.
    pub fn open_page(&mut self) {
        let (status, exit, entry, _) = self.names();
        let finished = |t: &Tracks| {
            t.get(status).is_some_and(|s| matches!(s.as_str(), "completed" | "passed" | "failed"))
                || (self.version == Version::Scorm2004 && t.get("cmi.success_status").is_some_and(|s| s == "passed" || s == "failed"))
        };
        let mut server = self.server.borrow_mut();
        let new = match server.attempts.last() {
            None => true,
            Some(last) => self.new_attempt == NewAttempt::WhenFinished && finished(last),
        };
        if new {
            server.attempts.push(Tracks::new());
            server.history.push(Vec::new());
        }
        let attempt = server.attempts.len() - 1;
        let tracks = server.attempts[attempt].clone();
        let loads = match self.version {
            Version::Scorm12 => true,
            Version::Scorm2004 => tracks.get(exit).is_some_and(|e| e != "time-out"),
        };
        let mut model = if loads { tracks.clone() } else { Tracks::new() };
        model.remove(exit);
        model.remove(match self.version {
            Version::Scorm12 => "cmi.core.session_time",
            Version::Scorm2004 => "cmi.session_time",
        });
        let entry_value = match (tracks.get(status), tracks.get(exit)) {
            (None, _) => "ab-initio",
            (Some(_), Some(e)) if e == "suspend" => "resume",
            _ => "",
        };
        model.insert(entry.into(), entry_value.into());
        let (mode, learner) = match self.version {
            Version::Scorm12 => ("cmi.core.lesson_mode", "cmi.core.student_id"),
            Version::Scorm2004 => ("cmi.mode", "cmi.learner_id"),
        };
        model.insert(mode.into(), self.mode.into());
        model.insert(learner.into(), self.learner.clone());
        drop(server);
        let dead = self.fault == Some(Injected::Terminated);
        if dead {
            self.fault = None;
        }
        let calls_total = self.page.borrow().calls_total;
        *self.page.borrow_mut() = Page { attempt, model, dead, calls_total, ..Page::default() };
    }

    /// The fault stops: the login is back, the window returns.
    pub fn heal(&mut self) {
        self.fault = None;
        let mut page = self.page.borrow_mut();
        page.logged_out = false;
        page.gone = false;
    }

    /// Every call the page on screen received.
    pub fn log(&self) -> Vec<Call> {
        self.page.borrow().log.clone()
    }

    /// Whether the server holds everything the page's data model was given.
    pub fn all_committed(&self) -> bool {
        let page = self.page.borrow();
        let server = self.server.borrow();
        let stored = &server.attempts[page.attempt];
        page.log.iter().filter(|c| c.method == "SetValue" && c.ok).all(|c| stored.get(&c.element) == page.model.get(&c.element))
    }

    /// How many calls were made, over every page.
    pub fn calls(&self) -> usize {
        self.page.borrow().calls_total
    }

    /// The attempt the page on screen writes into.
    pub fn current_attempt(&self) -> usize {
        self.page.borrow().attempt
    }

    /// Every attempt's stored tracks, oldest first.
    pub fn attempts(&self) -> Vec<Tracks> {
        self.server.borrow().attempts.clone()
    }

    /// Each attempt's stored (score, status) after every commit.
    pub fn history(&self) -> Vec<Vec<(Option<String>, Option<String>)>> {
        self.server.borrow().history.clone()
    }

    /// The element of the SCO's raw score.
    pub fn score_element(&self) -> &'static str {
        self.names().3
    }

    /// The stored (score, status) of an attempt.
    pub fn result_of(&self, tracks: &Tracks) -> (Option<String>, Option<String>) {
        (tracks.get(self.names().3).cloned(), self.status_of(tracks))
    }

    /// The grade Moodle computes with docs/moodle.md's settings: the highest attempt's score.
    pub fn grade(&self) -> Option<u32> {
        self.server.borrow().attempts.iter().filter_map(|t| t.get(self.names().3)?.parse::<f64>().ok()).map(|s| s.round() as u32).max()
    }

    /// The interaction records stored in an attempt: (id, time) each.
    pub fn interactions(&self, tracks: &Tracks) -> Vec<(String, String)> {
        let time = match self.version {
            Version::Scorm12 => "time",
            Version::Scorm2004 => "timestamp",
        };
        (0..)
            .map_while(|n| {
                let id = tracks.get(&format!("cmi.interactions.{n}.id"))?;
                Some((id.clone(), tracks.get(&format!("cmi.interactions.{n}.{time}")).cloned().unwrap_or_default()))
            })
            .collect()
    }

    fn valid(&self, element: &str, value: &str) -> bool {
        self.rules.iter().any(|(v, e, pattern, max)| *v == self.version && e.is_match(element) && pattern.is_match(value) && value.chars().count() <= *max)
    }

    /// One call: counts it, injects the fault due, applies Moodle's rules, logs it.
    fn call(&self, method: &'static str, element: &str, value: &str) -> Result<String, Fault> {
        let n = {
            let mut page = self.page.borrow_mut();
            page.calls_total += 1;
            page.calls_total - 1
        };
        match self.fault {
            Some(Injected::Gone(at)) if n >= at => self.page.borrow_mut().gone = true,
            Some(Injected::LoginEnds(at)) if n >= at => self.page.borrow_mut().logged_out = true,
            _ => {}
        }
        let outcome = if self.page.borrow().gone {
            Err(Fault { code: String::new(), message: format!("{method} threw: the LMS is unreachable") })
        } else if self.fault == Some(Injected::Once(n)) {
            self.refuse(match (self.version, method) {
                (Version::Scorm12, _) => "101",
                (Version::Scorm2004, "Initialize") => "102",
                (Version::Scorm2004, "SetValue") => "351",
                (Version::Scorm2004, "Commit") => "391",
                (Version::Scorm2004, _) => "101",
            })
        } else {
            self.moodle(method, element, value)
        };
        let mut page = self.page.borrow_mut();
        page.log.push(Call { method, element: element.into(), value: value.into(), ok: outcome.is_ok() });
        page.last_error = outcome.as_ref().err().map_or("0".into(), |f| f.code.clone());
        outcome
    }

    fn refuse(&self, code: &str) -> Result<String, Fault> {
        Err(Fault { code: code.into(), message: format!("error {code}") })
    }

    fn moodle(&self, method: &'static str, element: &str, value: &str) -> Result<String, Fault> {
        let v12 = self.version == Version::Scorm12;
        let mut page = self.page.borrow_mut();
        if method == "Initialize" {
            return if page.dead || page.terminated {
                drop(page);
                self.refuse(if v12 { "101" } else { "104" })
            } else if page.initialized {
                drop(page);
                self.refuse(if v12 { "101" } else { "103" })
            } else {
                page.initialized = true;
                Ok("true".into())
            };
        }
        let (before, after) = match method {
            "GetValue" => ("122", "123"),
            "SetValue" => ("132", "133"),
            "Commit" => ("142", "143"),
            _ => ("112", "113"),
        };
        if page.terminated && !v12 {
            drop(page);
            return self.refuse(after);
        }
        if !page.initialized {
            drop(page);
            return self.refuse(if v12 { "301" } else { before });
        }
        match method {
            "GetValue" => {
                if let Some(list) = element.strip_suffix("._count") {
                    let n = (0..).take_while(|i| page.model.contains_key(&format!("{list}.{i}.id"))).count();
                    return Ok(n.to_string());
                }
                Ok(page.model.get(element).cloned().unwrap_or_default())
            }
            "SetValue" => {
                drop(page);
                if !self.valid(element, value) {
                    return self.refuse(if v12 { "405" } else { "406" });
                }
                // An index may be at most the count (no gaps), as Moodle checks.
                if let Some(caps) = self.index.captures(element) {
                    let page = self.page.borrow();
                    let count = (0..).take_while(|i| page.model.contains_key(&format!("{}.{i}.id", &caps[1]))).count();
                    let n: usize = caps[3].parse().unwrap();
                    if n > count || (n == count && !element.ends_with(".id")) {
                        drop(page);
                        return self.refuse(if v12 { "201" } else { "351" });
                    }
                }
                self.page.borrow_mut().model.insert(element.into(), value.into());
                Ok("true".into())
            }
            "Commit" | "Terminate" => {
                if page.logged_out {
                    drop(page);
                    return self.refuse("101");
                }
                let (attempt, model) = (page.attempt, page.model.clone());
                if method == "Terminate" {
                    if v12 {
                        page.initialized = false;
                    } else {
                        page.terminated = true;
                    }
                }
                drop(page);
                self.store(attempt, model);
                Ok("true".into())
            }
            _ => unreachable!("{method}"),
        }
    }

    /// A commit: the page's values reach the server.
    fn store(&self, attempt: usize, model: Tracks) {
        let mut server = self.server.borrow_mut();
        // Moodle stores each element sent as a track of its own: what was not sent stays.
        server.attempts[attempt].extend(model);
        let stored = server.attempts[attempt].clone();
        drop(server);
        let result = self.result_of(&stored);
        self.server.borrow_mut().history[attempt].push(result);
    }
}

impl Api for Moodle {
    fn initialize(&self) -> Result<(), Fault> {
        self.call("Initialize", "", "").map(drop)
    }

    fn get(&self, element: &str) -> Option<String> {
        self.call("GetValue", element, "").ok()
    }

    fn set(&self, element: &str, value: &str) -> Result<(), Fault> {
        self.call("SetValue", element, value).map(drop)
    }

    fn commit(&self) -> Result<(), Fault> {
        self.call("Commit", "", "").map(drop)
    }

    fn terminate(&self) -> Result<(), Fault> {
        self.call("Terminate", "", "").map(drop)
    }
}

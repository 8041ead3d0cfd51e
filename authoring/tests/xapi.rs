//! Nothing lost on the way to a Learning Record Store: the xAPI delivery client
//! (`tere_engine::xapi::Client`) played by random learners against an LRS and a cmi5
//! LMS in memory (this file's `Lrs`: statements by id, documents, a one-time fetch URL),
//! with the LRS down for any stretch, pages hidden, reloaded (the same launch) and
//! closed, and the unit launched again. After the LRS is back and the learner launches
//! once more and leaves through the exit:
//! - every settled answer and every dialogue reply is in the LRS exactly once;
//! - in every session `initialized` is the first statement and `terminated`, when sent,
//!   the last; no cmi5 verb twice, at most one of `passed`/`failed`;
//! - in the registration at most one `completed` and one `passed`, no `failed` after it,
//!   a `passed` score at or above the mastery score and a `failed` one below;
//! - a stage the learner finished has its `completed`, one passed its `passed`;
//! - in Browse mode only `initialized` and `terminated`.
//!
//! The real LRS (xapi-rs) is the browser test's (tests/browser/cmi5.test.mjs); this
//! one is the same rules at thousands of paths.

mod common;

use std::collections::BTreeMap;

use common::learner::{sensible, two_stages as course, Browser};
use proptest::prelude::*;
use tere_engine::health::Health;
use tere_engine::json::Json;
use tere_engine::report::events;
use tere_engine::xapi::launch::{read_url, SESSION_ID};
use tere_engine::xapi::{Client, Reply, Request};
use tere_engine::{Session, Status};

const ENDPOINT: &str = "https://lrs.example/xapi/";
const ACTOR: &str = r#"{"objectType":"Agent","account":{"homePage":"https://lms.example","name":"42"}}"#;
const AU: &str = "urn:tere:course:c:quiz:beta";
const REGISTRATION: &str = "6c1b1e4c-6f0e-4b43-9d4a-4f3b1c2d9e01";

/// The LMS's and the LRS's side.
#[derive(Default)]
struct Lrs {
    /// Statements in the order stored.
    stored: Vec<Json>,
    down: bool,
    /// Each launch's fetch URL and whether its token was given.
    fetched: BTreeMap<String, bool>,
    mode: &'static str,
    /// Statements PUT again with an id already stored.
    resent: usize,
}

impl Lrs {
    /// A POST of statements (the page's last batch): each stored unless its id is known.
    fn batch(&mut self, body: &str) {
        let Some(Json::List(statements)) = Json::parse(body) else { panic!("a batch is a JSON list") };
        for statement in statements {
            let id = statement.get("id").and_then(Json::as_str).map(str::to_string);
            if self.stored.iter().any(|s| s.get("id").and_then(Json::as_str).map(str::to_string) == id) {
                self.resent += 1;
            } else {
                self.stored.push(statement);
            }
        }
    }

    fn answer(&mut self, request: &Request, launch: usize) -> Reply {
        let reply = |status: u16, body: &str| Reply { status, body: body.to_string() };
        match request {
            Request::Token { url } => {
                let given = self.fetched.entry(url.clone()).or_default();
                if std::mem::replace(given, true) {
                    reply(200, r#"{"error-code":"1","error-text":"already used"}"#)
                } else {
                    reply(200, r#"{"auth-token":"dG9rZW4="}"#)
                }
            }
            _ if self.down => reply(0, ""),
            // An xAPI 2.0 LRS, as the real one in the browser test.
            Request::Document { url } if url.ends_with("/about") => reply(200, r#"{"version":["2.0.0"]}"#),
            Request::Document { url } if url.contains("LMS.LaunchData") => {
                let data = format!(
                    r#"{{"contextTemplate":{{"contextActivities":{{"grouping":[{{"id":"{AU}"}}]}},"extensions":{{"{SESSION_ID}":"session-{launch}"}}}},"launchMode":"{}","masteryScore":0.6,"moveOn":"CompletedOrPassed"}}"#,
                    self.mode
                );
                reply(200, &data)
            }
            Request::Document { .. } => reply(404, ""),
            Request::Statement { id, body, .. } => {
                let json = Json::parse(body).expect("a statement is JSON");
                assert_eq!(json.get("id").and_then(Json::as_str), Some(id.as_str()));
                if self.stored.iter().any(|s| s.get("id").and_then(Json::as_str) == Some(id)) {
                    self.resent += 1;
                    return reply(409, "");
                }
                self.stored.push(json);
                reply(204, "")
            }
        }
    }
}

#[derive(Clone, Debug)]
enum Step {
    Play(u8),
    Hide,
    /// The same launch loaded again (a reload).
    Reload,
    /// The window closed; the LMS launches the unit again (a new session).
    Relaunch,
    /// The learner leaves through the exit, then the LMS launches again.
    Exit,
    Down,
    Up,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        14 => any::<u8>().prop_map(Step::Play),
        1 => Just(Step::Hide),
        2 => Just(Step::Reload),
        1 => Just(Step::Relaunch),
        1 => Just(Step::Exit),
        2 => Just(Step::Down),
        2 => Just(Step::Up),
    ]
}

struct Page {
    client: Client,
    session: Session,
}

struct World {
    lrs: Lrs,
    browser: Browser,
    now_ms: u64,
    launch: usize,
    page: Option<Page>,
    /// Settled answers in Normal mode (each must be stored once).
    settled: usize,
    /// Stages finished and passed at some point.
    finished: bool,
    passed: bool,
}

impl World {
    fn open(&mut self) {
        let fetch = format!("https://lms.example/fetch/{}", self.launch);
        let params = [
            ("endpoint", ENDPOINT.to_string()),
            ("fetch", fetch),
            ("actor", ACTOR.to_string()),
            ("registration", REGISTRATION.to_string()),
            ("activityId", AU.to_string()),
        ];
        let url = read_url(&|k| params.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone())).expect("a cmi5 launch");
        let mut client = Client::new(url, Some("beta".into()), self.now_ms ^ self.launch as u64, &self.browser);
        while let Some(request) = client.launch_request() {
            let reply = self.lrs.answer(&request, self.launch);
            client.launch_reply(reply, self.now_ms, &self.browser);
        }
        let launched = client.launch(course(), &self.browser);
        let mut session = Session::new(course()).reduce(tere_engine::Action::Open(1)).reduce(tere_engine::Action::ImposePassMark(launched.pass_mark));
        for action in launched.restore {
            session = session.reduce(action);
        }
        client.begin(&session, self.now_ms, &self.browser);
        self.page = Some(Page { client, session });
        self.pump();
    }

    /// The page's `pagehide`: it saves, and posts what waits as one batch.
    fn part(&mut self) {
        let Some(page) = self.page.as_mut() else { return };
        page.client.leave(&page.session, true, self.now_ms, &self.browser);
        if let Some((url, body)) = page.client.parting_batch() {
            assert!(url.ends_with("/statements"));
            if !self.lrs.down {
                self.lrs.batch(&body);
            }
        }
    }

    /// Sends what the client asks to, as a page's fetches would.
    fn pump(&mut self) {
        let Some(page) = self.page.as_mut() else { return };
        while let Some(request) = page.client.next_request(self.now_ms) {
            // Like xapi-rs, the LRS refuses any version but its own (2.0.0) with 400.
            let version = page.client.headers().into_iter().find(|(name, _)| *name == "X-Experience-API-Version").map(|(_, v)| v);
            let reply = match (&request, version.as_deref()) {
                (Request::Statement { .. }, Some(v)) if v != "2.0.0" && !self.lrs.down => Reply { status: 400, body: "version".into() },
                _ => self.lrs.answer(&request, self.launch),
            };
            match request {
                Request::Statement { id, .. } => page.client.statement_reply(&id, reply, self.now_ms, &self.browser),
                Request::Document { .. } => page.client.about_reply(reply, self.now_ms, &self.browser),
                Request::Token { .. } => unreachable!("the token is the launch's"),
            }
        }
    }

    fn run(&mut self, step: &Step) {
        self.now_ms += 1_000;
        match step {
            Step::Play(pick) => {
                let Some(page) = self.page.as_mut() else { return };
                let action = sensible(&page.session, *pick);
                let after = page.session.reduce(action);
                let happened = events(&page.session, &after);
                for event in &happened {
                    if let tere_engine::report::Event::Answered { quiz, position } = *event {
                        let q = &course().quizzes[quiz];
                        if page.client.records() && after.quizzes[quiz].attempt.as_ref().is_some_and(|a| a.is_settled(q, position)) {
                            self.settled += 1;
                        }
                    }
                }
                page.client.report(&after, &happened, self.now_ms, self.now_ms - 500, &self.browser);
                page.session = after;
                let record = &page.session.quizzes[1].record;
                self.finished |= record.status.is_finished();
                self.passed |= record.status == Status::Passed;
            }
            Step::Hide => {
                if let Some(page) = self.page.as_mut() {
                    page.client.leave(&page.session, false, self.now_ms, &self.browser);
                }
            }
            Step::Reload | Step::Relaunch => {
                // The page goes away: only its last batch leaves with it.
                self.part();
                self.page = None;
                if matches!(step, Step::Relaunch) {
                    self.launch += 1;
                }
                self.open();
            }
            Step::Exit => {
                if let Some(page) = self.page.as_mut() {
                    page.client.exit(&page.session, self.now_ms, &self.browser);
                }
                // The exit waits for what waits (or gives up after a while) before it goes.
                self.pump();
                self.part();
                self.page = None;
                self.launch += 1;
                self.open();
            }
            Step::Down => self.lrs.down = true,
            Step::Up => {
                self.lrs.down = false;
                if let Some(page) = self.page.as_mut() {
                    page.client.retry();
                }
            }
        }
        self.pump();
        if let Some(page) = &self.page {
            // The learner is told whenever something waits.
            if page.client.waiting() > 0 && !self.lrs.down {
                assert_ne!(page.client.health(), Health::Good, "statements wait while the learner is told all is well");
            }
        }
    }
}

fn verb(statement: &Json) -> &str {
    let iri = statement.get("verb").and_then(|v| v.get("id")).and_then(Json::as_str).unwrap_or("");
    iri.rsplit('/').next().unwrap_or("")
}

fn session_of(statement: &Json) -> String {
    statement.get("context").and_then(|c| c.get("extensions")).and_then(|e| e.get(SESSION_ID)).and_then(Json::as_str).unwrap_or("").to_string()
}

fn scaled(statement: &Json) -> f64 {
    statement
        .get("result")
        .and_then(|r| r.get("score"))
        .and_then(|s| s.get("scaled"))
        .and_then(Json::as_number)
        .and_then(|n| n.parse().ok())
        .expect("a judged score")
}

fn check(world: &World) {
    let stored = &world.lrs.stored;
    let answered = stored.iter().filter(|s| verb(s) == "answered").count();
    assert_eq!(answered, world.settled, "every settled answer is stored exactly once");
    // Per session: initialized first, terminated last, no cmi5 verb twice, one judgement.
    let mut sessions: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for s in stored {
        sessions.entry(session_of(s)).or_default().push(verb(s));
    }
    for (session, verbs) in &sessions {
        assert_eq!(verbs.first(), Some(&"initialized"), "{session}: {verbs:?}");
        if let Some(at) = verbs.iter().position(|v| *v == "terminated") {
            assert_eq!(at, verbs.len() - 1, "{session}: terminated last: {verbs:?}");
        }
        for defined in ["initialized", "completed", "passed", "failed", "terminated"] {
            assert!(verbs.iter().filter(|v| **v == defined).count() <= 1, "{session}: {defined} twice: {verbs:?}");
        }
        assert!(verbs.iter().filter(|v| matches!(**v, "passed" | "failed")).count() <= 1, "{session}: {verbs:?}");
    }
    let all: Vec<&str> = stored.iter().map(verb).collect();
    assert!(all.iter().filter(|v| **v == "completed").count() <= 1, "{all:?}");
    assert!(all.iter().filter(|v| **v == "passed").count() <= 1, "{all:?}");
    if let Some(passed) = all.iter().position(|v| *v == "passed") {
        assert!(!all[passed..].contains(&"failed"), "failed after passed: {all:?}");
    }
    for s in stored {
        match verb(s) {
            "passed" => assert!(scaled(s) >= 0.6),
            "failed" => assert!(scaled(s) < 0.6),
            _ => {}
        }
    }
    if world.lrs.mode == "Normal" {
        assert_eq!(all.contains(&"completed"), world.finished, "{all:?}");
        assert_eq!(all.contains(&"passed"), world.passed, "{all:?}");
    } else {
        assert!(all.iter().all(|v| matches!(*v, "initialized" | "terminated")), "{all:?}");
    }
}

fn play(mode: &'static str, steps: &[Step]) -> World {
    let mut world = World {
        lrs: Lrs { mode, ..Lrs::default() },
        browser: Browser::default(),
        now_ms: 1_700_000_000_000,
        launch: 0,
        page: None,
        settled: 0,
        finished: false,
        passed: false,
    };
    world.open();
    for step in steps {
        world.run(step);
    }
    // The LRS is back; the learner leaves through the exit, and launches once more (what
    // waited from a session that could not pass is sent then).
    world.run(&Step::Up);
    world.run(&Step::Exit);
    world.run(&Step::Exit);
    world
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(300), ..ProptestConfig::default() })]

    #[test]
    fn nothing_is_lost_and_cmi5_rules_hold(steps in prop::collection::vec(step(), 0..80)) {
        check(&play("Normal", &steps));
    }

    #[test]
    fn browse_records_nothing_but_the_session(steps in prop::collection::vec(step(), 0..40)) {
        check(&play("Browse", &steps));
    }
}

#[test]
fn a_plain_play_sends_the_cmi5_sequence() {
    // Start, answer all three right (option 1), finish, exit.
    let steps: Vec<Step> = [1u8, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1, 2].iter().map(|&p| Step::Play(p)).collect();
    let world = play("Normal", &steps);
    let verbs: Vec<&str> = world.lrs.stored.iter().map(verb).collect();
    assert_eq!(verbs[..7], ["initialized", "answered", "answered", "answered", "completed", "passed", "terminated"], "{verbs:?}");
    assert_eq!(world.lrs.resent, 0);
}

#[test]
fn a_refused_fetch_records_nothing_and_keeps_the_work() {
    let mut world = play("Normal", &[]);
    let before = world.lrs.stored.len();
    // The same launch's fetch URL, used again by a second tab: refused.
    world.launch -= 1;
    world.page = None;
    world.browser = Browser::default();
    world.open();
    let page = world.page.as_ref().unwrap();
    assert_eq!(page.client.health(), Health::Refused);
    world.run(&Step::Play(1));
    world.run(&Step::Play(1));
    assert_eq!(world.lrs.stored.len(), before);
    assert!(world.browser.0.borrow().keys().any(|k| k.ends_with(".beta")), "the learner's progress is on the device");
}

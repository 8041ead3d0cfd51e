//! Nothing lost on the way to an LMS: the delivery client (`tere_engine::sco::Client`)
//! played against a Moodle-faithful LMS (`common/moodle.rs`) by random learners, with a
//! fault injected at any call (a passing error, the LMS window gone, the login ended
//! with the page still answering, a relaunch refused with 104), pages hidden, reloaded
//! and relaunched at random points. After the faults stop and the learner opens the
//! activity once more:
//! - every settled answer is stored in the LMS exactly once;
//! - nothing stored in one LMS attempt is ever lowered;
//! - the grade Moodle computes with docs/moodle.md's settings (highest attempt) is
//!   never below the best the learner reached;
//! - every attempt's stored score is one the learner reached in that attempt;
//! - nothing is written in browse or review mode;
//! - no call follows Terminate on a page;
//! - whenever the learner is told nothing (health `Good`), everything set has reached
//!   the server and nothing is waiting on the device.
//!
//! `cargo xtask test` runs a bounded number of cases (`PROPTEST_CASES` overrides);
//! `cargo xtask fuzz` runs many more.

mod common;

use std::cell::RefCell;
use std::collections::BTreeMap;

use common::learner::{sensible, two_stages as course, Browser};
use common::moodle::{Injected, Moodle, NewAttempt};
use proptest::prelude::*;
use tere_engine::cmi::{self, Version};
use tere_engine::health::Health;
use tere_engine::report::{events, Event};
use tere_engine::sco::{self, Client, Scope};
use tere_engine::{Action, Session};

/// What a learner does next.
#[derive(Clone, Debug)]
enum Step {
    /// What a learner would click on this screen; the byte picks among the choices
    /// (right or wrong, next or try again, retry or practise).
    Play(u8),
    /// Any action at all, sensible or not.
    Raw(Box<Action>),
    /// The tab is hidden (the page saves).
    Hide,
    /// The page goes away and the learner opens the activity again.
    Reload,
    /// A fault starts `after` calls from now.
    Fault { kind: u8, after: usize },
    /// The fault stops (the login is back).
    Heal,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => any::<u8>().prop_map(Step::Play),
        1 => prop_oneof![
            Just(Action::Start { seed: 3 }),
            Just(Action::Check),
            Just(Action::Next),
            Just(Action::Finish),
            Just(Action::Retry { seed: 5 }),
            Just(Action::Practise { seed: 6 }),
            Just(Action::EndPractice),
            Just(Action::ShowMenu),
            (0..2usize).prop_map(Action::Open),
        ]
        .prop_map(|a| Step::Raw(Box::new(a))),
        1 => Just(Step::Hide),
        2 => Just(Step::Reload),
        2 => (0..4u8, 0..40usize).prop_map(|(kind, after)| Step::Fault { kind, after }),
        1 => Just(Step::Heal),
    ]
}

/// An answer the learner settled, as the LMS stores it: (question id, time).
type Answer = (String, String);

/// A finished graded attempt: its settled answers and its score.
struct Finished {
    answers: Vec<Answer>,
    score: u8,
    /// The LMS attempt the page wrote into when it finished.
    lms_attempt: usize,
}

/// One open player page.
struct Page {
    client: Client,
    session: Session,
    shown_ms: u64,
}

/// The learner, the browser and the LMS over a whole play.
struct World {
    version: Version,
    scope: Scope,
    moodle: Moodle,
    browser: Browser,
    now_ms: u64,
    page: Option<Page>,
    /// Every answer settled in a graded attempt, in order.
    settled: Vec<Answer>,
    /// The answers of the graded attempt going on, per quiz.
    current: BTreeMap<usize, Vec<Answer>>,
    finished: Vec<Finished>,
    /// Whether this launch may record (not browse or review).
    records: bool,
}

impl World {
    fn new(version: Version, scope: Scope, mode: &'static str, new_attempt: NewAttempt) -> World {
        let mut moodle = Moodle::new(version, new_attempt);
        moodle.mode = mode;
        World {
            version,
            scope,
            moodle,
            browser: Browser::default(),
            now_ms: 1_700_000_000_000,
            page: None,
            settled: Vec::new(),
            current: BTreeMap::new(),
            finished: Vec::new(),
            records: mode == "normal",
        }
    }

    fn tick(&mut self) -> u64 {
        self.now_ms += 1_000;
        self.now_ms
    }

    /// The learner opens the activity: a new player page, launched as the player does.
    fn open(&mut self) -> Result<(), TestCaseError> {
        self.moodle.open_page();
        let course = course();
        let quiz_id = match self.scope {
            Scope::Stage(i) => Some(course.quizzes[i].id.to_string()),
            Scope::Course => None,
        };
        let mut client = Client::new(self.version, quiz_id, self.tick());
        let launched = client.launch(course, &self.moodle, &self.browser);
        let mut session = Session::new(course);
        if let Scope::Stage(i) = self.scope {
            session = session.reduce(Action::Open(i));
        }
        let mut actions = vec![Action::ImposePassMark(launched.pass_mark)];
        actions.extend(launched.restore);
        if let Scope::Stage(i) = self.scope {
            actions.push(Action::Open(i));
        }
        session = actions.into_iter().fold(session, |s, a| s.reduce(a));
        client.begin(&session, &self.moodle, &self.browser);
        self.page = Some(Page { client, session, shown_ms: self.now_ms });
        self.told_truly()
    }

    /// The page goes away: leave, Terminate; no call may follow it.
    fn close(&mut self) -> Result<(), TestCaseError> {
        let Some(mut page) = self.page.take() else { return Ok(()) };
        let now = self.tick();
        page.client.leave(&page.session, true, now, &self.moodle, &self.browser);
        let log = self.moodle.log();
        for c in &log {
            if c.method != "GetValue" && (c.element.contains("status") || c.element.contains("score.raw") || c.method != "SetValue") {
                eprintln!("   {} {} {} {}", c.method, c.element, c.value, c.ok);
            }
        }
        eprintln!("--- page closed");

        if let Some(at) = log.iter().position(|c| c.method == "Terminate") {
            prop_assert_eq!(at, log.len() - 1, "a call followed Terminate: {:?}", &log[at..]);
        }
        if !self.records {
            prop_assert!(log.iter().all(|c| c.method != "SetValue" && c.method != "Commit"), "something was written in {} mode", self.moodle.mode);
        }
        Ok(())
    }

    fn act(&mut self, action: Action) -> Result<(), TestCaseError> {
        let now = self.tick();
        let (version, scope, records) = (self.version, self.scope, self.records);
        let page = self.page.as_mut().expect("a page");
        // The page's timer: what could not be delivered is tried again every few seconds.
        page.client.retry(&self.moodle, &self.browser);
        let after = page.session.reduce(action);
        let happened = events(&page.session, &after);
        for event in &happened {
            let quiz = event.quiz();
            if matches!(scope, Scope::Stage(i) if i != quiz) || !records {
                continue;
            }
            let q = &after.course.quizzes[quiz];
            match *event {
                Event::Started { quiz } => {
                    self.current.insert(quiz, Vec::new());
                }
                Event::Answered { quiz, position } => {
                    let attempt = after.quizzes[quiz].attempt.as_ref().expect("an attempt");
                    if attempt.is_settled(q, position) {
                        let answer = (attempt.question_at(q, position).id.to_string(), cmi::timestamp(version, now));
                        self.settled.push(answer.clone());
                        self.current.entry(quiz).or_default().push(answer);
                    }
                }
                Event::Completed { quiz } => {
                    let attempt = after.quizzes[quiz].attempt.as_ref().expect("an attempt");
                    let score = attempt.result(q, after.pass_mark(q)).score;
                    let lms_attempt = self.moodle.current_attempt();
                    self.finished.push(Finished { answers: self.current.remove(&quiz).unwrap_or_default(), score, lms_attempt });
                }
                // This course has no dialogue (`course`).
                Event::Practised { .. } | Event::Replied { .. } => {}
            }
        }
        if !happened.is_empty() {
            page.client.report(&after, &happened, now, page.shown_ms, &self.moodle, &self.browser);
        }
        let key = |s: &Session| s.quiz().zip(s.attempt()).map(|((i, _), a)| (i, a.current));
        if key(&after) != key(&page.session) {
            page.shown_ms = now;
        }
        page.session = after;
        self.told_truly()
    }

    /// What the learner is told matches what happened: no notice means everything set
    /// reached the server and nothing waits on the device.
    fn told_truly(&self) -> Result<(), TestCaseError> {
        let Some(page) = &self.page else { return Ok(()) };
        if self.records && page.client.health() == Health::Good {
            prop_assert!(self.moodle.all_committed(), "no notice, but the LMS's server lacks what its page holds");
            prop_assert!(!self.browser.has_unsent(), "no notice, but work waits on the device: {:?}", self.browser.0.borrow());
        }
        Ok(())
    }

    fn run(&mut self, steps: &[Step]) -> Result<(), TestCaseError> {
        self.open()?;
        for step in steps {
            match step {
                Step::Play(pick) => {
                    let action = sensible(&self.page.as_ref().expect("a page").session, *pick);
                    self.act(action)?;
                }
                Step::Raw(action) => self.act((**action).clone())?,
                Step::Hide => {
                    let now = self.tick();
                    let page = self.page.as_mut().expect("a page");
                    page.client.leave(&page.session, false, now, &self.moodle, &self.browser);
                    self.told_truly()?;
                }
                Step::Reload => {
                    self.close()?;
                    self.open()?;
                }
                Step::Fault { kind, after } => {
                    let at = self.moodle.calls() + after;
                    self.moodle.fault = Some(match kind {
                        0 => Injected::Once(at),
                        1 => Injected::Gone(at),
                        2 => Injected::LoginEnds(at),
                        _ => Injected::Terminated,
                    });
                }
                Step::Heal => self.moodle.heal(),
            }
        }
        // The faults stop; the learner opens the activity once more and leaves.
        self.close()?;
        self.moodle.heal();
        self.open()?;
        self.close()
    }

    fn check(&self) -> Result<(), TestCaseError> {
        let attempts = self.moodle.attempts();
        if !self.records {
            return Ok(());
        }
        // Every settled answer exactly once.
        let mut stored: Vec<Answer> = attempts.iter().flat_map(|t| self.moodle.interactions(t)).collect();
        let mut expected = self.settled.clone();
        stored.sort();
        expected.sort();
        prop_assert_eq!(&stored, &expected, "the answers stored are not the answers given, once each");
        // Nothing stored in one attempt is ever lowered.
        for (n, history) in self.moodle.history().iter().enumerate() {
            let mut best: (f64, u8) = (-1.0, 0);
            for (score, status) in history {
                let score = score.as_deref().and_then(|s| s.parse::<f64>().ok()).unwrap_or(-1.0);
                let rank = match status.as_deref() {
                    Some("passed") => 3,
                    Some("failed") | Some("completed") => 2,
                    Some("incomplete") | Some("browsed") => 1,
                    _ => 0,
                };
                prop_assert!(score >= best.0 && rank >= best.1, "attempt {} went from {:?} to {:?}: {:?}", n, best, (score, rank), history);
                best = (score, rank);
            }
        }
        // The grade is never below the best reached.
        let reached = match self.scope {
            Scope::Stage(_) => self.finished.iter().map(|f| u32::from(f.score)).max(),
            Scope::Course => {
                let session = &self.page_or_last_session();
                sco::course_outcome(session).score.map(u32::from)
            }
        };
        if let Some(reached) = reached {
            prop_assert!(self.moodle.grade().unwrap_or(0) >= reached, "grade {:?} below the best reached {}", self.moodle.grade(), reached);
        }
        // Every stage attempt's score is one the learner reached in it: a finished
        // attempt of that score, all of whose answers are stored by then, which ended in
        // this LMS attempt (its last answer is stored here, or it was finished while
        // this was the page's LMS attempt). Its earlier answers may be in the LMS
        // attempt before: Moodle opens a new attempt on a relaunch after a finished
        // status, even while a retry begun in the same page is under way. And a result
        // whose delivery was cut off, and which its own LMS attempt never got, goes to
        // the next attempt, so that the grade keeps it.
        if let Scope::Stage(_) = self.scope {
            let mut so_far: Vec<Answer> = Vec::new();
            for (n, tracks) in attempts.iter().enumerate() {
                let answers = self.moodle.interactions(tracks);
                so_far.extend(answers.iter().cloned());
                let Some(score) = self.moodle.result_of(tracks).0 else { continue };
                let true_to_it = self.finished.iter().any(|f| {
                    let ends_here = f.answers.last().is_some_and(|last| answers.contains(last));
                    let cut_off = f.lms_attempt < n && attempts[f.lms_attempt].get(self.moodle.score_element()) != Some(&f.score.to_string());
                    let finished_here = f.lms_attempt == n;
                    f.score.to_string() == score && (ends_here || finished_here || cut_off) && f.answers.iter().all(|a| so_far.contains(a))
                });
                prop_assert!(true_to_it, "attempt {} stores {} over answers no finished attempt of that score ended with: {:?}", n, score, answers);
            }
        }
        Ok(())
    }

    /// The session as the learner last saw it (for the course's expected score).
    fn page_or_last_session(&self) -> Session {
        // The last page was closed; relaunch one without an LMS write to read it back.
        let course = course();
        let mut client = Client::new(self.version, None, self.now_ms);
        let browser = Browser(RefCell::new(self.browser.0.borrow().clone()));
        let mut moodle = Moodle::new(self.version, NewAttempt::No);
        moodle.mode = "browse";
        moodle.open_page();
        let launched = client.launch(course, &moodle, &browser);
        launched.restore.into_iter().fold(Session::new(course), |s, a| s.reduce(a))
    }
}

fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

fn version() -> impl Strategy<Value = Version> {
    prop_oneof![Just(Version::Scorm12), Just(Version::Scorm2004)]
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn a_stage_loses_nothing_whatever_fails(version in version(), stage in 0..2usize, forced: bool, steps in prop::collection::vec(step(), 0..70)) {
        // docs/moodle.md's setting for stages opens a new attempt after a finished one;
        // "No" keeps one attempt, which must not be lowered either.
        let new_attempt = if forced { NewAttempt::WhenFinished } else { NewAttempt::No };
        let mut world = World::new(version, Scope::Stage(stage), "normal", new_attempt);
        world.run(&steps)?;
        world.check()?;
    }

    #[test]
    fn the_course_sco_loses_nothing_whatever_fails(version in version(), steps in prop::collection::vec(step(), 0..70)) {
        let mut world = World::new(version, Scope::Course, "normal", NewAttempt::No);
        world.run(&steps)?;
        world.check()?;
    }

    #[test]
    fn browse_and_review_write_nothing(version in version(), review: bool, steps in prop::collection::vec(step(), 0..30)) {
        let mut world = World::new(version, Scope::Stage(0), if review { "review" } else { "browse" }, NewAttempt::WhenFinished);
        world.run(&steps)?;
        world.check()?;
    }
}

/// The bug found in a real Moodle 4.3: the login ends after two answers; SetValue still
/// answers from the page, every Commit fails with 101; the learner finishes; Moodle
/// replaces the page. The learner is told at once, and the next launch delivers every
/// answer once, the result and the status, into the same attempt.
#[test]
fn work_done_after_the_login_ends_is_delivered_by_the_next_launch() {
    for version in [Version::Scorm12, Version::Scorm2004] {
        let mut world = World::new(version, Scope::Stage(0), "normal", NewAttempt::WhenFinished);
        world.open().unwrap();
        let right = |world: &mut World| {
            world.act(Action::Choose(1)).unwrap();
            world.act(Action::Check).unwrap();
        };
        world.act(Action::Start { seed: 1 }).unwrap();
        right(&mut world);
        world.act(Action::Next).unwrap();
        right(&mut world);
        world.moodle.fault = Some(Injected::LoginEnds(world.moodle.calls()));
        world.act(Action::Next).unwrap();
        right(&mut world);
        let page = world.page.as_ref().unwrap();
        assert_eq!(page.client.health(), Health::Retrying, "{version:?}: told at once");
        assert!(world.moodle.log().iter().any(|c| c.method == "SetValue" && c.ok), "the page still answers");
        world.act(Action::Finish).unwrap();
        world.close().unwrap();
        let stored = &world.moodle.attempts()[0];
        assert_eq!(world.moodle.interactions(stored).len(), 2, "{version:?}: two answers reached Moodle before the login ended");
        assert_eq!(world.moodle.result_of(stored).0, None);
        // Logged in again: the same attempt resumes and gets the rest.
        world.moodle.heal();
        world.open().unwrap();
        world.close().unwrap();
        let attempts = world.moodle.attempts();
        assert_eq!(attempts.len(), 1, "{version:?}: the unfinished attempt was resumed");
        let ids: Vec<String> = world.moodle.interactions(&attempts[0]).into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["alpha_0", "alpha_1", "alpha_2"], "{version:?}: every answer once, in order");
        assert_eq!(world.moodle.result_of(&attempts[0]), (Some("100".into()), Some("passed".into())), "{version:?}");
        assert!(!world.browser.has_unsent());
        world.check().unwrap();
    }
}

/// Plays `steps` and checks every property (for cases the property once found).
fn replay(version: Version, scope: Scope, new_attempt: NewAttempt, steps: &[Step]) {
    let mut world = World::new(version, scope, "normal", new_attempt);
    world.run(steps).unwrap();
    world.check().unwrap();
}

/// An interaction cut short by a failing SetValue, then committed so by Terminate, is
/// finished at its index by the next page, not appended again (found by the property).
#[test]
fn a_record_cut_short_and_committed_is_finished_in_place() {
    use Step::*;
    let fault = |after| Fault { kind: 0, after };
    replay(Version::Scorm2004, Scope::Stage(0), NewAttempt::No, &[Play(0), Play(0), fault(32), Play(1), Reload, Play(0), Play(0), Play(16), fault(1), Reload]);
    let raw = |a| Raw(Box::new(a));
    replay(
        Version::Scorm12,
        Scope::Course,
        NewAttempt::No,
        &[
            Play(0),
            Fault { kind: 1, after: 0 },
            Play(0),
            Reload,
            Play(11),
            Play(0),
            Play(70),
            Play(43),
            raw(Action::Open(0)),
            Play(0),
            Play(0),
            Play(61),
            Heal,
            fault(29),
        ],
    );
}

/// A result finished while the LMS was gone, then a page closed whose flush failed once
/// before the outcome was set but whose Terminate succeeded: the next launch still
/// writes the result (found by the property: the Terminate counted the outcome as
/// delivered).
#[test]
fn an_outcome_queued_behind_a_failed_write_is_not_delivered_by_terminate() {
    use Step::*;
    replay(
        Version::Scorm2004,
        Scope::Stage(1),
        NewAttempt::No,
        &[
            Play(0),
            Fault { kind: 1, after: 0 },
            Play(0),
            Play(64),
            Play(0),
            Play(0),
            Play(0),
            Play(4),
            Play(0),
            Play(0),
            Play(0),
            Play(40),
            Play(0),
            Heal,
            Fault { kind: 0, after: 0 },
            Reload,
        ],
    );
}

/// A stage's objective queued by a page that could not reach the LMS ("incomplete",
/// its attempt just begun) is older than what the next launch writes for it from every
/// source ("passed"): delivered after it, it lowered the objective (found by the property).
#[test]
fn an_objective_from_an_earlier_page_never_follows_a_newer_one() {
    use Step::*;
    let fault = |kind, after| Fault { kind, after };
    replay(
        Version::Scorm12,
        Scope::Course,
        NewAttempt::No,
        &[
            Play(44),
            Play(0),
            Play(0),
            Play(40),
            Play(0),
            Play(0),
            Play(7),
            Play(0),
            Play(0),
            Play(1),
            fault(3, 0),
            Play(0),
            Reload,
            Play(134),
            Play(0),
            Reload,
            Play(31),
            Play(0),
            Play(40),
            Play(10),
            Play(0),
            Play(49),
            Play(0),
            Play(13),
            Play(0),
            Play(4),
            Play(13),
            fault(1, 14),
            Play(0),
            Reload,
            Heal,
        ],
    );
}

/// Answers kept from a page whose login ended go before the result they earned: a relaunch
/// whose commit is cut short between them (a failed SetValue, then Terminate) must not
/// store the result alone, or Moodle opens a new attempt for the answers (found by the
/// property).
#[test]
fn kept_answers_are_delivered_before_the_result_they_earned() {
    use Step::*;
    let fault = |kind, after| Fault { kind, after };
    replay(
        Version::Scorm12,
        Scope::Stage(0),
        NewAttempt::WhenFinished,
        &[
            Play(0),
            Play(0),
            Play(1),
            fault(2, 0),
            Play(0),
            Play(0),
            Play(139),
            Play(0),
            Play(0),
            Play(13),
            fault(0, 30),
            Play(0),
            Reload,
            fault(0, 0),
            fault(0, 2),
            Reload,
        ],
    );
}

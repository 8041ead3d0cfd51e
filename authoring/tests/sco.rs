//! What a SCORM SCO reads and writes (`tere_engine::sco`), played against a small
//! in-memory LMS that keeps values the way Moodle does between launches. The
//! browser tests prove the same against scorm-again with Moodle's rules.

mod common;

use std::collections::BTreeMap;

use common::{load, single};
use tere_engine::cmi::Version;
use tere_engine::progress;
use tere_engine::report::{events, Event};
use tere_engine::sco::{self, Backup, InitFailure, List, LmsState, Scope, Write};
use tere_engine::{Action, Course, Record, Session, Status};

fn quiz(id: &str, pass_mark: u8) -> String {
    let mut q = format!("id = \"{id}\"\ntitle = \"Quiz {id}\"\nlang = \"et\"\nintro = \"Intro\"\npass_mark = {pass_mark}\n");
    for n in 0..4 {
        q += &single(&format!("{id}_{n}"), 3, 1);
    }
    q
}

fn two_stages() -> &'static Course {
    let loaded = load(&[("alpha", &quiz("alpha", 75)), ("beta", &quiz("beta", 50))]).unwrap_or_else(|e| panic!("{e:?}"));
    Box::leak(Box::new(loaded.course))
}

/// The values an LMS keeps, flattened; lists grow as records are appended.
#[derive(Default, Clone)]
struct Lms {
    data: BTreeMap<String, String>,
    /// Every SetValue, in order (element, value).
    log: Vec<(String, String)>,
}

impl Lms {
    fn get(&self, element: &str) -> Option<String> {
        if let Some(list) = element.strip_suffix("._count") {
            let n = (0..).take_while(|i| self.data.contains_key(&format!("{list}.{i}.id"))).count();
            return Some(n.to_string());
        }
        self.data.get(element).cloned()
    }

    /// Delivers writes as the host does: a listed record goes to the index of its key,
    /// or is appended at `_count`.
    fn apply(&mut self, writes: &[Write]) {
        for write in writes {
            match write {
                Write::Value(e, v) => {
                    self.data.insert(e.clone(), v.clone());
                    self.log.push((e.clone(), v.clone()));
                }
                Write::Listed { list, key, fields } => {
                    let count: u32 = self.get(list.count_element()).unwrap().parse().unwrap();
                    let n =
                        key.as_deref().and_then(|k| (0..count).find(|i| self.get(&format!("{}.{i}.id", list.prefix())).as_deref() == Some(k))).unwrap_or(count);
                    for (f, v) in fields {
                        self.data.insert(format!("{}.{n}.{f}", list.prefix()), v.clone());
                        self.log.push((format!("{}.{n}.{f}", list.prefix()), v.clone()));
                    }
                }
            }
        }
    }

    fn state(&self, version: Version, scope: Scope, course: &Course) -> LmsState {
        sco::read_launch(version, scope, course, &|e| self.get(e))
    }
}

/// A learner in one launch of a SCO: every action is reduced and what it means is
/// written to the LMS at once, as the widget does.
struct Player<'a> {
    version: Version,
    scope: Scope,
    lms: &'a mut Lms,
    records: bool,
    session: Session,
}

impl Player<'_> {
    fn act(&mut self, action: Action) {
        let after = self.session.reduce(action);
        for event in events(&self.session, &after) {
            let (version, scope) = (self.version, self.scope);
            let writes = match event {
                Event::Started { quiz } => sco::started(version, &after, scope, quiz),
                Event::Answered { quiz, position } => sco::answered(version, &after, scope, quiz, position, 150, 1_700_000_000_000),
                Event::Completed { quiz } => {
                    let mut w = sco::completed(version, &after, scope, quiz);
                    w.extend(sco::leaving(version, &after, scope, 1234));
                    w
                }
                Event::Replied { quiz, position, step } => sco::replied(version, &after, scope, quiz, position, step, 150, 1_700_000_000_000),
                // As the SCORM host: practice is never written.
                Event::Practised { .. } => Vec::new(),
            };
            if self.records {
                self.lms.apply(&writes);
            }
        }
        self.session = after;
    }

    /// Plays the open quiz's attempt: `right` answers right, the rest wrong.
    fn answer_all(&mut self, right: usize) {
        self.act(if self.session.attempt().is_some() { Action::Retry { seed: 7 } } else { Action::Start { seed: 7 } });
        for n in 0..4 {
            self.act(Action::Choose(if n < right { 1 } else { 0 }));
            self.act(Action::Check);
            self.act(if n == 3 { Action::Finish } else { Action::Next });
        }
    }
}

/// One launch of a SCO, played by `play`.
fn launch(version: Version, scope: Scope, course: &'static Course, lms: &mut Lms, backup: &Backup, play: impl Fn(&mut Player)) -> Session {
    let state = lms.state(version, scope, course);
    let start = sco::start(course, scope, &state, backup, state.pass_mark);
    let mut session = Session::new(course);
    for action in start.restore {
        session = session.reduce(action);
    }
    if let Scope::Stage(i) = scope {
        session = session.reduce(Action::Open(i));
    }
    if state.records {
        lms.apply(&sco::at_launch(version, &session, scope, &state, backup.unsent));
    }
    let mut player = Player { version, scope, lms, records: state.records, session };
    play(&mut player);
    player.session
}

fn answer_all(right: usize) -> impl Fn(&mut Player) {
    move |p: &mut Player| p.answer_all(right)
}

/// A session of one quiz, answered like `Player::answer_all`, without an LMS.
fn played(course: &'static Course, quiz: usize, right: usize) -> Session {
    let mut lms = Lms::default();
    let mut player = Player { version: Version::Scorm2004, scope: Scope::Course, lms: &mut lms, records: false, session: Session::new(course) };
    player.act(Action::Open(quiz));
    player.answer_all(right);
    player.session
}

/// The same attempt, whatever the draft of the question on screen.
fn same_state(a: &tere_engine::QuizState, b: &tere_engine::QuizState) -> bool {
    let key = |s: &tere_engine::QuizState| (s.record.clone(), s.attempt.as_ref().map(|a| (a.seed, a.questions.clone(), a.current, a.phase, a.answers.clone())));
    key(a) == key(b)
}

/// What Moodle offers on a relaunch after a finished session: 1.2 everything but exit
/// (entry ""), 2004 nothing (entry "ab-initio") while keeping the stored attempt.
fn relaunch(version: Version, stored: &Lms) -> Lms {
    let mut offered = Lms::default();
    match version {
        Version::Scorm12 => {
            offered.data = stored.data.clone();
            offered.data.remove("cmi.core.exit");
            offered.data.insert("cmi.core.entry".into(), String::new());
        }
        Version::Scorm2004 => {
            offered.data.insert("cmi.entry".into(), "ab-initio".into());
            offered.data.insert("cmi.completion_status".into(), "unknown".into());
        }
    }
    offered
}

#[test]
fn a_weaker_revisit_never_lowers_the_result_the_lms_or_the_backup_holds() {
    let course = two_stages();
    for version in [Version::Scorm12, Version::Scorm2004] {
        let names = version.names();
        let mut first = Lms::default();
        let passed = launch(version, Scope::Stage(0), course, &mut first, &Backup::default(), answer_all(4));
        assert_eq!(passed.quizzes[0].record.status, Status::Passed);
        // The local backup holds what the widget saved (2004 gives nothing back on a relaunch).
        let backup = Backup { quizzes: vec![(0, passed.quizzes[0].clone())], unsent: false };
        let mut second = relaunch(version, &first);
        let revisit = launch(version, Scope::Stage(0), course, &mut second, &backup, answer_all(0));
        assert_eq!(revisit.attempt().unwrap().result(&course.quizzes[0], 75).score, 0, "the revisit itself failed");
        assert_eq!(second.get(&names.sco.raw()).as_deref(), Some("100"), "{version:?}: the best score stays");
        let passed_word = match version {
            Version::Scorm12 => second.get("cmi.core.lesson_status"),
            Version::Scorm2004 => second.get("cmi.success_status"),
        };
        assert_eq!(passed_word.as_deref(), Some("passed"), "{version:?}");
    }
}

#[test]
fn in_scorm_12_the_lms_alone_is_enough_to_keep_a_pass() {
    let course = two_stages();
    let mut first = Lms::default();
    launch(Version::Scorm12, Scope::Stage(0), course, &mut first, &Backup::default(), answer_all(4));
    let mut second = relaunch(Version::Scorm12, &first);
    launch(Version::Scorm12, Scope::Stage(0), course, &mut second, &Backup::default(), answer_all(1));
    assert_eq!(second.get("cmi.core.lesson_status").as_deref(), Some("passed"));
    assert_eq!(second.get("cmi.core.score.raw").as_deref(), Some("100"));
}

#[test]
fn browse_and_review_modes_write_nothing() {
    let course = two_stages();
    for (version, mode) in [(Version::Scorm12, "browse"), (Version::Scorm12, "review"), (Version::Scorm2004, "browse"), (Version::Scorm2004, "review")] {
        let mut lms = Lms::default();
        lms.data.insert(version.names().mode.into(), mode.into());
        let before = lms.data.clone();
        let state = lms.state(version, Scope::Stage(0), course);
        assert!(!state.records);
        launch(version, Scope::Stage(0), course, &mut lms, &Backup::default(), answer_all(2));
        assert_eq!(lms.data, before, "{version:?} {mode}");
    }
    assert!(sco::records_in_mode(Some("normal")) && sco::records_in_mode(None));
}

#[test]
fn the_course_sco_reports_each_stage_as_an_objective_and_the_course_as_its_score() {
    let course = two_stages();
    for version in [Version::Scorm12, Version::Scorm2004] {
        let mut lms = Lms::default();
        // A manifest's primary objective may already be there: stages go after it.
        lms.data.insert("cmi.objectives.0.id".into(), "primary".into());
        let play = |p: &mut Player| {
            p.act(Action::Open(0));
            p.answer_all(4);
            p.act(Action::ShowMenu);
            p.act(Action::Open(1));
            p.answer_all(1);
            p.act(Action::ShowMenu);
            // Back to the first stage: a weaker retry.
            p.act(Action::Open(0));
            p.answer_all(0);
        };
        let session = launch(version, Scope::Course, course, &mut lms, &Backup::default(), play);
        let status = |n: u32| match version {
            Version::Scorm12 => lms.get(&format!("cmi.objectives.{n}.status")),
            Version::Scorm2004 => lms.get(&format!("cmi.objectives.{n}.success_status")),
        };
        assert_eq!(lms.get("cmi.objectives._count").as_deref(), Some("3"), "{version:?}");
        assert_eq!(lms.get("cmi.objectives.1.id").as_deref(), Some("alpha"));
        assert_eq!(status(1).as_deref(), Some("passed"));
        assert_eq!(lms.get("cmi.objectives.1.score.raw").as_deref(), Some("100"));
        assert_eq!(lms.get("cmi.objectives.2.id").as_deref(), Some("beta"));
        assert_eq!(status(2).as_deref(), Some("failed"), "25 % is below beta's 50 %");
        assert_eq!(lms.get("cmi.objectives.2.score.raw").as_deref(), Some("25"));
        // Course: the mean of the stages' best scores; failed, because beta is.
        assert_eq!(lms.get(&version.names().sco.raw()).as_deref(), Some("63"));
        let course_status = match version {
            Version::Scorm12 => lms.get("cmi.core.lesson_status"),
            Version::Scorm2004 => lms.get("cmi.success_status"),
        };
        assert_eq!(course_status.as_deref(), Some("failed"));
        assert_eq!(lms.get(version.names().exit).as_deref(), Some("suspend"), "a course is always resumable");
        // Interactions: every answer of every stage, in order, none overwritten.
        assert_eq!(lms.get("cmi.interactions._count").as_deref(), Some("12"));
        // The relaunch restores every stage from suspend_data and the objectives.
        let mut resumed = lms.clone();
        resumed.data.insert(version.names().entry.into(), "resume".into());
        let state = resumed.state(version, Scope::Course, course);
        let start = sco::start(course, Scope::Course, &state, &Backup::default(), None);
        let mut again = Session::new(course);
        for action in start.restore {
            again = again.reduce(action);
        }
        assert_eq!(again.quizzes[0].record.best, Some(100));
        assert_eq!(again.quizzes[0].record.status, Status::Passed);
        assert_eq!(again.quizzes[1].record.best, Some(25));
        assert!(same_state(&again.quizzes[0], &session.quizzes[0]), "the last attempt is back too");
    }
}

#[test]
fn the_course_is_incomplete_until_every_stage_was_finished_and_passes_when_all_pass() {
    let course = two_stages();
    let session = Session::new(course);
    assert_eq!(sco::course_outcome(&session).score, Some(0));
    assert!(!sco::course_outcome(&session).completed);
    let half = sco::course_outcome(&played(course, 0, 4));
    assert_eq!((half.score, half.completed, half.success, half.progress), (Some(50), false, None, 0.5));
    let mut session = played(course, 0, 4);
    session.quizzes[1] = played(course, 1, 2).quizzes[1].clone();
    let done = sco::course_outcome(&session);
    assert_eq!((done.score, done.completed, done.success), (Some(75), true, Some(true)));
}

#[test]
fn work_the_lms_never_got_comes_back_from_the_backup_and_is_written_on_the_next_launch() {
    let course = two_stages();
    for version in [Version::Scorm12, Version::Scorm2004] {
        // A session that the LMS refused: the widget kept the state and the interactions.
        let refused = played(course, 0, 3);
        let interactions: Vec<Write> =
            (0..4).flat_map(|p| sco::answered(version, &refused, Scope::Stage(0), 0, p, 10, 0)).filter(|w| matches!(w, Write::Listed { .. })).collect();
        let unsent = sco::encode_listed(&interactions);
        assert_eq!(sco::decode_listed(&unsent).as_ref(), Some(&interactions), "the unsent records round-trip");
        let backup = Backup { quizzes: vec![(0, refused.quizzes[0].clone())], unsent: true };
        let mut lms = Lms::default();
        let state = lms.state(version, Scope::Stage(0), course);
        let start = sco::start(course, Scope::Stage(0), &state, &backup, None);
        let mut session = Session::new(course);
        for action in start.restore {
            session = session.reduce(action);
        }
        assert!(same_state(&session.quizzes[0], &refused.quizzes[0]));
        lms.apply(&sco::at_launch(version, &session, Scope::Stage(0), &state, true));
        lms.apply(&sco::decode_listed(&unsent).unwrap());
        assert_eq!(lms.get(&version.names().sco.raw()).as_deref(), Some("75"), "{version:?}");
        assert_eq!(lms.get("cmi.interactions._count").as_deref(), Some("4"));
        assert_eq!(lms.get("cmi.interactions.3.id").as_deref(), Some("alpha_3"));
    }
}

#[test]
fn lms_status_words_and_scores_become_records() {
    let course = two_stages();
    let read = |version: Version, pairs: &[(&str, &str)]| {
        let mut lms = Lms::default();
        for (k, v) in pairs {
            lms.data.insert(k.to_string(), v.to_string());
        }
        lms.state(version, Scope::Stage(0), course).records_held.iter().find(|(i, _)| *i == 0).map_or(Record::NONE, |(_, r)| r.clone())
    };
    let passed = read(Version::Scorm12, &[("cmi.core.lesson_status", "passed"), ("cmi.core.score.raw", "100")]);
    assert_eq!((passed.status, passed.best), (Status::Passed, Some(100)));
    // "completed" without pass or fail: judged by the score against the pass mark (75).
    assert_eq!(read(Version::Scorm12, &[("cmi.core.lesson_status", "completed"), ("cmi.core.score.raw", "80")]).status, Status::Passed);
    assert_eq!(read(Version::Scorm12, &[("cmi.core.lesson_status", "completed"), ("cmi.core.score.raw", "70.5")]).status, Status::Failed);
    assert_eq!(read(Version::Scorm12, &[("cmi.core.lesson_status", "not attempted")]), Record::NONE);
    let failed = read(Version::Scorm2004, &[("cmi.completion_status", "completed"), ("cmi.success_status", "failed"), ("cmi.score.raw", "40")]);
    assert_eq!((failed.status, failed.best), (Status::Failed, Some(40)));
    assert_eq!(read(Version::Scorm2004, &[("cmi.completion_status", "unknown")]), Record::NONE);
}

#[test]
fn records_merge_upwards_only() {
    let passed = Record { status: Status::Passed, best: Some(90), attempts: 2 };
    let failed = Record { status: Status::Failed, best: Some(40), attempts: 3 };
    let merged = failed.merged(&passed);
    assert_eq!(merged, Record { status: Status::Passed, best: Some(90), attempts: 3 });
    assert_eq!(passed.merged(&Record::NONE), passed);
    assert_eq!(Record::NONE.merged(&Record { status: Status::InProgress, best: None, attempts: 1 }).status, Status::InProgress);
}

#[test]
fn initialize_failures_are_told_apart() {
    assert_eq!(sco::init_failure(Version::Scorm2004, "104"), InitFailure::ForGood);
    assert_eq!(sco::init_failure(Version::Scorm2004, "103"), InitFailure::AlreadyOpen);
    assert_eq!(sco::init_failure(Version::Scorm2004, "102"), InitFailure::Passing);
    assert_eq!(sco::init_failure(Version::Scorm12, "101"), InitFailure::Passing);
    assert!(sco::refused_for_good(Version::Scorm2004, "133"));
    assert!(!sco::refused_for_good(Version::Scorm2004, "351"));
    assert!(!sco::refused_for_good(Version::Scorm12, "301"));
}

#[test]
fn course_progress_round_trips_and_fits_the_limit_by_dropping_attempts_not_records() {
    let course = two_stages();
    let mut session = played(course, 0, 4).reduce(Action::ShowMenu);
    session = session.reduce(Action::Open(1)).reduce(Action::Start { seed: 99 }).reduce(Action::Choose(1)).reduce(Action::Check);
    let text = progress::encode_course(&session, 64000);
    assert!(progress::is_course(&text));
    let (states, damaged) = progress::decode_course(course, &text);
    assert!(!damaged);
    assert_eq!(states.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![0, 1]);
    assert!(same_state(&states[0].1, &session.quizzes[0]) && same_state(&states[1].1, &session.quizzes[1]));
    // Too small for both attempts: the finished one goes first, the records stay.
    let full = text.chars().count();
    let tight = progress::encode_course(&session, full - 1);
    let (states, _) = progress::decode_course(course, &tight);
    assert_eq!(states[0].1.record, session.quizzes[0].record);
    assert_eq!(states[0].1.attempt, None);
    assert!(same_state(&states[1].1, &session.quizzes[1]), "the attempt on screen is kept");
    // A damaged entry is dropped alone and reported.
    let (_, damaged) = progress::decode_course(course, &text.replacen("|p|", "|x|", 1));
    assert!(damaged);
    assert_eq!(progress::decode_course(course, "c1:zz:"), (Vec::new(), true));
}

#[test]
fn framing_carries_any_text() {
    let texts = ["", "a:b", "5:x", "tõene | väär", "multi\nline"];
    let framed = progress::frame(&texts);
    assert_eq!(progress::unframe(&framed).unwrap(), texts);
    assert_eq!(progress::unframe("3:ab"), None);
    assert_eq!(progress::unframe("x"), None);
}

#[test]
fn lists_are_named_as_the_data_model_names_them() {
    assert_eq!(List::Interactions.count_element(), "cmi.interactions._count");
    assert_eq!(List::Objectives.prefix(), "cmi.objectives");
}

/// A quiz with every question type, tries and hints, and a reflection that holds
/// line breaks, markup and more than any field's limit.
fn every_kind() -> &'static Course {
    let mut q = "id = \"kinds\"\ntitle = \"Kõik tüübid\"\nlang = \"et\"\nintro = \"Intro\"\ntries = 2\ntry_penalty = 33\n".to_string();
    q += &common::single("k_single", 3, 1);
    q += &common::question("k_multi", "multiple", "[[question.option]]\ntext = \"x\"\nfeedback = \"f\"\ncorrect = true\n[[question.option]]\ntext = \"y\"\nfeedback = \"f\"\n[[question.option]]\ntext = \"z\"\nfeedback = \"f\"\ncorrect = true\n");
    q += &common::question("k_tf", "true_false", "answer = true\nfeedback_true = \"ok\"\nfeedback_false = \"no\"");
    q += &common::question("k_order", "ordering", "items = [\"1\", \"2\", \"3\"]");
    q += &common::question("k_match", "matching", "[[question.pair]]\nleft = \"l1\"\nright = \"r1\"\n[[question.pair]]\nleft = \"l2\"\nright = \"r2\"\n");
    q += &common::question(
        "k_scene",
        "scenario",
        "line = \"Tere!\"\n[[question.option]]\ntext = \"a\"\nfeedback = \"f\"\ncorrect = true\n[[question.option]]\ntext = \"b\"\nfeedback = \"f\"\n",
    );
    q += &common::question("k_reflect", "reflection", "");
    let loaded = load(&[("kinds", &q), ("beta", &quiz("beta", 50))]).unwrap_or_else(|e| panic!("{e:?}"));
    Box::leak(Box::new(loaded.course))
}

#[test]
fn every_value_a_sco_writes_is_one_moodle_accepts() {
    use tere_engine::moodle_rules::{Rule, RESPONSE_ID_2004, RULES};
    let course = every_kind();
    let compiled: Vec<(&Rule, regex::Regex, regex::Regex)> =
        RULES.iter().map(|r| (r, regex::Regex::new(r.element).unwrap(), regex::Regex::new(r.value).unwrap())).collect();
    let response_id = regex::Regex::new(RESPONSE_ID_2004).unwrap();
    let long_text = format!("Rida üks\nrida <b>kaks</b> & \"kolm\"\t{}", "ä".repeat(5000));
    for version in [Version::Scorm12, Version::Scorm2004] {
        for scope in [Scope::Stage(0), Scope::Course] {
            let mut lms = Lms::default();
            let text = long_text.clone();
            let play = move |p: &mut Player| {
                if scope == Scope::Course {
                    p.act(Action::Open(0));
                }
                p.act(Action::Start { seed: 11 });
                for n in 0..7 {
                    // Each question: a wrong first try where one is possible, then an answer.
                    let (_, quiz) = p.session.quiz().unwrap();
                    let kind = p.session.attempt().unwrap().question(quiz).kind.clone();
                    match kind {
                        tere_engine::Kind::Matching { .. } => {
                            p.act(Action::Match { pair: 0, right: Some(1) });
                            p.act(Action::Match { pair: 1, right: Some(0) });
                        }
                        tere_engine::Kind::Reflection => p.act(Action::Write(text.clone())),
                        tere_engine::Kind::Ordering { .. } => {}
                        _ => p.act(Action::Choose(0)),
                    }
                    p.act(Action::Check);
                    p.act(Action::TryAgain);
                    p.act(Action::Check);
                    p.act(if n == 6 { Action::Finish } else { Action::Next });
                }
            };
            let session = launch(version, scope, course, &mut lms, &Backup::default(), play);
            lms.apply(&sco::leaving(version, &session, scope, 360_000_123));
            let unfinished = Player { version, scope, lms: &mut Lms::default(), records: true, session: Session::new(course) }.session;
            lms.apply(&sco::leaving(version, &unfinished.reduce(Action::Open(1)).reduce(Action::Start { seed: 1 }), scope, 5));
            assert!(lms.log.len() > 40, "{version:?} {scope:?}: a whole play was written");
            let mut types = BTreeMap::new();
            for (element, value) in &lms.log {
                let rule = compiled.iter().find(|(r, e, _)| r.version == version && e.is_match(element));
                let Some((rule, _, pattern)) = rule else { panic!("{version:?}: no Moodle rule for {element}") };
                assert!(pattern.is_match(value) && value.chars().count() <= rule.max_chars, "{version:?}: Moodle rejects {element} = {value:?}");
                if let Some(n) = element.strip_prefix("cmi.interactions.").and_then(|r| r.strip_suffix(".type")) {
                    types.insert(n.to_string(), value.clone());
                }
                let response = element.strip_prefix("cmi.interactions.").and_then(|r| r.split_once('.'));
                if let (Version::Scorm2004, Some((n, "learner_response" | "correct_responses.0.pattern"))) = (version, response) {
                    if matches!(types.get(n).map(String::as_str), Some("choice" | "sequencing" | "matching")) {
                        for id in value.split("[,]").flat_map(|p| p.split("[.]")) {
                            assert!(response_id.is_match(id), "{version:?}: identifier {id:?} in {element}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_moodle_rules_export_for_the_browser_tests_is_json_with_every_rule() {
    let json = tere_engine::moodle_rules::rules_json();
    assert_eq!(json.matches("\"version\"").count(), tere_engine::moodle_rules::RULES.len());
    assert!(json.contains("\"responseId2004\""));
    // Backslashes are escaped for JSON: `\.` in a pattern is `\\.` in the text.
    assert!(json.contains(r"cmi\\.suspend_data"));
}

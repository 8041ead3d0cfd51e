//! SCORM 1.2 and 2004 behind one adapter; `cmi::Version` supplies the names and
//! formats. Values and interactions are queued and delivered in order; a fault
//! keeps them queued (and the state in local storage) for the next try, so the
//! learner keeps working and nothing is lost. Terminate is called once, last.

use tere_engine::cmi::{self, Interaction, Version};
use tere_engine::report::Event;
use tere_engine::{resume, score, Action, Course, Phase, QuizResult, Record, Session, Status};

use super::lms::{Fault, Lms};
use super::local::{event_quiz, LocalStore};
use super::{warn, Clock, Host, Launch};
use crate::i18n::Lang;

#[derive(PartialEq)]
enum Connection {
    NotStarted,
    Open,
    Terminated,
}

pub struct ScormHost {
    version: Version,
    lms: Option<Lms>,
    /// The quiz this SCO is (from `?quiz=`); else the first quiz that reports.
    quiz_id: Option<String>,
    connection: Connection,
    /// (element, value) waiting for delivery, in order.
    queue: Vec<(String, String)>,
    commit_due: bool,
    /// Index the next interaction record gets.
    next_interaction: u32,
    started_ms: u64,
    backup: LocalStore,
    healthy: bool,
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
            connection: Connection::NotStarted,
            queue: Vec::new(),
            commit_due: false,
            next_interaction: 0,
            started_ms: super::now_ms(),
            backup: LocalStore::new(scope),
            healthy: true,
            last_fault: None,
        }
    }

    fn set(&mut self, element: impl Into<String>, value: impl Into<String>) {
        let element = element.into();
        // Latest value wins for plain elements; interaction fields are never replaced.
        if !element.starts_with("cmi.interactions.") {
            self.queue.retain(|(e, _)| *e != element);
        }
        self.queue.push((element, value.into()));
        self.commit_due = true;
    }

    fn fault(&mut self, fault: Fault) {
        if self.last_fault.as_deref() != Some(&fault.0) {
            warn(&fault.0);
            self.last_fault = Some(fault.0);
        }
        self.healthy = false;
    }

    /// Connects if needed, delivers the queue in order, commits. Stops at the first fault.
    fn flush(&mut self) {
        if self.connection == Connection::Terminated {
            return;
        }
        let Some(lms) = &self.lms else {
            self.fault(Fault("no LMS API was found".into()));
            return;
        };
        if self.connection == Connection::NotStarted {
            if let Err(f) = lms.initialize() {
                return self.fault(f);
            }
            self.connection = Connection::Open;
        }
        let mut delivered = 0;
        let mut failure = None;
        for (element, value) in &self.queue {
            if let Err(f) = lms.set(element, value) {
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
        self.healthy = true;
        self.last_fault = None;
    }

    fn quiz_index(&self, course: &Course) -> Option<usize> {
        course.quizzes.iter().position(|q| Some(q.id.as_ref()) == self.quiz_id.as_deref())
    }

    /// The attempt the LMS saved when it launches us to resume.
    fn read_saved(&self, course: &'static Course, lms: &Lms, pass_mark: Option<u8>) -> Option<Action> {
        let quiz = self.quiz_index(course)?;
        let q = &course.quizzes[quiz];
        let attempt = resume::decode(q, &lms.get(self.version.names().suspend_data)?).ok()?;
        let record = if attempt.phase == Phase::Finished {
            let result = attempt.result(q, pass_mark.unwrap_or(q.pass_mark));
            Record { status: if result.passed { Status::Passed } else { Status::Failed }, best: Some(result.score), attempts: 1 }
        } else {
            Record { status: Status::InProgress, best: None, attempts: 1 }
        };
        Some(Action::Restore { quiz, record, attempt: Some(attempt) })
    }

    /// Progress values after an answer: resume state, location, progress measure.
    fn queue_progress(&mut self, session: &Session, quiz: usize) {
        let q = &session.course.quizzes[quiz];
        let Some(attempt) = &session.quizzes[quiz].attempt else { return };
        let names = self.version.names();
        let saved = resume::encode(q, attempt);
        if saved.chars().count() <= names.suspend_limit {
            self.set(names.suspend_data, saved);
        }
        let position = attempt.current.min(attempt.questions.len() - 1);
        self.set(names.location, attempt.question_at(q, position).id.to_string());
        if self.version == Version::Scorm2004 {
            self.set("cmi.progress_measure", cmi::decimal(attempt.answered() as f64 / attempt.questions.len() as f64));
        }
    }

    fn queue_interaction(&mut self, session: &Session, quiz: usize, position: usize, clock: Clock) {
        let q = &session.course.quizzes[quiz];
        let Some(attempt) = &session.quizzes[quiz].attempt else { return };
        let question = attempt.question_at(q, position);
        let Some(answer) = &attempt.answers[position] else { return };
        let interaction = Interaction {
            question,
            answer,
            credit: score::credit(&question.kind, answer),
            latency_centis: clock.now_ms.saturating_sub(clock.shown_ms) / 10,
            epoch_ms: clock.now_ms,
            lang: &q.lang,
        };
        let n = self.next_interaction;
        self.next_interaction += 1;
        for (field, value) in interaction.fields(self.version) {
            self.set(format!("cmi.interactions.{n}.{field}"), value);
        }
    }

    /// Final status and score. After a retry the stage keeps its best result.
    fn queue_result(&mut self, result: &QuizResult, record: &Record, graded: bool, clock: Clock) {
        let names = self.version.names();
        let passed = record.status == Status::Passed;
        let score = record.best.unwrap_or(result.score);
        self.set(names.score_min, "0");
        self.set(names.score_max, "100");
        self.set(names.score_raw, score.to_string());
        match self.version {
            Version::Scorm12 => {
                let status = if !graded {
                    "completed"
                } else if passed {
                    "passed"
                } else {
                    "failed"
                };
                self.set(names.status, status);
            }
            Version::Scorm2004 => {
                self.set("cmi.score.scaled", cmi::decimal(score as f64 / 100.0));
                self.set(names.status, "completed");
                self.set(
                    "cmi.success_status",
                    if !graded {
                        "unknown"
                    } else if passed {
                        "passed"
                    } else {
                        "failed"
                    },
                );
                self.set("cmi.progress_measure", "1");
            }
        }
        self.set(names.exit, self.version.exit_value(true));
        self.queue_session_time(clock);
    }

    /// Time since this SCO started, in the version's format.
    fn queue_session_time(&mut self, clock: Clock) {
        self.set(self.version.names().session_time, cmi::duration(self.version, clock.now_ms.saturating_sub(self.started_ms) / 10));
    }
}

impl Host for ScormHost {
    fn launch(&mut self, course: &'static Course) -> Launch {
        let mut launch = Launch::default();
        self.flush();
        let Some(lms) = self.lms.as_ref().filter(|_| self.connection == Connection::Open) else {
            // No LMS now: carry on from the local backup; deliveries are retried.
            let (restore, discarded) = self.backup.load(course);
            return Launch { restore, discarded, ..launch };
        };
        let names = self.version.names();
        launch.lang = lms.get(names.language).as_deref().and_then(Lang::parse);
        launch.pass_mark = lms.get(names.mastery).and_then(|m| cmi::pass_mark_from_lms(self.version, &m));
        self.next_interaction = lms.get(names.interaction_count).and_then(|c| c.parse().ok()).unwrap_or(0);
        if lms.get(names.entry).as_deref() == Some("resume") {
            launch.restore.extend(self.read_saved(course, lms, launch.pass_mark));
            launch.discarded = launch.restore.is_empty() && self.quiz_index(course).is_some();
        }
        if matches!(lms.get(names.status).as_deref(), Some("not attempted") | Some("unknown") | Some("")) {
            self.set(names.status, "incomplete");
            self.flush();
        }
        launch
    }

    fn report(&mut self, session: &Session, events: &[Event], clock: Clock) {
        for event in events {
            let quiz = event_quiz(event);
            if self.quiz_id.is_none() {
                self.quiz_id = Some(session.course.quizzes[quiz].id.to_string());
            }
            match *event {
                Event::Started { .. } => {}
                Event::Answered { quiz, position } => {
                    self.queue_interaction(session, quiz, position, clock);
                    self.queue_progress(session, quiz);
                }
                Event::Completed { quiz } => {
                    let q = &session.course.quizzes[quiz];
                    if let Some(result) = session.quizzes[quiz].attempt.as_ref().map(|a| a.result(q, session.pass_mark(q))) {
                        let graded = q.questions.iter().any(|x| x.kind.is_graded());
                        self.queue_progress(session, quiz);
                        self.queue_result(&result, &session.quizzes[quiz].record, graded, clock);
                    }
                }
            }
        }
        self.backup.save_touched(session, events);
        if !events.is_empty() {
            self.flush();
        }
    }

    fn leave(&mut self, session: &Session, unloading: bool, clock: Clock) {
        if self.connection == Connection::Terminated {
            return;
        }
        let names = self.version.names();
        let finished = session.quizzes.iter().filter_map(|q| q.attempt.as_ref()).all(|a| a.phase == Phase::Finished);
        let started = session.quizzes.iter().any(|q| q.attempt.is_some());
        if started {
            self.set(names.exit, self.version.exit_value(finished));
        }
        self.queue_session_time(clock);
        self.flush();
        if unloading && self.connection == Connection::Open {
            if let Some(lms) = &self.lms {
                if let Err(f) = lms.terminate() {
                    warn(&f.0);
                }
            }
            // Whatever Terminate answered, no call may follow it.
            self.connection = Connection::Terminated;
        }
    }

    fn retry(&mut self, _clock: Clock) {
        if !self.healthy {
            self.flush();
        }
    }

    fn healthy(&self) -> bool {
        self.healthy
    }
}

//! What one SCORM SCO reads at launch and writes as the learner works, as pure
//! functions: the host only carries these words to the LMS API and back.
//!
//! Two kinds of SCO (see docs/moodle.md for why):
//! - a **stage** SCO plays one quiz (`?quiz=<id>`) and reports it as the SCO's own
//!   status and score;
//! - a **course** SCO carries Tere's own stage menu, reports each stage as a
//!   `cmi.objectives.n` entry (id = quiz id, status, score) and the course as the
//!   SCO's status and score, and keeps every stage's progress in `suspend_data`.
//!
//! Rules that hold for both:
//! - a result the LMS (or the local backup) already holds is never lowered: records
//!   are merged (`Record::merged`) before anything is written;
//! - in `browse` or `review` mode nothing is written at all;
//! - interactions and objectives are records in a list whose index the LMS decides
//!   when they are delivered (`Write::Listed`): an index is never guessed.

use crate::cmi::{self, Interaction, Version};
use crate::progress;
use crate::resume;
use crate::session::{QuizState, Record, Session, Status};
use crate::{Action, Course, Phase};

/// Which SCO this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// One quiz, by index.
    Stage(usize),
    /// The whole course behind Tere's own menu.
    Course,
}

/// The two lists of records in the data model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Interactions,
    Objectives,
}

impl List {
    pub fn prefix(self) -> &'static str {
        match self {
            List::Interactions => "cmi.interactions",
            List::Objectives => "cmi.objectives",
        }
    }

    pub fn count_element(self) -> &'static str {
        match self {
            List::Interactions => "cmi.interactions._count",
            List::Objectives => "cmi.objectives._count",
        }
    }
}

/// One thing to tell the LMS, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    /// `SetValue(element, value)`; a later value for the same element replaces a waiting one.
    Value(String, String),
    /// A record appended to `list`, or, with a `key`, the record whose `id` is `key`
    /// (appended when there is none). Fields are `(field, value)`, `id` first.
    Listed { list: List, key: Option<String>, fields: Vec<(String, String)> },
}

/// An outcome to report: a stage, a stage as an objective, or the course.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// 0-100; `None` reports no score.
    pub score: Option<u8>,
    pub completed: bool,
    /// Passed or failed against the pass mark; `None` when nothing is graded or not yet known.
    pub success: Option<bool>,
    /// 0-1.
    pub progress: f64,
}

/// Where an outcome lives: the SCO's own elements or objective `n`'s.
#[derive(Clone, Copy)]
enum Place {
    Sco,
    Objective,
}

/// Element names of an outcome at a place, relative to `prefix` for objectives.
struct OutcomeNames {
    score: &'static str,
    /// SCORM 1.2's one status word.
    status_12: &'static str,
    completion: &'static str,
    success: &'static str,
    progress: &'static str,
}

fn outcome_names(version: Version, place: Place) -> OutcomeNames {
    match (version, place) {
        (Version::Scorm12, Place::Sco) => {
            OutcomeNames { score: "cmi.core.score.", status_12: "cmi.core.lesson_status", completion: "", success: "", progress: "" }
        }
        (Version::Scorm12, Place::Objective) => OutcomeNames { score: "score.", status_12: "status", completion: "", success: "", progress: "" },
        (Version::Scorm2004, Place::Sco) => OutcomeNames {
            score: "cmi.score.",
            status_12: "",
            completion: "cmi.completion_status",
            success: "cmi.success_status",
            progress: "cmi.progress_measure",
        },
        (Version::Scorm2004, Place::Objective) => {
            OutcomeNames { score: "score.", status_12: "", completion: "completion_status", success: "success_status", progress: "progress_measure" }
        }
    }
}

/// The (element, value) pairs of an outcome, in the order an LMS wants them.
fn outcome_values(version: Version, place: Place, outcome: &Outcome) -> Vec<(String, String)> {
    let names = outcome_names(version, place);
    let mut out = Vec::new();
    if let Some(score) = outcome.score {
        out.push((format!("{}min", names.score), "0".to_string()));
        out.push((format!("{}max", names.score), "100".to_string()));
        out.push((format!("{}raw", names.score), score.to_string()));
        if version == Version::Scorm2004 {
            out.push((format!("{}scaled", names.score), cmi::decimal(score as f64 / 100.0)));
        }
    }
    match version {
        Version::Scorm12 => {
            let word = match (outcome.completed, outcome.success) {
                (false, _) => "incomplete",
                (true, None) => "completed",
                (true, Some(true)) => "passed",
                (true, Some(false)) => "failed",
            };
            out.push((names.status_12.to_string(), word.to_string()));
        }
        Version::Scorm2004 => {
            out.push((names.completion.to_string(), (if outcome.completed { "completed" } else { "incomplete" }).to_string()));
            let success = match outcome.success {
                None => "unknown",
                Some(true) => "passed",
                Some(false) => "failed",
            };
            out.push((names.success.to_string(), success.to_string()));
            out.push((names.progress.to_string(), cmi::decimal(outcome.progress)));
        }
    }
    out
}

/// A finished stage's outcome from its record: its best score, passed or failed.
pub fn stage_outcome(session: &Session, quiz: usize) -> Outcome {
    let q = &session.course.quizzes[quiz];
    let record = &session.quizzes[quiz].record;
    let best = record.best.or_else(|| session.quizzes[quiz].attempt.as_ref().map(|a| a.result(q, session.pass_mark(q)).score));
    Outcome {
        score: best,
        completed: record.status.is_finished(),
        success: (q.is_graded() && record.status.is_finished()).then_some(record.status == Status::Passed),
        progress: if record.status.is_finished() { 1.0 } else { attempt_progress(session, quiz) },
    }
}

fn attempt_progress(session: &Session, quiz: usize) -> f64 {
    session.quizzes[quiz].attempt.as_ref().map_or(0.0, |a| a.answered() as f64 / a.questions.len() as f64)
}

/// The course's outcome: the mean of the graded stages' best scores (a stage not yet
/// done counts 0, so the grade grows as the learner goes), completed when every stage
/// was finished once, passed when every graded stage is passed.
pub fn course_outcome(session: &Session) -> Outcome {
    let quizzes = &session.course.quizzes;
    let graded: Vec<usize> = (0..quizzes.len()).filter(|&i| quizzes[i].is_graded()).collect();
    let score = (!graded.is_empty()).then(|| {
        let sum: usize = graded.iter().map(|&i| session.quizzes[i].record.best.unwrap_or(0) as usize).sum();
        ((sum + graded.len() / 2) / graded.len()) as u8
    });
    let finished = session.quizzes.iter().filter(|s| s.record.status.is_finished()).count();
    let completed = finished == quizzes.len();
    let success = (completed && !graded.is_empty()).then(|| graded.iter().all(|&i| session.quizzes[i].record.status == Status::Passed));
    let progress = if quizzes.is_empty() { 1.0 } else { finished as f64 / quizzes.len() as f64 };
    Outcome { score, completed, success, progress }
}

/// What the SCO writes when a learner checks an answer: once the answer is settled
/// (right, or its last try), the interaction with the final response, its credit after
/// penalties as the result (`score`), and the latency from the question's appearance
/// to this last check; then, after every try, progress (so resume keeps tries and hints).
/// An earlier try of a question with several is only progress: one record a question.
pub fn answered(version: Version, session: &Session, scope: Scope, quiz: usize, position: usize, latency_centis: u64, epoch_ms: u64) -> Vec<Write> {
    let q = &session.course.quizzes[quiz];
    let Some(attempt) = &session.quizzes[quiz].attempt else { return Vec::new() };
    let Some(answer) = &attempt.answers[position] else { return Vec::new() };
    let mut out = Vec::new();
    if attempt.is_settled(q, position) {
        let question = attempt.question_at(q, position);
        let interaction = Interaction { question, answer, credit: attempt.credit_at(q, position), latency_centis, epoch_ms, lang: &q.lang };
        let fields = interaction.fields(version).into_iter().map(|(f, v)| (f.to_string(), v)).collect();
        out.push(Write::Listed { list: List::Interactions, key: None, fields });
    }
    out.extend(progress_writes(version, session, scope, quiz));
    out
}

/// What the SCO writes when a learner begins an attempt (a course marks the stage as begun).
pub fn started(version: Version, session: &Session, scope: Scope, quiz: usize) -> Vec<Write> {
    match scope {
        Scope::Stage(_) => Vec::new(),
        Scope::Course => {
            let mut out = objective(version, session, quiz);
            out.extend(progress_writes(version, session, scope, quiz));
            out
        }
    }
}

/// What the SCO writes when an attempt reaches its summary.
pub fn completed(version: Version, session: &Session, scope: Scope, quiz: usize) -> Vec<Write> {
    let mut out = progress_writes(version, session, scope, quiz);
    match scope {
        Scope::Stage(_) => out.extend(values(outcome_values(version, Place::Sco, &stage_outcome(session, quiz)))),
        Scope::Course => {
            out.extend(objective(version, session, quiz));
            out.extend(values(outcome_values(version, Place::Sco, &course_outcome(session))));
        }
    }
    out
}

/// Stage `quiz` as an objective of the course SCO. An objective of a stage that was
/// never finished says only "incomplete"; one that was says its best.
fn objective(version: Version, session: &Session, quiz: usize) -> Vec<Write> {
    let q = &session.course.quizzes[quiz];
    let mut fields = vec![("id".to_string(), q.id.to_string())];
    let outcome = stage_outcome(session, quiz);
    let outcome = if outcome.completed { outcome } else { Outcome { score: None, success: None, ..outcome } };
    fields.extend(outcome_values(version, Place::Objective, &outcome));
    if version == Version::Scorm2004 {
        fields.push(("description".to_string(), format!("{{lang={}}}{}", q.lang, cmi::one_line(&q.title, 240))));
    }
    vec![Write::Listed { list: List::Objectives, key: Some(q.id.to_string()), fields }]
}

/// Where the learner is: resume state, location and (2004) progress.
fn progress_writes(version: Version, session: &Session, scope: Scope, quiz: usize) -> Vec<Write> {
    let names = version.names();
    let mut out = Vec::new();
    match scope {
        Scope::Stage(_) => {
            let q = &session.course.quizzes[quiz];
            let Some(attempt) = &session.quizzes[quiz].attempt else { return out };
            let saved = resume::encode(q, attempt);
            if saved.chars().count() <= names.suspend_limit {
                out.push(value(names.suspend_data, saved));
            }
            let position = attempt.current.min(attempt.questions.len() - 1);
            out.push(value(names.location, attempt.question_at(q, position).id.to_string()));
            // A stage once finished keeps reporting itself as done.
            if version == Version::Scorm2004 && !session.quizzes[quiz].record.status.is_finished() {
                out.push(value("cmi.progress_measure", cmi::decimal(attempt_progress(session, quiz))));
            }
        }
        Scope::Course => {
            out.push(value(names.suspend_data, progress::encode_course(session, names.suspend_limit)));
            out.push(value(names.location, session.course.quizzes[quiz].id.to_string()));
            if version == Version::Scorm2004 {
                out.push(value("cmi.progress_measure", cmi::decimal(course_outcome(session).progress)));
            }
        }
    }
    out
}

/// What the SCO writes when the learner leaves: how they left and for how long.
pub fn leaving(version: Version, session: &Session, scope: Scope, session_centis: u64) -> Vec<Write> {
    let names = version.names();
    let started = session.quizzes.iter().any(|q| q.attempt.is_some());
    let finished = match scope {
        Scope::Stage(i) => session.quizzes[i].attempt.as_ref().is_some_and(|a| a.phase == Phase::Finished),
        // A course is a place to come back to (retry a stage, read a review): always resumable.
        Scope::Course => false,
    };
    let mut out = Vec::new();
    if started {
        out.push(value(names.exit, version.exit_value(finished)));
    }
    out.push(value(names.session_time, cmi::duration(version, session_centis)));
    out
}

fn value(element: &str, value: impl Into<String>) -> Write {
    Write::Value(element.to_string(), value.into())
}

fn values(pairs: Vec<(String, String)>) -> impl Iterator<Item = Write> {
    pairs.into_iter().map(|(e, v)| Write::Value(e, v))
}

/// Whether a launch mode lets the SCO record anything (not in `browse` or `review`).
pub fn records_in_mode(mode: Option<&str>) -> bool {
    !matches!(mode, Some("browse") | Some("review"))
}

/// What an `Initialize` that returned "false" with `code` means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InitFailure {
    /// Already initialized (2004: 103): Moodle keeps one API object per player page;
    /// a SCO launched after another that did not terminate can still use it.
    AlreadyOpen,
    /// This API object will never open again (2004: 104, content instance terminated).
    ForGood,
    /// Something passing: try again later.
    Passing,
}

pub fn init_failure(version: Version, code: &str) -> InitFailure {
    match (version, code) {
        (Version::Scorm2004, "103") => InitFailure::AlreadyOpen,
        (Version::Scorm2004, "104") => InitFailure::ForGood,
        _ => InitFailure::Passing,
    }
}

/// Whether a failed SetValue or Commit with `code` can never succeed on this API
/// object (2004: store or commit after termination).
pub fn refused_for_good(version: Version, code: &str) -> bool {
    version == Version::Scorm2004 && matches!(code, "132" | "133" | "142" | "143")
}

/// What the LMS said at launch, as read through `get`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LmsState {
    /// False in browse or review mode: nothing may be written.
    pub records: bool,
    /// The LMS resumes a suspended session (`entry` = `resume`).
    pub resuming: bool,
    pub suspend_data: Option<String>,
    pub language: Option<String>,
    /// A pass mark the LMS imposes (its mastery score), in percent.
    pub pass_mark: Option<u8>,
    /// Who the learner is, to keep one learner's local backup apart from another's.
    pub learner: Option<String>,
    /// What the LMS holds per quiz: a stage SCO's own status and score, a course
    /// SCO's objectives.
    pub records_held: Vec<(usize, Record)>,
    /// Whether the SCO's status says it was never attempted.
    pub untouched: bool,
}

/// Reads the launch data through `get` (an LMS `GetValue` that answers `None` on error).
pub fn read_launch(version: Version, scope: Scope, course: &Course, get: &dyn Fn(&str) -> Option<String>) -> LmsState {
    let names = version.names();
    let mode = get(names.mode);
    let pass_mark = get(names.mastery).and_then(|m| cmi::pass_mark_from_lms(version, &m));
    let mark = |quiz: usize| pass_mark.unwrap_or(course.quizzes[quiz].pass_mark);
    let mut records_held = Vec::new();
    let sco_names = outcome_names(version, Place::Sco);
    let sco_status = match version {
        Version::Scorm12 => get(sco_names.status_12),
        Version::Scorm2004 => get(sco_names.completion),
    };
    match scope {
        Scope::Stage(quiz) => {
            let held = read_record(version, Place::Sco, "", get, mark(quiz));
            if held != Record::NONE {
                records_held.push((quiz, held));
            }
        }
        Scope::Course => {
            let count = get(List::Objectives.count_element()).and_then(|c| c.trim().parse::<u32>().ok()).unwrap_or(0);
            for n in 0..count.min(1000) {
                let prefix = format!("{}.{n}.", List::Objectives.prefix());
                let Some(id) = get(&format!("{prefix}id")) else { continue };
                let Some(quiz) = course.quizzes.iter().position(|q| q.id == id) else { continue };
                records_held.push((quiz, read_record(version, Place::Objective, &prefix, get, mark(quiz))));
            }
        }
    }
    LmsState {
        records: records_in_mode(mode.as_deref()),
        resuming: get(names.entry).as_deref() == Some("resume"),
        suspend_data: get(names.suspend_data).filter(|s| !s.is_empty()),
        language: get(names.language).filter(|l| !l.is_empty()),
        pass_mark,
        learner: get(names.learner_id).filter(|l| !l.is_empty()),
        records_held,
        untouched: matches!(sco_status.as_deref(), None | Some("not attempted") | Some("unknown") | Some("")),
    }
}

/// A stage's record from the LMS's status words and score at one place. "completed"
/// without a pass or fail is judged by the score against the pass mark.
fn read_record(version: Version, place: Place, prefix: &str, get: &dyn Fn(&str) -> Option<String>, pass_mark: u8) -> Record {
    let names = outcome_names(version, place);
    let at = |name: &str| get(&format!("{prefix}{name}"));
    let best = at(&format!("{}raw", names.score)).and_then(|s| cmi::percent_from_lms(&s));
    let words = match version {
        Version::Scorm12 => (at(names.status_12), None),
        Version::Scorm2004 => (at(names.completion), at(names.success)),
    };
    let by_score = || if best.unwrap_or(0) >= pass_mark { Status::Passed } else { Status::Failed };
    let status = match (words.0.as_deref().unwrap_or(""), words.1.as_deref().unwrap_or("")) {
        ("passed", _) | (_, "passed") => Status::Passed,
        ("failed", _) | (_, "failed") => Status::Failed,
        ("completed", _) => by_score(),
        ("incomplete", _) | ("browsed", _) => Status::InProgress,
        _ => Status::NotStarted,
    };
    let best = if status == Status::NotStarted { None } else { best };
    Record { status, best, attempts: u32::from(status != Status::NotStarted) }
}

/// What the local backup knows of a SCO's quizzes, and whether what it holds never
/// reached the LMS (an earlier session was refused or cut off).
#[derive(Clone, Debug, Default)]
pub struct Backup {
    pub quizzes: Vec<(usize, QuizState)>,
    pub unsent: bool,
}

/// What the widget starts from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Start {
    pub restore: Vec<Action>,
    /// Saved progress existed but could not be read.
    pub discarded: bool,
}

/// The state to start from: every source's records merged (never lowered), the
/// attempt from the LMS's suspend data when it resumes, or from the local backup
/// when that holds work the LMS never got.
pub fn start(course: &Course, scope: Scope, lms: &LmsState, backup: &Backup, pass_mark: Option<u8>) -> Start {
    let mut discarded = false;
    let mut saved: Vec<(usize, QuizState)> = Vec::new();
    if let (true, Some(text)) = (lms.resuming, &lms.suspend_data) {
        match scope {
            Scope::Course => {
                let (states, damaged) = progress::decode_course(course, text);
                saved = states;
                discarded = damaged;
            }
            Scope::Stage(quiz) => {
                let q = &course.quizzes[quiz];
                match resume::decode(q, text) {
                    Ok(attempt) => {
                        let record = if attempt.phase == Phase::Finished {
                            let result = attempt.result(q, pass_mark.unwrap_or(q.pass_mark));
                            let status = if result.passed { Status::Passed } else { Status::Failed };
                            Record { status, best: Some(result.score), attempts: 1 }
                        } else {
                            Record { status: Status::InProgress, best: None, attempts: 1 }
                        };
                        saved.push((quiz, QuizState { record, attempt: Some(attempt) }));
                    }
                    Err(_) => discarded = true,
                }
            }
        }
    }
    let quizzes: Vec<usize> = match scope {
        Scope::Stage(quiz) => vec![quiz],
        Scope::Course => (0..course.quizzes.len()).collect(),
    };
    let mut restore = Vec::new();
    for quiz in quizzes {
        let from_lms = saved.iter().find(|(i, _)| *i == quiz).map(|(_, s)| s);
        let from_backup = backup.quizzes.iter().find(|(i, _)| *i == quiz).map(|(_, s)| s);
        let mut record = lms.records_held.iter().filter(|(i, _)| *i == quiz).fold(Record::NONE, |r, (_, held)| r.merged(held));
        for state in [from_lms, from_backup].into_iter().flatten() {
            record = record.merged(&state.record);
        }
        let attempt = match (backup.unsent, from_backup.and_then(|s| s.attempt.clone())) {
            (true, Some(attempt)) => Some(attempt),
            _ => from_lms.and_then(|s| s.attempt.clone()),
        };
        if record != Record::NONE || attempt.is_some() {
            restore.push(Action::Restore { quiz, record, attempt });
        }
    }
    Start { restore, discarded }
}

/// What to write right after launch: the SCO is now begun ("incomplete") unless the
/// LMS already holds a result for it; and, when the backup holds work the LMS never
/// got, everything that work means (progress, outcomes).
pub fn at_launch(version: Version, session: &Session, scope: Scope, lms: &LmsState, unsent: bool) -> Vec<Write> {
    let mut out = Vec::new();
    let quizzes: Vec<usize> = match scope {
        Scope::Stage(quiz) => vec![quiz],
        Scope::Course => (0..session.quizzes.len()).collect(),
    };
    let any_finished = quizzes.iter().any(|&i| session.quizzes[i].record.status.is_finished());
    if lms.untouched && !any_finished {
        out.push(value(version.names().status, "incomplete"));
    }
    if unsent {
        for &quiz in &quizzes {
            let state = &session.quizzes[quiz];
            if state.attempt.is_none() && !state.record.status.is_finished() {
                continue;
            }
            if state.record.status.is_finished() {
                out.extend(completed(version, session, scope, quiz));
            } else {
                out.extend(started(version, session, scope, quiz));
                out.extend(progress_writes(version, session, scope, quiz));
            }
        }
    }
    out
}

/// Interaction and objective records waiting for delivery, as one text for local storage.
pub fn encode_listed(writes: &[Write]) -> String {
    let records: Vec<String> = writes
        .iter()
        .filter_map(|w| match w {
            Write::Listed { list, key, fields } => {
                let mut parts = vec![match list {
                    List::Interactions => "i".to_string(),
                    List::Objectives => "o".to_string(),
                }];
                parts.push(key.clone().unwrap_or_default());
                for (f, v) in fields {
                    parts.push(f.clone());
                    parts.push(v.clone());
                }
                Some(progress::frame(&parts))
            }
            Write::Value(..) => None,
        })
        .collect();
    progress::frame(&records)
}

/// The inverse of `encode_listed`; `None` when the text is damaged.
pub fn decode_listed(text: &str) -> Option<Vec<Write>> {
    progress::unframe(text)?
        .into_iter()
        .map(|record| {
            let parts = progress::unframe(record)?;
            let (head, fields) = parts.split_at_checked(2)?;
            let list = match head[0] {
                "i" => List::Interactions,
                "o" => List::Objectives,
                _ => return None,
            };
            let key = (!head[1].is_empty()).then(|| head[1].to_string());
            if fields.len() % 2 != 0 {
                return None;
            }
            let fields = fields.chunks(2).map(|p| (p[0].to_string(), p[1].to_string())).collect();
            Some(Write::Listed { list, key, fields })
        })
        .collect()
}

//! What the LMS says at launch, how its refusals are told apart, and the state the
//! widget starts from: every source merged, never lowered.

use super::outcome::{read_record, Place};
use super::{List, Scope};
use crate::cmi::{self, Version};
use crate::progress;
use crate::resume;
use crate::session::{QuizState, Record};
use crate::{Action, Course};

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
    match version {
        Version::Scorm2004 => match code {
            "103" => InitFailure::AlreadyOpen,
            "104" => InitFailure::ForGood,
            _ => InitFailure::Passing,
        },
        // 1.2 answers 101 for every failure: nothing tells a lasting one apart.
        Version::Scorm12 => InitFailure::Passing,
    }
}

/// Whether a failed SetValue or Commit with `code` can never succeed on this API
/// object (2004: store or commit after termination).
pub fn refused_for_good(version: Version, code: &str) -> bool {
    match version {
        Version::Scorm2004 => matches!(code, "132" | "133" | "142" | "143"),
        Version::Scorm12 => false,
    }
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
    /// Whether the LMS gave the mode and the learner id (even empty): if not, nothing
    /// may be written until they are read (a preview must stay unwritten, and the
    /// learner's undelivered work be found).
    pub readable: bool,
}

/// Reads the launch data through `get` (an LMS `GetValue` that answers `None` on error).
pub fn read_launch(version: Version, scope: Scope, course: &Course, get_once: &dyn Fn(&str) -> Option<String>) -> LmsState {
    // A value the LMS could not give is asked for once more: a passing error must not
    // make a preview writable (mode) or put the learner's work on a nameless shelf (learner id).
    let get = &|element: &str| get_once(element).or_else(|| get_once(element));
    let names = version.names();
    let mode = get(names.mode);
    let pass_mark = get(names.mastery).and_then(|m| cmi::pass_mark_from_lms(version, &m));
    let mark = |quiz: usize| course.quizzes[quiz].pass_mark_with(pass_mark);
    let mut records_held = Vec::new();
    let sco_status = get(names.status);
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
    let learner = get(names.learner_id);
    LmsState {
        readable: mode.is_some() && learner.is_some(),
        records: records_in_mode(mode.as_deref()),
        resuming: get(names.entry).as_deref() == Some("resume"),
        suspend_data: get(names.suspend_data).filter(|s| !s.is_empty()),
        language: get(names.language).filter(|l| !l.is_empty()),
        pass_mark,
        learner: learner.filter(|l| !l.is_empty()),
        records_held,
        untouched: matches!(sco_status.as_deref(), None | Some("not attempted") | Some("unknown") | Some("")),
    }
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
    /// What the LMS attempt holds per quiz (see `start`).
    pub held: Vec<(usize, Record)>,
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
                        let record = Record::of_attempt(q, &attempt, pass_mark);
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
    // What the LMS attempt holds: its own status and score; for the course SCO also
    // the stage records its suspend_data keeps (a stage's suspend_data is only where
    // the learner is, and may show an attempt from an earlier LMS attempt).
    let mut held: Vec<(usize, Record)> = lms.records_held.clone();
    if scope == Scope::Course {
        held.extend(saved.iter().map(|(quiz, state)| (*quiz, state.record.clone())));
    }
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
    Start { restore, held, discarded }
}

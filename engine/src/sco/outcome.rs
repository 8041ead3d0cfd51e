//! A stage's and the course's outcome (score, completion, success, progress), the
//! element names it has at each place (the SCO's own, or an objective's), and the
//! record an LMS's words at such a place mean.

use crate::cmi::{self, OutcomeNames, Version};
use crate::session::{Record, Session, Status};

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
pub(super) enum Place {
    Sco,
    Objective,
}

/// Element names of an outcome at a place, relative to `prefix` for objectives.
pub(super) fn outcome_names(version: Version, place: Place) -> &'static OutcomeNames {
    let names = version.names();
    match place {
        Place::Sco => &names.sco,
        Place::Objective => &names.objective,
    }
}

/// The (element, value) pairs of an outcome, in the order an LMS wants them.
pub(super) fn outcome_values(version: Version, place: Place, outcome: &Outcome) -> Vec<(String, String)> {
    let names = outcome_names(version, place);
    let mut out = Vec::new();
    if let Some(score) = outcome.score {
        out.push((format!("{}min", names.score), "0".to_string()));
        out.push((format!("{}max", names.score), "100".to_string()));
        out.push((names.raw(), score.to_string()));
        if let Some(scaled) = names.scaled {
            out.push((format!("{}{scaled}", names.score), cmi::decimal(score as f64 / 100.0)));
        }
    }
    if let Some(status) = names.status_12 {
        let word = match (outcome.completed, outcome.success) {
            (false, _) => "incomplete",
            (true, None) => "completed",
            (true, Some(true)) => "passed",
            (true, Some(false)) => "failed",
        };
        out.push((status.to_string(), word.to_string()));
    }
    if let Some(completion) = names.completion {
        out.push((completion.to_string(), (if outcome.completed { "completed" } else { "incomplete" }).to_string()));
    }
    if let Some(success) = names.success {
        let word = match outcome.success {
            None => "unknown",
            Some(true) => "passed",
            Some(false) => "failed",
        };
        out.push((success.to_string(), word.to_string()));
    }
    if let Some(progress) = names.progress {
        out.push((progress.to_string(), cmi::decimal(outcome.progress)));
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

pub(super) fn attempt_progress(session: &Session, quiz: usize) -> f64 {
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

/// A stage's record from the LMS's status words and score at one place. "completed"
/// without a pass or fail is judged by the score against the pass mark.
pub(super) fn read_record(version: Version, place: Place, prefix: &str, get: &dyn Fn(&str) -> Option<String>, pass_mark: u8) -> Record {
    let names = outcome_names(version, place);
    let at = |name: &str| get(&format!("{prefix}{name}"));
    let best = at(&names.raw()).and_then(|s| cmi::percent_from_lms(&s));
    // 1.2's one word, or 2004's completion and success.
    let words = (names.status_12.or(names.completion).and_then(at), names.success.and_then(at));
    let by_score = || if crate::score::passes(best.unwrap_or(0), pass_mark) { Status::Passed } else { Status::Failed };
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

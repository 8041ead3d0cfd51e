//! What a SCO writes for each thing the learner does, in order.

use super::outcome::{attempt_progress, course_outcome, outcome_values, stage_outcome, Outcome, Place};
use super::{List, LmsState, Scope, Write};
use crate::cmi::{self, Interaction, StepInteraction, Version};
use crate::kind::Response;
use crate::progress;
use crate::resume;
use crate::session::Session;
use crate::Phase;

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
    let question = attempt.question_at(q, position);
    // A dialogue's record is its steps' (`replied`), each written when said.
    if attempt.is_settled(q, position) && question.kind.response(answer) != Response::Path {
        let interaction = Interaction { question, answer, credit: attempt.credit_at(q, position), latency_centis, epoch_ms, lang: &q.lang };
        let fields = interaction.fields(version).into_iter().map(|(f, v)| (f.to_string(), v)).collect();
        out.push(Write::Listed { list: List::Interactions, key: None, fields });
    }
    out.extend(progress_writes(version, session, scope, quiz));
    out
}

/// What the SCO writes when the learner replies in a dialogue: that reply as an
/// interaction of its own (`StepInteraction`), and progress (so a relaunch resumes at
/// the next step).
#[allow(clippy::too_many_arguments)]
pub fn replied(version: Version, session: &Session, scope: Scope, quiz: usize, position: usize, step: usize, latency_centis: u64, epoch_ms: u64) -> Vec<Write> {
    let q = &session.course.quizzes[quiz];
    let Some(attempt) = &session.quizzes[quiz].attempt else { return Vec::new() };
    let Some((question, dialogue, taken)) = attempt.replied_at(q, position, step) else { return Vec::new() };
    let interaction = StepInteraction { question, dialogue, taken, latency_centis, epoch_ms, lang: &q.lang };
    let fields = interaction.fields(version).into_iter().map(|(f, v)| (f.to_string(), v)).collect();
    let mut out = vec![Write::Listed { list: List::Interactions, key: None, fields }];
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
    if let Some(description) = version.names().objective_description {
        fields.push((description.to_string(), format!("{{lang={}}}{}", q.lang, cmi::one_line(&q.title, 240))));
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
            if let (Some(progress), false) = (names.sco.progress, session.quizzes[quiz].record.status.is_finished()) {
                out.push(value(progress, cmi::decimal(attempt_progress(session, quiz))));
            }
        }
        Scope::Course => {
            out.push(value(names.suspend_data, progress::encode_course(session, names.suspend_limit)));
            out.push(value(names.location, session.course.quizzes[quiz].id.to_string()));
            if let Some(progress) = names.sco.progress {
                out.push(value(progress, cmi::decimal(course_outcome(session).progress)));
            }
        }
    }
    out
}

/// What the SCO writes when the learner leaves: how they left and for how long.
pub fn leaving(version: Version, session: &Session, scope: Scope, session_centis: u64) -> Vec<Write> {
    let started = session.quizzes.iter().any(|q| q.attempt.is_some());
    let mut out = Vec::new();
    if started {
        out.push(exit(version, session, scope));
    }
    out.push(value(version.names().session_time, cmi::duration(version, session_centis)));
    out
}

/// How the learner leaves, as the LMS's `exit`: suspended (come back to it) unless a
/// stage's attempt is finished. Written at launch too: Moodle loads an attempt's data
/// on a relaunch only when an `exit` was committed, so a session cut short (the login
/// ended, the browser closed) must already have said "suspend".
fn exit(version: Version, session: &Session, scope: Scope) -> Write {
    let finished = match scope {
        Scope::Stage(i) => session.quizzes[i].attempt.as_ref().is_some_and(|a| a.phase == Phase::Finished),
        // A course is a place to come back to (retry a stage, read a review): always resumable.
        Scope::Course => false,
    };
    value(version.names().exit, version.exit_value(finished))
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
    out.push(exit(version, session, scope));
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

fn value(element: &str, value: impl Into<String>) -> Write {
    Write::Value(element.to_string(), value.into())
}

fn values(pairs: Vec<(String, String)>) -> impl Iterator<Item = Write> {
    pairs.into_iter().map(|(e, v)| Write::Value(e, v))
}

//! The `tere:*` messages a page host posts to its parent page, exactly as the
//! contract (docs/host-events.md) gives them: every field's name, order and value.
//! They are written here, not in the host, so that the contract is tested natively
//! and a host only carries the words: it turns a `Message` into its platform's
//! object, adds `type` (`Message::kind`) and `version` (`VERSION`), and sends it.

use std::borrow::Cow;

use crate::answer::Answer;
use crate::attempt::Attempt;
use crate::model::{Course, Quiz, Text};
use crate::report::Event;
use crate::score;
use crate::session::Session;

/// The contract's version, sent with every message; raise it on any incompatible
/// change (a field removed or changed, or the messages' order).
pub const VERSION: u32 = 1;

/// A field's value: just the JSON shapes the contract uses.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A whole number: every count, index, score and height in the contract is one.
    Int(u32),
    /// A fraction (a credit, 0-1).
    Num(f64),
    Str(Text),
    List(Vec<Value>),
    /// Named fields in the order the contract lists them.
    Object(Vec<(&'static str, Value)>),
}

/// One message: its `type` and its fields in the contract's order.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub kind: &'static str,
    pub fields: Vec<(&'static str, Value)>,
}

impl Message {
    /// The value of the field `name`, if the message has it.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// `tere:ready`: the course's quizzes, `[{ id, title }]`.
pub fn ready(course: &Course) -> Message {
    let quizzes = course.quizzes.iter().map(|q| Value::Object(vec![("id", Value::Str(q.id.clone())), ("title", Value::Str(q.title.clone()))])).collect();
    Message { kind: "tere:ready", fields: vec![("quizzes", Value::List(quizzes))] }
}

/// `tere:error`: the widget stopped; `message` says why.
pub fn error(message: &str) -> Message {
    Message { kind: "tere:error", fields: vec![("message", Value::Str(Cow::Owned(message.to_string())))] }
}

/// `tere:resize`: the widget's content is `height` CSS pixels high.
pub fn resize(height: u32) -> Message {
    Message { kind: "tere:resize", fields: vec![("height", Value::Int(height))] }
}

/// What a page host posts for `events` (`report::events`), read from the session
/// after them, in the events' order: `tere:answered` then `tere:progress` for each
/// check, `tere:practised` for a practice check, `tere:completed` for a summary.
/// An event whose attempt or practice round is gone by now sends nothing.
pub fn for_events(session: &Session, events: &[Event]) -> Vec<Message> {
    let mut out = Vec::new();
    for event in events {
        match *event {
            // The contract has no message for a new attempt: its first check says enough.
            Event::Started { .. } => {}
            Event::Answered { quiz, position } => {
                let q = &session.course.quizzes[quiz];
                let Some(attempt) = &session.quizzes[quiz].attempt else { continue };
                let total = attempt.questions.len() as u32;
                let answered = attempt.answered() as u32;
                let mut fields = answer_fields(q, attempt, position);
                fields.extend([("position", Value::Int(position as u32 + 1)), ("total", Value::Int(total))]);
                out.push(Message { kind: "tere:answered", fields });
                out.push(Message {
                    kind: "tere:progress",
                    fields: vec![
                        ("quiz", Value::Str(q.id.clone())),
                        ("answered", Value::Int(answered)),
                        ("total", Value::Int(total)),
                        ("percent", Value::Int(100 * answered / total.max(1))),
                    ],
                });
            }
            // Each reply of a dialogue: which step, which reply, its points.
            Event::Replied { quiz, position, step } => {
                let q = &session.course.quizzes[quiz];
                let Some(attempt) = &session.quizzes[quiz].attempt else { continue };
                let Some((question, dialogue, taken)) = attempt.replied_at(q, position, step) else { continue };
                let step_ref = &dialogue.steps[usize::from(taken.step)];
                let points = step_ref.replies[usize::from(taken.reply)].points;
                out.push(Message {
                    kind: "tere:answered",
                    fields: vec![
                        ("quiz", Value::Str(q.id.clone())),
                        ("questionId", Value::Str(question.id.clone())),
                        ("questionType", Value::Str(Cow::Borrowed(question.kind.name()))),
                        ("step", Value::Str(step_ref.id.clone())),
                        ("reply", Value::Int(taken.reply.into())),
                        ("points", Value::Int(points.into())),
                        ("bestPoints", Value::Int(step_ref.best().into())),
                        ("correct", Value::Bool(points == step_ref.best())),
                        ("final", Value::Bool(false)),
                    ],
                });
            }
            Event::Practised { quiz, position } => {
                let q = &session.course.quizzes[quiz];
                let Some(round) = session.practice.as_ref().filter(|p| p.quiz == quiz) else { continue };
                let mut fields = answer_fields(q, &round.attempt, position);
                fields.push(("practice", Value::Bool(true)));
                out.push(Message { kind: "tere:practised", fields });
            }
            Event::Completed { quiz } => {
                let q = &session.course.quizzes[quiz];
                let Some(attempt) = &session.quizzes[quiz].attempt else { continue };
                let pass_mark = session.pass_mark(q);
                let result = attempt.result(q, pass_mark);
                let questions = attempt
                    .questions
                    .iter()
                    .zip(&result.credits)
                    .map(|(&qi, &c)| {
                        Value::Object(vec![("id", Value::Str(q.questions[qi as usize].id.clone())), ("credit", credit(c)), ("correct", correct(c))])
                    })
                    .collect();
                out.push(Message {
                    kind: "tere:completed",
                    fields: vec![
                        ("quiz", Value::Str(q.id.clone())),
                        ("score", Value::Int(result.score.into())),
                        ("passed", Value::Bool(result.passed)),
                        ("passMark", Value::Int(pass_mark.into())),
                        ("questions", Value::List(questions)),
                    ],
                });
            }
        }
    }
    out
}

/// The fields that describe one check, shared by `tere:answered` and `tere:practised`.
/// The credit is after penalties; `final` says whether the learner may still try again.
fn answer_fields(quiz: &Quiz, attempt: &Attempt, position: usize) -> Vec<(&'static str, Value)> {
    let question = attempt.question_at(quiz, position);
    let c = attempt.credit_at(quiz, position);
    vec![
        ("quiz", Value::Str(quiz.id.clone())),
        ("questionId", Value::Str(question.id.clone())),
        ("questionType", Value::Str(Cow::Borrowed(question.kind.name()))),
        ("response", attempt.answers[position].as_ref().map_or(Value::Null, response)),
        ("correct", correct(c)),
        ("credit", credit(c)),
        ("try", Value::Int(attempt.tries[position].into())),
        ("hintsUsed", Value::Int(attempt.hints_shown(position) as u32)),
        ("final", Value::Bool(attempt.is_settled(quiz, position))),
    ]
}

/// The learner's response in canonical indices (content order), or a reflection's text.
fn response(answer: &Answer) -> Value {
    let indices = |v: &[u8]| Value::List(v.iter().map(|&i| Value::Int(i.into())).collect());
    match answer {
        Answer::Choices(v) | Answer::Order(v) | Answer::Path(v) => indices(v),
        Answer::Matches(v) => Value::List(v.iter().map(|m| m.map_or(Value::Null, |i| Value::Int(i.into()))).collect()),
        Answer::Text(t) => Value::Str(Cow::Owned(t.clone())),
    }
}

/// A question's credit; `null` when it is ungraded.
fn credit(credit: Option<f64>) -> Value {
    credit.map_or(Value::Null, Value::Num)
}

/// Whether a question is correct (full credit, the engine's one rule); `null` when ungraded.
fn correct(credit: Option<f64>) -> Value {
    credit.map_or(Value::Null, |c| Value::Bool(score::is_full_credit(c)))
}

//! A plain iframe host: versioned `tere:*` messages to the parent page (contract:
//! docs/host-events.md), only to the host's origin; progress kept in local storage.

use js_sys::{Array, Object, Reflect};
use tere_engine::report::Event;
use tere_engine::{Answer, Attempt, Course, Quiz, Session};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::local::LocalStore;
use super::{Clock, Health, Host, Launch};

/// The message contract's version; bump it on any incompatible change.
const CONTRACT: u32 = 1;

pub struct PostMessageHost {
    store: LocalStore,
    /// Where messages may go; `None` = nowhere (no `hostOrigin` and no referrer).
    origin: Option<String>,
    last_height: u32,
}

impl PostMessageHost {
    pub fn new(host_origin: Option<String>) -> Self {
        PostMessageHost { store: LocalStore::new("site"), origin: target_origin(host_origin), last_height: 0 }
    }

    fn post(&self, kind: &str, fields: &[(&str, JsValue)]) {
        post_to(self.origin.as_deref(), kind, fields);
    }
}

/// `hostOrigin` when given, else the embedding page's origin from the referrer.
fn target_origin(host_origin: Option<String>) -> Option<String> {
    host_origin.or_else(referrer_origin).filter(|o| o != "null")
}

pub fn post_error(host_origin: Option<String>, message: &str) {
    if super::in_frame() {
        post_to(target_origin(host_origin).as_deref(), "tere:error", &[("message", message.into())]);
    }
}

fn post_to(origin: Option<&str>, kind: &str, fields: &[(&str, JsValue)]) {
    let Some(origin) = origin else { return };
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else { return };
    let message = object(&[("type", kind.into()), ("version", CONTRACT.into())]);
    set_fields(&message, fields);
    let _ = parent.post_message(&message, origin);
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    set_fields(&o, fields);
    o
}

fn set_fields(o: &Object, fields: &[(&str, JsValue)]) {
    for (k, v) in fields {
        let _ = Reflect::set(o, &(*k).into(), v);
    }
}

fn referrer_origin() -> Option<String> {
    let referrer = web_sys::window()?.document()?.referrer();
    let url = web_sys::Url::new(&referrer).ok()?;
    Some(url.origin())
}

fn ready_fields(course: &Course) -> Vec<(&'static str, JsValue)> {
    let quizzes: Array = course.quizzes.iter().map(|q| JsValue::from(object(&[("id", q.id.as_ref().into()), ("title", q.title.as_ref().into())]))).collect();
    vec![("quizzes", quizzes.into())]
}

/// The learner's response in canonical indices, or the text of a reflection.
fn response(answer: &Answer) -> JsValue {
    match answer {
        Answer::Choices(v) | Answer::Order(v) => v.iter().map(|&i| JsValue::from(i)).collect::<Array>().into(),
        Answer::Matches(v) => v.iter().map(|m| m.map_or(JsValue::NULL, JsValue::from)).collect::<Array>().into(),
        Answer::Text(t) => t.as_str().into(),
    }
}

fn credit_value(credit: Option<f64>) -> JsValue {
    credit.map_or(JsValue::NULL, JsValue::from)
}

/// Full credit is correct; `null` for an ungraded question.
fn correct_value(credit: Option<f64>) -> JsValue {
    credit.map_or(JsValue::NULL, |c| (c >= 1.0).into())
}

/// The fields that describe one check, for `tere:answered` and `tere:practised`.
/// The credit is after penalties; `final` says whether the learner may still try again.
fn answer_fields(quiz: &Quiz, attempt: &Attempt, position: usize) -> Vec<(&'static str, JsValue)> {
    let question = attempt.question_at(quiz, position);
    let credit = attempt.credit_at(quiz, position);
    let response = attempt.answers[position].as_ref().map_or(JsValue::NULL, response);
    vec![
        ("quiz", quiz.id.as_ref().into()),
        ("questionId", question.id.as_ref().into()),
        ("questionType", question.kind.name().into()),
        ("response", response),
        ("correct", correct_value(credit)),
        ("credit", credit_value(credit)),
        ("try", u32::from(attempt.tries[position]).into()),
        ("hintsUsed", (attempt.hints_shown(position) as u32).into()),
        ("final", attempt.is_settled(quiz, position).into()),
    ]
}

impl Host for PostMessageHost {
    fn launch(&mut self, course: &'static Course) -> Launch {
        let (restore, discarded) = self.store.restore(course);
        self.post("tere:ready", &ready_fields(course));
        // A host that attached its listener late may ask again; other origins are ignored.
        if let (Some(origin), Some(window)) = (self.origin.clone(), web_sys::window()) {
            let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let asks = Reflect::get(&e.data(), &"type".into()).ok().and_then(|t| t.as_string());
                if e.origin() == origin && asks.as_deref() == Some("tere:hello") {
                    post_to(Some(&origin), "tere:ready", &ready_fields(course));
                }
            });
            let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
            on_message.forget(); // lives as long as the page
        }
        Launch { restore, discarded, ..Launch::default() }
    }

    fn report(&mut self, session: &Session, events: &[Event], _clock: Clock) {
        self.store.save_touched(session, events);
        for event in events {
            match *event {
                Event::Started { .. } => {}
                Event::Answered { quiz, position } => {
                    let q = &session.course.quizzes[quiz];
                    let Some(attempt) = &session.quizzes[quiz].attempt else { continue };
                    let total = attempt.questions.len() as u32;
                    let answered = attempt.answered() as u32;
                    let mut fields = answer_fields(q, attempt, position);
                    fields.extend([("position", (position as u32 + 1).into()), ("total", total.into())]);
                    self.post("tere:answered", &fields);
                    self.post(
                        "tere:progress",
                        &[
                            ("quiz", q.id.as_ref().into()),
                            ("answered", answered.into()),
                            ("total", total.into()),
                            ("percent", (100 * answered / total.max(1)).into()),
                        ],
                    );
                }
                Event::Practised { quiz, position } => {
                    let q = &session.course.quizzes[quiz];
                    let Some(round) = session.practice.as_ref().filter(|p| p.quiz == quiz) else { continue };
                    let mut fields = answer_fields(q, &round.attempt, position);
                    fields.push(("practice", true.into()));
                    self.post("tere:practised", &fields);
                }
                Event::Completed { quiz } => {
                    let q = &session.course.quizzes[quiz];
                    let Some(attempt) = &session.quizzes[quiz].attempt else { continue };
                    let pass_mark = session.pass_mark(q);
                    let result = attempt.result(q, pass_mark);
                    let questions: Array = attempt
                        .questions
                        .iter()
                        .zip(&result.credits)
                        .map(|(&qi, credit)| {
                            let question = &q.questions[qi as usize];
                            JsValue::from(object(&[
                                ("id", question.id.as_ref().into()),
                                ("credit", credit_value(*credit)),
                                ("correct", correct_value(*credit)),
                            ]))
                        })
                        .collect();
                    self.post(
                        "tere:completed",
                        &[
                            ("quiz", q.id.as_ref().into()),
                            ("score", result.score.into()),
                            ("passed", result.passed.into()),
                            ("passMark", pass_mark.into()),
                            ("questions", questions.into()),
                        ],
                    );
                }
            }
        }
    }

    fn leave(&mut self, _session: &Session, _unloading: bool, _clock: Clock) {}

    fn retry(&mut self) {}

    fn health(&self) -> Health {
        Health::Good
    }

    fn wants_height(&self) -> bool {
        true
    }

    fn resized(&mut self, height: u32) {
        if height != self.last_height {
            self.last_height = height;
            self.post("tere:resize", &[("height", height.into())]);
        }
    }
}

//! Emits a validated course as a Rust expression of `'static` data, so the widget
//! carries no parser and does no content work at startup.

use std::fmt::Write;

use crate::model::{Choice, Course, Kind, Pair, Question, Quiz};

/// Rust source for a `Course` expression using only `Cow::Borrowed` data.
pub fn course_to_rust(course: &Course) -> String {
    let mut out = String::new();
    let quizzes: Vec<String> = course.quizzes.iter().map(quiz).collect();
    write!(out, "Course {{ title: {}, lang: {}, quizzes: {} }}", s(&course.title), s(&course.lang), list(&quizzes)).unwrap();
    out
}

fn s(text: &str) -> String {
    format!("Cow::Borrowed({text:?})")
}

fn list(items: &[String]) -> String {
    format!("Cow::Borrowed(&[{}])", items.join(",\n"))
}

fn quiz(q: &Quiz) -> String {
    let questions: Vec<String> = q.questions.iter().map(question).collect();
    format!(
        "Quiz {{ id: {}, title: {}, lang: {}, intro: {}, pass_mark: {}, draw: {:?}, questions: {} }}",
        s(&q.id),
        s(&q.title),
        s(&q.lang),
        s(&q.intro),
        q.pass_mark,
        q.draw,
        list(&questions)
    )
}

fn question(q: &Question) -> String {
    format!(
        "Question {{ id: {}, text: {}, kind: {}, explanation: {}, source: Source {{ seed: {}, section: {} }} }}",
        s(&q.id),
        s(&q.text),
        kind(&q.kind),
        s(&q.explanation),
        s(&q.source.seed),
        s(&q.source.section)
    )
}

fn kind(k: &Kind) -> String {
    let choices = |options: &[Choice]| {
        let items: Vec<String> =
            options.iter().map(|o| format!("Choice {{ text: {}, correct: {}, feedback: {} }}", s(&o.text), o.correct, s(&o.feedback))).collect();
        list(&items)
    };
    match k {
        Kind::Single { options } => format!("Kind::Single {{ options: {} }}", choices(options)),
        Kind::Multiple { options } => format!("Kind::Multiple {{ options: {} }}", choices(options)),
        Kind::Scenario { customer, options } => format!("Kind::Scenario {{ customer: {}, options: {} }}", s(customer), choices(options)),
        Kind::TrueFalse { answer, feedback_true, feedback_false } => format!(
            "Kind::TrueFalse {{ answer: {answer}, feedback_true: {}, feedback_false: {} }}",
            s(feedback_true),
            s(feedback_false)
        ),
        Kind::Ordering { items } => {
            let items: Vec<String> = items.iter().map(|i| s(i)).collect();
            format!("Kind::Ordering {{ items: {} }}", list(&items))
        }
        Kind::Matching { pairs } => {
            let pairs: Vec<String> = pairs.iter().map(|Pair { left, right }| format!("Pair {{ left: {}, right: {} }}", s(left), s(right))).collect();
            format!("Kind::Matching {{ pairs: {} }}", list(&pairs))
        }
        Kind::Reflection => "Kind::Reflection".into(),
    }
}

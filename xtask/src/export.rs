//! The validated course as JSON, for browser tests to know ids, kinds and answers.

use std::path::Path;

use serde_json::{json, Value};
use tere_authoring::load_course;
use tere_engine::{Kind, Speaker};

use crate::util::Result;

/// The course of `dir` (a folder like questions/) as JSON, written to `out`.
pub fn course_json(dir: &Path, out: &Path) -> Result {
    let loaded = load_course(dir).map_err(|_| format!("{}: content has errors; run cargo xtask check", dir.display()))?;
    let quizzes: Vec<Value> = loaded
        .course
        .quizzes
        .iter()
        .map(|quiz| {
            let questions: Vec<Value> = quiz
                .questions
                .iter()
                .map(|q| {
                    let mut v = json!({ "id": q.id, "type": q.kind.name(), "text": q.text, "hints": q.hints });
                    match &q.kind {
                        Kind::Single { options } | Kind::Multiple { options } => {
                            v["options"] = options.iter().map(|o| json!({ "text": o.text, "correct": o.correct })).collect();
                        }
                        Kind::Scenario { speaker, line, options } => {
                            v["options"] = options.iter().map(|o| json!({ "text": o.text, "correct": o.correct })).collect();
                            v["line"] = json!(line);
                            v["speaker"] = match speaker {
                                Speaker::Customer => json!("customer"),
                                Speaker::Colleague => json!("colleague"),
                                Speaker::Named(name) => json!({ "name": name }),
                            };
                        }
                        Kind::TrueFalse { answer, .. } => v["answer"] = json!(answer),
                        Kind::Ordering { items } => v["items"] = json!(items),
                        Kind::Matching { pairs } => v["pairs"] = pairs.iter().map(|p| json!({ "left": p.left, "right": p.right })).collect(),
                        Kind::Reflection => {}
                    }
                    v
                })
                .collect();
            json!({
                "id": quiz.id,
                "title": quiz.title,
                "lang": quiz.lang,
                "passMark": quiz.pass_mark,
                "draw": quiz.draw,
                "tries": quiz.tries,
                "tryPenalty": quiz.try_penalty,
                "hintPenalty": quiz.hint_penalty,
                "questions": questions
            })
        })
        .collect();
    let text = serde_json::to_string_pretty(&json!({ "title": loaded.course.title, "quizzes": quizzes })).unwrap();
    std::fs::write(out, text).map_err(|e| format!("write {}: {e}", out.display()))
}

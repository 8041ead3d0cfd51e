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
                        // The steps with their replies' text and points, and the best path
                        // (reply indices), which the learner of the tests can follow.
                        Kind::Dialogue(d) => {
                            let next = |n: tere_engine::dialogue::Next| match n {
                                tere_engine::dialogue::Next::Step(i) => json!({ "step": d.steps[usize::from(i)].id }),
                                tere_engine::dialogue::Next::Ending(i) => json!({ "ending": d.endings[usize::from(i)].id }),
                            };
                            v["steps"] = d
                                .steps
                                .iter()
                                .map(|s| {
                                    let replies: Vec<Value> = s
                                        .replies
                                        .iter()
                                        .map(|r| {
                                            let branches: Vec<Value> =
                                                r.branches.iter().map(|b| json!({ "atLeast": b.at_least, "next": next(b.next) })).collect();
                                            json!({ "text": r.text, "points": r.points, "next": next(r.next), "branches": branches })
                                        })
                                        .collect();
                                    json!({ "id": s.id, "line": s.line, "replies": replies })
                                })
                                .collect();
                            v["endings"] = d.endings.iter().map(|e| json!({ "id": e.id, "line": e.line, "good": e.good, "debrief": e.debrief })).collect();
                            let (best, points) = d.best_path();
                            v["bestPath"] = json!(best);
                            v["bestPoints"] = json!(points);
                            v["coach"] = json!(d.coach);
                        }
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
                "questions": questions,
                // The packed names of the files its questions and steps show, each once.
                "media": quiz.media().map(|m| m.file.to_string()).collect::<std::collections::BTreeSet<_>>(),
            })
        })
        .collect();
    let text = serde_json::to_string_pretty(&json!({ "title": loaded.course.title, "quizzes": quizzes })).unwrap();
    std::fs::write(out, text).map_err(|e| format!("write {}: {e}", out.display()))
}

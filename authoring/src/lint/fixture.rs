//! Small quizzes for the rules' unit tests, built in code (the rules read the model).

use tere_engine::model::{Choice, Kind, Pair, Question, Quiz, Source, Speaker};

pub fn quiz(lang: &str, questions: Vec<Question>) -> Quiz {
    Quiz::with_defaults("q".into(), "Q".into(), lang.to_string().into(), "I".into(), questions.into())
}

fn question(id: &str, text: &str, kind: Kind) -> Question {
    Question {
        id: id.to_string().into(),
        text: text.to_string().into(),
        kind,
        explanation: "E".into(),
        hints: Default::default(),
        source: Source { seed: "s".into(), section: "S".into() },
        topic: 0,
        media: None,
    }
}

/// Options from `(text, correct)`.
fn options(list: &[(&str, bool)]) -> Vec<Choice> {
    list.iter().map(|(t, c)| Choice { text: t.to_string().into(), correct: *c, feedback: "F".into() }).collect()
}

pub fn single(id: &str, text: &str, list: &[(&str, bool)]) -> Question {
    question(id, text, Kind::Single { options: options(list).into() })
}

pub fn scenario(id: &str, text: &str, line: &str, list: &[(&str, bool)]) -> Question {
    question(id, text, Kind::Scenario { speaker: Speaker::Customer, line: line.to_string().into(), options: options(list).into() })
}

pub fn multiple(id: &str, text: &str, list: &[(&str, bool)]) -> Question {
    question(id, text, Kind::Multiple { options: options(list).into() })
}

pub fn true_false(id: &str, text: &str, answer: bool) -> Question {
    question(id, text, Kind::TrueFalse { answer, feedback_true: "T".into(), feedback_false: "F".into() })
}

pub fn matching(id: &str, pairs: &[(&str, &str)]) -> Question {
    let pairs = pairs.iter().map(|(l, r)| Pair { left: l.to_string().into(), right: r.to_string().into() }).collect::<Vec<_>>();
    question(id, "Match.", Kind::Matching { pairs: pairs.into() })
}

pub fn reflection(id: &str) -> Question {
    question(id, "Think.", Kind::Reflection)
}

/// The findings of one rule, as `(question id or "", message)`.
pub fn found(rule: &super::Rule, quiz: &Quiz) -> Vec<(String, String)> {
    let mut out = Vec::new();
    (rule.check)(quiz, &mut out);
    assert!(out.iter().all(|f| f.rule == rule.name), "a rule reports under its own name");
    out.into_iter().map(|f| (f.question.map(|q| q.to_string()).unwrap_or_default(), f.message)).collect()
}

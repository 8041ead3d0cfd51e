//! Source → model, with every rule an author can break checked and reported.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::error::Reporter;
use super::kinds::{self, QuestionType};
use super::source::{OptionSrc, QuestionSrc, QuizFile};
use tere_engine::model::{Choice, Kind, Question, Quiz, Source, Speaker, Text, DEFAULT_PASS_MARK, MAX_CHOICES, MAX_HINTS, MAX_TRIES};

/// Languages the widget has UI strings and true/false labels for.
pub use tere_engine::lang::CODES as LANGUAGES;

/// Ids travel in URLs, SCORM identifiers and saved state, so they stay plain.
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Checks shared by every file: ids, ids' uniqueness across the course, cited sections.
pub struct Context<'a> {
    pub sections: &'a HashSet<(String, String)>,
    /// Question id → "file:line" where it was first seen.
    pub question_ids: HashMap<String, String>,
}

pub fn quiz(file: QuizFile, r: &mut Reporter, ctx: &mut Context) -> Quiz {
    check_id(r, &file.id, "quiz");
    let lang = text(r, &file.lang, "lang");
    if !LANGUAGES.contains(&lang.as_ref()) {
        r.at(file.lang.span(), format!("lang `{lang}` is not supported; use one of {}", LANGUAGES.join(", ")));
    }
    let pass_mark = match &file.pass_mark {
        None => DEFAULT_PASS_MARK,
        Some(p) if (0..=100).contains(p.get_ref()) => *p.get_ref() as u8,
        Some(p) => {
            r.at(p.span(), format!("pass_mark {} is out of range; it is a percent from 0 to 100", p.get_ref()));
            DEFAULT_PASS_MARK
        }
    };
    if file.questions.is_empty() {
        r.at(file.id.span(), "the quiz has no questions; add at least one [[question]]");
    }
    let mut questions: Vec<Question> = file.questions.iter().map(|q| question(q, r, ctx)).collect();
    // The sections the quiz cites, numbered in order of first citation: what a balanced draw groups by.
    let mut cited: Vec<&Source> = Vec::new();
    let topics: Vec<u16> = questions
        .iter()
        .map(|q| {
            let topic = cited.iter().position(|s| **s == q.source).unwrap_or_else(|| {
                cited.push(&q.source);
                cited.len() - 1
            });
            topic as u16
        })
        .collect();
    let sections = cited.len();
    let draw = file.draw.as_ref().and_then(|d| {
        let k = *d.get_ref();
        if k < 1 || k as usize > questions.len() {
            let pool = match questions.len() {
                1 => "1 question".to_string(),
                n => format!("{n} questions"),
            };
            r.at(d.span(), format!("draw = {k} but the pool has {pool}; draw from 1 to {}", questions.len()));
            None
        } else {
            Some(k as u16)
        }
    });
    let draw_per_section = match (&file.draw_per_section, &file.draw) {
        (Some(flag), None) if *flag.get_ref() => {
            r.at(flag.span(), "draw_per_section = true needs `draw` (how many questions an attempt draws); without `draw` every attempt asks every question; add `draw = N` or remove draw_per_section");
            false
        }
        (Some(flag), Some(_)) if *flag.get_ref() => match draw {
            Some(k) if usize::from(k) < sections => {
                let message = format!(
                    "draw_per_section = true takes one question from each of the {sections} sections this quiz's questions cite, but draw = {k}; raise `draw` to at least {sections} or remove draw_per_section"
                );
                r.at(flag.span(), message);
                false
            }
            Some(_) => true,
            None => false, // `draw` itself is wrong and already reported
        },
        _ => false,
    };
    for (q, topic) in questions.iter_mut().zip(topics) {
        q.topic = topic;
    }
    let tries = match &file.tries {
        None => 1,
        Some(t) if (1..=i64::from(MAX_TRIES)).contains(t.get_ref()) => *t.get_ref() as u8,
        Some(t) => {
            r.at(t.span(), format!("tries = {} is out of range; a question may be checked from 1 to {MAX_TRIES} times", t.get_ref()));
            1
        }
    };
    let try_penalty = penalty(r, &file.try_penalty, "try_penalty");
    if let (Some(p), 1) = (&file.try_penalty, tries) {
        if file.tries.as_ref().is_none_or(|t| *t.get_ref() == 1) {
            r.at(p.span(), "try_penalty needs `tries` above 1 (without it every question is checked once, so no try is ever penalised); add `tries = 2` or remove try_penalty");
        }
    }
    let hint_penalty = penalty(r, &file.hint_penalty, "hint_penalty");
    if let Some(p) = &file.hint_penalty {
        if questions.iter().all(|q| q.hints.is_empty()) {
            r.at(p.span(), "hint_penalty is set but no question of this quiz has a `hint`; give a question `hint = [\"…\"]` or remove hint_penalty");
        }
    }
    Quiz {
        id: file.id.into_inner().into(),
        title: text(r, &file.title, "title"),
        lang,
        intro: text(r, &file.intro, "intro"),
        pass_mark,
        draw,
        draw_per_section,
        tries,
        try_penalty,
        hint_penalty,
        questions: questions.into(),
    }
}

/// A penalty in percent (0-100); absent means none.
fn penalty(r: &mut Reporter, value: &Option<Spanned<i64>>, field: &str) -> u8 {
    match value {
        None => 0,
        Some(p) if (0..=100).contains(p.get_ref()) => *p.get_ref() as u8,
        Some(p) => {
            r.at(p.span(), format!("{field} = {} is out of range; it is a percent of the question's credit, from 0 to 100", p.get_ref()));
            0
        }
    }
}

fn question(q: &Spanned<QuestionSrc>, r: &mut Reporter, ctx: &mut Context) -> Question {
    let src = q.get_ref();
    let id = src.id.get_ref();
    check_id(r, &src.id, "question");
    let (line, _) = super::error::line_column(r.text, src.id.span().start);
    let here = format!("{}:{line}", r.file.display());
    if let Some(first) = ctx.question_ids.get(id) {
        r.at(src.id.span(), format!("duplicate question id `{id}` (first used at {first}); ids must be unique in the course"));
    } else {
        ctx.question_ids.insert(id.clone(), here);
    }
    let source = src.source.get_ref();
    if !ctx.sections.contains(&(source.seed.clone(), source.section.clone())) {
        r.at(
            src.source.span(),
            format!(
                "source names no known section: seed `{}`, section `{}`; list it in questions/sections.toml or fix the spelling",
                source.seed, source.section
            ),
        );
    }
    let kind = kind(src, r);
    let mut hints: Vec<Text> = Vec::new();
    if let Some(list) = &src.hints {
        if list.get_ref().is_empty() {
            r.at(list.span(), "`hint` is an empty list; write at least one hint or remove the field");
        }
        if list.get_ref().len() > MAX_HINTS {
            r.at(list.span(), format!("{} hints; a question may have at most {MAX_HINTS}", list.get_ref().len()));
        }
        hints = list.get_ref().iter().take(MAX_HINTS).map(|h| text(r, h, "hint")).collect();
    }
    Question {
        id: id.clone().into(),
        text: text(r, &src.text, "text"),
        kind,
        explanation: text(r, &src.explanation, "explanation"),
        hints: hints.into(),
        source: Source { seed: source.seed.clone().into(), section: source.section.clone().into() },
        topic: 0, // numbered once the quiz's questions are all read
    }
}

/// The question's `Kind`: its type from `type`, then the fields that type uses, each
/// checked (the per-type part is in `kinds`).
fn kind(src: &QuestionSrc, r: &mut Reporter) -> Kind {
    let name = src.kind.get_ref().as_str();
    let Some(t) = QuestionType::from_name(name) else {
        r.at(src.kind.span(), format!("unknown question type `{name}`; use {}", kinds::listed()));
        return Kind::Reflection;
    };
    let allowed = t.fields();
    for (field, span) in kinds::typed_fields(src) {
        if let Some(span) = span.filter(|_| !allowed.contains(&field)) {
            r.at(span, format!("`{field}` is not used by questions of type `{name}`; remove it or change `type`"));
        }
    }
    kinds::validate(t, src, r)
}

/// How many options of a choice question are right: exactly one, or any number but none.
pub(crate) enum Right {
    One,
    AtLeastOne,
}

/// A choice question's options, with their number and the right ones checked against `right`.
pub(crate) fn choices(src: &QuestionSrc, r: &mut Reporter, right: Right) -> Vec<Choice> {
    let name = src.kind.get_ref();
    let at_type = src.kind.span();
    let options = options(src.options.as_deref().unwrap_or(&[]), r);
    let correct = options.iter().filter(|o| o.correct).count();
    if options.len() < 2 {
        r.at(at_type.clone(), format!("a `{name}` question needs at least 2 [[question.option]] entries"));
    }
    match right {
        Right::AtLeastOne if correct == 0 => r.at(at_type, "no correct option: mark at least one option with `correct = true`"),
        Right::One if correct != 1 => r.at(at_type, format!("a `{name}` question needs exactly one option with `correct = true`, found {correct}")),
        Right::AtLeastOne | Right::One => {}
    }
    options
}

/// Who says a scenario's line: "customer" (also when absent), "colleague", or `{ name = "…" }`.
pub(crate) fn speaker(r: &mut Reporter, value: &Option<Spanned<toml::Value>>) -> Speaker {
    let Some(value) = value else { return Speaker::Customer };
    match value.get_ref() {
        toml::Value::String(s) if s == "customer" => Speaker::Customer,
        toml::Value::String(s) if s == "colleague" => Speaker::Colleague,
        toml::Value::Table(t) if t.len() == 1 && t.get("name").is_some_and(|n| n.is_str()) => {
            let name = t["name"].as_str().unwrap_or_default().trim();
            if name.is_empty() {
                r.at(value.span(), "the speaker's `name` is empty; write who speaks, as the learner should see it (\"Juhataja\")");
            }
            Speaker::Named(name.to_string().into())
        }
        _ => {
            r.at(value.span(), "`speaker` is \"customer\" (the default), \"colleague\", or { name = \"…\" } for anyone else, such as { name = \"Juhataja\" }");
            Speaker::Customer
        }
    }
}

fn options(list: &[Spanned<OptionSrc>], r: &mut Reporter) -> Vec<Choice> {
    if list.len() > MAX_CHOICES {
        r.at(list[MAX_CHOICES].span(), format!("too many options; at most {MAX_CHOICES}"));
    }
    list.iter()
        .map(|o| {
            let o = o.get_ref();
            Choice { text: text(r, &o.text, "option text"), correct: o.correct, feedback: text(r, &o.feedback, "feedback") }
        })
        .collect()
}

pub(crate) fn count_and_distinct(r: &mut Reporter, at: std::ops::Range<usize>, what: &str, texts: &[Text]) {
    if texts.len() < 2 || texts.len() > MAX_CHOICES {
        r.at(at.clone(), format!("needs from 2 to {MAX_CHOICES} {what}, found {}", texts.len()));
    }
    let distinct: HashSet<&str> = texts.iter().map(|t| t.as_ref()).collect();
    if distinct.len() != texts.len() {
        r.at(at, format!("{what} must all be different, or the learner cannot tell them apart"));
    }
}

fn check_id(r: &mut Reporter, id: &Spanned<String>, what: &str) {
    if !is_plain_id(id.get_ref()) {
        r.at(id.span(), format!("{what} id `{}` may only use letters A-Z, a-z, digits and `_` (1-64 characters), so SCORM can carry it", id.get_ref()));
    }
}

/// A text field that must not be blank, nor still the placeholder a new part was written with.
pub(crate) fn text(r: &mut Reporter, value: &Spanned<String>, field: &str) -> Text {
    if value.get_ref().trim().is_empty() {
        r.at(value.span(), format!("`{field}` is empty; write the text the learner should see"));
    } else if crate::draft::is_placeholder(value.get_ref()) {
        r.at(value.span(), format!("`{field}` is still the placeholder \"{}\"; write the text the learner should see", value.get_ref().trim()));
    }
    value.get_ref().trim().to_string().into()
}

/// An optional field that this question type requires.
pub(crate) fn required(r: &mut Reporter, value: &Option<Spanned<String>>, at: std::ops::Range<usize>, field: &str) -> Text {
    match value {
        Some(v) => text(r, v, field),
        None => {
            r.at(at, format!("this question type needs `{field}`"));
            Text::Borrowed("")
        }
    }
}

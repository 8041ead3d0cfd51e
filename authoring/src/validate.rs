//! Source → model, with every rule an author can break checked and reported.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::error::Reporter;
use super::kinds::{self, QuestionType};
use super::media_field::MediaFiles;
use super::said::{Listed, Said};
use super::source::{OptionSrc, QuestionSrc, QuizFile};
use tere_engine::model::{Choice, Kind, Question, Quiz, Source, Speaker, Text, DEFAULT_PASS_MARK, MAX_CHOICES, MAX_HINTS, MAX_TRIES};

/// Languages the widget has UI strings and true/false labels for.
pub use tere_engine::lang::CODES as LANGUAGES;

/// Ids travel in URLs, SCORM identifiers and saved state, so they stay plain.
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Checks shared by every file: ids, ids' uniqueness across the course, cited sections,
/// media files.
pub struct Context<'a> {
    pub sections: &'a HashSet<(String, String)>,
    /// Question id → "file:line" where it was first seen.
    pub question_ids: HashMap<String, String>,
    pub(crate) media: MediaFiles<'a>,
}

pub fn quiz(file: QuizFile, r: &mut Reporter, ctx: &mut Context) -> Quiz {
    check_id(r, &file.id, "quiz");
    let lang = text(r, &file.lang, "lang");
    if !LANGUAGES.contains(&lang.as_ref()) {
        r.at(file.lang.span(), Said::LangUnsupported { lang: lang.to_string() });
    }
    let pass_mark = match &file.pass_mark {
        None => DEFAULT_PASS_MARK,
        Some(p) if (0..=100).contains(p.get_ref()) => *p.get_ref() as u8,
        Some(p) => {
            r.at(p.span(), Said::PassMarkOutOfRange { value: *p.get_ref() });
            DEFAULT_PASS_MARK
        }
    };
    if file.questions.is_empty() {
        r.at(file.id.span(), Said::NoQuestions);
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
            r.at(d.span(), Said::DrawOutOfRange { draw: k, pool: questions.len() });
            None
        } else {
            Some(k as u16)
        }
    });
    let draw_per_section = match (&file.draw_per_section, &file.draw) {
        (Some(flag), None) if *flag.get_ref() => {
            r.at(flag.span(), Said::DrawPerSectionNeedsDraw);
            false
        }
        (Some(flag), Some(_)) if *flag.get_ref() => match draw {
            Some(k) if usize::from(k) < sections => {
                r.at(flag.span(), Said::DrawPerSectionTooFew { sections, draw: k });
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
            r.at(t.span(), Said::TriesOutOfRange { value: *t.get_ref() });
            1
        }
    };
    let try_penalty = penalty(r, &file.try_penalty, "try_penalty");
    if let (Some(p), 1) = (&file.try_penalty, tries) {
        if file.tries.as_ref().is_none_or(|t| *t.get_ref() == 1) {
            r.at(p.span(), Said::TryPenaltyNeedsTries);
        }
    }
    let hint_penalty = penalty(r, &file.hint_penalty, "hint_penalty");
    if let Some(p) = &file.hint_penalty {
        if questions.iter().all(|q| q.hints.is_empty()) {
            r.at(p.span(), Said::HintPenaltyWithoutHints);
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
fn penalty(r: &mut Reporter, value: &Option<Spanned<i64>>, field: &'static str) -> u8 {
    match value {
        None => 0,
        Some(p) if (0..=100).contains(p.get_ref()) => *p.get_ref() as u8,
        Some(p) => {
            r.at(p.span(), Said::PenaltyOutOfRange { key: field, value: *p.get_ref() });
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
        r.at(src.id.span(), Said::DuplicateQuestionId { id: id.clone(), first: first.clone() });
    } else {
        ctx.question_ids.insert(id.clone(), here);
    }
    let source = src.source.get_ref();
    if !ctx.sections.contains(&(source.seed.clone(), source.section.clone())) {
        r.at(src.source.span(), Said::UnknownSection { seed: source.seed.clone(), section: source.section.clone() });
    }
    let media = ctx.media.media(&src.media, r);
    let kind = kind(src, r, ctx);
    let mut hints: Vec<Text> = Vec::new();
    if let Some(list) = &src.hints {
        if list.get_ref().is_empty() {
            r.at(list.span(), Said::EmptyHintList);
        }
        if list.get_ref().len() > MAX_HINTS {
            r.at(list.span(), Said::TooManyHints { count: list.get_ref().len() });
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
        media,
    }
}

/// The question's `Kind`: its type from `type`, then the fields that type uses, each
/// checked (the per-type part is in `kinds`).
fn kind(src: &QuestionSrc, r: &mut Reporter, ctx: &mut Context) -> Kind {
    let name = src.kind.get_ref().as_str();
    let Some(t) = QuestionType::from_name(name) else {
        r.at(src.kind.span(), Said::UnknownType { name: name.to_string() });
        return Kind::Reflection;
    };
    let allowed = t.fields();
    for (field, span) in kinds::typed_fields(src) {
        if let Some(span) = span.filter(|_| !allowed.contains(&field)) {
            r.at(span, Said::FieldNotUsed { key: field.to_string(), kind: name.to_string() });
        }
    }
    kinds::validate(t, src, r, ctx)
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
        r.at(at_type.clone(), Said::TooFewOptions { kind: name.to_string() });
    }
    match right {
        Right::AtLeastOne if correct == 0 => r.at(at_type, Said::NoRightOption),
        Right::One if correct != 1 => r.at(at_type, Said::NotOneRightOption { kind: name.to_string(), found: correct }),
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
                r.at(value.span(), Said::EmptySpeakerName);
            }
            Speaker::Named(name.to_string().into())
        }
        _ => {
            r.at(value.span(), Said::BadSpeaker);
            Speaker::Customer
        }
    }
}

fn options(list: &[Spanned<OptionSrc>], r: &mut Reporter) -> Vec<Choice> {
    if list.len() > MAX_CHOICES {
        r.at(list[MAX_CHOICES].span(), Said::TooManyOptions);
    }
    list.iter()
        .map(|o| {
            let o = o.get_ref();
            Choice { text: text(r, &o.text, "option text"), correct: o.correct, feedback: text(r, &o.feedback, "feedback") }
        })
        .collect()
}

pub(crate) fn count_and_distinct(r: &mut Reporter, at: std::ops::Range<usize>, what: Listed, texts: &[Text]) {
    if texts.len() < 2 || texts.len() > MAX_CHOICES {
        r.at(at.clone(), Said::CountOutOfRange { what, found: texts.len() });
    }
    let distinct: HashSet<&str> = texts.iter().map(|t| t.as_ref()).collect();
    if distinct.len() != texts.len() {
        r.at(at, Said::NotDistinct { what });
    }
}

fn check_id(r: &mut Reporter, id: &Spanned<String>, what: &'static str) {
    if !is_plain_id(id.get_ref()) {
        r.at(id.span(), Said::BadId { what, id: id.get_ref().clone() });
    }
}

/// A text field that must not be blank, nor still the placeholder a new part was written with.
pub(crate) fn text(r: &mut Reporter, value: &Spanned<String>, field: &'static str) -> Text {
    if value.get_ref().trim().is_empty() {
        r.at(value.span(), Said::Empty { key: field });
    } else if crate::draft::is_placeholder(value.get_ref()) {
        r.at(value.span(), Said::Placeholder { key: field, text: value.get_ref().trim().to_string() });
    }
    value.get_ref().trim().to_string().into()
}

/// An optional field that this question type requires.
pub(crate) fn required(r: &mut Reporter, value: &Option<Spanned<String>>, at: std::ops::Range<usize>, field: &'static str) -> Text {
    match value {
        Some(v) => text(r, v, field),
        None => {
            r.at(at, Said::Missing { key: field });
            Text::Borrowed("")
        }
    }
}

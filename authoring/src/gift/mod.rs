//! Moodle GIFT import and export (docs/gift.md).
//!
//! ```text
//! GIFT text ──lex──▶ tokens ──parse──▶ GiftItem ──import──▶ Quiz ──quiz_to_toml──▶ quiz file
//! Quiz ──quiz_to_gift──▶ GIFT text
//! ```
//!
//! `import_gift` and `export_quiz` are what `cargo xtask gift-import` and
//! `gift-export` run, minus reading and writing files.

mod import;
mod item;
mod lex;
mod parse;
mod picture;
pub(crate) mod quiz_file;
pub(crate) mod write;

#[cfg(test)]
mod moodle_examples;

pub use crate::kinds::scenario_text;
pub use import::{import, plain_id, ImportOptions, Imported, Note, QuestionMedia, IMPORTED_SEED};
pub use item::{Answer, Answers, Format, GiftItem, GiftQuestion, Markup, MatchPair};
pub use parse::{parse, GiftError};
pub use quiz_file::quiz_to_toml;
pub use write::{escape, quiz_to_gift, Exported};

use crate::media::MediaNames;
use crate::{is_plain_id, LANGUAGES};
use tere_engine::model::{Course, Quiz};

/// A GIFT file turned into a Tere quiz file.
#[derive(Clone, Debug)]
pub struct Conversion {
    /// The quiz file's text.
    pub toml: String,
    pub quiz: Quiz,
    /// What did not carry over, and what the author must still write: `file.gift:12: …`.
    pub report: Vec<String>,
}

/// The most questions one GIFT import makes into a quiz: a learner's stage quiz has a
/// few dozen; a whole question bank is imported a category at a time.
pub const MAX_IMPORT_QUESTIONS: usize = 300;

/// GIFT text → a Tere quiz file. Errors are `file.gift:12: …` lines.
pub fn import_gift(source: &str, options: &ImportOptions) -> Result<Conversion, Vec<String>> {
    let file = options.file_name.as_str();
    let mut problems = Vec::new();
    if !is_plain_id(&options.quiz_id) {
        problems.push(format!("quiz id `{}` may only use letters A-Z, a-z, digits and `_` (1-64 characters)", options.quiz_id));
    }
    if !LANGUAGES.contains(&options.lang.as_str()) {
        problems.push(format!("lang `{}` is not supported; use one of {}", options.lang, LANGUAGES.join(", ")));
    }
    let items = parse(source).map_err(|errors| errors.iter().map(|e| e.located(file)).collect::<Vec<_>>());
    if let Ok(items) = &items {
        let questions = items.iter().filter(|i| matches!(i, GiftItem::Question(_))).count();
        if questions > MAX_IMPORT_QUESTIONS {
            problems.push(format!(
                "{file}: {questions} questions; a quiz takes at most {MAX_IMPORT_QUESTIONS}: export one category of the question bank at a time"
            ));
        }
    }
    let items = match items {
        Ok(items) if problems.is_empty() => items,
        Ok(_) => return Err(problems),
        Err(errors) => return Err(problems.into_iter().chain(errors).collect()),
    };
    let imported = import(&items, options);
    let header = vec![
        format!("Imported from {file} by cargo xtask gift-import."),
        "Fill every TODO below (and check the import report) before adding this file to course.toml.".to_string(),
    ];
    Ok(Conversion {
        toml: quiz_to_toml(&imported.quiz, &header, &imported.media),
        report: imported.notes.iter().map(|n| n.located(file)).collect(),
        quiz: imported.quiz,
    })
}

/// One quiz of a course as GIFT; `media_names` (made by `media::media_names`) lets what it says
/// about media name the files as the course's `media/` folder does.
pub fn export_quiz(course: &Course, quiz_id: &str, media_names: &MediaNames) -> Result<Exported, String> {
    match course.quiz(quiz_id) {
        Some(quiz) => Ok(quiz_to_gift(quiz, media_names)),
        None => {
            let ids: Vec<&str> = course.quizzes.iter().map(|q| q.id.as_ref()).collect();
            Err(format!("no quiz `{quiz_id}` in the course; its quizzes are: {}", ids.join(", ")))
        }
    }
}

//! What a content problem says, as data: the command line prints it in English
//! (`Display`, written once here), and Tere Studio words each kind in the trainer's
//! language next to the field it concerns. A new kind of problem is a compile error
//! in the Studio until it is worded there.

use std::fmt;

use tere_engine::model::{MAX_CHOICES, MAX_HINTS, MAX_TRIES};

use crate::kinds;

/// One problem validation found, with the values its message names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Said {
    /// `lang` is not one the widget has words for.
    LangUnsupported {
        lang: String,
    },
    PassMarkOutOfRange {
        value: i64,
    },
    NoQuestions,
    DrawOutOfRange {
        draw: i64,
        pool: usize,
    },
    DrawPerSectionNeedsDraw,
    DrawPerSectionTooFew {
        sections: usize,
        draw: u16,
    },
    TriesOutOfRange {
        value: i64,
    },
    TryPenaltyNeedsTries,
    HintPenaltyWithoutHints,
    /// `try_penalty` or `hint_penalty` (the key) outside 0-100.
    PenaltyOutOfRange {
        key: &'static str,
        value: i64,
    },
    DuplicateQuestionId {
        id: String,
        first: String,
    },
    UnknownSection {
        seed: String,
        section: String,
    },
    EmptyHintList,
    TooManyHints {
        count: usize,
    },
    UnknownType {
        name: String,
    },
    /// A field (its key) the question's type does not use.
    FieldNotUsed {
        key: String,
        kind: String,
    },
    TooFewOptions {
        kind: String,
    },
    NoRightOption,
    NotOneRightOption {
        kind: String,
        found: usize,
    },
    TrueFalseNeedsAnswer,
    EmptySpeakerName,
    BadSpeaker,
    TooManyOptions,
    /// An ordering's items or a matching's pairs: too few or too many.
    CountOutOfRange {
        what: Listed,
        found: usize,
    },
    NotDistinct {
        what: Listed,
    },
    BadId {
        what: &'static str,
        id: String,
    },
    /// A text field (its key, or "option text") left blank.
    Empty {
        key: &'static str,
    },
    /// A text field still holding the template text a new part was written with.
    Placeholder {
        key: &'static str,
        text: String,
    },
    /// A field the question's type needs is missing.
    Missing {
        key: &'static str,
    },
    DuplicateQuizId {
        id: String,
        other: String,
    },
    NoQuizzesListed,
    NotListed,
    CannotRead {
        why: String,
    },
    /// Anything else: TOML syntax, an unknown key, a wrong value type… (the parser's
    /// words), and the lint's `allow` checks. Only files edited by hand meet these.
    Other(String),
}

/// What a count or "all different" problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listed {
    Items,
    PairRights,
}

impl From<String> for Said {
    fn from(message: String) -> Said {
        Said::Other(message)
    }
}

impl From<&str> for Said {
    fn from(message: &str) -> Said {
        Said::Other(message.to_string())
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Said::LangUnsupported { lang } => write!(f, "lang `{lang}` is not supported; use one of {}", crate::LANGUAGES.join(", ")),
            Said::PassMarkOutOfRange { value } => write!(f, "pass_mark {value} is out of range; it is a percent from 0 to 100"),
            Said::NoQuestions => f.write_str("the quiz has no questions; add at least one [[question]]"),
            Said::DrawOutOfRange { draw, pool } => {
                let pool_words = if *pool == 1 { "1 question".to_string() } else { format!("{pool} questions") };
                write!(f, "draw = {draw} but the pool has {pool_words}; draw from 1 to {pool}")
            }
            Said::DrawPerSectionNeedsDraw => f.write_str("draw_per_section = true needs `draw` (how many questions an attempt draws); without `draw` every attempt asks every question; add `draw = N` or remove draw_per_section"),
            Said::DrawPerSectionTooFew { sections, draw } => write!(f, "draw_per_section = true takes one question from each of the {sections} sections this quiz's questions cite, but draw = {draw}; raise `draw` to at least {sections} or remove draw_per_section"),
            Said::TriesOutOfRange { value } => write!(f, "tries = {value} is out of range; a question may be checked from 1 to {MAX_TRIES} times"),
            Said::TryPenaltyNeedsTries => f.write_str("try_penalty needs `tries` above 1 (without it every question is checked once, so no try is ever penalised); add `tries = 2` or remove try_penalty"),
            Said::HintPenaltyWithoutHints => f.write_str("hint_penalty is set but no question of this quiz has a `hint`; give a question `hint = [\"…\"]` or remove hint_penalty"),
            Said::PenaltyOutOfRange { key, value } => write!(f, "{key} = {value} is out of range; it is a percent of the question's credit, from 0 to 100"),
            Said::DuplicateQuestionId { id, first } => write!(f, "duplicate question id `{id}` (first used at {first}); ids must be unique in the course"),
            Said::UnknownSection { seed, section } => write!(f, "source names no known section: seed `{seed}`, section `{section}`; list it in questions/sections.toml or fix the spelling"),
            Said::EmptyHintList => f.write_str("`hint` is an empty list; write at least one hint or remove the field"),
            Said::TooManyHints { count } => write!(f, "{count} hints; a question may have at most {MAX_HINTS}"),
            Said::UnknownType { name } => write!(f, "unknown question type `{name}`; use {}", kinds::listed()),
            Said::FieldNotUsed { key, kind } => write!(f, "`{key}` is not used by questions of type `{kind}`; remove it or change `type`"),
            Said::TooFewOptions { kind } => write!(f, "a `{kind}` question needs at least 2 [[question.option]] entries"),
            Said::NoRightOption => f.write_str("no correct option: mark at least one option with `correct = true`"),
            Said::NotOneRightOption { kind, found } => write!(f, "a `{kind}` question needs exactly one option with `correct = true`, found {found}"),
            Said::TrueFalseNeedsAnswer => f.write_str("a `true_false` question needs `answer = true` or `answer = false`"),
            Said::EmptySpeakerName => f.write_str("the speaker's `name` is empty; write who speaks, as the learner should see it (\"Juhataja\")"),
            Said::BadSpeaker => f.write_str("`speaker` is \"customer\" (the default), \"colleague\", or { name = \"…\" } for anyone else, such as { name = \"Juhataja\" }"),
            Said::TooManyOptions => write!(f, "too many options; at most {MAX_CHOICES}"),
            Said::CountOutOfRange { what, found } => write!(f, "needs from 2 to {MAX_CHOICES} {}, found {found}", what.name()),
            Said::NotDistinct { what } => write!(f, "{} must all be different, or the learner cannot tell them apart", what.name()),
            Said::BadId { what, id } => write!(f, "{what} id `{id}` may only use letters A-Z, a-z, digits and `_` (1-64 characters), so SCORM can carry it"),
            Said::Empty { key } => write!(f, "`{key}` is empty; write the text the learner should see"),
            Said::Placeholder { key, text } => write!(f, "`{key}` is still the placeholder \"{text}\"; write the text the learner should see"),
            Said::Missing { key } => write!(f, "this question type needs `{key}`"),
            Said::DuplicateQuizId { id, other } => write!(f, "duplicate quiz id `{id}` (also in {other})"),
            Said::NoQuizzesListed => f.write_str("`quizzes` is empty; list the quiz files in menu order"),
            Said::NotListed => f.write_str("this quiz file is not listed in `quizzes` in course.toml; add its name there or remove the file"),
            Said::CannotRead { why } => write!(f, "cannot read the file: {why}"),
            Said::Other(message) => f.write_str(message),
        }
    }
}

impl Listed {
    /// As the command line names them.
    fn name(self) -> &'static str {
        match self {
            Listed::Items => "items",
            Listed::PairRights => "[[question.pair]] entries (their `right` texts)",
        }
    }
}

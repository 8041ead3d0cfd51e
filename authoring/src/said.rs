//! What a content problem says, as data: the command line prints it in English
//! (`Display`, written once here), and Tere Studio words each kind in the trainer's
//! language next to the field it concerns. A new kind of problem is a compile error
//! in the Studio until it is worded there.

use std::fmt;

use tere_engine::dialogue::{MAX_DIALOGUE_NODES, MAX_DIALOGUE_STEPS, MAX_REPLIES, MAX_REPLY_POINTS};
use tere_engine::media::MAX_SIDE;
use tere_engine::model::{MAX_CHOICES, MAX_HINTS, MAX_TRIES};

use crate::file_name::MAX_FILE_NAME_BYTES;
use crate::kinds;
use crate::media::{self, COURSE_FOLDER};

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
    /// A problem of a dialogue, at the part it concerns.
    Dialogue(DialogueSaid),
    /// A problem of a question's or step's `media`, at it.
    Media(MediaSaid),
    /// Anything else: TOML syntax, an unknown key, a wrong value type… (the parser's
    /// words), and the lint's `allow` checks. Only files edited by hand meet these.
    Other(String),
}

/// What is wrong with a dialogue (`type = "dialogue"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogueSaid {
    /// `mode` is neither "coach" nor "real".
    BadMode {
        value: String,
    },
    NoSteps,
    NoEndings,
    /// More steps, or more endings (`endings`), than a dialogue may have.
    TooManyParts {
        endings: bool,
        found: usize,
    },
    /// A step or ending id used twice in the dialogue.
    DuplicateId {
        id: String,
    },
    /// `mood` is not one of calm, impatient, annoyed, pleased.
    BadMood {
        value: String,
    },
    /// A step with fewer than 2 or more than `MAX_REPLIES` replies.
    Replies {
        step: String,
        found: usize,
    },
    /// `points` outside 0 to `MAX_REPLY_POINTS`.
    Points {
        value: i64,
    },
    /// Every reply of the step earns the same points: none is the best.
    NoBest {
        step: String,
    },
    /// `next` names no step or ending of this dialogue.
    UnknownNext {
        next: String,
    },
    /// A branch's `at_least` below 1 or above what a conversation can collect.
    Threshold {
        value: i64,
        most: u16,
    },
    /// A way from this step comes back to it: the conversation might never end.
    Loop {
        step: String,
    },
    /// A way through is longer than `MAX_DIALOGUE_STEPS` steps.
    TooLong,
    /// No way from the first step leads here.
    Unreachable {
        id: String,
    },
}

/// What is wrong with a `media = { … }` (a question's or a dialogue step's picture or sound).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MediaSaid {
    /// `file` is not a plain name of a file in the course's media folder (a path, `..`,
    /// a hidden or overlong name: `is_plain_file_name`).
    BadName { file: String },
    /// There is no such file: `path` is where it was looked for; `near`, a file there
    /// whose name differs only in case.
    Missing { path: String, near: Option<String> },
    /// What `media::check` found about the file's bytes: a refusal, or (as a warning
    /// beside the course, `Notice`) a large file.
    File(media::Problem),
    /// A picture wider or taller than `MAX_SIDE` CSS pixels.
    TooBig { width: u32, height: u32 },
    /// A picture with neither `alt` nor `decorative = true`.
    NoAlt,
    /// `alt` beside `decorative = true`.
    AltAndDecorative,
    /// A sound without `transcript`.
    NoTranscript,
    /// A picture's key (`alt`, `decorative`) on a sound.
    NotForSound { key: &'static str },
    /// `transcript` on a picture.
    TranscriptOnPicture,
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
            Said::Dialogue(said) => said.fmt(f),
            Said::Media(said) => said.fmt(f),
            Said::Other(message) => f.write_str(message),
        }
    }
}

impl fmt::Display for DialogueSaid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DialogueSaid::BadMode { value } => {
                write!(f, "mode `{value}` is unknown; use \"coach\" (feedback after each reply) or \"real\" (feedback in the debrief only)")
            }
            DialogueSaid::NoSteps => f.write_str("a dialogue needs at least one [[question.step]]"),
            DialogueSaid::NoEndings => f.write_str("a dialogue needs at least one [[question.ending]]"),
            DialogueSaid::TooManyParts { endings, found } => {
                write!(f, "{found} {}; a dialogue may have at most {MAX_DIALOGUE_NODES}", if *endings { "endings" } else { "steps" })
            }
            DialogueSaid::DuplicateId { id } => write!(f, "`{id}` names two parts of this dialogue; every step and ending needs its own id"),
            DialogueSaid::BadMood { value } => write!(f, "mood `{value}` is unknown; use calm, impatient, annoyed or pleased"),
            DialogueSaid::Replies { step, found } => write!(f, "step `{step}` has {found} replies; a step offers 2 to {MAX_REPLIES}"),
            DialogueSaid::Points { value } => write!(f, "points = {value} is out of range; a reply earns 0 to {MAX_REPLY_POINTS}"),
            DialogueSaid::NoBest { step } => write!(f, "every reply of step `{step}` earns the same points, so none is the best; give the best reply more"),
            DialogueSaid::UnknownNext { next } => write!(f, "`{next}` is no step or ending of this dialogue; name one by its id"),
            DialogueSaid::Threshold { value, most } => write!(f, "at_least = {value} is out of range; a conversation here collects 1 to {most} points"),
            DialogueSaid::Loop { step } => {
                write!(f, "a way from step `{step}` comes back to it, so the conversation might never end; lead it on to a later step or an ending")
            }
            DialogueSaid::TooLong => write!(f, "a way through this dialogue is longer than {MAX_DIALOGUE_STEPS} steps; shorten it"),
            DialogueSaid::Unreachable { id } => write!(f, "no way from the first step leads to `{id}`; lead a reply there or remove it"),
        }
    }
}

impl fmt::Display for MediaSaid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MediaSaid::BadName { file } => {
                write!(
                    f,
                    "`{file}` is not a plain file name (no folder, not starting with a dot, at most {MAX_FILE_NAME_BYTES} bytes); put the file in the course's {COURSE_FOLDER}/ folder and write its name alone, as `file = \"counter.svg\"`"
                )
            }
            MediaSaid::Missing { path, near: None } => write!(f, "there is no file {path}; put the picture or sound there, or fix the name"),
            MediaSaid::Missing { path, near: Some(near) } => {
                write!(f, "there is no file {path}, but there is `{near}`; names must match in upper and lower case too")
            }
            MediaSaid::File(problem) => problem.fmt(f),
            MediaSaid::TooBig { width, height } => {
                write!(f, "the picture is {width} × {height} pixels as shown, more than {MAX_SIDE} on a side; scale it down")
            }
            MediaSaid::NoAlt => f.write_str(
                "a picture needs `alt`, what it shows in words for a learner who cannot see it; or `decorative = true` when it says nothing the text does not",
            ),
            MediaSaid::AltAndDecorative => {
                f.write_str("`alt` and `decorative = true` together: a decorative picture is skipped by screen readers, so remove one of them")
            }
            MediaSaid::NoTranscript => f.write_str("a sound needs `transcript`, its words written out for a learner who cannot hear it"),
            MediaSaid::NotForSound { key } => write!(f, "`{key}` is for pictures, and this file is a sound; write its words as `transcript` instead"),
            MediaSaid::TranscriptOnPicture => f.write_str("`transcript` is for sounds, and this file is a picture; describe it as `alt` instead"),
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

//! The course content model. The player reads it from course packs (`packed`): its
//! texts borrow from the pack's bytes (`Cow::Borrowed`), so no text is copied and no
//! TOML is parsed at run time; the authoring side and tests build the same types with
//! owned values.

use std::borrow::Cow;

pub use crate::kind::Kind;
pub use crate::media::{Media, Shown};

pub type Text = Cow<'static, str>;
pub type List<T> = Cow<'static, [T]>;

/// Default pass mark in percent when a quiz does not set one.
pub const DEFAULT_PASS_MARK: u8 = 80;

/// Most tries a quiz may allow per question, and most hints a question may have
/// (the resume text keeps each count as one base-36 digit).
pub const MAX_TRIES: u8 = 5;
pub const MAX_HINTS: usize = 5;

/// Most options, items or pairs a question may have (answers keep indices as bytes).
pub const MAX_CHOICES: usize = 32;

#[derive(Clone, Debug, PartialEq)]
pub struct Course {
    pub title: Text,
    pub lang: Text,
    pub quizzes: List<Quiz>,
}

impl Quiz {
    /// The pass mark that holds: the one a host imposes (an LMS mastery score), else the quiz's own.
    pub fn pass_mark_with(&self, imposed: Option<u8>) -> u8 {
        imposed.unwrap_or(self.pass_mark)
    }

    /// A quiz with every setting a quiz file may leave out at its default: the pass
    /// mark, no draw, one try, no penalties (what validation gives an absent field).
    pub fn with_defaults(id: Text, title: Text, lang: Text, intro: Text, questions: List<Question>) -> Quiz {
        Quiz { id, title, lang, intro, pass_mark: DEFAULT_PASS_MARK, draw: None, draw_per_section: false, tries: 1, try_penalty: 0, hint_penalty: 0, questions }
    }

    /// How many questions one attempt asks: `draw` of the pool, or all of them.
    pub fn questions_per_attempt(&self) -> usize {
        self.draw.map_or(self.questions.len(), |d| self.questions.len().min(d as usize))
    }

    /// How many sections the questions cite (`Question::topic` is below this).
    pub fn topics(&self) -> usize {
        self.questions.iter().map(|q| usize::from(q.topic) + 1).max().unwrap_or(0)
    }

    /// Every picture and sound its questions show (a question's own, then its dialogue
    /// steps'), in question order; a file shown twice is listed twice.
    pub fn media(&self) -> impl Iterator<Item = &Media> {
        self.questions.iter().flat_map(|q| q.media.iter().chain(q.kind.media()))
    }

    /// Whether the quiz has a score that means something (not reflections only).
    pub fn is_graded(&self) -> bool {
        self.questions.iter().any(|q| q.kind.is_graded())
    }
}

impl Course {
    pub fn quiz(&self, id: &str) -> Option<&Quiz> {
        self.quizzes.iter().find(|q| q.id == id)
    }
}

/// One stage quiz: what a SCORM package turns into one SCO.
#[derive(Clone, Debug, PartialEq)]
pub struct Quiz {
    /// Stable identifier, `[A-Za-z0-9_]`, used in URLs, SCORM and saved state.
    pub id: Text,
    pub title: Text,
    /// BCP 47 language of the content (`et`, `fi`).
    pub lang: Text,
    pub intro: Text,
    /// Percent (0-100) needed to pass.
    pub pass_mark: u8,
    /// When set, each attempt draws this many questions from the pool.
    pub draw: Option<u16>,
    /// A drawing quiz takes at least one question of every section its questions cite
    /// (`Question::topic`), so no attempt misses a whole topic. Validated: `draw` is set
    /// and at least the number of sections.
    pub draw_per_section: bool,
    /// How many times the learner may check each question (1-5): with more than one,
    /// a wrong or partly right check lets them try again before the answer is shown.
    pub tries: u8,
    /// Percent of a question's credit lost per try after the first (0-100; see `score`).
    pub try_penalty: u8,
    /// Percent of a question's credit lost per hint shown (0-100; see `score`).
    pub hint_penalty: u8,
    pub questions: List<Question>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: Text,
    pub text: Text,
    pub kind: Kind,
    /// Why the right answer is right; shown after checking.
    pub explanation: Text,
    /// Hints the learner may ask for, one at a time, before checking (at most `MAX_HINTS`).
    pub hints: List<Text>,
    pub source: Source,
    /// Which of its quiz's cited sections the question teaches: the number of its
    /// `source` among the distinct sources of the quiz, in order of first citation.
    /// The widget has no `source` (it is not packed); a balanced draw groups by this.
    pub topic: u16,
    /// A picture or sound shown with the question.
    pub media: Option<Media>,
}

/// Where in the course material a question comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub seed: Text,
    pub section: Text,
}

/// Who speaks a scenario's line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Speaker {
    /// The customer (the default).
    Customer,
    /// A colleague of the learner.
    Colleague,
    /// Anyone else, by name or role as the content names them ("Juhataja").
    Named(Text),
}

impl Speaker {
    /// The speaker as plain text names them in the content's language (GIFT export):
    /// `None` for the customer, whose line needs no name.
    pub fn label(&self, lang: &str) -> Option<&str> {
        match self {
            Speaker::Customer => None,
            Speaker::Colleague => Some(match lang {
                "et" => "Kolleeg",
                "fi" => "Kollega",
                _ => "Colleague",
            }),
            Speaker::Named(name) => Some(name),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub text: Text,
    pub correct: bool,
    /// Shown after checking, next to this option when the learner picked it
    /// (and for missed correct options).
    pub feedback: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub left: Text,
    pub right: Text,
}

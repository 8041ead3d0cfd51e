//! What a GIFT file holds, as the parser hands it over: Moodle's question types,
//! before any mapping to Tere.

/// One item of a GIFT file: a category switch or a question.
#[derive(Clone, Debug, PartialEq)]
pub enum GiftItem {
    /// `$CATEGORY: path`: the questions that follow go into this category.
    Category {
        line: usize,
        path: String,
    },
    Question(GiftQuestion),
}

#[derive(Clone, Debug, PartialEq)]
pub struct GiftQuestion {
    /// Line where the item starts.
    pub line: usize,
    /// `::title::`, escapes resolved.
    pub title: Option<String>,
    /// The question text; for a missing-word question the answer block's place
    /// is marked `_____`, as Moodle shows it.
    pub text: Markup,
    /// The answer block stood mid-sentence (Moodle's "missing word" format).
    pub missing_word: bool,
    pub answers: Answers,
    /// `####…` at the end of the answer block.
    pub general_feedback: Option<Markup>,
}

/// The answer block, classified the way Moodle's importer does.
#[derive(Clone, Debug, PartialEq)]
pub enum Answers {
    /// No answer block at all: a text shown between questions.
    Description,
    /// `{}`: a free-text answer.
    Essay,
    /// `{T}`, `{TRUE}`, `{F}`, `{FALSE}`, with `#feedback for a wrong answer#feedback for a right answer`.
    TrueFalse { answer: bool, wrong_feedback: Option<Markup>, right_feedback: Option<Markup> },
    /// `{=right ~wrong ~%50%partly right}`: any `~` makes a multiple choice.
    Choice(Vec<Answer>),
    /// `{=left -> right …}`.
    Matching(Vec<MatchPair>),
    /// `{=one =other}` or `{one}`: the learner types the answer.
    ShortAnswer(Vec<Answer>),
    /// `{#…}`: a number, kept as written.
    Numerical(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub line: usize,
    /// Written with `=` (otherwise `~`).
    pub marked_right: bool,
    /// `%N%` in percent, -100 to 100.
    pub weight: Option<f64>,
    pub text: Markup,
    pub feedback: Option<Markup>,
}

impl Answer {
    /// Right for Tere: `=`, or a positive weight (Moodle gives such an answer credit).
    pub fn earns_credit(&self) -> bool {
        self.marked_right || self.weight.is_some_and(|w| w > 0.0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchPair {
    pub line: usize,
    /// Empty for Moodle's extra wrong right-hand answers (`= -> distractor`).
    pub left: Markup,
    pub right: String,
}

/// A text and the `[format]` marker it started with, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Markup {
    pub text: String,
    pub format: Option<Format>,
}

impl Markup {
    pub fn plain(text: impl Into<String>) -> Self {
        Markup { text: text.into(), format: None }
    }

    /// Reads a trimmed text, splitting off a leading `[html]`-style marker.
    pub fn marked(text: &str) -> Self {
        for format in Format::ALL {
            if let Some(rest) = text.strip_prefix('[').and_then(|t| t.strip_prefix(format.name())).and_then(|t| t.strip_prefix(']')) {
                return Markup { text: rest.trim().to_string(), format: Some(format) };
            }
        }
        Markup::plain(text)
    }
}

/// GIFT's text format markers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Moodle,
    Plain,
    Markdown,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Html, Format::Moodle, Format::Plain, Format::Markdown];

    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Moodle => "moodle",
            Format::Plain => "plain",
            Format::Markdown => "markdown",
        }
    }
}

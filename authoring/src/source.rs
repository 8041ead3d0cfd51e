//! The TOML schema of content files as authors write them (see questions/README.md).
//! Spans are kept so that every problem can be reported with file and line.

use serde::Deserialize;
use toml::Spanned;

/// `questions/course.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseFile {
    pub title: Spanned<String>,
    pub lang: Spanned<String>,
    /// Quiz file stems in menu order.
    pub quizzes: Vec<Spanned<String>>,
}

/// `questions/sections.toml`: every section of the course material that questions may cite.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionsFile {
    #[serde(rename = "section")]
    pub sections: Vec<Spanned<SectionSrc>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct SectionSrc {
    pub seed: String,
    pub heading: String,
    /// The parent section of a sub-point.
    pub within: Option<String>,
}

/// One quiz file, `questions/<quiz>.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizFile {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub lang: Spanned<String>,
    pub intro: Spanned<String>,
    pub pass_mark: Option<Spanned<i64>>,
    pub draw: Option<Spanned<i64>>,
    /// Each attempt takes at least one question of every cited section; checked in `validate`.
    pub draw_per_section: Option<Spanned<bool>>,
    /// Checks allowed per question (1-5, default 1); checked in `validate`.
    pub tries: Option<Spanned<i64>>,
    /// Percent of a question's credit lost per try after the first; needs `tries` > 1.
    pub try_penalty: Option<Spanned<i64>>,
    /// Percent of a question's credit lost per hint shown; needs a question with a hint.
    pub hint_penalty: Option<Spanned<i64>>,
    /// Silences one quiz-wide item-writing warning, with the reason (see `lint`).
    pub allow: Option<Spanned<AllowSrc>>,
    #[serde(rename = "question", default)]
    pub questions: Vec<Spanned<QuestionSrc>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSrc {
    pub id: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    pub text: Spanned<String>,
    pub explanation: Spanned<String>,
    /// Hints shown one at a time on request, before checking (`hint = ["…", …]`).
    #[serde(rename = "hint")]
    pub hints: Option<Spanned<Vec<Spanned<String>>>>,
    pub source: Spanned<SourceSrc>,
    #[serde(rename = "option")]
    pub options: Option<Vec<Spanned<OptionSrc>>>,
    pub answer: Option<Spanned<bool>>,
    pub feedback_true: Option<Spanned<String>>,
    pub feedback_false: Option<Spanned<String>>,
    pub items: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(rename = "pair")]
    pub pairs: Option<Vec<Spanned<PairSrc>>>,
    /// A scenario's line of dialogue. `customer`, its name before speakers existed,
    /// is still read, so that course files written then keep working.
    #[serde(alias = "customer")]
    pub line: Option<Spanned<String>>,
    /// Who says the `line` (a dialogue's lines): "customer" (default), "colleague" or
    /// `{ name = "…" }`; checked in `validate`.
    pub speaker: Option<Spanned<toml::Value>>,
    /// A dialogue's feedback: "coach" (after each reply) or "real" (in the debrief only).
    pub mode: Option<Spanned<String>>,
    /// A dialogue's steps; the first is where it starts.
    #[serde(rename = "step")]
    pub steps: Option<Vec<Spanned<StepSrc>>>,
    /// A dialogue's endings.
    #[serde(rename = "ending")]
    pub endings: Option<Vec<Spanned<EndingSrc>>>,
    /// Silences one item-writing warning about this question, with the reason (see `lint`).
    pub allow: Option<Spanned<AllowSrc>>,
    /// A picture or sound shown with the question (any type).
    pub media: Option<Spanned<MediaSrc>>,
}

/// `[[question.step]]`: the other person's line and the learner's replies.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSrc {
    pub id: Spanned<String>,
    pub line: Spanned<String>,
    /// "calm", "impatient", "annoyed" or "pleased"; checked in `kinds`.
    pub mood: Option<Spanned<String>>,
    /// Who says this line, when not the dialogue's speaker.
    pub speaker: Option<Spanned<toml::Value>>,
    /// The section of the material this step practises.
    pub source: Spanned<SourceSrc>,
    /// A picture or sound shown with the step's line.
    pub media: Option<Spanned<MediaSrc>>,
    #[serde(rename = "reply", default)]
    pub replies: Vec<Spanned<ReplySrc>>,
}

/// `[[question.step.reply]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplySrc {
    pub text: Spanned<String>,
    pub points: Spanned<i64>,
    pub feedback: Spanned<String>,
    /// The id of the step or ending it leads to.
    pub next: Spanned<String>,
    /// Other ways on by the points collected so far, checked in order.
    #[serde(default)]
    pub branch: Vec<Spanned<BranchSrc>>,
}

/// `branch = [{ at_least = 4, next = "…" }]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BranchSrc {
    pub at_least: Spanned<i64>,
    pub next: Spanned<String>,
}

/// `[[question.ending]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndingSrc {
    pub id: Spanned<String>,
    pub line: Spanned<String>,
    pub mood: Option<Spanned<String>>,
    /// Whether the conversation went well (false when left out).
    pub good: Option<Spanned<bool>>,
    pub debrief: Spanned<String>,
}

/// `media = { file = "counter.svg", alt = "…" }`, `{ file = "…", decorative = true }`
/// or `{ file = "complaint.mp3", transcript = "…" }`: a file of the course folder's
/// `media/`, named relative to it. Which keys go with which kind of file is checked in
/// `media_field`, once the file's kind is known from its bytes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaSrc {
    pub file: Spanned<String>,
    /// A picture's text for a learner who cannot see it.
    pub alt: Option<Spanned<String>>,
    /// A picture that says nothing the text does not: no `alt`, screen readers skip it.
    pub decorative: Option<Spanned<bool>>,
    /// A sound's words, written out.
    pub transcript: Option<Spanned<String>>,
}

/// `allow = { rule = "…", reason = "…" }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowSrc {
    pub rule: Spanned<String>,
    pub reason: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSrc {
    pub seed: String,
    pub section: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionSrc {
    pub text: Spanned<String>,
    #[serde(default)]
    pub correct: bool,
    pub feedback: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairSrc {
    pub left: Spanned<String>,
    pub right: Spanned<String>,
}

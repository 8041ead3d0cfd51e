use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::said::Said;

/// A problem in a content file, located for the author.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// What it says, in English (`said` as the command line prints it).
    pub message: String,
    /// What it says, as data, for the Studio to word in the trainer's language.
    pub said: Said,
}

impl ContentError {
    pub fn new(file: PathBuf, line: usize, column: usize, said: impl Into<Said>) -> ContentError {
        let said = said.into();
        ContentError { file, line, column, message: said.to_string(), said }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file.display(), self.line, self.column, self.message)
    }
}

/// What validation found that is worth a look but does not stop the course: a media
/// file above 200 KB (`media::WARN_ABOVE`). Located and said as an error is, so the
/// Studio can word it at its field; the course loads, packs and publishes. It is no
/// item-writing warning (`Warning`): no `allow` silences it; `cargo xtask check
/// --strict` fails on it as on those.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// What it says, in English.
    pub message: String,
    pub said: Said,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: warning: {}", self.file.display(), self.line, self.column, self.message)
    }
}

/// An item-writing flaw found by `lint`, located for the author. Content with
/// warnings is valid; `cargo xtask check --strict` refuses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The lint rule (what an `allow` names), or `unused_allow`.
    pub rule: &'static str,
    pub quiz: String,
    /// The question it is about; `None` for the quiz as a whole.
    pub question: Option<String>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: warning: ", self.file.display(), self.line, self.column)?;
        match &self.question {
            Some(q) => write!(f, "question `{q}`")?,
            None => write!(f, "quiz `{}`", self.quiz)?,
        }
        write!(f, ": {} (rule `{}`)", self.message, self.rule)
    }
}

/// Collects errors for one file, turning byte spans into line and column.
pub struct Reporter<'a> {
    pub file: &'a Path,
    pub text: &'a str,
    pub errors: &'a mut Vec<ContentError>,
}

impl Reporter<'_> {
    pub fn at(&mut self, span: Range<usize>, said: impl Into<Said>) {
        let (line, column) = line_column(self.text, span.start);
        self.errors.push(ContentError::new(self.file.to_path_buf(), line, column, said));
    }

    /// A `Notice` at `span` of this file (kept apart from the errors: it stops nothing).
    pub fn notice(&self, span: Range<usize>, said: impl Into<Said>) -> Notice {
        let (line, column) = line_column(self.text, span.start);
        let said = said.into();
        Notice { file: self.file.to_path_buf(), line, column, message: said.to_string(), said }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

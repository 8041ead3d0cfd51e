use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A problem in a content file, located for the author.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file.display(), self.line, self.column, self.message)
    }
}

/// Collects errors for one file, turning byte spans into line and column.
pub struct Reporter<'a> {
    pub file: &'a Path,
    pub text: &'a str,
    pub errors: &'a mut Vec<ContentError>,
}

impl Reporter<'_> {
    pub fn at(&mut self, span: Range<usize>, message: impl Into<String>) {
        let (line, column) = line_column(self.text, span.start);
        self.errors.push(ContentError { file: self.file.to_path_buf(), line, column, message: message.into() });
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

//! Validation for the editor: the CLI's errors, each pointed at the field it is about.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml_edit::{ImDocument, Item, Table, Value};

use super::{keys, Draft, Field, Seg};
use crate::Said;
use crate::{load_course_files, ContentError, Notice, Warning};

/// An error of the draft, as `cargo xtask check` reports it, and the field it is about:
/// the innermost field whose key or value holds the error's position (a question's
/// `text`, an option's table, an entry of `quizzes`…). `None` when it is about no
/// field: a file that is not TOML, a file course.toml does not list, an empty `quizzes`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub error: ContentError,
    pub at: Option<Field>,
}

/// An item-writing warning of the draft (`lint`), and the field it is about: advice,
/// not a problem; publishing does not wait for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advice {
    pub warning: Warning,
    pub at: Option<Field>,
}

/// A notice of the draft (a large media file, `LoadedCourse::notices`) and the field
/// it is about: worth a look, and publishing does not wait for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Noted {
    pub notice: Notice,
    pub at: Option<Field>,
}

/// What validating the draft found: its problems, or (when it has none) the lint's
/// advice and the notices.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checked {
    pub problems: Vec<Problem>,
    pub advice: Vec<Advice>,
    pub notices: Vec<Noted>,
}

impl Draft {
    /// Validates the draft as `load_course` validates a folder: no problems means it
    /// loads and can be published. Lint warnings are not problems.
    pub fn check(&self) -> Vec<Problem> {
        self.check_all().problems
    }

    /// `check`, with the lint's warnings when the draft loads (the lint needs the course).
    pub fn check_all(&self) -> Checked {
        // Each file is parsed for its spans once, however many errors it has.
        let mut parsed: HashMap<String, Option<ImDocument<&str>>> = HashMap::new();
        match load_course_files(&self.files) {
            Ok(loaded) => Checked {
                problems: Vec::new(),
                notices: loaded
                    .notices
                    .into_iter()
                    .map(|notice| {
                        let at = self.locate(&notice.file, notice.line, notice.column, &mut parsed);
                        Noted { notice, at }
                    })
                    .collect(),
                advice: loaded
                    .warnings
                    .into_iter()
                    .map(|warning| {
                        let at = self.locate(&warning.file, warning.line, warning.column, &mut parsed);
                        Advice { warning, at }
                    })
                    .collect(),
            },
            Err(errors) => Checked {
                problems: errors
                    .into_iter()
                    .map(|error| {
                        let at = self.locate(&error.file, error.line, error.column, &mut parsed).map(|at| beside_its_boxes(&error.said, at));
                        Problem { error, at }
                    })
                    .collect(),
                advice: Vec::new(),
                notices: Vec::new(),
            },
        }
    }

    /// The innermost field at a line and column of a file.
    fn locate<'a>(&'a self, path: &Path, line: usize, column: usize, parsed: &mut HashMap<String, Option<ImDocument<&'a str>>>) -> Option<Field> {
        let file = path.strip_prefix(&self.files.base).ok()?.to_str()?.to_string();
        let text = self.files.files.get(&file)?;
        let offset = offset(text, line, column);
        let doc = parsed.entry(file.clone()).or_insert_with(|| ImDocument::parse(text.as_str()).ok()).as_ref()?;
        let mut best: Option<(Vec<Seg>, usize)> = None;
        walk_table(doc.as_table(), &mut Vec::new(), offset, &mut best);
        best.map(|(path, _)| Field { file, path })
    }
}

/// A problem with which options are right is reported at the question's `type` (the
/// file has no place for "the options" as a whole); the editor shows it beside the
/// right-answer boxes, at the question's `option` list.
fn beside_its_boxes(said: &Said, at: Field) -> Field {
    let about_options = matches!(said, Said::NoRightOption | Said::NotOneRightOption { .. } | Said::TooFewOptions { .. });
    match at.path.as_slice() {
        [question, index, Seg::Key(key)] if about_options && key == keys::TYPE => {
            Field { file: at.file.clone(), path: vec![question.clone(), index.clone(), Seg::Key(keys::OPTION.into())] }
        }
        _ => at,
    }
}

/// The byte offset of a 1-based line and column (in characters), as `error::line_column` counts them.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let start = if line <= 1 { 0 } else { text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1) };
    text[start..].char_indices().nth(column.saturating_sub(1)).map_or(text.len(), |(i, _)| start + i)
}

/// Keeps `path` as the best match when `span` holds `offset` and it is deeper (or, as
/// deep, narrower) than the best so far.
fn consider(path: &[Seg], span: Option<Range<usize>>, offset: usize, best: &mut Option<(Vec<Seg>, usize)>) {
    let Some(span) = span else { return };
    let holds = span.start <= offset && (offset < span.end || offset == span.start);
    if !holds {
        return;
    }
    let width = span.end - span.start;
    let better = match best {
        None => true,
        Some((p, w)) => path.len() > p.len() || (path.len() == p.len() && width < *w),
    };
    if better {
        *best = Some((path.to_vec(), width));
    }
}

fn walk_table(table: &Table, path: &mut Vec<Seg>, offset: usize, best: &mut Option<(Vec<Seg>, usize)>) {
    for (key, item) in table.iter() {
        path.push(Seg::Key(key.to_string()));
        consider(path, table.key(key).and_then(|k| k.span()), offset, best);
        match item {
            Item::Value(v) => walk_value(v, path, offset, best),
            Item::Table(t) => {
                consider(path, t.span(), offset, best);
                walk_table(t, path, offset, best);
            }
            Item::ArrayOfTables(a) => {
                for (i, t) in a.iter().enumerate() {
                    path.push(Seg::Index(i));
                    consider(path, t.span(), offset, best);
                    walk_table(t, path, offset, best);
                    path.pop();
                }
            }
            Item::None => {}
        }
        path.pop();
    }
}

fn walk_value(value: &Value, path: &mut Vec<Seg>, offset: usize, best: &mut Option<(Vec<Seg>, usize)>) {
    consider(path, value.span(), offset, best);
    match value {
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                path.push(Seg::Index(i));
                walk_value(v, path, offset, best);
                path.pop();
            }
        }
        Value::InlineTable(t) => {
            for (key, v) in t.iter() {
                path.push(Seg::Key(key.to_string()));
                consider(path, t.key(key).and_then(|k| k.span()), offset, best);
                walk_value(v, path, offset, best);
                path.pop();
            }
        }
        _ => {}
    }
}

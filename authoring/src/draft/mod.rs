//! A course being edited in memory, as its TOML source files: what Tere Studio edits with
//! forms and publishes, in the browser, with no filesystem.
//!
//! Every edit goes through `toml_edit`, so the parts of a file it does not touch keep
//! their formatting and comments byte for byte. An edit that fails (`EditError`) leaves
//! the draft as it was. `check` validates the draft exactly as `cargo xtask check` does
//! and points each problem at the field it is about, for the form to show it there.

mod array;
mod check;
mod course;
mod dialogue;
pub mod keys;
mod media;
mod path;
mod preview;
pub(crate) mod question;

use std::collections::BTreeMap;
use std::fmt;

use toml_edit::{Array, DocumentMut, Item, Value};

pub use crate::kinds::KINDS;
use crate::CourseFiles;
pub use check::{Advice, Checked, Noted, Problem};
pub use media::plain_media_name;
pub use path::{Field, Seg};
pub use question::is_placeholder;
pub use question::SpeakerChoice;

use path::{Node, NodeMut};

/// The course's source files as text, edited field by field.
#[derive(Clone, Debug)]
pub struct Draft {
    files: CourseFiles,
    /// Each file parsed, or why it does not parse (then it can only be replaced whole).
    docs: BTreeMap<String, Result<DocumentMut, String>>,
}

/// Why an edit was refused; the draft is then unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The course has no file of that name.
    NoFile(String),
    /// The file is not valid TOML (the parser's message), so its fields cannot be edited.
    NotToml { file: String, message: String },
    /// Nothing stands at that path (or at the path that should hold it).
    NoField(Field),
    /// An index past the end of an array.
    OutOfRange { field: Field, index: usize, len: usize },
    /// The field holds another kind of value than the edit writes or expects.
    WrongType { field: Field, expected: &'static str },
    /// A value the course cannot take, said in plain words.
    Invalid(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NoFile(file) => write!(f, "the course has no file {file}"),
            EditError::NotToml { file, message } => write!(f, "{file} is not valid TOML, so it cannot be edited field by field: {message}"),
            EditError::NoField(field) => write!(f, "{field}: there is no such field"),
            EditError::OutOfRange { field, index, len } => write!(f, "{field}: there is no element {index}; it has {len}"),
            EditError::WrongType { field, expected } => write!(f, "{field}: this edit needs {expected} there"),
            EditError::Invalid(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for EditError {}

impl Draft {
    /// A draft of these files, unchanged until edited.
    pub fn new(files: CourseFiles) -> Draft {
        let docs = files.files.iter().map(|(name, text)| (name.clone(), parse(text))).collect();
        Draft { files, docs }
    }

    /// The files as they now stand.
    pub fn files(&self) -> &CourseFiles {
        &self.files
    }

    /// Replaces (or adds) a whole file, as a text editor or an import would.
    pub fn set_file(&mut self, file: &str, text: &str) {
        self.files.files.insert(file.to_string(), text.to_string());
        self.docs.insert(file.to_string(), parse(text));
    }

    /// The files in a stable order: course.toml, sections.toml, the quiz files in the
    /// order course.toml lists them, then any other file by name. This is the TOML
    /// export, and what a package carries.
    pub fn export(&self) -> Vec<(String, String)> {
        let mut names: Vec<String> = vec!["course.toml".into(), "sections.toml".into()];
        names.extend(self.quiz_files().into_iter().map(|(_, file)| file));
        let mut out: Vec<(String, String)> = Vec::new();
        for name in names {
            if let Some(text) = self.files.files.get(&name) {
                if !out.iter().any(|(n, _)| *n == name) {
                    out.push((name, text.clone()));
                }
            }
        }
        for (name, text) in &self.files.files {
            if !out.iter().any(|(n, _)| n == name) {
                out.push((name.clone(), text.clone()));
            }
        }
        out
    }

    // Reading. Each returns `None` (or nothing) when the field is absent or of another kind.

    /// A text field.
    pub fn get_str(&self, field: &Field) -> Option<String> {
        self.value(field)?.as_str().map(str::to_string)
    }

    /// A `true`/`false` field.
    pub fn get_bool(&self, field: &Field) -> Option<bool> {
        self.value(field)?.as_bool()
    }

    /// An integer field.
    pub fn get_int(&self, field: &Field) -> Option<i64> {
        self.value(field)?.as_integer()
    }

    /// A list of texts, such as `items` or `hint`.
    pub fn get_str_list(&self, field: &Field) -> Option<Vec<String>> {
        self.value(field)?.as_array()?.iter().map(|v| v.as_str().map(str::to_string)).collect()
    }

    /// How many elements an array (`items`, `hint`, `quizzes`) or array of tables
    /// (`question`, `option`, `pair`) has; 0 when it is absent.
    pub fn len(&self, field: &Field) -> usize {
        self.node(field).map_or(0, |n| n.len())
    }

    /// Whether something stands at `field`.
    pub fn exists(&self, field: &Field) -> bool {
        self.node(field).is_some()
    }

    /// The quizzes course.toml lists, in menu order: the name it lists (the quiz's id,
    /// which is also its file name without `.toml`) and the file name.
    pub fn quiz_files(&self) -> Vec<(String, String)> {
        self.get_str_list(&Field::file("course.toml").key("quizzes")).unwrap_or_default().into_iter().map(|id| (id.clone(), format!("{id}.toml"))).collect()
    }

    /// The sections questions may cite, from sections.toml: (seed, heading).
    pub fn sections(&self) -> Vec<(String, String)> {
        let list = Field::file("sections.toml").key("section");
        (0..self.len(&list))
            .filter_map(|i| {
                let s = list.clone().index(i);
                Some((self.get_str(&s.clone().key("seed"))?, self.get_str(&s.key("heading"))?))
            })
            .collect()
    }

    // Editing. Each leaves the draft unchanged when it fails.

    /// Sets a text field, adding the key when its table has none.
    pub fn set_str(&mut self, field: &Field, text: &str) -> Result<(), EditError> {
        self.set_value(field, Value::from(text))
    }

    /// Sets a `true`/`false` field, adding the key when its table has none.
    pub fn set_bool(&mut self, field: &Field, value: bool) -> Result<(), EditError> {
        self.set_value(field, Value::from(value))
    }

    /// Sets an integer field, adding the key when its table has none.
    pub fn set_int(&mut self, field: &Field, value: i64) -> Result<(), EditError> {
        self.set_value(field, Value::from(value))
    }

    /// Sets a list of texts (`items`, `hint`), keeping the list's layout (one a line or
    /// all on one) when it exists; adds it on one line when it does not.
    pub fn set_str_list(&mut self, field: &Field, texts: &[String]) -> Result<(), EditError> {
        let (parent, last) = field.split_last().ok_or_else(|| EditError::NoField(field.clone()))?;
        self.edit(&field.file, |doc| match root(doc).find(&field.path) {
            Some(NodeMut::Item(Item::Value(Value::Array(a))) | NodeMut::Value(Value::Array(a))) => {
                array::set_strings(a, texts);
                Ok(())
            }
            Some(_) => Err(EditError::WrongType { field: field.clone(), expected: "a list" }),
            None => {
                let node = root(doc).find(&parent.path).ok_or_else(|| EditError::NoField(parent.clone()))?;
                put(node, last, Value::Array(texts.iter().collect::<Array>()), field)
            }
        })
    }

    /// Removes a key of a table, or an element of an array or array of tables (a
    /// question, an option, a hint…).
    pub fn remove(&mut self, field: &Field) -> Result<(), EditError> {
        let (parent, last) = field.split_last().ok_or_else(|| EditError::NoField(field.clone()))?;
        self.edit(&field.file, |doc| {
            let node = root(doc).find(&parent.path).ok_or_else(|| EditError::NoField(parent.clone()))?;
            let missing = || EditError::NoField(field.clone());
            let out_of = |index: usize, len: usize| EditError::OutOfRange { field: parent.clone(), index, len };
            match (node, last) {
                (NodeMut::Table(t) | NodeMut::Item(Item::Table(t)), Seg::Key(k)) => t.remove(k).map(drop).ok_or_else(missing),
                (NodeMut::Item(Item::ArrayOfTables(a)), Seg::Index(i)) if *i < a.len() => {
                    a.remove(*i);
                    Ok(())
                }
                (NodeMut::Item(Item::ArrayOfTables(a)), Seg::Index(i)) => Err(out_of(*i, a.len())),
                (NodeMut::Item(Item::Value(v)) | NodeMut::Value(v), seg) => match (v, seg) {
                    (Value::InlineTable(t), Seg::Key(k)) => t.remove(k).map(drop).ok_or_else(missing),
                    (Value::Array(a), Seg::Index(i)) if *i < a.len() => {
                        array::remove(a, *i);
                        Ok(())
                    }
                    (Value::Array(a), Seg::Index(i)) => Err(out_of(*i, a.len())),
                    _ => Err(missing()),
                },
                _ => Err(missing()),
            }
        })
    }

    /// Moves the element `from` of an array or array of tables (`field`) to `to`, as
    /// the list reads after it was taken out: the questions of a quiz, its options…
    pub fn move_item(&mut self, field: &Field, from: usize, to: usize) -> Result<(), EditError> {
        self.edit(&field.file, |doc| {
            let node = root(doc).find(&field.path).ok_or_else(|| EditError::NoField(field.clone()))?;
            let len = match &node {
                NodeMut::Item(Item::ArrayOfTables(a)) => a.len(),
                NodeMut::Item(Item::Value(Value::Array(a))) | NodeMut::Value(Value::Array(a)) => a.len(),
                _ => return Err(EditError::WrongType { field: field.clone(), expected: "a list" }),
            };
            if let Some(&index) = [from, to].iter().find(|&&i| i >= len) {
                return Err(EditError::OutOfRange { field: field.clone(), index, len });
            }
            match node {
                NodeMut::Item(Item::ArrayOfTables(a)) => {
                    let mut tables: Vec<_> = std::mem::take(a).into_iter().collect();
                    let t = tables.remove(from);
                    tables.insert(to, t);
                    a.extend(tables);
                    array::renumber(doc);
                }
                NodeMut::Item(Item::Value(Value::Array(a))) | NodeMut::Value(Value::Array(a)) => array::move_to(a, from, to),
                _ => unreachable!("checked above"),
            }
            Ok(())
        })
    }

    // The plumbing.

    fn node(&self, field: &Field) -> Option<Node<'_>> {
        let doc = self.docs.get(&field.file)?.as_ref().ok()?;
        Node::Table(doc.as_table()).find(&field.path)
    }

    fn value(&self, field: &Field) -> Option<&Value> {
        self.node(field)?.value()
    }

    fn set_value(&mut self, field: &Field, value: Value) -> Result<(), EditError> {
        let (parent, last) = field.split_last().ok_or_else(|| EditError::NoField(field.clone()))?;
        self.edit(&field.file, |doc| {
            let node = root(doc).find(&parent.path).ok_or_else(|| EditError::NoField(parent.clone()))?;
            put(node, last, value, field)
        })
    }

    /// Runs `change` on a copy of `file`'s document and keeps the result only when it succeeds.
    fn edit<T>(&mut self, file: &str, change: impl FnOnce(&mut DocumentMut) -> Result<T, EditError>) -> Result<T, EditError> {
        let mut doc = match self.docs.get(file) {
            None => return Err(EditError::NoFile(file.to_string())),
            Some(Err(message)) => return Err(EditError::NotToml { file: file.to_string(), message: message.clone() }),
            Some(Ok(doc)) => doc.clone(),
        };
        let out = change(&mut doc)?;
        self.files.files.insert(file.to_string(), doc.to_string());
        self.docs.insert(file.to_string(), Ok(doc));
        Ok(out)
    }
}

fn parse(text: &str) -> Result<DocumentMut, String> {
    text.parse::<DocumentMut>().map_err(|e| e.message().trim().to_string())
}

fn root(doc: &mut DocumentMut) -> NodeMut<'_> {
    NodeMut::Table(doc.as_table_mut())
}

/// Sets `seg` of `node` to `new`: replaces a value of the same kind (keeping its layout
/// and any comment after it) or adds a key.
fn put(node: NodeMut, seg: &Seg, new: Value, field: &Field) -> Result<(), EditError> {
    match (node, seg) {
        (NodeMut::Table(t) | NodeMut::Item(Item::Table(t)), Seg::Key(k)) => match t.get_mut(k) {
            Some(Item::Value(old)) => replace(old, new, field),
            Some(_) => Err(EditError::WrongType { field: field.clone(), expected: "a single value" }),
            None => {
                t.insert(k, Item::Value(new));
                Ok(())
            }
        },
        (NodeMut::Item(Item::ArrayOfTables(a)), Seg::Index(i)) if *i < a.len() => {
            Err(EditError::WrongType { field: field.clone(), expected: "a single value" })
        }
        (NodeMut::Item(Item::ArrayOfTables(a)), Seg::Index(i)) => Err(EditError::OutOfRange { field: field.clone(), index: *i, len: a.len() }),
        (NodeMut::Item(Item::Value(v)) | NodeMut::Value(v), seg) => match (v, seg) {
            (Value::InlineTable(t), Seg::Key(k)) => match t.get_mut(k) {
                Some(old) => replace(old, new, field),
                None => {
                    t.insert(k, new);
                    Ok(())
                }
            },
            (Value::Array(a), Seg::Index(i)) => {
                let len = a.len();
                a.get_mut(*i).map_or(Err(EditError::OutOfRange { field: field.clone(), index: *i, len }), |old| replace(old, new, field))
            }
            _ => Err(EditError::NoField(field.clone())),
        },
        _ => Err(EditError::NoField(field.clone())),
    }
}

fn replace(old: &mut Value, mut new: Value, field: &Field) -> Result<(), EditError> {
    if old.type_name() != new.type_name() {
        let expected = match new.type_name() {
            "string" => "a text",
            "integer" => "a number",
            "boolean" => "true or false",
            "array" => "a list",
            _ => "that kind of value",
        };
        return Err(EditError::WrongType { field: field.clone(), expected });
    }
    *new.decor_mut() = old.decor().clone();
    *old = new;
    Ok(())
}

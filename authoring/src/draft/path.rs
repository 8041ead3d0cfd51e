//! Where a value stands in a course's files, and how to reach it in a `toml_edit` document.

use std::fmt;

use toml_edit::{Item, Table, Value};

/// One step of a `Field`'s path: a key of a table, or an element of an array or array of tables.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A value (or table, or array) in one of the course's files, such as the text of a
/// question's first option: file `kontakti_loomine.toml`, path
/// `[Key("question"), Index(2), Key("option"), Index(0), Key("text")]`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub file: String,
    pub path: Vec<Seg>,
}

impl Field {
    /// A field of `file` by its path.
    pub fn new(file: impl Into<String>, path: Vec<Seg>) -> Field {
        Field { file: file.into(), path }
    }

    /// The whole file (an empty path): add keys with `key`.
    pub fn file(file: impl Into<String>) -> Field {
        Field::new(file, Vec::new())
    }

    /// The `index`th `[[question]]` of a quiz file.
    pub fn question(file: impl Into<String>, index: usize) -> Field {
        Field::file(file).key("question").index(index)
    }

    /// The index of the `[[question]]` this field is (or is in), if any.
    pub fn question_index(&self) -> Option<usize> {
        match self.path.as_slice() {
            [Seg::Key(key), Seg::Index(n), ..] if key == super::keys::QUESTION => Some(*n),
            _ => None,
        }
    }

    /// This field's `key`.
    pub fn key(mut self, key: &str) -> Field {
        self.path.push(Seg::Key(key.to_string()));
        self
    }

    /// This array's `index`th element.
    pub fn index(mut self, index: usize) -> Field {
        self.path.push(Seg::Index(index));
        self
    }

    /// The field that holds this one, and this one's last step (`None` for a whole file).
    pub fn split_last(&self) -> Option<(Field, &Seg)> {
        let (last, parent) = self.path.split_last()?;
        Some((Field::new(self.file.clone(), parent.to_vec()), last))
    }
}

impl fmt::Display for Field {
    /// `file: question[2].option[0].text`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.file)?;
        let mut first = true;
        for seg in &self.path {
            match seg {
                Seg::Key(k) if first => write!(f, " {k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
            first = false;
        }
        Ok(())
    }
}

/// A place in a document: an item of a table, a table of an array of tables, or an
/// element of an array or inline table.
#[derive(Clone, Copy)]
pub(crate) enum Node<'a> {
    Item(&'a Item),
    Table(&'a Table),
    Value(&'a Value),
}

impl<'a> Node<'a> {
    pub fn child(self, seg: &Seg) -> Option<Node<'a>> {
        match (self, seg) {
            (Node::Table(t) | Node::Item(Item::Table(t)), Seg::Key(k)) => t.get(k).map(Node::Item),
            (Node::Item(Item::ArrayOfTables(a)), Seg::Index(i)) => a.get(*i).map(Node::Table),
            (Node::Item(Item::Value(v)) | Node::Value(v), seg) => match (v, seg) {
                (Value::InlineTable(t), Seg::Key(k)) => t.get(k).map(Node::Value),
                (Value::Array(a), Seg::Index(i)) => a.get(*i).map(Node::Value),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn find(self, path: &[Seg]) -> Option<Node<'a>> {
        path.iter().try_fold(self, |node, seg| node.child(seg))
    }

    pub fn value(self) -> Option<&'a Value> {
        match self {
            Node::Item(Item::Value(v)) | Node::Value(v) => Some(v),
            _ => None,
        }
    }

    /// How many elements an array or array of tables has; 0 for anything else.
    pub fn len(self) -> usize {
        match self {
            Node::Item(Item::ArrayOfTables(a)) => a.len(),
            _ => self.value().and_then(|v| v.as_array()).map_or(0, |a| a.len()),
        }
    }
}

/// `Node` for editing.
pub(crate) enum NodeMut<'a> {
    Item(&'a mut Item),
    Table(&'a mut Table),
    Value(&'a mut Value),
}

impl<'a> NodeMut<'a> {
    pub fn child(self, seg: &Seg) -> Option<NodeMut<'a>> {
        match (self, seg) {
            (NodeMut::Table(t) | NodeMut::Item(Item::Table(t)), Seg::Key(k)) => t.get_mut(k).map(NodeMut::Item),
            (NodeMut::Item(Item::ArrayOfTables(a)), Seg::Index(i)) => a.get_mut(*i).map(NodeMut::Table),
            (NodeMut::Item(Item::Value(v)) | NodeMut::Value(v), seg) => match (v, seg) {
                (Value::InlineTable(t), Seg::Key(k)) => t.get_mut(k).map(NodeMut::Value),
                (Value::Array(a), Seg::Index(i)) => a.get_mut(*i).map(NodeMut::Value),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn find(self, path: &[Seg]) -> Option<NodeMut<'a>> {
        path.iter().try_fold(self, |node, seg| node.child(seg))
    }
}

//! Questions and their parts: new ones from templates that pass validation, copies,
//! and new options, pairs, items and hints.

use std::collections::HashSet;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::path::NodeMut;
use super::{array, put, root, Draft, EditError, Field, Seg};
use crate::is_plain_id;
use crate::kinds::{self, QuestionType, KINDS};

/// Placeholder texts in a quiz's language, for the author to overwrite (those a new
/// question's own fields use are read by `kinds::template`).
pub(crate) struct Words {
    pub intro: &'static str,
    pub(crate) text: &'static str,
    pub(crate) statement: &'static str,
    pub(crate) explanation: &'static str,
    pub(crate) right: &'static str,
    pub(crate) wrong: &'static str,
    pub(crate) new_option: &'static str,
    pub(crate) feedback: &'static str,
    pub(crate) feedback_true: &'static str,
    pub(crate) feedback_false: &'static str,
    pub(crate) line: &'static str,
    hint: &'static str,
    /// `{n}` is the item's number.
    pub(crate) step: &'static str,
    left: &'static str,
    right_match: &'static str,
}

pub(super) fn words(lang: &str) -> &'static Words {
    match lang {
        "et" => &Words {
            intro: "Kirjuta siia lause või kaks sellest, mida see test käsitleb.",
            text: "Kirjuta siia küsimus.",
            statement: "Kirjuta siia väide.",
            explanation: "Kirjuta siia, miks õige vastus on õige.",
            right: "Õige vastus",
            wrong: "Vale vastus",
            new_option: "Uus vastusevariant",
            feedback: "Kirjuta siia tagasiside sellele vastusevariandile.",
            feedback_true: "Kirjuta siia tagasiside vastusele „tõene“.",
            feedback_false: "Kirjuta siia tagasiside vastusele „väär“.",
            line: "Kirjuta siia, mida klient ütleb.",
            hint: "Kirjuta siia vihje.",
            step: "Samm {n}",
            left: "Olukord {n}",
            right_match: "Vaste {n}",
        },
        "fi" => &Words {
            intro: "Kirjoita tähän lause tai kaksi siitä, mitä tämä testi käsittelee.",
            text: "Kirjoita kysymys tähän.",
            statement: "Kirjoita väite tähän.",
            explanation: "Kirjoita tähän, miksi oikea vastaus on oikea.",
            right: "Oikea vastaus",
            wrong: "Väärä vastaus",
            new_option: "Uusi vastausvaihtoehto",
            feedback: "Kirjoita tähän palaute tästä vaihtoehdosta.",
            feedback_true: "Kirjoita tähän palaute vastaukseen ”tosi”.",
            feedback_false: "Kirjoita tähän palaute vastaukseen ”epätosi”.",
            line: "Kirjoita tähän, mitä asiakas sanoo.",
            hint: "Kirjoita vihje tähän.",
            step: "Vaihe {n}",
            left: "Tilanne {n}",
            right_match: "Vastine {n}",
        },
        _ => &Words {
            intro: "Write a sentence or two here on what this quiz covers.",
            text: "Write the question here.",
            statement: "Write the statement here.",
            explanation: "Write here why the right answer is right.",
            right: "Right answer",
            wrong: "Wrong answer",
            new_option: "New option",
            feedback: "Write the feedback on this option here.",
            feedback_true: "Write the feedback on the answer “true” here.",
            feedback_false: "Write the feedback on the answer “false” here.",
            line: "Write what the customer says here.",
            hint: "Write a hint here.",
            step: "Step {n}",
            left: "Situation {n}",
            right_match: "Match {n}",
        },
    }
}

/// Template texts the Studio wrote before they were worded anew (December 2026): a
/// draft saved in a browser before then may still hold them, and they must not reach
/// learners either.
const FORMER: [&str; 5] = [
    "Kirjuta siia tagasiside sellele vastusele.",
    "Kirjoita tähän palaute tästä vastauksesta.",
    "Kirjoita tähän palaute vastaukselle ”tosi”.",
    "Kirjoita tähän palaute vastaukselle ”epätosi”.",
    "Write the feedback on this answer here.",
];

/// Whether `text` is a placeholder a new question, option, item, pair, hint or quiz is
/// written with, in any language: text a trainer did not write, which must never reach
/// a learner (validation refuses it, so publishing waits until it is written over).
pub fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    if FORMER.contains(&text) {
        return true;
    }
    for lang in ["et", "fi", "en"] {
        let w = words(lang);
        let plain =
            [w.intro, w.text, w.statement, w.explanation, w.right, w.wrong, w.new_option, w.feedback, w.feedback_true, w.feedback_false, w.line, w.hint];
        if plain.contains(&text) {
            return true;
        }
        // "Samm {n}", "Olukord {n}", "Vaste {n}" with any number.
        for pattern in [w.step, w.left, w.right_match] {
            let (before, after) = pattern.split_once("{n}").unwrap_or((pattern, ""));
            let number = text.strip_prefix(before).and_then(|rest| rest.strip_suffix(after));
            if number.is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) {
                return true;
            }
        }
    }
    false
}

/// A TOML string literal.
pub(crate) fn quote(text: &str) -> String {
    Value::from(text).to_string()
}

/// `pattern` with its `{n}` replaced by `n`.
pub(crate) fn numbered(pattern: &str, n: usize) -> String {
    pattern.replace("{n}", &n.to_string())
}

/// The one table of the `key` array of tables in `text`.
pub(super) fn table(text: &str, key: &str) -> Table {
    let mut doc: DocumentMut = text.parse().expect("templates are valid TOML");
    match doc.remove(key) {
        Some(Item::ArrayOfTables(a)) => a.into_iter().next().expect("a template has one table"),
        _ => unreachable!("a template is an array of tables"),
    }
}

/// An `[[option]]` table as TOML text.
pub(crate) fn option_text(text: &str, correct: bool, feedback: &str) -> String {
    let correct = if correct { "correct = true\n" } else { "" };
    format!("\n[[option]]\ntext = {}\n{correct}feedback = {}\n", quote(text), quote(feedback))
}

/// The `n`th placeholder `[[pair]]` table as TOML text.
pub(crate) fn pair_text(w: &Words, n: usize) -> String {
    format!("\n[[pair]]\nleft = {}\nright = {}\n", quote(&numbered(w.left, n)), quote(&numbered(w.right_match, n)))
}

/// A `[[question]]` of type `t` that passes validation, citing `source` (seed, heading).
fn template(t: QuestionType, id: &str, source: &(String, String), w: &Words) -> Table {
    let own = kinds::template(t, w, source);
    let mut head = format!("\n[[question]]\nid = {}\ntype = {}\ntext = {}\n", quote(id), quote(t.name()), quote(own.text));
    head += &own.fields;
    head += &format!("explanation = {}\nsource = {{ seed = {}, section = {} }}\n", quote(w.explanation), quote(&source.0), quote(&source.1));
    let mut question = table(&head, "question");
    if !own.tables.is_empty() {
        // Every table of the type's (`[[option]]`, `[[pair]]`), whatever its name.
        let doc: DocumentMut = own.tables.parse().expect("templates are valid TOML");
        for (key, item) in doc.into_table() {
            question.insert(&key, item);
        }
    }
    question
}

/// What all `ids` begin with, up to (not including) a `_`: `kl` for `kl_a` and `kl_b_c`.
fn shared_prefix(ids: &[String]) -> Option<String> {
    let first = ids.first()?;
    let common = ids.iter().skip(1).fold(first.len(), |n, id| first.bytes().zip(id.bytes()).take(n).take_while(|(a, b)| a == b).count());
    let prefix = &first[..first.as_bytes()[..common].iter().rposition(|&b| b == b'_')?];
    is_plain_id(prefix).then(|| prefix.to_string())
}

impl Draft {
    /// Every question id of the course's quiz files.
    fn question_ids(&self) -> HashSet<String> {
        let mut ids = HashSet::new();
        for file in self.docs.keys() {
            let list = Field::file(file.as_str()).key("question");
            for i in 0..self.len(&list) {
                ids.extend(self.get_str(&list.clone().index(i).key("id")));
            }
        }
        ids
    }

    /// A question id that no quiz uses: `base_N` with the smallest N from `first`.
    fn unused_id(&self, base: &str, first: usize) -> String {
        let taken = self.question_ids();
        let base: String = base.chars().take(56).collect();
        (first..).map(|n| format!("{base}_{n}")).find(|id| !taken.contains(id)).expect("some number is free")
    }

    /// The section of the material the questions of `list` cite most (the first of
    /// those cited as often), as (seed, heading): a new question's likeliest section,
    /// not a section of another stage.
    fn most_cited(&self, list: &Field) -> Option<(String, String)> {
        let mut counts: Vec<((String, String), usize)> = Vec::new();
        for i in 0..self.len(list) {
            let source = list.clone().index(i).key("source");
            let (Some(seed), Some(heading)) = (self.get_str(&source.clone().key("seed")), self.get_str(&source.key("section"))) else { continue };
            match counts.iter_mut().find(|(s, _)| *s == (seed.clone(), heading.clone())) {
                Some((_, n)) => *n += 1,
                None => counts.push(((seed, heading), 1)),
            }
        }
        let most = counts.iter().map(|(_, n)| *n).max()?;
        counts.into_iter().find(|(_, n)| *n == most).map(|(s, _)| s)
    }

    /// The placeholder words for a quiz file: its language, else the course's.
    pub(super) fn words_for(&self, file: &str) -> &'static Words {
        let lang = self.get_str(&Field::file(file).key("lang")).or_else(|| self.get_str(&Field::file("course.toml").key("lang")));
        words(lang.as_deref().unwrap_or("en"))
    }

    /// Inserts a new question of `kind` (one of `KINDS`) at `at` of `quiz_file`'s
    /// questions, with every field its type needs filled with placeholder text in the
    /// quiz's language: right in every other way (the first option right, citing the
    /// section the quiz's questions cite most, else the first of sections.toml), its placeholders are problems until written
    /// over (`is_placeholder`). Returns its id, new in the course.
    pub fn add_question(&mut self, quiz_file: &str, kind: &str, at: usize) -> Result<String, EditError> {
        let Some(t) = QuestionType::from_name(kind) else {
            return Err(EditError::Invalid(format!("unknown question type `{kind}`; use one of {}", KINDS.join(", "))));
        };
        let list = Field::file(quiz_file).key("question");
        let source = self
            .most_cited(&list)
            .or_else(|| self.sections().into_iter().next())
            .ok_or_else(|| EditError::Invalid("sections.toml lists no section for a question to cite; add one first".into()))?;
        let ids: Vec<String> = (0..self.len(&list)).filter_map(|i| self.get_str(&list.clone().index(i).key("id"))).collect();
        // Name it like the quiz's questions (`kl_…`: what their ids share, up to a `_`), or after the quiz.
        let base = match shared_prefix(&ids) {
            Some(prefix) => prefix,
            None => self.get_str(&Field::file(quiz_file).key("id")).filter(|id| is_plain_id(id)).unwrap_or_else(|| "q".into()),
        };
        let id = self.unused_id(&base, ids.len() + 1);
        let question = template(t, &id, &source, self.words_for(quiz_file));
        self.edit(quiz_file, |doc| {
            let tables = doc.entry("question").or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
            let Item::ArrayOfTables(tables) = tables else { return Err(EditError::WrongType { field: list.clone(), expected: "a list of questions" }) };
            if at > tables.len() {
                return Err(EditError::OutOfRange { field: list.clone(), index: at, len: tables.len() });
            }
            array::insert_table(tables, at, question);
            array::renumber(doc);
            Ok(())
        })?;
        Ok(id)
    }

    /// Puts a copy of question `index` of `quiz_file` right after it, with a new id
    /// (`<id>_2`…). Returns the new id.
    pub fn duplicate_question(&mut self, quiz_file: &str, index: usize) -> Result<String, EditError> {
        let list = Field::file(quiz_file).key("question");
        let field = list.clone().index(index);
        let len = self.len(&list);
        if index >= len {
            return Err(EditError::OutOfRange { field: list, index, len });
        }
        let old = self.get_str(&field.clone().key("id")).unwrap_or_else(|| "q".into());
        let id = self.unused_id(&old, 2);
        self.edit(quiz_file, |doc| {
            let Some(Item::ArrayOfTables(tables)) = doc.get_mut("question") else { return Err(EditError::NoField(list.clone())) };
            let mut copy = tables.get(index).cloned().ok_or_else(|| EditError::NoField(field.clone()))?;
            copy.decor_mut().set_prefix("\n");
            put(NodeMut::Table(&mut copy), &Seg::Key("id".into()), Value::from(id.as_str()), &field.clone().key("id"))?;
            array::insert_table(tables, index + 1, copy);
            array::renumber(doc);
            Ok(())
        })?;
        Ok(id)
    }

    /// Changes the type of `question` (a question's table) to `to`. It keeps its id,
    /// text, explanation, hints and section, and those of its own fields that `to` has
    /// too (`QuestionType::fields`: the options, between single, multiple and scenario);
    /// the others are removed, and what `to` needs and lacks comes from its template, in
    /// the quiz's language, before the explanation. The result may need a fix (a single
    /// choice made from a multiple one with two right options): validation says where.
    pub fn change_question_type(&mut self, question: &Field, to: QuestionType) -> Result<(), EditError> {
        // A dialogue's steps cite a section: the question's own, to begin with.
        let cited = |key: &str| self.get_str(&question.clone().key("source").key(key)).unwrap_or_default();
        let own = kinds::template(to, self.words_for(&question.file), &(cited("seed"), cited("section")));
        let fresh = format!("{}{}", own.fields, own.tables).parse::<DocumentMut>().expect("templates are valid TOML").into_table();
        self.edit(&question.file, |doc| {
            let t = table_at(doc, question)?;
            let old = std::mem::replace(t, Table::new());
            t.decor_mut().clone_from(old.decor());
            let missing: Vec<(&str, &Item)> = fresh.iter().filter(|(key, _)| !old.iter().any(|(k, _)| own_field(k) == Some(key))).collect();
            let add_missing = |t: &mut Table| missing.iter().for_each(|(key, item)| drop(t.insert(key, (*item).clone())));
            for (key, item) in old.iter() {
                if key == "explanation" {
                    add_missing(t);
                }
                if own_field(key).is_none_or(|own| to.fields().contains(&own)) {
                    t.insert(key, item.clone());
                }
            }
            if !t.contains_key("explanation") {
                add_missing(t);
            }
            t["type"] = toml_edit::value(to.name());
            // The rebuilt table and the template's tables are written where they now stand.
            array::renumber(doc);
            Ok(())
        })
    }

    /// Whether changing `question`'s type to `to` removes something the author wrote:
    /// one of its own fields that `to` does not have.
    pub fn type_change_loses(&self, question: &Field, to: QuestionType) -> bool {
        let keys = QuestionType::ALL.iter().flat_map(|t| t.fields()).chain(&["customer"]);
        keys.filter(|&&key| own_field(key).is_some_and(|own| !to.fields().contains(&own))).any(|key| self.exists(&question.clone().key(key)))
    }

    /// Inserts a wrong option with placeholder text at `at` of `question`'s options
    /// (`question` is a question's table: `Field::question(file, i)`).
    pub fn add_option(&mut self, question: &Field, at: usize) -> Result<(), EditError> {
        let w = self.words_for(&question.file);
        self.insert_table_in(question, "option", at, table(&option_text(w.new_option, false, w.feedback), "option"))
    }

    /// Inserts a matching pair with placeholder texts (its `right` new in the question) at `at`.
    pub fn add_pair(&mut self, question: &Field, at: usize) -> Result<(), EditError> {
        let rights: Vec<String> =
            (0..self.len(&question.clone().key("pair"))).filter_map(|i| self.get_str(&question.clone().key("pair").index(i).key("right"))).collect();
        let w = self.words_for(&question.file);
        let n = (1..).find(|&n| !rights.contains(&numbered(w.right_match, n))).expect("some number is free");
        self.insert_table_in(question, "pair", at, table(&pair_text(w, n), "pair"))
    }

    /// Inserts an ordering item with placeholder text (new in the question) at `at`.
    pub fn add_item(&mut self, question: &Field, at: usize) -> Result<(), EditError> {
        let items = self.get_str_list(&question.clone().key("items")).unwrap_or_default();
        let w = self.words_for(&question.file);
        let text = (1..).map(|n| numbered(w.step, n)).find(|t| !items.contains(t)).expect("some number is free");
        self.insert_in_list(question, "items", at, &text)
    }

    /// Inserts a hint with placeholder text at `at`, adding `hint` when the question has none.
    pub fn add_hint(&mut self, question: &Field, at: usize) -> Result<(), EditError> {
        let w = self.words_for(&question.file);
        self.insert_in_list(question, "hint", at, w.hint)
    }

    pub(super) fn insert_table_in(&mut self, parent: &Field, key: &str, at: usize, new: Table) -> Result<(), EditError> {
        let field = parent.clone().key(key);
        self.edit(&parent.file, |doc| {
            let t = table_at(doc, parent)?;
            let Item::ArrayOfTables(tables) = t.entry(key).or_insert(Item::ArrayOfTables(ArrayOfTables::new())) else {
                return Err(EditError::WrongType { field: field.clone(), expected: "a list of tables" });
            };
            if at > tables.len() {
                return Err(EditError::OutOfRange { field: field.clone(), index: at, len: tables.len() });
            }
            array::insert_table(tables, at, new);
            array::renumber(doc);
            Ok(())
        })
    }

    fn insert_in_list(&mut self, parent: &Field, key: &str, at: usize, text: &str) -> Result<(), EditError> {
        let field = parent.clone().key(key);
        self.edit(&parent.file, |doc| {
            let t = table_at(doc, parent)?;
            let Some(list) = t.entry(key).or_insert(toml_edit::value(toml_edit::Array::new())).as_array_mut() else {
                return Err(EditError::WrongType { field: field.clone(), expected: "a list" });
            };
            if at > list.len() {
                return Err(EditError::OutOfRange { field: field.clone(), index: at, len: list.len() });
            }
            array::insert(list, at, Value::from(text));
            Ok(())
        })
    }
}

/// A scenario's speaker, as the Studio offers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpeakerChoice {
    /// No `speaker` key: the customer says the line.
    Customer,
    /// `speaker = "colleague"`.
    Colleague,
    /// `speaker = { name = "…" }`.
    Named(String),
}

impl Draft {
    /// Who says a scenario's line, read the way validation reads it.
    pub fn speaker(&self, question: &Field) -> SpeakerChoice {
        let field = question.clone().key("speaker");
        match self.get_str(&field).as_deref() {
            Some("colleague") => SpeakerChoice::Colleague,
            Some(_) => SpeakerChoice::Customer,
            None => self.get_str(&field.key("name")).map_or(SpeakerChoice::Customer, SpeakerChoice::Named),
        }
    }

    /// Sets who says a scenario's line, written as a person writes it.
    pub fn set_speaker(&mut self, question: &Field, speaker: &SpeakerChoice) -> Result<(), EditError> {
        self.edit(&question.file, |doc| {
            let t = table_at(doc, question)?;
            match speaker {
                SpeakerChoice::Customer => drop(t.remove("speaker")),
                SpeakerChoice::Colleague => t["speaker"] = toml_edit::value("colleague"),
                SpeakerChoice::Named(name) => {
                    let mut named = toml_edit::InlineTable::new();
                    named.insert("name", Value::from(name.as_str()));
                    t["speaker"] = toml_edit::value(named);
                }
            }
            Ok(())
        })
    }
}

/// The type field (`QuestionType::fields`) that `key` of a question is, if it is one:
/// `customer` is `line` by its old name (`source.rs`).
fn own_field(key: &str) -> Option<&str> {
    let key = if key == "customer" { "line" } else { key };
    QuestionType::ALL.iter().flat_map(|t| t.fields()).find(|&&f| f == key).copied()
}

/// The table at `parent` (a question), for changing its keys.
fn table_at<'a>(doc: &'a mut toml_edit::DocumentMut, parent: &Field) -> Result<&'a mut Table, EditError> {
    match root(doc).find(&parent.path) {
        Some(NodeMut::Table(t) | NodeMut::Item(Item::Table(t))) => Ok(t),
        Some(_) => Err(EditError::WrongType { field: parent.clone(), expected: "a table" }),
        None => Err(EditError::NoField(parent.clone())),
    }
}

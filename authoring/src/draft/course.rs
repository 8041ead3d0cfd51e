//! The course's quizzes: adding, removing and ordering quiz files.

use toml_edit::{Array, Value};

use super::{array, Draft, EditError, Field};
use crate::{is_plain_id, LANGUAGES};

impl Draft {
    /// Adds a quiz `id` (its file is `<id>.toml`) at the end of course.toml's `quizzes`,
    /// with placeholder `intro` and one single-choice question from its template (see
    /// `add_question`), so that it passes validation. Returns the new file's name.
    pub fn add_quiz(&mut self, id: &str, title: &str, lang: &str) -> Result<String, EditError> {
        if !is_plain_id(id) {
            return Err(EditError::Invalid(format!("quiz id `{id}` may only use letters A-Z, a-z, digits and `_` (1-64 characters), so SCORM can carry it")));
        }
        if !LANGUAGES.contains(&lang) {
            return Err(EditError::Invalid(format!("lang `{lang}` is not supported; use one of {}", LANGUAGES.join(", "))));
        }
        let file = format!("{id}.toml");
        if self.files.files.contains_key(&file) || self.quiz_files().iter().any(|(listed, _)| listed == id) {
            return Err(EditError::Invalid(format!("the course already has a quiz `{id}`; choose another id")));
        }
        let mut next = self.clone();
        let intro = super::question::words(lang).intro;
        let text = format!("id = {}\ntitle = {}\nlang = {}\nintro = {}\n", Value::from(id), Value::from(title), Value::from(lang), Value::from(intro));
        next.set_file(&file, &text);
        next.add_question(&file, "single", 0)?;
        next.list_quiz(id)?;
        *self = next;
        Ok(file)
    }

    /// Takes quiz `id` (as course.toml lists it) out of `quizzes` and deletes its file.
    pub fn remove_quiz(&mut self, id: &str) -> Result<(), EditError> {
        let index = self.quiz_files().iter().position(|(listed, _)| listed == id);
        let Some(index) = index else { return Err(EditError::Invalid(format!("course.toml lists no quiz `{id}`"))) };
        self.remove(&Field::file("course.toml").key("quizzes").index(index))?;
        let file = format!("{id}.toml");
        self.files.files.remove(&file);
        self.docs.remove(&file);
        Ok(())
    }

    /// Moves the quiz at `from` in the menu to `to`.
    pub fn move_quiz(&mut self, from: usize, to: usize) -> Result<(), EditError> {
        self.move_item(&Field::file("course.toml").key("quizzes"), from, to)
    }

    /// The course's language (course.toml's `lang`), or `et`.
    pub fn course_lang(&self) -> String {
        self.get_str(&Field::file("course.toml").key("lang")).unwrap_or_else(|| "et".into())
    }

    /// A quiz id the course does not use yet: `base`, or `base_2`, `base_3`, …
    pub fn fresh_quiz_id_like(&self, base: &str) -> String {
        let taken = |id: &str| self.files.files.contains_key(&format!("{id}.toml")) || self.quiz_files().iter().any(|(listed, _)| listed == id);
        if !taken(base) {
            return base.to_string();
        }
        (2..).map(|n| format!("{base}_{n}")).find(|id| !taken(id)).expect("some number is free")
    }

    /// A quiz id for a new quiz (`quiz`, `quiz_2`, …).
    pub fn fresh_quiz_id(&self) -> String {
        self.fresh_quiz_id_like("quiz")
    }

    /// Adds a whole quiz file (a GIFT import's), listed at the end of `quizzes`. Its
    /// problems, if any, are what `check` then reports; the file must be TOML.
    pub fn add_quiz_file(&mut self, id: &str, text: &str) -> Result<String, EditError> {
        if !is_plain_id(id) {
            return Err(EditError::Invalid(format!("quiz id `{id}` may only use letters A-Z, a-z, digits and `_` (1-64 characters), so SCORM can carry it")));
        }
        let file = format!("{id}.toml");
        if self.files.files.contains_key(&file) {
            return Err(EditError::Invalid(format!("the course already has a quiz `{id}`; choose another id")));
        }
        let mut next = self.clone();
        next.set_file(&file, text);
        next.list_quiz(id)?;
        *self = next;
        Ok(file)
    }

    /// Appends `id` to course.toml's `quizzes`.
    fn list_quiz(&mut self, id: &str) -> Result<(), EditError> {
        self.edit("course.toml", |doc| {
            let list = doc.entry("quizzes").or_insert(toml_edit::value(Array::new()));
            let Some(list) = list.as_array_mut() else {
                return Err(EditError::WrongType { field: Field::file("course.toml").key("quizzes"), expected: "a list" });
            };
            array::insert(list, list.len(), Value::from(id));
            Ok(())
        })
    }

    /// Adds a section of the material (`[[section]]` in sections.toml) at the end, with
    /// the seed file of the last section, so that questions can cite it.
    pub fn add_section(&mut self, heading: &str) -> Result<usize, EditError> {
        let seed = self.sections().last().map_or_else(|| "material.txt".to_string(), |(seed, _)| seed.clone());
        let at = self.sections().len();
        self.edit("sections.toml", |doc| {
            let entry = doc.entry("section").or_insert(toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()));
            let Some(tables) = entry.as_array_of_tables_mut() else {
                return Err(EditError::WrongType { field: Field::file("sections.toml").key("section"), expected: "a list of tables" });
            };
            let mut table = toml_edit::Table::new();
            table["seed"] = toml_edit::value(seed.as_str());
            table["heading"] = toml_edit::value(heading);
            tables.push(table);
            Ok(())
        })?;
        Ok(at)
    }
}

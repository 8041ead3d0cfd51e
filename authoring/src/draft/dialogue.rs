//! A dialogue's parts in the Studio: a step, a reply or an ending added with
//! placeholder text to write over (each a problem until written), under an id no other
//! part of the dialogue has; a new reply or step leads to the dialogue's first ending,
//! which the trainer then changes.

use super::keys;
use super::question::{quote, table};
use super::{Draft, EditError, Field};

impl Draft {
    /// The ids of `question`'s steps and endings.
    fn part_ids(&self, question: &Field) -> Vec<String> {
        [keys::STEP, keys::ENDING]
            .into_iter()
            .flat_map(|list| {
                let list = question.clone().key(list);
                (0..self.len(&list)).filter_map(move |i| self.get_str(&list.clone().index(i).key(keys::ID))).collect::<Vec<_>>()
            })
            .collect()
    }

    /// `base_N` with the smallest N from 1 that no part of `question` is called.
    fn unused_part_id(&self, question: &Field, base: &str) -> String {
        let taken = self.part_ids(question);
        (1..).map(|n| format!("{base}_{n}")).find(|id| !taken.contains(id)).expect("some number is free")
    }

    /// Where new replies lead: the dialogue's first ending (or nothing yet).
    fn first_ending(&self, question: &Field) -> String {
        self.get_str(&question.clone().key(keys::ENDING).index(0).key(keys::ID)).unwrap_or_default()
    }

    /// Inserts a step at `at` of `question`'s steps: a placeholder line citing the
    /// question's section, and two replies, a better (1 point) and a worse (0).
    pub fn add_step(&mut self, question: &Field, at: usize) -> Result<(), EditError> {
        let w = self.words_for(&question.file);
        let cited = |key: &str| self.get_str(&question.clone().key(keys::SOURCE).key(key)).unwrap_or_default();
        let next = self.first_ending(question);
        let text = format!(
            "[[step]]\nid = {}\nline = {}\nsource = {{ seed = {}, section = {} }}\n{}{}",
            quote(&self.unused_part_id(question, "step")),
            quote(w.line),
            quote(&cited(keys::SEED)),
            quote(&cited(keys::SECTION)),
            reply_text("step.reply", w.right, 1, w.feedback, &next),
            reply_text("step.reply", w.wrong, 0, w.feedback, &next),
        );
        self.insert_table_in(question, keys::STEP, at, table(&text, keys::STEP))
    }

    /// Inserts a reply (0 points, leading to the first ending) at `at` of `step`'s replies.
    pub fn add_reply(&mut self, step: &Field, at: usize) -> Result<(), EditError> {
        let w = self.words_for(&step.file);
        let question = Field::question(step.file.clone(), step.question_index().ok_or_else(|| EditError::NoField(step.clone()))?);
        let text = reply_text("reply", w.new_option, 0, w.feedback, &self.first_ending(&question));
        self.insert_table_in(step, keys::REPLY, at, table(&text, keys::REPLY))
    }

    /// Inserts an ending at `at` of `question`'s endings.
    pub fn add_ending(&mut self, question: &Field, at: usize) -> Result<(), EditError> {
        let w = self.words_for(&question.file);
        let text = format!("[[ending]]\nid = {}\nline = {}\ndebrief = {}\n", quote(&self.unused_part_id(question, "end")), quote(w.line), quote(w.explanation));
        self.insert_table_in(question, keys::ENDING, at, table(&text, keys::ENDING))
    }
}

/// A `[[<array>]]` reply table as TOML text.
fn reply_text(array: &str, text: &str, points: u8, feedback: &str, next: &str) -> String {
    format!("\n[[{array}]]\ntext = {}\npoints = {points}\nfeedback = {}\nnext = {}\n", quote(text), quote(feedback), quote(next))
}

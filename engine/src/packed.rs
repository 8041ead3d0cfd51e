//! The built-in course as two compact blobs, written at build time and read once at
//! startup: all texts in reading order in one string, and a small byte stream of shape
//! (counts, kinds, flags, text lengths). Compared with `static` model data, this drops
//! a pointer and a length per text (about 1 450 of them) and keeps the text contiguous,
//! which is what brotli compresses best (see BENCHMARKS.md). Texts stay borrowed from
//! the blob; only the lists are allocated.
//!
//! The format is written here once: this grammar, the tags below and the count encoding
//! (`push_count`). `tere_authoring::packed::pack` writes it at build time with these;
//! `unpack` reads it. Only the build writes these blobs, after validation, so `unpack`
//! trusts its input: a malformed pair is a build bug and panics.
//!
//! Shape grammar (`n` = unsigned LEB128, `t` = a text: its byte length as `n`):
//! ```text
//! course   = t:title t:lang n:count quiz*
//! quiz     = t:id t:title t:lang t:intro u8:pass_mark n:draw+1 (0 = all) u8:draw_per_section
//!            u8:tries u8:try_penalty u8:hint_penalty n:count question*
//! question = t:id t:text t:explanation n:count t:hint* n:topic u8:kind body
//! body     = single/multiple: choices | scenario: speaker t:line choices
//!          | true_false: u8:answer t:feedback_true t:feedback_false
//!          | ordering: n:count t* | matching: n:count (t:left t:right)* | reflection: nothing
//! choices  = n:count (u8:correct t:text t:feedback)*
//! speaker  = u8:0 (customer) | u8:1 (colleague) | u8:2 t:name
//! ```
//! The question's `source` is authoring metadata; the widget never shows it, so it is not
//! packed: its `topic` (a small number) is what the draw needs of it.

use std::borrow::Cow;

use crate::model::{Choice, Course, Kind, List, Pair, Question, Quiz, Source, Speaker, Text};

// `u8:kind`: a question's kind.
pub const SINGLE: u8 = 0;
pub const MULTIPLE: u8 = 1;
pub const TRUE_FALSE: u8 = 2;
pub const ORDERING: u8 = 3;
pub const MATCHING: u8 = 4;
pub const SCENARIO: u8 = 5;
pub const REFLECTION: u8 = 6;

// `speaker`: who says a scenario's line.
pub const CUSTOMER: u8 = 0;
pub const COLLEAGUE: u8 = 1;
pub const NAMED: u8 = 2;

/// Appends `n` to a shape stream as the grammar's `n` (unsigned LEB128), as `unpack` reads it.
pub fn push_count(shape: &mut Vec<u8>, mut n: usize) {
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            shape.push(low);
            return;
        }
        shape.push(low | 0x80);
    }
}

/// Reads a packed course back; texts borrow from `text`.
pub fn unpack(text: &'static str, shape: &'static [u8]) -> Course {
    let mut r = Reader { text, shape };
    let title = r.text();
    let lang = r.text();
    let quizzes = r.list(Reader::quiz);
    Course { title, lang, quizzes }
}

struct Reader {
    text: &'static str,
    shape: &'static [u8],
}

impl Reader {
    fn byte(&mut self) -> u8 {
        let (first, rest) = self.shape.split_first().expect("packed course: shape ended early");
        self.shape = rest;
        *first
    }

    fn count(&mut self) -> usize {
        let (mut n, mut shift) = (0, 0);
        loop {
            let b = self.byte();
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return n;
            }
            shift += 7;
        }
    }

    fn text(&mut self) -> Text {
        let (head, rest) = self.text.split_at(self.count());
        self.text = rest;
        Cow::Borrowed(head)
    }

    fn list<T: Clone>(&mut self, item: fn(&mut Reader) -> T) -> List<T> {
        let n = self.count();
        Cow::Owned((0..n).map(|_| item(self)).collect())
    }

    fn quiz(&mut self) -> Quiz {
        let (id, title, lang, intro) = (self.text(), self.text(), self.text(), self.text());
        let pass_mark = self.byte();
        let draw = self.count().checked_sub(1).map(|d| d as u16);
        let draw_per_section = self.byte() == 1;
        let (tries, try_penalty, hint_penalty) = (self.byte(), self.byte(), self.byte());
        let questions = self.list(Reader::question);
        Quiz { id, title, lang, intro, pass_mark, draw, draw_per_section, tries, try_penalty, hint_penalty, questions }
    }

    fn question(&mut self) -> Question {
        let (id, text, explanation) = (self.text(), self.text(), self.text());
        let hints = self.list(Reader::text);
        let topic = self.count() as u16;
        let kind = match self.byte() {
            SINGLE => Kind::Single { options: self.list(Reader::choice) },
            MULTIPLE => Kind::Multiple { options: self.list(Reader::choice) },
            SCENARIO => Kind::Scenario { speaker: self.speaker(), line: self.text(), options: self.list(Reader::choice) },
            TRUE_FALSE => Kind::TrueFalse { answer: self.byte() == 1, feedback_true: self.text(), feedback_false: self.text() },
            ORDERING => Kind::Ordering { items: self.list(Reader::text) },
            MATCHING => Kind::Matching { pairs: self.list(|r| Pair { left: r.text(), right: r.text() }) },
            REFLECTION => Kind::Reflection,
            other => panic!("packed course: unknown kind {other}"),
        };
        let source = Source { seed: Cow::Borrowed(""), section: Cow::Borrowed("") };
        Question { id, text, kind, explanation, hints, source, topic }
    }

    fn speaker(&mut self) -> Speaker {
        match self.byte() {
            CUSTOMER => Speaker::Customer,
            COLLEAGUE => Speaker::Colleague,
            NAMED => Speaker::Named(self.text()),
            other => panic!("packed course: unknown speaker {other}"),
        }
    }

    fn choice(&mut self) -> Choice {
        let correct = self.byte() == 1;
        Choice { correct, text: self.text(), feedback: self.text() }
    }
}

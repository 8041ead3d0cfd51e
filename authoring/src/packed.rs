//! Packing the validated course into the two blobs the widget embeds: all texts in
//! reading order in one string, and a small byte stream of shape. The format (its
//! grammar, tags and count encoding) is defined once, in `tere_engine::packed`, next to
//! the `unpack` that reads it at startup; this is only its writer, which the player
//! never needs.

use tere_engine::model::{Choice, Course, Kind, Question, Quiz, Speaker};
use tere_engine::packed::{push_count, COLLEAGUE, CUSTOMER, MATCHING, MULTIPLE, NAMED, ORDERING, REFLECTION, SCENARIO, SINGLE, TRUE_FALSE};

/// The two blobs of a packed course.
#[derive(Debug, Default, PartialEq)]
pub struct Packed {
    pub text: String,
    pub shape: Vec<u8>,
}

/// Packs a (validated) course.
pub fn pack(course: &Course) -> Packed {
    let mut p = Packed::default();
    p.text(&course.title);
    p.text(&course.lang);
    p.count(course.quizzes.len());
    for quiz in course.quizzes.iter() {
        p.quiz(quiz);
    }
    p
}

impl Packed {
    fn count(&mut self, n: usize) {
        push_count(&mut self.shape, n);
    }

    fn text(&mut self, text: &str) {
        self.count(text.len());
        self.text.push_str(text);
    }

    fn quiz(&mut self, quiz: &Quiz) {
        for t in [&quiz.id, &quiz.title, &quiz.lang, &quiz.intro] {
            self.text(t);
        }
        self.shape.push(quiz.pass_mark);
        self.count(quiz.draw.map_or(0, |d| usize::from(d) + 1));
        self.shape.push(u8::from(quiz.draw_per_section));
        self.shape.extend([quiz.tries, quiz.try_penalty, quiz.hint_penalty]);
        self.count(quiz.questions.len());
        for q in quiz.questions.iter() {
            self.question(q);
        }
    }

    fn question(&mut self, q: &Question) {
        for t in [&q.id, &q.text, &q.explanation] {
            self.text(t);
        }
        self.count(q.hints.len());
        q.hints.iter().for_each(|h| self.text(h));
        self.count(usize::from(q.topic));
        match &q.kind {
            Kind::Single { options } => {
                self.shape.push(SINGLE);
                self.choices(options);
            }
            Kind::Multiple { options } => {
                self.shape.push(MULTIPLE);
                self.choices(options);
            }
            Kind::Scenario { speaker, line, options } => {
                self.shape.push(SCENARIO);
                match speaker {
                    Speaker::Customer => self.shape.push(CUSTOMER),
                    Speaker::Colleague => self.shape.push(COLLEAGUE),
                    Speaker::Named(name) => {
                        self.shape.push(NAMED);
                        self.text(name);
                    }
                }
                self.text(line);
                self.choices(options);
            }
            Kind::TrueFalse { answer, feedback_true, feedback_false } => {
                self.shape.extend([TRUE_FALSE, u8::from(*answer)]);
                self.text(feedback_true);
                self.text(feedback_false);
            }
            Kind::Ordering { items } => {
                self.shape.push(ORDERING);
                self.count(items.len());
                items.iter().for_each(|i| self.text(i));
            }
            Kind::Matching { pairs } => {
                self.shape.push(MATCHING);
                self.count(pairs.len());
                for pair in pairs.iter() {
                    self.text(&pair.left);
                    self.text(&pair.right);
                }
            }
            Kind::Reflection => self.shape.push(REFLECTION),
        }
    }

    fn choices(&mut self, options: &[Choice]) {
        self.count(options.len());
        for o in options {
            self.shape.push(u8::from(o.correct));
            self.text(&o.text);
            self.text(&o.feedback);
        }
    }
}

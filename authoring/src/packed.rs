//! Packing the validated course into the packs the player loads: one index for the
//! course and one pack per quiz, and beside them the media files the quizzes name. The
//! format (header, grammar, tags, count encoding) is defined once, in
//! `tere_engine::packed`, next to the reader the player uses; this is only its writer,
//! which the player never needs.

use tere_engine::model::{Choice, Course, Question, Quiz, Speaker};
use tere_engine::packed::{self, push_count, PackError, COLLEAGUE, CUSTOMER, INDEX, NAMED, QUIZ};

use crate::LoadedCourse;

/// A course as files: the index and each quiz's pack, with the names the player
/// fetches, and the media files they name.
#[derive(Debug, Default, PartialEq)]
pub struct Packs {
    /// `(file name, bytes)`: the index (`packed::INDEX_FILE`) first, then every quiz's pack in course order.
    pub files: Vec<(String, Vec<u8>)>,
    /// `(packed name, bytes)`: the pictures and sounds, each once, for
    /// `packed::media_path` (`content/media/<hash>.<ext>`); empty for `pack`.
    pub media: Vec<(String, Vec<u8>)>,
}

impl Packs {
    /// The index's bytes.
    pub fn index(&self) -> &[u8] {
        &self.files[0].1
    }

    /// A quiz's pack, by quiz id.
    pub fn quiz(&self, id: &str) -> Option<&[u8]> {
        let name = packed::quiz_file(id);
        self.files.iter().find(|(n, _)| *n == name).map(|(_, bytes)| bytes.as_slice())
    }

    /// The whole course read back as the player reads it, each quiz checked against
    /// the index (for tests and previews; the bytes are kept for the process's life).
    pub fn read(&self) -> Result<Course, PackError> {
        let keep = |bytes: &[u8]| -> &'static [u8] { bytes.to_vec().leak() };
        let index = packed::read_index(keep(self.index()))?;
        let quizzes = index
            .quizzes
            .iter()
            .map(|entry| packed::read_quiz(keep(self.quiz(&entry.id).ok_or(PackError::NotInIndex)?), Some(entry)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Course { title: index.title, lang: index.lang, quizzes: quizzes.into() })
    }
}

/// A loaded course's packs and its media files: what a build or a package writes.
pub fn pack_loaded(loaded: &LoadedCourse) -> Packs {
    Packs { media: loaded.media.clone(), ..pack(&loaded.course) }
}

/// Packs a (validated) course: each quiz, then the index that lists their hashes. The
/// media files the course names are not at hand here (`Packs::media` stays empty):
/// `pack_loaded` packs a loaded course with them.
pub fn pack(course: &Course) -> Packs {
    let quizzes: Vec<(String, Vec<u8>)> = course.quizzes.iter().map(|q| (packed::quiz_file(&q.id), pack_quiz(q))).collect();
    let mut index = Packed::default();
    index.text(&course.title);
    index.text(&course.lang);
    index.count(course.quizzes.len());
    for (quiz, (_, bytes)) in course.quizzes.iter().zip(&quizzes) {
        for t in [&quiz.id, &quiz.title, &quiz.lang] {
            index.text(t);
        }
        index.shape.push(quiz.pass_mark);
        index.count(quiz.questions.len());
        index.shape.extend(packed::hash(bytes).expect("a sealed pack has a header").to_le_bytes());
    }
    let mut files = vec![(packed::INDEX_FILE.to_string(), packed::seal(INDEX, &index.shape, &index.text))];
    files.extend(quizzes);
    Packs { files, media: Vec::new() }
}

/// One quiz's pack.
pub fn pack_quiz(quiz: &Quiz) -> Vec<u8> {
    let mut p = Packed::default();
    p.quiz(quiz);
    packed::seal(QUIZ, &p.shape, &p.text)
}

/// A pack's two parts while it is written (`kinds::pack` writes each question's kind).
#[derive(Default)]
pub(crate) struct Packed {
    text: String,
    pub(crate) shape: Vec<u8>,
}

impl Packed {
    pub(crate) fn count(&mut self, n: usize) {
        push_count(&mut self.shape, n);
    }

    pub(crate) fn text(&mut self, text: &str) {
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
        tere_engine::media::write(q.media.as_ref(), self);
        // Last, the kind: its tag and its own fields.
        crate::kinds::pack(&q.kind, self);
    }

    pub(crate) fn speaker(&mut self, speaker: &Speaker) {
        match speaker {
            Speaker::Customer => self.shape.push(CUSTOMER),
            Speaker::Colleague => self.shape.push(COLLEAGUE),
            Speaker::Named(name) => {
                self.shape.push(NAMED);
                self.text(name);
            }
        }
    }

    pub(crate) fn choices(&mut self, options: &[Choice]) {
        self.count(options.len());
        for o in options {
            self.shape.push(u8::from(o.correct));
            self.text(&o.text);
            self.text(&o.feedback);
        }
    }
}

/// The engine writes a dialogue's body and a media reference itself
/// (`tere_engine::dialogue::write`, `tere_engine::media::write`), the mirror of its
/// readers, through these.
impl tere_engine::packed::PackWriter for Packed {
    fn byte(&mut self, b: u8) {
        self.shape.push(b);
    }

    fn count(&mut self, n: usize) {
        Packed::count(self, n);
    }

    fn text(&mut self, t: &str) {
        Packed::text(self, t);
    }

    fn speaker(&mut self, speaker: &Speaker) {
        Packed::speaker(self, speaker);
    }
}

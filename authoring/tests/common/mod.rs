//! Test helpers: content folders written on the fly.

#![allow(dead_code)]

use std::ops::Deref;
use std::path::Path;

use tere_authoring::{load_course, ContentError, LoadedCourse};
use tere_engine::{Course, QuizResult, Session};

pub mod learner;

pub const SECTIONS: &str = r#"
[[section]]
seed = "s.txt"
heading = "Main"

[[section]]
seed = "s.txt"
heading = "Sub"
within = "Main"
"#;

/// A course folder in the system's temporary directory, removed when dropped; used as a `Path`.
pub struct Folder(tempfile::TempDir);

impl Deref for Folder {
    type Target = Path;

    fn deref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<Path> for Folder {
    fn as_ref(&self) -> &Path {
        self.0.path()
    }
}

/// A fresh folder holding `course.toml`, `sections.toml` (`SECTIONS`) and the given quiz files.
pub fn folder(quizzes: &[(&str, &str)]) -> Folder {
    folder_with_sections(SECTIONS, quizzes)
}

/// `folder` with another `sections.toml`.
pub fn folder_with_sections(sections: &str, quizzes: &[(&str, &str)]) -> Folder {
    let dir = Folder(tempfile::Builder::new().prefix("tere-content-").tempdir().unwrap());
    let names: Vec<String> = quizzes.iter().map(|(name, _)| format!("{name:?}")).collect();
    std::fs::write(dir.join("course.toml"), format!("title = \"T\"\nlang = \"et\"\nquizzes = [{}]\n", names.join(", "))).unwrap();
    std::fs::write(dir.join("sections.toml"), sections).unwrap();
    for (name, text) in quizzes {
        std::fs::write(dir.join(format!("{name}.toml")), text).unwrap();
    }
    dir
}

pub fn load(quizzes: &[(&str, &str)]) -> Result<LoadedCourse, Vec<ContentError>> {
    load_course(&folder(quizzes))
}

/// A course that lives for the whole test run, as the built-in one does.
pub fn course(quiz: &str) -> &'static Course {
    let loaded = load(&[("q", quiz)]).unwrap_or_else(|e| panic!("{e:?}"));
    Box::leak(Box::new(loaded.course))
}

/// The result of the graded attempt on screen, as the summary shows it.
pub fn result(s: &Session) -> QuizResult {
    let (_, quiz) = s.quiz().expect("a quiz on screen");
    s.attempt().expect("an attempt").result(quiz, s.pass_mark(quiz))
}

pub const HEADER: &str = "id = \"q\"\ntitle = \"Quiz\"\nlang = \"et\"\nintro = \"Intro\"\n";

/// A single-choice question whose correct option is `right` of `n`.
pub fn single(id: &str, n: usize, right: usize) -> String {
    let mut s = format!(
        "\n[[question]]\nid = \"{id}\"\ntype = \"single\"\ntext = \"Q {id}\"\nexplanation = \"E\"\nsource = {{ seed = \"s.txt\", section = \"Sub\" }}\n"
    );
    for i in 0..n {
        s += &format!("\n[[question.option]]\ntext = \"O{i}\"\nfeedback = \"F{i}\"\n{}", if i == right { "correct = true\n" } else { "" });
    }
    s
}

pub fn question(id: &str, kind: &str, body: &str) -> String {
    format!("\n[[question]]\nid = \"{id}\"\ntype = \"{kind}\"\ntext = \"Q {id}\"\nexplanation = \"E\"\nsource = {{ seed = \"s.txt\", section = \"Main\" }}\n{body}\n")
}
/// A dialogue's body: at `open` the calm reply (2 points) leads to `insult`, where a
/// calm reply leads on to `solve` only with 3 points so far (else to `bad`); a cold
/// opening (0) or a sharp reply ends badly.
pub const DIALOGUE: &str = r#"speaker = { name = "Klient (Mari)" }
mode = "coach"

[[question.step]]
id = "open"
line = "Tere! Kas saate aidata?"
mood = "impatient"
source = { seed = "s.txt", section = "Main" }

[[question.step.reply]]
text = "Oodake."
points = 0
feedback = "Külm."
next = "insult"

[[question.step.reply]]
text = "Muidugi, millega saan aidata?"
points = 2
feedback = "Hea."
next = "insult"

[[question.step]]
id = "insult"
line = "Te olete kõik saamatud!"
mood = "annoyed"
source = { seed = "s.txt", section = "Sub" }

[[question.step.reply]]
text = "Saan aru, et olete pahane. Lahendame selle."
points = 2
feedback = "Rahulik."
next = "bad"
branch = [{ at_least = 3, next = "solve" }]

[[question.step.reply]]
text = "Ärge karjuge!"
points = 0
feedback = "Terav."
next = "bad"

[[question.step]]
id = "solve"
line = "Noh, mis te siis pakute?"
source = { seed = "s.txt", section = "Main" }

[[question.step.reply]]
text = "Vahetame toote kohe ümber."
points = 2
feedback = "Lahendus."
next = "good"

[[question.step.reply]]
text = "Kirjutage kaebus."
points = 1
feedback = "Bürokraatlik."
next = "good"

[[question.ending]]
id = "good"
line = "Aitäh!"
mood = "pleased"
good = true
debrief = "Hästi läks."

[[question.ending]]
id = "bad"
line = "Ma lähen ära."
debrief = "Klient lahkus."
"#;

pub mod moodle;

//! Tere's authoring side, used by the build script, xtask and tests, never by the
//! player's wasm: read `questions/`, validate it, and turn it into the model of
//! `tere-engine` (which `packed` turns into the widget's built-in data). Bad content is
//! reported here with file, line and a plain message, never at run time. Valid content
//! is then linted for item-writing flaws (`lint`), which are warnings. `gift` converts
//! Moodle GIFT in and out.

mod coverage;
mod error;
pub mod gift;
pub mod lint;
pub mod packed;
mod source;
mod validate;

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

pub use coverage::{coverage, CoverageRow};
pub use error::{ContentError, Warning};
pub use validate::{is_plain_id, LANGUAGES};

use error::Reporter;
use lint::Allow;
use tere_engine::model::{Course, Quiz};

/// A section of the course material that questions cite, from `sections.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub seed: String,
    pub heading: String,
    /// The parent section of a sub-point.
    pub within: Option<String>,
}

/// The validated course plus the section list it was checked against.
#[derive(Debug)]
pub struct LoadedCourse {
    pub course: Course,
    pub sections: Vec<Section>,
    /// Every file read, for build scripts' rerun-if-changed.
    pub files: Vec<PathBuf>,
    /// Item-writing warnings (`lint`), after the `allow`s of the files are applied.
    pub warnings: Vec<Warning>,
}

/// Where a quiz's parts stand in its file, and its `allow`s, to locate lint findings.
struct Placement {
    path: PathBuf,
    text: String,
    quiz: Range<usize>,
    questions: HashMap<String, Range<usize>>,
    allows: Vec<(Allow, Range<usize>)>,
}

impl Placement {
    fn read(file: &source::QuizFile, path: &Path, r: &mut Reporter) -> Placement {
        let mut allows = Vec::new();
        if let Some(a) = &file.allow {
            allows.extend(lint::allow::read(a, None, r).map(|allow| (allow, a.span())));
        }
        for q in &file.questions {
            let q = q.get_ref();
            if let Some(a) = &q.allow {
                allows.extend(lint::allow::read(a, Some(q.id.get_ref()), r).map(|allow| (allow, a.span())));
            }
        }
        Placement {
            path: path.to_path_buf(),
            text: r.text.to_string(),
            quiz: file.id.span(),
            questions: file.questions.iter().map(|q| (q.get_ref().id.get_ref().clone(), q.get_ref().id.span())).collect(),
            allows,
        }
    }

    /// The quiz's findings that no `allow` silences, and its `allow`s that silence nothing.
    fn warnings(&self, quiz: &Quiz) -> Vec<Warning> {
        let allows: Vec<Allow> = self.allows.iter().map(|(a, _)| a.clone()).collect();
        let (findings, unused) = lint::silence(lint::lint(quiz), &allows);
        let at = |span: &Range<usize>, rule: &'static str, question: Option<String>, message: String| {
            let (line, column) = error::line_column(&self.text, span.start);
            Warning { file: self.path.clone(), line, column, rule, quiz: quiz.id.to_string(), question, message }
        };
        let mut out: Vec<Warning> = findings
            .into_iter()
            .map(|f| {
                let span = f.question.as_ref().and_then(|q| self.questions.get(q.as_ref())).unwrap_or(&self.quiz);
                at(span, f.rule, f.question.map(|q| q.to_string()), f.message)
            })
            .collect();
        for i in unused {
            let (allow, span) = &self.allows[i];
            out.push(at(span, "unused_allow", allow.question.clone(), lint::allow::unused_message(allow)));
        }
        out.sort_by_key(|w| (w.line, w.column));
        out
    }
}

/// Reads and validates `dir/course.toml`, `dir/sections.toml` and every quiz file they name.
pub fn load_course(dir: &Path) -> Result<LoadedCourse, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    let mut read = |name: &str, errors: &mut Vec<ContentError>| {
        let path = dir.join(name);
        files.push(path.clone());
        match std::fs::read_to_string(&path) {
            Ok(text) => Some((path, text)),
            Err(e) => {
                errors.push(ContentError { file: path, line: 1, column: 1, message: format!("cannot read the file: {e}") });
                None
            }
        }
    };

    let sections: Vec<Section> = read("sections.toml", &mut errors)
        .and_then(|(path, text)| parse::<source::SectionsFile>(&path, &text, &mut errors))
        .map(|f| f.sections.into_iter().map(|s| s.into_inner()).map(|s| Section { seed: s.seed, heading: s.heading, within: s.within }).collect())
        .unwrap_or_default();
    let known: HashSet<(String, String)> = sections.iter().map(|s| (s.seed.clone(), s.heading.clone())).collect();

    let mut course = Course { title: "".into(), lang: "et".into(), quizzes: Vec::new().into() };
    let mut quizzes: Vec<Quiz> = Vec::new();
    let mut placements: Vec<Placement> = Vec::new();
    if let Some((path, text)) = read("course.toml", &mut errors) {
        if let Some(file) = parse::<source::CourseFile>(&path, &text, &mut errors) {
            course.title = file.title.get_ref().clone().into();
            course.lang = file.lang.get_ref().clone().into();
            if !LANGUAGES.contains(&file.lang.get_ref().as_str()) {
                let message = format!("lang `{}` is not supported; use one of {}", file.lang.get_ref(), LANGUAGES.join(", "));
                Reporter { file: &path, text: &text, errors: &mut errors }.at(file.lang.span(), message);
            }
            let mut ctx = validate::Context { sections: &known, question_ids: HashMap::new() };
            let mut quiz_ids: HashMap<String, PathBuf> = HashMap::new();
            for stem in &file.quizzes {
                let name = format!("{}.toml", stem.get_ref());
                if !dir.join(&name).is_file() {
                    let message = format!("`quizzes` lists `{}`, but there is no {name} here; fix the name or add the file", stem.get_ref());
                    Reporter { file: &path, text: &text, errors: &mut errors }.at(stem.span(), message);
                    continue;
                }
                let Some((qpath, qtext)) = read(&name, &mut errors) else {
                    continue;
                };
                let Some(qfile) = parse::<source::QuizFile>(&qpath, &qtext, &mut errors) else { continue };
                let mut r = Reporter { file: &qpath, text: &qtext, errors: &mut errors };
                let id = qfile.id.clone();
                placements.push(Placement::read(&qfile, &qpath, &mut r));
                let quiz = validate::quiz(qfile, &mut r, &mut ctx);
                if let Some(first) = quiz_ids.insert(quiz.id.to_string(), qpath.clone()) {
                    r.at(id.span(), format!("duplicate quiz id `{}` (also in {})", quiz.id, first.display()));
                }
                quizzes.push(quiz);
            }
            if file.quizzes.is_empty() {
                Reporter { file: &path, text: &text, errors: &mut errors }.at(0..0, "`quizzes` is empty; list the quiz files in menu order");
            }
        }
    }
    // A quiz file that course.toml does not list would silently never be shown.
    if let Ok(entries) = std::fs::read_dir(dir) {
        let listed: HashSet<PathBuf> = files.iter().cloned().collect();
        let mut stray: Vec<PathBuf> =
            entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "toml") && !listed.contains(p)).collect();
        stray.sort();
        for path in stray {
            errors.push(ContentError {
                file: path,
                line: 1,
                column: 1,
                message: "this quiz file is not listed in `quizzes` in course.toml; add its name there or remove the file".into(),
            });
        }
    }
    course.quizzes = quizzes.into();
    if errors.is_empty() {
        let warnings = course.quizzes.iter().zip(&placements).flat_map(|(quiz, place)| place.warnings(quiz)).collect();
        Ok(LoadedCourse { course, sections, files, warnings })
    } else {
        Err(errors)
    }
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path, text: &str, errors: &mut Vec<ContentError>) -> Option<T> {
    toml::from_str(text)
        .map_err(|e| {
            let message = e.message().trim().to_string();
            Reporter { file: path, text, errors }.at(e.span().unwrap_or(0..0), message)
        })
        .ok()
}

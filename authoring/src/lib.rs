//! Tere's authoring side, used by xtask, the tests and Tere Studio, never
//! by the player's wasm: read `questions/` (or a course held in memory, `CourseFiles`),
//! validate it, and turn it into the model of
//! `tere-engine` (which `packed` turns into the widget's built-in data). Bad content is
//! reported here with file, line and a plain message, never at run time. Valid content
//! is then linted for item-writing flaws (`lint`), which are warnings. `gift` converts
//! Moodle GIFT in and out. `draft` edits a course's TOML text field by field, for Studio.

mod coverage;
mod dialogue;
pub mod draft;
mod error;
mod file_name;
pub mod gift;
pub mod kinds;
pub mod lint;
pub mod media;
mod media_field;
pub mod nesting;
pub mod packed;
pub mod said;
mod source;
mod validate;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use coverage::{coverage, CoverageRow};
pub use draft::{Draft, EditError, Field, Problem, Seg};
pub use error::{ContentError, Notice, Warning};
pub use file_name::{is_plain_file_name, MAX_FILE_NAME_BYTES};
pub use said::Said;
pub use validate::{is_plain_id, LANGUAGES};

use error::Reporter;
use lint::Allow;
use media_field::MediaFiles;
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
    /// Every file read (what a rebuild of the packs depends on).
    pub files: Vec<PathBuf>,
    /// Item-writing warnings (`lint`), after the `allow`s of the files are applied.
    pub warnings: Vec<Warning>,
    /// What else validation found worth a look (a large media file); it stops nothing.
    pub notices: Vec<Notice>,
    /// The media files the course names, as the packs carry them: `(packed name, bytes)`
    /// (`<hash>.<ext>`, for `content/media/`), each file once, by name.
    pub media: Vec<(String, Vec<u8>)>,
    /// The names (in the course's `media/`) of the files the course names, each once:
    /// what a package's source carries of that folder.
    pub media_named: BTreeSet<String>,
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

/// A course's source files in memory: what `load_course_files` validates and what a
/// `Draft` edits. The browser has no filesystem, so this is the one way in there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CourseFiles {
    /// The folder the files are named after in errors (`base/name`); nothing is read from it.
    pub base: PathBuf,
    /// File name (`course.toml`, `sections.toml`, `<quiz>.toml`) → its text.
    pub files: BTreeMap<String, String>,
    /// The pictures and sounds of the course's `media/` folder: file name → bytes.
    /// Shared, not copied: the Studio keeps a draft for every step of its undo history.
    pub media: BTreeMap<String, Arc<[u8]>>,
}

impl CourseFiles {
    /// Reads every `*.toml` file of `dir` (not its subfolders), and every file of its
    /// `media/` folder. Fails when the folder or one of those files cannot be read (a
    /// TOML file not UTF-8, say). Needs a filesystem: in the browser build it compiles
    /// but fails at run time.
    pub fn from_dir(dir: &Path) -> std::io::Result<CourseFiles> {
        let (files, unreadable) = read_dir(dir)?;
        match unreadable.toml.into_values().chain(unreadable.media.into_values()).next() {
            Some(e) => Err(e),
            None => Ok(files),
        }
    }
}

/// The files of a course folder that could not be read, by name, and why.
#[derive(Default)]
struct Unreadable {
    toml: BTreeMap<String, std::io::Error>,
    media: BTreeMap<String, std::io::Error>,
}

/// The `*.toml` files of `dir` that are files and the files of its `media/` (which
/// need not be there), and those that could not be read.
fn read_dir(dir: &Path) -> std::io::Result<(CourseFiles, Unreadable)> {
    let mut files = CourseFiles { base: dir.to_path_buf(), ..CourseFiles::default() };
    let mut unreadable = Unreadable::default();
    if let Ok(entries) = std::fs::read_dir(dir.join(media::COURSE_FOLDER)) {
        for path in entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_file()) {
            // A name that is not UTF-8 cannot be written in a quiz file, so it is never named.
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
            match std::fs::read(&path) {
                Ok(bytes) => {
                    files.media.insert(name.to_string(), bytes.into());
                }
                Err(e) => {
                    unreadable.media.insert(name.to_string(), e);
                }
            }
        }
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        let is_toml_file = path.extension().is_some_and(|e| e == "toml") && path.is_file();
        if !is_toml_file {
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                files.files.insert(name.to_string(), text);
            }
            Err(e) => {
                unreadable.toml.insert(name.to_string(), e);
            }
        }
    }
    Ok((files, unreadable))
}

/// Reads and validates `dir/course.toml`, `dir/sections.toml` and every quiz file they name:
/// `CourseFiles::from_dir` and then `load_course_files`.
pub fn load_course(dir: &Path) -> Result<LoadedCourse, Vec<ContentError>> {
    let (files, unreadable) = read_dir(dir).unwrap_or_else(|_| (CourseFiles { base: dir.to_path_buf(), ..CourseFiles::default() }, Unreadable::default()));
    let unreadable_media: BTreeMap<String, String> = unreadable.media.into_iter().map(|(name, e)| (name, e.to_string())).collect();
    let mut unreadable: BTreeMap<String, String> = unreadable.toml.into_iter().map(|(name, e)| (name, e.to_string())).collect();
    // Say why course.toml or sections.toml is missing as the filesystem says it.
    for name in ["course.toml", "sections.toml"] {
        if !files.files.contains_key(name) && !unreadable.contains_key(name) {
            if let Err(e) = std::fs::read_to_string(dir.join(name)) {
                unreadable.insert(name.to_string(), e.to_string());
            }
        }
    }
    load(&files, &unreadable, &unreadable_media)
}

/// Validates a course held in memory: `course.toml`, `sections.toml` and every quiz file
/// they name, by file name in `files.files`. Errors name the files as `files.base/name`.
/// Any other `*.toml` file is an error, as a quiz file that course.toml does not list.
pub fn load_course_files(files: &CourseFiles) -> Result<LoadedCourse, Vec<ContentError>> {
    load(files, &BTreeMap::new(), &BTreeMap::new())
}

/// `load_course_files`, with the files that exist but could not be read and why (TOML
/// files, and `media/` files by their name there).
fn load(source: &CourseFiles, unreadable: &BTreeMap<String, String>, unreadable_media: &BTreeMap<String, String>) -> Result<LoadedCourse, Vec<ContentError>> {
    let dir = source.base.as_path();
    let mut errors = Vec::new();
    let mut files = Vec::new();
    let mut listed: HashSet<String> = HashSet::new();
    let mut read = |name: &str, errors: &mut Vec<ContentError>| {
        let path = dir.join(name);
        files.push(path.clone());
        listed.insert(name.to_string());
        match source.files.get(name) {
            Some(text) => Some((path, text.as_str())),
            None => {
                let why = unreadable.get(name).map_or("there is no such file in the course", |e| e.as_str());
                errors.push(ContentError::new(path, 1, 1, Said::CannotRead { why: why.to_string() }));
                None
            }
        }
    };

    let sections: Vec<Section> = read("sections.toml", &mut errors)
        .and_then(|(path, text)| parse::<source::SectionsFile>(&path, text, &mut errors))
        .map(|f| f.sections.into_iter().map(|s| s.into_inner()).map(|s| Section { seed: s.seed, heading: s.heading, within: s.within }).collect())
        .unwrap_or_default();
    let known: HashSet<(String, String)> = sections.iter().map(|s| (s.seed.clone(), s.heading.clone())).collect();

    let mut ctx = validate::Context { sections: &known, question_ids: HashMap::new(), media: MediaFiles::new(dir, &source.media, unreadable_media) };
    let mut course = Course { title: "".into(), lang: "et".into(), quizzes: Vec::new().into() };
    let mut quizzes: Vec<Quiz> = Vec::new();
    let mut placements: Vec<Placement> = Vec::new();
    if let Some((path, text)) = read("course.toml", &mut errors) {
        if let Some(file) = parse::<source::CourseFile>(&path, text, &mut errors) {
            course.title = file.title.get_ref().clone().into();
            course.lang = file.lang.get_ref().clone().into();
            if !LANGUAGES.contains(&file.lang.get_ref().as_str()) {
                let message = format!("lang `{}` is not supported; use one of {}", file.lang.get_ref(), LANGUAGES.join(", "));
                Reporter { file: &path, text, errors: &mut errors }.at(file.lang.span(), message);
            }
            let mut quiz_ids: HashMap<String, PathBuf> = HashMap::new();
            for stem in &file.quizzes {
                let name = format!("{}.toml", stem.get_ref());
                if !source.files.contains_key(&name) && !unreadable.contains_key(&name) {
                    let message = format!("`quizzes` lists `{}`, but there is no {name} here; fix the name or add the file", stem.get_ref());
                    Reporter { file: &path, text, errors: &mut errors }.at(stem.span(), message);
                    continue;
                }
                let Some((qpath, qtext)) = read(&name, &mut errors) else {
                    continue;
                };
                let Some(qfile) = parse::<source::QuizFile>(&qpath, qtext, &mut errors) else { continue };
                let mut r = Reporter { file: &qpath, text: qtext, errors: &mut errors };
                let id = qfile.id.clone();
                placements.push(Placement::read(&qfile, &qpath, &mut r));
                let quiz = validate::quiz(qfile, &mut r, &mut ctx);
                if let Some(first) = quiz_ids.insert(quiz.id.to_string(), qpath.clone()) {
                    r.at(id.span(), Said::DuplicateQuizId { id: quiz.id.to_string(), other: first.display().to_string() });
                }
                quizzes.push(quiz);
            }
            if file.quizzes.is_empty() {
                Reporter { file: &path, text, errors: &mut errors }.at(0..0, Said::NoQuizzesListed);
            }
        }
    }
    // A quiz file that course.toml does not list would silently never be shown.
    let stray: BTreeSet<&String> = source.files.keys().chain(unreadable.keys()).filter(|name| name.ends_with(".toml") && !listed.contains(*name)).collect();
    for name in stray {
        errors.push(ContentError::new(dir.join(name), 1, 1, Said::NotListed));
    }
    course.quizzes = quizzes.into();
    if errors.is_empty() {
        let warnings = course.quizzes.iter().zip(&placements).flat_map(|(quiz, place)| place.warnings(quiz)).collect();
        let media = ctx.media.packed.into_iter().collect();
        Ok(LoadedCourse { course, sections, files, warnings, notices: ctx.media.notices, media, media_named: ctx.media.named })
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

//! Opening what a trainer has: a course folder's files (`course.toml`,
//! `sections.toml`, quiz files, and the pictures and sounds of its `media/`, picked
//! with them), a Tere SCORM zip or offline file (they carry their
//! source), or a GIFT file (added as a new quiz). Whatever is wrong with the input is
//! a plain message and the open draft stays as it is: nothing is executed, sizes are
//! capped before anything is read (a text file as a package's source file is, 2 MiB,
//! and a course folder as a package's whole source, 8 MiB; a picture or sound, 2 MB),
//! TOML nesting is bounded before anything is parsed, and only text is kept, with the
//! media files a course names (which validation checks byte by byte, as any course's).

use tere_authoring::draft::plain_media_name;
use tere_authoring::gift::{import_gift, plain_id, ImportOptions};
use tere_authoring::media::MediaKind;
use tere_authoring::nesting::{check_nesting, MAX_NESTING};
use tere_authoring::CourseFiles;
use tere_authoring::Draft;
use tere_publish::{Source, MAX_SOURCE_FILE_BYTES, MAX_SOURCE_TOTAL_BYTES};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{fill, Lang, Ui};
use crate::said::package_problem;

/// The largest package the Studio reads (a course's packages are a few hundred KB).
const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

fn mib(bytes: f64) -> String {
    format!("{:.1} MiB", bytes / 1_048_576.0)
}

/// What opening gave: the new draft and what to tell the trainer.
pub struct Opened {
    pub draft: Draft,
    pub what: String,
}

/// Opens `files` (as picked or dropped) over `current`; what went wrong is said in `ui`'s
/// language (what the course's own files say is wrong stays in the words of its check).
pub async fn open(files: Vec<web_sys::File>, current: Draft, lang: Lang, ui: &Ui) -> Result<Opened, String> {
    if files.is_empty() {
        return Err(ui.open_none.into());
    }
    let is_package = |name: &str| name.rsplit_once('.').is_some_and(|(_, e)| matches!(e.to_ascii_lowercase().as_str(), "zip" | "html" | "htm"));
    for file in &files {
        let limit = match () {
            _ if is_package(&file.name()) => MAX_FILE_BYTES,
            _ if is_media(&file.name()) => tere_authoring::media::MAX_BYTES as f64,
            _ => MAX_SOURCE_FILE_BYTES as f64,
        };
        if file.size() > limit {
            return Err(fill(ui.open_too_large, &[("{name}", &file.name()), ("{size}", &mib(file.size())), ("{limit}", &mib(limit))]));
        }
    }
    let total: f64 = files.iter().filter(|f| !is_package(&f.name()) && !is_media(&f.name())).map(|f| f.size()).sum();
    if total > MAX_SOURCE_TOTAL_BYTES as f64 {
        return Err(fill(ui.open_too_much, &[("{total}", &mib(total)), ("{limit}", &mib(MAX_SOURCE_TOTAL_BYTES as f64))]));
    }
    let mut read = Vec::new();
    for file in &files {
        let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| fill(ui.open_unreadable, &[("{name}", &file.name())]))?;
        read.push((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()));
    }
    let extension = |name: &str| name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let first = read[0].0.clone();
    // A folder's files come in the order the system lists them: its TOML decides.
    let first = read.iter().find(|(name, _)| !is_media(name)).map_or(first, |(name, _)| name.clone());
    match extension(&first).as_str() {
        "toml" => folder(read, ui),
        "zip" | "html" | "htm" if read.len() == 1 => package(&read[0].0, &read[0].1, lang, ui),
        "gift" | "txt" if read.len() == 1 => gift(&read[0].0, &read[0].1, current, ui),
        _ => Err(fill(ui.open_unknown, &[("{name}", &first)])),
    }
}

/// A file nested too deep (at `line`), in the trainer's words.
fn too_deep(ui: &Ui, name: &str, line: usize) -> String {
    fill(ui.open_too_deep, &[("{name}", name), ("{line}", &line.to_string()), ("{max}", &MAX_NESTING.to_string())])
}

fn text(name: &str, bytes: &[u8], ui: &Ui) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|_| fill(ui.open_not_text, &[("{name}", name)]))
}

/// Whether `name` is a picture's or a sound's, by its extension (what the bytes are
/// is validation's to check, as for a course folder).
fn is_media(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, e)| MediaKind::from_extension(e).is_some())
}

/// A course folder's files, picked together (its media files with them).
fn folder(read: Vec<(String, Vec<u8>)>, ui: &Ui) -> Result<Opened, String> {
    let mut files = CourseFiles::default();
    for (name, bytes) in &read {
        if is_media(name) {
            files.media.insert(plain_media_name(name), bytes.as_slice().into());
            continue;
        }
        if !name.to_ascii_lowercase().ends_with(".toml") {
            return Err(fill(ui.open_not_toml, &[("{name}", name)]));
        }
        let text = text(name, bytes, ui)?;
        check_nesting(&text).map_err(|line| too_deep(ui, name, line))?;
        files.files.insert(name.clone(), text);
    }
    if !files.files.contains_key("course.toml") {
        return Err(ui.open_no_course.into());
    }
    Ok(Opened { draft: Draft::new(files), what: ui.count(read.len(), &ui.files_count) })
}

/// A Tere SCORM zip or offline page: the source it carries.
fn package(name: &str, bytes: &[u8], lang: Lang, ui: &Ui) -> Result<Opened, String> {
    let source = tere_publish::read_source(bytes).map_err(|e| format!("{name}: {}", package_problem(lang, &e)))?;
    for (file, text) in &source.files {
        check_nesting(text).map_err(|line| too_deep(ui, &format!("{name}: {file}"), line))?;
    }
    Ok(Opened { draft: draft_of(source), what: name.to_string() })
}

/// A draft of a course's source (a package's, the built-in course's): its text files
/// and its media files.
pub fn draft_of(source: Source) -> Draft {
    let mut files = CourseFiles::default();
    files.files.extend(source.files);
    files.media.extend(source.media.into_iter().map(|(name, bytes)| (name, bytes.into())));
    Draft::new(files)
}

/// A GIFT file, added to the open course as a new quiz (what GIFT cannot say, such as
/// the section each question teaches, shows as problems to fix).
fn gift(name: &str, bytes: &[u8], mut draft: Draft, ui: &Ui) -> Result<Opened, String> {
    let source = text(name, bytes, ui)?;
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let base = plain_id(stem);
    let id = draft.fresh_quiz_id_like(if base.is_empty() { "gift" } else { &base });
    // A picture the GIFT names is kept when the course has a file of that name.
    let media = draft.media_files().keys().cloned().collect();
    let options = ImportOptions { quiz_id: id.clone(), file_name: name.to_string(), lang: draft.course_lang(), media };
    // The parser's own words (English, with the line) follow the trainer's.
    let conversion = import_gift(&source, &options).map_err(|errors| format!("{}\n{}", fill(ui.open_gift_failed, &[("{name}", name)]), errors.join("\n")))?;
    draft.add_quiz_file(&id, &conversion.toml).map_err(|e| format!("{}\n{e}", fill(ui.open_gift_failed, &[("{name}", name)])))?;
    Ok(Opened { draft, what: name.to_string() })
}

//! The course this page plays, read from course packs (`tere_engine::packed`) at run
//! time. The page's loader (`content-loader.js`, or the offline page's embedded
//! packs) provides `window.tereContent.load(name, again)`, a promise of a pack's
//! bytes; the served page's loader starts fetching the index and the `?quiz=` pack
//! before the wasm has arrived, so the player only picks them up.
//!
//! A stage (`?quiz=<id>`) loads the index and its own pack: the course it plays holds
//! that one quiz. The menu (no `?quiz=`, or an unknown id) loads every quiz's pack, all
//! requested at once, because a course SCO resumes every stage at launch.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use tere_engine::packed::{self, Entry, PackError};
use tere_engine::{Course, Quiz};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The course to play, and where the page's `?quiz=` points in it.
#[derive(PartialEq)]
pub struct Content {
    pub course: &'static Course,
    /// The quiz `?quiz=` named (then the course holds only it).
    pub found: Option<usize>,
    /// `?quiz=` named a quiz the course does not have.
    pub unknown_quiz: bool,
}

/// Why the course could not be read; the learner is told in plain words and may retry.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A file could not be fetched (offline, a missing file, a server error).
    Fetch { file: String },
    /// A file arrived but is not a pack this player can read.
    Pack { file: String, error: PackError },
}

impl Problem {
    /// For the host and the console (`tere:error`), in English.
    pub fn describe(&self) -> String {
        match self {
            Problem::Fetch { file } => format!("content: {file} could not be fetched"),
            Problem::Pack { file, error } => format!("content: {file} is {}", error.describe()),
        }
    }
}

/// Loads the index and the packs this page needs; `again` asks the loader to fetch
/// anew instead of handing back what it fetched before (a retry).
pub async fn load(quiz: Option<&str>, again: bool) -> Result<Content, Problem> {
    let index_bytes = bytes(packed::INDEX_FILE, again).await?;
    let index = packed::read_index(index_bytes).map_err(|error| Problem::Pack { file: packed::INDEX_FILE.into(), error })?;
    let wanted = quiz.and_then(|id| index.quizzes.iter().find(|e| e.id == id));
    let entries: Vec<&Entry> = match wanted {
        Some(entry) => vec![entry],
        None => index.quizzes.iter().collect(),
    };
    // Every request starts before the first is awaited, so they run side by side.
    let pending: Vec<(String, &Entry, Result<JsFuture, Problem>)> = entries
        .into_iter()
        .map(|entry| {
            let file = packed::quiz_file(&entry.id);
            let request = request(&file, again);
            (file, entry, request)
        })
        .collect();
    let mut quizzes: Vec<Quiz> = Vec::with_capacity(pending.len());
    for (file, entry, request) in pending {
        let pack = arrived(&file, request?.await)?;
        quizzes.push(packed::read_quiz(pack, Some(entry)).map_err(|error| Problem::Pack { file, error })?);
    }
    let course: &'static Course = Box::leak(Box::new(Course { title: index.title, lang: index.lang, quizzes: quizzes.into() }));
    // A course of one quiz needs no menu: it opens at that quiz.
    let found = (wanted.is_some() || course.quizzes.len() == 1).then_some(0);
    Ok(Content { course, found, unknown_quiz: quiz.is_some() && wanted.is_none() })
}

async fn bytes(file: &str, again: bool) -> Result<&'static [u8], Problem> {
    let request = request(file, again)?;
    arrived(file, request.await)
}

/// Where a picture or sound is: the offline page's loader gives an embedded file's
/// `data:` URL (`tereContent.media(file)`); elsewhere the file beside the packs.
pub fn media_url(media: &tere_engine::media::Media) -> String {
    let embedded = || {
        let window: JsValue = web_sys::window()?.into();
        let loader = Reflect::get(&window, &"tereContent".into()).ok()?;
        let media_of = Reflect::get(&loader, &"media".into()).ok()?.dyn_into::<Function>().ok()?;
        media_of.call1(&loader, &media.file.to_string().into()).ok()?.as_string()
    };
    embedded().unwrap_or_else(|| media.path())
}

/// Asks the page's loader for a pack.
fn request(file: &str, again: bool) -> Result<JsFuture, Problem> {
    let fetch_failed = || Problem::Fetch { file: file.to_string() };
    let window = web_sys::window().ok_or_else(fetch_failed)?;
    let loader = Reflect::get(&window, &"tereContent".into()).map_err(|_| fetch_failed())?;
    let load = Reflect::get(&loader, &"load".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()).ok_or_else(fetch_failed)?;
    let promise = load.call2(&loader, &file.into(), &again.into()).ok().and_then(|p| p.dyn_into::<Promise>().ok()).ok_or_else(fetch_failed)?;
    Ok(JsFuture::from(promise))
}

/// The bytes of an arrived pack, kept for the page's life: the course's texts borrow from them.
fn arrived(file: &str, result: Result<JsValue, JsValue>) -> Result<&'static [u8], Problem> {
    let buffer = result.map_err(|_| Problem::Fetch { file: file.to_string() })?;
    Ok(Uint8Array::new(&buffer).to_vec().leak())
}

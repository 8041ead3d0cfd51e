//! The draft, saved in the browser's local storage as the trainer types, and offered
//! back when the Studio opens again, with when it was saved and last published and
//! where the trainer was. The draft is a JSON object of file name → text; its
//! pictures and sounds (those some question names) another, of file name → base64,
//! written only when they change.

use std::cell::RefCell;
use std::sync::Arc;

use base64::Engine;
use tere_authoring::CourseFiles;
use tere_authoring::Draft;
use wasm_bindgen::JsCast;

const KEY: &str = "tere-studio.draft.v1";
const MEDIA_KEY: &str = "tere-studio.media.v1";
/// When the draft was saved and last published (ms since 1970), and the published
/// draft's fingerprint: `<saved>|<published>|<fingerprint>`.
const TIMES_KEY: &str = "tere-studio.times.v1";
/// Where the trainer was: `<quiz>|<question>` (the question may be empty).
const PLACE_KEY: &str = "tere-studio.place.v1";

/// When the draft was saved and published, as the Studio shows them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Times {
    pub saved: Option<f64>,
    pub published: Option<f64>,
    /// The fingerprint of the draft as it was published.
    pub published_draft: Option<u32>,
}

/// What the Studio finds saved when it opens.
pub struct Saved {
    pub draft: Draft,
    pub times: Times,
    pub quiz: usize,
    pub question: Option<usize>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A full or blocked storage must not stop the editing: whether it took the value.
fn set(key: &str, value: &str) -> bool {
    storage().is_some_and(|storage| storage.set_item(key, value).is_ok())
}

/// The media as last written: each file's name and its bytes' place in memory (a
/// draft shares them from edit to edit, so the same place is the same bytes).
type MediaSignature = Vec<(String, usize)>;

thread_local! {
    /// The media last written, and whether the storage took them.
    static MEDIA_SAVED: RefCell<Option<(MediaSignature, bool)>> = const { RefCell::new(None) };
}

/// Saves the media some question names, when they changed since last time: whether
/// the storage holds them (a browser keeps a few megabytes a site; more pictures than
/// that stay only while the page is open, and in what is published).
fn save_media(draft: &Draft) -> bool {
    let kept = draft.media_kept();
    let signature: MediaSignature = kept.iter().map(|(name, bytes)| (name.clone(), Arc::as_ptr(bytes) as *const u8 as usize)).collect();
    if let Some(saved) = MEDIA_SAVED.with_borrow(|saved| saved.as_ref().filter(|(s, _)| *s == signature).map(|(_, ok)| *ok)) {
        return saved;
    }
    let object = js_sys::Object::new();
    for (name, bytes) in &kept {
        let _ = js_sys::Reflect::set(&object, &name.into(), &base64::engine::general_purpose::STANDARD.encode(bytes).into());
    }
    let ok = match js_sys::JSON::stringify(&object) {
        Ok(json) => {
            let ok = set(MEDIA_KEY, &String::from(json));
            if !ok {
                // What is there is an older set; a draft must not come back with it.
                if let Some(storage) = storage() {
                    let _ = storage.remove_item(MEDIA_KEY);
                }
            }
            ok
        }
        Err(_) => false,
    };
    MEDIA_SAVED.with_borrow_mut(|saved| *saved = Some((signature, ok)));
    ok
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// A fingerprint of the draft's text, to tell the published draft from a changed one.
pub fn fingerprint(draft: &Draft) -> u32 {
    let text: String = draft.files().files.iter().flat_map(|(name, text)| [name.as_str(), "\0", text.as_str(), "\0"]).collect();
    tere_engine::shuffle::fnv1a(text.as_bytes())
}

/// Saves the draft now; returns the time it was saved, and whether its pictures and
/// sounds were saved too (they may not fit the browser's storage).
pub fn save(draft: &Draft, times: Times) -> (Times, bool) {
    let object = js_sys::Object::new();
    for (name, text) in &draft.files().files {
        let _ = js_sys::Reflect::set(&object, &name.into(), &text.into());
    }
    if let Ok(json) = js_sys::JSON::stringify(&object) {
        set(KEY, &String::from(json));
    }
    let media = save_media(draft);
    let times = Times { saved: Some(js_sys::Date::now()), ..times };
    save_times(times);
    (times, media)
}

/// Records that the draft was published now.
pub fn published(draft: &Draft, times: Times) -> Times {
    let times = Times { published: Some(js_sys::Date::now()), published_draft: Some(fingerprint(draft)), ..times };
    save_times(times);
    times
}

fn save_times(times: Times) {
    let number = |n: Option<f64>| n.map_or(String::new(), |n| format!("{n:.0}"));
    let _ = set(TIMES_KEY, &format!("{}|{}|{}", number(times.saved), number(times.published), times.published_draft.map_or(String::new(), |f| f.to_string())));
}

/// Remembers where the trainer is, to open there again.
pub fn save_place(quiz: usize, question: Option<usize>) {
    let _ = set(PLACE_KEY, &format!("{quiz}|{}", question.map_or(String::new(), |q| q.to_string())));
}

/// The saved draft, if there is one that reads, with its times and place.
pub fn load() -> Option<Saved> {
    let json = get(KEY)?;
    let object = js_sys::JSON::parse(&json).ok()?;
    let mut files = CourseFiles::default();
    for key in js_sys::Object::keys(object.dyn_ref::<js_sys::Object>()?).iter() {
        let name = key.as_string()?;
        let text = js_sys::Reflect::get(&object, &key).ok()?.as_string()?;
        files.files.insert(name, text);
    }
    if !files.files.contains_key("course.toml") {
        return None;
    }
    files.media = load_media();
    let times = get(TIMES_KEY).map_or_else(Times::default, |text| {
        let mut parts = text.split('|');
        let mut number = || parts.next().and_then(|p| p.parse::<f64>().ok());
        let (saved, published, fingerprint) = (number(), number(), number());
        Times { saved, published, published_draft: fingerprint.map(|f| f as u32) }
    });
    let place = get(PLACE_KEY).unwrap_or_default();
    let (quiz, question) = place.split_once('|').unwrap_or(("0", ""));
    Some(Saved { draft: Draft::new(files), times, quiz: quiz.parse().unwrap_or(0), question: question.parse().ok() })
}

/// The saved media: those that read (a missing one shows as a problem at its question).
fn load_media() -> std::collections::BTreeMap<String, Arc<[u8]>> {
    let Some(object) = get(MEDIA_KEY).and_then(|json| js_sys::JSON::parse(&json).ok()) else { return Default::default() };
    let Some(keys) = object.dyn_ref::<js_sys::Object>().map(js_sys::Object::keys) else { return Default::default() };
    keys.iter()
        .filter_map(|key| {
            let b64 = js_sys::Reflect::get(&object, &key).ok()?.as_string()?;
            Some((key.as_string()?, base64::engine::general_purpose::STANDARD.decode(b64).ok()?.into()))
        })
        .collect()
}

//! The draft, saved in the browser's local storage as the trainer types, and offered
//! back when the Studio opens again, with when it was saved and last published and
//! where the trainer was. The draft is a JSON object of file name → text. Its
//! pictures and sounds (those some question names) go to IndexedDB (`media_store`),
//! written only when they change; where IndexedDB cannot be had, to local storage as a
//! JSON object of file name → base64, as far as it fits.

use std::cell::RefCell;
use std::collections::BTreeMap;
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

/// The media as last written (or as read from IndexedDB), by name. A draft shares
/// its files' bytes from edit to edit, so the same `Arc` is the same bytes; holding it
/// keeps that true.
type Written = Vec<(String, Arc<[u8]>)>;

thread_local! {
    /// What IndexedDB holds, or was last sent to hold.
    static MEDIA_WRITTEN: RefCell<Option<Written>> = const { RefCell::new(None) };
}

fn already_written(kept: &Written) -> bool {
    MEDIA_WRITTEN.with_borrow(|written| {
        written.as_ref().is_some_and(|w| w.len() == kept.len() && w.iter().zip(kept).all(|((a, x), (b, y))| a == b && Arc::ptr_eq(x, y)))
    })
}

/// Saves the media some question names, when they changed since last time, and then
/// calls `done` with whether the browser holds them (when it does not, they stay only
/// while the page is open, and in what is published). Writes go in order: IndexedDB
/// runs one save's transaction after the one before.
pub fn save_media(draft: &Draft, done: impl FnOnce(bool) + 'static) {
    let kept = draft.media_kept();
    if already_written(&kept) {
        return;
    }
    MEDIA_WRITTEN.with_borrow_mut(|written| *written = Some(kept.clone()));
    yew::platform::spawn_local(async move {
        let kept_ok = match crate::media_store::save(&kept).await {
            Ok(()) => {
                // An older set from before IndexedDB must not come back with a draft.
                forget_local_media();
                true
            }
            Err(why) => {
                web_sys::console::warn_1(&format!("Tere Studio: pictures and sounds not kept in IndexedDB ({why}); trying local storage").into());
                save_media_locally(&kept)
            }
        };
        done(kept_ok);
    });
}

/// The media in local storage, as far as it holds them (a few megabytes a site).
fn save_media_locally(kept: &[(String, Arc<[u8]>)]) -> bool {
    let object = js_sys::Object::new();
    for (name, bytes) in kept {
        let _ = js_sys::Reflect::set(&object, &name.into(), &base64::engine::general_purpose::STANDARD.encode(bytes).into());
    }
    let ok = js_sys::JSON::stringify(&object).is_ok_and(|json| set(MEDIA_KEY, &String::from(json)));
    if !ok {
        // What is there is an older set; a draft must not come back with it.
        forget_local_media();
    }
    ok
}

/// Removes the media local storage holds, an older set than the draft's.
fn forget_local_media() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(MEDIA_KEY);
    }
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// A fingerprint of the draft's text, to tell the published draft from a changed one.
pub fn fingerprint(draft: &Draft) -> u32 {
    let text: String = draft.files().files.iter().flat_map(|(name, text)| [name.as_str(), "\0", text.as_str(), "\0"]).collect();
    tere_engine::shuffle::fnv1a(text.as_bytes())
}

/// Saves the draft's text now (its media: `save_media`); returns the time it was saved.
pub fn save(draft: &Draft, times: Times) -> Times {
    let object = js_sys::Object::new();
    for (name, text) in &draft.files().files {
        let _ = js_sys::Reflect::set(&object, &name.into(), &text.into());
    }
    if let Ok(json) = js_sys::JSON::stringify(&object) {
        set(KEY, &String::from(json));
    }
    let times = Times { saved: Some(js_sys::Date::now()), ..times };
    save_times(times);
    times
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

/// The saved draft, if there is one that reads, with its times and place, and `media`
/// (`load_media`).
pub fn load(media: BTreeMap<String, Arc<[u8]>>) -> Option<Saved> {
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
    files.media = media;
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

/// The saved media: IndexedDB's, or (when it has none, or cannot be had) those local
/// storage holds, as an earlier Studio or the fallback wrote them. A file missing
/// shows as a problem at its question.
pub async fn load_media() -> BTreeMap<String, Arc<[u8]>> {
    match crate::media_store::load().await {
        Ok(media) if !media.is_empty() => {
            // What IndexedDB holds need not be written back when the draft opens with it.
            MEDIA_WRITTEN.with_borrow_mut(|written| *written = Some(media.iter().map(|(name, bytes)| (name.clone(), bytes.clone())).collect()));
            media
        }
        Ok(_) => load_media_locally(),
        Err(why) => {
            web_sys::console::warn_1(&format!("Tere Studio: no pictures and sounds from IndexedDB ({why})").into());
            load_media_locally()
        }
    }
}

fn load_media_locally() -> BTreeMap<String, Arc<[u8]>> {
    let Some(object) = get(MEDIA_KEY).and_then(|json| js_sys::JSON::parse(&json).ok()) else { return Default::default() };
    let Some(keys) = object.dyn_ref::<js_sys::Object>().map(js_sys::Object::keys) else { return Default::default() };
    keys.iter()
        .filter_map(|key| {
            let b64 = js_sys::Reflect::get(&object, &key).ok()?.as_string()?;
            Some((key.as_string()?, base64::engine::general_purpose::STANDARD.decode(b64).ok()?.into()))
        })
        .collect()
}

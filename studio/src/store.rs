//! The draft, saved in the browser's local storage as the trainer types, and offered
//! back when the Studio opens again, with when it was saved and last published and
//! where the trainer was. The draft is a JSON object of file name → text.

use tere_authoring::CourseFiles;
use tere_authoring::Draft;
use wasm_bindgen::JsCast;

const KEY: &str = "tere-studio.draft.v1";
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

/// A full or blocked storage must not stop the editing.
fn set(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
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

/// Saves the draft now; returns the time it was saved.
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
    set(TIMES_KEY, &format!("{}|{}|{}", number(times.saved), number(times.published), times.published_draft.map_or(String::new(), |f| f.to_string())));
}

/// Remembers where the trainer is, to open there again.
pub fn save_place(quiz: usize, question: Option<usize>) {
    set(PLACE_KEY, &format!("{quiz}|{}", question.map_or(String::new(), |q| q.to_string())));
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

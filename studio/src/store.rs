//! The draft, saved in the browser's local storage as the trainer types, and offered
//! back when the Studio opens again. Stored as a JSON object of file name → text.

use tere_authoring::CourseFiles;
use tere_authoring::Draft;
use wasm_bindgen::JsCast;

const KEY: &str = "tere-studio.draft.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn save(draft: &Draft) {
    let object = js_sys::Object::new();
    for (name, text) in &draft.files().files {
        let _ = js_sys::Reflect::set(&object, &name.into(), &text.into());
    }
    if let (Some(storage), Ok(json)) = (storage(), js_sys::JSON::stringify(&object)) {
        // A full or blocked storage must not stop the editing.
        let _ = storage.set_item(KEY, &String::from(json));
    }
}

/// The saved draft, if there is one that reads.
pub fn load() -> Option<Draft> {
    let json = storage()?.get_item(KEY).ok()??;
    let object = js_sys::JSON::parse(&json).ok()?;
    let mut files = CourseFiles::default();
    for key in js_sys::Object::keys(object.dyn_ref::<js_sys::Object>()?).iter() {
        let name = key.as_string()?;
        let text = js_sys::Reflect::get(&object, &key).ok()?.as_string()?;
        files.files.insert(name, text);
    }
    files.files.contains_key("course.toml").then(|| Draft::new(files))
}

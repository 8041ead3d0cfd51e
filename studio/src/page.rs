//! What the Studio's page carries besides the program: the built player's files and
//! the built-in course's source, in data blocks that are never run (written by
//! `cargo xtask package`, like the offline page's), and saving a file to the trainer's
//! computer.

use base64::Engine;
use tere_publish::{Player, Players, Source, PAGE_PLAYER_BLOCK, SCORM_PLAYER_BLOCK, XAPI_PLAYER_BLOCK};
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The text of every `<script type="{kind}" data-{attribute}="…">` block, by that attribute.
fn blocks(kind: &str, attribute: &str) -> Vec<(String, String)> {
    let Some(list) = document().and_then(|d| d.query_selector_all(&format!("script[type=\"{kind}\"][data-{attribute}]")).ok()) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| Some((e.get_attribute(&format!("data-{attribute}"))?, e.text_content()?)))
        .collect()
}

fn decode(b64: &str) -> Option<Vec<u8>> {
    let clean: String = b64.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD.decode(clean).ok()
}

/// The built player in the blocks of `attribute`, as the packages carry it.
fn player(attribute: &str) -> Player {
    Player { files: blocks("application/octet-stream", attribute).into_iter().filter_map(|(name, b64)| Some((name, decode(&b64)?))).collect() }
}

/// The built SCORM and page players.
pub fn players() -> Players {
    Players { scorm: player(SCORM_PLAYER_BLOCK), page: player(PAGE_PLAYER_BLOCK) }
}

/// The built xAPI player (the cmi5 and xAPI packages').
pub fn xapi_player() -> Player {
    player(XAPI_PLAYER_BLOCK)
}

/// The built-in course's source files, and its pictures and sounds (`media/<name>` blocks).
pub fn builtin_source() -> Source {
    let mut source = Source::default();
    for (name, b64) in blocks("application/x-tere-source", "file") {
        let Some(bytes) = decode(&b64) else { continue };
        match name.strip_prefix(MEDIA_PREFIX) {
            Some(media) => source.media.push((media.to_string(), bytes)),
            None => source.files.extend(String::from_utf8(bytes).ok().map(|text| (name, text))),
        }
    }
    source
}

/// How a source block names a media file: as in a course folder, `media/<name>`.
const MEDIA_PREFIX: &str = "media/";

/// A `blob:` URL for `bytes` of type `mime`.
pub fn object_url(bytes: &[u8], mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).buffer());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Offers `bytes` to the trainer as a file download named `name`.
pub fn save(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let url = object_url(bytes, mime).ok_or("cannot make the file")?;
    let document = document().ok_or("no page")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| "no link")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has started from the URL; it is released a while later, when the
    // browser has surely read it (there is no event for that).
    let release = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// A page for `html` that an iframe can show (the preview); revoked when the preview closes.
pub fn page_url(html: &str) -> Option<String> {
    object_url(html.as_bytes(), "text/html")
}

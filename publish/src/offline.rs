//! The single-file offline page: opens from disk (`file://`) with no network. The
//! player's title, `<main>`, styles and icon are inlined; its only inline script is the
//! wasm-bindgen glue plus [`LOADER`], the same for every course packaged with one
//! player build (so a Content-Security-Policy hash of it holds for every course). All
//! that varies, the wasm, each pack and the course's source, lives in non-executed
//! data blocks (`<script type="application/octet-stream">`, base64) that the loader
//! reads by id and attribute:
//!
//! - `<script type="application/octet-stream" id="tere-wasm">`: the player's wasm;
//! - `<script type="application/octet-stream" data-pack="course.pack">`: a pack, by
//!   the name the player asks `tereContent.load` for (content-loader.js's contract);
//! - `<script type="application/octet-stream" data-media="<hash>.svg" data-type="image/svg+xml">`:
//!   a picture or sound, which `tereContent.media(file)` gives the player as a `data:`
//!   URL (the page fetches nothing; base64 makes each file a third larger);
//! - `<script type="application/x-tere-source" data-file="course.toml">`: a source
//!   file, for `read_source`, never read by the page.

use tere_authoring::media::{MediaKind, COURSE_FOLDER};
use tere_authoring::packed::Packs;

use crate::{base64, Players, Source};

/// The `id` of the wasm's data block.
pub(crate) const WASM_ID: &str = "tere-wasm";
/// The `type` of the wasm's and the packs' data blocks.
pub(crate) const BYTES_TYPE: &str = "application/octet-stream";
/// The `type` of the source's data blocks.
pub(crate) const SOURCE_TYPE: &str = "application/x-tere-source";
/// The attribute of a source media block whose bytes are the page's `data-media`
/// block of that name.
pub(crate) const SAME_AS: &str = "data-same-as";

/// Run after the glue (a module script runs once the page is parsed, so every data
/// block is there): `tereContent.load(name)` resolves with an embedded pack's bytes,
/// then the wasm is instantiated from its block. In a block of its own, so its names
/// cannot meet the glue's.
const LOADER: &str = r#"{
  const bytes = (block) => Uint8Array.from(atob(block.textContent.trim()), (c) => c.charCodeAt(0));
  const packs = new Map(Array.from(document.querySelectorAll('script[type="application/octet-stream"][data-pack]'), (block) => [block.dataset.pack, block]));
  const media = new Map(Array.from(document.querySelectorAll('script[type="application/octet-stream"][data-media]'), (block) => [block.dataset.media, block]));
  window.tereContent = {
    load: (name) => (packs.has(name) ? Promise.resolve(bytes(packs.get(name)).buffer) : Promise.reject(new Error(`${name}: not in this page`))),
    media: (file) => (media.has(file) ? `data:${media.get(file).dataset.type};base64,${media.get(file).textContent.trim()}` : undefined),
  };
  await __wbg_init({ module_or_path: bytes(document.getElementById("tere-wasm")) });
}"#;

/// The offline page of the whole course, with the page player. Fails when it lacks one of its parts
/// (index.html with `<title>` and `<main>`, styles, glue, wasm) or holds text that
/// would end its inline element early.
pub fn offline_page(players: &Players, packs: &Packs, source: &Source) -> Result<String, String> {
    let files = &players.page.files;
    let find = |suffix: &str| -> Result<&[u8], String> {
        files.iter().find(|(n, _)| n.ends_with(suffix) && !n.starts_with("boot-")).map(|(_, b)| b.as_slice()).ok_or(format!("no *{suffix} in the player"))
    };
    let text = |suffix: &str| -> Result<String, String> { Ok(String::from_utf8_lossy(find(suffix)?).into_owned()) };
    let index = text("index.html")?;
    let between = |open: &str, close: &str| -> Result<String, String> {
        let start = index.find(open).ok_or(format!("no {open} in the player's index.html"))?;
        let end = start + index[start..].find(close).ok_or(format!("no {close} in the player's index.html"))? + close.len();
        Ok(index[start..end].to_string())
    };
    let title = between("<title>", "</title>")?;
    let main = between("<main", "</main>")?;
    let css = text(".css")?;
    let glue = files
        .iter()
        .find(|(n, _)| n.ends_with(".js") && !n.rsplit('/').next().unwrap_or(n).starts_with("boot-") && !n.ends_with("content-loader.js"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .ok_or("no wasm-bindgen glue in the player")?;
    inlinable(&css, "style", "the player's styles")?;
    inlinable(&glue, "script", "the wasm-bindgen glue")?;
    crate::check_names(source)?;
    let wasm = find(".wasm")?;
    let icon = find(".svg").unwrap_or_default();
    let mut data = format!("<script type=\"{BYTES_TYPE}\" id=\"{WASM_ID}\">{}</script>\n", base64(wasm));
    for (name, bytes) in &packs.files {
        data += &format!("<script type=\"{BYTES_TYPE}\" data-pack=\"{}\">{}</script>\n", attribute(name), base64(bytes));
    }
    for (name, bytes) in &packs.media {
        let mime = name.rsplit('.').next().and_then(MediaKind::from_extension).map_or("application/octet-stream", MediaKind::mime);
        data += &format!("<script type=\"{BYTES_TYPE}\" data-media=\"{}\" data-type=\"{mime}\">{}</script>\n", attribute(name), base64(bytes));
    }
    data += &source_blocks(source, &packs.media);
    let script = format!("\n{glue}\n{LOADER}\n");
    // Only this one script may run (by its hash), the wasm may compile, nothing is fetched.
    let csp = format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; media-src data:; base-uri 'none'; form-action 'none'",
        script_hash(&script)
    );
    Ok(format!(
        "<!doctype html>\n<html lang=\"et\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n{title}\n\
         <link rel=\"icon\" href=\"data:image/svg+xml;base64,{}\">\n<style>\n{css}\n</style>\n</head>\n<body>\n{main}\n{data}\
         <script type=\"module\">{script}</script>\n</body>\n</html>\n",
        base64(icon),
    ))
}

/// The source as data blocks of a page (`<script type="{SOURCE_TYPE}" data-file="…">`
/// with the file's bytes in base64), as the offline page and the Studio's page carry
/// it; `read_source` reads them back. A media file is `data-file="media/<name>"`; one
/// whose bytes the page embeds already (in `embedded`, `(packed name, bytes)`, its
/// `data-media` blocks) is written as `data-same-as="<packed name>"` with no body, so
/// the page does not carry the picture twice.
pub fn source_blocks(source: &Source, embedded: &[(String, Vec<u8>)]) -> String {
    let mut data = String::new();
    for (name, text) in &source.files {
        data += &format!("<script type=\"{SOURCE_TYPE}\" data-file=\"{}\">{}</script>\n", attribute(name), base64(text.as_bytes()));
    }
    for (name, bytes) in &source.media {
        let file = attribute(&format!("{COURSE_FOLDER}/{name}"));
        match embedded.iter().find(|(_, packed)| packed == bytes) {
            Some((packed, _)) => data += &format!("<script type=\"{SOURCE_TYPE}\" data-file=\"{file}\" {SAME_AS}=\"{}\"></script>\n", attribute(packed)),
            None => data += &format!("<script type=\"{SOURCE_TYPE}\" data-file=\"{file}\">{}</script>\n", base64(bytes)),
        }
    }
    data
}

/// Whether `text` may be written inside an HTML `<element>` as is: a raw-text element
/// (`<script>`, `<style>`) ends at the first `</element`, in any case, so text that
/// holds one would end it early. `what` names the text in the error.
pub fn inlinable(text: &str, element: &str, what: &str) -> Result<(), String> {
    let end = format!("</{element}");
    match text.to_ascii_lowercase().contains(&end) {
        true => Err(format!("{what} contains `{end}`, which would end the page's <{element}> early")),
        false => Ok(()),
    }
}

/// A Content-Security-Policy source that allows exactly the inline script `script`
/// (its text between `<script …>` and `</script>`).
pub fn script_hash(script: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("'sha256-{}'", base64(&Sha256::digest(script.as_bytes())))
}

/// Text as a double-quoted HTML attribute value.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// An attribute value [`attribute`] wrote, read back.
pub(crate) fn unattribute(text: &str) -> String {
    text.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::inlinable;

    #[test]
    fn text_that_would_end_its_element_early_is_refused_in_any_case() {
        assert!(inlinable("let a = '</p>'; x < y;", "script", "the glue").is_ok());
        assert!(inlinable("a{color:red}", "style", "the styles").is_ok());
        let refused = inlinable("s = '</SCRIPT >';", "script", "the glue").unwrap_err();
        assert!(refused.contains("the glue") && refused.contains("</script"), "{refused}");
        assert!(inlinable("/* </Style> */", "style", "the styles").is_err());
        // The other element's end tag is harmless.
        assert!(inlinable("'</style>'", "script", "the glue").is_ok());
    }
}

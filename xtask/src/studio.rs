//! Tere Studio as one HTML file a trainer double-clicks (`tere-studio.html`): the
//! Studio's program (built by Trunk from studio/, rebuilt only when its sources
//! changed), the built player and the course's source, all inside. Like the offline
//! page, its only inline script is the program's glue and loader; everything else is
//! in data blocks that are never run, and a Content-Security-Policy allows exactly
//! that script (and the preview's, the offline page's own script) by hash.

use std::path::Path;

use base64::Engine;
use tere_publish::{inlinable, script_hash, source_blocks, Player, Players, Source, PAGE_PLAYER_BLOCK, SCORM_PLAYER_BLOCK, XAPI_PLAYER_BLOCK};

use crate::dist::built_after;
use crate::util::{self, Result};

/// What the Studio is built from.
const STUDIO_SOURCES: &[&str] = &[
    "studio",
    "authoring/src",
    "authoring/Cargo.toml",
    "publish/src",
    "publish/Cargo.toml",
    "engine/src",
    "engine/Cargo.toml",
    "Cargo.toml",
    "Cargo.lock",
    "Trunk.toml",
];

/// Builds the Studio into target/studio-dist when any of its sources is newer.
pub fn build_if_stale() -> Result<std::path::PathBuf> {
    let root = util::root();
    let dist = root.join("target/studio-dist");
    if !built_after(&dist.join("index.html"), &root, STUDIO_SOURCES) {
        let mut trunk = util::cmd("trunk");
        trunk.args(["build", "studio/index.html", "--release", "--dist"]).arg(&dist);
        util::run(&mut trunk, "trunk build (studio)")?;
    }
    Ok(dist)
}

fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The text of the first `<script type="module">` of `html`.
fn module_script(html: &str) -> Option<&str> {
    let open = "<script type=\"module\">";
    let start = html.find(open)? + open.len();
    let end = start + html[start..].find("</script>")?;
    Some(&html[start..end])
}

/// The single-file Studio for `source` (its built-in course), with the players inside
/// (the xAPI player for the cmi5 and xAPI packages).
pub fn page(studio_dist: &Path, players: &Players, xapi: &Player, source: &Source, offline_example: &str) -> Result<String> {
    let files: Vec<String> = crate::dist::site_files(studio_dist)?;
    let read = |suffix: &str| -> Result<Vec<u8>> {
        let name = files.iter().find(|f| f.ends_with(suffix) && !f.starts_with("boot-")).ok_or(format!("no *{suffix} in the Studio's build"))?;
        std::fs::read(studio_dist.join(name)).map_err(|e| format!("{name}: {e}"))
    };
    let css = String::from_utf8_lossy(&read(".css")?).into_owned();
    let glue = String::from_utf8_lossy(&read(".js")?).into_owned();
    let wasm = read("_bg.wasm")?;
    inlinable(&css, "style", "the Studio's styles")?;
    inlinable(&glue, "script", "the Studio's wasm-bindgen glue")?;
    let script = format!(
        "\n{glue}\nconst studioBlock = document.getElementById(\"tere-studio-wasm\");\n\
         const studioWasm = Uint8Array.from(atob(studioBlock.textContent.trim()), (c) => c.charCodeAt(0));\n\
         await __wbg_init({{ module_or_path: studioWasm }});\n"
    );
    let preview_script = module_script(offline_example).ok_or("the offline page has no module script")?;
    let csp = format!(
        "default-src 'none'; script-src {} {} 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; media-src data: blob:; frame-src blob:; connect-src data: blob:; base-uri 'none'; form-action 'none'",
        script_hash(&script),
        script_hash(preview_script)
    );
    let mut data = String::new();
    for (attribute, player) in [(PAGE_PLAYER_BLOCK, &players.page), (SCORM_PLAYER_BLOCK, &players.scorm), (XAPI_PLAYER_BLOCK, xapi)] {
        for (name, bytes) in &player.files {
            data.push_str(&format!("<script type=\"application/octet-stream\" data-{attribute}=\"{name}\">{}</script>\n", base64(bytes)));
        }
    }
    data.push_str(&source_blocks(source, &[]));
    Ok(format!(
        "<!doctype html>\n<html lang=\"et\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n<title>Tere Studio</title>\n<style>\n{css}\n</style>\n</head>\n<body>\n\
         <main id=\"studio\"><noscript>Tere Studio vajab JavaScripti. · Tere Studio tarvitsee JavaScriptin. · Tere Studio needs JavaScript.</noscript></main>\n\
         <script type=\"application/octet-stream\" id=\"tere-studio-wasm\">{}</script>\n{data}<script type=\"module\">{script}</script>\n</body>\n</html>\n",
        base64(&wasm)
    ))
}

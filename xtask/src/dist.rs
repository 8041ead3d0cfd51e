//! After Trunk: move its inline loader script into a file of its own, so the built
//! site runs under a Content-Security-Policy without 'unsafe-inline'; put the content
//! loader, without its comment lines, where the player's page needs it (its own file,
//! or inline in a package's page: one round trip less before the wasm is asked for,
//! and with the key a learner's browser keeps the player under); and list what the
//! site consists of.

use std::path::{Path, PathBuf};

use crate::util::Result;

const MODULE_OPEN: &str = "<script type=\"module\">";

/// The page of a Trunk build made ready to serve: Trunk's module loader moved into its
/// own file (`boot-<hash>.js`), which hands wasm-bindgen's `init` to the content
/// loader, and the content loader told the wasm's name and put where `content_loader`
/// says.
pub fn place_loaders(dist: &Path, content_loader: ContentLoader) -> Result {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let Some(start) = html.find(MODULE_OPEN) else {
        return Ok(()); // already done
    };
    let body_start = start + MODULE_OPEN.len();
    let end = body_start + html[body_start..].find("</script>").ok_or("unterminated loader script")?;
    let loader = html[body_start..end].trim();
    // The wasm is fetched by content-loader.js (plain, or its gzip bytes in Moodle);
    // the boot module hands wasm-bindgen's `init` to it.
    let wasm = between(loader, "module_or_path: '", "'").ok_or("no wasm path in Trunk's loader")?.to_string();
    let loader = loader.replace(&format!("init({{ module_or_path: '{wasm}' }})"), "window.tereContent.start(init)");
    if loader.contains(&wasm) {
        return Err(format!("Trunk's loader names {wasm} in a way xtask does not know"));
    }
    let name = format!("boot-{:08x}.js", tere_engine::shuffle::fnv1a(loader.as_bytes()));
    std::fs::write(dist.join(&name), format!("{loader}\n")).map_err(|e| e.to_string())?;
    let html = format!("{}<script type=\"module\" src=\"./{name}\"></script>{}", &html[..start], &html[end + "</script>".len()..]);
    // No preload of the plain wasm (in Moodle its gzip bytes come instead): the loader
    // script, first in the head, starts the wasm's fetch itself.
    let preload =
        between(&html, "<link rel=\"preload\" href=\"", ">").filter(|link| link.contains(".wasm")).map(|link| format!("<link rel=\"preload\" href=\"{link}>"));
    let html = match preload {
        Some(link) => html.replace(&link, ""),
        None => html,
    };
    const TAG: &str = "<script src=\"content-loader.js\"></script>";
    if !html.contains(TAG) {
        return Err(format!("index.html has no {TAG} to name the wasm in"));
    }
    let file = dist.join("content-loader.js");
    let text = without_comment_lines(&std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?);
    let script = match content_loader {
        ContentLoader::File => {
            std::fs::write(&file, &text).map_err(|e| format!("{}: {e}", file.display()))?;
            format!("<script src=\"content-loader.js\" data-wasm=\"{wasm}\"></script>")
        }
        ContentLoader::Inline => {
            tere_publish::inlinable(&text, "script", "content-loader.js")?;
            std::fs::remove_file(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let key = wasm_key(&dist.join(wasm.trim_start_matches("./")))?;
            format!("<script data-wasm=\"{wasm}\" data-wasm-key=\"{key}\">\n{}</script>", text.trim_start())
        }
    };
    std::fs::write(&index, html.replacen(TAG, &script, 1)).map_err(|e| e.to_string())
}

/// `script` without its whole-line `//` comments, which every learner would download
/// (they are half of content-loader.js, which has no string that spans lines).
fn without_comment_lines(script: &str) -> String {
    script.lines().filter(|line| !line.trim_start().starts_with("//")).map(|line| format!("{line}\n")).collect()
}

/// The key a package's page keeps its player under in a learner's browser
/// (content-loader.js, `data-wasm-key`): the first 128 bits of the wasm's SHA-256, so
/// two players share a key only when their bytes are the same.
fn wasm_key(wasm: &Path) -> Result<String> {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    Ok(Sha256::digest(&bytes)[..16].iter().map(|b| format!("{b:02x}")).collect())
}

/// Where a player's page has the content loader (`content-loader.js`), which starts
/// the fetches of the wasm and the packs.
#[derive(Clone, Copy)]
pub enum ContentLoader {
    /// Its own file: the site runs under a Content-Security-Policy without
    /// 'unsafe-inline' (tests/browser/robustness.test.mjs).
    File,
    /// In the page: the wasm and the packs are asked for as the page is read, not one
    /// round trip later when the loader's file has arrived (on the phone profile, about
    /// 0.25 s sooner to the first question; BENCHMARKS.md). For packages, which an LMS
    /// serves without such a policy (docs/moodle.md). With the wasm's key: a learner's
    /// browser keeps the player for the next package that carries the same one.
    Inline,
}

/// The text between `open` and the next `close` after it.
fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    Some(&text[start..start + text[start..].find(close)?])
}

/// Every file of the built site, relative to `dist` with `/` separators, sorted;
/// the `packages/` output folder is not part of it.
pub fn site_files(dist: &Path) -> Result<Vec<String>> {
    let mut files = Vec::new();
    collect(dist, dist, &mut files)?;
    files.sort();
    Ok(files)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path: PathBuf = entry.map_err(|e| e.to_string())?.path();
        let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if relative == "packages" {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, out)?;
        } else {
            out.push(relative);
        }
    }
    Ok(())
}

/// What the player is built from (and how its page is put together, `dist.rs`): a
/// change to any of these needs a new build.
const PLAYER_SOURCES: &[&str] = &[
    "src",
    "engine/src",
    "engine/Cargo.toml",
    "Cargo.toml",
    "Cargo.lock",
    "Trunk.toml",
    "index.html",
    "style.css",
    "favicon.svg",
    "content-loader.js",
    "xtask/src/dist.rs",
];

/// A player build: the folder it is built into (below the repo), the one Cargo
/// feature of `tere` it is built with (the doors it carries) and where its page has
/// the content loader.
pub struct PlayerBuild {
    pub dir: &'static str,
    pub feature: &'static str,
    pub content_loader: ContentLoader,
}

/// The players, one per door kind: every package carries only the doors it uses.
/// The page player (postMessage and local storage) is the site's, the offline page's
/// and `cargo xtask serve`'s; the SCORM player is every SCORM package's; the xAPI
/// player (cmi5 and xAPI to a Learning Record Store) is the cmi5 and xAPI packages'.
pub const PLAYERS: [PlayerBuild; 3] = [
    PlayerBuild { dir: "dist", feature: "page", content_loader: ContentLoader::File },
    PlayerBuild { dir: "dist-scorm", feature: "scorm", content_loader: ContentLoader::Inline },
    PlayerBuild { dir: "dist-xapi", feature: "xapi", content_loader: ContentLoader::Inline },
];

/// Where `cargo xtask build` keeps a player's wasm-bindgen output (with its names, for
/// the benchmark's twiggy): Trunk writes each build's to the same place.
pub fn bindgen_output(root: &Path, feature: &str) -> PathBuf {
    root.join(format!("target/players/{feature}_bg.wasm"))
}

/// Whether `player` was built after the last change to any of its sources.
pub fn player_is_current(root: &Path, player: &PlayerBuild) -> bool {
    built_after(&root.join(player.dir).join("index.html"), root, PLAYER_SOURCES)
}

/// Whether `built` exists and is newer than every file of `sources` (paths below `root`).
pub fn built_after(built: &Path, root: &Path, sources: &[&str]) -> bool {
    let Ok(built) = std::fs::metadata(built).and_then(|m| m.modified()) else { return false };
    sources.iter().all(|source| newest(&root.join(source)).is_some_and(|changed| changed <= built))
}

/// The latest modification time of a file, or of any file in a folder.
fn newest(path: &Path) -> Option<std::time::SystemTime> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_dir() {
        return meta.modified().ok();
    }
    std::fs::read_dir(path).ok()?.filter_map(|e| e.ok()).filter_map(|e| newest(&e.path())).max()
}

#[cfg(test)]
mod tests {
    use super::without_comment_lines;

    #[test]
    fn whole_line_comments_go_and_code_stays() {
        let script = "// why\n\"use strict\";\n  // indented why\nconst u = \"https://x\"; // after code\n";
        assert_eq!(without_comment_lines(script), "\"use strict\";\nconst u = \"https://x\"; // after code\n");
    }
}

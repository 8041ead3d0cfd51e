//! `cargo xtask package [--course DIR] [--out DIR] [--quiz <id>]...`: what a teacher
//! uploads and a learner opens, for the built-in course or any course folder (DIR
//! holds `course.toml`, `sections.toml` and quiz files, like `questions/`). Writes
//! SCORM 1.2 and 2004 zips of the whole course (one SCO with Tere's stage menu) and of
//! every stage (one SCO each; with `--quiz`, only the stages named), a single-file
//! offline page, and `site/` for hosting and iframe embedding. Why one SCO a package:
//! docs/moodle.md.
//!
//! The player is the one already built in dist/ (`cargo xtask build`), byte for byte:
//! a course is data beside it (`content/`), so packaging another course or an edited
//! one never rebuilds the wasm.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use tere_authoring::packed::Packs;
use tere_engine::cmi::Version;
use tere_engine::packed::{quiz_file, FOLDER, INDEX_FILE};
use tere_engine::Quiz;
use zip::write::SimpleFileOptions;

use crate::dist::site_files;
use crate::manifest::{manifest, Contents};
use crate::packs;
use crate::util::{self, Result};

const USAGE: &str = "usage: cargo xtask package [--course DIR] [--out DIR] [--quiz <id>]...";

/// A file of a package: its path inside the package, and its bytes.
type File = (String, Vec<u8>);

pub fn run(args: &[String]) -> Result {
    let mut stages = Vec::new();
    let (mut course_dir, mut out) = (util::content_dir(), util::root().join("dist/packages"));
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match (arg.as_str(), rest.next()) {
            ("--quiz", Some(id)) => stages.push(id.as_str()),
            ("--course", Some(dir)) => course_dir = PathBuf::from(dir),
            ("--out", Some(dir)) => out = PathBuf::from(dir),
            _ => return Err(USAGE.into()),
        }
    }
    // The content first: a course with errors stops here, before any build, and writes nothing.
    let loaded = packs::load(&course_dir)?;
    let course = &loaded.course;
    crate::setup::all()?;
    crate::build_player_if_stale()?;
    let packs = tere_authoring::packed::pack(course);
    let player = player_files(&util::root().join("dist"))?;
    let quizzes: Vec<&Quiz> = if stages.is_empty() {
        course.quizzes.iter().collect()
    } else {
        stages.iter().map(|id| course.quiz(id).ok_or_else(|| format!("no quiz `{id}` in {}", course_dir.display()))).collect::<Result<_>>()?
    };
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| format!("create {}: {e}", out.display()))?;
    let mut sets: Vec<(String, Contents, Vec<File>)> = vec![(String::new(), Contents::Course, content_files(&packs, None))];
    sets.extend(quizzes.into_iter().map(|q| (format!("-{}", q.id), Contents::Stage(q), content_files(&packs, Some(&q.id)))));
    for (suffix, contents, content) in &sets {
        let files: Vec<&File> = player.iter().chain(content).collect();
        let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
        for (version, name) in [(Version::Scorm12, "scorm12"), (Version::Scorm2004, "scorm2004")] {
            let xml = manifest(version, course, *contents, &names);
            let zip_path = out.join(format!("tere-{name}{suffix}.zip"));
            write_zip(&zip_path, &files, &xml)?;
            println!("wrote {}", zip_path.display());
        }
    }
    let offline = out.join("tere-offline.html");
    std::fs::write(&offline, offline_page(&player, &packs)?).map_err(|e| e.to_string())?;
    println!("wrote {}", offline.display());
    let site = out.join("site");
    for (name, bytes) in player.iter().chain(&content_files(&packs, None)) {
        let target = site.join(name);
        std::fs::create_dir_all(target.parent().unwrap()).map_err(|e| e.to_string())?;
        std::fs::write(&target, bytes).map_err(|e| e.to_string())?;
    }
    println!("wrote {}/", site.display());
    Ok(())
}

/// The built player: every file of dist/ but its course (`content/`).
fn player_files(dist: &Path) -> Result<Vec<File>> {
    let names = site_files(dist)?;
    if !names.iter().any(|n| n.ends_with(".wasm")) {
        return Err(format!("no player in {}; run `cargo xtask build`", dist.display()));
    }
    names
        .into_iter()
        .filter(|n| !n.starts_with(&format!("{FOLDER}/")))
        .map(|n| std::fs::read(dist.join(&n)).map(|bytes| (n.clone(), bytes)).map_err(|e| format!("{n}: {e}")))
        .collect()
}

/// The packs a package carries: the index and every quiz's, or (a stage's package)
/// the index and that quiz's alone.
fn content_files(packs: &Packs, stage: Option<&str>) -> Vec<File> {
    let wanted = stage.map(quiz_file);
    packs
        .files
        .iter()
        .filter(|(name, _)| name == INDEX_FILE || wanted.as_ref().is_none_or(|w| w == name))
        .map(|(name, bytes)| (format!("{FOLDER}/{name}"), bytes.clone()))
        .collect()
}

fn write_zip(path: &Path, files: &[&File], manifest: &str) -> Result {
    let file = std::fs::File::create(path).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipWriter::new(file);
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).compression_level(Some(9));
    let mut add = |name: &str, bytes: &[u8]| -> Result {
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())
    };
    add("imsmanifest.xml", manifest.as_bytes())?;
    for (name, bytes) in files {
        add(name, bytes)?;
    }
    zip.finish().map_err(|e| e.to_string())?;
    Ok(())
}

/// One HTML file that opens from disk: CSS inlined, the wasm-bindgen glue inlined as
/// a module script, the wasm and the course's packs embedded as base64 (the page's
/// `tereContent` hands the packs to the player without a fetch), the wasm
/// instantiated asynchronously.
fn offline_page(player: &[File], packs: &Packs) -> Result<String> {
    let find = |suffix: &str| -> Result<&[u8]> {
        player.iter().find(|(n, _)| n.ends_with(suffix) && !n.starts_with("boot-")).map(|(_, b)| b.as_slice()).ok_or(format!("no *{suffix} in dist"))
    };
    let text = |suffix: &str| -> Result<String> { Ok(String::from_utf8_lossy(find(suffix)?).into_owned()) };
    let index = text("index.html")?;
    let between = |open: &str, close: &str| -> Result<String> {
        let start = index.find(open).ok_or(format!("no {open} in dist/index.html"))?;
        let end = start + index[start..].find(close).ok_or(format!("no {close} in dist/index.html"))? + close.len();
        Ok(index[start..end].to_string())
    };
    let title = between("<title>", "</title>")?;
    let main = between("<main", "</main>")?;
    let css = text(".css")?;
    let glue = player
        .iter()
        .find(|(n, _)| n.ends_with(".js") && !n.starts_with("boot-") && n != "content-loader.js")
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .ok_or("no wasm-bindgen glue in dist")?;
    let wasm = find(".wasm")?;
    let icon = find(".svg").unwrap_or_default();
    let embedded: String = packs.files.iter().map(|(name, bytes)| format!("  \"{name}\": \"{}\",\n", base64(bytes))).collect();
    Ok(format!(
        "<!doctype html>\n<html lang=\"et\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{title}\n\
         <link rel=\"icon\" href=\"data:image/svg+xml;base64,{}\">\n<style>\n{css}\n</style>\n</head>\n<body>\n{main}\n\
         <script type=\"module\">\n{glue}\nconst bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));\n\
         const packs = {{\n{embedded}}};\n\
         window.tereContent = {{ load: (name) => name in packs ? Promise.resolve(bytes(packs[name]).buffer) : Promise.reject(new Error(`${{name}}: not in this page`)) }};\n\
         await __wbg_init({{ module_or_path: bytes(\"{}\") }});\n</script>\n</body>\n</html>\n",
        base64(icon),
        base64(wasm)
    ))
}

/// Standard base64 with padding, as `atob` and `data:` URLs read it.
fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64(&[0xfb, 0xff]), "+/8=");
    }
}

//! `cargo xtask package [--quiz <id>]...`: what a teacher uploads and a learner opens.
//! Writes to dist/packages/: SCORM 1.2 and 2004 zips of the whole course (one SCO
//! with Tere's stage menu) and of every stage (one SCO each; with `--quiz`, only the
//! stages named), a single-file offline page, and `site/` for hosting and iframe
//! embedding. Why one SCO a package: docs/moodle.md.

use std::io::Write;
use std::path::Path;

use base64::Engine;
use tere_authoring::load_course;
use tere_engine::cmi::Version;
use tere_engine::Quiz;
use zip::write::SimpleFileOptions;

use crate::dist::site_files;
use crate::manifest::{manifest, Contents};
use crate::util::{self, Result};

pub fn run(args: &[String]) -> Result {
    // `--quiz <id>`, any number of times: only these stages' packages (default: every stage).
    let mut stages = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match (arg.as_str(), rest.next()) {
            ("--quiz", Some(id)) => stages.push(id.as_str()),
            _ => return Err("usage: cargo xtask package [--quiz <id>]...".into()),
        }
    }
    let root = util::root();
    let dist = root.join("dist");
    let out = dist.join("packages");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let loaded = load_course(&util::content_dir()).map_err(|_| "content has errors; run cargo xtask check".to_string())?;
    let course = &loaded.course;
    let files = site_files(&dist)?;
    let quizzes: Vec<&Quiz> = if stages.is_empty() {
        course.quizzes.iter().collect()
    } else {
        stages.iter().map(|id| course.quiz(id).ok_or_else(|| format!("no quiz `{id}`; see questions/course.toml"))).collect::<Result<_>>()?
    };
    let mut sets: Vec<(String, Contents)> = vec![(String::new(), Contents::Course)];
    sets.extend(quizzes.into_iter().map(|q| (format!("-{}", q.id), Contents::Stage(q))));
    for (suffix, contents) in &sets {
        for (version, name) in [(Version::Scorm12, "scorm12"), (Version::Scorm2004, "scorm2004")] {
            let xml = manifest(version, course, *contents, &files);
            let zip_path = out.join(format!("tere-{name}{suffix}.zip"));
            write_zip(&zip_path, &dist, &files, &xml)?;
            println!("wrote {}", zip_path.display());
        }
    }
    let offline = out.join("tere-offline.html");
    std::fs::write(&offline, offline_page(&dist, &files)?).map_err(|e| e.to_string())?;
    println!("wrote {}", offline.display());
    let site = out.join("site");
    for f in &files {
        let target = site.join(f);
        std::fs::create_dir_all(target.parent().unwrap()).map_err(|e| e.to_string())?;
        std::fs::copy(dist.join(f), &target).map_err(|e| e.to_string())?;
    }
    println!("wrote {}/", site.display());
    Ok(())
}

fn write_zip(path: &Path, dist: &Path, files: &[String], manifest: &str) -> Result {
    let file = std::fs::File::create(path).map_err(|e| e.to_string())?;
    let mut zip = zip::ZipWriter::new(file);
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).compression_level(Some(9));
    let mut add = |name: &str, bytes: &[u8]| -> Result {
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())
    };
    add("imsmanifest.xml", manifest.as_bytes())?;
    for f in files {
        add(f, &std::fs::read(dist.join(f)).map_err(|e| e.to_string())?)?;
    }
    zip.finish().map_err(|e| e.to_string())?;
    Ok(())
}

/// One HTML file that opens from disk: CSS inlined, the wasm-bindgen glue inlined
/// as a module script, the wasm embedded as base64 and instantiated asynchronously.
fn offline_page(dist: &Path, files: &[String]) -> Result<String> {
    let read = |suffix: &str| -> Result<String> {
        let name = files.iter().find(|f| f.ends_with(suffix) && !f.starts_with("boot-")).ok_or(format!("no *{suffix} in dist"))?;
        std::fs::read_to_string(dist.join(name)).map_err(|e| e.to_string())
    };
    let index = read("index.html")?;
    let between = |open: &str, close: &str| -> Result<String> {
        let start = index.find(open).ok_or(format!("no {open} in dist/index.html"))?;
        let end = start + index[start..].find(close).ok_or(format!("no {close} in dist/index.html"))? + close.len();
        Ok(index[start..end].to_string())
    };
    let title = between("<title>", "</title>")?;
    let main = between("<main", "</main>")?;
    let css = read(".css")?;
    let glue = read(".js")?;
    let wasm_name = files.iter().find(|f| f.ends_with(".wasm")).ok_or("no wasm in dist")?;
    let wasm = std::fs::read(dist.join(wasm_name)).map_err(|e| e.to_string())?;
    let icon = files.iter().find(|f| f.ends_with(".svg")).map(|f| std::fs::read(dist.join(f)).unwrap_or_default()).unwrap_or_default();
    Ok(format!(
        "<!doctype html>\n<html lang=\"et\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n{title}\n\
         <link rel=\"icon\" href=\"data:image/svg+xml;base64,{}\">\n<style>\n{css}\n</style>\n</head>\n<body>\n{main}\n\
         <script type=\"module\">\n{glue}\nconst embeddedWasm = Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0));\nawait __wbg_init({{ module_or_path: embeddedWasm }});\n</script>\n</body>\n</html>\n",
        base64(&icon),
        base64(&wasm)
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

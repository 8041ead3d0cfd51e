//! `cargo xtask package [--course DIR] [--out DIR] [--quiz <id>]...`: what a teacher
//! uploads and a learner opens, for the built-in course or any course folder (DIR
//! holds `course.toml`, `sections.toml` and quiz files, like `questions/`). Writes
//! SCORM 1.2 and 2004 zips of the whole course (one SCO with Tere's stage menu) and of
//! every stage (one SCO each; with `--quiz`, only the stages named), the whole course's
//! cmi5 zip (`tere-cmi5.zip`, one AU a stage) and xAPI zip (`tere-xapi.zip`, with the
//! `tincan.xml` of Moodle's xAPI Launch Link), a single-file offline page, Tere Studio
//! with the course built in (`tere-studio.html`, also `site/studio.html`), and `site/`
//! for hosting and iframe embedding. Why one SCO a package: docs/moodle.md.
//!
//! The players are the ones already built (`cargo xtask build`), byte for byte: the
//! SCORM player (dist-scorm/) in the SCORM zips, the xAPI player (dist-xapi/) in the
//! cmi5 and xAPI zips, the page player (dist/) in the offline page and the site. A
//! course is data beside them (`content/`), so packaging another course or an edited
//! one never rebuilds the wasm.
//!
//! The packages themselves are made in memory by `tere-publish` (which the Studio runs
//! in the browser too); this reads the player and the course's source from disk and
//! writes what it returns. Every zip and the offline page carry the source.

use std::path::{Path, PathBuf};

use tere_authoring::LoadedCourse;
use tere_engine::cmi::Version;
use tere_engine::packed::FOLDER;
use tere_engine::Quiz;
use tere_publish::{Contents, Player, Players, Source};

use crate::dist::site_files;
use crate::packs;
use crate::util::{self, Result};

const USAGE: &str = "usage: cargo xtask package [--course DIR] [--out DIR] [--quiz <id>]...";

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
    let packs = tere_authoring::packed::pack_loaded(&loaded);
    let (players, xapi) = players()?;
    let quizzes: Vec<&Quiz> = if stages.is_empty() {
        course.quizzes.iter().collect()
    } else {
        stages.iter().map(|id| course.quiz(id).ok_or_else(|| format!("no quiz `{id}` in {}", course_dir.display()))).collect::<Result<_>>()?
    };
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| format!("create {}: {e}", out.display()))?;
    let source = source_files(&course_dir, &loaded)?;
    let mut sets = vec![(String::new(), Contents::Course)];
    sets.extend(quizzes.into_iter().map(|q| (format!("-{}", q.id), Contents::Stage(q))));
    for (suffix, contents) in sets {
        for (version, name) in [(Version::Scorm12, "scorm12"), (Version::Scorm2004, "scorm2004")] {
            let zip = tere_publish::scorm_zip(version, &players, course, &packs, contents, &source)?;
            let zip_path = out.join(format!("tere-{name}{suffix}.zip"));
            std::fs::write(&zip_path, zip).map_err(|e| format!("write {}: {e}", zip_path.display()))?;
            println!("wrote {}", zip_path.display());
        }
    }
    let cmi5 = tere_publish::cmi5_zip(&xapi, course, &packs, &source)?;
    let xapi_package = tere_publish::xapi_zip(&xapi, course, &packs, &source)?;
    for (name, zip) in [("tere-cmi5.zip", cmi5), ("tere-xapi.zip", xapi_package)] {
        let zip_path = out.join(name);
        std::fs::write(&zip_path, zip).map_err(|e| format!("write {}: {e}", zip_path.display()))?;
        println!("wrote {}", zip_path.display());
    }
    let offline = out.join("tere-offline.html");
    let offline_page = tere_publish::offline_page(&players, &packs, &source)?;
    std::fs::write(&offline, &offline_page).map_err(|e| e.to_string())?;
    println!("wrote {}", offline.display());
    // Tere Studio with this course built in: the player's files and the course's source inside.
    let studio = crate::studio::page(&crate::studio::build_if_stale()?, &players, &xapi, &source, &offline_page)?;
    let studio_path = out.join("tere-studio.html");
    std::fs::write(&studio_path, &studio).map_err(|e| e.to_string())?;
    println!("wrote {}", studio_path.display());
    let site = out.join("site");
    for (name, bytes) in tere_publish::site(&players, &packs) {
        let target = site.join(name);
        std::fs::create_dir_all(target.parent().unwrap()).map_err(|e| e.to_string())?;
        std::fs::write(&target, bytes).map_err(|e| e.to_string())?;
    }
    std::fs::write(site.join("studio.html"), &studio).map_err(|e| e.to_string())?;
    println!("wrote {}/", site.display());
    Ok(())
}

/// The course's source as it was read and validated: every file `load_course` read
/// (`course.toml`, `sections.toml`, the quiz files), by file name, and the files of
/// the course folder's `media/` that the course names.
fn source_files(course_dir: &Path, loaded: &LoadedCourse) -> Result<Source> {
    let files = loaded
        .files
        .iter()
        .map(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).ok_or(format!("{}: not a plain file name", path.display()))?;
            let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((name.to_string(), text))
        })
        .collect::<Result<_>>()?;
    let media_dir = course_dir.join(tere_authoring::media::COURSE_FOLDER);
    let media = loaded
        .media_named
        .iter()
        .map(|name| std::fs::read(media_dir.join(name)).map(|bytes| (name.clone(), bytes)).map_err(|e| format!("{}/{name}: {e}", media_dir.display())))
        .collect::<Result<_>>()?;
    Ok(Source { files, media })
}

/// The built players (`crate::dist::PLAYERS`): the two the Studio carries and
/// publishes with, and the xAPI player, which only `cargo xtask package` packages.
fn players() -> Result<(Players, Player)> {
    let [page, scorm, xapi] = crate::dist::PLAYERS.map(|player| util::root().join(player.dir));
    Ok((Players { page: player_files(&page)?, scorm: player_files(&scorm)? }, player_files(&xapi)?))
}

/// A built player as packages serve it: every file of its folder but its course
/// (`content/`), and the wasm's gzip bytes beside it (`served`).
fn player_files(dist: &Path) -> Result<Player> {
    raw_player_files(dist).map(served)
}

/// `player` with `<wasm>.gz` beside each wasm: zopfli's gzip, made once a package run.
pub fn served(mut player: Player) -> Player {
    let gz: Vec<(String, Vec<u8>)> = player
        .files
        .iter()
        .filter(|(name, _)| name.ends_with(".wasm"))
        .map(|(name, bytes)| {
            let mut out = Vec::new();
            // Into a Vec: cannot fail.
            zopfli::compress(zopfli::Options::default(), zopfli::Format::Gzip, &bytes[..], &mut out).expect("gzip into memory");
            (format!("{name}.gz"), out)
        })
        .collect();
    player.files.extend(gz);
    player
}

/// A built player's files: every file of its folder but its course (`content/`).
fn raw_player_files(dist: &Path) -> Result<Player> {
    let names = site_files(dist)?;
    if !names.iter().any(|n| n.ends_with(".wasm")) {
        return Err(format!("no player in {}; run `cargo xtask build`", dist.display()));
    }
    names
        .into_iter()
        .filter(|n| !n.starts_with(&format!("{FOLDER}/")))
        .map(|n| std::fs::read(dist.join(&n)).map(|bytes| (n.clone(), bytes)).map_err(|e| format!("{n}: {e}")))
        .collect::<Result<_>>()
        .map(|files| Player { files })
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use tere_publish::Player;

    #[test]
    fn a_served_player_carries_gzip_bytes_that_inflate_to_its_wasm() {
        let wasm: Vec<u8> = (0..20_000u32).flat_map(|i| (i % 251).to_le_bytes()).collect();
        let player = super::served(Player { files: vec![("index.html".into(), b"<!doctype html>".to_vec()), ("tere_bg.wasm".into(), wasm.clone())] });
        let names: Vec<&str> = player.files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["index.html", "tere_bg.wasm", "tere_bg.wasm.gz"]);
        let mut inflated = Vec::new();
        flate2::read::GzDecoder::new(&player.files[2].1[..]).read_to_end(&mut inflated).unwrap();
        assert_eq!(inflated, wasm);
        assert!(player.files[2].1.len() < wasm.len() / 4);
    }
}

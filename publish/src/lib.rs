//! Tere's packages, made in memory from a built player and a course: SCORM 1.2 and
//! 2004 zips (one SCO each: the whole course or one stage; docs/moodle.md says why),
//! the cmi5 zip (one AU a stage) and the xAPI zip (`tincan.xml`), the single-file
//! offline page (docs/offline.md), and the site folder for hosting.
//! No file system and no clock: `cargo xtask package` writes what this returns, and
//! the Studio (compiled to wasm32-unknown-unknown) hands it to the browser.
//!
//! Every package but the site carries the course's editable source (`course.toml`,
//! `sections.toml`, the quiz files), so that [`read_source`] gives back exactly what
//! was published: as `source/<file>` in a zip, as non-executed data blocks in the
//! offline page.

mod cmi5;
mod describe;
mod launch;
mod manifest;
mod offline;
mod source;
mod tincan;
mod xml;

use std::io::{Cursor, Write};

use base64::Engine;
use tere_authoring::media::COURSE_FOLDER;
use tere_authoring::packed::Packs;
use tere_engine::cmi::Version;
use tere_engine::packed::{media_path, quiz_file, FOLDER, INDEX_FILE};
use tere_engine::Course;
use zip::write::SimpleFileOptions;

pub use cmi5::{cmi5_xml, cmi5_zip, CMI5_FILE};
pub use manifest::{manifest, Contents};
pub use offline::{inlinable, offline_page, script_hash, source_blocks};
pub use source::{read_source, SourceError, MAX_SOURCE_FILES, MAX_SOURCE_FILE_BYTES, MAX_SOURCE_MEDIA_TOTAL_BYTES, MAX_SOURCE_TOTAL_BYTES};
pub use tincan::{tincan_xml, xapi_zip, TINCAN_FILE};

/// A file of a package: its path inside the package (`/` separators), and its bytes.
pub type File = (String, Vec<u8>);

/// A built player as packages serve it (Trunk's dist/ without the course): `index.html`,
/// the boot script, the wasm-bindgen glue (`tere-*.js`), the wasm (`tere-*_bg.wasm`)
/// and beside it its gzip bytes (`<wasm>.gz`, which content-loader.js fetches where the
/// server sends the wasm uncompressed and untyped, Moodle's pluginfile.php, and inflates
/// as they arrive; made once by `cargo xtask` with zopfli, and carried as they are by
/// the Studio), the styles, the icon and the content loader (`content-loader.js`: its
/// own file in the page player, inline in the page of a package's player); paths
/// relative, `/` separators.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Player {
    pub files: Vec<File>,
}

/// The built players the Studio carries and publishes with, one per door kind (the
/// `tere` crate's Cargo features): each package carries only the doors it uses. Each is
/// built once and is byte for byte the same in every course. The third, the xAPI
/// player, is an argument of the packages that carry it ([`cmi5_zip`], [`xapi_zip`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Players {
    /// The SCORM 1.2 and 2004 doors: every SCORM package's player.
    pub scorm: Player,
    /// The postMessage door (an embedding page) and local storage: the site's and the
    /// offline page's player.
    pub page: Player,
}

/// The data attributes of the Tere Studio page's blocks that hold each player's files
/// (`<script type="application/octet-stream" data-<attribute>="<file>">` with the
/// bytes in base64), written by `cargo xtask package`, read by the Studio.
pub const PAGE_PLAYER_BLOCK: &str = "player-file";
pub const SCORM_PLAYER_BLOCK: &str = "scorm-player-file";
/// The xAPI player's blocks (the cmi5 and xAPI packages' player).
pub const XAPI_PLAYER_BLOCK: &str = "xapi-player-file";

/// The course's editable source: `course.toml`, `sections.toml` and the quiz files,
/// as `(file name without folders, text)`, and the pictures and sounds of its `media/`
/// that the course names, as `(file name without folders, bytes)`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source {
    pub files: Vec<(String, String)>,
    pub media: Vec<(String, Vec<u8>)>,
}

/// The folder of a zip that holds the course's source (its media in
/// `source/media/`, as a course folder holds them).
pub const SOURCE_FOLDER: &str = "source";

/// The packs a package carries, as `content/<name>`: the index and every quiz's, or
/// (a stage's package) the index and that quiz's alone.
pub fn content_files(packs: &Packs, contents: Contents) -> Vec<File> {
    let wanted = match contents {
        Contents::Course => None,
        Contents::Stage(quiz) => Some(quiz_file(&quiz.id)),
    };
    packs
        .files
        .iter()
        .filter(|(name, _)| name == INDEX_FILE || wanted.as_ref().is_none_or(|w| w == name))
        .map(|(name, bytes)| (format!("{FOLDER}/{name}"), bytes.clone()))
        .collect()
}

/// The media files a package carries, as `content/media/<name>`: all of the course's,
/// or (a stage's package) those its quiz shows.
pub fn media_files(packs: &Packs, contents: Contents) -> Vec<File> {
    let shown: Option<Vec<&str>> = match contents {
        Contents::Course => None,
        Contents::Stage(quiz) => Some(quiz.media().map(|m| m.file.as_ref()).collect()),
    };
    packs
        .media
        .iter()
        .filter(|(name, _)| shown.as_ref().is_none_or(|shown| shown.contains(&name.as_str())))
        .map(|(name, bytes)| (media_path(name), bytes.clone()))
        .collect()
}

/// The source as `source/<file>` and `source/media/<file>` entries.
pub fn source_files(source: &Source) -> Vec<File> {
    let texts = source.files.iter().map(|(name, text)| (format!("{SOURCE_FOLDER}/{name}"), text.as_bytes().to_vec()));
    texts.chain(source.media.iter().map(|(name, bytes)| (format!("{SOURCE_FOLDER}/{COURSE_FOLDER}/{name}"), bytes.clone()))).collect()
}

/// Every file of a zip package but its descriptor at the root (`imsmanifest.xml`,
/// `cmi5.xml`, `tincan.xml`): `player` (the SCORM player in a SCORM package), the packs
/// `contents` needs with a gzip copy of each (`<pack>.gz`: Moodle serves packs
/// uncompressed, and content-loader.js fetches these there), the media files it shows
/// (without a gzip copy: the browser fetches them itself, and most are compressed
/// already), and the source. A SCORM manifest lists exactly these.
pub fn package_files(player: &Player, packs: &Packs, contents: Contents, source: &Source) -> Vec<File> {
    let mut files = player.files.clone();
    for (name, bytes) in content_files(packs, contents) {
        let gz = (format!("{name}.gz"), gzip(&bytes));
        files.push((name, bytes));
        files.push(gz);
    }
    files.extend(media_files(packs, contents));
    files.extend(source_files(source));
    files
}

/// A SCORM package as zip bytes: `imsmanifest.xml` first, then [`package_files`] with
/// the SCORM player. Fails only on file names a zip cannot hold twice or at all.
pub fn scorm_zip(version: Version, players: &Players, course: &Course, packs: &Packs, contents: Contents, source: &Source) -> Result<Vec<u8>, String> {
    package_zip("imsmanifest.xml", &players.scorm, packs, contents, source, |files| manifest(version, course, contents, files))
}

/// A zip package: its descriptor `name` at the root and first, as `descriptor` writes
/// it from the names of the package's other files, then [`package_files`]. Fails only
/// on file names a zip cannot hold twice or at all.
pub(crate) fn package_zip(
    name: &str,
    player: &Player,
    packs: &Packs,
    contents: Contents,
    source: &Source,
    descriptor: impl FnOnce(&[String]) -> String,
) -> Result<Vec<u8>, String> {
    check_names(source)?;
    let files = package_files(player, packs, contents, source);
    let names: Vec<String> = files.iter().map(|(name, _)| name.clone()).collect();
    let mut entries = vec![(name.to_string(), descriptor(&names).into_bytes())];
    entries.extend(files);
    zip_of(&entries)
}

/// The version's name in a package's file name: `scorm2004` or `scorm12`.
pub fn version_name(version: Version) -> &'static str {
    match version {
        Version::Scorm2004 => "scorm2004",
        Version::Scorm12 => "scorm12",
    }
}

/// The name of one stage's package inside [`stage_zips`]: `<quiz id>-scorm2004.zip`.
pub fn stage_zip_name(version: Version, quiz_id: &str) -> String {
    format!("{quiz_id}-{}.zip", version_name(version))
}

/// The README beside the stages' packages in [`stage_zips`].
pub const STAGES_README: &str = "README.txt";

/// Every stage's package in one zip, for one SCORM activity per stage (docs/moodle.md):
/// `readme` as [`STAGES_README`], then each quiz's [`scorm_zip`] with
/// [`Contents::Stage`] (the same package `cargo xtask package` writes for a stage),
/// named by [`stage_zip_name`], in the course's order. The inner zips are stored as
/// they are: they are compressed already.
pub fn stage_zips(version: Version, players: &Players, course: &Course, packs: &Packs, source: &Source, readme: &str) -> Result<Vec<u8>, String> {
    let mut entries = vec![(STAGES_README.to_string(), readme.as_bytes().to_vec())];
    for quiz in course.quizzes.iter() {
        let zip = scorm_zip(version, players, course, packs, Contents::Stage(quiz), source)?;
        entries.push((stage_zip_name(version, &quiz.id), zip));
    }
    zip_with(&entries, zip::CompressionMethod::Stored)
}

/// The course's source alone as a zip (`source/<file>`): the TOML export, which
/// [`read_source`] opens again like a package.
pub fn source_zip(source: &Source) -> Result<Vec<u8>, String> {
    check_names(source)?;
    zip_of(&source_files(source))
}

/// Every source file's name (text or media) is a plain file name.
pub(crate) fn check_names(source: &Source) -> Result<(), String> {
    let names = source.files.iter().map(|(name, _)| name).chain(source.media.iter().map(|(name, _)| name));
    match names.into_iter().find(|name| !tere_authoring::is_plain_file_name(name)) {
        Some(bad) => Err(format!("source file name `{bad}` is not a plain file name")),
        None => Ok(()),
    }
}

/// A zip of `files`, in order, deflated.
fn zip_of(files: &[File]) -> Result<Vec<u8>, String> {
    zip_with(files, zip::CompressionMethod::Deflated)
}

/// A zip of `files`, in order, each compressed with `method` (deflate at its best).
fn zip_with(files: &[File], method: zip::CompressionMethod) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let level = (method == zip::CompressionMethod::Deflated).then_some(9);
    let options = SimpleFileOptions::default().compression_method(method).compression_level(level);
    let mut add = |name: &str, bytes: &[u8]| -> Result<(), String> {
        zip.start_file(name, options).map_err(|e| format!("{name}: {e}"))?;
        zip.write_all(bytes).map_err(|e| format!("{name}: {e}"))
    };
    for (name, bytes) in files {
        add(name, bytes)?;
    }
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}

/// `bytes` as a gzip file, at the best level zlib has.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    encoder.write_all(bytes).and_then(|_| encoder.finish()).expect("gzip into memory")
}

/// The site for hosting and iframe embedding: the page player and the whole course's
/// packs (`content/`) and media files (`content/media/`), paths relative. It carries no
/// source: a site is served to learners.
pub fn site(players: &Players, packs: &Packs) -> Vec<File> {
    let mut files = players.page.files.clone();
    files.extend(content_files(packs, Contents::Course));
    files.extend(media_files(packs, Contents::Course));
    files
}

/// Standard base64 with padding, as `atob` and `data:` URLs read it.
pub(crate) fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};
    use std::path::Path;

    use tere_engine::cmi::Version;

    use super::{stage_zip_name, stage_zips, Player, Players, Source, STAGES_README};

    /// The names in a zip, in order, and the bytes of `name`.
    fn open(zip: &[u8], name: &str) -> (Vec<String>, Vec<u8>) {
        let mut archive = zip::ZipArchive::new(Cursor::new(zip)).expect("a zip");
        let names = (0..archive.len()).map(|i| archive.name_for_index(i).expect("named").expect("a name").to_string()).collect();
        let mut bytes = Vec::new();
        archive.by_name(name).expect("the entry").read_to_end(&mut bytes).expect("readable");
        (names, bytes)
    }

    #[test]
    fn a_stage_package_is_named_by_its_quiz_id_and_version() {
        assert_eq!(stage_zip_name(Version::Scorm2004, "ettevalmistus"), "ettevalmistus-scorm2004.zip");
        assert_eq!(stage_zip_name(Version::Scorm12, "raske_klient"), "raske_klient-scorm12.zip");
    }

    #[test]
    fn the_stages_zip_holds_the_readme_and_every_stage_package_in_course_order() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("publish is inside the repo");
        let course = tere_authoring::load_course(&root.join("questions")).unwrap_or_else(|_| panic!("questions/ has errors")).course;
        let packs = tere_authoring::packed::pack(&course);
        let player = Player { files: vec![("index.html".into(), b"<!doctype html>".to_vec())] };
        let players = Players { scorm: player, page: Player::default() };
        let source = Source { files: vec![("course.toml".into(), "title = \"T\"\n".into())], media: Vec::new() };
        for version in [Version::Scorm2004, Version::Scorm12] {
            let outer = stage_zips(version, &players, &course, &packs, &source, "Each zip is one activity.").expect("zipped");
            let (names, readme) = open(&outer, STAGES_README);
            let mut expected = vec![STAGES_README.to_string()];
            expected.extend(course.quizzes.iter().map(|q| stage_zip_name(version, &q.id)));
            assert_eq!(names, expected);
            assert_eq!(readme, b"Each zip is one activity.");
            // Each inner zip is that stage's own package, the one `scorm_zip` makes for it.
            for quiz in course.quizzes.iter() {
                let (_, inner) = open(&outer, &stage_zip_name(version, &quiz.id));
                let made = super::scorm_zip(version, &players, &course, &packs, super::Contents::Stage(quiz), &source).expect("zipped");
                assert_eq!(inner, made, "{}", quiz.id);
                let (files, manifest) = open(&inner, "imsmanifest.xml");
                assert!(String::from_utf8(manifest).unwrap().contains(&format!("index.html?quiz={}", quiz.id)));
                assert!(files.contains(&format!("content/{}", tere_engine::packed::quiz_file(&quiz.id))));
            }
        }
    }

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64(&[0xfb, 0xff]), "+/8=");
    }
}

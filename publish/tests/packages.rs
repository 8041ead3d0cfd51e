//! Packages of the built-in course (questions/) with a small fake player: what they
//! hold, and the source read back from them byte for byte; then what `read_source`
//! says of files that are not Tere packages, or are hostile.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use base64::Engine;
use tere_authoring::packed::{pack, pack_loaded, Packs};
use tere_engine::cmi::Version;
use tere_engine::{Course, Media, Shown};
use tere_publish::{
    cmi5_xml, cmi5_zip, offline_page, read_source, scorm_zip, site, tincan_xml, xapi_zip, Contents, Player, Players, Source, SourceError, CMI5_FILE,
    MAX_SOURCE_FILES, MAX_SOURCE_FILE_BYTES, MAX_SOURCE_TOTAL_BYTES, TINCAN_FILE,
};
use zip::write::SimpleFileOptions;

fn questions() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().join("questions")
}

struct Fixture {
    course: Course,
    packs: Packs,
    source: Source,
    players: Players,
    /// The cmi5 and xAPI packages' player.
    xapi: Player,
}

/// The built-in course, its source as read from questions/, and three fake players.
fn fixture() -> Fixture {
    let loaded = tere_authoring::load_course(&questions()).unwrap_or_else(|_| panic!("questions/ has errors"));
    let source = Source {
        files: loaded.files.iter().map(|p| (p.file_name().unwrap().to_str().unwrap().to_string(), std::fs::read_to_string(p).unwrap())).collect(),
        media: Vec::new(),
    };
    assert!(source.files.len() >= 3);
    let packs = pack_loaded(&loaded);
    Fixture { course: loaded.course, packs, source, players: Players { scorm: player("2"), page: player("1") }, xapi: player("3") }
}

/// A fake player whose build-specific files are named by `build` (as Trunk names
/// them by hash), so a package shows which player it carries.
fn player(build: &str) -> Player {
    let index = format!(
        "<!doctype html>\n<html lang=\"et\"><head><title>Tere test</title><script src=\"content-loader.js\"></script>\
         <script type=\"module\" src=\"./boot-{build}.js\"></script></head>\n<body>\n  <main id=\"tere\"><noscript>JS</noscript></main>\n</body></html>\n"
    );
    let files: Vec<(String, Vec<u8>)> = vec![
        ("index.html".into(), index.into_bytes()),
        (format!("boot-{build}.js"), format!("import init from './tere-{build}.js'; await init();\n").into_bytes()),
        (format!("tere-{build}.js"), format!("export default async function __wbg_init(o) {{ window.inited = {build}; }}\n").into_bytes()),
        (format!("tere-{build}_bg.wasm"), [b"\0asm\x01\0\0\0".as_slice(), build.as_bytes()].concat()),
        // As `cargo xtask` serves a player: the wasm's gzip bytes beside it.
        (format!("tere-{build}_bg.wasm.gz"), format!("gzip of {build}").into_bytes()),
        ("style-0.css".into(), b"main { color: red; }\n".to_vec()),
        ("favicon-0.svg".into(), b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec()),
        ("content-loader.js".into(), b"window.tereContent = {};\n".to_vec()),
    ];
    Player { files }
}

/// Whether `files` hold the player built as `build` (its glue) and not the other.
fn carries_build(files: &[(String, Vec<u8>)], build: &str, not: &str) -> bool {
    files.iter().any(|(n, _)| *n == format!("tere-{build}.js")) && !files.iter().any(|(n, _)| n.contains(&format!("-{not}")))
}

/// Every entry of a zip: name → bytes.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut out = Vec::new();
            file.read_to_end(&mut out).unwrap();
            (file.name().unwrap().to_string(), out)
        })
        .collect()
}

/// The `<file href>`s of a manifest, in order.
fn manifest_files(xml: &str) -> Vec<String> {
    xml.split("<file href=\"").skip(1).map(|rest| rest.split('"').next().unwrap().to_string()).collect()
}

#[test]
fn a_course_zip_holds_manifest_player_packs_and_source_and_gives_the_source_back() {
    let f = fixture();
    for version in [Version::Scorm12, Version::Scorm2004] {
        let zip = scorm_zip(version, &f.players, &f.course, &f.packs, Contents::Course, &f.source).unwrap();
        let entries = unzip(&zip);
        assert_eq!(entries[0].0, "imsmanifest.xml");
        let xml = String::from_utf8(entries[0].1.clone()).unwrap();
        assert_eq!(xml, tere_publish::manifest(version, &f.course, Contents::Course, &manifest_files(&xml)[1..]), "the manifest as `manifest` writes it");
        // Every entry but the manifest is listed once, in zip order.
        let names: Vec<String> = entries[1..].iter().map(|(n, _)| n.clone()).collect();
        let listed: Vec<String> = manifest_files(&xml).into_iter().skip(1).collect(); // the SCO's own index.html first
        assert_eq!(listed, names);
        for (name, bytes) in &f.players.scorm.files {
            assert!(entries.contains(&(name.clone(), bytes.clone())), "{name}");
        }
        assert!(carries_build(&entries, "2", "1"), "the SCORM player alone");
        for (name, bytes) in &f.packs.files {
            assert!(entries.contains(&(format!("content/{name}"), bytes.clone())), "{name}");
        }
        for (name, text) in &f.source.files {
            assert!(entries.contains(&(format!("source/{name}"), text.as_bytes().to_vec())), "{name}");
        }
        assert_eq!(read_source(&zip).unwrap(), f.source);
    }
}

#[test]
fn a_stage_zip_holds_its_own_pack_alone_and_the_whole_source() {
    let f = fixture();
    let quiz = &f.course.quizzes[1];
    let zip = scorm_zip(Version::Scorm2004, &f.players, &f.course, &f.packs, Contents::Stage(quiz), &f.source).unwrap();
    let entries = unzip(&zip);
    let content: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).filter(|n| n.starts_with("content/") && !n.starts_with("content/media/")).collect();
    let pack = format!("content/quiz-{}.pack", quiz.id);
    assert_eq!(content, ["content/course.pack".to_string(), "content/course.pack.gz".into(), pack.clone(), format!("{pack}.gz")]);
    // The media files its quiz shows, and no other.
    let shown: Vec<&str> = quiz.media().map(|m| m.file.as_ref()).collect();
    let expected: Vec<&str> = f.packs.media.iter().map(|(n, _)| n.as_str()).filter(|n| shown.contains(n)).collect();
    assert_eq!(media_in(&entries), expected);
    // Each pack's gzip copy inflates to it (Moodle serves packs uncompressed).
    for (name, bytes) in entries.iter().filter(|(n, _)| n.starts_with("content/") && n.ends_with(".pack")) {
        let (_, gz) = entries.iter().find(|(n, _)| *n == format!("{name}.gz")).expect("its gzip copy");
        let mut inflated = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut inflated).unwrap();
        assert_eq!(&inflated, bytes, "{name}");
    }
    let xml = String::from_utf8(entries[0].1.clone()).unwrap();
    assert!(xml.contains(&format!("href=\"index.html?quiz={}\"", quiz.id)));
    for (name, _) in &entries[1..] {
        assert!(manifest_files(&xml).contains(name), "{name} is in the zip but not in the manifest");
    }
    let back = read_source(&zip).unwrap();
    assert_eq!(back, f.source);
    for ((name, text), (back_name, back_text)) in f.source.files.iter().zip(&back.files) {
        assert_eq!((name, text.as_bytes()), (back_name, back_text.as_bytes()));
    }
}

/// A cmi5 or xAPI zip: its descriptor at the root and first, then the xAPI player (not
/// the SCORM or the page player), every pack with its gzip copy, every media file, and
/// the source, which reads back.
fn assert_lrs_zip(f: &Fixture, zip: &[u8], descriptor: &str, xml: String) {
    let entries = unzip(zip);
    assert_eq!(entries[0], (descriptor.to_string(), xml.into_bytes()));
    let names: Vec<&str> = entries[1..].iter().map(|(n, _)| n.as_str()).collect();
    let mut expected: Vec<String> = f.xapi.files.iter().map(|(n, _)| n.clone()).collect();
    for (name, _) in &f.packs.files {
        expected.extend([format!("content/{name}"), format!("content/{name}.gz")]);
    }
    expected.extend(f.packs.media.iter().map(|(n, _)| format!("content/media/{n}")));
    expected.extend(f.source.files.iter().map(|(n, _)| format!("source/{n}")));
    assert_eq!(names, expected);
    for (name, bytes) in &f.xapi.files {
        assert!(entries.contains(&(name.clone(), bytes.clone())), "{name}");
    }
    assert!(carries_build(&entries, "3", "1") && carries_build(&entries, "3", "2"), "the xAPI player alone");
    for (name, bytes) in &f.packs.files {
        assert!(entries.contains(&(format!("content/{name}"), bytes.clone())), "{name}");
        let (_, gz) = entries.iter().find(|(n, _)| *n == format!("content/{name}.gz")).expect("its gzip copy");
        let mut inflated = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut inflated).unwrap();
        assert_eq!(&inflated, bytes, "{name}");
    }
    assert_eq!(read_source(zip).unwrap(), f.source);
}

#[test]
fn the_cmi5_zip_holds_its_course_structure_the_xapi_player_every_pack_and_the_source() {
    let f = fixture();
    let zip = cmi5_zip(&f.xapi, &f.course, &f.packs, &f.source).unwrap();
    assert_lrs_zip(&f, &zip, CMI5_FILE, cmi5_xml(&f.course));
    let bad = Source { files: vec![("../course.toml".into(), String::new())], media: Vec::new() };
    assert!(cmi5_zip(&f.xapi, &f.course, &f.packs, &bad).is_err());
}

#[test]
fn the_xapi_zip_holds_its_tincan_xml_and_the_same_files_as_the_cmi5_zip() {
    let f = fixture();
    let zip = xapi_zip(&f.xapi, &f.course, &f.packs, &f.source).unwrap();
    assert_lrs_zip(&f, &zip, TINCAN_FILE, tincan_xml(&f.course));
    let cmi5 = cmi5_zip(&f.xapi, &f.course, &f.packs, &f.source).unwrap();
    assert_eq!(unzip(&zip)[1..], unzip(&cmi5)[1..]);
}

#[test]
fn the_offline_page_keeps_varying_data_out_of_its_one_script_and_gives_the_source_back() {
    let f = fixture();
    let page = offline_page(&f.players, &f.packs, &f.source).unwrap();
    assert_eq!(read_source(page.as_bytes()).unwrap(), f.source);
    // Every pack and the wasm embedded, as data blocks.
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    // The page player's wasm: the offline page has no LMS to talk to.
    assert!(page.contains(&format!("<script type=\"application/octet-stream\" id=\"tere-wasm\">{}</script>", b64(b"\0asm\x01\0\0\x001"))));
    for (name, bytes) in &f.packs.files {
        assert!(page.contains(&format!("<script type=\"application/octet-stream\" data-pack=\"{name}\">{}</script>", b64(bytes))), "{name}");
    }
    assert!(page.contains("<title>Tere test</title>") && page.contains("<main id=\"tere\">") && page.contains("main { color: red; }"));
    assert!(!page.contains("content-loader.js") && !page.contains("boot-1.js"));
    assert!(page.contains("window.inited = 1") && !page.contains("window.inited = 2"), "the page player's glue");
    // The one executed script is the same for another course with this player.
    let scripts = |page: &str| -> Vec<String> {
        page.split("<script")
            .skip(1)
            .filter(|s| s.starts_with(" type=\"module\"") || s.starts_with('>'))
            .map(|s| s.split("</script>").next().unwrap().to_string())
            .collect()
    };
    let inline = scripts(&page);
    assert_eq!(inline.len(), 1, "{inline:?}");
    assert!(inline[0].contains("export default async function __wbg_init") && inline[0].contains("window.tereContent"));
    let mut other = f.course.clone();
    other.title = "Another course".into();
    other.quizzes = other.quizzes[..1].to_vec().into();
    let other_source = Source { files: vec![("course.toml".into(), "title = \"Another course\"\n".into())], media: Vec::new() };
    let other_page = offline_page(&f.players, &pack(&other), &other_source).unwrap();
    assert_eq!(scripts(&other_page), inline);
    assert_ne!(other_page, page);
    assert_eq!(read_source(other_page.as_bytes()).unwrap(), other_source);
}

#[test]
fn the_site_is_the_player_and_the_whole_course_without_source() {
    let f = fixture();
    let files = site(&f.players, &f.packs);
    // The page player as served (its wasm's gzip bytes beside it), every pack and every media file.
    assert_eq!(files.len(), f.players.page.files.len() + f.packs.files.len() + f.packs.media.len());
    assert!(carries_build(&files, "1", "2"), "the page player alone");
    assert!(files.iter().all(|(n, _)| !n.starts_with("source/")));
    assert!(files.iter().any(|(n, _)| n == "content/course.pack"));
}

/// The built-in course with a picture on the first quiz's first question and a sound
/// on the second quiz's, and its packs with those files (and a file no quiz shows).
fn with_media() -> (Course, Packs) {
    let mut course = fixture().course;
    let picture = Media { file: "0123456789abcdef.svg".into(), shown: Shown::Image { width: 4, height: 3, alt: Some("A counter".into()) } };
    let sound = Media { file: "fedcba9876543210.mp3".into(), shown: Shown::Sound { transcript: "Hello?".into() } };
    let quizzes = course.quizzes.to_mut();
    quizzes[0].questions.to_mut()[0].media = Some(picture);
    quizzes[1].questions.to_mut()[0].media = Some(sound);
    let mut packs = pack(&course);
    packs.media = ["0123456789abcdef.svg", "fedcba9876543210.mp3", "00000000ffffffff.png"].iter().map(|n| (n.to_string(), n.as_bytes().to_vec())).collect();
    (course, packs)
}

/// The media files among a package's files: their names without `content/media/`.
fn media_in(files: &[(String, Vec<u8>)]) -> Vec<&str> {
    files.iter().filter_map(|(n, _)| n.strip_prefix("content/media/")).collect()
}

#[test]
fn media_files_go_with_the_packages_that_show_them() {
    let f = fixture();
    let (course, packs) = with_media();
    let all = ["0123456789abcdef.svg", "fedcba9876543210.mp3", "00000000ffffffff.png"];
    for version in [Version::Scorm12, Version::Scorm2004] {
        let entries = unzip(&scorm_zip(version, &f.players, &course, &packs, Contents::Course, &f.source).unwrap());
        assert_eq!(media_in(&entries), all, "the course's package: every file");
        let xml = String::from_utf8(entries[0].1.clone()).unwrap();
        for name in all {
            assert!(manifest_files(&xml).contains(&format!("content/media/{name}")), "{name} is in the manifest");
        }
        assert!(!entries.iter().any(|(n, _)| n.starts_with("content/media/") && n.ends_with(".gz")), "no gzip copy of a media file");
        for (name, bytes) in &packs.media {
            assert!(entries.contains(&(format!("content/media/{name}"), bytes.clone())), "{name} as it was packed");
        }
        for (quiz, shown) in course.quizzes.iter().zip([vec![all[0]], vec![all[1]]]) {
            let stage = unzip(&scorm_zip(version, &f.players, &course, &packs, Contents::Stage(quiz), &f.source).unwrap());
            assert_eq!(media_in(&stage), shown, "{}: the files its quiz shows", quiz.id);
        }
    }
    assert_eq!(media_in(&site(&f.players, &packs)), all);
    assert_eq!(media_in(&unzip(&cmi5_zip(&f.xapi, &course, &packs, &f.source).unwrap())), all);
    assert_eq!(media_in(&unzip(&xapi_zip(&f.xapi, &course, &packs, &f.source).unwrap())), all);
}

/// tests/media-course: its source with the pictures and the sound its questions name
/// (and not a file of its media/ that none names), and its packs.
fn media_course() -> (Course, Packs, Source) {
    let dir = questions().parent().unwrap().join("tests/media-course");
    let loaded = tere_authoring::load_course(&dir).unwrap_or_else(|e| panic!("tests/media-course has errors: {e:?}"));
    let files = loaded.files.iter().map(|p| (p.file_name().unwrap().to_str().unwrap().to_string(), std::fs::read_to_string(p).unwrap())).collect();
    let media = loaded.media_named.iter().map(|name| (name.clone(), std::fs::read(dir.join("media").join(name)).unwrap())).collect();
    (loaded.course.clone(), pack_loaded(&loaded), Source { files, media })
}

#[test]
fn a_sources_pictures_and_sounds_come_back_from_every_package_byte_for_byte() {
    let f = fixture();
    let (course, packs, source) = media_course();
    assert!(source.media.len() >= 2, "the media course names pictures and a sound");
    let scorm = scorm_zip(Version::Scorm2004, &f.players, &course, &packs, Contents::Course, &source).unwrap();
    let entries = unzip(&scorm);
    for (name, bytes) in &source.media {
        assert!(entries.contains(&(format!("source/media/{name}"), bytes.clone())), "{name} in source/media/");
        assert!(manifest_files(&String::from_utf8(entries[0].1.clone()).unwrap()).contains(&format!("source/media/{name}")));
    }
    let stage = scorm_zip(Version::Scorm12, &f.players, &course, &packs, Contents::Stage(&course.quizzes[0]), &source).unwrap();
    for package in [scorm, stage, cmi5_zip(&f.xapi, &course, &packs, &source).unwrap(), tere_publish::source_zip(&source).unwrap()] {
        assert_eq!(read_source(&package).unwrap(), source);
    }
    // The offline page shows the same files already: its source names them, once each.
    let page = offline_page(&f.players, &packs, &source).unwrap();
    assert_eq!(read_source(page.as_bytes()).unwrap(), source);
    for (packed, bytes) in &packs.media {
        let base64 = base64::engine::general_purpose::STANDARD.encode(bytes);
        assert_eq!(page.matches(&base64).count(), 1, "{packed} is in the page once");
    }
    // A page whose picture went missing says which.
    let cut = page.replace(&format!("data-media=\"{}\"", packs.media[0].0), "data-media=\"gone\"");
    assert!(matches!(read_source(cut.as_bytes()), Err(SourceError::MissingMedia(name)) if name.starts_with("media/")));
}

#[test]
fn media_in_a_source_is_refused_with_a_folder_in_its_name_or_above_the_limit() {
    let f = fixture();
    let mut source = media_course().2;
    source.media.push(("../x.svg".into(), b"<svg/>".to_vec()));
    assert!(tere_publish::source_zip(&source).is_err());
    assert!(offline_page(&f.players, &f.packs, &source).is_err());
    let big = vec![0u8; tere_authoring::media::MAX_BYTES + 1];
    let zip = zip_of(&[("source/course.toml", b"title = \"T\"\n"), ("source/media/big.png", &big)]);
    assert!(matches!(refused(&zip), SourceError::MediaTooLarge(name) if name == "media/big.png"));
    let nested = zip_of(&[("source/course.toml", b"title = \"T\"\n"), ("source/media/a/b.png", b"x")]);
    assert!(matches!(refused(&nested), SourceError::BadName(_)));
}

#[test]
fn every_package_carries_its_player_as_served_with_the_wasms_gzip_bytes() {
    let f = fixture();
    for (files, player) in [
        (site(&f.players, &f.packs), &f.players.page),
        (tere_publish::package_files(&f.players.scorm, &f.packs, Contents::Course, &Source::default()), &f.players.scorm),
    ] {
        let gz = player.files.iter().find(|(n, _)| n.ends_with(".wasm.gz")).expect("the fixture's player is served");
        assert!(files.contains(gz), "the gzip bytes, as made");
        assert!(files.iter().any(|(n, _)| n.ends_with(".wasm")), "and the plain wasm, for every other path");
    }
}

#[test]
fn source_names_with_folders_are_refused_when_writing() {
    let f = fixture();
    let source = Source { files: vec![("../course.toml".into(), String::new())], media: Vec::new() };
    assert!(scorm_zip(Version::Scorm12, &f.players, &f.course, &f.packs, Contents::Course, &source).is_err());
    assert!(offline_page(&f.players, &f.packs, &source).is_err());
}

// ---- Hostile and foreign input ----

/// A zip of `(name, bytes)` entries, deflated fast.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).compression_level(Some(1));
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// `read_source` of `bytes`, which must fail quickly; its error, whose message must be words.
fn refused(bytes: &[u8]) -> SourceError {
    let start = Instant::now();
    let error = read_source(bytes).expect_err("must be refused");
    assert!(start.elapsed() < Duration::from_millis(500), "took {:?}", start.elapsed());
    let message = error.message();
    assert!(message.len() > 20 && message.ends_with('.'), "{message}");
    assert_eq!(error.to_string(), message);
    error
}

#[test]
fn neither_zip_nor_html_is_refused() {
    assert_eq!(refused(b""), SourceError::UnknownFormat);
    assert_eq!(refused(b"\x7fELF\x02\x01"), SourceError::UnknownFormat);
    assert_eq!(refused(b"title = \"x\"\n"), SourceError::UnknownFormat);
}

#[test]
fn a_damaged_zip_is_refused() {
    let f = fixture();
    let zip = scorm_zip(Version::Scorm12, &f.players, &f.course, &f.packs, Contents::Course, &f.source).unwrap();
    // Cut short: no central directory.
    assert!(matches!(refused(&zip[..zip.len() / 2]), SourceError::DamagedZip(_)));
    assert!(matches!(refused(b"PK\x03\x04garbage"), SourceError::DamagedZip(_)));
    // Every byte of the source entries' data flipped: a deflate or checksum error, never a panic.
    let mut flipped = zip.clone();
    let first_source = find(&zip, b"source/").unwrap();
    for b in &mut flipped[first_source + 40..first_source + 2000] {
        *b ^= 0x5a;
    }
    let _ = read_source(&flipped);
    // Every prefix and many single-byte corruptions: no panic, and quickly.
    let small = zip_of(&[("source/course.toml", b"title = \"x\"\n"), ("source/a.toml", b"id = \"a\"\n")]);
    let start = Instant::now();
    for cut in 0..small.len() {
        let _ = read_source(&small[..cut]);
    }
    for i in 0..small.len() {
        for x in [0x01, 0x80, 0xff] {
            let mut bad = small.clone();
            bad[i] ^= x;
            let _ = read_source(&bad);
        }
    }
    assert!(start.elapsed() < Duration::from_secs(5), "took {:?}", start.elapsed());
}

#[test]
fn a_zip_that_is_no_tere_package_is_refused() {
    assert_eq!(refused(&zip_of(&[("imsmanifest.xml", b"<manifest/>"), ("index.html", b"<p>hi</p>")])), SourceError::NotTereZip);
    assert_eq!(refused(&zip_of(&[])), SourceError::NotTereZip);
    assert_eq!(refused(&zip_of(&[("source/sections.toml", b"")])), SourceError::NoCourseFile);
}

#[test]
fn a_zip_bomb_is_refused_quickly_whatever_its_headers_say() {
    let start = Instant::now();
    // 3 MiB of one byte deflates to a few KiB; its headers then claim 3 GiB, or 100 bytes.
    let bomb = zip_of(&[("source/course.toml", &vec![b'a'; 3 << 20])]);
    assert!(bomb.len() < 64 << 10, "{}", bomb.len());
    let with_size = |size: u32| {
        let mut bomb = bomb.clone();
        let local = find(&bomb, b"PK\x03\x04").unwrap();
        bomb[local + 22..local + 26].copy_from_slice(&size.to_le_bytes());
        let central = find(&bomb, b"PK\x01\x02").unwrap();
        bomb[central + 24..central + 28].copy_from_slice(&size.to_le_bytes());
        bomb
    };
    // Honest or huge headers: refused on the declared size, nothing inflated.
    assert_eq!(refused(&bomb), SourceError::FileTooLarge("course.toml".into()));
    assert_eq!(refused(&with_size(3 << 30)), SourceError::FileTooLarge("course.toml".into()));
    // Lying headers: inflating stops at the declared size (zip checks it) and, were that
    // not so, at the limit (`take`).
    let error = refused(&with_size(100));
    assert!(matches!(&error, SourceError::DamagedZip(why) if why.contains("larger than its declared")), "{error:?}");
    assert!(start.elapsed() < Duration::from_millis(900), "took {:?}", start.elapsed());
}

#[test]
fn too_much_source_in_all_or_too_many_files_is_refused() {
    let file = vec![b'#'; MAX_SOURCE_FILE_BYTES - 10];
    let names: Vec<String> = (0..=MAX_SOURCE_TOTAL_BYTES / MAX_SOURCE_FILE_BYTES).map(|i| format!("source/q{i}.toml")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), file.as_slice())).collect();
    assert_eq!(refused(&zip_of(&entries)), SourceError::TotalTooLarge);
    let names: Vec<String> = (0..=MAX_SOURCE_FILES).map(|i| format!("source/q{i}.toml")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    assert_eq!(refused(&zip_of(&entries)), SourceError::TooManyFiles);
}

#[test]
fn unusable_names_and_text_in_a_zip_are_refused() {
    assert_eq!(refused(&zip_of(&[("source/course.toml", b"x"), ("source/../evil.toml", b"x")])), SourceError::BadName("../evil.toml".into()));
    assert_eq!(refused(&zip_of(&[("source/sub/course.toml", b"x")])), SourceError::BadName("sub/course.toml".into()));
    assert_eq!(refused(&zip_of(&[("source/course.toml", b"\xff\xfe title")])), SourceError::NotText("course.toml".into()));
}

#[test]
fn an_html_page_that_is_no_tere_offline_page_is_refused() {
    assert_eq!(refused(b"<!doctype html><html><body><p>Hello</p><script>alert(1)</script></body></html>"), SourceError::NotTerePage);
    assert_eq!(refused(b"\xEF\xBB\xBF  <html>"), SourceError::NotTerePage);
    // A source block cut short.
    assert_eq!(refused(b"<html><script type=\"application/x-tere-source\" data-file=\"course.toml\">dGl0bGU"), SourceError::NotTerePage);
    assert_eq!(refused(b"<html><script type=\"application/x-tere-source\">dGl0bGU=</script>"), SourceError::NotTerePage);
}

#[test]
fn bad_base64_text_or_sizes_in_a_page_are_refused() {
    let block = |name: &str, body: &str| format!("<script type=\"application/x-tere-source\" data-file=\"{name}\">{body}</script>\n");
    let page = |blocks: &[String]| format!("<!doctype html><html><body>{}</body></html>", blocks.concat()).into_bytes();
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    assert_eq!(refused(&page(&[block("course.toml", "not base64!")])), SourceError::BadBase64("course.toml".into()));
    assert_eq!(refused(&page(&[block("course.toml", &b64(b"\xc3\x28"))])), SourceError::NotText("course.toml".into()));
    assert_eq!(refused(&page(&[block("a&amp;b/c.toml", &b64(b"x"))])), SourceError::BadName("a&b/c.toml".into()));
    let x = b64(b"x");
    assert_eq!(refused(&page(&[block("course.toml", &x), block("course.toml", &x)])), SourceError::Duplicate("course.toml".into()));
    // Too large, refused before decoding.
    let huge = "A".repeat(MAX_SOURCE_FILE_BYTES / 3 * 4 + 8);
    assert_eq!(refused(&page(&[block("course.toml", &huge)])), SourceError::FileTooLarge("course.toml".into()));
    let near = "A".repeat((MAX_SOURCE_FILE_BYTES - 16) / 3 * 4);
    let blocks: Vec<String> = (0..5).map(|i| block(&format!("q{i}.toml"), &near)).collect();
    assert_eq!(refused(&page(&blocks)), SourceError::TotalTooLarge);
    // Whitespace inside a block is fine, and names come back unescaped.
    let ok = page(&[block("course.toml", "dGl0\n bGU="), block("a &amp; &quot;b&quot;.toml", &x)]);
    assert_eq!(read_source(&ok).unwrap().files, [("course.toml".to_string(), "title".to_string()), ("a & \"b\".toml".to_string(), "x".to_string())]);
}

/// Found by review while adding the `source` fuzz target: a page's blocks were checked
/// on their length rounded up to three bytes, so a file one or two bytes below a limit,
/// or at it, came back from a zip but not from a page.
#[test]
fn a_page_gives_back_files_at_the_size_limits_as_a_zip_does() {
    let media = tere_authoring::media::MAX_BYTES;
    for (text, picture) in [(MAX_SOURCE_FILE_BYTES, media), (MAX_SOURCE_FILE_BYTES - 1, media - 1), (MAX_SOURCE_FILE_BYTES - 2, media - 2)] {
        let source = Source { files: vec![("course.toml".into(), "#".repeat(text))], media: vec![("a.png".into(), vec![7; picture])] };
        let page = format!("<!doctype html><html><body>{}</body></html>", tere_publish::source_blocks(&source, &[]));
        assert_eq!(read_source(page.as_bytes()).as_ref(), Ok(&source), "{text} and {picture} bytes");
        // Each block wrapped, as another program may save the page.
        let wrap = |bytes: &[u8]| {
            let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
            b64.as_bytes().chunks(76).map(|line| std::str::from_utf8(line).unwrap()).collect::<Vec<_>>().join("\r\n")
        };
        let block = |name: &str, bytes: &[u8]| format!("<script type=\"application/x-tere-source\" data-file=\"{name}\">\n{}\n</script>\n", wrap(bytes));
        let wrapped = format!("<html>{}{}</html>", block("course.toml", source.files[0].1.as_bytes()), block("media/a.png", &source.media[0].1));
        assert_eq!(read_source(wrapped.as_bytes()).as_ref(), Ok(&source), "{text} and {picture} bytes, wrapped");
        assert_eq!(read_source(&tere_publish::source_zip(&source).unwrap()).as_ref(), Ok(&source));
    }
    // One byte over is still refused.
    let over = Source { files: vec![("course.toml".into(), "#".repeat(MAX_SOURCE_FILE_BYTES + 1))], media: Vec::new() };
    let page = format!("<html>{}</html>", tere_publish::source_blocks(&over, &[]));
    assert_eq!(refused(page.as_bytes()), SourceError::FileTooLarge("course.toml".into()));
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
